"""Organisation rules: who sees which users and teams; user and team administration."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID, uuid4

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth import service as auth
from api.auth.errors import AuthErrorCode
from api.auth.models import AuthSession, Invitation, PermissionGrant
from api.auth.passwords import MIN_PASSWORD_LENGTH, hash_password
from api.auth.permissions import (
    Permission,
    effective_permissions,
    parse_permission,
    role_permissions,
)
from api.auth.principal import ORG_WIDE_ROLES, Principal
from api.clock import Clock
from api.common.contact_details import normalise_email, normalise_phone
from api.common.identity import MAX_PASSWORD_LENGTH, normalise_username, password_problem
from api.errors import ServiceError
from api.org.errors import OrgErrorCode as Code
from api.org.models import Organisation, Role, ServiceLevel, Team, TeamKind, User
from api.org.scope import can_see_user, visible_user_ids
from api.settings import Settings

MAX_TEAM_DEPTH = 20  # 20 levels of "/<uuid>" fit the 1024 characters of Team.path
MAX_TAGS, MAX_TAG_LENGTH = 20, 50
MAX_GRANT_REASON = 300
_MAX_MANAGER_CHAIN = 1000
CLEARABLE = frozenset({"team_id", "manager_id", "password", "phone", "email", "hire_date"})


@dataclass(frozen=True, slots=True)
class UserInput:
    username: str
    display_name: str
    role: Role
    team_id: UUID | None = None
    manager_id: UUID | None = None
    password: str | None = None
    phone: str | None = None
    email: str | None = None
    hire_date: date | None = None
    industries: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    service_level: ServiceLevel = ServiceLevel.STANDARD
    in_onboarding: bool = False


@dataclass(frozen=True, slots=True)
class UserChanges:
    """Fields to change; None leaves a field as it is; ``clear`` names fields to empty."""

    display_name: str | None = None
    role: Role | None = None
    team_id: UUID | None = None
    manager_id: UUID | None = None
    password: str | None = None
    phone: str | None = None
    email: str | None = None
    hire_date: date | None = None
    industries: list[str] | None = None
    languages: list[str] | None = None
    service_level: ServiceLevel | None = None
    in_onboarding: bool | None = None
    is_active: bool | None = None
    clear: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class UserFilter:
    search: str | None = None
    role: Role | None = None
    team_id: UUID | None = None
    is_active: bool | None = None


@dataclass(frozen=True, slots=True)
class UserPermissions:
    """A user's effective permissions at one instant and the grants active then."""

    user: User
    permissions: frozenset[Permission]
    grants: list[PermissionGrant]


# --- reads ---------------------------------------------------------------------------------


async def scoped_users(*, principal: Principal) -> QuerySet[User]:
    query = User.filter(organisation_id=principal.organisation_id)
    visible = await visible_user_ids(principal)
    if visible is not None:
        query = query.filter(id__in=list(visible))
    return query


async def scoped_teams(*, principal: Principal) -> list[Team]:
    return await _team_query(principal).order_by("path")


async def list_users(*, principal: Principal, filter: UserFilter) -> QuerySet[User]:
    """Users in the caller's scope matching ``filter``; a team matches with its sub-teams."""
    query = await scoped_users(principal=principal)
    if filter.search and filter.search.strip():
        term = filter.search.strip()[:100]
        query = query.filter(Q(username__icontains=term) | Q(display_name__icontains=term))
    if filter.role is not None:
        query = query.filter(role=filter.role)
    if filter.is_active is not None:
        query = query.filter(is_active=filter.is_active)
    if filter.team_id is not None:
        team = await Team.get_or_none(id=filter.team_id, organisation_id=principal.organisation_id)
        if team is None:
            query = query.filter(team_id=filter.team_id)  # matches nothing in this organisation
        else:
            query = query.filter(team__path__startswith=team.path)
    return query


async def get_user(*, principal: Principal, user_id: UUID) -> User | None:
    """The user, or None when it does not exist or is outside the caller's scope."""
    query = await scoped_users(principal=principal)
    return await query.filter(id=user_id).first()


