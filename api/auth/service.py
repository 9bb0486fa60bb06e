"""Authentication and authorisation rules: logins, token rotation, invitations, grants."""

from __future__ import annotations

import asyncio
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.errors import AuthErrorCode
from api.auth.models import AuthSession, Invitation, PermissionGrant, RefreshToken, WechatBinding
from api.auth.passwords import hash_password, needs_rehash, verify_password
from api.auth.permissions import Permission, effective_permissions, parse_permission
from api.auth.principal import Principal
from api.auth.throttle import LoginThrottle
from api.auth.tokens import (
    AccessClaims,
    InvalidToken,
    decode_access_token,
    encode_access_token,
    new_opaque_token,
    token_hash,
)
from api.auth.wechat import WechatClient, WechatError
from api.clock import Clock
from api.errors import ServiceError
from api.org.models import User
from api.settings import Settings


@dataclass(frozen=True, slots=True)
class TokenPair:
    access_token: str
    access_expires_at: datetime
    refresh_token: str
    refresh_expires_at: datetime
    user: User


class AuthenticationFailed(Exception):
    """The access token is missing, invalid, expired, or its session was revoked."""


async def login_with_password(
    *,
    username: str,
    password: str,
    clock: Clock,
    settings: Settings,
    throttle: LoginThrottle | None = None,
) -> TokenPair:
    """Check a username and password and open a session; repeated failures lock the name."""
    if throttle is not None and not await throttle.claim_attempt(username):
        raise ServiceError(
            AuthErrorCode.LOGIN_THROTTLED, minutes=settings.login_lockout_seconds // 60
        )
    user = await User.get_or_none(username=username.strip().lower())
    # argon2 is deliberately slow: keep it off the event loop.
    ok = await asyncio.to_thread(verify_password, user.password_hash if user else None, password)
    now = clock.now()
    if user is None or not ok:
        if user is not None:
            await audit.record(
                organisation_id=user.organisation_id,  # type: ignore[attr-defined]
                action="auth.login_failed",
                at=now,
                subject_type="User",
                subject_id=str(user.id),
                data={"method": "password"},
            )
        raise ServiceError(AuthErrorCode.INVALID_CREDENTIALS)
    if not user.is_active:
        raise ServiceError(AuthErrorCode.ACCOUNT_DISABLED)
    if throttle is not None:
        await throttle.reset(username)
    async with in_transaction():
        if user.password_hash and needs_rehash(user.password_hash):
            user.password_hash = await asyncio.to_thread(hash_password, password)
            await user.save(update_fields=["password_hash", "updated_at"])
        return await _open_session(user, method="password", clock=clock, settings=settings)


