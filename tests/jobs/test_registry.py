"""Outbox jobs re-read their message, run once, and stay retryable when they fail."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

import pytest
from arq.jobs import Job, JobStatus
from arq.worker import Retry
from tortoise.exceptions import IntegrityError

from api.errors import describe_error
from api.jobs import outbox, registry
from api.jobs.models import OutboxMessage, OutboxStatus
from api.jobs.registry import outbox_job, retry_delay
from api.jobs.relay import relay_due, sweep
from api.worker import run_burst

pytestmark = pytest.mark.usefixtures("db")

FLAKY = "tests.flaky"
GRACE = timedelta(seconds=60)
runs: list[str] = []
failures_left = {"count": 0}


@outbox_job(FLAKY)
async def flaky(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Fails while ``failures_left`` is positive, then records the run."""
    if failures_left["count"] > 0:
        failures_left["count"] -= 1
        raise RuntimeError("upstream said no")
    runs.append(str(message.id))


@pytest.fixture(autouse=True)
def _reset() -> None:
    runs.clear()
    failures_left["count"] = 0


async def add(clock, key: str = "k") -> OutboxMessage:
    return await outbox.add(job_name=FLAKY, args={}, due_at=clock.now(), key=key)


def ctx_for(clock, job_try: int = 1) -> dict[str, Any]:
    return {"clock": clock, "job_try": job_try}


async def test_a_successful_run_marks_the_message_done(clock):
    message = await add(clock)
    clock.advance(seconds=5)

    await registry.job_for(FLAKY)(ctx_for(clock), str(message.id))

    stored = await OutboxMessage.get(id=message.id)
    assert (stored.status, stored.done_at) == (OutboxStatus.DONE, clock.now())
    assert runs == [str(message.id)]


async def test_a_done_message_is_not_run_again(clock):
    message = await add(clock)
    job = registry.job_for(FLAKY)

    await job(ctx_for(clock), str(message.id))
    await job(ctx_for(clock), str(message.id))

    assert runs == [str(message.id)]


async def test_a_vanished_message_is_skipped(clock):
    await registry.job_for(FLAKY)(ctx_for(clock), str(uuid.uuid4()))
    assert runs == []


async def test_a_failing_handler_records_the_error_and_asks_arq_to_retry(clock):
    message = await add(clock)
    await OutboxMessage.filter(id=message.id).update(status=OutboxStatus.ENQUEUED)
    failures_left["count"] = 1

    with pytest.raises(Retry) as raised:
        await registry.job_for(FLAKY)(ctx_for(clock, job_try=2), str(message.id))

    assert raised.value.defer_score == 10_000
    stored = await OutboxMessage.get(id=message.id)
    assert stored.status == OutboxStatus.ENQUEUED  # still open: retryable
    assert stored.last_error == "RuntimeError: upstream said no"
    assert stored.done_at is None


async def test_a_failed_job_waits_in_arq_for_its_retry_and_survives_losing_it(
    arq_redis, clock, settings
):
    message = await add(clock)
    failures_left["count"] = 1
    await relay_due(redis=arq_redis, now=clock.now())

    assert await run_burst(redis=arq_redis, settings=settings, clock=clock) == 0

    # arq holds it for a retry after the back-off; the burst did not wait for it.
    assert await Job(message.job_id, arq_redis).status() is JobStatus.deferred
    stored = await OutboxMessage.get(id=message.id)
    assert (stored.status, stored.last_error) == (
        OutboxStatus.ENQUEUED,
        "RuntimeError: upstream said no",
    )

    await arq_redis.flushall()
    clock.advance(GRACE)
    assert await sweep(redis=arq_redis, now=clock.now(), grace=GRACE) == 1
    assert await run_burst(redis=arq_redis, settings=settings, clock=clock) == 1

    stored = await OutboxMessage.get(id=message.id)
    assert (stored.status, stored.attempts) == (OutboxStatus.DONE, 2)
    assert runs == [str(message.id)]


async def test_the_last_failed_try_dead_letters_the_message_instead_of_retrying(clock):
    message = await add(clock)
    failures_left["count"] = 1

    await registry.job_for(FLAKY)(ctx_for(clock, job_try=registry.MAX_TRIES), str(message.id))

    stored = await OutboxMessage.get(id=message.id)
    assert (stored.status, stored.last_error) == (
        OutboxStatus.FAILED,
        "RuntimeError: upstream said no",
    )
    assert runs == []


async def test_an_admin_sees_dead_letters_and_retries_them_through_the_api(
    api, arq_redis, clock, settings
):
    from tests.factories import make_world

    w = await make_world()
    message = await outbox.add(
        job_name=FLAKY, args={}, due_at=clock.now(), key="dead", organisation_id=w.org.id
    )
    failures_left["count"] = 1
    await registry.job_for(FLAKY)(ctx_for(clock, job_try=registry.MAX_TRIES), str(message.id))
    # arq keeps the result of that last run; retrying must not be blocked by it.
    await arq_redis.set(f"arq:result:{message.job_id}", b"kept")
    token = await api.login(w.admin.username)

    body = await api.graphql("{ failedJobs { jobId lastError } }", token=token)
    assert body["data"]["failedJobs"] == [
        {"jobId": message.job_id, "lastError": "RuntimeError: upstream said no"}
    ]
    retry = "mutation ($id: String!) { retryJob(jobId: $id) { job { status lastError } } }"
    body = await api.graphql(retry, {"id": message.job_id}, token=token)
    assert body["data"]["retryJob"]["job"] == {"status": "enqueued", "lastError": None}
    assert await run_burst(redis=arq_redis, settings=settings, clock=clock) == 1
    assert (await OutboxMessage.get(id=message.id)).status == OutboxStatus.DONE
    assert runs == [str(message.id)]

    rep = await api.login(w.rep_a.username)
    body = await api.graphql(retry, {"id": message.job_id}, token=rep)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


def test_retries_back_off_exponentially_up_to_five_minutes():
    assert [retry_delay(n).total_seconds() for n in (1, 2, 3, 4, 7, 100)] == [
        5,
        10,
        20,
        40,
        300,
        300,
    ]


def test_database_errors_are_recorded_by_class_only():
    error = IntegrityError("duplicate key value: Key (phone)=(13800000000) already exists")
    assert describe_error(error) == "IntegrityError"


def test_error_messages_are_cut_to_their_first_short_line():
    assert (
        describe_error(ValueError("x" * 500 + "\nsecond line"))
        == ("ValueError: " + "x" * 500)[:200]
    )
    assert describe_error(KeyError()) == "KeyError"


def test_a_job_name_cannot_be_registered_by_two_handlers():
    async def impostor(ctx: dict[str, Any], message: OutboxMessage) -> None:
        return None

    with pytest.raises(ValueError, match="already registered"):
        outbox_job(FLAKY)(impostor)


def test_registered_jobs_are_arq_functions_named_after_the_job():
    functions = {f.name: f for f in registry.functions()}
    assert FLAKY in functions
    assert "audit.verify_chain" in registry.names()
    assert functions[FLAKY].max_tries == registry.MAX_TRIES