async def get_team(*, principal: Principal, team_id: UUID) -> Team | None:
    """The team, or None when it does not exist or is outside the caller's scope."""
    return await _team_query(principal).filter(id=team_id).first()


async def user_permissions(
    *, principal: Principal, user_id: UUID, clock: Clock
) -> UserPermissions | None:
    """Effective permissions and active grants of a user in scope, now; None when not found."""
    user = await get_user(principal=principal, user_id=user_id)
    if user is None:
        return None
    now = clock.now()
    grants = await auth.active_grants(user_id=user.id, now=now).order_by("valid_from", "id")
    permissions = effective_permissions(
        user.role, in_onboarding=user.in_onboarding, granted=[g.permission for g in grants]
    )
    return UserPermissions(user=user, permissions=permissions, grants=grants)


# --- teams ---------------------------------------------------------------------------------


async def create_team(
    *,
    principal: Principal,
    name: str,
    kind: TeamKind,
    parent_id: UUID | None,
    clock: Clock,
) -> Team:
    """Add a team under ``parent_id`` (or a root team, for organisation-wide roles)."""
    clean_name = _clean_text("name", name, 200, required=True)
    if parent_id is None and not principal.sees_whole_organisation:
        raise ServiceError(Code.REQUIRED, field="parentId")
    try:
        async with in_transaction():
            await _lock_team_tree(principal)
            parent = None
            if parent_id is not None:
                parent = await _team_query(principal).filter(id=parent_id).first()
                if parent is None:
                    raise ServiceError(Code.PARENT_TEAM_NOT_FOUND, field="parentId")
                if _depth(parent.path) >= MAX_TEAM_DEPTH:
                    raise ServiceError(Code.TEAM_TOO_DEEP, field="parentId", max=MAX_TEAM_DEPTH)
            await _check_team_name_free(principal, clean_name, team_id=None)
            team_id = uuid4()
            team = await Team.create(
                id=team_id,
                organisation_id=principal.organisation_id,
                parent=parent,
                name=clean_name,
                kind=kind,
                path=(parent.path if parent else "/") + f"{team_id}/",
            )
            await audit.record(
                organisation_id=principal.organisation_id,
                action="team.created",
                at=clock.now(),
                actor_id=principal.user_id,
                subject_type="Team",
                subject_id=str(team.id),
                data={"parent_id": str(parent.id) if parent else None},
            )
    except IntegrityError as exc:  # a concurrent creation took the name
        raise ServiceError(Code.TEAM_NAME_TAKEN, field="name") from exc
    return team


async def update_team(
    *,
    principal: Principal,
    team_id: UUID,
    name: str | None = None,
    parent_id: UUID | None = None,
    to_root: bool = False,
    clock: Clock,
) -> Team:
    """Rename and/or move a team; a move rewrites the path of the team and its whole subtree."""
    clean_name = _clean_text("name", name, 200, required=True) if name is not None else None
    if to_root and not principal.sees_whole_organisation:
        raise ServiceError(Code.REQUIRED, field="parentId")
    try:
        async with in_transaction():
            await _lock_team_tree(principal)
            team = await _team_query(principal).filter(id=team_id).first()
            if team is None:
                raise ServiceError(Code.TEAM_NOT_FOUND, field="id")
            changed: list[str] = []
            data: dict[str, Any] = {}
            if clean_name is not None and clean_name != team.name:
                await _check_team_name_free(principal, clean_name, team_id=team.id)
                team.name = clean_name
                changed.append("name")
            if to_root or parent_id is not None:
                parent = None
                if parent_id is not None and not to_root:
                    parent = await _team_query(principal).filter(id=parent_id).first()
                    if parent is None:
                        raise ServiceError(Code.PARENT_TEAM_NOT_FOUND, field="parentId")
                    if parent.path.startswith(team.path):
                        raise ServiceError(Code.TEAM_CYCLE, field="parentId")
                old_parent_id: UUID | None = team.parent_id  # type: ignore[attr-defined]
                if (parent.id if parent else None) != old_parent_id:
                    moved = await _move_subtree(principal, team, parent)
                    changed.append("parent")
                    data = {
                        "from_parent_id": str(old_parent_id) if old_parent_id else None,
                        "to_parent_id": str(parent.id) if parent else None,
                        "moved_teams": moved,
                    }
            if changed:
                await team.save()
                await audit.record(
                    organisation_id=principal.organisation_id,
                    action="team.updated",
                    at=clock.now(),
                    actor_id=principal.user_id,
                    subject_type="Team",
                    subject_id=str(team.id),
                    data={"fields": changed, **data},
                )
    except IntegrityError as exc:
        raise ServiceError(Code.TEAM_NAME_TAKEN, field="name") from exc
    return team


