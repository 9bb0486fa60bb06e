"""The one way to notify: ``notify()``; and what a person does with their notifications.

Every domain raises its alerts here::

    await notify(
        organisation_id=org_id,
        recipients=[rep_id],
        template="lead.assigned",
        data={"lead_id": lead.id, "customer": name, "due_at": due},
        urgency=Urgency.NORMAL,
        dedupe_key=f"lead.assigned:{lead.id}",
        escalation=EscalationPolicy.of_minutes(15, 30, 60),
        subject=Subject("lead", str(lead.id)),
        now=clock.now(),
    )

inside the domain's own transaction. Nothing is sent from the request: the alert, one
notification per recipient and one delivery row per channel are written, each delivery's job is
put in the outbox, and the caller hands the outbox to arq after its commit (``relay_now``).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.errors import ServiceError
from api.jobs import outbox
from api.notifications import payload, policy
from api.notifications.errors import NotificationErrorCode
from api.notifications.models import (
    Alert,
    AlertDedupe,
    AlertEvent,
    AlertEventKind,
    ChannelConfig,
    Delivery,
    DeliveryStatus,
    Notification,
)
from api.org.models import Organisation, User
from notifications.escalation import EscalationPolicy
from notifications.message import ChannelKind, Urgency
from notifications.quiet_hours import release_time
from notifications.templates import registry as templates

DELIVER_JOB = "notifications.deliver"
ESCALATE_JOB = "notifications.escalate"
DEFAULT_DEDUPE_WINDOW = timedelta(hours=24)
MAX_RECIPIENTS = 500
MAX_DEDUPE_KEY = 200
MAX_SUBJECT_ID = 64


@dataclass(frozen=True, slots=True)
class Subject:
    """The object an alert is about (a lead, a visit, ...): what its trail is looked up by."""

    type: str
    id: str


@dataclass(frozen=True, slots=True)
class NotifyResult:
    alert: Alert
    created: bool  # False: a duplicate of ``alert`` inside its dedupe window, nothing sent


async def notify(
    *,
    organisation_id: UUID,
    recipients: Sequence[UUID],
    template: str,
    data: Mapping[str, object],
    now: datetime,
    urgency: Urgency = Urgency.NORMAL,
    dedupe_key: str | None = None,
    dedupe_window: timedelta = DEFAULT_DEDUPE_WINDOW,
    escalation: EscalationPolicy | None = None,
    subject: Subject | None = None,
) -> NotifyResult:
    """Record an alert for ``recipients`` and schedule its deliveries (call inside a transaction).

    A repeat of ``dedupe_key`` while an earlier alert with that key is inside its window sends
    nothing and answers the earlier alert. ``escalation`` moves the alert up the management
    chain level by level until someone acknowledges it or its subject is resolved.
    """
    templates.get(template)  # unknown template: fail here, in the caller's transaction
    if not recipients:
        raise ValueError("notify() needs at least one recipient")
    if len(recipients) > MAX_RECIPIENTS:
        raise ValueError(f"notify() takes at most {MAX_RECIPIENTS} recipients")
    if dedupe_key is not None and not 0 < len(dedupe_key) <= MAX_DEDUPE_KEY:
        raise ValueError(f"dedupe_key must be 1..{MAX_DEDUPE_KEY} characters")
    if subject is not None and (len(subject.type) > 32 or len(subject.id) > MAX_SUBJECT_ID):
        raise ValueError("subject type/id too long")
    async with in_transaction():
        alert = await Alert.create(
            organisation_id=organisation_id,
            template=template,
            data=payload.encode(data),
            urgency=urgency,
            subject_type=subject.type if subject else "",
            subject_id=subject.id if subject else "",
            dedupe_key=dedupe_key,
            escalation=escalation.to_json() if escalation else None,
        )
        if dedupe_key is not None:
            earlier = await _claim_dedupe_key(
                organisation_id, dedupe_key, alert, now=now, window=dedupe_window
            )
            if earlier is not None:
                await alert.delete()
                return NotifyResult(alert=earlier, created=False)
        await AlertEvent.create(
            organisation_id=organisation_id,
            alert=alert,
            kind=AlertEventKind.CREATED,
            at=now,
            detail={"recipients": len(set(recipients))},
        )
        await send_level(alert, recipients=recipients, level=0, now=now)
        if escalation is not None:
            await schedule_escalation(alert, escalation, level=0, now=now)
    return NotifyResult(alert=alert, created=True)


async def _claim_dedupe_key(
    organisation_id: UUID, key: str, alert: Alert, *, now: datetime, window: timedelta
) -> Alert | None:
    """Make ``alert`` the holder of ``key``; the current holder if its window is still open.

    Race-safe without failing statements (a failed statement would poison the caller's
    PostgreSQL transaction): INSERT ... ON CONFLICT DO NOTHING, then read who holds the key; an
    expired holder is replaced by a conditional UPDATE that only one transaction can win.
    """
    await AlertDedupe.bulk_create(
        [
            AlertDedupe(
                organisation_id=organisation_id, key=key, alert=alert, expires_at=now + window
            )
        ],
        ignore_conflicts=True,
    )
    holder = await AlertDedupe.get(organisation_id=organisation_id, key=key)
    if holder.alert_id == alert.id:  # type: ignore[attr-defined]
        return None
    if holder.expires_at <= now:
        won = await AlertDedupe.filter(id=holder.id, alert_id=holder.alert_id).update(  # type: ignore[attr-defined]
            alert_id=alert.id, expires_at=now + window
        )
        if won:
            return None
    earlier = await Alert.get(id=holder.alert_id)  # type: ignore[attr-defined]
    await Alert.filter(id=earlier.id).update(duplicates=earlier.duplicates + 1)
    earlier.duplicates += 1
    return earlier


async def send_level(
    alert: Alert, *, recipients: Iterable[UUID], level: int, now: datetime
) -> list[Notification]:
    """Notifications and deliveries of ``alert`` for the people at escalation ``level``."""
    organisation_id: UUID = alert.organisation_id  # type: ignore[attr-defined]
    org = await Organisation.get(id=organisation_id)
    users = await User.filter(
        id__in=list(dict.fromkeys(recipients)), organisation_id=organisation_id, is_active=True
    )
    if not users:
        return []
    org_policy = await policy.policy_of(organisation_id)
    preferences = await policy.preferences_of([u.id for u in users])
    configs = {
        c.channel: c
        for c in await ChannelConfig.filter(organisation_id=organisation_id, enabled=True)
    }
    reachability = await _reachability(users)
    data = payload.decode(alert.data)
    notifications: list[Notification] = []
    deliveries: list[Delivery] = []
    for user in users:
        rendered = templates.render(
            alert.template,
            data,
            locale=user.locale or org.locale,
            time_zone=org.time_zone,
            escalation_level=level,
        )
        notification = Notification(
            id=uuid.uuid4(),
            organisation_id=organisation_id,
            alert_id=alert.id,
            recipient_id=user.id,
            level=level,
            locale=rendered.locale,
            title=rendered.title[:200],
            body=rendered.text,
            page=(rendered.card.page or "")[:300] or None,
        )
        notifications.append(notification)
        choice = policy.choose(
            alert.urgency, policy=org_policy, preference=preferences.get(user.id)
        )
        for kind in choice.channels:
            if kind is not ChannelKind.IN_APP and kind not in configs:
                continue  # the organisation does not use this channel
            reason = reachability(kind, user)
            due = now
            if kind is not ChannelKind.IN_APP:
                due = release_time(
                    now=now, time_zone=org.time_zone, quiet=choice.quiet, urgency=alert.urgency
                )
            deliveries.append(
                Delivery(
                    id=uuid.uuid4(),
                    organisation_id=organisation_id,
                    notification_id=notification.id,
                    channel=kind,
                    status=DeliveryStatus.SKIPPED if reason else DeliveryStatus.PENDING,
                    last_error=reason,
                    not_before=due,
                )
            )
    await Notification.bulk_create(notifications)
    await Delivery.bulk_create(deliveries)
    # One job per channel and send time: it sends every row of the channel that is due then.
    first: dict[tuple[ChannelKind, datetime], Delivery] = {}
    for delivery in deliveries:
        if delivery.status is DeliveryStatus.PENDING:
            first.setdefault((delivery.channel, delivery.not_before), delivery)
    for (kind, due), delivery in first.items():
        key = try_key(delivery.id, series=delivery.series, attempt=1)
        await schedule_delivery(organisation_id, kind, due_at=due, key=key)
    return notifications


async def _reachability(users: Sequence[User]) -> Any:
    """A function telling why a channel cannot reach a user (None when it can)."""
    from api.auth.models import WechatBinding

    bound = set(
        await WechatBinding.filter(user_id__in=[u.id for u in users]).values_list(
            "user_id", flat=True
        )
    )
    bound_ids = {UUID(str(b)) for b in bound}

    def reason(kind: ChannelKind, user: User) -> str | None:
        if kind is ChannelKind.WECHAT and user.id not in bound_ids:
            return "NO_WECHAT_BINDING"
        if kind is ChannelKind.EMAIL and not user.email:
            return "NO_EMAIL"
        return None

    return reason


def try_key(delivery_id: UUID, *, series: int, attempt: int) -> str:
    """What names try ``attempt`` of a delivery's ``series``: the key of the job owed for it."""
    return f"{delivery_id}:{series}:{attempt}"


