"""The arq worker: collects the domains' jobs and cron jobs, and runs them.

Nothing here touches Redis or the database at import time (the embedded Redis would start on
import): :func:`worker_settings` builds the ``arq.worker.Worker`` keyword arguments on demand,
:func:`run_worker` runs a worker until it is stopped, :func:`run_burst` runs what is ready now.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, timedelta
from typing import TYPE_CHECKING, Any, cast

from arq.connections import ArqRedis
from arq.constants import default_queue_name
from arq.cron import CronJob, cron
from arq.utils import timestamp_ms
from arq.worker import Function, Worker, func

from api.audit.jobs import schedule_nightly_verifications, verify_audit_chain
from api.clock import Clock, SystemClock
from api.db import close_db, init_db
from api.jobs import registry
from api.jobs.relay import relay_due, sweep
from api.leads import jobs as lead_jobs
from api.notifications import jobs as notification_jobs
from api.notifications.channels import ChannelHub
from api.onboarding import jobs as onboarding_jobs
from api.redis import create_arq, redis_settings
from api.settings import Settings
from api.visits import digest as visit_digest  # noqa: F401  (registers the digest line)
from api.visits import jobs as visit_jobs

if TYPE_CHECKING:
    from arq.typing import WorkerCoroutine

logger = logging.getLogger(__name__)

JOB_TIMEOUT_SECONDS = 300
KEEP_RESULT_SECONDS = 3600
EVERY_TEN_SECONDS = {0, 10, 20, 30, 40, 50}
EVERY_FIVE_MINUTES = set(range(0, 60, 5))
BURST_POLL_DELAY_SECONDS = 0.05


async def relay_outbox(ctx: dict[str, Any]) -> int:
    """Cron: push outbox messages due soon into arq."""
    clock: Clock = ctx["clock"]
    return await relay_due(redis=ctx["redis"], now=clock.now())


async def sweep_outbox(ctx: dict[str, Any]) -> int:
    """Cron: re-enqueue overdue outbox messages that Redis has lost."""
    clock: Clock = ctx["clock"]
    settings: Settings = ctx["settings"]
    grace = timedelta(seconds=settings.outbox_sweep_grace_seconds)
    return await sweep(redis=ctx["redis"], now=clock.now(), grace=grace)


def job_functions() -> list[Function]:
    """Every job the worker runs on demand: the outbox jobs and the domains' direct jobs."""
    direct = [verify_audit_chain]
    return [
        *registry.functions(),
        *(func(cast("WorkerCoroutine", job)) for job in direct),
        func(cast("WorkerCoroutine", lead_jobs.check_sla), name=lead_jobs.CHECK_JOB),
    ]


def cron_jobs() -> list[CronJob]:
    """The periodic jobs; each one is unique per run time across all workers."""
    return [
        cron(
            cast("WorkerCoroutine", relay_outbox),
            name="outbox.relay",
            second=EVERY_TEN_SECONDS,
            run_at_startup=True,
        ),
        cron(
            cast("WorkerCoroutine", sweep_outbox),
            name="outbox.sweep",
            second=30,
            run_at_startup=True,
        ),
        cron(
            cast("WorkerCoroutine", schedule_nightly_verifications),
            name="audit.nightly_verification",
            hour=3,
            minute=15,
            second=0,
            # A worker that was down at 03:15 catches up when it starts (keyed by date: once a day).
            run_at_startup=True,
        ),
        cron(
            cast("WorkerCoroutine", visit_jobs.close_abandoned_visits),
            name="visits.close_abandoned",
            minute=EVERY_FIVE_MINUTES,
            second=40,
            run_at_startup=True,
        ),
        cron(
            cast("WorkerCoroutine", lead_jobs.sweep_sla),
            name="leads.sla_sweep",
            second=EVERY_TEN_SECONDS,
            run_at_startup=True,
        ),
        cron(
            cast("WorkerCoroutine", onboarding_jobs.sweep_unlocks),
            name="onboarding.sweep",
            # Levels wait on whole days since hire: every five minutes is prompt enough,
            # and passed tests, visits and touched leads are evaluated by their own jobs.
            minute=EVERY_FIVE_MINUTES,
            second=20,
            run_at_startup=True,
        ),
        cron(
            cast("WorkerCoroutine", notification_jobs.schedule_digests),
            name="notifications.schedule_digests",
            minute=EVERY_FIVE_MINUTES,
            second=5,
            run_at_startup=True,
        ),
    ]