def _team_query(principal: Principal) -> QuerySet[Team]:
    query = Team.filter(organisation_id=principal.organisation_id)
    if principal.sees_whole_organisation:
        return query
    if not principal.team_path:
        return query.filter(id__in=[])
    return query.filter(path__startswith=principal.team_path)


async def _lock_team_tree(principal: Principal) -> None:
    """Serialise changes to one organisation's tree, so that paths never go stale mid-move."""
    await Organisation.filter(id=principal.organisation_id).select_for_update().first()


async def _check_team_name_free(principal: Principal, name: str, *, team_id: UUID | None) -> None:
    query = Team.filter(organisation_id=principal.organisation_id, name=name)
    if team_id is not None:
        query = query.exclude(id=team_id)
    if await query.exists():
        raise ServiceError(Code.TEAM_NAME_TAKEN, field="name")


async def _move_subtree(principal: Principal, team: Team, parent: Team | None) -> int:
    """Put ``team`` under ``parent`` and rewrite every path below it; returns the teams moved."""
    old_prefix = team.path
    new_prefix = (parent.path if parent else "/") + f"{team.id}/"
    descendants = await Team.filter(
        organisation_id=principal.organisation_id, path__startswith=old_prefix
    ).exclude(id=team.id)
    deepest = max([_depth(d.path) for d in descendants], default=_depth(old_prefix))
    if _depth(new_prefix) + deepest - _depth(old_prefix) > MAX_TEAM_DEPTH:
        raise ServiceError(Code.TEAM_TOO_DEEP, field="parentId", max=MAX_TEAM_DEPTH)
    for descendant in descendants:
        descendant.path = new_prefix + descendant.path[len(old_prefix) :]
    if descendants:
        await Team.bulk_update(descendants, fields=["path"])
    team.parent_id = parent.id if parent else None  # type: ignore[attr-defined]
    team.path = new_prefix
    return 1 + len(descendants)


def _depth(path: str) -> int:
    return path.count("/") - 1


# --- users ---------------------------------------------------------------------------------


async def create_user(*, principal: Principal, data: UserInput, clock: Clock) -> User:
    """Add a user to the caller's organisation (a password, or a WeChat invitation later)."""
    username = _clean_username(data.username)
    values: dict[str, Any] = {
        "display_name": _clean_text("displayName", data.display_name, 100, required=True),
        "phone": _clean_phone(data.phone),
        "email": _clean_email(data.email),
        "hire_date": data.hire_date,
        "industries": _clean_tags("industries", data.industries),
        "languages": _clean_tags("languages", data.languages),
        "service_level": data.service_level,
        "in_onboarding": data.in_onboarding,
    }
    _check_role_allowed(principal, data.role)
    if data.team_id is None and not principal.sees_whole_organisation:
        raise ServiceError(Code.REQUIRED, field="teamId")
    password_hash = None
    if data.password is not None:
        password_hash = await _hash(_check_password(data.password))
    try:
        async with in_transaction():
            await _check_team(principal, data.team_id)
            await _check_manager(principal, data.manager_id, user_id=None)
            if await User.filter(username=username).exists():
                raise ServiceError(Code.USERNAME_TAKEN, field="username")
            user = await User.create(
                organisation_id=principal.organisation_id,
                username=username,
                role=data.role,
                team_id=data.team_id,
                manager_id=data.manager_id,
                password_hash=password_hash,
                **values,
            )
            await audit.record(
                organisation_id=principal.organisation_id,
                action="user.created",
                at=clock.now(),
                actor_id=principal.user_id,
                subject_type="User",
                subject_id=str(user.id),
                data={
                    "role": data.role.value,
                    "team_id": str(data.team_id) if data.team_id else None,
                    "manager_id": str(data.manager_id) if data.manager_id else None,
                    # Names of the fields that hold a value, never the values themselves.
                    "fields": sorted(
                        f.name
                        for f in dataclass_fields(data)
                        if getattr(data, f.name) not in (None, "", [])
                    ),
                },
            )
    except IntegrityError as exc:
        # Only a concurrent creation of the same username, committed since the check above, is
        # the caller's problem; any other constraint failure is a bug and propagates.
        if await User.filter(username=username).exists():
            raise ServiceError(Code.USERNAME_TAKEN, field="username") from exc
        raise
    return user


