"""The walkthrough drill (流程穿越): a hire replays a won lead and sees how their path differs.

The benchmark path is what the winning rep did, read from the lead's timeline after the
assignment that won it (views, touches, feedback, stage moves) and from the rep's closed,
verified visits at the customer in that time. The hire sees only how the lead arrived
(channel, industry, size, region, behaviour, renewal): no names or contact details, and not
the benchmark, until they submit their own path. The comparison is ``walkthrough.compare``.
"""

from __future__ import annotations

import random
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.auth.principal import Principal
from api.errors import ServiceError
from api.leads.models import Lead, LeadAssignment, LeadEvent, LeadEventKind, LeadStage
from api.leads.policy import current as current_lead_policy
from api.onboarding import walkthrough
from api.onboarding.errors import OnboardingErrorCode as Code
from api.onboarding.models import WalkthroughDrill
from api.visits.models import AuditDecision, Visit, VisitStatus, VisitVerdict

CANDIDATES = 200
"""A drill without a chosen lead replays one of the organisation's latest won leads."""

BRIEF_FIELDS = (
    "channel",
    "industry",
    "company_size",
    "region",
    "city",
    "product_line",
    "renewal",
    "score",
    "priority",
    "behaviour",
)


async def start(
    *, principal: Principal, lead_id: UUID | None, now: datetime, rng: random.Random | None = None
) -> WalkthroughDrill:
    """Open a drill on ``lead_id`` (a won lead of the organisation) or on a recent one."""
    won = Lead.filter(organisation_id=principal.organisation_id, stage=LeadStage.WON)
    if lead_id is not None:
        lead = await won.filter(id=lead_id).first()
        if lead is None:
            raise ServiceError(Code.LEAD_NOT_FOUND, field="leadId")
        benchmark = await benchmark_path(lead)
        if not benchmark:
            raise ServiceError(Code.NO_WON_LEADS, field="leadId")
    else:
        ids = await won.order_by("-last_event_at").limit(CANDIDATES).values_list("id", flat=True)
        picker = rng or random.SystemRandom()
        candidates = list(ids)
        picker.shuffle(candidates)
        lead, benchmark = None, ()
        for candidate in candidates[:10]:  # a won lead without recorded steps is skipped
            found = await Lead.get(id=candidate)
            steps = await benchmark_path(found)
            if steps:
                lead, benchmark = found, steps
                break
        if lead is None:
            raise ServiceError(Code.NO_WON_LEADS)
    return await WalkthroughDrill.create(
        organisation_id=principal.organisation_id,
        user_id=principal.user_id,
        lead_id=lead.id,
        started_at=now,
        benchmark=[_step_json(s) for s in benchmark],
    )


async def submit(
    *, principal: Principal, drill_id: UUID, steps: Any, now: datetime
) -> WalkthroughDrill:
    """Compare the hire's path with the benchmark; the result is kept with the drill."""
    try:
        path = walkthrough.parse_path(steps)
    except walkthrough.WalkthroughError as error:
        raise ServiceError(Code.INVALID_PATH, field="steps", reason=str(error)) from None
    async with in_transaction():
        drill = (
            await WalkthroughDrill.filter(id=drill_id, user_id=principal.user_id)
            .select_for_update()
            .first()
        )
        if drill is None:
            raise ServiceError(Code.DRILL_NOT_FOUND, field="drillId")
        if drill.submitted_at is not None:
            raise ServiceError(Code.DRILL_SUBMITTED, field="drillId")
        policy = (await current_lead_policy(organisation_id=principal.organisation_id)).policy
        benchmark = tuple(_step_from(s) for s in drill.benchmark)
        comparison = walkthrough.compare(
            benchmark, path, first_touch_minutes=policy.first_touch_minutes
        )
        drill.path = [_step_json(s) for s in path]
        drill.similarity = comparison.similarity
        drill.differences = [
            {
                "kind": d.kind.value,
                "expected": _step_json(d.expected) if d.expected else None,
                "actual": _step_json(d.actual) if d.actual else None,
                "advice": d.advice.value,
            }
            for d in comparison.differences
        ]
        drill.advice = [a.value for a in comparison.advice]
        drill.submitted_at = now
        await drill.save()
    return drill


def brief(lead: Lead) -> dict[str, Any]:
    """How the lead arrived, without anything that identifies the customer or the person."""
    values: dict[str, Any] = {}
    for name in BRIEF_FIELDS:
        value = getattr(lead, name)
        values[name] = getattr(value, "value", value)
    return values


async def benchmark_path(lead: Lead) -> tuple[walkthrough.Step, ...]:
    """What the winning rep did, in minutes after the assignment that won the lead."""
    moves = await LeadEvent.filter(lead_id=lead.id, kind=LeadEventKind.STAGE).order_by("at")
    won_at = [e.at for e in moves if (e.detail or {}).get("to") == LeadStage.WON.value]
    assignment = (
        await LeadAssignment.filter(lead_id=lead.id, assignee_id__not_isnull=True)
        .order_by("-sequence")
        .first()
    )
    if assignment is None:
        return ()
    start = assignment.at
    end = won_at[0] if won_at else lead.last_event_at
    events = await LeadEvent.filter(
        lead_id=lead.id,
        at__gte=start,
        at__lte=end,
        kind__in=(
            LeadEventKind.VIEWED,
            LeadEventKind.TOUCHED,
            LeadEventKind.FEEDBACK,
            LeadEventKind.STAGE,
        ),
    ).order_by("at")
    found: list[tuple[datetime, walkthrough.Step]] = []
    for event in events:
        step = _step_of(event, start)
        if step is not None:
            found.append((event.at, step))
    visits = await Visit.filter(
        organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
        rep_id=assignment.assignee_id,  # type: ignore[attr-defined]
        customer_id=lead.customer_id,  # type: ignore[attr-defined]
        status=VisitStatus.CLOSED,
        started_at__gte=start,
        started_at__lte=end,
    ).order_by("started_at")
    for visit in visits:
        approved = visit.audit_decision is AuditDecision.APPROVE
        if approved or (visit.audit_decision is None and visit.verdict is VisitVerdict.VERIFIED):
            found.append((visit.started_at, _step("VISIT", "", visit.started_at, start)))
    found.sort(key=lambda item: item[0])
    return tuple(step for _, step in found)


def _step_of(event: LeadEvent, start: datetime) -> walkthrough.Step | None:
    detail = event.detail or {}
    if event.kind is LeadEventKind.VIEWED:
        return _step("VIEW", "", event.at, start)
    if event.kind is LeadEventKind.TOUCHED:
        return _step("TOUCH", str(detail.get("kind", "")), event.at, start)
    if event.kind is LeadEventKind.FEEDBACK:
        return _step("FEEDBACK", "", event.at, start)
    target = str(detail.get("to", ""))
    if target in walkthrough.STAGES:
        return _step("STAGE", target, event.at, start)
    return None


def _step(action: str, detail: str, at: datetime, start: datetime) -> walkthrough.Step:
    minutes = max(int((at - start).total_seconds() // 60), 0)
    return walkthrough.Step(walkthrough.Action(action), detail, minutes)


def _step_from(data: dict[str, Any]) -> walkthrough.Step:
    return walkthrough.Step(walkthrough.Action(data["action"]), data["detail"], data["minutes"])


def _step_json(step: walkthrough.Step) -> dict[str, Any]:
    return {"action": step.action.value, "detail": step.detail, "minutes": step.minutes}
