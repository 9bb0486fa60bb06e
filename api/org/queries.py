"""Organisation queries (users, teams, permissions) for admins and managers."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.common.pagination import page_size, paginate
from api.context import Info
from api.graphql.connection import Connection
from api.graphql.ids import id_or_nothing, parse_id
from api.graphql.permissions import IsAuthenticated, Requires
from api.org import service
from api.org.types import (
    PermissionCatalogueEntryType,
    PermissionGrantType,
    TeamType,
    UserFilterInput,
    UserPermissionsType,
    UserType,
)

VIEW = [Requires(Permission.USERS_VIEW)]


@strawberry.type
class OrgQueries:
    @strawberry.field(permission_classes=VIEW)  # type: ignore[untyped-decorator]
    async def users(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: UserFilterInput | None = None,
    ) -> Connection[UserType]:
        f = filter or UserFilterInput()
        query = await service.list_users(
            principal=info.context.require_principal(),
            filter=service.UserFilter(
                search=f.search,
                role=f.role,
                team_id=id_or_nothing(f.team_id) if f.team_id else None,
                is_active=f.is_active,
            ),
        )
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(query, first=size, after=after, order=("username", "id"))
        # from_page takes Callable[[Model], T]; from_row narrows to User.
        return Connection.from_page(page, UserType.from_row)  # type: ignore[arg-type]

    @strawberry.field(permission_classes=VIEW)  # type: ignore[untyped-decorator]
    async def user(self, info: Info, id: strawberry.ID) -> UserType | None:
        user_id = parse_id(id)
        if user_id is None:
            return None
        row = await service.get_user(principal=info.context.require_principal(), user_id=user_id)
        return UserType.from_row(row) if row else None

    @strawberry.field(permission_classes=VIEW, description="The visible team tree, by path.")  # type: ignore[untyped-decorator]
    async def teams(self, info: Info) -> list[TeamType]:
        rows = await service.scoped_teams(principal=info.context.require_principal())
        return [TeamType.from_row(r) for r in rows]

    @strawberry.field(permission_classes=VIEW)  # type: ignore[untyped-decorator]
    async def team(self, info: Info, id: strawberry.ID) -> TeamType | None:
        team_id = parse_id(id)
        if team_id is None:
            return None
        row = await service.get_team(principal=info.context.require_principal(), team_id=team_id)
        return TeamType.from_row(row) if row else None

    @strawberry.field(  # type: ignore[untyped-decorator]
        permission_classes=[IsAuthenticated],
        description="Every named permission, described in the caller's language.",
    )
    def permission_catalogue(self, info: Info) -> list[PermissionCatalogueEntryType]:
        return [
            PermissionCatalogueEntryType.from_permission(p, info.context.locale) for p in Permission
        ]

    @strawberry.field(  # type: ignore[untyped-decorator]
        permission_classes=VIEW,
        description="A user's effective permissions and active grants (null outside your scope).",
    )
    async def user_permissions(
        self, info: Info, user_id: strawberry.ID
    ) -> UserPermissionsType | None:
        parsed = parse_id(user_id)
        if parsed is None:
            return None
        ctx = info.context
        result = await service.user_permissions(
            principal=ctx.require_principal(), user_id=parsed, clock=ctx.clock
        )
        if result is None:
            return None
        return UserPermissionsType(
            user=UserType.from_row(result.user),
            permissions=sorted(p.value for p in result.permissions),
            grants=[PermissionGrantType.from_row(g) for g in result.grants],
        )