async def on_startup(ctx: dict[str, Any]) -> None:
    """Settings, clock and database for the jobs (the database only if nobody opened it yet)."""
    settings: Settings = ctx.get("settings") or Settings.from_env()
    ctx["settings"] = settings
    ctx.setdefault("clock", SystemClock())
    if not ctx.get("db_ready"):
        await init_db(settings)
        ctx["db_ready"] = True
        ctx["db_opened"] = True


async def on_shutdown(ctx: dict[str, Any]) -> None:
    """Close the channel clients, and the database if :func:`on_startup` opened it."""
    await notification_jobs.close_hub(ctx)
    if ctx.pop("db_opened", False):
        await close_db()
        ctx["db_ready"] = False


def _common(
    settings: Settings,
    clock: Clock | None,
    *,
    db_ready: bool,
    ctx: dict[str, Any] | None = None,
) -> dict[str, Any]:
    ctx = {**(ctx or {}), "settings": settings, "clock": clock or SystemClock()}
    if db_ready:
        ctx["db_ready"] = True
    return {
        "functions": job_functions(),
        "max_jobs": settings.worker_max_jobs,
        "max_tries": registry.MAX_TRIES,
        "job_timeout": JOB_TIMEOUT_SECONDS,
        "keep_result": KEEP_RESULT_SECONDS,
        "timezone": UTC,  # cron times are UTC
        "ctx": ctx,
    }


def worker_settings(
    settings: Settings, *, clock: Clock | None = None, db_ready: bool = False
) -> dict[str, Any]:
    """Keyword arguments for ``arq.worker.Worker``; ``db_ready`` when Tortoise is already up."""
    return {
        **_common(settings, clock, db_ready=db_ready),
        "cron_jobs": cron_jobs(),
        "redis_settings": redis_settings(settings),
        "on_startup": on_startup,
        "on_shutdown": on_shutdown,
    }


async def run_worker(
    settings: Settings,
    *,
    burst: bool = False,
    clock: Clock | None = None,
    db_ready: bool = False,
    handle_signals: bool = True,
) -> None:
    """Run the worker until SIGINT/SIGTERM (or cancellation).

    ``burst``: relay and sweep the outbox once, run every job that is ready, and return.
    ``handle_signals=False`` when the worker shares its process with the API (``liuhen demo``).
    """
    if burst:
        await _run_burst_once(settings, clock=clock or SystemClock(), db_ready=db_ready)
        return
    worker = Worker(
        **worker_settings(settings, clock=clock, db_ready=db_ready), handle_signals=handle_signals
    )
    try:
        await worker.async_run()
    except asyncio.CancelledError:
        task = asyncio.current_task()
        if task is not None and task.cancelling():
            raise  # we were cancelled; otherwise a signal stopped the worker
    finally:
        await worker.close()


async def _run_burst_once(settings: Settings, *, clock: Clock, db_ready: bool) -> None:
    if not db_ready:
        await init_db(settings)
    redis = await create_arq(settings)
    try:
        now = clock.now()
        await relay_due(redis=redis, now=now)
        grace = timedelta(seconds=settings.outbox_sweep_grace_seconds)
        await sweep(redis=redis, now=now, grace=grace)
        await run_burst(redis=redis, settings=settings, clock=clock)
    finally:
        await redis.aclose()
        if not db_ready:
            await close_db()


async def run_burst(*, redis: ArqRedis, settings: Settings, clock: Clock) -> int:
    """Run every job that is ready now, on ``redis``, then return how many completed.

    No cron jobs. The database must be initialised. arq's own burst mode waits until the queue is
    empty, which counts deferred jobs too (a retry back-off or a job due later would hold it for
    that long), so this runs bounded bursts of exactly the jobs ready at the time, again and again
    until none is ready. A ready job whose arq in-progress key is still set (another worker runs
    it, or one crashed running it) holds a round until that key goes.
    """
    completed = 0
    # One channel hub (HTTP pool, token cache) for every round, closed at the end.
    shared = {notification_jobs.HUB: ChannelHub(settings=settings, redis=redis)}
    try:
        while True:
            ready = await redis.zcount(default_queue_name, "-inf", timestamp_ms())
            if not ready:
                return completed
            worker = Worker(
                **_common(settings, clock, db_ready=True, ctx=shared),
                redis_pool=redis,
                burst=True,
                max_burst_jobs=ready,
                poll_delay=BURST_POLL_DELAY_SECONDS,
                handle_signals=False,
            )
            await worker.async_run()  # not close(): that would close the caller's pool
            completed += worker.jobs_complete
            if worker.jobs_failed:
                logger.warning("burst: %d job(s) failed", worker.jobs_failed)
    finally:
        await notification_jobs.close_hub(shared)
