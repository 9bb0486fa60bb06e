"""Visit jobs: thin wrappers over the visit service."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.clock import Clock
from api.jobs.models import OutboxMessage
from api.jobs.registry import outbox_job
from api.visits import service


@outbox_job(service.CLOSE_ABANDONED_JOB)
async def close_abandoned(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Close a visit its rep never ended (a no-op when it was ended meanwhile)."""
    clock: Clock = ctx["clock"]
    await service.close_abandoned(visit_id=UUID(str(message.args["visit_id"])), now=clock.now())
