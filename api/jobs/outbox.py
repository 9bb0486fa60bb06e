"""Record a job in the same transaction as the business change that needs it."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from uuid import UUID

from arq.connections import ArqRedis
from arq.constants import result_key_prefix

from api.jobs.models import OutboxMessage, OutboxStatus

MAX_JOB_NAME_LENGTH = 64
MAX_JOB_ID_LENGTH = 128


def job_id_for(*, job_name: str, key: str) -> str:
    """The deterministic arq job id of the job ``job_name`` for the business event ``key``."""
    return f"{job_name}:{key}"


async def add(
    *,
    job_name: str,
    args: Mapping[str, object],
    due_at: datetime,
    key: str,
    organisation_id: UUID | None = None,
) -> OutboxMessage:
    """Schedule ``job_name`` at ``due_at`` once per ``key``, inside the business transaction.

    The same ``key`` always yields the same message (and arq job id), so recording one business
    event twice never schedules its job twice. The duplicate check is a plain SELECT followed by
    ``INSERT ... ON CONFLICT DO NOTHING``: no statement fails, so the caller's PostgreSQL
    transaction stays usable even when two transactions race on the same key.
    """
    if not job_name or len(job_name) > MAX_JOB_NAME_LENGTH:
        raise ValueError(f"job_name must be 1..{MAX_JOB_NAME_LENGTH} characters")
    if not key:
        raise ValueError("key must not be empty")
    if due_at.tzinfo is None:
        raise ValueError("due_at must be timezone-aware")
    job_id = job_id_for(job_name=job_name, key=key)
    if len(job_id) > MAX_JOB_ID_LENGTH:
        raise ValueError(f"job id {job_name}:<key> must be at most {MAX_JOB_ID_LENGTH} characters")
    existing = await OutboxMessage.get_or_none(job_id=job_id)
    if existing is not None:
        return existing
    await OutboxMessage.bulk_create(
        [
            OutboxMessage(
                job_name=job_name,
                job_id=job_id,
                args=dict(args),
                due_at=due_at.astimezone(UTC),
                organisation_id=organisation_id,
            )
        ],
        ignore_conflicts=True,
    )
    return await OutboxMessage.get(job_id=job_id)


async def failed(*, organisation_id: UUID, limit: int = 100) -> list[OutboxMessage]:
    """Dead-lettered jobs of an organisation, newest first."""
    return (
        await OutboxMessage.filter(organisation_id=organisation_id, status=OutboxStatus.FAILED)
        .order_by("-due_at")
        .limit(limit)
    )


async def retry_failed(
    *, organisation_id: UUID, job_id: str, now: datetime, redis: ArqRedis
) -> OutboxMessage | None:
    """Put a dead-lettered job back in line (the relay or sweep enqueues it); None if unknown."""
    message = await OutboxMessage.get_or_none(
        organisation_id=organisation_id, job_id=job_id, status=OutboxStatus.FAILED
    )
    if message is None:
        return None
    # arq refuses a job id whose result it still keeps: forget the failed run first.
    await redis.delete(result_key_prefix + job_id)
    message.status = OutboxStatus.PENDING
    message.due_at = now
    message.last_error = None
    await message.save(update_fields=["status", "due_at", "last_error"])
    return message
