"""Delivering what is due over one channel of one organisation, a batch at a time.

A delivery's row is its queue entry: ``status`` (open while PENDING or RETRYING), ``not_before``
(when it may go) and ``claim`` (the job sending it right now). The outbox job
``notifications.deliver`` (``args``: organisation, channel) means "send everything of this
organisation that is due over this channel": :func:`deliver_due` claims up to
``notification_batch_size`` due rows at once (``SELECT … FOR UPDATE SKIP LOCKED`` on
PostgreSQL, so jobs running side by side take disjoint rows), sends them concurrently, records
every outcome in one transaction, and goes on until nothing is due. Whoever writes a delivery
row (``notify()``, an escalation, a retry) puts such a job in the outbox in the same
transaction, so the database always owes a job for every open row.

A claim carries the claiming outbox message's id. A run that finds rows still claimed by its own
message, or claimed longer than :data:`CLAIM_LEASE` ago by anyone, knows the worker that sent
them died mid-send: the outcome is unknown, so the try counts as failed (``INTERRUPTED``) and the
next one is scheduled (at-least-once: the receiver may see that message twice, with the same
``X-Liuhen-Delivery`` key). Channels are independent: each has its own jobs, and a send has the
channel's timeout, so a stalled receiver holds up only its own channel.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections import defaultdict
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from redis.asyncio import Redis
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from api.clock import Clock
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
from api.notifications.service import schedule_delivery, try_key
from api.org.models import Organisation, User
from notifications.channels.base import Channel, ChannelError
from notifications.message import ChannelKind, Outgoing, Recipient, Urgency
from notifications.retry import DEFAULT_RETRY, RetryPolicy
from notifications.templates import registry as templates

logger = logging.getLogger(__name__)

CLAIM_LEASE = timedelta(minutes=10)
"""Far longer than a batch can take (``Settings.validate`` bounds batch size x timeout, and
e-mail batches are small): a claim older than this belongs to a dead worker."""
DUE_SKEW = timedelta(seconds=2)
"""Rows due this soon are sent now: a job may start a little before its rows' time when the
worker's clock is behind the clock of whoever scheduled it, and must not leave them behind."""
BATCH_CAP: dict[ChannelKind, int] = {ChannelKind.EMAIL: 8}
"""Rows per batch at most, per channel, whatever ``notification_batch_size`` says."""
RUN_SECONDS = 60.0
"""A job claims no new batch after this long; a follow-up job takes the rest (arq's timeout is
far longer)."""

Outcome = str | None | ChannelError  # the external id of a sent message, or why it failed


@dataclass(slots=True)
class BatchReport:
    """What one job did: deliveries by outcome, and whether it left work to a follow-up."""

    delivered: int = 0
    retrying: int = 0
    dead: int = 0
    interrupted: int = 0
    continued: bool = False


async def deliver_due(
    *,
    organisation_id: UUID,
    channel: ChannelKind,
    claimant: UUID,
    clock: Clock,
    hub: ChannelHub,
    redis: Redis,
    batch_size: int,
    retry: RetryPolicy = DEFAULT_RETRY,
    run_seconds: float = RUN_SECONDS,
) -> BatchReport:
    """Send every due delivery of ``organisation_id`` over ``channel``, ``batch_size`` at a time.

    ``claimant`` is the outbox message running this: rows it still holds from an earlier run
    that died are settled first, as interrupted tries.
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    batch_size = min(batch_size, BATCH_CAP.get(channel, batch_size))
    report = BatchReport()
    await _recover(organisation_id, channel, claimant, clock.now(), retry, report)
    organisation: Organisation | None = None
    started = time.monotonic()
    while True:
        async with _slot(hub, channel):
            now = clock.now()
            rows = await _claim(organisation_id, channel, claimant, now, batch_size)
            if not rows:
                return report
            if organisation is None and channel is not ChannelKind.IN_APP:
                organisation = await Organisation.get(id=organisation_id)
            outcomes = await _send_all(rows, channel, organisation, hub=hub, redis=redis)
            await _record(outcomes, now, retry, report)
        if len(rows) < batch_size:
            return report  # the rest of what is due (if any) is claimed by other jobs
        if time.monotonic() - started > run_seconds:
            await schedule_delivery(
                organisation_id, channel, due_at=now, key=f"more:{uuid.uuid4()}"
            )
            report.continued = True
            return report


def _slot(hub: ChannelHub, channel: ChannelKind) -> AbstractAsyncContextManager[object]:
    """In-app publishes are one Redis round trip a batch: only external channels take a slot."""
    return nullcontext() if channel is ChannelKind.IN_APP else hub.batch_slot(channel)


async def _recover(
    organisation_id: UUID,
    channel: ChannelKind,
    claimant: UUID,
    now: datetime,
    retry: RetryPolicy,
    report: BatchReport,
) -> None:
    """Settle the tries of dead workers: this message's own earlier run, or any expired claim."""
    stale = await Delivery.filter(
        Q(claim=claimant) | Q(claim__isnull=False, last_attempt_at__lt=now - CLAIM_LEASE),
        organisation_id=organisation_id,
        channel=channel,
        status__in=OPEN_DELIVERY,
    ).select_related("notification")
    if not stale:
        return
    interrupted = ChannelError("INTERRUPTED", "worker stopped", retryable=True)
    before = report.retrying + report.dead
    await _record([(row, interrupted) for row in stale], now, retry, report)
    report.interrupted += report.retrying + report.dead - before


