"""The walkthrough drill through the API: replay a won lead, compare with the winner's path."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from api.leads.mapping import Channel
from api.leads.models import (
    AssignmentKind,
    Lead,
    LeadAssignment,
    LeadEvent,
    LeadEventKind,
    LeadStage,
    LeadStatus,
)
from api.visits.models import Visit, VisitStatus, VisitVerdict
from tests.visits.support import field

START = """
mutation ($lead: ID) { startWalkthrough(leadId: $lead) {
  drill { id lead benchmark { action } similarity } errors { code }
} }
"""
SUBMIT = """
mutation ($id: ID!, $steps: [StepInput!]!) { submitWalkthrough(drillId: $id, steps: $steps) {
  drill { similarity advice benchmark { action detail minutes }
          differences { kind advice expected { action detail minutes } actual { action } } }
  errors { code message }
} }
"""
MINE = "query { myWalkthroughs { id similarity } }"


async def _won_lead(f: Any) -> Lead:
    """Rep A2 won this renewal: viewed at 3 min, called at 8, visited on day 2, then the stages."""
    now = f.now
    lead = await Lead.create(
        organisation=f.world.org,
        customer=f.customer,
        owner=f.world.rep_a2,
        channel=Channel.WEBSITE,
        status=LeadStatus.CLOSED,
        stage=LeadStage.WON,
        renewal=True,
        industry="healthcare",
        contact_name="李主任",
        phone="13900000000",
        company_name="协和医院",
        last_event_at=now,
        assignment_sequence=1,
    )
    await LeadAssignment.create(
        organisation=f.world.org,
        lead=lead,
        sequence=1,
        kind=AssignmentKind.ROUTED,
        assignee=f.world.rep_a2,
        at=now,
    )
    steps: list[tuple[int, LeadEventKind, dict[str, object]]] = [
        (3, LeadEventKind.VIEWED, {}),
        (8, LeadEventKind.TOUCHED, {"kind": "CALL"}),
        (60, LeadEventKind.STAGE, {"from": "CONTACTED", "to": "NEEDS_CONFIRMED"}),
        (3000, LeadEventKind.STAGE, {"from": "NEEDS_CONFIRMED", "to": "DEMO"}),
        (6000, LeadEventKind.STAGE, {"from": "DEMO", "to": "QUOTE"}),
        (9000, LeadEventKind.STAGE, {"from": "QUOTE", "to": "WON"}),
        (9500, LeadEventKind.TOUCHED, {"kind": "WECHAT"}),  # after the win: not a step
    ]
    for minutes, kind, detail in steps:
        await LeadEvent.of(lead, kind, now + timedelta(minutes=minutes), detail=detail).save()
    await Visit.create(
        organisation=f.world.org,
        rep=f.world.rep_a2,
        customer=f.customer,
        site=f.site,
        code="V-WON1",
        status=VisitStatus.CLOSED,
        verdict=VisitVerdict.VERIFIED,
        started_at=now + timedelta(minutes=2000),
    )
    return lead


async def test_a_hire_replays_a_won_lead_and_sees_how_their_path_differs(api):
    f = await field(api)
    f.now = api.services.clock.now()  # type: ignore[attr-defined]
    lead = await _won_lead(f)

    body = await api.graphql(START, {"lead": str(lead.id)}, token=f.rep_token)
    drill = body["data"]["startWalkthrough"]["drill"]
    # How the lead arrived, nothing that identifies the customer, and not the answer.
    assert drill["lead"]["industry"] == "healthcare" and drill["lead"]["renewal"] is True
    assert "协和医院" not in str(drill) and "13900000000" not in str(drill)
    assert drill["benchmark"] is None

    # The hire calls after two hours, skips the visit and the needs confirmation.
    path = [
        {"action": "VIEW", "minutes": 100},
        {"action": "TOUCH", "detail": "CALL", "minutes": 120},
        {"action": "STAGE", "detail": "DEMO", "minutes": 3000},
        {"action": "STAGE", "detail": "QUOTE", "minutes": 4000},
        {"action": "STAGE", "detail": "WON", "minutes": 9000},
    ]
    body = await api.graphql(SUBMIT, {"id": drill["id"], "steps": path}, token=f.rep_token)
    result = body["data"]["submitWalkthrough"]["drill"]
    assert [s["action"] for s in result["benchmark"]] == [
        "VIEW",
        "TOUCH",
        "STAGE",
        "VISIT",
        "STAGE",
        "STAGE",
        "STAGE",
    ]
    kinds = {(d["kind"], (d["expected"] or {}).get("action")) for d in result["differences"]}
    assert ("MISSING", "VISIT") in kinds
    assert ("MISSING", "STAGE") in kinds  # needs confirmed
    assert ("FIRST_TOUCH_LATE", "TOUCH") in kinds
    assert result["advice"][0] == "TOUCH_WITHIN_SLA"
    assert {"VISIT_ON_SITE", "CONFIRM_NEEDS_FIRST"} <= set(result["advice"])
    assert 0 < result["similarity"] < 100

    body = await api.graphql(SUBMIT, {"id": drill["id"], "steps": path}, token=f.rep_token)
    assert body["data"]["submitWalkthrough"]["errors"][0]["code"] == "DRILL_SUBMITTED"
    body = await api.graphql(MINE, token=f.other_rep_token)
    assert body["data"]["myWalkthroughs"] == []  # nobody else sees the drill


async def test_a_bad_path_is_refused_with_the_step_to_fix_and_unknown_leads_are_not_found(api):
    f = await field(api)
    f.now = api.services.clock.now()  # type: ignore[attr-defined]
    lead = await _won_lead(f)
    body = await api.graphql(START, {"lead": str(lead.id)}, token=f.rep_token)
    drill = body["data"]["startWalkthrough"]["drill"]

    steps = [{"action": "TOUCH", "detail": "FAX", "minutes": 5}]
    body = await api.graphql(SUBMIT, {"id": drill["id"], "steps": steps}, token=f.rep_token)
    [error] = body["data"]["submitWalkthrough"]["errors"]
    assert error["code"] == "INVALID_PATH" and "steps[0].detail" in error["message"]
    body = await api.graphql(SUBMIT, {"id": drill["id"], "steps": steps}, token=f.other_rep_token)
    assert body["data"]["submitWalkthrough"]["errors"][0]["code"] == "INVALID_PATH"
    good = [{"action": "VIEW", "minutes": 1}]
    body = await api.graphql(SUBMIT, {"id": drill["id"], "steps": good}, token=f.other_rep_token)
    assert body["data"]["submitWalkthrough"]["errors"][0]["code"] == "DRILL_NOT_FOUND"
    await Lead.filter(id=lead.id).update(stage=LeadStage.LOST)
    body = await api.graphql(START, {"lead": str(lead.id)}, token=f.rep_token)
    assert body["data"]["startWalkthrough"]["errors"][0]["code"] == "LEAD_NOT_FOUND"
    body = await api.graphql(START, token=f.rep_token)
    assert body["data"]["startWalkthrough"]["errors"][0]["code"] == "NO_WON_LEADS"
