"""Helpers of the notification tests: run every due job, configure channels, read deliveries."""

from __future__ import annotations

from datetime import timedelta
from typing import Any
from uuid import UUID

from api.jobs.relay import relay_due, sweep
from api.notifications.models import ChannelConfig, Delivery, Notification
from api.services import Services
from api.settings import Settings
from api.worker import run_burst
from notifications.message import ChannelKind
from notifications.templates import Template
from notifications.templates import registry as templates

LEAD_ASSIGNED = "test.lead_assigned"
templates.register(
    Template(
        name=LEAD_ASSIGNED,
        title={"zh-CN": "新线索：{customer}", "en": "New lead: {customer}"},
        body={"zh-CN": "请在 {due_at} 前首次跟进。", "en": "First touch due by {due_at}."},
        page="pages/leads/detail?id={lead_id}",
    )
)


async def run_due_jobs(services: Services, settings: Settings | None = None) -> int:
    """Relay what is due at the injected clock's now, sweep lost jobs, run everything ready."""
    done = 0
    for _ in range(10):
        now = services.clock.now()
        await relay_due(redis=services.arq, now=now, horizon=timedelta(0))
        await sweep(redis=services.arq, now=now, grace=timedelta(0))
        ran = await run_burst(
            redis=services.arq, settings=settings or services.settings, clock=services.clock
        )
        done += ran
        if not ran:
            return done
    return done


async def configure(org_id: UUID, channel: ChannelKind, **data: Any) -> ChannelConfig:
    return await ChannelConfig.create(organisation_id=org_id, channel=channel, settings=data)


async def deliveries_of(user_id: UUID) -> dict[ChannelKind, Delivery]:
    rows = await Delivery.filter(notification__recipient_id=user_id)
    return {row.channel: row for row in rows}


async def notifications_of(user_id: UUID) -> list[Notification]:
    return await Notification.filter(recipient_id=user_id).order_by("created_at")