async def schedule_delivery(
    organisation_id: UUID, channel: ChannelKind, *, due_at: datetime, key: str
) -> None:
    """Put a job in the outbox that sends, at ``due_at``, what is due of ``channel`` then.

    ``key`` names the event that needs it (a new delivery row, a retry, a follow-up), so
    recording the same event twice schedules one job.
    """
    await outbox.add(
        job_name=DELIVER_JOB,
        args={"organisation_id": str(organisation_id), "channel": channel.value},
        due_at=due_at,
        key=f"{channel.value}:{key}",
        organisation_id=organisation_id,
    )


async def schedule_escalation(
    alert: Alert, escalation: EscalationPolicy, *, level: int, now: datetime
) -> None:
    """Schedule the check that moves ``alert`` from ``level`` to the next one."""
    deadline = escalation.deadline_for(level)
    if deadline is None:
        return
    due = now + deadline
    await Alert.filter(id=alert.id).update(next_escalation_at=due, level=level)
    alert.next_escalation_at = due
    alert.level = level
    await outbox.add(
        job_name=ESCALATE_JOB,
        args={"alert_id": str(alert.id), "level": level},
        due_at=due,
        key=f"{alert.id}:{level}",
        organisation_id=alert.organisation_id,  # type: ignore[attr-defined]
    )


