"""Audit log reading for admins."""

from __future__ import annotations

import strawberry

from api.audit.models import AuditEntry, AuditVerification
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
        query = AuditEntry.filter(organisation_id=principal.organisation_id)
        if filter is not None:
            if filter.action:
                query = query.filter(action=filter.action)
            if filter.subject_type:
                query = query.filter(subject_type=filter.subject_type)
            if filter.subject_id:
                query = query.filter(subject_id=filter.subject_id)
            if filter.actor_id:
                query = query.filter(actor_id=id_or_nothing(filter.actor_id))
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(query, first=size, after=after, order=("seq",), descending=True)
        return Connection.from_page(page, AuditEntryType.from_row)

    @strawberry.field(permission_classes=AUDIT, description="Latest chain verifications.")
    async def audit_verifications(self, info: Info, first: int = 10) -> list[AuditVerificationType]:
        principal = info.context.require_principal()
        size = page_size(first, default=10, maximum=info.context.settings.max_page_size)
        rows = (
            await AuditVerification.filter(organisation_id=principal.organisation_id)
            .order_by("-finished_at")
            .limit(size)
        )
        return [AuditVerificationType.from_row(r) for r in rows]