async def login_with_wechat(
    *,
    code: str,
    invitation_code: str | None,
    wechat: WechatClient,
    clock: Clock,
    settings: Settings,
) -> TokenPair:
    """Exchange a wx.login code; bind the openid on first use through an admin's invitation."""
    try:
        identity = await wechat.code_to_identity(code)
    except WechatError as exc:
        code_ = (
            AuthErrorCode.WECHAT_CODE_INVALID
            if exc.is_invalid_code
            else AuthErrorCode.WECHAT_UNAVAILABLE
        )
        raise ServiceError(code_, field="code") from exc
    now = clock.now()
    async with in_transaction():
        binding = await WechatBinding.get_or_none(
            appid=wechat.appid, openid=identity.openid
        ).select_related("user")
        if binding is None:
            if not invitation_code:
                raise ServiceError(AuthErrorCode.WECHAT_NOT_BOUND, field="invitationCode")
            # Lock the invitation row alone: PostgreSQL refuses FOR UPDATE across an outer join.
            invitation = (
                await Invitation.filter(code_hash=token_hash(invitation_code.strip().upper()))
                .select_for_update()
                .first()
            )
            if invitation is None or invitation.used_at or invitation.expires_at <= now:
                raise ServiceError(AuthErrorCode.INVITATION_INVALID, field="invitationCode")
            user = await User.get(id=invitation.user_id)  # type: ignore[attr-defined]
            if await WechatBinding.filter(user_id=user.id, appid=wechat.appid).exists():
                raise ServiceError(AuthErrorCode.WECHAT_ALREADY_BOUND, field="invitationCode")
            invitation.used_at = now
            await invitation.save(update_fields=["used_at"])
            try:
                # The unique (user, appid) constraint settles a race between two invitations.
                await WechatBinding.create(
                    organisation_id=user.organisation_id,  # type: ignore[attr-defined]
                    user=user,
                    appid=wechat.appid,
                    openid=identity.openid,
                    unionid=identity.unionid,
                )
            except IntegrityError as exc:
                raise ServiceError(
                    AuthErrorCode.WECHAT_ALREADY_BOUND, field="invitationCode"
                ) from exc
            await audit.record(
                organisation_id=user.organisation_id,  # type: ignore[attr-defined]
                action="auth.wechat_bound",
                at=now,
                actor_id=user.id,
                subject_type="User",
                subject_id=str(user.id),
                data={"invitation_id": str(invitation.id)},
            )
        else:
            user = binding.user
        if not user.is_active:
            raise ServiceError(AuthErrorCode.ACCOUNT_DISABLED)
        return await _open_session(user, method="wechat", clock=clock, settings=settings)


async def refresh_tokens(*, refresh_token: str, clock: Clock, settings: Settings) -> TokenPair:
    """Rotate: the presented token is spent and a new pair is issued in the same session.

    Presenting an already spent token means it was copied: the whole session is revoked.
    """
    now = clock.now()
    stored = await RefreshToken.get_or_none(token_hash=token_hash(refresh_token)).select_related(
        "session", "session__user"
    )
    if stored is None:
        raise ServiceError(AuthErrorCode.INVALID_REFRESH_TOKEN, field="refreshToken")
    session = stored.session
    if session.revoked_at is not None or stored.expires_at <= now or session.expires_at <= now:
        raise ServiceError(AuthErrorCode.INVALID_REFRESH_TOKEN, field="refreshToken")
    async with in_transaction():
        spent = await RefreshToken.filter(id=stored.id, used_at=None).update(used_at=now)
        if spent:
            user = session.user
            if not user.is_active:
                raise ServiceError(AuthErrorCode.ACCOUNT_DISABLED)
            return await _issue_tokens(session, user, clock=clock, settings=settings)
    await _revoke_session(session, reason="refresh_reuse", now=now, actor_id=None)
    raise ServiceError(AuthErrorCode.REFRESH_TOKEN_REUSED, field="refreshToken")


async def logout(*, principal: Principal, clock: Clock, everywhere: bool = False) -> int:
    """Revoke the caller's session (or all of their sessions); returns how many."""
    now = clock.now()
    query = AuthSession.filter(user_id=principal.user_id, revoked_at=None)
    if not everywhere:
        query = query.filter(id=principal.session_id)
    async with in_transaction():  # all or nothing
        sessions = await query
        for session in sessions:
            await _revoke_session(session, reason="logout", now=now, actor_id=principal.user_id)
    return len(sessions)


async def authenticate(*, access_token: str, clock: Clock, settings: Settings) -> Principal:
    """Resolve a bearer token to a Principal; the session must still be open."""
    now = clock.now()
    try:
        claims = decode_access_token(access_token, secret=settings.secret_key, now=now)
    except InvalidToken as exc:
        raise AuthenticationFailed(str(exc)) from exc
    session = (
        await AuthSession.filter(
            id=claims.session_id,
            user_id=claims.user_id,
            organisation_id=claims.organisation_id,
            revoked_at=None,
            user__is_active=True,
        )
        .select_related("user", "user__team")
        .first()
    )
    if session is None:
        raise AuthenticationFailed("session closed")
    user = session.user
    permissions = await permissions_of(user, now=now)
    team = user.team
    return Principal(
        user_id=user.id,
        organisation_id=claims.organisation_id,
        role=user.role,
        team_id=team.id if team else None,
        team_path=team.path if team else None,
        session_id=session.id,
        permissions=permissions,
        locale=user.locale,
    )


