"""One try of one delivery: claim it, send it over its channel, record the outcome.

Each try is its own outbox message (``notifications.deliver`` keyed by delivery, series and try
number), so its deadline lives in the database: a flushed Redis or a killed worker loses no
delivery, and the outbox sweep re-fires it. A try first *claims* the delivery with a conditional
UPDATE (``attempts = try - 1``), so a try that runs twice sends once. A claimed try whose worker
died while sending is found by the next run of the same job after :data:`CLAIM_LEASE`: its
outcome is unknown, so it counts as a failed try and the next one is scheduled (at-least-once:
the receiver may see that one message twice, with the same ``X-Liuhen-Delivery`` key).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from redis.asyncio import Redis
from tortoise.transactions import in_transaction

from api.errors import ServiceError, describe_error
from api.notifications import live, payload
from api.notifications.channels import NOT_CONFIGURED, ChannelHub
from api.notifications.errors import NotificationErrorCode
from api.notifications.models import (
    OPEN_DELIVERY,
    AlertEvent,
    AlertEventKind,
    Delivery,
    DeliveryStatus,
    Notification,
)
from api.notifications.service import schedule_try
from api.org.models import Organisation, User
from notifications.channels.base import ChannelError
from notifications.message import ChannelKind, Outgoing, Recipient, Urgency
from notifications.retry import DEFAULT_RETRY, RetryPolicy
from notifications.templates import registry as templates

logger = logging.getLogger(__name__)

CLAIM_LEASE = timedelta(minutes=2)
"""Longer than any channel's timeout: a claim older than this belongs to a dead worker."""


class DeliveryBusy(Exception):
    """Another worker holds this try right now; the job is retried after a back-off."""


@dataclass(frozen=True, slots=True)
class TryOutcome:
    status: DeliveryStatus | None  # None: nothing to do (stale or finished try)
    error: str | None = None


async def run_try(
    *,
    delivery_id: UUID,
    series: int,
    attempt: int,
    now: datetime,
    hub: ChannelHub,
    redis: Redis,
    retry: RetryPolicy = DEFAULT_RETRY,
) -> TryOutcome:
    """Run try ``attempt`` of ``delivery_id``'s ``series`` unless it already ran."""
    claimed = await Delivery.filter(
        id=delivery_id, series=series, attempts=attempt - 1, status__in=OPEN_DELIVERY
    ).update(attempts=attempt, last_attempt_at=now)
    if not claimed:
        delivery = await Delivery.get_or_none(id=delivery_id)
        if (
            delivery is None
            or delivery.series != series
            or delivery.attempts != attempt
            or delivery.status not in OPEN_DELIVERY
        ):
            return TryOutcome(status=None)
        if delivery.last_attempt_at is not None and now - delivery.last_attempt_at < CLAIM_LEASE:
            raise DeliveryBusy(str(delivery_id))
        # The worker that claimed this try died mid-send: its outcome is unknown.
        return await _failed(
            delivery,
            attempt,
            ChannelError("INTERRUPTED", "worker stopped", retryable=True),
            now,
            retry,
        )
    delivery = await Delivery.get(id=delivery_id).select_related(
        "organisation", "notification__alert", "notification__recipient"
    )
    try:
        external_id = await _send(delivery, hub=hub, redis=redis)
    except ChannelError as exc:
        return await _failed(delivery, attempt, exc, now, retry)
    except Exception as exc:  # a bug or an outage of ours: retried like a transient failure
        logger.exception("delivery %s failed unexpectedly", delivery_id)
        error = ChannelError("INTERNAL", describe_error(exc)[:200], retryable=True)
        return await _failed(delivery, attempt, error, now, retry)
    await Delivery.filter(id=delivery_id, attempts=attempt).update(
        status=DeliveryStatus.DELIVERED,
        delivered_at=now,
        external_id=external_id,
        last_error=None,
    )
    return TryOutcome(status=DeliveryStatus.DELIVERED)


