"""Alerts, the notifications they put in people's inboxes, and every delivery attempt's outcome.

One ``notify()`` call is one :class:`Alert` (what happened, about which object, how urgent, its
escalation policy). Each person it reaches gets a :class:`Notification` (their in-app inbox
entry, rendered in their language) at an escalation ``level`` (0 = the original recipients).
Each notification is sent over one or more channels, one :class:`Delivery` row per channel with
its status, attempts and last error. :class:`AlertEvent` rows record what happened to the alert
itself (deduplicated repeats, escalations, acknowledgement, resolution), so the trail of an
object is read from these four tables alone.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from api.common.models import Entity, MutableEntity
from api.org.models import Organisation, User
from notifications.message import ChannelKind, Urgency


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its send time (quiet hours) or its job
    RETRYING = "retrying"  # a try failed; the next one is scheduled
    DELIVERED = "delivered"
    DEAD = "dead"  # every try failed, or the channel refused it for good: an admin may retry
    SKIPPED = "skipped"  # the channel cannot reach this person (no binding, not configured)


OPEN_DELIVERY = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)


class AlertEventKind(StrEnum):
    CREATED = "created"
    DEDUPLICATED = "deduplicated"
    ESCALATED = "escalated"
    ESCALATION_EXHAUSTED = "escalation_exhausted"
    ACKNOWLEDGED = "acknowledged"
    RESOLVED = "resolved"
    DELIVERY_DEAD = "delivery_dead"
    DELIVERY_RETRIED = "delivery_retried"


class Alert(Entity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="alerts", on_delete=fields.CASCADE
    )
    template = fields.CharField(max_length=64)
    data: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    urgency = fields.CharEnumField(Urgency, max_length=16)
    subject_type = fields.CharField(max_length=32, default="")
    subject_id = fields.CharField(max_length=64, default="")
    dedupe_key = fields.CharField(max_length=200, null=True)
    duplicates = fields.IntField(default=0)
    escalation: dict[str, Any] | None = fields.JSONField(null=True)  # type: ignore[assignment]
    level = fields.IntField(default=0)
    next_escalation_at = fields.DatetimeField(null=True)
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="acknowledged_alerts", null=True, on_delete=fields.SET_NULL
    )
    resolved_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notification_alert"
        indexes = (("organisation_id", "subject_type", "subject_id"),)

    @property
    def is_open(self) -> bool:
        return self.acknowledged_at is None and self.resolved_at is None


class AlertDedupe(Entity):
    """The alert a ``dedupe_key`` stands for until ``expires_at``; unique per organisation."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="alert_dedupes", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=200)
    alert: fields.ForeignKeyRelation[Alert] = fields.ForeignKeyField(
        "models.Alert", related_name="dedupes", on_delete=fields.CASCADE
    )
    expires_at = fields.DatetimeField()

    class Meta:
        table = "notification_dedupe"
        unique_together = (("organisation_id", "key"),)


class Notification(Entity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="notifications", on_delete=fields.CASCADE
    )
    alert: fields.ForeignKeyRelation[Alert] = fields.ForeignKeyField(
        "models.Alert", related_name="notifications", on_delete=fields.CASCADE
    )
    recipient: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="notifications", on_delete=fields.CASCADE
    )
    level = fields.IntField(default=0)
    locale = fields.CharField(max_length=16)
    title = fields.CharField(max_length=200)
    body = fields.TextField()
    page = fields.CharField(max_length=300, null=True)
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notification"
        unique_together = (("alert_id", "recipient_id", "level"),)
        indexes = (("recipient_id", "created_at"), ("recipient_id", "read_at"))


class Delivery(MutableEntity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="deliveries", on_delete=fields.CASCADE
    )
    notification: fields.ForeignKeyRelation[Notification] = fields.ForeignKeyField(
        "models.Notification", related_name="deliveries", on_delete=fields.CASCADE
    )
    channel = fields.CharEnumField(ChannelKind, max_length=16)
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    # Bumped by every (re)start of the delivery by an admin: it keys that series' jobs apart.
    series = fields.IntField(default=0)
    # The outbox message sending this row right now (set with ``last_attempt_at``), else null.
    claim = fields.UUIDField(null=True)
    not_before = fields.DatetimeField()
    last_error = fields.CharField(max_length=300, null=True)
    last_attempt_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    external_id = fields.CharField(max_length=200, null=True)

    class Meta:
        table = "notification_delivery"
        unique_together = (("notification_id", "channel"),)
        indexes = (
            ("organisation_id", "status", "created_at"),
            ("organisation_id", "channel", "status", "not_before"),  # what is due, per channel
        )


class AlertEvent(Entity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="alert_events", on_delete=fields.CASCADE
    )
    alert: fields.ForeignKeyRelation[Alert] = fields.ForeignKeyField(
        "models.Alert", related_name="events", on_delete=fields.CASCADE, db_index=True
    )
    kind = fields.CharEnumField(AlertEventKind, max_length=32)
    at = fields.DatetimeField()
    level = fields.IntField(default=0)
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="alert_events", null=True, on_delete=fields.SET_NULL
    )
    detail: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]

    class Meta:
        table = "notification_event"


class NotificationPolicy(MutableEntity):
    """An organisation's defaults: channels per urgency, quiet hours, the morning digest."""

    organisation: fields.OneToOneRelation[Organisation] = fields.OneToOneField(
        "models.Organisation", related_name="notification_policy", on_delete=fields.CASCADE
    )
    channels: dict[str, list[str]] = fields.JSONField(default=dict)  # type: ignore[assignment]
    quiet_start = fields.CharField(max_length=5, null=True)
    quiet_end = fields.CharField(max_length=5, null=True)
    digest_enabled = fields.BooleanField(default=True)
    digest_time = fields.CharField(max_length=5, default="08:00")

    class Meta:
        table = "notification_policy"


class ChannelConfig(MutableEntity):
    """How an organisation reaches one external channel; ``settings`` holds its credentials."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="channel_configs", on_delete=fields.CASCADE
    )
    channel = fields.CharEnumField(ChannelKind, max_length=16)
    enabled = fields.BooleanField(default=True)
    settings: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]

    class Meta:
        table = "notification_channel_config"
        unique_together = (("organisation_id", "channel"),)


class NotificationPreference(MutableEntity):
    """One person's choices; ``None`` fields fall back to the organisation's policy."""

    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="notification_preference", on_delete=fields.CASCADE
    )
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="notification_preferences", on_delete=fields.CASCADE
    )
    channels: dict[str, list[str]] = fields.JSONField(default=dict)  # type: ignore[assignment]
    quiet_hours_set = fields.BooleanField(default=False)
    quiet_start = fields.CharField(max_length=5, null=True)
    quiet_end = fields.CharField(max_length=5, null=True)

    class Meta:
        table = "notification_preference"


class DigestRun(Entity):
    """One organisation's morning digest of one local date: scheduled once, whatever the sweep."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="digest_runs", on_delete=fields.CASCADE
    )
    local_date = fields.DateField()
    sent = fields.IntField(default=0)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notification_digest_run"
        unique_together = (("organisation_id", "local_date"),)
