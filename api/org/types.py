"""GraphQL types of the organisation: organisations, teams, users."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import strawberry

from api import i18n
from api.auth.models import PermissionGrant
from api.auth.permissions import DESCRIPTIONS, Permission, role_permissions
from api.common.masking import mask_email, mask_phone
from api.context import Info
from api.org import models
from api.org.errors import OrgErrorCode

Role = strawberry.enum(models.Role, name="Role")
TeamKind = strawberry.enum(models.TeamKind, name="TeamKind")
ServiceLevel = strawberry.enum(models.ServiceLevel, name="ServiceLevel")


@strawberry.type(name="Organisation")
class OrganisationType:
    id: strawberry.ID
    name: str
    slug: str
    time_zone: str
    locale: str

    @classmethod
    def from_row(cls, row: models.Organisation) -> OrganisationType:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            slug=row.slug,
            time_zone=row.time_zone,
            locale=row.locale,
        )


@strawberry.type(name="Team")
class TeamType:
    row: strawberry.Private[models.Team]
    id: strawberry.ID
    name: str
    kind: TeamKind  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, row: models.Team) -> TeamType:
        return cls(row=row, id=strawberry.ID(str(row.id)), name=row.name, kind=row.kind)

    @strawberry.field
    async def parent(self, info: Info) -> TeamType | None:
        parent_id: UUID | None = self.row.parent_id  # type: ignore[attr-defined]
        if parent_id is None:
            return None
        parent = await info.context.loaders.team_by_id.load(parent_id)
        return TeamType.from_row(parent) if parent else None


@strawberry.type(name="User")
class UserType:
    row: strawberry.Private[models.User]
    id: strawberry.ID
    username: str
    display_name: str
    role: Role  # type: ignore[valid-type]
    hire_date: date | None
    industries: list[str]
    languages: list[str]
    service_level: ServiceLevel  # type: ignore[valid-type]
    is_active: bool
    in_onboarding: bool

    @classmethod
    def from_row(cls, row: models.User) -> UserType:
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            username=row.username,
            display_name=row.display_name,
            role=row.role,
            hire_date=row.hire_date,
            industries=list(row.industries),
            languages=list(row.languages),
            service_level=row.service_level,
            is_active=row.is_active,
            in_onboarding=row.in_onboarding,
        )

    @strawberry.field
    async def team(self, info: Info) -> TeamType | None:
        team_id: UUID | None = self.row.team_id  # type: ignore[attr-defined]
        if team_id is None:
            return None
        team = await info.context.loaders.team_by_id.load(team_id)
        return TeamType.from_row(team) if team else None

    @strawberry.field
    async def manager(self, info: Info) -> UserType | None:
        manager_id: UUID | None = self.row.manager_id  # type: ignore[attr-defined]
        if manager_id is None:
            return None
        manager = await info.context.loaders.user_by_id.load(manager_id)
        return UserType.from_row(manager) if manager else None

    @strawberry.field(description="Masked except for the user themselves.")  # type: ignore[untyped-decorator]
    def phone(self, info: Info) -> str | None:
        value = self.row.phone
        if value is None:
            return None
        principal = info.context.require_principal()
        return value if principal.user_id == self.row.id else mask_phone(value)

    @strawberry.field(description="Masked except for the user themselves.")  # type: ignore[untyped-decorator]
    def email(self, info: Info) -> str | None:
        value = self.row.email
        if value is None:
            return None
        principal = info.context.require_principal()
        return value if principal.user_id == self.row.id else mask_email(value)


OrgErrorCodeEnum = strawberry.enum(OrgErrorCode, name="OrgErrorCode")


@strawberry.type
class OrgError:
    code: OrgErrorCodeEnum  # type: ignore[valid-type]
    field: str | None
    message: str


@strawberry.type(name="PermissionCatalogueEntry")
class PermissionCatalogueEntryType:
    name: str
    description: str = strawberry.field(description="In the caller's language (zh-CN or en).")
    roles: list[Role] = strawberry.field(  # type: ignore[valid-type]
        description="Roles that hold this permission by default."
    )

    @classmethod
    def from_permission(cls, permission: Permission, locale: str) -> PermissionCatalogueEntryType:
        zh, en = DESCRIPTIONS[permission]
        return cls(
            name=permission.value,
            description=en if locale == i18n.EN else zh,
            roles=[r for r in models.Role if permission in role_permissions(r)],
        )


@strawberry.type(name="PermissionGrant")
class PermissionGrantType:
    row: strawberry.Private[PermissionGrant]
    id: strawberry.ID
    permission: str
    valid_from: datetime
    valid_until: datetime | None
    reason: str
    revoked_at: datetime | None
    created_at: datetime

    @classmethod
    def from_row(cls, row: PermissionGrant) -> PermissionGrantType:
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            permission=row.permission,
            valid_from=row.valid_from,
            valid_until=row.valid_until,
            reason=row.reason,
            revoked_at=row.revoked_at,
            created_at=row.created_at,
        )

    @strawberry.field
    async def user(self, info: Info) -> UserType | None:
        return await _user(info, self.row.user_id)  # type: ignore[attr-defined]

    @strawberry.field
    async def granted_by(self, info: Info) -> UserType | None:
        return await _user(info, self.row.granted_by_id)  # type: ignore[attr-defined]


async def _user(info: Info, user_id: UUID | None) -> UserType | None:
    if user_id is None:
        return None
    user = await info.context.loaders.user_by_id.load(user_id)
    return UserType.from_row(user) if user else None


@strawberry.type(name="UserPermissions")
class UserPermissionsType:
    user: UserType
    permissions: list[str] = strawberry.field(
        description="Effective now: the role's set, minus what onboarding holds back, plus grants."
    )
    grants: list[PermissionGrantType] = strawberry.field(description="Grants active now.")


@strawberry.type(name="Invitation")
class InvitationType:
    id: strawberry.ID
    expires_at: datetime


@strawberry.input
class UserFilterInput:
    search: str | None = strawberry.field(
        default=None, description="Matches the username or the display name."
    )
    role: Role | None = None  # type: ignore[valid-type]
    team_id: strawberry.ID | None = strawberry.field(
        default=None, description="Members of this team and of its sub-teams."
    )
    is_active: bool | None = None


@strawberry.input
class CreateTeamInput:
    name: str
    kind: TeamKind = models.TeamKind.TEAM  # type: ignore[valid-type]
    parent_id: strawberry.ID | None = strawberry.field(
        default=None, description="Omit for a root team (organisation-wide roles only)."
    )


@strawberry.input
class UpdateTeamInput:
    name: str | None = None
    parent_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET,
        description="Move the team (with its sub-teams) under this team; null makes it a root.",
    )


@strawberry.input
class CreateUserInput:
    username: str = strawberry.field(description="3-64 of a-z 0-9 . _ - (stored lowercase).")
    display_name: str
    role: Role  # type: ignore[valid-type]
    team_id: strawberry.ID | None = None
    manager_id: strawberry.ID | None = None
    password: str | None = strawberry.field(
        default=None, description="Omit for users who log in with WeChat through an invitation."
    )
    phone: str | None = None
    email: str | None = None
    hire_date: date | None = None
    industries: list[str] = strawberry.field(default_factory=list)
    languages: list[str] = strawberry.field(default_factory=list)
    service_level: ServiceLevel = models.ServiceLevel.STANDARD  # type: ignore[valid-type]
    in_onboarding: bool = False


@strawberry.input(description="Omitted fields stay as they are; null empties a nullable field.")
class UpdateUserInput:
    display_name: str | None = strawberry.UNSET
    role: Role | None = strawberry.UNSET  # type: ignore[valid-type]
    team_id: strawberry.ID | None = strawberry.UNSET
    manager_id: strawberry.ID | None = strawberry.UNSET
    password: str | None = strawberry.field(
        default=strawberry.UNSET, description="null removes the password (WeChat login only)."
    )
    phone: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    hire_date: date | None = strawberry.UNSET
    industries: list[str] | None = strawberry.UNSET
    languages: list[str] | None = strawberry.UNSET
    service_level: ServiceLevel | None = strawberry.UNSET  # type: ignore[valid-type]
    in_onboarding: bool | None = strawberry.UNSET
    is_active: bool | None = strawberry.field(
        default=strawberry.UNSET, description="false deactivates and logs out every session."
    )


@strawberry.input
class GrantPermissionInput:
    user_id: strawberry.ID
    permission: str = strawberry.field(description="A name from permissionCatalogue.")
    valid_from: datetime | None = strawberry.field(default=None, description="Default: now.")
    valid_until: datetime | None = strawberry.field(default=None, description="Default: open.")
    reason: str


@strawberry.type
class TeamPayload:
    team: TeamType | None = None
    errors: list[OrgError] = strawberry.field(default_factory=list)


@strawberry.type
class UserPayload:
    user: UserType | None = None
    errors: list[OrgError] = strawberry.field(default_factory=list)


@strawberry.type
class WechatInvitationPayload:
    invitation: InvitationType | None = None
    code: str | None = strawberry.field(
        default=None, description="Shown once: the user enters it on first WeChat login."
    )
    errors: list[OrgError] = strawberry.field(default_factory=list)


@strawberry.type
class PermissionGrantPayload:
    grant: PermissionGrantType | None = None
    errors: list[OrgError] = strawberry.field(default_factory=list)
