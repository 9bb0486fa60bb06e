"""Who is calling: the authenticated user as services see it."""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from api.auth.permissions import Permission
from api.org.models import Role

ORG_WIDE_ROLES = frozenset({Role.ADMIN, Role.MARKETING, Role.DELIVERY, Role.FINANCE})


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: UUID
    organisation_id: UUID
    role: Role
    team_id: UUID | None
    team_path: str | None
    session_id: UUID
    permissions: frozenset[Permission]
    locale: str = "zh-CN"

    def can(self, permission: Permission) -> bool:
        return permission in self.permissions

    @property
    def sees_whole_organisation(self) -> bool:
        return self.role in ORG_WIDE_ROLES
