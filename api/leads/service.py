"""Working leads: scoped reads, views, touches, feedback, stages, reassignment, the board.

A rep sees their own leads; a manager or director their team subtree's and the sales pool; an
admin or marketing the whole organisation (marketing never sees phone numbers, see
``api.leads.types``). A foreign or out-of-scope id reads as "not found".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.errors import ServiceError
from api.leads import assign, loads
from api.leads import policy as policies
from api.leads.errors import LeadErrorCode as Code
from api.leads.models import (
    AssignmentKind,
    FeedbackQuality,
    Lead,
    LeadAssignment,
    LeadEvent,
    LeadEventKind,
    LeadStage,
    LeadStatus,
    TouchKind,
)
from api.onboarding import triggers as onboarding
from api.org.models import Role, User
from api.org.scope import visible_user_ids

MAX_NOTE = 1000
MAX_REASON = 300
OPEN = (LeadStatus.NURTURE, LeadStatus.POOL, LeadStatus.ASSIGNED)
CLOSING = {LeadStage.WON, LeadStage.LOST, LeadStage.DISQUALIFIED}
ORDER = list(LeadStage)


async def scoped_leads(*, principal: Principal) -> QuerySet[Lead]:
    """Leads the caller may see."""
    query = Lead.filter(organisation_id=principal.organisation_id)
    visible = await visible_user_ids(principal)
    if visible is None:
        return query
    if principal.role in (Role.MANAGER, Role.DIRECTOR):
        return query.filter(Q(owner_id__in=list(visible)) | Q(status=LeadStatus.POOL))
    return query.filter(owner_id=principal.user_id)


async def visible(*, principal: Principal, lead: Lead) -> bool:
    """Whether the caller may see ``lead`` (the rule of :func:`scoped_leads`, in memory)."""
    if lead.organisation_id != principal.organisation_id:  # type: ignore[attr-defined]
        return False
    owner: UUID | None = lead.owner_id  # type: ignore[attr-defined]
    if principal.sees_whole_organisation:
        return True
    if principal.role in (Role.MANAGER, Role.DIRECTOR):
        if lead.status == LeadStatus.POOL:
            return True
        ids = await visible_user_ids(principal)
        return ids is None or (owner is not None and owner in ids)
    return owner == principal.user_id


async def get_lead(*, principal: Principal, lead_id: UUID) -> Lead | None:
    return await (await scoped_leads(principal=principal)).filter(id=lead_id).first()


async def my_leads(*, principal: Principal, status: LeadStatus | None = None) -> QuerySet[Lead]:
    """The caller's own leads, open ones by default, most urgent deadline first."""
    query = Lead.filter(organisation_id=principal.organisation_id, owner_id=principal.user_id)
    return query.filter(status=status) if status else query.filter(status__in=OPEN)


async def _own_for_update(principal: Principal, lead_id: UUID) -> Lead:
    lead = await get_lead(principal=principal, lead_id=lead_id)
    if lead is None:
        raise ServiceError(Code.LEAD_NOT_FOUND, field="leadId")
    lead = await Lead.filter(id=lead.id).select_for_update().get()
    if lead.owner_id != principal.user_id:  # type: ignore[attr-defined]
        raise ServiceError(Code.NOT_YOUR_LEAD, field="leadId")
    if lead.status == LeadStatus.CLOSED:
        raise ServiceError(Code.LEAD_CLOSED, field="leadId")
    return lead


async def view_lead(*, principal: Principal, lead_id: UUID, now: datetime) -> Lead:
    """Open a lead: the owner's first view stops the "not viewed" clock and is recorded."""
    lead = await get_lead(principal=principal, lead_id=lead_id)
    if lead is None:
        raise ServiceError(Code.LEAD_NOT_FOUND, field="leadId")
    if lead.owner_id != principal.user_id or lead.viewed_at is not None:  # type: ignore[attr-defined]
        return lead
    async with in_transaction():
        lead = await Lead.filter(id=lead.id).select_for_update().get()
        if lead.owner_id == principal.user_id and lead.viewed_at is None:  # type: ignore[attr-defined]
            _mark_viewed(lead, now)
            await lead.save()
            await LeadEvent.of(lead, LeadEventKind.VIEWED, now, actor=principal.user_id).save()
    return lead


def _mark_viewed(lead: Lead, now: datetime) -> None:
    lead.viewed_at = now
    lead.view_due_at = None
    assign.refresh_sla_due(lead)