async def _send(delivery: Delivery, *, hub: ChannelHub, redis: Redis) -> str | None:
    notification: Notification = delivery.notification
    if delivery.channel is ChannelKind.IN_APP:
        listeners = await live.publish(
            redis,
            user_id=notification.recipient_id,  # type: ignore[attr-defined]
            notification_id=notification.id,
        )
        return f"live:{listeners}"
    channel = await hub.channel_for(
        organisation_id=delivery.organisation_id,  # type: ignore[attr-defined]
        kind=delivery.channel,
    )
    if channel is None:
        raise ChannelError(NOT_CONFIGURED, "channel disabled or incomplete", retryable=False)
    alert = notification.alert
    user: User = notification.recipient
    org: Organisation = delivery.organisation
    rendered = templates.render(
        alert.template,
        payload.decode(alert.data),
        locale=notification.locale,
        time_zone=org.time_zone,
        escalation_level=notification.level,
    )
    openid = None
    if delivery.channel is ChannelKind.WECHAT:
        from api.auth.models import WechatBinding

        binding = await WechatBinding.get_or_none(user_id=user.id, appid=hub.settings.wechat_appid)
        openid = binding.openid if binding else None
    recipient = Recipient(
        user_id=str(user.id),
        display_name=user.display_name,
        locale=notification.locale,
        mobile=user.phone,
        email=user.email,
        wechat_openid=openid,
    )
    reason = channel.unreachable_reason(recipient)
    if reason is not None:
        raise ChannelError(reason, "recipient unreachable on this channel", retryable=False)
    return await channel.send(
        Outgoing(
            delivery_id=str(delivery.id),
            rendered=rendered,
            recipient=recipient,
            urgency=Urgency(alert.urgency),
        )
    )


async def _failed(
    delivery: Delivery, attempt: int, error: ChannelError, now: datetime, retry: RetryPolicy
) -> TryOutcome:
    message = str(error)[:300]
    async with in_transaction():
        if error.retryable and not retry.exhausted(attempt):
            delay = retry.delay_after(attempt, key=str(delivery.id))
            if error.retry_after is not None and error.retry_after > delay:
                delay = error.retry_after
            due = now + delay
            updated = await Delivery.filter(id=delivery.id, attempts=attempt).update(
                status=DeliveryStatus.RETRYING, last_error=message, not_before=due
            )
            if updated:
                await schedule_try(delivery, attempt=attempt + 1, due_at=due)
            return TryOutcome(status=DeliveryStatus.RETRYING, error=message)
        updated = await Delivery.filter(id=delivery.id, attempts=attempt).update(
            status=DeliveryStatus.DEAD, last_error=message
        )
        if updated:
            notification = await Notification.get(id=delivery.notification_id)  # type: ignore[attr-defined]
            await AlertEvent.create(
                organisation_id=delivery.organisation_id,  # type: ignore[attr-defined]
                alert_id=notification.alert_id,  # type: ignore[attr-defined]
                kind=AlertEventKind.DELIVERY_DEAD,
                at=now,
                level=notification.level,
                detail={"delivery_id": str(delivery.id), "channel": delivery.channel.value},
            )
    logger.warning(
        "delivery %s over %s given up after %d tries: %s",
        delivery.id,
        delivery.channel.value,
        attempt,
        error.code,
    )
    return TryOutcome(status=DeliveryStatus.DEAD, error=message)


# --- dead letters ----------------------------------------------------------------------------


def dead_letters(*, organisation_id: UUID) -> object:
    """Deliveries that were given up, for admins (a queryset)."""
    return Delivery.filter(organisation_id=organisation_id, status=DeliveryStatus.DEAD)


async def retry_delivery(
    *, organisation_id: UUID, delivery_id: UUID | None, actor_id: UUID, now: datetime
) -> Delivery:
    """Start a dead delivery over: a new series of tries, from now."""
    async with in_transaction():
        delivery = (
            await Delivery.filter(id=delivery_id, organisation_id=organisation_id)
            .select_for_update()
            .first()
            if delivery_id is not None
            else None
        )
        if delivery is None:
            raise ServiceError(NotificationErrorCode.DELIVERY_NOT_FOUND, "id")
        if delivery.status is not DeliveryStatus.DEAD:
            raise ServiceError(NotificationErrorCode.DELIVERY_NOT_DEAD, "id")
        delivery.series += 1
        delivery.attempts = 0
        delivery.status = DeliveryStatus.PENDING
        delivery.not_before = now
        await delivery.save(update_fields=["series", "attempts", "status", "not_before"])
        notification = await Notification.get(id=delivery.notification_id)  # type: ignore[attr-defined]
        await AlertEvent.create(
            organisation_id=organisation_id,
            alert_id=notification.alert_id,  # type: ignore[attr-defined]
            kind=AlertEventKind.DELIVERY_RETRIED,
            at=now,
            level=notification.level,
            actor_id=actor_id,
            detail={"delivery_id": str(delivery.id), "channel": delivery.channel.value},
        )
        await schedule_try(delivery, attempt=1, due_at=now)
    return delivery
