"""The caller's own identity."""

from __future__ import annotations

import strawberry

from api.auth.types import Viewer
from api.context import Info
from api.graphql.permissions import IsAuthenticated
from api.org.models import Organisation
from api.org.types import OrganisationType, UserType


@strawberry.type
class AuthQueries:
    @strawberry.field(permission_classes=[IsAuthenticated])
    async def me(self, info: Info) -> Viewer:
        principal = info.context.require_principal()
        user = await info.context.loaders.user_by_id.load(principal.user_id)
        organisation = await Organisation.get(id=principal.organisation_id)
        assert user is not None  # the session was checked for this request
        return Viewer(
            user=UserType.from_row(user),
            organisation=OrganisationType.from_row(organisation),
            permissions=sorted(p.value for p in principal.permissions),
        )