async def touch_lead(
    *, principal: Principal, lead_id: UUID, kind: TouchKind, note: str, now: datetime
) -> Lead:
    """Record a follow-up (call, WeChat, visit ...); the first one meets the first-touch SLA."""
    note = _text(note, "note", MAX_NOTE)
    async with in_transaction():
        lead = await _own_for_update(principal, lead_id)
        first = lead.touched_at is None
        if lead.viewed_at is None:
            _mark_viewed(lead, now)
        detail: dict[str, object] = {"kind": kind.value, "note": note, "first": first}
        if first:
            policy = (await policies.current(organisation_id=principal.organisation_id)).policy
            if lead.touch_due_at is not None and now > lead.touch_due_at:
                # Late, even if the SLA job has not fired yet: the lead counts as overdue.
                lead.touch_overdue = True
            lead.touched_at = now
            lead.touch_due_at = None
            seconds = None
            if lead.assigned_at is not None:
                seconds = int(policy.elapsed(lead.assigned_at, now).total_seconds())
            await LeadAssignment.filter(
                lead_id=lead.id, sequence=lead.assignment_sequence, touched_at=None
            ).update(touched_at=now, touch_seconds=seconds)
            detail["seconds"] = seconds
            if lead.feedback is not None:
                lead.handoff_due_at = None
            if lead.stage == LeadStage.NEW:
                lead.stage = LeadStage.CONTACTED
        assign.refresh_sla_due(lead)
        lead.last_event_at = now
        await lead.save()
        await LeadEvent.of(
            lead, LeadEventKind.TOUCHED, now, actor=principal.user_id, detail=detail
        ).save()
        if first:
            await onboarding.progressed(
                organisation_id=principal.organisation_id,
                user_id=principal.user_id,
                because=f"touched:{lead.id}:{lead.assignment_sequence}",
                now=now,
            )
    return lead


async def give_feedback(
    *, principal: Principal, lead_id: UUID, quality: FeedbackQuality, note: str, now: datetime
) -> Lead:
    """Sales' verdict on a marketing lead; with a first touch it completes the handoff."""
    note = _text(note, "note", MAX_NOTE)
    async with in_transaction():
        lead = await _own_for_update(principal, lead_id)
        lead.feedback = quality
        lead.feedback_at = now
        if lead.touched_at is not None:
            lead.handoff_due_at = None
        assign.refresh_sla_due(lead)
        lead.last_event_at = now
        await lead.save()
        await LeadEvent.of(
            lead,
            LeadEventKind.FEEDBACK,
            now,
            actor=principal.user_id,
            detail={"quality": quality, "note": note},
        ).save()
    return lead


async def move_stage(
    *, principal: Principal, lead_id: UUID, stage: LeadStage, note: str, now: datetime
) -> Lead:
    """Move the lead along the funnel; reaching the demo makes it an SQL, won/lost closes it."""
    note = _text(note, "note", MAX_NOTE)
    async with in_transaction():
        lead = await _own_for_update(principal, lead_id)
        current = lead.stage
        if stage == current or (stage not in CLOSING and ORDER.index(stage) < ORDER.index(current)):
            raise ServiceError(
                Code.INVALID_STAGE, field="stage", current=current.value, wanted=stage.value
            )
        lead.stage = stage
        events: list[tuple[LeadEventKind, dict[str, object]]] = [
            (LeadEventKind.STAGE, {"from": current.value, "to": stage.value, "note": note})
        ]
        if (
            lead.sql_at is None
            and stage not in CLOSING
            and ORDER.index(stage) >= ORDER.index(LeadStage.DEMO)
        ):
            lead.sql_at = now
            events.append((LeadEventKind.SQL, {"stage": stage.value}))
        if stage in CLOSING:
            if lead.status == LeadStatus.ASSIGNED and lead.owner_id is not None:  # type: ignore[attr-defined]
                await loads.adjust_open(
                    organisation_id=principal.organisation_id,
                    changes={lead.owner_id: -1},  # type: ignore[attr-defined]
                )
            lead.status = LeadStatus.CLOSED
            lead.touch_due_at = lead.view_due_at = lead.handoff_due_at = None
            events.append((LeadEventKind.CLOSED, {"stage": stage.value}))
        assign.refresh_sla_due(lead)
        lead.last_event_at = now
        await lead.save()
        for kind, detail in events:
            await LeadEvent.of(lead, kind, now, actor=principal.user_id, detail=detail).save()
    return lead


