"""The worker: outbox jobs survive a Redis flush, bursts end, crons are wired from the domains."""

from __future__ import annotations

import asyncio
from datetime import UTC, timedelta

import pytest
from arq.jobs import Job, JobStatus

from api import worker
from api.audit import service as audit
from api.audit.jobs import schedule_nightly_verifications, verify_audit_chain
from api.audit.models import AuditVerification
from api.clock import SystemClock
from api.db import ping
from api.jobs import outbox, registry
from api.jobs.models import OutboxMessage, OutboxStatus
from api.jobs.relay import relay_due, sweep
from api.org.models import Organisation

pytestmark = pytest.mark.usefixtures("db")


async def make_org(slug: str = "acme") -> Organisation:
    return await Organisation.create(name=slug.title(), slug=slug)


async def test_a_job_survives_flushall(arq_redis, clock, settings):
    grace = timedelta(seconds=settings.outbox_sweep_grace_seconds)
    org = await make_org()
    for _ in range(3):
        await audit.record(organisation_id=org.id, action="customer.created", at=clock.now())
    message = await audit.request_verification(organisation_id=org.id, actor_id=None, clock=clock)
    assert await relay_due(redis=arq_redis, now=clock.now()) == 1

    await arq_redis.flushall()  # Redis loses everything it held

    assert await worker.run_burst(redis=arq_redis, settings=settings, clock=clock) == 0
    assert await sweep(redis=arq_redis, now=clock.now() + grace / 2, grace=grace) == 0
    clock.advance(grace)
    assert await sweep(redis=arq_redis, now=clock.now(), grace=grace) == 1
    assert await worker.run_burst(redis=arq_redis, settings=settings, clock=clock) == 1

    verification = await AuditVerification.get(organisation_id=org.id)
    assert (verification.ok, verification.checked_entries) == (True, 4)
    stored = await OutboxMessage.get(id=message.id)
    assert (stored.status, stored.done_at, stored.attempts) == (OutboxStatus.DONE, clock.now(), 2)

    # Running it again, however it gets there, does nothing more.
    await registry.job_for(audit.VERIFY_CHAIN_JOB)({"clock": clock}, str(message.id))
    await arq_redis.enqueue_job(audit.VERIFY_CHAIN_JOB, str(message.id), _job_id="replayed")
    assert await worker.run_burst(redis=arq_redis, settings=settings, clock=clock) == 1
    clock.advance(timedelta(hours=2))
    assert await sweep(redis=arq_redis, now=clock.now(), grace=grace) == 0
    assert await AuditVerification.filter(organisation_id=org.id).count() == 1


async def test_a_burst_does_not_wait_for_jobs_due_later(arq_redis, clock, settings):
    await outbox.add(
        job_name=audit.VERIFY_CHAIN_JOB,
        args={},
        due_at=clock.now() + timedelta(minutes=3),
        key="later",
        organisation_id=(await make_org()).id,
    )
    assert await relay_due(redis=arq_redis, now=clock.now()) == 1

    assert await worker.run_burst(redis=arq_redis, settings=settings, clock=clock) == 0

    assert await Job(f"{audit.VERIFY_CHAIN_JOB}:later", arq_redis).status() is JobStatus.deferred


async def test_a_burst_runs_every_ready_job_including_more_than_one_round(
    arq_redis, clock, settings
):
    orgs = [await make_org(f"org{n}") for n in range(12)]  # more than arq's 10 concurrent jobs
    for org in orgs:
        await audit.request_verification(organisation_id=org.id, actor_id=None, clock=clock)
    await relay_due(redis=arq_redis, now=clock.now())

    assert await worker.run_burst(redis=arq_redis, settings=settings, clock=clock) == 12

    assert await AuditVerification.filter(ok=True).count() == 12


async def test_the_nightly_cron_schedules_each_organisation_once_and_the_relay_runs_it(
    arq_redis, clock, settings
):
    await make_org("alpha")
    await make_org("beta")
    ctx = {"redis": arq_redis, "clock": clock, "settings": settings}

    assert await schedule_nightly_verifications(ctx) == 2
    assert await schedule_nightly_verifications(ctx) == 2  # a second worker, same night
    assert await worker.relay_outbox(ctx) == 2
    assert await worker.run_burst(redis=arq_redis, settings=settings, clock=clock) == 2

    assert await AuditVerification.all().count() == 2


