"""Bearer-token authentication of HTTP requests (GraphQL and plain routes alike)."""

from __future__ import annotations

from starlette.requests import HTTPConnection

from api.auth.principal import Principal
from api.auth.service import AuthenticationFailed, authenticate
from api.services import Services


def bearer_token(connection: HTTPConnection) -> str | None:
    header = connection.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        return None
    return token.strip()


async def principal_from(connection: HTTPConnection, services: Services) -> Principal | None:
    """The caller, or None without a token. Raises AuthenticationFailed for a bad token."""
    token = bearer_token(connection)
    if token is None:
        return None
    return await authenticate(access_token=token, clock=services.clock, settings=services.settings)


__all__ = ["AuthenticationFailed", "bearer_token", "principal_from"]
