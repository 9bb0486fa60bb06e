"""Access tokens (short-lived JWT) and refresh tokens (random, stored only as a hash)."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

import jwt

ALGORITHM = "HS256"
ISSUER = "liuhen"


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: UUID
    organisation_id: UUID
    session_id: UUID


class InvalidToken(Exception):
    """The token is malformed, forged, of the wrong type or expired."""


def encode_access_token(claims: AccessClaims, *, secret: str, now: datetime, ttl: timedelta) -> str:
    payload = {
        "iss": ISSUER,
        "typ": "access",
        "sub": str(claims.user_id),
        "org": str(claims.organisation_id),
        "sid": str(claims.session_id),
        "iat": int(now.timestamp()),
        "exp": int((now + ttl).timestamp()),
    }
    return jwt.encode(payload, secret, algorithm=ALGORITHM)


def decode_access_token(token: str, *, secret: str, now: datetime) -> AccessClaims:
    """Verify signature, issuer, type and expiry against ``now`` (the injectable clock)."""
    try:
        payload = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            # Time is checked below against the injected clock, not the wall clock.
            options={
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
                "require": ["exp", "sub", "org", "sid", "typ"],
            },
        )
        if payload["typ"] != "access" or int(payload["exp"]) <= int(now.timestamp()):
            raise InvalidToken("expired or wrong type")
        return AccessClaims(
            user_id=UUID(payload["sub"]),
            organisation_id=UUID(payload["org"]),
            session_id=UUID(payload["sid"]),
        )
    except (jwt.PyJWTError, ValueError, KeyError, TypeError) as exc:
        raise InvalidToken(type(exc).__name__) from exc


def new_opaque_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
