"""arq jobs of the audit log: thin wrappers over api.audit.service."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from api.audit import service
from api.jobs.models import OutboxMessage
from api.jobs.registry import outbox_job


async def verify_audit_chain(ctx: dict[str, Any], organisation_id: str) -> dict[str, object]:
    """Verify one organisation's chain now and store the result."""
    verification = await service.run_verification(
        organisation_id=UUID(organisation_id), clock=ctx["clock"]
    )
    return {"ok": verification.ok, "checked_entries": verification.checked_entries}


@outbox_job(service.VERIFY_CHAIN_JOB)
async def verify_chain_requested(ctx: dict[str, Any], message: OutboxMessage) -> None:
    """Run a verification scheduled through the outbox (on request or nightly)."""
    organisation_id = message.organisation_id  # type: ignore[attr-defined]
    if organisation_id is None:
        raise ValueError("audit.verify_chain needs an organisation")
    await service.run_verification(
        organisation_id=UUID(str(organisation_id)), clock=ctx["clock"], request_key=message.job_id
    )


async def schedule_nightly_verifications(ctx: dict[str, Any]) -> int:
    """Cron: schedule today's verification of every organisation's chain."""
    return await service.schedule_verifications(clock=ctx["clock"])
