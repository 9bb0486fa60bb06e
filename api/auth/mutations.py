"""Login, token refresh and logout."""

from __future__ import annotations

import strawberry

from api.auth import service
from api.auth.throttle import LoginThrottle
from api.auth.types import AuthError, AuthPayload, AuthTokens, LogoutPayload
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.permissions import IsAuthenticated


@strawberry.type
class AuthMutations:
    @strawberry.mutation(description="Log in with a username and password.")
    async def login(self, info: Info, username: str, password: str) -> AuthPayload:
        ctx = info.context
        try:
            pair = await service.login_with_password(
                throttle=LoginThrottle(
                    ctx.services.arq,
                    max_failures=ctx.settings.login_max_failures,
                    window_seconds=ctx.settings.login_lockout_seconds,
                ),
                username=username[:64],
                password=password[:256],
                clock=ctx.clock,
                settings=ctx.settings,
            )
        except ServiceError as exc:
            return AuthPayload(errors=user_errors(exc, AuthError, ctx.locale))
        return AuthPayload(tokens=AuthTokens.from_pair(pair))

    @strawberry.mutation(
        description="Log in from the mini-program with a wx.login code; the first login of a "
        "WeChat account needs the invitation code an admin issued."
    )
    async def login_with_wechat(
        self, info: Info, code: str, invitation_code: str | None = None
    ) -> AuthPayload:
        ctx = info.context
        try:
            pair = await service.login_with_wechat(
                code=code[:128],
                invitation_code=invitation_code[:32] if invitation_code else None,
                wechat=ctx.services.wechat,
                clock=ctx.clock,
                settings=ctx.settings,
            )
        except ServiceError as exc:
            return AuthPayload(errors=user_errors(exc, AuthError, ctx.locale))
        return AuthPayload(tokens=AuthTokens.from_pair(pair))

    @strawberry.mutation(
        description="Exchange a refresh token for a new pair (the old one is spent)."
    )
    async def refresh_token(self, info: Info, refresh_token: str) -> AuthPayload:
        ctx = info.context
        try:
            pair = await service.refresh_tokens(
                refresh_token=refresh_token[:128], clock=ctx.clock, settings=ctx.settings
            )
        except ServiceError as exc:
            return AuthPayload(errors=user_errors(exc, AuthError, ctx.locale))
        return AuthPayload(tokens=AuthTokens.from_pair(pair))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def logout(self, info: Info, everywhere: bool = False) -> LogoutPayload:
        ctx = info.context
        count = await service.logout(
            principal=ctx.require_principal(), clock=ctx.clock, everywhere=everywhere
        )
        return LogoutPayload(revoked_sessions=count)
