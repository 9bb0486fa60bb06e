"""GraphQL types of the organisation: organisations, teams, users."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import strawberry

from api.context import Info
from api.customers.masking import mask_email, mask_phone
from api.org import models

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

    @strawberry.field(description="Masked except for the user themselves.")
    def phone(self, info: Info) -> str | None:
        value = self.row.phone
        if value is None:
            return None
        principal = info.context.require_principal()
        return value if principal.user_id == self.row.id else mask_phone(value)

    @strawberry.field(description="Masked except for the user themselves.")
    def email(self, info: Info) -> str | None:
        value = self.row.email
        if value is None:
            return None
        principal = info.context.require_principal()
        return value if principal.user_id == self.row.id else mask_email(value)
