"""Dead-lettered background jobs, for admins."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.graphql.permissions import Requires
from api.jobs import outbox
from api.jobs.types import BackgroundJobType


@strawberry.type
class JobQueries:
    @strawberry.field(
        permission_classes=[Requires(Permission.JOBS_MANAGE)],
        description="Jobs that failed on every try (dead letters), newest first.",
    )
    async def failed_jobs(self, info: Info) -> list[BackgroundJobType]:
        principal = info.context.require_principal()
        rows = await outbox.failed(organisation_id=principal.organisation_id)
        return [BackgroundJobType.from_row(r) for r in rows]
