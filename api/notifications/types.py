"""GraphQL types of notifications, deliveries, trails, channel settings and preferences."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

import strawberry

from api.notifications.configuration import CONFIGURABLE
from api.notifications.errors import NotificationErrorCode
from api.notifications.models import (
    Alert,
    AlertEvent,
    AlertEventKind,
    ChannelConfig,
    Delivery,
    DeliveryStatus,
    Notification,
    NotificationPolicy,
    NotificationPreference,
)
from api.notifications.policy import DEFAULT_CHANNELS
from api.notifications.trail import AlertTrail
from api.org.models import User
from api.org.types import UserType
from notifications.message import ChannelKind, Urgency

UrgencyEnum = strawberry.enum(Urgency, name="Urgency")
ChannelEnum = strawberry.enum(ChannelKind, name="NotificationChannel")
DeliveryStatusEnum = strawberry.enum(DeliveryStatus, name="DeliveryStatus")
AlertEventKindEnum = strawberry.enum(AlertEventKind, name="AlertEventKind")
NotificationErrorCodeEnum = strawberry.enum(NotificationErrorCode, name="NotificationErrorCode")


@strawberry.type
class NotificationError:
    code: NotificationErrorCodeEnum  # type: ignore[valid-type]
    field: str | None
    message: str


@strawberry.type(name="Notification")
class NotificationType:
    id: strawberry.ID
    template: str
    title: str
    body: str
    page: str | None
    urgency: UrgencyEnum  # type: ignore[valid-type]
    level: int = strawberry.field(
        description="0 for the original recipients, n after n escalations."
    )
    created_at: datetime
    read_at: datetime | None
    subject_type: str
    subject_id: str
    needs_acknowledgement: bool = strawberry.field(
        description="The alert escalates until someone acknowledges it, and nobody has yet."
    )
    acknowledged_at: datetime | None

    @classmethod
    def of(cls, row: Notification, alert: Alert) -> NotificationType:
        return cls(
            id=strawberry.ID(str(row.id)),
            template=alert.template,
            title=row.title,
            body=row.body,
            page=row.page,
            urgency=alert.urgency,
            level=row.level,
            created_at=row.created_at,
            read_at=row.read_at,
            subject_type=alert.subject_type,
            subject_id=alert.subject_id,
            needs_acknowledgement=alert.escalation is not None and alert.is_open,
            acknowledged_at=alert.acknowledged_at,
        )

    @classmethod
    async def build(cls, rows: list[Notification]) -> list[NotificationType]:
        """Types for a page of notifications: their alerts in one query."""
        ids = {r.alert_id for r in rows}  # type: ignore[attr-defined]
        alerts = {a.id: a for a in await Alert.filter(id__in=list(ids))} if ids else {}
        return [cls.of(r, alerts[r.alert_id]) for r in rows]  # type: ignore[attr-defined]


@strawberry.type(name="Delivery")
class DeliveryType:
    id: strawberry.ID
    channel: ChannelEnum  # type: ignore[valid-type]
    status: DeliveryStatusEnum  # type: ignore[valid-type]
    attempts: int
    last_error: str | None = strawberry.field(
        description="Machine code and short reason of the last failure or skip."
    )
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    delivered_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: Delivery) -> DeliveryType:
        waiting = row.status in {DeliveryStatus.PENDING, DeliveryStatus.RETRYING}
        return cls(
            id=strawberry.ID(str(row.id)),
            channel=row.channel,
            status=row.status,
            attempts=row.attempts,
            last_error=row.last_error,
            next_attempt_at=row.not_before if waiting else None,
            last_attempt_at=row.last_attempt_at,
            delivered_at=row.delivered_at,
            created_at=row.created_at,
        )


@strawberry.type
class DeadDelivery:
    delivery: DeliveryType
    notification_id: strawberry.ID
    template: str
    title: str
    recipient: UserType | None

    @classmethod
    def of(cls, row: Delivery, recipients: dict[UUID, User]) -> DeadDelivery:
        notification: Notification = row.notification
        alert: Alert = notification.alert
        user = recipients.get(notification.recipient_id)  # type: ignore[attr-defined]
        return cls(
            delivery=DeliveryType.from_row(row),
            notification_id=strawberry.ID(str(notification.id)),
            template=alert.template,
            title=notification.title,
            recipient=UserType.from_row(user) if user else None,
        )


@strawberry.type
class TrailNotification:
    id: strawberry.ID
    recipient: UserType | None
    level: int
    title: str
    created_at: datetime
    read_at: datetime | None
    deliveries: list[DeliveryType]


@strawberry.type(name="AlertEvent")
class AlertEventType:
    kind: AlertEventKindEnum  # type: ignore[valid-type]
    at: datetime
    level: int
    actor: UserType | None
    detail: strawberry.scalars.JSON

    @classmethod
    def of(cls, row: AlertEvent, people: dict[UUID, User]) -> AlertEventType:
        actor = people.get(row.actor_id) if row.actor_id else None  # type: ignore[attr-defined]
        return cls(
            kind=row.kind,
            at=row.at,
            level=row.level,
            actor=UserType.from_row(actor) if actor else None,
            detail=_public_detail(row.detail),  # type: ignore[arg-type]
        )


def _public_detail(detail: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in detail.items() if k in {"recipients", "channel", "delivery_id", "by"}}


@strawberry.type(name="AlertTrail")
class AlertTrailType:
    id: strawberry.ID
    template: str
    urgency: UrgencyEnum  # type: ignore[valid-type]
    subject_type: str
    subject_id: str
    created_at: datetime
    dedupe_key: str | None
    duplicates_suppressed: int
    level: int
    next_escalation_at: datetime | None
    acknowledged_at: datetime | None
    acknowledged_by: UserType | None
    resolved_at: datetime | None
    notifications: list[TrailNotification]
    events: list[AlertEventType]

    @classmethod
    def of(cls, trail: AlertTrail) -> AlertTrailType:
        alert = trail.alert
        people = trail.people
        ack_by = people.get(alert.acknowledged_by_id) if alert.acknowledged_by_id else None  # type: ignore[attr-defined]
        return cls(
            id=strawberry.ID(str(alert.id)),
            template=alert.template,
            urgency=alert.urgency,
            subject_type=alert.subject_type,
            subject_id=alert.subject_id,
            created_at=alert.created_at,
            dedupe_key=alert.dedupe_key,
            duplicates_suppressed=alert.duplicates,
            level=alert.level,
            next_escalation_at=alert.next_escalation_at,
            acknowledged_at=alert.acknowledged_at,
            acknowledged_by=UserType.from_row(ack_by) if ack_by else None,
            resolved_at=alert.resolved_at,
            notifications=[
                TrailNotification(
                    id=strawberry.ID(str(n.notification.id)),
                    recipient=UserType.from_row(n.recipient) if n.recipient else None,
                    level=n.notification.level,
                    title=n.notification.title,
                    created_at=n.notification.created_at,
                    read_at=n.notification.read_at,
                    deliveries=[DeliveryType.from_row(d) for d in n.deliveries],
                )
                for n in trail.notifications
            ],
            events=[AlertEventType.of(e, people) for e in trail.events],
        )


@strawberry.type
class ChannelsByUrgency:
    urgency: UrgencyEnum  # type: ignore[valid-type]
    channels: list[ChannelEnum]  # type: ignore[valid-type]


def _by_urgency(stored: dict[str, list[str]], fallback: bool) -> list[ChannelsByUrgency]:
    result = []
    for urgency in Urgency:
        if urgency.value in stored:
            kinds = [ChannelKind(c) for c in stored[urgency.value]]
        elif fallback:
            kinds = list(DEFAULT_CHANNELS[urgency])
        else:
            continue
        result.append(ChannelsByUrgency(urgency=urgency, channels=kinds))
    return result


@strawberry.type
class NotificationPreferences:
    channels: list[ChannelsByUrgency] = strawberry.field(
        description="The caller's own choices; urgencies missing here follow the organisation."
    )
    quiet_hours_own: bool = strawberry.field(
        description="True: quietStart/quietEnd are the caller's (null = no quiet hours)."
    )
    quiet_start: str | None
    quiet_end: str | None

    @classmethod
    def of(cls, row: NotificationPreference | None) -> NotificationPreferences:
        if row is None:
            return cls(channels=[], quiet_hours_own=False, quiet_start=None, quiet_end=None)
        return cls(
            channels=_by_urgency(row.channels, fallback=False),
            quiet_hours_own=row.quiet_hours_set,
            quiet_start=row.quiet_start,
            quiet_end=row.quiet_end,
        )


@strawberry.type
class NotificationChannelSettings:
    channel: ChannelEnum  # type: ignore[valid-type]
    enabled: bool
    has_webhook_key: bool
    has_access_token: bool
    has_secret: bool
    mention: bool
    sender: str | None
    miniprogram_state: str | None
    wechat_templates: strawberry.scalars.JSON

    @classmethod
    def of(cls, kind: ChannelKind, row: ChannelConfig | None) -> NotificationChannelSettings:
        data: dict[str, Any] = dict(row.settings) if row else {}
        return cls(
            channel=kind,
            enabled=bool(row and row.enabled),
            has_webhook_key=bool(data.get("webhook_key")),
            has_access_token=bool(data.get("access_token")),
            has_secret=bool(data.get("secret")),
            mention=bool(data.get("mention", True)),
            sender=data.get("sender"),
            miniprogram_state=data.get("miniprogram_state"),
            wechat_templates=data.get("templates", {}),
        )


@strawberry.type
class NotificationSettings:
    channels: list[NotificationChannelSettings]
    default_channels: list[ChannelsByUrgency]
    quiet_start: str | None
    quiet_end: str | None
    digest_enabled: bool
    digest_time: str

    @classmethod
    def of(
        cls, policy: NotificationPolicy, configs: dict[ChannelKind, ChannelConfig]
    ) -> NotificationSettings:
        return cls(
            channels=[NotificationChannelSettings.of(k, configs.get(k)) for k in CONFIGURABLE],
            default_channels=_by_urgency(policy.channels, fallback=True),
            quiet_start=policy.quiet_start,
            quiet_end=policy.quiet_end,
            digest_enabled=policy.digest_enabled,
            digest_time=policy.digest_time,
        )


# --- inputs and payloads -----------------------------------------------------------------------


@strawberry.input
class ChannelsByUrgencyInput:
    urgency: UrgencyEnum  # type: ignore[valid-type]
    channels: list[ChannelEnum]  # type: ignore[valid-type]


@strawberry.input
class WechatTemplateMappingInput:
    template: str = strawberry.field(description="Our template name, e.g. digest.today.")
    template_id: str
    keywords: strawberry.scalars.JSON = strawberry.field(
        description='WeChat keyword -> source: {"thing1": "title", "time2": "due_at"}.'
    )
    page: str | None = None


@strawberry.input
class NotificationChannelInput:
    channel: ChannelEnum  # type: ignore[valid-type]
    enabled: bool
    webhook_key: str | None = strawberry.field(default=None, description="WeCom robot key.")
    access_token: str | None = strawberry.field(default=None, description="DingTalk robot token.")
    secret: str | None = strawberry.field(default=None, description="DingTalk signing secret.")
    mention: bool | None = None
    sender: str | None = strawberry.field(default=None, description="E-mail From address.")
    miniprogram_state: str | None = None
    wechat_templates: list[WechatTemplateMappingInput] | None = None


@strawberry.input
class NotificationSettingsInput:
    default_channels: list[ChannelsByUrgencyInput] | None = None
    quiet_start: str | None = None
    quiet_end: str | None = None
    clear_quiet_hours: bool = False
    digest_enabled: bool | None = None
    digest_time: str | None = None


@strawberry.enum
class QuietHoursChoice(StrEnum):
    KEEP = "keep"
    SET = "set"
    NONE = "none"
    DEFAULT = "default"


@strawberry.input
class NotificationPreferencesInput:
    channels: list[ChannelsByUrgencyInput] | None = None
    reset_channels: bool = False
    quiet_hours: QuietHoursChoice = QuietHoursChoice.KEEP
    quiet_start: str | None = None
    quiet_end: str | None = None


@strawberry.type
class MarkNotificationsReadPayload:
    marked: int = 0
    unread_count: int = 0
    errors: list[NotificationError] = strawberry.field(default_factory=list)


@strawberry.type
class AcknowledgeNotificationPayload:
    notification: NotificationType | None = None
    errors: list[NotificationError] = strawberry.field(default_factory=list)


@strawberry.type
class RetryDeliveryPayload:
    delivery: DeliveryType | None = None
    errors: list[NotificationError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationChannelPayload:
    channel: NotificationChannelSettings | None = None
    errors: list[NotificationError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationSettingsPayload:
    settings: NotificationSettings | None = None
    errors: list[NotificationError] = strawberry.field(default_factory=list)


@strawberry.type
class NotificationPreferencesPayload:
    preferences: NotificationPreferences | None = None
    errors: list[NotificationError] = strawberry.field(default_factory=list)


def channels_input(items: list[ChannelsByUrgencyInput] | None) -> dict[str, list[str]] | None:
    if items is None:
        return None
    return {Urgency(i.urgency).value: [ChannelKind(c).value for c in i.channels] for i in items}
