"""Audit log reading for admins."""

from __future__ import annotations

import strawberry

from api.audit import service
from api.audit.types import AuditEntryType, AuditFilterInput, AuditVerificationType
from api.auth.permissions import Permission
from api.common.pagination import page_size, paginate
from api.context import Info
from api.graphql.connection import Connection
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import Requires

AUDIT = [Requires(Permission.AUDIT_VIEW)]


@strawberry.type
class AuditQueries:
    @strawberry.field(permission_classes=AUDIT, description="Newest first.")
    async def audit_log(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: AuditFilterInput | None = None,
    ) -> Connection[AuditEntryType]:
        principal = info.context.require_principal()
        f = filter or AuditFilterInput()
        query = service.entries(
            organisation_id=principal.organisation_id,
            action=f.action,
            subject_type=f.subject_type,
            subject_id=f.subject_id,
            actor_id=id_or_nothing(f.actor_id) if f.actor_id else None,
        )
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(query, first=size, after=after, order=("seq",), descending=True)
        return Connection.from_page(page, AuditEntryType.from_row)

    @strawberry.field(permission_classes=AUDIT, description="Latest chain verifications.")
    async def audit_verifications(self, info: Info, first: int = 10) -> list[AuditVerificationType]:
        principal = info.context.require_principal()
        size = page_size(first, default=10, maximum=info.context.settings.max_page_size)
        rows = await service.latest_verifications(
            organisation_id=principal.organisation_id, limit=size
        )
        return [AuditVerificationType.from_row(r) for r in rows]
