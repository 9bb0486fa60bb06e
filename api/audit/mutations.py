"""Audit mutations."""

from __future__ import annotations

import contextlib

import strawberry
from redis.exceptions import RedisError

from api.audit import service
from api.audit.types import RequestAuditVerificationPayload, ScheduledJob
from api.auth.permissions import Permission
from api.context import Info
from api.graphql.permissions import Requires
from api.jobs.relay import relay_due


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
        # Hand it to the queue at once; if Redis is down the sweep will, the row is committed.
        with contextlib.suppress(OSError, RedisError):
            await relay_due(redis=ctx.services.arq, now=ctx.clock.now())
        await message.refresh_from_db()
        return RequestAuditVerificationPayload(job=ScheduledJob.from_row(message))
