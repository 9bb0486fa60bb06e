"""GraphQL types of authentication."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.auth.errors import AuthErrorCode
from api.auth.service import TokenPair
from api.org.types import OrganisationType, UserType

AuthErrorCodeEnum = strawberry.enum(AuthErrorCode, name="AuthErrorCode")


@strawberry.type
class AuthError:
    code: AuthErrorCodeEnum  # type: ignore[valid-type]
    field: str | None
    message: str


@strawberry.type
class AuthTokens:
    access_token: str
    access_token_expires_at: datetime
    refresh_token: str
    refresh_token_expires_at: datetime
    user: UserType

    @classmethod
    def from_pair(cls, pair: TokenPair) -> AuthTokens:
        return cls(
            access_token=pair.access_token,
            access_token_expires_at=pair.access_expires_at,
            refresh_token=pair.refresh_token,
            refresh_token_expires_at=pair.refresh_expires_at,
            user=UserType.from_row(pair.user),
        )


@strawberry.type
class AuthPayload:
    tokens: AuthTokens | None = None
    errors: list[AuthError] = strawberry.field(default_factory=list)


@strawberry.type
class LogoutPayload:
    revoked_sessions: int
    errors: list[AuthError] = strawberry.field(default_factory=list)


@strawberry.type
class Viewer:
    user: UserType
    organisation: OrganisationType
    permissions: list[str]
