"""Marketing's side: nurture, MQL, the 48-hour handoff, SQL feedback; the rep's list; policy."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from api.leads import capture as capture_service
from api.leads import sla
from api.leads.fields import clean
from api.leads.mapping import Channel
from api.leads.models import Lead
from api.notifications.models import Alert
from api.org.models import User
from tests.leads.support import LEAD, MY_LEADS, TOUCH, VIEW, sales

STAGE = """
mutation ($id: ID!, $stage: LeadStage!) {
  moveLeadStage(leadId: $id, stage: $stage) { lead { id stage } errors { code } }
}
"""
FEEDBACK = """
mutation ($id: ID!) {
  giveLeadFeedback(leadId: $id, quality: GOOD, note: "需求明确") { lead { id } errors { code } }
}
"""
POLICY = """
mutation ($changes: JSON!) {
  updateLeadPolicy(changes: $changes) { policy { version settings } errors { code field } }
}
"""
HOT = {
    "contact_name": "陈总",
    "email": "chen@mingde-edu.cn",
    "company_name": "明德教育",
    "pricing_page_visits": 3,
    "whitepaper_downloads": 1,
}


async def _website_lead(api: Any, org_id: Any, values: dict[str, Any]) -> Lead:
    captured = await capture_service.capture(
        organisation_id=org_id,
        data=clean(values),
        source=capture_service.Source(channel=Channel.WEBSITE),
        now=api.services.clock.now(),
    )
    return captured.lead


async def test_an_mql_is_handed_to_sales_with_a_48_hour_handoff(api: Any) -> None:
    s = await sales(api)
    lead = await _website_lead(api, s.world.org.id, HOT)
    assert lead.mql and lead.status == "ASSIGNED"
    assert lead.handoff_at == api.services.clock.now() and lead.handoff_due_at is not None
    cold = await _website_lead(
        api, s.world.org.id, {"contact_name": "路人", "phone": "13012345678"}
    )
    assert not cold.mql and cold.status == "NURTURE" and cold.handoff_due_at is None


async def test_a_handoff_without_feedback_is_overdue_and_escalates(api: Any) -> None:
    s = await sales(api)
    lead = await _website_lead(api, s.world.org.id, HOT)
    owner = await User.get(id=lead.owner_id)  # type: ignore[attr-defined]
    token = await api.login(owner.username)
    await api.graphql(VIEW, {"id": str(lead.id)}, token=token)
    await api.graphql(TOUCH, {"id": str(lead.id), "kind": "CALL"}, token=token)
    assert lead.handoff_due_at is not None
    acted = await sla.sweep(now=lead.handoff_due_at)
    assert acted == 1
    row = await Lead.get(id=lead.id)
    assert row.handoff_overdue and row.handoff_due_at is None
    alert = await Alert.get(template="lead.handoff_overdue")
    assert alert.escalation is not None and alert.subject_id == f"{lead.id}:1"


async def test_feedback_after_a_touch_completes_the_handoff(api: Any) -> None:
    s = await sales(api)
    lead = await _website_lead(api, s.world.org.id, HOT)
    owner = await User.get(id=lead.owner_id)  # type: ignore[attr-defined]
    token = await api.login(owner.username)
    await api.graphql(TOUCH, {"id": str(lead.id), "kind": "WECHAT"}, token=token)
    body = await api.graphql(FEEDBACK, {"id": str(lead.id)}, token=token)
    assert body["data"]["giveLeadFeedback"]["errors"] == []
    row = await Lead.get(id=lead.id)
    assert row.handoff_due_at is None and row.feedback == "GOOD"


async def test_reaching_the_demo_makes_an_sql_whose_path_marketing_sees(api: Any) -> None:
    s = await sales(api)
    lead = await _website_lead(api, s.world.org.id, HOT)
    owner = await User.get(id=lead.owner_id)  # type: ignore[attr-defined]
    token = await api.login(owner.username)
    await api.graphql(TOUCH, {"id": str(lead.id), "kind": "CALL"}, token=token)
    body = await api.graphql(STAGE, {"id": str(lead.id), "stage": "DEMO"}, token=token)
    assert body["data"]["moveLeadStage"]["lead"]["stage"] == "DEMO"
    back = await api.graphql(STAGE, {"id": str(lead.id), "stage": "CONTACTED"}, token=token)
    assert back["data"]["moveLeadStage"]["errors"][0]["code"] == "INVALID_STAGE"
    assert (await Lead.get(id=lead.id)).sql_at is not None
    seen = await api.graphql(LEAD, {"id": str(lead.id)}, token=s.token("marketing"))
    kinds = [e["kind"] for e in seen["data"]["lead"]["timeline"]]
    assert kinds[:2] == ["CAPTURED", "SCORED"]
    assert {"MQL", "ASSIGNED", "TOUCHED", "STAGE", "SQL"} <= set(kinds)


async def test_my_leads_lists_only_mine_with_their_due_times(api: Any) -> None:
    s = await sales(api)
    mine = await _website_lead(api, s.world.org.id, HOT)
    owner = await User.get(id=mine.owner_id)  # type: ignore[attr-defined]
    body = await api.graphql(MY_LEADS, token=await api.login(owner.username))
    nodes = [e["node"] for e in body["data"]["myLeads"]["edges"]]
    assert [n["id"] for n in nodes] == [str(mine.id)]
    assert nodes[0]["firstTouchDueAt"] and nodes[0]["viewDueAt"]
    other = s.world.rep_b
    body = await api.graphql(MY_LEADS, token=await api.login(other.username))
    assert body["data"]["myLeads"]["edges"] == []


async def test_the_policy_is_versioned_and_validated(api: Any) -> None:
    s = await sales(api)
    admin = s.token("admin")
    bad = await api.graphql(POLICY, {"changes": {"firstTouchMinutes": 0}}, token=admin)
    assert bad["data"]["updateLeadPolicy"]["errors"][0]["field"] == "firstTouchMinutes"
    hours = {"workingHours": {"start": "25:00"}}
    bad = await api.graphql(POLICY, {"changes": hours}, token=admin)
    assert bad["data"]["updateLeadPolicy"]["errors"][0]["field"].startswith("workingHours")
    body = await api.graphql(
        POLICY, {"changes": {"firstTouchMinutes": 30, "workingHoursOnly": False}}, token=admin
    )
    policy = body["data"]["updateLeadPolicy"]["policy"]
    assert policy["version"] == 1 and policy["settings"]["firstTouchMinutes"] == 30
    api.services.clock.set(datetime(2026, 11, 28, 4, 0, tzinfo=UTC))  # a Saturday
    lead = await _website_lead(api, s.world.org.id, HOT)
    assert lead.touch_due_at == datetime(2026, 11, 28, 4, 30, tzinfo=UTC)
    marketing = await api.login(s.world.marketing.username)
    refused = await api.graphql(POLICY, {"changes": {}}, token=marketing)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"
