"""Organisation administration mutations."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.graphql.permissions import Requires


@strawberry.type
class OrgMutations:
    @strawberry.mutation(permission_classes=[Requires(Permission.AUDIT_VIEW)])
    async def placeholder_org(self, info: Info) -> bool:
        return True
