"""Merging duplicate customers: everything moves to the survivor, recorded, audited, scoped."""

from __future__ import annotations

import json
from typing import Any

from api.audit.models import AuditEntry
from api.customers.models import Contact, Customer, CustomerMerge, Site
from api.leads.models import Lead, LeadStatus
from api.visits.models import Visit
from tests.conftest import START
from tests.factories import make_customer, make_world

MERGE = """
mutation ($survivorId: ID!, $mergedIds: [ID!]!, $reason: String!) {
  mergeCustomers(survivorId: $survivorId, mergedIds: $mergedIds, reason: $reason) {
    customer { id industry size city contacts { name } sites { name } }
    merges { id mergedId moved reason at }
    errors { code field message }
  }
}
"""
CUSTOMER = "query ($id: ID!) { customer(id: $id) { id name } }"
CUSTOMERS = "query { customers(first: 50) { nodes { id } } }"
REASON = "同一家医院录入了两次"


async def _merge(api: Any, token: str, survivor: Any, merged: list[Any], reason: str = REASON):
    variables = {
        "survivorId": str(survivor.id),
        "mergedIds": [str(c.id) for c in merged],
        "reason": reason,
    }
    return await api.graphql(MERGE, variables, token=token)


async def _listed(api: Any, token: str) -> set[str]:
    body = await api.graphql(CUSTOMERS, token=token)
    return {node["id"] for node in body["data"]["customers"]["nodes"]}


async def _unchanged(*customers: Customer) -> None:
    """Nothing was merged: each customer still has its own two contacts and site."""
    assert await CustomerMerge.all().count() == 0
    assert await AuditEntry.filter(action="customers.merged").count() == 0
    for customer in customers:
        row = await Customer.get(id=customer.id)
        assert row.merged_into_id is None  # type: ignore[attr-defined]
        assert await Contact.filter(customer_id=customer.id).count() == 2
        assert await Site.filter(customer_id=customer.id).count() == 1


async def test_a_manager_merges_duplicates_into_one_customer(api):
    w = await make_world()
    survivor = await make_customer(w.org, w.rep_a, "瑞金医院", city="", industry="")
    merged = await make_customer(
        w.org, w.rep_a2, "上海瑞金医院", industry="公立医院", size="大型", company_key="瑞金医院"
    )
    merged_site = await Site.get(customer_id=merged.id)
    lead = await Lead.create(
        organisation=w.org,
        customer=merged,
        channel="staff",
        status=LeadStatus.ASSIGNED,
        last_event_at=START,
    )
    visit = await Visit.create(
        organisation=w.org,
        rep=w.rep_a2,
        customer=merged,
        site=merged_site,
        code="V-261124-ABC123",
        started_at=START,
    )
    token = await api.login(w.manager_a.username)
    assert {str(survivor.id), str(merged.id)} <= await _listed(api, token)

    body = await _merge(api, token, survivor, [merged])

    payload = body["data"]["mergeCustomers"]
    assert payload["errors"] == []
    assert payload["customer"]["id"] == str(survivor.id)
    # The survivor's blanks are filled from the merged customer; what it has stays.
    assert (await Customer.get(id=survivor.id)).name == "瑞金医院"
    assert payload["customer"]["industry"] == "公立医院"
    assert payload["customer"]["size"] == "大型"
    assert payload["customer"]["city"] == "上海"
    assert len(payload["customer"]["contacts"]) == 4
    assert len(payload["customer"]["sites"]) == 2
    [record] = payload["merges"]
    assert record["mergedId"] == str(merged.id)
    assert record["moved"] == {"contacts": 2, "sites": 1, "leads": 1, "visits": 1}
    assert record["reason"] == REASON

    assert await Contact.filter(customer_id=merged.id).count() == 0
    assert await Contact.filter(customer_id=survivor.id).count() == 4
    assert (await Site.get(id=merged_site.id)).customer_id == survivor.id  # type: ignore[attr-defined]
    assert (await Lead.get(id=lead.id)).customer_id == survivor.id  # type: ignore[attr-defined]
    assert (await Visit.get(id=visit.id)).customer_id == survivor.id  # type: ignore[attr-defined]
    survivor_row = await Customer.get(id=survivor.id)
    assert survivor_row.company_key == "瑞金医院"
    merged_row = await Customer.get(id=merged.id)  # kept, never deleted
    assert merged_row.merged_into_id == survivor.id  # type: ignore[attr-defined]

    # The merged customer no longer lists or reads, for the manager or its former owner.
    assert str(merged.id) not in await _listed(api, token)
    assert (await api.graphql(CUSTOMER, {"id": str(merged.id)}, token=token))["data"] == {
        "customer": None
    }
    rep_token = await api.login(w.rep_a2.username)
    assert str(merged.id) not in await _listed(api, rep_token)

    # The record and the audit entry: what was merged, by whom; no phone numbers or e-mails.
    merge = await CustomerMerge.get(id=record["id"])
    assert merge.survivor_id == survivor.id  # type: ignore[attr-defined]
    assert merge.merged_by_id == w.manager_a.id  # type: ignore[attr-defined]
    assert merge.snapshot["name"] == "上海瑞金医院"
    assert merge.snapshot["owner_id"] == str(w.rep_a2.id)
    assert sorted(c["name"] for c in merge.snapshot["contacts"]) == ["周工", "李主任"]  # type: ignore[attr-defined]
    [entry] = await AuditEntry.filter(action="customers.merged")
    assert entry.actor_id == w.manager_a.id  # type: ignore[attr-defined]
    assert entry.subject_id == str(merged.id)
    assert entry.data["survivor_id"] == str(survivor.id)
    assert entry.data["moved"] == record["moved"]
    for stored in (merge.snapshot, entry.data):
        text = json.dumps(stored, ensure_ascii=False)
        for personal in ("13800001234", "13900005678", "hospital.example", "li_zr_88"):
            assert personal not in text
    assert REASON not in json.dumps(entry.data, ensure_ascii=False)