async def permissions_of(user: User, *, now: datetime) -> frozenset[Permission]:
    """The user's effective permissions at ``now``: role set, onboarding gate, active grants."""
    granted = await active_grants(user_id=user.id, now=now).values_list("permission", flat=True)
    return effective_permissions(
        user.role, in_onboarding=user.in_onboarding, granted=[str(g) for g in granted]
    )


def active_grants(*, user_id: UUID, now: datetime) -> QuerySet[PermissionGrant]:
    return PermissionGrant.filter(
        Q(valid_until=None) | Q(valid_until__gt=now),
        user_id=user_id,
        revoked_at=None,
        valid_from__lte=now,
    )


async def grant_permission(
    *,
    actor: Principal,
    user_id: UUID,
    permission: str,
    valid_from: datetime | None,
    valid_until: datetime | None,
    reason: str,
    clock: Clock,
) -> PermissionGrant:
    """Grant one named permission to a user of the actor's organisation for a time window."""
    parsed = parse_permission(permission)
    if parsed is None:
        raise ServiceError(AuthErrorCode.PERMISSION_UNKNOWN, field="permission")
    now = clock.now()
    start = valid_from or now
    if valid_until is not None and valid_until <= start:
        raise ServiceError(AuthErrorCode.INVALID_WINDOW, field="validUntil")
    async with in_transaction():
        user = await User.get_or_none(id=user_id, organisation_id=actor.organisation_id)
        if user is None:
            raise ServiceError(AuthErrorCode.USER_NOT_FOUND, field="userId")
        grant = await PermissionGrant.create(
            organisation_id=actor.organisation_id,
            user=user,
            permission=parsed.value,
            valid_from=start,
            valid_until=valid_until,
            reason=reason.strip()[:300],
            granted_by_id=actor.user_id,
        )
        await audit.record(
            organisation_id=actor.organisation_id,
            action="permissions.granted",
            at=now,
            actor_id=actor.user_id,
            subject_type="User",
            subject_id=str(user.id),
            data={
                "grant_id": str(grant.id),
                "permission": parsed.value,
                "valid_from": start.isoformat(),
                "valid_until": valid_until.isoformat() if valid_until else None,
            },
        )
        return grant


async def revoke_grant(*, actor: Principal, grant_id: UUID, clock: Clock) -> PermissionGrant:
    now = clock.now()
    async with in_transaction():
        grant = (
            await PermissionGrant.filter(id=grant_id, organisation_id=actor.organisation_id)
            .select_for_update()
            .first()
        )
        if grant is None:
            raise ServiceError(AuthErrorCode.GRANT_NOT_FOUND, field="grantId")
        if grant.revoked_at is None:
            grant.revoked_at = now
            grant.revoked_by_id = actor.user_id  # type: ignore[attr-defined]
            await grant.save(update_fields=["revoked_at", "revoked_by_id"])
            await audit.record(
                organisation_id=actor.organisation_id,
                action="permissions.revoked",
                at=now,
                actor_id=actor.user_id,
                subject_type="User",
                subject_id=str(grant.user_id),  # type: ignore[attr-defined]
                data={"grant_id": str(grant.id), "permission": grant.permission},
            )
        return grant


INVITATION_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


