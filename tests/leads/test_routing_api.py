"""Routing through the API: rule sets drafted, simulated and activated; new hires gated;
reassignment with a reason; the manager's board."""

from __future__ import annotations

from typing import Any

from api.auth.models import PermissionGrant
from api.leads.models import Lead, LeadAssignment
from api.org.models import User
from tests.leads.support import BOARD, LEAD, REASSIGN, TOUCH, capture, sales

SAVE = """
mutation ($rules: JSON!) {
  saveRoutingRules(rulesJson: $rules, note: "教育高意向进高级池") {
    ruleSet { id version status rules } errors { code field message }
  }
}
"""
ACTIVATE = """
mutation ($id: ID!) { activateRoutingRules(ruleSetId: $id) { ruleSet { status } errors { code } } }
"""
SIMULATE = """
mutation ($rules: JSON!) {
  simulateRouting(rulesJson: $rules) {
    simulation { leads assigned unassigned maxShare perRep perRule current } errors { code field }
  }
}
"""
PROFILE = """
mutation ($user: ID!, $pools: [String!]!) {
  setRoutingProfile(userId: $user, pools: $pools) { profile { pools } errors { code field } }
}
"""
SENIOR_RULE = [
    {
        "name": "教育B轮高意向",
        "when": {
            "all": [
                {"field": "company.industry", "op": "eq", "value": "education"},
                {"field": "company.funding_round", "op": "gte", "value": 3},
                {"field": "behaviour.dwell_seconds", "op": "gt", "value": 180},
            ]
        },
        "actions": {"tags": ["high_intent"], "priority": "HIGH", "pool": "senior"},
    }
]


async def test_an_invalid_rule_is_refused_with_the_path_to_fix(api: Any) -> None:
    s = await sales(api)
    bad = [{"name": "x", "when": {"field": "company.industry", "op": "like", "value": "e"}}]
    body = await api.graphql(SAVE, {"rules": bad}, token=s.token("admin"))
    errors = body["data"]["saveRoutingRules"]["errors"]
    assert errors[0]["code"] == "INVALID_RULES" and "op" in errors[0]["field"]


async def test_a_rep_cannot_edit_routing_rules(api: Any) -> None:
    s = await sales(api)
    body = await api.graphql(SAVE, {"rules": SENIOR_RULE}, token=s.token("rep_a"))
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_a_rule_set_is_simulated_then_activated_and_routes_by_its_rules(api: Any) -> None:
    s = await sales(api)
    admin = s.token("admin")
    await api.graphql(PROFILE, {"user": str(s.world.rep_b.id), "pools": ["senior"]}, token=admin)
    for i in range(4):
        await capture(api, s.token("marketing"), phone=f"1390000000{i}", companyName=f"公司{i}")
    body = await api.graphql(SIMULATE, {"rules": SENIOR_RULE}, token=admin)
    simulation = body["data"]["simulateRouting"]["simulation"]
    assert simulation["leads"] == 4 and simulation["assigned"] == 4
    assert sum(simulation["current"].values()) == 4
    assert await LeadAssignment.all().count() == 4  # the dry run wrote nothing
    saved = (await api.graphql(SAVE, {"rules": SENIOR_RULE}, token=admin))["data"]
    rule_set = saved["saveRoutingRules"]["ruleSet"]
    assert rule_set["status"] == "DRAFT" and rule_set["version"] == 1
    activated = await api.graphql(ACTIVATE, {"id": rule_set["id"]}, token=admin)
    assert activated["data"]["activateRoutingRules"]["ruleSet"]["status"] == "ACTIVE"
    hot = await capture(
        api,
        s.token("marketing"),
        phone="13911112222",
        companyName="北京启航教育",
        fundingStage="B轮",
        behaviour={"dwellSeconds": 600},
    )
    lead = hot["lead"]
    assert lead["owner"]["username"] == s.world.rep_b.username
    assert lead["priority"] == "HIGH" and "high_intent" in lead["tags"]
    assert lead["assignment"]["ruleName"] == "教育B轮高意向"
    assert lead["assignment"]["explain"]["rule"]["name"] == "教育B轮高意向"


async def test_a_new_hire_only_receives_low_risk_renewal_leads(api: Any) -> None:
    s = await sales(api)
    # Both reps of the pool are week-1 hires: leads.renewal_low_risk, not yet leads.all.
    await User.filter(id__in=[s.world.rep_a.id, s.world.rep_a2.id]).update(in_onboarding=True)
    normal = (await capture(api, s.token("marketing")))["lead"]
    assert normal["status"] == "POOL" and normal["owner"] is None
    assert normal["assignment"]["explain"]["outcome"] == "NO_REP_PERMITTED"
    rules = [
        {
            "name": "续约低风险",
            "when": {"field": "renewal", "op": "eq", "value": True},
            "actions": {"tags": ["low_risk"]},
        }
    ]
    admin = s.token("admin")
    saved = (await api.graphql(SAVE, {"rules": rules}, token=admin))["data"]["saveRoutingRules"]
    await api.graphql(ACTIVATE, {"id": saved["ruleSet"]["id"]}, token=admin)
    renewal = await capture(
        api, s.token("marketing"), phone="13922223333", companyName="续约客户", renewal=True
    )
    hires = {s.world.rep_a.username, s.world.rep_a2.username}
    assert renewal["lead"]["owner"]["username"] in hires
    assert renewal["lead"]["priority"] == "HIGH"  # renewal boost
    await PermissionGrant.create(
        organisation=s.world.org,
        user=s.world.rep_a2,
        permission="leads.all",
        valid_from=api.services.clock.now(),
    )
    unlocked = await capture(api, s.token("marketing"), phone="13933334444", companyName="新客户")
    assert unlocked["lead"]["owner"]["username"] == s.world.rep_a2.username


