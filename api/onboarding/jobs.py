"""Onboarding jobs: thin wrappers over the unlock engine."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.clock import Clock
from api.jobs.models import OutboxMessage
from api.jobs.registry import outbox_job
from api.jobs.relay import relay_now
from api.onboarding import engine
from api.onboarding.engine import EVALUATE_JOB


@outbox_job(EVALUATE_JOB)
async def evaluate_hire(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """An event that may unlock a level (a passed test, a verified visit, a lead touched in
    time, an enrolment, a released hold): evaluate that hire now."""
    clock: Clock = ctx["clock"]
    unlocked = await engine.evaluate_user(UUID(str(message.args["user_id"])), now=clock.now())
    if unlocked:
        await relay_now(redis=ctx["redis"], now=clock.now())  # the unlock alerts


async def sweep_unlocks(ctx: dict[str, Any]) -> int:
    """Cron: evaluate every active hire (time-based levels; anything an event missed)."""
    clock: Clock = ctx["clock"]
    unlocked = await engine.sweep(now=clock.now())
    if unlocked:
        await relay_now(redis=ctx["redis"], now=clock.now())
    return len(unlocked)
