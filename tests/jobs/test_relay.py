"""The relay moves due outbox messages into arq; the sweep re-fires what Redis lost."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

import pytest
from arq.constants import default_queue_name
from arq.jobs import Job, JobStatus
from arq.utils import timestamp_ms

from api.jobs import outbox
from api.jobs.models import OutboxMessage, OutboxStatus
from api.jobs.registry import outbox_job
from api.jobs.relay import relay_due, sweep
from api.org.models import Organisation

pytestmark = pytest.mark.usefixtures("db")

GRACE = timedelta(seconds=60)


async def queued_ids(redis) -> list[str]:
    return sorted(m.decode() for m in await redis.zrange(default_queue_name, 0, -1))


async def test_relay_enqueues_due_messages_under_their_job_id(arq_redis, clock):
    message = await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key="k1")

    assert await relay_due(redis=arq_redis, now=clock.now()) == 1

    assert await queued_ids(arq_redis) == ["demo.job:k1"]
    info = await Job("demo.job:k1", arq_redis).info()
    assert info is not None
    assert (info.function, info.args) == ("demo.job", (str(message.id),))
    stored = await OutboxMessage.get(id=message.id)
    assert (stored.status, stored.attempts, stored.enqueued_at) == (
        OutboxStatus.ENQUEUED,
        1,
        clock.now(),
    )


async def test_relaying_twice_enqueues_once(arq_redis, clock):
    await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key="k1")

    assert await relay_due(redis=arq_redis, now=clock.now()) == 1
    assert await relay_due(redis=arq_redis, now=clock.now()) == 0

    assert await queued_ids(arq_redis) == ["demo.job:k1"]
    assert (await OutboxMessage.get(job_id="demo.job:k1")).attempts == 1


async def test_a_message_relayed_again_after_a_crash_is_not_duplicated_in_redis(arq_redis, clock):
    message = await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key="k1")
    await relay_due(redis=arq_redis, now=clock.now())
    # The relay crashed after enqueueing and before its UPDATE committed.
    await OutboxMessage.filter(id=message.id).update(status=OutboxStatus.PENDING, attempts=0)

    assert await relay_due(redis=arq_redis, now=clock.now()) == 1

    assert await queued_ids(arq_redis) == ["demo.job:k1"]
    assert await arq_redis.zcard(default_queue_name) == 1


async def test_messages_due_within_the_horizon_are_deferred_until_due(arq_redis, clock):
    await outbox.add(
        job_name="demo.job", args={}, due_at=clock.now() + timedelta(minutes=2), key="soon"
    )
    before = timestamp_ms()

    assert await relay_due(redis=arq_redis, now=clock.now()) == 1

    assert await Job("demo.job:soon", arq_redis).status() is JobStatus.deferred
    score = await arq_redis.zscore(default_queue_name, "demo.job:soon")
    assert before + 120_000 <= score <= timestamp_ms() + 120_000


async def test_messages_due_beyond_the_horizon_stay_pending(arq_redis, clock):
    await outbox.add(
        job_name="demo.job", args={}, due_at=clock.now() + timedelta(minutes=6), key="later"
    )

    assert await relay_due(redis=arq_redis, now=clock.now()) == 0

    assert await queued_ids(arq_redis) == []
    assert (await OutboxMessage.get(job_id="demo.job:later")).status == OutboxStatus.PENDING


async def test_relay_takes_the_earliest_messages_first_up_to_its_limit(arq_redis, clock):
    for minutes in (3, 1, 2):
        await outbox.add(
            job_name="demo.job",
            args={},
            due_at=clock.now() - timedelta(minutes=minutes),
            key=f"m{minutes}",
        )

    assert await relay_due(redis=arq_redis, now=clock.now(), limit=2) == 2

    assert await queued_ids(arq_redis) == ["demo.job:m2", "demo.job:m3"]


async def test_sweep_re_enqueues_what_redis_lost_once_the_grace_has_passed(arq_redis, clock):
    message = await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key="k1")
    await relay_due(redis=arq_redis, now=clock.now())
    await arq_redis.flushall()

    assert await sweep(redis=arq_redis, now=clock.now() + GRACE / 2, grace=GRACE) == 0
    assert await sweep(redis=arq_redis, now=clock.now() + GRACE, grace=GRACE) == 1

    assert await queued_ids(arq_redis) == ["demo.job:k1"]
    stored = await OutboxMessage.get(id=message.id)
    assert (stored.status, stored.attempts, stored.enqueued_at) == (
        OutboxStatus.ENQUEUED,
        2,
        clock.now() + GRACE,
    )


async def test_sweep_leaves_jobs_that_redis_still_holds(arq_redis, clock):
    await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key="k1")
    await relay_due(redis=arq_redis, now=clock.now())

    assert await sweep(redis=arq_redis, now=clock.now() + timedelta(hours=1), grace=GRACE) == 0

    assert (await OutboxMessage.get(job_id="demo.job:k1")).attempts == 1


async def test_sweep_enqueues_overdue_messages_the_relay_never_took(arq_redis, clock):
    await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key="k1")

    assert await sweep(redis=arq_redis, now=clock.now() + GRACE, grace=GRACE) == 1

    stored = await OutboxMessage.get(job_id="demo.job:k1")
    assert (stored.status, stored.attempts) == (OutboxStatus.ENQUEUED, 1)


async def test_sweep_ignores_finished_messages(arq_redis, clock):
    for status in (OutboxStatus.DONE, OutboxStatus.FAILED):
        message = await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key=status)
        await OutboxMessage.filter(id=message.id).update(status=status)

    assert await sweep(redis=arq_redis, now=clock.now() + GRACE, grace=GRACE) == 0
    assert await queued_ids(arq_redis) == []


async def test_sweep_examines_at_most_its_limit_earliest_first(arq_redis, clock):
    for n in range(3):
        await outbox.add(
            job_name="demo.job", args={}, due_at=clock.now() + timedelta(seconds=n), key=f"k{n}"
        )
    later = clock.now() + timedelta(hours=1)

    assert await sweep(redis=arq_redis, now=later, grace=GRACE, limit=2) == 2
    assert await queued_ids(arq_redis) == ["demo.job:k0", "demo.job:k1"]

    await OutboxMessage.filter(job_id__in=["demo.job:k0", "demo.job:k1"]).update(
        status=OutboxStatus.DONE
    )
    assert await sweep(redis=arq_redis, now=later, grace=GRACE, limit=2) == 1


async def test_the_sweep_dead_letters_a_message_that_never_finishes(arq_redis, clock):
    from api.jobs.relay import MAX_ATTEMPTS

    org = await Organisation.create(name="永不完成", slug=f"never-{uuid.uuid4().hex[:8]}")
    message = await outbox.add(
        job_name="tests.never", args={}, due_at=clock.now(), key="k", organisation_id=org.id
    )
    await OutboxMessage.filter(id=message.id).update(
        status=OutboxStatus.ENQUEUED, attempts=MAX_ATTEMPTS
    )
    clock.advance(minutes=5)
    assert await sweep(redis=arq_redis, now=clock.now(), grace=timedelta(seconds=60)) == 0
    stored = await OutboxMessage.get(id=message.id)
    assert stored.status == OutboxStatus.FAILED
    assert stored.last_error == f"gave up after {MAX_ATTEMPTS} attempts"


# --- coalescing jobs ---------------------------------------------------------------------------


@outbox_job("demo.coalescing", coalesce=True)
async def _send_what_is_due(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """A job that does the work of every message with its arguments that is due when it runs."""


async def test_due_messages_of_a_coalescing_job_with_equal_arguments_go_to_arq_as_one(
    arq_redis, clock
):
    org = await Organisation.create(name="Coalescing Co", slug=f"co-{uuid.uuid4().hex[:8]}")
    now = clock.now()

    async def add(key: str, channel: str, due_at: datetime) -> OutboxMessage:
        return await outbox.add(
            job_name="demo.coalescing",
            args={"channel": channel},
            due_at=due_at,
            key=key,
            organisation_id=org.id,
        )

    group = [await add(key, "wecom", now) for key in ("a", "b", "c")]
    other_args = await add("d", "email", now)
    later = await add("e", "wecom", now + timedelta(minutes=1))
    first = min(group, key=lambda m: (m.due_at, str(m.id)))  # the relay's order

    assert await relay_due(redis=arq_redis, now=now) == 3

    # One per group of due messages with equal arguments; one due later is only deferred.
    assert await queued_ids(arq_redis) == sorted([first.job_id, other_args.job_id, later.job_id])
    statuses = {m.job_id: m.status for m in await OutboxMessage.filter(job_name="demo.coalescing")}
    covered = {m.job_id for m in group} - {first.job_id}
    assert {statuses[j] for j in covered} == {OutboxStatus.DONE}
    assert statuses[first.job_id] == statuses[other_args.job_id] == OutboxStatus.ENQUEUED
    assert statuses[later.job_id] == OutboxStatus.ENQUEUED


async def test_messages_of_other_jobs_are_never_coalesced(arq_redis, clock):
    for key in ("k1", "k2"):
        await outbox.add(job_name="demo.job", args={}, due_at=clock.now(), key=key)

    assert await relay_due(redis=arq_redis, now=clock.now()) == 2

    assert await queued_ids(arq_redis) == ["demo.job:k1", "demo.job:k2"]


async def test_equal_arguments_of_different_organisations_are_not_coalesced(arq_redis, clock):
    for i in range(2):
        org = await Organisation.create(name=f"Org {i}", slug=f"org-{uuid.uuid4().hex[:8]}")
        await outbox.add(
            job_name="demo.coalescing",
            args={"channel": "wecom"},
            due_at=clock.now(),
            key=f"o{i}",
            organisation_id=org.id,
        )

    assert await relay_due(redis=arq_redis, now=clock.now()) == 2

    assert await queued_ids(arq_redis) == ["demo.coalescing:o0", "demo.coalescing:o1"]