async def test_several_duplicates_merge_at_once(api):
    w = await make_world()
    survivor, first, second = [await make_customer(w.org, w.rep_a) for _ in range(3)]
    token = await api.login(w.admin.username)
    body = await _merge(api, token, survivor, [first, second, first])
    payload = body["data"]["mergeCustomers"]
    assert payload["errors"] == []
    assert [m["mergedId"] for m in payload["merges"]] == [str(first.id), str(second.id)]
    assert await Contact.filter(customer_id=survivor.id).count() == 6
    assert await AuditEntry.filter(action="customers.merged").count() == 2


async def test_a_rep_may_not_merge(api):
    w = await make_world()
    survivor = await make_customer(w.org, w.rep_a)
    merged = await make_customer(w.org, w.rep_a)
    body = await _merge(api, await api.login(w.rep_a.username), survivor, [merged])
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    await _unchanged(survivor, merged)


async def test_a_customer_outside_the_managers_team_is_not_found(api):
    w = await make_world()
    ours = await make_customer(w.org, w.rep_a)
    theirs = await make_customer(w.org, w.rep_b)
    token = await api.login(w.manager_a.username)
    body = await _merge(api, token, ours, [theirs])
    assert body["data"]["mergeCustomers"]["customer"] is None
    assert body["data"]["mergeCustomers"]["errors"] == [
        {"code": "CUSTOMER_NOT_FOUND", "field": "mergedIds.0", "message": "未找到该客户"}
    ]
    body = await _merge(api, token, theirs, [ours])
    assert body["data"]["mergeCustomers"]["errors"][0]["field"] == "survivorId"
    await _unchanged(ours, theirs)


async def test_refusals_give_their_codes_and_change_nothing(api):
    w = await make_world()
    survivor = await make_customer(w.org, w.rep_a)
    other = await make_customer(w.org, w.rep_a)
    token = await api.login(w.manager_a.username)

    async def errors(survivor_: Any, merged: list[Any], reason: str = REASON) -> list[Any]:
        body = await _merge(api, token, survivor_, merged, reason)
        assert body["data"]["mergeCustomers"]["customer"] is None
        return [(e["code"], e["field"]) for e in body["data"]["mergeCustomers"]["errors"]]

    assert await errors(survivor, [other, survivor]) == [("SAME_CUSTOMER", "mergedIds.1")]
    assert await errors(survivor, [other], "  ") == [("REASON_REQUIRED", "reason")]
    assert await errors(survivor, [other], "x" * 301) == [("TOO_LONG", "reason")]
    assert await errors(survivor, []) == [("REQUIRED", "mergedIds")]
    many = [await make_customer(w.org, w.rep_a) for _ in range(21)]
    assert await errors(survivor, many) == [("TOO_MANY_ITEMS", "mergedIds")]
    await _unchanged(survivor, other)

    english = await api.graphql(
        MERGE,
        {"survivorId": str(survivor.id), "mergedIds": [str(survivor.id)], "reason": REASON},
        token=token,
        headers={"Accept-Language": "en"},
    )
    assert english["data"]["mergeCustomers"]["errors"][0]["message"] == (
        "A customer cannot be merged into itself"
    )


async def test_an_already_merged_customer_cannot_be_merged_again(api):
    w = await make_world()
    survivor, merged, third = [await make_customer(w.org, w.rep_a) for _ in range(3)]
    token = await api.login(w.manager_a.username)
    assert (await _merge(api, token, survivor, [merged]))["data"]["mergeCustomers"]["errors"] == []

    body = await _merge(api, token, third, [merged])
    assert body["data"]["mergeCustomers"]["errors"] == [
        {
            "code": "CUSTOMER_MERGED",
            "field": "mergedIds.0",
            "message": "该客户已被合并到其他客户",
        }
    ]
    body = await _merge(api, token, merged, [third])
    assert body["data"]["mergeCustomers"]["errors"][0]["code"] == "CUSTOMER_MERGED"
    assert await CustomerMerge.all().count() == 1
    assert await Contact.filter(customer_id=third.id).count() == 2
    assert (await Customer.get(id=third.id)).merged_into_id is None  # type: ignore[attr-defined]
