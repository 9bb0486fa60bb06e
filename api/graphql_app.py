"""The strawberry ASGI view: request size limit, authentication, per-request context."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Message, Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.exceptions import ConnectionRejectionError
from strawberry.types.unset import UnsetType

from api import i18n
from api.auth.http import AuthenticationFailed, principal_from
from api.auth.service import authenticate
from api.context import Context
from api.loaders import Loaders
from api.services import Services


class LiuhenGraphQL(GraphQL[Context, None]):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("method") == "POST":
            services: Services = scope["app"].state.services
            body = await _read_body(scope, receive, services.settings.max_request_bytes)
            if body is None:
                await _too_large(scope, receive, send)
                return
            receive = _replay(body)
        await super().__call__(scope, receive, send)

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        services: Services = request.app.state.services
        locale = i18n.negotiate(request.headers.get("accept-language"))
        try:
            principal = await principal_from(request, services)
        except AuthenticationFailed:
            principal = None
        return Context(
            request=request,
            response=response if isinstance(response, Response) else None,
            services=services,
            locale=locale,
            principal=principal,
            loaders=Loaders(principal),
        )

    async def on_ws_connect(self, context: Context) -> UnsetType | dict[str, object] | None:
        """Authenticate a websocket by its header or its ``connection_init`` payload.

        The mini-program's ``wx.connectSocket`` can send an ``Authorization`` header; browser
        clients cannot, and send ``{"Authorization": "Bearer <token>"}`` as the payload instead.
        A connection with neither, or with a bad token, is closed with 4403.
        """
        if context.principal is None:
            raw = (context.connection_params or {}).get("Authorization") or (
                context.connection_params or {}
            ).get("authorization")
            scheme, _, token = str(raw or "").partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise ConnectionRejectionError()
            services = context.services
            try:
                context.principal = await authenticate(
                    access_token=token.strip(), clock=services.clock, settings=services.settings
                )
            except AuthenticationFailed as exc:
                raise ConnectionRejectionError() from exc
            context.loaders = Loaders(context.principal)
        return await super().on_ws_connect(context)


async def _read_body(scope: Scope, receive: Receive, limit: int) -> bytes | None:
    """The whole request body, or None as soon as it (declared or streamed) exceeds ``limit``."""
    declared = dict(scope.get("headers") or []).get(b"content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes) -> Receive:
    sent = False

    async def receive() -> Message:
        nonlocal sent
        if sent:
            return {"type": "http.disconnect"}
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    locale = i18n.negotiate(dict(scope.get("headers") or []).get(b"accept-language", b"").decode())
    code = "REQUEST_TOO_LARGE"
    body: dict[str, Any] = {
        "errors": [{"message": i18n.message(code, locale), "extensions": {"code": code}}]
    }
    await JSONResponse(body, status_code=413)(scope, receive, send)


i18n.register({"REQUEST_TOO_LARGE": ("请求体过大", "The request body is too large")})
