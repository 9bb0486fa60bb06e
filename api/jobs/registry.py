"""Outbox jobs: a handler per job name, wrapped into an idempotent arq job function.

::

    @outbox_job("audit.verify_chain")
    async def verify_chain(ctx: dict[str, Any], message: OutboxMessage) -> None:
        ...

The arq job is ``async def job(ctx, message_id: str)``: it re-reads the message, returns at once
when the message is already DONE, runs the handler, then marks the message DONE. A handler must be
idempotent: a crash between its own commit and the DONE mark runs it again.

On failure the message keeps its status (so the sweep can re-fire it if Redis loses the job), its
``last_error`` records the exception class and a short message, and the job raises
:class:`arq.worker.Retry` with an exponential back-off. arq only retries ``Retry`` (any other
exception fails the job for good), and stops after ``MAX_TRIES`` tries; the failed result then
stays in Redis for ``keep_result`` seconds, after which the sweep re-fires the message.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import TYPE_CHECKING, Any, cast

from arq.worker import Function, Retry, func

from api.clock import Clock
from api.errors import describe_error
from api.jobs.models import OutboxMessage, OutboxStatus

if TYPE_CHECKING:
    from arq.typing import WorkerCoroutine

logger = logging.getLogger(__name__)

MAX_TRIES = 5
"""arq tries per enqueue of an outbox job (the sweep starts a new series later)."""
FIRST_RETRY_DELAY = timedelta(seconds=5)
MAX_RETRY_DELAY = timedelta(minutes=5)

Ctx = dict[str, Any]
OutboxHandler = Callable[[Ctx, OutboxMessage], Awaitable[None]]
OutboxJob = Callable[[Ctx, str], Coroutine[Any, Any, None]]

_jobs: dict[str, tuple[OutboxHandler, OutboxJob]] = {}
_coalescing: set[str] = set()


def outbox_job(name: str, *, coalesce: bool = False) -> Callable[[OutboxHandler], OutboxJob]:
    """Register ``handler`` as the outbox job ``name`` and return its arq job function.

    ``coalesce``: one run does the work of every message of this job with the same arguments
    that is due when it starts (e.g. "send what is due over this channel"). The relay then hands
    arq one message of each such group and marks the rest done.
    """

    def register(handler: OutboxHandler) -> OutboxJob:
        known = _jobs.get(name)
        if known is not None and _origin(known[0]) != _origin(handler):
            raise ValueError(f"outbox job {name!r} is already registered")

        async def job(ctx: Ctx, message_id: str) -> None:
            await run_outbox_job(ctx, message_id, handler)

        job.__name__ = job.__qualname__ = name
        job.__doc__ = handler.__doc__
        _jobs[name] = (handler, job)
        if coalesce:
            _coalescing.add(name)
        return job

    return register


def _origin(handler: OutboxHandler) -> tuple[str, str]:
    return (getattr(handler, "__module__", ""), getattr(handler, "__qualname__", repr(handler)))


def names() -> list[str]:
    """The registered outbox job names."""
    return sorted(_jobs)


def coalesces(name: str) -> bool:
    """Whether the outbox job ``name`` was registered with ``coalesce=True``."""
    return name in _coalescing


def job_for(name: str) -> OutboxJob:
    """The arq job function of the outbox job ``name``."""
    return _jobs[name][1]


def functions() -> list[Function]:
    """Every registered outbox job as an arq function named after its job name."""
    return [
        func(cast("WorkerCoroutine", job), name=name, max_tries=MAX_TRIES)
        for name, (_, job) in sorted(_jobs.items())
    ]


async def run_outbox_job(ctx: Ctx, message_id: str, handler: OutboxHandler) -> None:
    """Run ``handler`` for the message ``message_id`` unless it is already done."""
    message = await OutboxMessage.get_or_none(id=message_id)
    if message is None:
        logger.warning("outbox message %s no longer exists; nothing to run", message_id)
        return
    if message.status == OutboxStatus.DONE:
        return
    try:
        await handler(ctx, message)
    except Exception as exc:
        error = describe_error(exc)
        job_try = int(ctx.get("job_try") or 1)
        logger.debug("outbox job %s failure", message.job_id, exc_info=True)
        if job_try >= MAX_TRIES:
            # Dead letter: kept for an admin to inspect and retry, never silently dropped.
            await (
                OutboxMessage.filter(id=message.id)
                .exclude(status=OutboxStatus.DONE)
                .update(status=OutboxStatus.FAILED, last_error=error)
            )
            logger.error(
                "outbox job %s failed for good after %d tries: %s", message.job_id, job_try, error
            )
            return
        await OutboxMessage.filter(id=message.id).update(last_error=error)
        logger.warning("outbox job %s failed on try %d: %s", message.job_id, job_try, error)
        raise Retry(defer=retry_delay(job_try)) from exc
    clock: Clock = ctx["clock"]
    await (
        OutboxMessage.filter(id=message.id)
        .exclude(status=OutboxStatus.DONE)
        .update(status=OutboxStatus.DONE, done_at=clock.now())
    )


def retry_delay(job_try: int) -> timedelta:
    """Exponential back-off: 5 s, 10 s, 20 s, ... capped at 5 minutes."""
    return min(FIRST_RETRY_DELAY * (1 << min(max(job_try - 1, 0), 16)), MAX_RETRY_DELAY)
