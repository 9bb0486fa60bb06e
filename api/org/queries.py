"""Organisation queries (users and teams) for admins and managers."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.common.pagination import page_size, paginate
from api.context import Info
from api.graphql.connection import Connection
from api.graphql.ids import parse_id
from api.graphql.permissions import Requires
from api.org import service
from api.org.types import TeamType, UserType


@strawberry.type
class OrgQueries:
    @strawberry.field(permission_classes=[Requires(Permission.USERS_VIEW)])
    async def users(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[UserType]:
        query = await service.scoped_users(principal=info.context.require_principal())
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(query, first=size, after=after, order=("username", "id"))
        return Connection.from_page(page, UserType.from_row)

    @strawberry.field(permission_classes=[Requires(Permission.USERS_VIEW)])
    async def user(self, info: Info, id: strawberry.ID) -> UserType | None:
        user_id = parse_id(id)
        if user_id is None:
            return None
        query = await service.scoped_users(principal=info.context.require_principal())
        row = await query.filter(id=user_id).first()
        return UserType.from_row(row) if row else None

    @strawberry.field(permission_classes=[Requires(Permission.USERS_VIEW)])
    async def teams(self, info: Info) -> list[TeamType]:
        rows = await service.scoped_teams(principal=info.context.require_principal())
        return [TeamType.from_row(r) for r in rows]
