"""What happened to the alerts about one object: recipients, deliveries, escalations, acks.

Five queries whatever the number of alerts: the alerts, their notifications, their deliveries,
their events, and the people involved.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from api.auth.principal import Principal
from api.notifications.models import Alert, AlertEvent, Delivery, Notification
from api.org.models import User
from api.org.scope import visible_user_ids

MAX_ALERTS = 50


@dataclass(frozen=True, slots=True)
class NotificationTrail:
    notification: Notification
    recipient: User | None
    deliveries: list[Delivery]


@dataclass(frozen=True, slots=True)
class AlertTrail:
    alert: Alert
    notifications: list[NotificationTrail]
    events: list[AlertEvent]
    people: dict[UUID, User]


async def trail(*, principal: Principal, subject_type: str, subject_id: str) -> list[AlertTrail]:
    """Alerts about the object, newest first; a manager sees those that reached their team."""
    alerts = (
        await Alert.filter(
            organisation_id=principal.organisation_id,
            subject_type=subject_type[:32],
            subject_id=subject_id[:64],
        )
        .order_by("-created_at")
        .limit(MAX_ALERTS)
    )
    if not alerts:
        return []
    ids = [a.id for a in alerts]
    notifications = await Notification.filter(alert_id__in=ids).order_by("level", "created_at")
    visible = await visible_user_ids(principal)
    if visible is not None:
        reached = {n.alert_id for n in notifications if n.recipient_id in visible}  # type: ignore[attr-defined]
        alerts = [a for a in alerts if a.id in reached]
        notifications = [n for n in notifications if n.alert_id in reached]  # type: ignore[attr-defined]
    deliveries = await Delivery.filter(notification_id__in=[n.id for n in notifications]).order_by(
        "created_at"
    )
    events = await AlertEvent.filter(alert_id__in=[a.id for a in alerts]).order_by("at")
    people_ids = {n.recipient_id for n in notifications}  # type: ignore[attr-defined]
    people_ids |= {e.actor_id for e in events if e.actor_id}  # type: ignore[attr-defined]
    people_ids |= {a.acknowledged_by_id for a in alerts if a.acknowledged_by_id}  # type: ignore[attr-defined]
    people = {
        u.id: u
        for u in await User.filter(
            id__in=list(people_ids), organisation_id=principal.organisation_id
        )
    }
    by_notification: dict[UUID, list[Delivery]] = {}
    for d in deliveries:
        by_notification.setdefault(d.notification_id, []).append(d)  # type: ignore[attr-defined]
    result = []
    for alert in alerts:
        result.append(
            AlertTrail(
                alert=alert,
                notifications=[
                    NotificationTrail(
                        notification=n,
                        recipient=people.get(n.recipient_id),  # type: ignore[attr-defined]
                        deliveries=by_notification.get(n.id, []),
                    )
                    for n in notifications
                    if n.alert_id == alert.id  # type: ignore[attr-defined]
                ],
                events=[e for e in events if e.alert_id == alert.id],  # type: ignore[attr-defined]
                people=people,
            )
        )
    return result
