"""Escalation: an alert nobody acknowledged in time goes one level up the management chain.

The deadline of each level is an outbox message (``notifications.escalate`` keyed by alert and
level), so it survives a worker kill or a Redis flush. The job locks the alert row and acts only
when the alert is still open *at that level*: a second run of the same job, or a run after an
acknowledgement or a resolution, changes nothing and notifies nobody.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from api.notifications.models import Alert, AlertEvent, AlertEventKind, Notification
from api.notifications.service import schedule_escalation, send_level
from api.org.models import User
from notifications.escalation import EscalationPolicy

SubjectCheck = Callable[[UUID, str], Awaitable[bool]]
"""``(organisation_id, subject_id) -> True`` when the item behind an alert is already handled."""

_resolved_checks: dict[str, SubjectCheck] = {}


def register_subject_check(subject_type: str, check: SubjectCheck) -> None:
    """Let the escalation job ask a domain whether an alert's subject is already dealt with."""
    _resolved_checks[subject_type] = check


@dataclass(frozen=True, slots=True)
class EscalationOutcome:
    escalated_to: int  # people notified at the new level (0: nothing happened)
    level: int
    stopped: str | None = None  # why nothing happened: acknowledged, resolved, stale, exhausted


async def escalate(*, alert_id: UUID, level: int, now: datetime) -> EscalationOutcome:
    """Move ``alert_id`` from ``level`` to ``level + 1`` unless that already happened or stopped."""
    async with in_transaction():
        alert = await Alert.filter(id=alert_id).select_for_update().first()
        if alert is None:
            return EscalationOutcome(0, level, stopped="missing")
        if alert.acknowledged_at is not None:
            return EscalationOutcome(0, alert.level, stopped="acknowledged")
        if alert.resolved_at is not None:
            return EscalationOutcome(0, alert.level, stopped="resolved")
        if alert.level != level or alert.escalation is None:
            return EscalationOutcome(0, alert.level, stopped="stale")
        organisation_id: UUID = alert.organisation_id  # type: ignore[attr-defined]
        check = _resolved_checks.get(alert.subject_type)
        if check is not None and await check(organisation_id, alert.subject_id):
            await Alert.filter(id=alert.id).update(resolved_at=now, next_escalation_at=None)
            await AlertEvent.create(
                organisation_id=organisation_id,
                alert_id=alert.id,
                kind=AlertEventKind.RESOLVED,
                at=now,
                level=level,
                detail={"by": "escalation_check"},
            )
            return EscalationOutcome(0, level, stopped="resolved")
        managers = await next_level(alert_id=alert.id, level=level)
        if not managers:
            await Alert.filter(id=alert.id).update(next_escalation_at=None)
            await AlertEvent.create(
                organisation_id=organisation_id,
                alert_id=alert.id,
                kind=AlertEventKind.ESCALATION_EXHAUSTED,
                at=now,
                level=level,
            )
            return EscalationOutcome(0, level, stopped="exhausted")
        new_level = level + 1
        await Alert.filter(id=alert.id).update(level=new_level, next_escalation_at=None)
        alert.level = new_level
        sent = await send_level(alert, recipients=managers, level=new_level, now=now)
        await AlertEvent.create(
            organisation_id=organisation_id,
            alert_id=alert.id,
            kind=AlertEventKind.ESCALATED,
            at=now,
            level=new_level,
            detail={"recipients": [str(m) for m in managers]},
        )
        policy = EscalationPolicy.from_json(alert.escalation)
        await schedule_escalation(alert, policy, level=new_level, now=now)
    return EscalationOutcome(len(sent), new_level)


async def next_level(*, alert_id: UUID, level: int) -> list[UUID]:
    """The managers of the people notified at ``level``, minus anyone already notified."""
    notified = await Notification.filter(alert_id=alert_id).values_list("recipient_id", "level")
    at_level = [UUID(str(r)) for r, lvl in notified if lvl == level]
    everyone = {UUID(str(r)) for r, _ in notified}
    manager_ids = await User.filter(id__in=at_level, manager_id__isnull=False).values_list(
        "manager_id", flat=True
    )
    ordered = [UUID(str(m)) for m in dict.fromkeys(manager_ids)]
    return [m for m in ordered if m not in everyone]