async def create_invitation(
    *, actor: Principal, user_id: UUID, clock: Clock, settings: Settings
) -> tuple[Invitation, str]:
    """A single-use code the invited user enters on first WeChat login; returns (row, code)."""
    now = clock.now()
    code = "".join(secrets.choice(INVITATION_ALPHABET) for _ in range(10))
    async with in_transaction():
        user = await User.get_or_none(id=user_id, organisation_id=actor.organisation_id)
        if user is None:
            raise ServiceError(AuthErrorCode.USER_NOT_FOUND, field="userId")
        invitation = await Invitation.create(
            organisation_id=actor.organisation_id,
            user=user,
            created_by_id=actor.user_id,
            code_hash=token_hash(code),
            expires_at=now + timedelta(seconds=settings.invitation_ttl_seconds),
        )
        await audit.record(
            organisation_id=actor.organisation_id,
            action="auth.invitation_created",
            at=now,
            actor_id=actor.user_id,
            subject_type="User",
            subject_id=str(user.id),
            data={"invitation_id": str(invitation.id)},
        )
    return invitation, code


async def _open_session(user: User, *, method: str, clock: Clock, settings: Settings) -> TokenPair:
    now = clock.now()
    session = await AuthSession.create(
        organisation_id=user.organisation_id,  # type: ignore[attr-defined]
        user=user,
        method=method,
        expires_at=now + timedelta(seconds=settings.refresh_token_ttl_seconds),
    )
    await audit.record(
        organisation_id=user.organisation_id,  # type: ignore[attr-defined]
        action="auth.login",
        at=now,
        actor_id=user.id,
        subject_type="User",
        subject_id=str(user.id),
        data={"method": method, "session_id": str(session.id)},
    )
    return await _issue_tokens(session, user, clock=clock, settings=settings)


async def _issue_tokens(
    session: AuthSession, user: User, *, clock: Clock, settings: Settings
) -> TokenPair:
    now = clock.now()
    refresh = new_opaque_token()
    refresh_expires = now + timedelta(seconds=settings.refresh_token_ttl_seconds)
    await RefreshToken.create(
        session=session, token_hash=token_hash(refresh), expires_at=refresh_expires
    )
    session.expires_at = refresh_expires
    await session.save(update_fields=["expires_at"])
    access_ttl = timedelta(seconds=settings.access_token_ttl_seconds)
    access = encode_access_token(
        AccessClaims(
            user_id=user.id,
            organisation_id=user.organisation_id,  # type: ignore[attr-defined]
            session_id=session.id,
        ),
        secret=settings.secret_key,
        now=now,
        ttl=access_ttl,
    )
    return TokenPair(
        access_token=access,
        access_expires_at=now + access_ttl,
        refresh_token=refresh,
        refresh_expires_at=refresh_expires,
        user=user,
    )


async def _revoke_session(
    session: AuthSession, *, reason: str, now: datetime, actor_id: UUID | None
) -> None:
    async with in_transaction():
        revoked = await AuthSession.filter(id=session.id, revoked_at=None).update(
            revoked_at=now, revoked_reason=reason
        )
        if revoked:
            await audit.record(
                organisation_id=session.organisation_id,  # type: ignore[attr-defined]
                action="auth.session_revoked",
                at=now,
                actor_id=actor_id,
                subject_type="User",
                subject_id=str(session.user_id),  # type: ignore[attr-defined]
                data={"session_id": str(session.id), "reason": reason},
            )


async def revoke_all_sessions(*, clock: Clock, reason: str = "operator") -> int:
    """Close every open session of every organisation (operators, e.g. after a breach)."""
    now = clock.now()
    counts: dict[UUID, int] = {}
    async with in_transaction():
        for org_id in await AuthSession.filter(revoked_at=None).values_list(
            "organisation_id", flat=True
        ):
            key = UUID(str(org_id))
            counts[key] = counts.get(key, 0) + 1
        await AuthSession.filter(revoked_at=None).update(revoked_at=now, revoked_reason=reason)
        for organisation_id, count in counts.items():
            await audit.record(
                organisation_id=organisation_id,
                action="auth.all_sessions_revoked",
                at=now,
                data={"sessions": count, "reason": reason},
            )
    return sum(counts.values())