async def _claim(
    organisation_id: UUID, channel: ChannelKind, claimant: UUID, now: datetime, limit: int
) -> list[Delivery]:
    """Take up to ``limit`` due, unclaimed rows (rows another job holds are skipped)."""
    async with in_transaction():
        picked = (
            await Delivery.filter(
                organisation_id=organisation_id,
                channel=channel,
                status__in=OPEN_DELIVERY,
                not_before__lte=now + DUE_SKEW,
                claim__isnull=True,
            )
            .order_by("not_before")
            .limit(limit)
            .select_for_update(skip_locked=True)
            .only("id")
        )
        ids = [row.id for row in picked]
        if not ids:
            return []
        await Delivery.filter(id__in=ids, claim__isnull=True).update(
            claim=claimant, attempts=F("attempts") + 1, last_attempt_at=now
        )
    related = (
        ("notification",)
        if channel is ChannelKind.IN_APP
        else ("notification__alert", "notification__recipient")
    )
    return await Delivery.filter(id__in=ids, claim=claimant).select_related(*related)


async def _send_all(
    rows: Sequence[Delivery],
    channel: ChannelKind,
    organisation: Organisation | None,
    *,
    hub: ChannelHub,
    redis: Redis,
) -> list[tuple[Delivery, Outcome]]:
    """Send a claimed batch; every row gets an outcome, none raises."""
    if channel is ChannelKind.IN_APP:
        return await _publish_all(rows, redis)
    assert organisation is not None
    client = await hub.channel_for(organisation_id=organisation.id, kind=channel)
    if client is None:
        refused = ChannelError(NOT_CONFIGURED, "channel disabled or incomplete", retryable=False)
        return [(row, refused) for row in rows]
    openids = await _wechat_openids(rows, hub) if channel is ChannelKind.WECHAT else {}
    limit = asyncio.Semaphore(hub.sends_per_batch(channel))

    async def send(row: Delivery) -> Outcome:
        async with limit:
            try:
                return await _send_one(row, client, organisation, openids)
            except ChannelError as exc:
                return exc
            except Exception as exc:  # a bug or an outage of ours: retried like a transient one
                logger.exception("delivery %s failed unexpectedly", row.id)
                return ChannelError("INTERNAL", describe_error(exc)[:200], retryable=True)

    outcomes = await asyncio.gather(*(send(row) for row in rows))
    return list(zip(rows, outcomes, strict=True))


async def _publish_all(rows: Sequence[Delivery], redis: Redis) -> list[tuple[Delivery, Outcome]]:
    """In-app: one pipelined publish per person to the live feed (the row is already stored)."""
    notifications: list[Notification] = [row.notification for row in rows]
    try:
        listeners = await live.publish_many(
            redis,
            [(n.recipient_id, n.id) for n in notifications],  # type: ignore[attr-defined]
        )
    except Exception as exc:
        logger.warning("live feed publish failed: %s", type(exc).__name__)
        error = ChannelError("INTERNAL", describe_error(exc)[:200], retryable=True)
        return [(row, error) for row in rows]
    return [(row, f"live:{n}") for row, n in zip(rows, listeners, strict=True)]


async def _wechat_openids(rows: Sequence[Delivery], hub: ChannelHub) -> dict[UUID, str]:
    from api.auth.models import WechatBinding

    user_ids = {row.notification.recipient_id for row in rows}  # type: ignore[attr-defined]
    bindings = await WechatBinding.filter(user_id__in=user_ids, appid=hub.settings.wechat_appid)
    return {b.user_id: b.openid for b in bindings}  # type: ignore[attr-defined]