async def test_the_sweep_cron_uses_the_configured_grace(arq_redis, clock, settings):
    await outbox.add(job_name=audit.VERIFY_CHAIN_JOB, args={}, due_at=clock.now(), key="k")
    ctx = {"redis": arq_redis, "clock": clock, "settings": settings}

    clock.advance(seconds=settings.outbox_sweep_grace_seconds - 1)
    assert await worker.sweep_outbox(ctx) == 0
    clock.advance(seconds=1)
    assert await worker.sweep_outbox(ctx) == 1


async def test_verify_audit_chain_job_reports_the_result(clock):
    org = await make_org()
    await audit.record(organisation_id=org.id, action="a", at=clock.now())

    result = await verify_audit_chain({"clock": clock}, str(org.id))

    assert result == {"ok": True, "checked_entries": 1}


def test_worker_settings_collect_the_domains_jobs_and_crons(settings, clock):
    kwargs = worker.worker_settings(settings, clock=clock)

    names = {f.name for f in kwargs["functions"]}
    assert {
        "audit.verify_chain",
        "verify_audit_chain",
        "notifications.deliver",
        "notifications.escalate",
        "notifications.send_digests",
        "leads.notify_assignment",
        "leads.import",
        "leads.sla_check",
        "onboarding.evaluate",
    } <= names
    crons = {c.name: c for c in kwargs["cron_jobs"]}
    assert set(crons) == {
        "outbox.relay",
        "outbox.sweep",
        "audit.nightly_verification",
        "notifications.schedule_digests",
        "visits.close_abandoned",
        "leads.sla_sweep",
        "onboarding.sweep",
    }
    assert kwargs["max_jobs"] == settings.worker_max_jobs
    assert crons["outbox.relay"].second == {0, 10, 20, 30, 40, 50}
    assert crons["outbox.sweep"].minute is None  # every minute
    nightly = crons["audit.nightly_verification"]
    assert (nightly.hour, nightly.minute, nightly.second) == (3, 15, 0)
    assert kwargs["timezone"] is UTC
    assert (kwargs["max_tries"], kwargs["job_timeout"], kwargs["keep_result"]) == (5, 300, 3600)
    assert kwargs["ctx"] == {"settings": settings, "clock": clock}
    assert kwargs["on_startup"] is worker.on_startup


async def test_startup_leaves_an_open_database_to_its_owner(settings):
    ctx = {"settings": settings, "db_ready": True}

    await worker.on_startup(ctx)
    await worker.on_shutdown(ctx)

    assert isinstance(ctx["clock"], SystemClock)
    await ping()  # still connected


async def test_a_burst_worker_relays_what_is_due_and_runs_it(arq_redis, clock, settings):
    org = await make_org()
    message = await audit.request_verification(organisation_id=org.id, actor_id=None, clock=clock)

    await worker.run_worker(settings, burst=True, clock=clock, db_ready=True)

    assert (await OutboxMessage.get(id=message.id)).status == OutboxStatus.DONE
    assert await AuditVerification.filter(organisation_id=org.id, ok=True).exists()


async def test_a_running_worker_relays_and_runs_outbox_jobs_until_cancelled(
    arq_redis, clock, settings
):
    org = await make_org()
    message = await audit.request_verification(organisation_id=org.id, actor_id=None, clock=clock)
    running = asyncio.create_task(
        worker.run_worker(settings, clock=clock, db_ready=True, handle_signals=False)
    )
    try:
        for _ in range(600):  # a safety net of 30 s, not a measurement
            if (await OutboxMessage.get(id=message.id)).status == OutboxStatus.DONE:
                break
            await asyncio.sleep(0.05)
    finally:
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running

    assert await AuditVerification.filter(organisation_id=org.id).exists()
    await ping()  # the worker left the shared database open