async def update_user(
    *, principal: Principal, user_id: UUID, changes: UserChanges, clock: Clock
) -> User:
    """Change a user; deactivating one or changing their password closes their sessions.

    A user who changes their own password keeps the session they did it from.
    """
    unknown = changes.clear - CLEARABLE
    if unknown:
        raise ValueError(f"cannot clear {sorted(unknown)}")
    updates: dict[str, Any] = {}
    if changes.display_name is not None:
        updates["display_name"] = _clean_text(
            "displayName", changes.display_name, 100, required=True
        )
    if changes.phone is not None:
        updates["phone"] = _clean_phone(changes.phone)
    if changes.email is not None:
        updates["email"] = _clean_email(changes.email)
    if changes.industries is not None:
        updates["industries"] = _clean_tags("industries", changes.industries)
    if changes.languages is not None:
        updates["languages"] = _clean_tags("languages", changes.languages)
    for name in ("role", "team_id", "manager_id", "hire_date", "service_level"):
        if getattr(changes, name) is not None:
            updates[name] = getattr(changes, name)
    for name in ("in_onboarding", "is_active"):
        if getattr(changes, name) is not None:
            updates[name] = getattr(changes, name)
    for name in changes.clear:
        updates[name] = None
    if "team_id" in changes.clear and not principal.sees_whole_organisation:
        raise ServiceError(Code.REQUIRED, field="teamId")
    if changes.password is not None and "password" not in changes.clear:
        updates["password_hash"] = await _hash(_check_password(changes.password))
    updates.pop("password", None)
    if "password" in changes.clear:
        updates["password_hash"] = None
    now = clock.now()
    async with in_transaction():
        query = await scoped_users(principal=principal)
        user = await query.filter(id=user_id).select_for_update().first()
        if user is None:
            raise ServiceError(Code.USER_NOT_FOUND, field="id")
        _check_role_allowed(principal, user.role, field="id")
        is_self = user.id == principal.user_id
        old_role = user.role
        changed = sorted(
            ("password" if k == "password_hash" else k)
            for k, v in updates.items()
            if k == "password_hash" or getattr(user, k) != v
        )
        if "role" in changed:
            if is_self:
                raise ServiceError(Code.CANNOT_CHANGE_SELF, field="role")
            _check_role_allowed(principal, updates["role"])
        if "is_active" in changed and is_self:
            raise ServiceError(Code.CANNOT_CHANGE_SELF, field="isActive")
        if "team_id" in changed:
            await _check_team(principal, updates["team_id"])
        if "manager_id" in changed:
            await _check_manager(principal, updates["manager_id"], user_id=user.id)
        if not changed:
            return user
        for key, value in updates.items():
            setattr(user, key, value)
        await user.save()
        revoked = 0
        reason = _session_close_reason(user, changed)
        if reason is not None:
            revoked = (
                await AuthSession.filter(user_id=user.id, revoked_at=None)
                .exclude(id=principal.session_id)
                .update(revoked_at=now, revoked_reason=reason)
            )
        data: dict[str, Any] = {"fields": changed}
        if revoked:
            data["revoked_sessions"] = revoked
        await audit.record(
            organisation_id=principal.organisation_id,
            action="user.updated",
            at=now,
            actor_id=principal.user_id,
            subject_type="User",
            subject_id=str(user.id),
            data=data,
        )
        if "role" in changed:
            await audit.record(
                organisation_id=principal.organisation_id,
                action="user.role_changed",
                at=now,
                actor_id=principal.user_id,
                subject_type="User",
                subject_id=str(user.id),
                data={"from": old_role.value, "to": user.role.value},
            )
    return user