async def _send_one(
    row: Delivery, client: Channel, organisation: Organisation, openids: dict[UUID, str]
) -> str | None:
    notification: Notification = row.notification
    alert = notification.alert
    user: User = notification.recipient
    rendered = templates.render(
        alert.template,
        payload.decode(alert.data),
        locale=notification.locale,
        time_zone=organisation.time_zone,
        escalation_level=notification.level,
    )
    recipient = Recipient(
        user_id=str(user.id),
        display_name=user.display_name,
        locale=notification.locale,
        mobile=user.phone,
        email=user.email,
        wechat_openid=openids.get(user.id),
    )
    reason = client.unreachable_reason(recipient)
    if reason is not None:
        raise ChannelError(reason, "recipient unreachable on this channel", retryable=False)
    return await client.send(
        Outgoing(
            delivery_id=str(row.id),
            rendered=rendered,
            recipient=recipient,
            urgency=Urgency(alert.urgency),
        )
    )


async def _record(
    outcomes: Sequence[tuple[Delivery, Outcome]],
    now: datetime,
    retry: RetryPolicy,
    report: BatchReport,
) -> None:
    """Write every outcome of a batch in one transaction, each row only while its claim holds."""
    delivered: dict[tuple[UUID | None, str | None], list[UUID]] = defaultdict(list)
    failed: list[tuple[Delivery, ChannelError]] = []
    for row, outcome in outcomes:
        if isinstance(outcome, ChannelError):
            failed.append((row, outcome))
        else:
            delivered[(row.claim, outcome)].append(row.id)
    async with in_transaction():
        for (claim, external_id), ids in delivered.items():
            report.delivered += await Delivery.filter(id__in=ids, claim=claim).update(
                status=DeliveryStatus.DELIVERED,
                delivered_at=now,
                external_id=external_id,
                last_error=None,
                claim=None,
            )
        dead: list[AlertEvent] = []
        for row, error in failed:
            status = await _failed(row, error, now, retry)
            if status is DeliveryStatus.RETRYING:
                report.retrying += 1
            elif status is DeliveryStatus.DEAD:
                dead.append(_dead_event(row, now))
        await AlertEvent.bulk_create(dead)
        report.dead += len(dead)


async def _failed(
    row: Delivery, error: ChannelError, now: datetime, retry: RetryPolicy
) -> DeliveryStatus | None:
    """Schedule the next try (RETRYING) or give the delivery up (DEAD); None: claim lost."""
    message = str(error)[:300]
    guard = Delivery.filter(id=row.id, claim=row.claim)
    if error.retryable and not retry.exhausted(row.attempts):
        delay = retry.delay_after(row.attempts, key=str(row.id))
        if error.retry_after is not None and error.retry_after > delay:
            delay = error.retry_after
        due = now + delay
        if not await guard.update(
            status=DeliveryStatus.RETRYING, last_error=message, not_before=due, claim=None
        ):
            return None
        await schedule_delivery(
            row.organisation_id,  # type: ignore[attr-defined]
            row.channel,
            due_at=due,
            key=try_key(row.id, series=row.series, attempt=row.attempts + 1),
        )
        return DeliveryStatus.RETRYING
    if not await guard.update(status=DeliveryStatus.DEAD, last_error=message, claim=None):
        return None
    logger.warning(
        "delivery %s over %s given up after %d tries: %s",
        row.id,
        row.channel.value,
        row.attempts,
        error.code,
    )
    return DeliveryStatus.DEAD


def _dead_event(row: Delivery, now: datetime) -> AlertEvent:
    notification: Notification = row.notification
    return AlertEvent(
        organisation_id=row.organisation_id,  # type: ignore[attr-defined]
        alert_id=notification.alert_id,  # type: ignore[attr-defined]
        kind=AlertEventKind.DELIVERY_DEAD,
        at=now,
        level=notification.level,
        detail={"delivery_id": str(row.id), "channel": row.channel.value},
    )


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
        delivery.claim = None
        await delivery.save(update_fields=["series", "attempts", "status", "not_before", "claim"])
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
        await schedule_delivery(
            organisation_id,
            delivery.channel,
            due_at=now,
            key=try_key(delivery.id, series=delivery.series, attempt=1),
        )
    return delivery