async def test_a_manager_reassigns_with_a_reason_and_the_gate_still_holds(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    owner = lead["owner"]["username"]
    target = s.world.rep_a2 if owner == s.world.rep_a.username else s.world.rep_a
    manager = s.token("manager_a")
    no_reason = await api.graphql(
        REASSIGN, {"id": lead["id"], "user": str(target.id), "reason": " "}, token=manager
    )
    assert no_reason["data"]["reassignLead"]["errors"][0]["code"] == "REASON_REQUIRED"
    outside = await api.graphql(
        REASSIGN, {"id": lead["id"], "user": str(s.world.rep_b.id), "reason": "x"}, token=manager
    )
    assert outside["data"]["reassignLead"]["errors"][0]["code"] == "USER_NOT_FOUND"
    await User.filter(id=target.id).update(in_onboarding=True)
    gated = await api.graphql(
        REASSIGN, {"id": lead["id"], "user": str(target.id), "reason": "客户指定"}, token=manager
    )
    assert gated["data"]["reassignLead"]["errors"][0]["code"] == "ASSIGNEE_NOT_PERMITTED"
    await User.filter(id=target.id).update(in_onboarding=False)
    body = await api.graphql(
        REASSIGN, {"id": lead["id"], "user": str(target.id), "reason": "客户指定"}, token=manager
    )
    moved = body["data"]["reassignLead"]["lead"]
    assert moved["owner"]["username"] == target.username
    assert moved["assignment"]["kind"] == "MANUAL" and moved["assignment"]["reason"] == "客户指定"
    full = await api.graphql(LEAD, {"id": lead["id"]}, token=manager)
    kinds = [e["kind"] for e in full["data"]["lead"]["timeline"]]
    assert kinds.count("ASSIGNED") == 2 and "REASSIGNED" in kinds
    rep = await api.graphql(
        REASSIGN, {"id": lead["id"], "user": str(target.id), "reason": "x"}, token=s.token("rep_a")
    )
    assert rep["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_the_board_shows_golden_hour_rates_per_rep(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    owner = await User.get(id=(await Lead.get(id=lead["id"])).owner_id)  # type: ignore[attr-defined]
    await api.graphql(
        TOUCH, {"id": lead["id"], "kind": "CALL"}, token=await api.login(owner.username)
    )
    board = await api.graphql(BOARD, token=s.token("manager_a"))
    golden = board["data"]["leadBoard"]["goldenHour"]
    assert golden == [
        {
            "user": {"username": owner.username},
            "assigned": 1,
            "inTime": 1,
            "rate": 1.0,
            "status": "OK",
        }
    ]
    other = await api.graphql(BOARD, token=s.token("manager_b"))
    assert other["data"]["leadBoard"]["goldenHour"] == []


async def test_the_load_counters_follow_every_assignment_change(api: Any) -> None:
    from api.leads import loads, sla
    from api.leads.models import LeadStatus
    from tests.leads.support import STAGE_DOCUMENT

    s = await sales(api)
    ids = []
    for i in range(6):
        ids.append(
            (
                await capture(
                    api, s.token("marketing"), phone=f"1380000000{i}", companyName=f"客户{i}"
                )
            )["lead"]["id"]
        )
    api.services.clock.advance(hours=2, minutes=1)  # all unviewed: re-routed to the other rep
    await sla.sweep(now=api.services.clock.now())
    first = await Lead.get(id=ids[0])
    owner = await User.get(id=first.owner_id)  # type: ignore[attr-defined]
    token = await api.login(owner.username)
    body = await api.graphql(STAGE_DOCUMENT, {"id": ids[0], "stage": "LOST"}, token=token)
    assert body["data"]["moveLeadStage"]["errors"] == []
    counted: dict[str, int] = {}
    for lead in await Lead.filter(status=LeadStatus.ASSIGNED):
        key = str(lead.owner_id)  # type: ignore[attr-defined]
        counted[key] = counted.get(key, 0) + 1
    kept = await loads.open_leads(organisation_id=s.world.org.id)
    assert {k: v for k, v in kept.items() if v} == counted
    assert sum(counted.values()) == 5
    routed = await loads.routed_since(
        organisation_id=s.world.org.id, now=api.services.clock.now(), days=7
    )
    assert sum(routed.values()) == 12  # six routed, six re-routed
