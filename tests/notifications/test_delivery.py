"""Deliveries through the worker: each channel, retries, dead letters, quiet hours, crashes."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from api.jobs.models import OutboxMessage
from api.notifications.models import (
    AlertEvent,
    AlertEventKind,
    Delivery,
    DeliveryStatus,
    NotificationPolicy,
    NotificationPreference,
)
from api.notifications.service import notify
from api.worker import run_burst
from notifications.message import ChannelKind, Urgency
from tests.factories import make_world
from tests.notifications.conftest import DINGTALK_SECRET, DINGTALK_TOKEN, WECOM_KEY
from tests.notifications.support import LEAD_ASSIGNED, configure, deliveries_of, run_due_jobs

EVERYTHING = {"normal": ["in_app", "wecom", "dingtalk"], "urgent": ["in_app", "wecom", "dingtalk"]}


async def _world_with_robots(*, quiet: tuple[str, str] | None = None):
    world = await make_world()
    world.rep_a.phone = "13800138000"
    await world.rep_a.save()
    await configure(world.org.id, ChannelKind.WECOM, webhook_key=WECOM_KEY, mention=True)
    await configure(
        world.org.id, ChannelKind.DINGTALK, access_token=DINGTALK_TOKEN, secret=DINGTALK_SECRET
    )
    await NotificationPolicy.create(
        organisation_id=world.org.id,
        channels=EVERYTHING,
        quiet_start=quiet[0] if quiet else None,
        quiet_end=quiet[1] if quiet else None,
    )
    return world


async def _notify(world, services, urgency=Urgency.NORMAL, recipient=None):
    now = services.clock.now()
    return await notify(
        organisation_id=world.org.id,
        recipients=[(recipient or world.rep_a).id],
        template=LEAD_ASSIGNED,
        data={"customer": "协和医院", "due_at": now, "lead_id": "L1"},
        now=now,
        urgency=urgency,
    )


async def test_each_channel_delivers_once_with_its_protocol(
    services, receiver_settings, wecom, dingtalk
):
    world = await _world_with_robots()
    await _notify(world, services)
    await run_due_jobs(services, receiver_settings)

    rows = await deliveries_of(world.rep_a.id)
    assert {k: r.status for k, r in rows.items()} == {
        ChannelKind.IN_APP: DeliveryStatus.DELIVERED,
        ChannelKind.WECOM: DeliveryStatus.DELIVERED,
        ChannelKind.DINGTALK: DeliveryStatus.DELIVERED,
    }
    assert len(wecom.messages) == 1
    # A text message so that the rep is @-mentioned by mobile (WeCom markdown cannot).
    assert wecom.messages[0]["text"]["mentioned_mobile_list"] == ["13800138000"]
    assert "协和医院" in wecom.messages[0]["text"]["content"]
    assert wecom.requests[0].headers["x-liuhen-delivery"] == str(rows[ChannelKind.WECOM].id)
    # DingTalk accepted the HMAC-SHA256 timestamp signature.
    assert len(dingtalk.messages) == 1
    assert dingtalk.messages[0]["at"]["atMobiles"] == ["13800138000"]

    # Running everything again sends nothing more.
    await run_due_jobs(services, receiver_settings)
    assert len(wecom.messages) == 1 and len(dingtalk.messages) == 1


async def test_a_transient_failure_is_retried_with_backoff(services, receiver_settings, wecom):
    world = await _world_with_robots()
    wecom.fail_next(2, errcode=-1)  # "system busy"
    await _notify(world, services)
    await run_due_jobs(services, receiver_settings)

    row = (await deliveries_of(world.rep_a.id))[ChannelKind.WECOM]
    assert row.status is DeliveryStatus.RETRYING
    assert row.attempts == 1
    assert (row.last_error or "").startswith("WECOM_-1")
    first_delay = row.not_before - services.clock.now()

    services.clock.advance(first_delay)
    await run_due_jobs(services, receiver_settings)
    await row.refresh_from_db()
    assert row.status is DeliveryStatus.RETRYING and row.attempts == 2
    assert row.not_before - services.clock.now() > first_delay  # exponential back-off

    services.clock.advance(row.not_before - services.clock.now())
    await run_due_jobs(services, receiver_settings)
    await row.refresh_from_db()
    assert row.status is DeliveryStatus.DELIVERED and row.attempts == 3
    assert len(wecom.messages) == 1
    # The other channels did not wait for WeCom.
    others = await deliveries_of(world.rep_a.id)
    assert others[ChannelKind.DINGTALK].attempts == 1


async def test_a_permanent_refusal_is_a_dead_letter_that_an_admin_can_retry(
    services, receiver_settings, wecom, api
):
    world = await _world_with_robots()
    wecom.fail_next(1, errcode=93000)  # invalid webhook url
    result = await _notify(world, services)
    await run_due_jobs(services, receiver_settings)
    row = (await deliveries_of(world.rep_a.id))[ChannelKind.WECOM]
    assert row.status is DeliveryStatus.DEAD and row.attempts == 1
    assert await AlertEvent.filter(
        alert_id=result.alert.id, kind=AlertEventKind.DELIVERY_DEAD
    ).exists()

    admin = await api.login(world.admin.username)
    body = await api.graphql(FAILED, token=admin)
    [dead] = body["data"]["failedDeliveries"]["nodes"]
    assert dead["delivery"]["id"] == str(row.id)
    assert dead["delivery"]["lastError"].startswith("WECOM_93000")
    assert dead["recipient"]["username"] == world.rep_a.username

    rep = await api.login(world.rep_a.username)
    refused = await api.graphql(RETRY, {"id": str(row.id)}, token=rep)
    assert refused["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    body = await api.graphql(RETRY, {"id": str(row.id)}, token=admin)
    assert body["data"]["retryDelivery"]["errors"] == []
    assert body["data"]["retryDelivery"]["delivery"]["status"] == "PENDING"
    await run_due_jobs(services, receiver_settings)
    await row.refresh_from_db()
    assert row.status is DeliveryStatus.DELIVERED and row.series == 1
    assert len(wecom.messages) == 1
    again = await api.graphql(RETRY, {"id": str(row.id)}, token=admin)
    assert again["data"]["retryDelivery"]["errors"][0]["code"] == "DELIVERY_NOT_DEAD"


async def test_every_try_failing_ends_in_the_dead_letter_state(services, receiver_settings, wecom):
    world = await _world_with_robots()
    wecom.fail_next(100, http_status=503)
    await _notify(world, services)
    for _ in range(10):
        await run_due_jobs(services, receiver_settings)
        row = (await deliveries_of(world.rep_a.id))[ChannelKind.WECOM]
        if row.status is DeliveryStatus.DEAD:
            break
        services.clock.advance(row.not_before - services.clock.now())
    assert row.status is DeliveryStatus.DEAD
    assert row.attempts == 6  # notifications.retry.DEFAULT_RETRY.max_attempts
    assert (row.last_error or "").startswith("HTTP_503")


async def test_quiet_hours_hold_normal_messages_but_not_urgent_ones(
    services, receiver_settings, wecom
):
    world = await _world_with_robots(quiet=("22:00", "08:00"))
    services.clock.set(datetime(2026, 11, 24, 15, 30, tzinfo=UTC))  # 23:30 in Shanghai
    await _notify(world, services, Urgency.NORMAL)
    await _notify(world, services, Urgency.URGENT, recipient=world.rep_a)
    await run_due_jobs(services, receiver_settings)

    deliveries = await Delivery.filter(channel=ChannelKind.WECOM).prefetch_related(
        "notification__alert"
    )
    by_urgency = {d.notification.alert.urgency: d for d in deliveries}
    assert by_urgency[Urgency.URGENT].status is DeliveryStatus.DELIVERED
    held = by_urgency[Urgency.NORMAL]
    assert held.status is DeliveryStatus.PENDING
    assert held.not_before == datetime(2026, 11, 25, 0, 0, tzinfo=UTC)  # 08:00 in Shanghai
    # In-app is silent: it lands in the inbox at once.
    in_app = await Delivery.filter(
        channel=ChannelKind.IN_APP, status=DeliveryStatus.DELIVERED
    ).count()
    assert in_app == 2

    services.clock.set(datetime(2026, 11, 25, 0, 0, tzinfo=UTC))
    await run_due_jobs(services, receiver_settings)
    await held.refresh_from_db()
    assert held.status is DeliveryStatus.DELIVERED
    assert len(wecom.messages) == 2


async def test_a_persons_own_quiet_hours_and_channels_win(
    services, receiver_settings, wecom, dingtalk
):
    world = await _world_with_robots(quiet=("22:00", "08:00"))
    await NotificationPreference.create(
        user_id=world.rep_a.id,
        organisation_id=world.org.id,
        channels={"normal": ["dingtalk"]},
        quiet_hours_set=True,  # no quiet hours at all
    )
    services.clock.set(datetime(2026, 11, 24, 15, 30, tzinfo=UTC))
    await _notify(world, services)
    await run_due_jobs(services, receiver_settings)
    rows = await deliveries_of(world.rep_a.id)
    assert set(rows) == {ChannelKind.IN_APP, ChannelKind.DINGTALK}
    assert rows[ChannelKind.DINGTALK].status is DeliveryStatus.DELIVERED
    assert wecom.messages == []


async def test_a_channel_that_cannot_reach_the_person_is_recorded_as_skipped(services):
    world = await make_world()
    await configure(world.org.id, ChannelKind.WECHAT, templates={})
    await _notify(world, services)  # NORMAL: in-app + WeChat by default
    rows = await deliveries_of(world.rep_a.id)
    assert rows[ChannelKind.WECHAT].status is DeliveryStatus.SKIPPED
    assert rows[ChannelKind.WECHAT].last_error == "NO_WECHAT_BINDING"
    assert await OutboxMessage.filter(job_name="notifications.deliver").count() == 1  # in-app


async def test_a_slow_channel_does_not_hold_up_the_others(services, receiver_settings, wecom):
    world = await _world_with_robots()
    wecom.delay = 0.8  # well under the 3 s timeout: slow, not failing
    await _notify(world, services)
    now = services.clock.now()
    from api.jobs.relay import relay_due

    await relay_due(redis=services.arq, now=now)
    worker = asyncio.create_task(
        run_burst(redis=services.arq, settings=receiver_settings, clock=services.clock)
    )
    try:
        async with asyncio.timeout(5):
            while True:
                rows = await deliveries_of(world.rep_a.id)
                fast = (rows[ChannelKind.IN_APP].status, rows[ChannelKind.DINGTALK].status)
                if fast == (DeliveryStatus.DELIVERED, DeliveryStatus.DELIVERED):
                    break
                await asyncio.sleep(0.02)
        # WeCom has not answered yet (the receiver holds its reply) while the others are done.
        assert rows[ChannelKind.WECOM].status is DeliveryStatus.PENDING
    finally:
        await worker
    rows = await deliveries_of(world.rep_a.id)
    assert rows[ChannelKind.WECOM].status is DeliveryStatus.DELIVERED


FAILED = """
{ failedDeliveries { nodes {
    delivery { id channel status attempts lastError }
    template title recipient { username }
} } }
"""
RETRY = """
mutation ($id: ID!) { retryDelivery(id: $id) { delivery { id status } errors { code message } } }
"""
