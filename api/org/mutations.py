"""Organisation administration: teams, users, WeChat invitations, permission grants."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import Requires
from api.org import service
from api.org.types import (
    CreateTeamInput,
    CreateUserInput,
    GrantPermissionInput,
    InvitationType,
    OrgError,
    PermissionGrantPayload,
    PermissionGrantType,
    TeamPayload,
    TeamType,
    UpdateTeamInput,
    UpdateUserInput,
    UserPayload,
    UserType,
    WechatInvitationPayload,
)

TEAMS = [Requires(Permission.TEAMS_MANAGE)]
USERS = [Requires(Permission.USERS_MANAGE)]
GRANTS = [Requires(Permission.PERMISSIONS_GRANT)]


def _given(value: Any) -> Any:
    """The value of an input field, or None when it was omitted or null."""
    return None if value is strawberry.UNSET else value


def _optional_id(value: strawberry.ID | None) -> UUID | None:
    """The ID given in an input field; None when it was omitted or null."""
    given: strawberry.ID | None = _given(value)
    return id_or_nothing(given) if given else None


def _user_changes(input: UpdateUserInput) -> service.UserChanges:
    return service.UserChanges(
        display_name=_given(input.display_name),
        role=_given(input.role),
        team_id=_optional_id(input.team_id),
        manager_id=_optional_id(input.manager_id),
        password=_given(input.password),
        phone=_given(input.phone),
        email=_given(input.email),
        hire_date=_given(input.hire_date),
        industries=_given(input.industries),
        languages=_given(input.languages),
        service_level=_given(input.service_level),
        in_onboarding=_given(input.in_onboarding),
        is_active=_given(input.is_active),
        # An explicit null (not an omitted field) empties a nullable field.
        clear=frozenset(name for name in service.CLEARABLE if getattr(input, name) is None),
    )


@strawberry.type
class OrgMutations:
    @strawberry.mutation(permission_classes=TEAMS)  # type: ignore[untyped-decorator]
    async def create_team(self, info: Info, input: CreateTeamInput) -> TeamPayload:
        ctx = info.context
        try:
            row = await service.create_team(
                principal=ctx.require_principal(),
                name=input.name,
                kind=input.kind,
                parent_id=_optional_id(input.parent_id),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return TeamPayload(errors=user_errors(exc, OrgError, ctx.locale))
        return TeamPayload(team=TeamType.from_row(row))

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        permission_classes=TEAMS,
        description="Rename a team or move it, with its sub-teams, under another team.",
    )
    async def update_team(
        self, info: Info, id: strawberry.ID, input: UpdateTeamInput
    ) -> TeamPayload:
        ctx = info.context
        try:
            row = await service.update_team(
                principal=ctx.require_principal(),
                team_id=id_or_nothing(id),
                name=input.name,
                parent_id=_optional_id(input.parent_id),
                to_root=input.parent_id is None,
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return TeamPayload(errors=user_errors(exc, OrgError, ctx.locale))
        return TeamPayload(team=TeamType.from_row(row))

    @strawberry.mutation(permission_classes=USERS)  # type: ignore[untyped-decorator]
    async def create_user(self, info: Info, input: CreateUserInput) -> UserPayload:
        ctx = info.context
        try:
            row = await service.create_user(
                principal=ctx.require_principal(),
                data=service.UserInput(
                    username=input.username,
                    display_name=input.display_name,
                    role=input.role,
                    team_id=_optional_id(input.team_id),
                    manager_id=_optional_id(input.manager_id),
                    password=input.password,
                    phone=input.phone,
                    email=input.email,
                    hire_date=input.hire_date,
                    industries=list(input.industries),
                    languages=list(input.languages),
                    service_level=input.service_level,
                    in_onboarding=input.in_onboarding,
                ),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return UserPayload(errors=user_errors(exc, OrgError, ctx.locale))
        return UserPayload(user=UserType.from_row(row))

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        permission_classes=USERS,
        description="Change a user; isActive: false also logs them out everywhere.",
    )
    async def update_user(
        self, info: Info, id: strawberry.ID, input: UpdateUserInput
    ) -> UserPayload:
        ctx = info.context
        try:
            row = await service.update_user(
                principal=ctx.require_principal(),
                user_id=id_or_nothing(id),
                changes=_user_changes(input),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return UserPayload(errors=user_errors(exc, OrgError, ctx.locale))
        return UserPayload(user=UserType.from_row(row))

    @strawberry.mutation(  # type: ignore[untyped-decorator]
        permission_classes=USERS,
        description="A single-use code for the user's first WeChat login (shown only once).",
    )
    async def create_wechat_invitation(
        self, info: Info, user_id: strawberry.ID
    ) -> WechatInvitationPayload:
        ctx = info.context
        try:
            invitation, code = await service.invite_user(
                principal=ctx.require_principal(),
                user_id=id_or_nothing(user_id),
                clock=ctx.clock,
                settings=ctx.settings,
            )
        except ServiceError as exc:
            return WechatInvitationPayload(errors=user_errors(exc, OrgError, ctx.locale))
        return WechatInvitationPayload(
            invitation=InvitationType(
                id=strawberry.ID(str(invitation.id)), expires_at=invitation.expires_at
            ),
            code=code,
        )

    @strawberry.mutation(permission_classes=GRANTS)  # type: ignore[untyped-decorator]
    async def grant_permission(
        self, info: Info, input: GrantPermissionInput
    ) -> PermissionGrantPayload:
        ctx = info.context
        try:
            row = await service.grant_permission(
                principal=ctx.require_principal(),
                user_id=id_or_nothing(input.user_id),
                permission=input.permission[:64],
                valid_from=input.valid_from,
                valid_until=input.valid_until,
                reason=input.reason,
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return PermissionGrantPayload(errors=user_errors(exc, OrgError, ctx.locale))
        return PermissionGrantPayload(grant=PermissionGrantType.from_row(row))

    @strawberry.mutation(permission_classes=GRANTS)  # type: ignore[untyped-decorator]
    async def revoke_permission_grant(
        self, info: Info, grant_id: strawberry.ID
    ) -> PermissionGrantPayload:
        ctx = info.context
        try:
            row = await service.revoke_permission_grant(
                principal=ctx.require_principal(),
                grant_id=id_or_nothing(grant_id),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return PermissionGrantPayload(errors=user_errors(exc, OrgError, ctx.locale))
        return PermissionGrantPayload(grant=PermissionGrantType.from_row(row))
