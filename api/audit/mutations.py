"""Audit mutations."""

from __future__ import annotations

import strawberry

from api.audit import service
from api.audit.types import RequestAuditVerificationPayload
from api.auth.permissions import Permission
from api.context import Info
from api.graphql.permissions import Requires
from api.jobs.relay import relay_now
from api.jobs.types import BackgroundJobType


@strawberry.type
class AuditMutations:
    @strawberry.mutation(
        permission_classes=[Requires(Permission.AUDIT_VIEW)],
        description="Verify this organisation's audit chain now (runs on the worker).",
    )
    async def request_audit_verification(self, info: Info) -> RequestAuditVerificationPayload:
        ctx = info.context
        principal = ctx.require_principal()
        message = await service.request_verification(
            organisation_id=principal.organisation_id, actor_id=principal.user_id, clock=ctx.clock
        )
        await relay_now(redis=ctx.services.arq, now=ctx.clock.now())
        await message.refresh_from_db()
        return RequestAuditVerificationPayload(job=BackgroundJobType.from_row(message))