def _session_close_reason(user: User, changed: list[str]) -> str | None:
    """Why a change must log the user out everywhere; None when their sessions stay open."""
    if "is_active" in changed and not user.is_active:
        return "deactivated"
    if "password" in changed:  # set or cleared: whoever knew the old one must sign in again
        return "password_changed"
    return None


async def _check_team(principal: Principal, team_id: UUID | None) -> None:
    if team_id is not None and not await _team_query(principal).filter(id=team_id).exists():
        raise ServiceError(Code.TEAM_NOT_FOUND, field="teamId")


async def _check_manager(
    principal: Principal, manager_id: UUID | None, *, user_id: UUID | None
) -> None:
    """The manager is visible to the caller and not the user or one of the user's reports."""
    if manager_id is None:
        return
    if not await can_see_user(principal, manager_id):
        raise ServiceError(Code.MANAGER_NOT_FOUND, field="managerId")
    if user_id is None:
        return
    current: UUID | None = manager_id
    for _ in range(_MAX_MANAGER_CHAIN):
        if current is None:
            return
        if current == user_id:
            raise ServiceError(Code.MANAGER_CYCLE, field="managerId")
        above = await User.get_or_none(id=current, organisation_id=principal.organisation_id)
        current = above.manager_id if above else None  # type: ignore[attr-defined]
    raise ServiceError(Code.MANAGER_CYCLE, field="managerId")


# How far each team-bound role sees: a rep themselves, a manager their team subtree, a director
# their region's subtree. Organisation-wide roles see everything and rank above them all.
_SCOPE_RANK = {Role.REP: 0, Role.MANAGER: 1, Role.DIRECTOR: 2}
_ORG_WIDE_RANK = len(_SCOPE_RANK)


def _scope_rank(role: Role) -> int:
    return _ORG_WIDE_RANK if role in ORG_WIDE_ROLES else _SCOPE_RANK[role]


def _check_role_allowed(principal: Principal, role: Role, *, field: str = "role") -> None:
    """Nobody hands out (or edits the holder of) a role that sees more or can do more than they.

    A caller without an organisation-wide role can therefore never create an organisation-wide
    user, and only a director can create a director. Team placement keeps the rest in bounds:
    such a caller can only put users into teams of their own subtree (``_check_team``).
    """
    if not role_permissions(role) <= principal.permissions:
        raise ServiceError(Code.ROLE_NOT_ALLOWED, field=field)
    if _scope_rank(role) > _scope_rank(principal.role):
        raise ServiceError(Code.ROLE_NOT_ALLOWED, field=field)


async def _hash(password: str) -> str:
    return await asyncio.to_thread(hash_password, password)


# --- invitations and permission grants ---------------------------------------------------


async def invite_user(
    *, principal: Principal, user_id: UUID, clock: Clock, settings: Settings
) -> tuple[Invitation, str]:
    """A single-use WeChat invitation code for an active user in the caller's scope."""
    async with in_transaction():
        user = await get_user(principal=principal, user_id=user_id)
        if user is None:
            raise ServiceError(Code.USER_NOT_FOUND, field="userId")
        if not user.is_active:
            raise ServiceError(Code.USER_INACTIVE, field="userId")
        try:
            return await auth.create_invitation(
                actor=principal, user_id=user.id, clock=clock, settings=settings
            )
        except ServiceError as exc:
            raise _org_error(exc) from exc


