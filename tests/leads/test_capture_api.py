"""captureLead through the API: one customer per real customer, routed with its reasons, scoped."""

from __future__ import annotations

from typing import Any

from api.customers.models import Customer
from api.leads.models import Lead, LeadEvent, LeadEventKind
from api.notifications.models import Notification
from tests.leads.support import LEAD, capture, run_jobs, sales


async def test_a_staff_lead_is_routed_to_a_team_rep_with_the_reason_recorded(api: Any) -> None:
    s = await sales(api)
    payload = await capture(api, s.token("marketing"))
    assert payload["errors"] == []
    lead = payload["lead"]
    assert lead["status"] == "ASSIGNED"
    assert lead["owner"]["username"] in (s.world.rep_a.username, s.world.rep_a2.username)
    explain = lead["assignment"]["explain"]
    assert explain["outcome"] == "ASSIGNED"
    assert explain["pool"]["candidates"] == 2  # rep_b routes only in the "east" pool
    assert explain["chosen"]["rep"] in (str(s.world.rep_a.id), str(s.world.rep_a2.id))
    assert lead["firstTouchDueAt"] is not None and lead["viewDueAt"] is not None


async def test_the_rep_is_notified_once_and_the_timeline_says_so(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    await run_jobs(api)
    await run_jobs(api)
    owner = await Lead.get(id=lead["id"]).values_list("owner_id", flat=True)
    notices = await Notification.filter(recipient_id=owner).count()
    assert notices == 1
    kinds = await LeadEvent.filter(lead_id=lead["id"]).values_list("kind", flat=True)
    assert LeadEventKind.NOTIFIED in kinds and LeadEventKind.ASSIGNED in kinds


async def test_the_same_phone_in_another_format_is_the_same_customer(api: Any) -> None:
    s = await sales(api)
    first = (await capture(api, s.token("marketing")))["lead"]
    again = await capture(api, s.token("marketing"), phone="+86 138-0013-8000", contactName="王")
    assert again["merged"] is True
    assert again["lead"]["id"] == first["id"]
    assert await Customer.filter(organisation_id=s.world.org.id).count() == 1


async def test_a_company_name_variant_joins_the_existing_customer(api: Any) -> None:
    s = await sales(api)
    first = (await capture(api, s.token("marketing")))["lead"]
    other = await capture(
        api,
        s.token("marketing"),
        phone="13900139000",
        contactName="李老师",
        companyName="上海明德教育科技（有限公司）",
    )
    assert other["lead"]["customerId"] == first["customerId"]


async def test_a_branch_is_its_own_customer(api: Any) -> None:
    s = await sales(api)
    first = (await capture(api, s.token("marketing")))["lead"]
    branch = await capture(
        api,
        s.token("marketing"),
        phone="13900139001",
        companyName="上海明德教育科技有限公司（杭州分公司）",
    )
    assert branch["lead"]["customerId"] != first["customerId"]


async def test_invalid_input_is_refused_with_every_problem_and_nothing_is_written(api: Any) -> None:
    s = await sales(api)
    payload = await capture(
        api, s.token("marketing"), phone="12345", contactName=None, companyName=None
    )
    codes = {(e["code"], e["field"]) for e in payload["errors"]}
    assert ("INVALID_PHONE", "phone") in codes and ("NO_NAME", "contact_name") in codes
    assert await Lead.filter(organisation_id=s.world.org.id).count() == 0


async def test_a_rep_cannot_read_another_reps_lead_by_id(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    owner = lead["owner"]["username"]
    other = "rep_a2" if owner == s.world.rep_a.username else "rep_a"
    body = await api.graphql(LEAD, {"id": lead["id"]}, token=s.token(other))
    assert body["data"]["lead"] is None
    body = await api.graphql(LEAD, {"id": lead["id"]}, token=s.token("rep_b"))
    assert body["data"]["lead"] is None
    mine = "rep_a" if owner == s.world.rep_a.username else "rep_a2"
    body = await api.graphql(LEAD, {"id": lead["id"]}, token=s.token(mine))
    assert body["data"]["lead"]["phone"] == "13800138000"


async def test_marketing_never_sees_the_phone_and_a_manager_sees_it_masked(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    body = await api.graphql(LEAD, {"id": lead["id"]}, token=s.token("marketing"))
    assert body["data"]["lead"]["phone"] is None
    body = await api.graphql(LEAD, {"id": lead["id"]}, token=s.token("manager_a"))
    assert body["data"]["lead"]["phone"] == "138****8000"
    body = await api.graphql(LEAD, {"id": lead["id"]}, token=s.token("manager_b"))
    assert body["data"]["lead"] is None


async def test_a_website_lead_that_is_not_an_mql_stays_with_marketing(api: Any) -> None:
    s = await sales(api)
    payload = await capture(api, s.token("marketing"), channel="MINI_PROGRAM")
    assert payload["lead"]["status"] == "ASSIGNED"  # a direct conversation bypasses MQL
    from api.leads import capture as capture_service
    from api.leads.fields import clean
    from api.leads.mapping import Channel

    captured = await capture_service.capture(
        organisation_id=s.world.org.id,
        data=clean({"contact_name": "张", "email": "zhang@qq.com"}),
        source=capture_service.Source(channel=Channel.WEBSITE),
        now=api.services.clock.now(),
    )
    assert captured.lead.status == "NURTURE" and captured.assignment is None


async def test_delivery_and_finance_have_no_access_to_leads(api: Any) -> None:
    from tests.leads.support import VIEW

    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    for who in (s.world.delivery, s.world.finance):
        token = await api.login(who.username)
        body = await api.graphql(LEAD, {"id": lead["id"]}, token=token)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
        body = await api.graphql(VIEW, {"id": lead["id"]}, token=token)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_colleague_merged_into_an_open_lead_is_kept_as_a_contact(api: Any) -> None:
    from api.customers.models import Contact

    s = await sales(api)
    first = (await capture(api, s.token("marketing")))["lead"]
    colleague = await capture(api, s.token("marketing"), phone="13500135000", contactName="刘工")
    assert colleague["merged"] is True and colleague["lead"]["id"] == first["id"]
    phones = await Contact.filter(customer_id=first["customerId"]).values_list("phone", flat=True)
    assert sorted(phones) == ["13500135000", "13800138000"]


async def test_a_list_of_leads_with_assignments_and_timelines_costs_constant_queries(
    api: Any,
) -> None:
    from api.common.querylog import count_queries

    s = await sales(api)
    for i in range(6):
        await capture(api, s.token("marketing"), phone=f"1370000000{i}", companyName=f"公司{i}")
    query = """
    query { leads(first: 50) { edges { node {
      id owner { username } assignment { explain assignee { username } }
      assignments { sequence } timeline { kind actor { username } }
    } } } }
    """
    async with count_queries() as few:
        body = await api.graphql(query, token=s.token("admin"))
    assert len(body["data"]["leads"]["edges"]) == 6
    await capture(api, s.token("marketing"), phone="13700000099", companyName="公司99")
    async with count_queries() as more:
        body = await api.graphql(query, token=s.token("admin"))
    assert len(body["data"]["leads"]["edges"]) == 7
    assert more.count == few.count
