"""Lead jobs: thin wrappers over the lead services."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.clock import Clock
from api.jobs.models import OutboxMessage
from api.jobs.registry import outbox_job
from api.jobs.relay import relay_now
from api.leads import imports, notices, sla
from api.leads.assign import NOTIFY_JOB
from api.leads.models import Lead
from api.leads.sla import CHECK_JOB
from api.settings import Settings
from api.uploads.store import LocalMediaStore


@outbox_job(NOTIFY_JOB)
async def notify_assignment(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Tell the rep about a lead assigned to them (once per assignment)."""
    clock: Clock = ctx["clock"]
    sent = await notices.notify_assignment(
        lead_id=UUID(str(message.args["lead_id"])),
        sequence=int(str(message.args["sequence"])),
        now=clock.now(),
    )
    if sent:
        await relay_now(redis=ctx["redis"], now=clock.now())
    lead = await Lead.get_or_none(id=UUID(str(message.args["lead_id"])))
    if lead is not None:  # the deadlines of the assignment just announced
        await sla.schedule(ctx["redis"], lead, now=clock.now())


__all__ = ["CHECK_JOB", "check_sla", "notify_assignment", "run_import", "sweep_sla"]


@outbox_job(imports.IMPORT_JOB)
async def run_import(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Import the rows of an uploaded table that are not imported yet."""
    clock: Clock = ctx["clock"]
    settings: Settings = ctx["settings"]
    await imports.run(
        import_id=UUID(str(message.args["import_id"])),
        clock=clock,
        media=LocalMediaStore(settings.media_dir),
    )
    await relay_now(redis=ctx["redis"], now=clock.now())


async def check_sla(ctx: dict[str, Any], lead_id: str) -> None:
    """Deferred to a lead's deadline: act on what is due (the sweep covers a lost job)."""
    clock: Clock = ctx["clock"]
    now = clock.now()
    outcome = await sla.process(lead_id=UUID(lead_id), now=now)
    await _follow_up(ctx, UUID(lead_id), acted=outcome.acted)


async def sweep_sla(ctx: dict[str, Any]) -> int:
    """Cron: process every lead whose deadline has passed (what Redis lost, or never got)."""
    clock: Clock = ctx["clock"]
    acted = 0
    for lead_id, outcome in await sla.sweep_each(now=clock.now()):
        acted += outcome.acted
        await _follow_up(ctx, lead_id, acted=outcome.acted)
    return acted


async def _follow_up(ctx: dict[str, Any], lead_id: UUID, *, acted: bool) -> None:
    clock: Clock = ctx["clock"]
    if acted:
        await relay_now(redis=ctx["redis"], now=clock.now())
    lead = await Lead.get_or_none(id=lead_id)
    if lead is not None:
        await sla.schedule(ctx["redis"], lead, now=clock.now())
