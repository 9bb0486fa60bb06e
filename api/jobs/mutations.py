"""Retrying dead-lettered background jobs."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.graphql.permissions import Requires
from api.jobs import outbox
from api.jobs.relay import relay_now
from api.jobs.types import BackgroundJobType, RetryJobPayload


@strawberry.type
class JobMutations:
    @strawberry.mutation(
        permission_classes=[Requires(Permission.JOBS_MANAGE)],
        description="Run a failed job again; null when no failed job has this id.",
    )
    async def retry_job(self, info: Info, job_id: str) -> RetryJobPayload:
        ctx = info.context
        principal = ctx.require_principal()
        message = await outbox.retry_failed(
            organisation_id=principal.organisation_id,
            job_id=job_id[:128],
            now=ctx.clock.now(),
            redis=ctx.services.arq,
        )
        if message is None:
            return RetryJobPayload(job=None)
        await relay_now(redis=ctx.services.arq, now=ctx.clock.now())
        await message.refresh_from_db()
        return RetryJobPayload(job=BackgroundJobType.from_row(message))
