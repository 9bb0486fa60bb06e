"""Visit jobs: thin wrappers over the visit service."""

from __future__ import annotations

from typing import Any

from api.clock import Clock
from api.visits import service


async def close_abandoned_visits(ctx: dict[str, Any]) -> int:
    """Cron: close the visits their reps never ended."""
    clock: Clock = ctx["clock"]
    return await service.close_abandoned(now=clock.now())