# --- a person's own notifications ------------------------------------------------------------


def inbox(*, user_id: UUID, unread_only: bool = False) -> Any:
    """The caller's notifications (a queryset, newest first when paginated)."""
    query = Notification.filter(recipient_id=user_id)
    if unread_only:
        query = query.filter(read_at__isnull=True)
    return query


async def unread_count(*, user_id: UUID) -> int:
    return await Notification.filter(recipient_id=user_id, read_at__isnull=True).count()


async def own_notification(*, user_id: UUID, notification_id: UUID | None) -> Notification | None:
    """The caller's notification ``notification_id``; None for anyone else's."""
    if notification_id is None:
        return None
    return await Notification.get_or_none(id=notification_id, recipient_id=user_id)


async def mark_read(
    *, user_id: UUID, notification_ids: Sequence[UUID] | None, now: datetime
) -> int:
    """Mark the caller's notifications read (all unread ones when ids is None); how many."""
    query = Notification.filter(recipient_id=user_id, read_at__isnull=True)
    if notification_ids is not None:
        if len(notification_ids) > 100:
            raise ServiceError(NotificationErrorCode.TOO_MANY_ITEMS, "ids", max=100)
        query = query.filter(id__in=list(notification_ids))
    return await query.update(read_at=now)


async def acknowledge(*, user_id: UUID, notification_id: UUID | None, now: datetime) -> Alert:
    """The caller takes charge of the alert behind their notification: escalation stops."""
    async with in_transaction():
        notification = await own_notification(user_id=user_id, notification_id=notification_id)
        if notification is None:
            raise ServiceError(NotificationErrorCode.NOTIFICATION_NOT_FOUND, "id")
        alert = await Alert.select_for_update().get(id=notification.alert_id)  # type: ignore[attr-defined]
        if not alert.is_open:
            raise ServiceError(NotificationErrorCode.NOTHING_TO_ACKNOWLEDGE, "id")
        alert.acknowledged_at = now
        alert.acknowledged_by_id = user_id  # type: ignore[attr-defined]
        alert.next_escalation_at = None
        await alert.save(
            update_fields=["acknowledged_at", "acknowledged_by_id", "next_escalation_at"]
        )
        await AlertEvent.create(
            organisation_id=alert.organisation_id,  # type: ignore[attr-defined]
            alert=alert,
            kind=AlertEventKind.ACKNOWLEDGED,
            at=now,
            level=notification.level,
            actor_id=user_id,
        )
        if notification.read_at is None:
            await Notification.filter(id=notification.id).update(read_at=now)
    return alert


async def resolve(
    *, organisation_id: UUID, subject: Subject, now: datetime, actor_id: UUID | None = None
) -> int:
    """The item behind these alerts was dealt with: stop their escalation; how many alerts."""
    async with in_transaction():
        open_alerts = await Alert.filter(
            organisation_id=organisation_id,
            subject_type=subject.type,
            subject_id=subject.id,
            acknowledged_at__isnull=True,
            resolved_at__isnull=True,
        ).select_for_update()
        for alert in open_alerts:
            await Alert.filter(id=alert.id).update(resolved_at=now, next_escalation_at=None)
            await AlertEvent.create(
                organisation_id=organisation_id,
                alert_id=alert.id,
                kind=AlertEventKind.RESOLVED,
                at=now,
                level=alert.level,
                actor_id=actor_id,
            )
    return len(open_alerts)
