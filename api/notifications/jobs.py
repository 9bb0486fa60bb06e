"""Notification jobs: thin wrappers over the delivery, escalation and digest services."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.clock import Clock
from api.jobs.models import OutboxMessage
from api.jobs.registry import outbox_job
from api.jobs.relay import relay_now
from api.notifications import delivery, digest, escalation
from api.notifications.channels import ChannelHub
from api.notifications.service import DELIVER_JOB, ESCALATE_JOB
from api.settings import Settings
from notifications.message import ChannelKind

HUB = "notification_hub"


def hub_of(ctx: dict[str, Any]) -> ChannelHub:
    """The worker's channel hub (created on first use, closed by the worker's shutdown)."""
    hub: ChannelHub | None = ctx.get(HUB)
    if hub is None:
        hub = ChannelHub(settings=ctx["settings"], redis=ctx["redis"])
        ctx[HUB] = hub
    return hub


async def close_hub(ctx: dict[str, Any]) -> None:
    hub: ChannelHub | None = ctx.pop(HUB, None)
    if hub is not None:
        await hub.aclose()


@outbox_job(DELIVER_JOB, coalesce=True)
async def deliver(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Send what is due of one organisation over one channel."""
    clock: Clock = ctx["clock"]
    settings: Settings = ctx["settings"]
    report = await delivery.deliver_due(
        organisation_id=UUID(str(message.args["organisation_id"])),
        channel=ChannelKind(str(message.args["channel"])),
        claimant=message.id,
        clock=clock,
        hub=hub_of(ctx),
        redis=ctx["redis"],
        batch_size=settings.notification_batch_size,
    )
    if report.continued:
        await relay_now(redis=ctx["redis"], now=clock.now())


@outbox_job(ESCALATE_JOB)
async def escalate(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Escalate an unacknowledged alert one level up, if it is still due."""
    clock: Clock = ctx["clock"]
    outcome = await escalation.escalate(
        alert_id=UUID(str(message.args["alert_id"])),
        level=int(str(message.args["level"])),
        now=clock.now(),
    )
    if outcome.escalated_to:
        await relay_now(redis=ctx["redis"], now=clock.now())


@outbox_job(digest.SEND_JOB)
async def send_digests(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Send one organisation's morning digests for one local date."""
    clock: Clock = ctx["clock"]
    await digest.send_organisation_digests(
        run_id=UUID(str(message.args["run_id"])), now=clock.now()
    )
    await relay_now(redis=ctx["redis"], now=clock.now())


async def schedule_digests(ctx: dict[str, Any]) -> int:
    """Cron: schedule the morning digest of every organisation whose morning has come."""
    clock: Clock = ctx["clock"]
    scheduled = await digest.schedule_due(now=clock.now())
    if scheduled:
        await relay_now(redis=ctx["redis"], now=clock.now())
    return scheduled