async def reassign(
    *, principal: Principal, lead_id: UUID, user_id: UUID, reason: str, now: datetime
) -> Lead:
    """A manager hands the lead to someone in their scope, with a reason; the gate still holds."""
    reason = _text(reason, "reason", MAX_REASON)
    if not reason:
        raise ServiceError(Code.REASON_REQUIRED, field="reason")
    visible = await visible_user_ids(principal)
    if visible is not None and user_id not in visible:
        raise ServiceError(Code.USER_NOT_FOUND, field="userId")
    async with in_transaction():
        lead = await get_lead(principal=principal, lead_id=lead_id)
        if lead is None:
            raise ServiceError(Code.LEAD_NOT_FOUND, field="leadId")
        lead = await Lead.filter(id=lead.id).select_for_update().get()
        if lead.status == LeadStatus.CLOSED:
            raise ServiceError(Code.LEAD_CLOSED, field="leadId")
        if lead.owner_id == user_id:  # type: ignore[attr-defined]
            raise ServiceError(Code.ALREADY_ASSIGNED, field="userId")
        policy = (await policies.current(organisation_id=principal.organisation_id)).policy
        reps, _ = await assign.candidates(
            organisation_id=principal.organisation_id, policy=policy, now=now
        )
        rep = next((r for r in reps if r.id == str(user_id)), None)
        if rep is None:
            exists = await User.filter(
                id=user_id, organisation_id=principal.organisation_id, is_active=True
            ).exists()
            if not exists:
                raise ServiceError(Code.USER_NOT_FOUND, field="userId")
            raise ServiceError(Code.ASSIGNEE_NOT_PERMITTED, field="userId", missing="leads")
        missing = assign.permits(rep, lead)
        if missing is not None:
            raise ServiceError(Code.ASSIGNEE_NOT_PERMITTED, field="userId", missing=missing)
        previous = lead.owner_id  # type: ignore[attr-defined]
        await assign.apply(
            lead,
            assignee_id=user_id,
            kind=AssignmentKind.MANUAL,
            policy=policy,
            now=now,
            reason=reason,
            actor_id=principal.user_id,
            explanation={"manual": {"by": str(principal.user_id), "reason": reason}},
        )
        await lead.save()
        await LeadEvent.of(
            lead,
            LeadEventKind.REASSIGNED,
            now,
            actor=principal.user_id,
            detail={
                "from": str(previous) if previous else None,
                "to": str(user_id),
                "reason": reason,
            },
        ).save()
        await audit.record(
            organisation_id=principal.organisation_id,
            action="leads.reassigned",
            at=now,
            actor_id=principal.user_id,
            subject_type="lead",
            subject_id=str(lead.id),
            data={"to": str(user_id), "from": str(previous) if previous else None},
        )
    return lead


async def timeline(*, lead: Lead) -> list[LeadEvent]:
    return await LeadEvent.filter(lead_id=lead.id).order_by("at", "created_at")


@dataclass(frozen=True, slots=True)
class GoldenRate:
    user_id: UUID
    assigned: int  # assignments old enough to judge (or already touched)
    in_time: int  # first touched within the golden hours
    rate: float | None  # None when nothing to judge
    status: str  # OK / WATCH / INTERVENE / NONE


async def golden_rates(*, principal: Principal, since: datetime, now: datetime) -> list[GoldenRate]:
    """Per rep in scope: share of leads first touched within the golden hours (default 4)."""
    policy = (await policies.current(organisation_id=principal.organisation_id)).policy
    limit = policy.golden_hours * 3600
    query = LeadAssignment.filter(
        organisation_id=principal.organisation_id,
        at__gte=since,
        assignee_id__isnull=False,
        kind__in=(AssignmentKind.ROUTED, AssignmentKind.REROUTED, AssignmentKind.MANUAL),
    )
    visible = await visible_user_ids(principal)
    if visible is not None:
        query = query.filter(assignee_id__in=list(visible))
    rows = await query.values("assignee_id", "at", "touch_seconds")
    judged: dict[UUID, list[bool]] = defaultdict(list)
    for row in rows:
        seconds = row["touch_seconds"]
        user = UUID(str(row["assignee_id"]))
        if seconds is not None:
            judged[user].append(seconds <= limit)
        elif policy.elapsed(row["at"], now) > timedelta(seconds=limit):
            judged[user].append(False)
    out = []
    for user, outcomes in sorted(judged.items(), key=lambda item: str(item[0])):
        rate = sum(outcomes) / len(outcomes) if outcomes else None
        out.append(GoldenRate(user, len(outcomes), sum(outcomes), rate, _status(rate, policy)))
    return out


def _status(rate: float | None, policy: policies.LeadPolicy) -> str:
    if rate is None:
        return "NONE"
    if rate < policy.golden_intervene_below:
        return "INTERVENE"
    return "OK" if rate >= policy.golden_target else "WATCH"


@dataclass(frozen=True, slots=True)
class Board:
    overdue: list[Lead]  # assigned leads past a deadline: first touch or handoff
    recycled: list[Lead]  # leads taken from a rep who never opened them
    pool: list[Lead]  # waiting in the sales pool for someone to take them
    golden: list[GoldenRate]


BOARD_LIMIT = 100


async def board(*, principal: Principal, now: datetime) -> Board:
    """The manager's board: who is late, what was recycled, what waits, golden-hour rates."""
    scoped = await scoped_leads(principal=principal)
    overdue = (
        await scoped.filter(status=LeadStatus.ASSIGNED)
        .filter(Q(touch_overdue=True) | Q(handoff_overdue=True) | Q(sla_due_at__lte=now))
        .order_by("assigned_at")
        .limit(BOARD_LIMIT)
    )
    recycled = (
        await scoped.filter(recycled_count__gt=0, status__in=OPEN)
        .order_by("-last_event_at")
        .limit(BOARD_LIMIT)
    )
    pool = await scoped.filter(status=LeadStatus.POOL).order_by("created_at").limit(BOARD_LIMIT)
    golden = await golden_rates(principal=principal, since=now - timedelta(days=30), now=now)
    return Board(overdue, recycled, pool, golden)


def _text(value: str, field: str, limit: int) -> str:
    value = value.strip()
    if len(value) > limit:
        raise ServiceError(Code.TOO_LONG, field=field, max=limit)
    return value


def may_manage(principal: Principal) -> bool:
    return principal.can(Permission.LEADS_MANAGE)
