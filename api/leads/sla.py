"""SLA timers of leads: first touch, not viewed (recycle), marketing handoff.

The deadlines live on the lead (``touch_due_at``, ``view_due_at``, ``handoff_due_at``) and the
earliest in ``sla_due_at``. Two paths reach :func:`process`: a deferred arq job per deadline
(precise) and a sweep over the partial index on ``sla_due_at`` (what Redis lost). Both lock the
lead row and act only on deadlines that are due and unmet, then clear them, so a second run,
or a run after the rep acted, does nothing.

- first touch overdue: the rep is told, urgently, and the alert climbs to the manager (then
  the director) while nobody acknowledges it and the lead stays untouched;
- not viewed in time: the lead is re-routed without that rep (or recycled to the pool, by
  policy), and the rep's manager is told;
- handoff overdue (no follow-up and feedback within 48 hours of marketing's handoff): the rep
  and, up the chain, the manager are told.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from arq.connections import ArqRedis
from redis.exceptions import RedisError
from tortoise.transactions import in_transaction

from api.leads import assign
from api.leads import policy as policies
from api.leads.models import AssignmentKind, Lead, LeadEvent, LeadEventKind, LeadStatus
from api.notifications.escalation import register_subject_check
from api.notifications.service import Subject, notify
from api.org.models import User
from notifications.escalation import EscalationPolicy
from notifications.message import Urgency

logger = logging.getLogger(__name__)

CHECK_JOB = "leads.sla_check"
SWEEP_BATCH = 500


@dataclass(frozen=True, slots=True)
class SlaOutcome:
    touch_overdue: bool = False
    recycled: bool = False
    rerouted_to: UUID | None = None
    handoff_overdue: bool = False

    @property
    def acted(self) -> bool:
        return self.touch_overdue or self.recycled or self.handoff_overdue


async def process(*, lead_id: UUID, now: datetime) -> SlaOutcome:
    """Act on every deadline of the lead that is due and unmet (idempotent)."""
    async with in_transaction():
        lead = await Lead.filter(id=lead_id).select_for_update().first()
        if lead is None or lead.sla_due_at is None or lead.sla_due_at > now:
            return SlaOutcome()
        policy = (await policies.current(organisation_id=lead.organisation_id)).policy  # type: ignore[attr-defined]
        if lead.status != LeadStatus.ASSIGNED or lead.owner_id is None:  # type: ignore[attr-defined]
            lead.touch_due_at = lead.view_due_at = lead.handoff_due_at = None
            assign.refresh_sla_due(lead)
            await lead.save(update_fields=_SLA_FIELDS)
            return SlaOutcome()
        owner_id: UUID = lead.owner_id  # type: ignore[attr-defined]
        escalation = EscalationPolicy.of_minutes(*policy.escalation_minutes)
        handoff = False
        if lead.handoff_due_at and lead.handoff_due_at <= now:
            lead.handoff_due_at = None
            if lead.touched_at is None or lead.feedback is None:
                handoff = True
                lead.handoff_overdue = True
                await _alert(lead, "lead.handoff_overdue", [owner_id], now, escalation)
                await LeadEvent.of(
                    lead, LeadEventKind.HANDOFF_OVERDUE, now, detail={"rep": str(owner_id)}
                ).save()
        if lead.view_due_at and lead.view_due_at <= now and lead.viewed_at is None:
            outcome = await _unviewed(lead, owner_id, policy, now)
            await lead.save()
            return SlaOutcome(recycled=True, rerouted_to=outcome, handoff_overdue=handoff)
        if lead.view_due_at and lead.viewed_at is not None:
            lead.view_due_at = None
        touch = False
        if lead.touch_due_at and lead.touch_due_at <= now:
            lead.touch_due_at = None
            if lead.touched_at is None:
                touch = True
                lead.touch_overdue = True
                await _alert(lead, "lead.first_touch_overdue", [owner_id], now, escalation)
                await LeadEvent.of(
                    lead, LeadEventKind.FIRST_TOUCH_OVERDUE, now, detail={"rep": str(owner_id)}
                ).save()
        assign.refresh_sla_due(lead)
        lead.last_event_at = now if (touch or handoff) else lead.last_event_at
        await lead.save(
            update_fields=[*_SLA_FIELDS, "touch_overdue", "handoff_overdue", "last_event_at"]
        )
    return SlaOutcome(touch_overdue=touch, handoff_overdue=handoff)


_SLA_FIELDS = ["touch_due_at", "view_due_at", "handoff_due_at", "sla_due_at", "updated_at"]


async def _unviewed(
    lead: Lead, owner_id: UUID, policy: policies.LeadPolicy, now: datetime
) -> UUID | None:
    """Take the lead from the rep who never opened it: re-route without them, or pool it."""
    lead.recycled_count += 1
    await LeadEvent.of(
        lead,
        LeadEventKind.UNVIEWED_RECYCLED,
        now,
        detail={"rep": str(owner_id), "action": policy.unviewed_action.value},
    ).save()
    manager_id = await User.filter(id=owner_id).values_list("manager_id", flat=True)
    if policy.unviewed_action is policies.UnviewedAction.REROUTE:
        rules = await assign.active_rules(organisation_id=lead.organisation_id)  # type: ignore[attr-defined]
        reps, assigned = await assign.candidates(
            organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
            policy=policy,
            now=now,
        )
        sleepers = await _previous_sleepers(lead)
        await assign.route(
            lead,
            policy=policy,
            rules=rules,
            reps=reps,
            assigned=assigned,
            now=now,
            kind=AssignmentKind.REROUTED,
            exclude=frozenset({str(owner_id), *sleepers}),
        )
    else:
        await assign.apply(
            lead,
            assignee_id=None,
            kind=AssignmentKind.POOLED,
            policy=policy,
            now=now,
            reason="unviewed",
        )
    new_owner: UUID | None = lead.owner_id  # type: ignore[attr-defined]
    recipients = [UUID(str(m)) for m in manager_id if m is not None]
    if recipients:
        await notify(
            organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
            recipients=recipients,
            template="lead.recycled",
            data={
                "lead_id": str(lead.id),
                "lead": lead.company_name or lead.contact_name,
                "rep": str(owner_id),
                "rep_name": await _name(owner_id),
                "to": await _name(new_owner) if new_owner else "—",
            },
            now=now,
            urgency=Urgency.URGENT,
            dedupe_key=f"lead.recycled:{lead.id}:{lead.assignment_sequence}",
            subject=Subject("lead.unviewed", str(lead.id)),
        )
    return new_owner


async def _previous_sleepers(lead: Lead) -> set[str]:
    """Reps from whom this lead was already recycled (it never goes back to them by routing)."""
    rows = await LeadEvent.filter(lead_id=lead.id, kind=LeadEventKind.UNVIEWED_RECYCLED).values(
        "detail"
    )
    details = [row["detail"] for row in rows]
    return {str(d["rep"]) for d in details if isinstance(d, dict) and d.get("rep")}


async def _name(user_id: UUID | None) -> str:
    if user_id is None:
        return ""
    names = await User.filter(id=user_id).values_list("display_name", flat=True)
    return str(names[0]) if names else ""


async def _alert(
    lead: Lead,
    template: str,
    recipients: Sequence[UUID],
    now: datetime,
    escalation: EscalationPolicy,
) -> None:
    subject_type = "lead.touch" if template == "lead.first_touch_overdue" else "lead.handoff"
    await notify(
        organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
        recipients=recipients,
        template=template,
        data={
            "lead_id": str(lead.id),
            "lead": lead.company_name or lead.contact_name,
            "assigned_at": lead.assigned_at,
        },
        now=now,
        urgency=Urgency.URGENT,
        dedupe_key=f"{template}:{lead.id}:{lead.assignment_sequence}",
        escalation=escalation,
        subject=Subject(subject_type, f"{lead.id}:{lead.assignment_sequence}"),
    )


async def due_lead_ids(*, now: datetime, limit: int = SWEEP_BATCH) -> list[UUID]:
    """Leads with a deadline at or before ``now``, earliest first (the partial index)."""
    ids = (
        await Lead.filter(sla_due_at__lte=now)
        .order_by("sla_due_at")
        .limit(limit)
        .values_list("id", flat=True)
    )
    return [UUID(str(i)) for i in ids]


async def sweep_each(*, now: datetime, limit: int = SWEEP_BATCH) -> list[tuple[UUID, SlaOutcome]]:
    """Process every lead whose deadline has passed, each in its own transaction.

    One lead that cannot be processed is logged and skipped: it must not hold back every later
    deadline (the next sweep retries it).
    """
    done = []
    for lead_id in await due_lead_ids(now=now, limit=limit):
        try:
            outcome = await process(lead_id=lead_id, now=now)
        except Exception:
            logger.exception("SLA processing failed for lead %s; the next sweep retries", lead_id)
            continue
        done.append((lead_id, outcome))
    return done


async def sweep(*, now: datetime, limit: int = SWEEP_BATCH) -> int:
    """Process every lead whose deadline has passed; returns how many had something done."""
    return sum(outcome.acted for _, outcome in await sweep_each(now=now, limit=limit))


async def schedule(redis: ArqRedis, lead: Lead, *, now: datetime) -> None:
    """Defer a check to the lead's next deadline (after commit); the sweep covers a failure."""
    due = lead.sla_due_at
    if due is None:
        return
    try:
        await redis.enqueue_job(
            CHECK_JOB,
            str(lead.id),
            _job_id=f"{CHECK_JOB}:{lead.id}:{int(due.timestamp())}",
            _defer_by=max(due - now, timedelta(0)),
        )
    except (OSError, RedisError) as exc:
        logger.warning("SLA check not deferred (%s); the sweep will run it", type(exc).__name__)


async def _current(organisation_id: UUID, subject_id: str) -> Lead | None:
    """The lead of an SLA alert while the assignment the alert is about is still current."""
    lead_id, _, sequence = subject_id.partition(":")
    try:
        lead = await Lead.get_or_none(id=UUID(lead_id), organisation_id=organisation_id)
    except ValueError:
        return None
    if lead is None or lead.status != LeadStatus.ASSIGNED:
        return None
    return lead if str(lead.assignment_sequence) == sequence else None


async def _touch_resolved(organisation_id: UUID, subject_id: str) -> bool:
    """Resolved once touched, or once the lead moved on (reassigned, re-routed, closed)."""
    lead = await _current(organisation_id, subject_id)
    return lead is None or lead.touched_at is not None


async def _handoff_resolved(organisation_id: UUID, subject_id: str) -> bool:
    lead = await _current(organisation_id, subject_id)
    return lead is None or (lead.touched_at is not None and lead.feedback is not None)


register_subject_check("lead.touch", _touch_resolved)
register_subject_check("lead.handoff", _handoff_resolved)