async def grant_permission(
    *,
    principal: Principal,
    user_id: UUID,
    permission: str,
    valid_from: datetime | None,
    valid_until: datetime | None,
    reason: str,
    clock: Clock,
) -> PermissionGrant:
    """Grant a permission the caller holds to another active user in scope, with a reason."""
    clean_reason = _clean_text("reason", reason, MAX_GRANT_REASON, required=True)
    parsed = parse_permission(permission.strip())
    if parsed is None:
        raise ServiceError(Code.PERMISSION_UNKNOWN, field="permission")
    if not principal.can(parsed):
        raise ServiceError(Code.PERMISSION_NOT_HELD, field="permission")
    async with in_transaction():
        user = await get_user(principal=principal, user_id=user_id)
        if user is None:
            raise ServiceError(Code.USER_NOT_FOUND, field="userId")
        if user.id == principal.user_id:
            raise ServiceError(Code.CANNOT_CHANGE_SELF, field="userId")
        if not user.is_active:
            raise ServiceError(Code.USER_INACTIVE, field="userId")
        try:
            return await auth.grant_permission(
                actor=principal,
                user_id=user.id,
                permission=parsed.value,
                valid_from=_utc(valid_from),
                valid_until=_utc(valid_until),
                reason=clean_reason,
                clock=clock,
            )
        except ServiceError as exc:
            raise _org_error(exc) from exc


async def revoke_permission_grant(
    *, principal: Principal, grant_id: UUID, clock: Clock
) -> PermissionGrant:
    """Revoke a grant of a user in the caller's scope (revoking twice changes nothing)."""
    async with in_transaction():
        grant = await PermissionGrant.get_or_none(
            id=grant_id, organisation_id=principal.organisation_id
        )
        if grant is None or not await can_see_user(
            principal,
            grant.user_id,  # type: ignore[attr-defined]
        ):
            raise ServiceError(Code.GRANT_NOT_FOUND, field="grantId")
        try:
            return await auth.revoke_grant(actor=principal, grant_id=grant.id, clock=clock)
        except ServiceError as exc:
            raise _org_error(exc) from exc


def _org_error(error: ServiceError) -> ServiceError:
    """The auth service's error under the organisation code of the same name."""
    if isinstance(error.code, AuthErrorCode) and error.code.value in Code.__members__:
        return ServiceError(Code(error.code.value), field=error.field, **error.params)
    return ServiceError(error.code, field=error.field, **error.params)


# --- validation ----------------------------------------------------------------------------


def _clean_text(field_name: str, value: str | None, max_length: int, *, required: bool) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ServiceError(Code.REQUIRED, field=field_name)
    if len(text) > max_length:
        raise ServiceError(Code.TOO_LONG, field=field_name, max=max_length)
    return text


def _clean_username(value: str) -> str:
    username = normalise_username(value)
    if username is None:
        raise ServiceError(Code.USERNAME_INVALID, field="username")
    return username


def _check_password(password: str) -> str:
    problem = password_problem(password)
    if problem == "PASSWORD_TOO_SHORT":
        raise ServiceError(Code.PASSWORD_TOO_SHORT, field="password", min=MIN_PASSWORD_LENGTH)
    if problem == "PASSWORD_TOO_LONG":
        # The API's error vocabulary (and schema) has no code of its own for this: TOO_LONG.
        raise ServiceError(Code.TOO_LONG, field="password", max=MAX_PASSWORD_LENGTH)
    return password


def _clean_phone(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    phone = normalise_phone(value)
    if phone is None:
        raise ServiceError(Code.INVALID_PHONE, field="phone")
    return phone


def _clean_email(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    email = normalise_email(value)
    if email is None:
        raise ServiceError(Code.INVALID_EMAIL, field="email")
    return email


def _clean_tags(field_name: str, values: list[str]) -> list[str]:
    """Trimmed, non-empty, de-duplicated tags in their given order."""
    tags = list(dict.fromkeys(v.strip() for v in values if v.strip()))
    if len(tags) > MAX_TAGS:
        raise ServiceError(Code.TOO_MANY_ITEMS, field=field_name, max=MAX_TAGS)
    for i, tag in enumerate(tags):
        if len(tag) > MAX_TAG_LENGTH:
            raise ServiceError(Code.TOO_LONG, field=f"{field_name}.{i}", max=MAX_TAG_LENGTH)
    return tags


def _utc(at: datetime | None) -> datetime | None:
    """A timestamp in UTC; one without a zone is read as UTC."""
    if at is None:
        return None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)
