"""Move outbox messages into arq (the relay) and re-fire what Redis lost (the sweep).

The database is the source of truth for every deadline. The relay pushes messages that are due
soon into arq under their deterministic job id, so pushing one twice is harmless: arq ignores an
id it already holds. The sweep walks the ``(status, due_at)`` index for messages that should have
run by now and re-enqueues each one arq no longer knows (Redis flushed, restarted without
persistence, job key expired).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import datetime, timedelta
from uuid import UUID

from arq.connections import ArqRedis
from arq.jobs import Job, JobStatus
from redis.exceptions import RedisError
from tortoise.expressions import F

from api.jobs import registry
from api.jobs.models import OutboxMessage, OutboxStatus

logger = logging.getLogger(__name__)

_OPEN = (OutboxStatus.PENDING, OutboxStatus.ENQUEUED)
# Times a message may be handed to arq (relay + sweep re-fires) before it is dead-lettered.
MAX_ATTEMPTS = 10


async def _enqueue(redis: ArqRedis, message: OutboxMessage, *, now: datetime) -> bool:
    """Put ``message`` into arq; False when arq already holds (or just ran) a job with its id.

    The delay is taken relative to ``now`` (the injected clock) rather than passed as an absolute
    ``_defer_until``: arq schedules against the wall clock, so a relative delay keeps "due in two
    minutes" meaning two minutes whatever clock the caller runs on.
    """
    delay = message.due_at - now
    job = await redis.enqueue_job(
        message.job_name,
        str(message.id),
        _job_id=message.job_id,
        _defer_by=delay if delay > timedelta(0) else None,
    )
    return job is not None


async def relay_due(
    *,
    redis: ArqRedis,
    now: datetime,
    horizon: timedelta = timedelta(minutes=5),
    limit: int = 500,
) -> int:
    """Enqueue pending messages due by ``now + horizon``; return how many were marked enqueued.

    Messages of a coalescing job (``outbox_job(..., coalesce=True)``) that are due now and carry
    the same organisation and arguments are one piece of work: the first of them (by due time,
    then id) is taken (PENDING -> ENQUEUED, conditionally) and handed to arq, and only then are
    the others marked done. A relay that cannot take the first leaves the group alone, so a
    group is never left without a message that runs, and a message it marks done was never
    handed to arq by a relay (the sweep re-fires only messages overdue by its grace).
    """
    messages = (
        await OutboxMessage.filter(status=OutboxStatus.PENDING, due_at__lte=now + horizon)
        .order_by("due_at", "id")
        .limit(limit)
    )
    if not messages:
        return 0
    first_of: dict[tuple[str, UUID | None, str], OutboxMessage] = {}
    handed: list[OutboxMessage] = []
    covered: list[tuple[UUID, UUID]] = []  # (message, the first of its group)
    for message in messages:
        if message.due_at <= now and registry.coalesces(message.job_name):
            group = (
                message.job_name,
                message.organisation_id,  # type: ignore[attr-defined]
                json.dumps(message.args, sort_keys=True),
            )
            if group in first_of:
                covered.append((message.id, first_of[group].id))
                continue
            first_of[group] = message
        handed.append(message)
    firsts = {m.id for m in first_of.values()}
    plain = [m for m in handed if m.id not in firsts]
    for message in plain:
        await _enqueue(redis, message, now=now)
    # Conditional on PENDING: a concurrent relay, or a job that already finished, wins.
    enqueued = await OutboxMessage.filter(
        id__in=[m.id for m in plain], status=OutboxStatus.PENDING
    ).update(status=OutboxStatus.ENQUEUED, enqueued_at=now, attempts=F("attempts") + 1)
    covered_by: dict[UUID, list[UUID]] = {f.id: [] for f in first_of.values()}
    for member_id, first_id in covered:
        covered_by[first_id].append(member_id)
    for group_first in first_of.values():
        # Ours only if still pending: then no job of it has run, and none starts before the
        # enqueue below, after which the messages it covers are done.
        taken = await OutboxMessage.filter(id=group_first.id, status=OutboxStatus.PENDING).update(
            status=OutboxStatus.ENQUEUED, enqueued_at=now, attempts=F("attempts") + 1
        )
        if not taken:
            continue  # another relay has this group; what is left stays pending for it
        enqueued += 1
        await _enqueue(redis, group_first, now=now)
        members = covered_by[group_first.id]
        if members:
            await OutboxMessage.filter(id__in=members, status=OutboxStatus.PENDING).update(
                status=OutboxStatus.DONE, done_at=now
            )
    return enqueued


async def sweep(
    *,
    redis: ArqRedis,
    now: datetime,
    grace: timedelta,
    limit: int = 1000,
) -> int:
    """Re-enqueue open messages overdue by ``grace`` that arq no longer knows; return how many."""
    overdue = (
        await OutboxMessage.filter(status__in=_OPEN, due_at__lte=now - grace)
        .order_by("due_at")
        .limit(limit)
    )
    refired, given_up = [], []
    for message in overdue:
        if await Job(message.job_id, redis).status() is not JobStatus.not_found:
            continue  # queued, deferred, running, or its result (success or failure) is still kept
        if message.attempts >= MAX_ATTEMPTS:
            given_up.append(message.id)  # e.g. killed by its timeout every time: dead letter
        elif await _enqueue(redis, message, now=now):
            refired.append(message.id)
    if given_up:
        await OutboxMessage.filter(id__in=given_up, status__in=_OPEN).update(
            status=OutboxStatus.FAILED, last_error=f"gave up after {MAX_ATTEMPTS} attempts"
        )
        logger.error("outbox sweep dead-lettered %d job(s) that never finished", len(given_up))
    if refired:
        await OutboxMessage.filter(id__in=refired, status__in=_OPEN).update(
            status=OutboxStatus.ENQUEUED, enqueued_at=now, attempts=F("attempts") + 1
        )
        logger.warning("outbox sweep re-enqueued %d job(s) that Redis had lost", len(refired))
    return len(refired)


async def relay_now(*, redis: ArqRedis, now: datetime) -> None:
    """Hand just-committed messages that are due now to arq; the cron relay does the rest.

    Only what is due now: a message due later is left to the periodic relay, which defers it
    in arq shortly before its time (a deferral is wall-clock time in Redis, so the sooner it is
    handed over, the less a clock the caller injected can disagree with it).
    """
    try:
        await relay_due(redis=redis, now=now, horizon=timedelta(0))
    except (OSError, RedisError) as exc:
        logger.warning(
            "immediate relay failed (%s); the periodic relay will retry", type(exc).__name__
        )


async def hand_over(*, redis: ArqRedis, messages: Sequence[OutboxMessage], now: datetime) -> None:
    """Enqueue messages the caller has just committed, without reading the outbox again.

    The caller knows the rows it wrote, so this costs no SQL: each due message goes to arq
    under its deterministic job id and stays PENDING. The periodic relay may hand the same
    message over again; arq ignores a job id it already holds, and a finished message is DONE.
    """
    for message in messages:
        if message.due_at > now:
            continue
        try:
            await _enqueue(redis, message, now=now)
        except (OSError, RedisError) as exc:
            logger.warning(
                "immediate hand-over failed (%s); the periodic relay will retry",
                type(exc).__name__,
            )
            return
