"""Delivery jobs send what is due over their channel in batches: each delivery once, none lost."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from dataclasses import replace

from api.jobs.models import OutboxMessage, OutboxStatus
from api.jobs.relay import relay_due
from api.notifications.channels import ChannelHub
from api.notifications.delivery import deliver_due
from api.notifications.models import Delivery, DeliveryStatus, NotificationPolicy
from api.notifications.service import DELIVER_JOB, notify, try_key
from notifications.message import ChannelKind
from tests.factories import make_world
from tests.notifications.conftest import WECOM_KEY
from tests.notifications.support import LEAD_ASSIGNED, configure, run_due_jobs

ALERTS = 7


async def _robot_world(services, alerts: int = ALERTS):
    world = await make_world()
    await configure(world.org.id, ChannelKind.WECOM, webhook_key=WECOM_KEY, mention=False)
    await NotificationPolicy.create(
        organisation_id=world.org.id, channels={"normal": ["in_app", "wecom"]}
    )
    now = services.clock.now()
    for i in range(alerts):
        await notify(
            organisation_id=world.org.id,
            recipients=[world.rep_a.id],
            template=LEAD_ASSIGNED,
            data={"customer": f"客户{i}", "due_at": now, "lead_id": f"L{i}"},
            now=now,
        )
    return world


async def _jobs_of_notify_have_run() -> None:
    """Mark done the jobs notify() scheduled, so that only jobs a test makes can send."""
    await OutboxMessage.filter(job_name=DELIVER_JOB).update(status=OutboxStatus.DONE)


async def _wecom_rows() -> list[Delivery]:
    return await Delivery.filter(channel=ChannelKind.WECOM)


async def test_jobs_running_side_by_side_send_each_delivery_once(
    services, receiver_settings, wecom
):
    world = await _robot_world(services)
    wecom.delay = 0.05  # both jobs are mid-batch at the same time
    hub = ChannelHub(settings=receiver_settings, redis=services.arq)
    try:
        reports = await asyncio.gather(
            *(
                deliver_due(
                    organisation_id=world.org.id,
                    channel=ChannelKind.WECOM,
                    claimant=uuid.uuid4(),
                    clock=services.clock,
                    hub=hub,
                    redis=services.arq,
                    batch_size=3,
                )
                for _ in range(2)
            )
        )
    finally:
        await hub.aclose()

    assert sum(r.delivered for r in reports) == ALERTS
    received = Counter(r.headers["x-liuhen-delivery"] for r in wecom.requests)
    assert set(received.values()) == {1}
    rows = await _wecom_rows()
    assert set(received) == {str(row.id) for row in rows}
    assert {(row.status, row.attempts, row.claim) for row in rows} == {
        (DeliveryStatus.DELIVERED, 1, None)
    }


async def test_the_relay_hands_a_burst_to_arq_as_one_job_per_channel(
    services, receiver_settings, wecom
):
    await _robot_world(services)
    assert await OutboxMessage.filter(job_name=DELIVER_JOB).count() == 2 * ALERTS

    assert await relay_due(redis=services.arq, now=services.clock.now()) == 2  # in-app, WeCom

    assert await OutboxMessage.filter(job_name=DELIVER_JOB, status=OutboxStatus.DONE).count() == (
        2 * ALERTS - 2
    )
    assert await run_due_jobs(services, receiver_settings) == 2
    assert {row.status for row in await Delivery.all()} == {DeliveryStatus.DELIVERED}
    assert len(wecom.requests) == ALERTS


async def test_rows_a_dead_run_left_claimed_count_as_an_interrupted_try(
    services, receiver_settings, wecom
):
    world = await _robot_world(services, alerts=2)
    await _jobs_of_notify_have_run()
    dead_run = uuid.uuid4()
    held, free = await _wecom_rows()
    # A run of this message claimed ``held`` (its first try) and died before recording it.
    await Delivery.filter(id=held.id).update(
        claim=dead_run, attempts=1, last_attempt_at=services.clock.now()
    )
    hub = ChannelHub(settings=receiver_settings, redis=services.arq)
    try:
        report = await deliver_due(
            organisation_id=world.org.id,
            channel=ChannelKind.WECOM,
            claimant=dead_run,  # the same message, run again
            clock=services.clock,
            hub=hub,
            redis=services.arq,
            batch_size=10,
        )
    finally:
        await hub.aclose()

    assert (report.interrupted, report.retrying, report.delivered) == (1, 1, 1)
    held = await Delivery.get(id=held.id)
    assert (held.status, held.attempts, held.claim) == (DeliveryStatus.RETRYING, 1, None)
    assert held.last_error is not None and held.last_error.startswith("INTERRUPTED")
    assert held.not_before > services.clock.now()
    assert [r.headers["x-liuhen-delivery"] for r in wecom.requests] == [str(free.id)]

    retry = await OutboxMessage.get(
        job_id=f"{DELIVER_JOB}:wecom:{try_key(held.id, series=0, attempt=2)}"
    )
    assert retry.due_at == held.not_before
    services.clock.set(held.not_before)
    await run_due_jobs(services, receiver_settings)  # only that retry job is left to run
    held = await Delivery.get(id=held.id)
    assert (held.status, held.attempts) == (DeliveryStatus.DELIVERED, 2)


async def test_a_claim_held_by_a_live_job_is_left_alone(services, receiver_settings, wecom):
    world = await _robot_world(services, alerts=1)
    (row,) = await _wecom_rows()
    other_job = uuid.uuid4()
    await Delivery.filter(id=row.id).update(
        claim=other_job, attempts=1, last_attempt_at=services.clock.now()
    )
    hub = ChannelHub(settings=receiver_settings, redis=services.arq)
    try:
        report = await deliver_due(
            organisation_id=world.org.id,
            channel=ChannelKind.WECOM,
            claimant=uuid.uuid4(),
            clock=services.clock,
            hub=hub,
            redis=services.arq,
            batch_size=10,
        )
    finally:
        await hub.aclose()

    assert (report.delivered, report.interrupted) == (0, 0)
    assert (await Delivery.get(id=row.id)).claim == other_job
    assert wecom.requests == []


async def test_a_job_that_runs_out_of_time_leaves_the_rest_to_a_follow_up(
    services, receiver_settings, wecom
):
    world = await _robot_world(services, alerts=3)
    await _jobs_of_notify_have_run()
    hub = ChannelHub(settings=receiver_settings, redis=services.arq)
    try:
        report = await deliver_due(
            organisation_id=world.org.id,
            channel=ChannelKind.WECOM,
            claimant=uuid.uuid4(),
            clock=services.clock,
            hub=hub,
            redis=services.arq,
            batch_size=1,
            run_seconds=0,  # out of time after its first batch
        )
    finally:
        await hub.aclose()

    assert (report.delivered, report.continued) == (1, True)
    follow_ups = await OutboxMessage.filter(job_id__contains=":wecom:more:")
    assert len(follow_ups) == 1 and follow_ups[0].status is OutboxStatus.PENDING

    await run_due_jobs(services, replace(receiver_settings, notification_batch_size=1))
    assert {row.status for row in await _wecom_rows()} == {DeliveryStatus.DELIVERED}
    assert len(wecom.requests) == 3
