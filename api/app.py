"""The starlette application: routes, lifespan (database, Redis, media store, WeChat client)."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route, WebSocketRoute
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL

from api.auth.wechat import WechatClient
from api.clock import Clock, SystemClock
from api.db import close_db, init_db, ping
from api.graphql_app import LiuhenGraphQL
from api.leads.webhooks import routes as lead_webhook_routes
from api.redis import create_arq, shutdown_embedded
from api.schema import build_schema
from api.services import Services
from api.settings import Settings
from api.uploads.routes import routes as upload_routes
from api.uploads.store import LocalMediaStore
from verification.watermark import cjk_font_path

log = logging.getLogger(__name__)


async def build_services(settings: Settings, *, clock: Clock | None = None) -> Services:
    """Connect everything a process needs: database, Redis, media store, WeChat client."""
    await init_db(settings)
    return Services(
        settings=settings,
        clock=clock or SystemClock(),
        arq=await create_arq(settings),
        media=LocalMediaStore(settings.media_dir),
        wechat=WechatClient(
            base_url=settings.wechat_api_base,
            appid=settings.wechat_appid,
            secret=settings.wechat_secret,
            timeout=settings.wechat_timeout_seconds,
        ),
    )


async def close_services(services: Services) -> None:
    await services.wechat.aclose()
    await services.arq.aclose()
    await close_db()
    if services.settings.uses_embedded_redis:
        shutdown_embedded()


async def healthz(request: Request) -> JSONResponse:
    services: Services = request.app.state.services
    checks: dict[str, str] = {}
    try:
        await ping()
        checks["database"] = "ok"
    except Exception as exc:
        log.warning("health check: database unreachable (%s)", type(exc).__name__)
        checks["database"] = "unreachable"
    try:
        await services.arq.ping()
        checks["redis"] = "ok"
    except Exception as exc:
        log.warning("health check: redis unreachable (%s)", type(exc).__name__)
        checks["redis"] = "unreachable"
    healthy = all(v == "ok" for v in checks.values())
    return JSONResponse(
        {"status": "ok" if healthy else "unavailable", **checks},
        status_code=200 if healthy else 503,
    )


def create_app(settings: Settings | None = None, *, services: Services | None = None) -> Starlette:
    """The ASGI app. Pass ``services`` to share already-open resources (tests, `liuhen demo`)."""
    settings = services.settings if services else settings or Settings.from_env()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        if services is not None:
            app.state.services = services
            yield
            return
        own = await build_services(settings)
        app.state.services = own
        if cjk_font_path() is None:
            log.warning(
                "no CJK font found: Chinese text on photo watermarks will not render "
                "(install fonts-wqy-microhei or fonts-noto-cjk)"
            )
        try:
            yield
        finally:
            await close_services(own)

    graphql = LiuhenGraphQL(
        build_schema(settings),
        graphql_ide="graphiql" if settings.graphiql else None,
        allow_queries_via_get=False,
        subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL,),
        max_subscriptions_per_connection=settings.max_subscriptions_per_connection,
    )
    app = Starlette(
        routes=[
            Route("/graphql", graphql, methods=["GET", "POST"]),
            WebSocketRoute("/graphql", graphql),
            Route("/healthz", healthz, methods=["GET"]),
            *upload_routes(),
            *lead_webhook_routes(),
        ],
        lifespan=lifespan,
    )
    if services is not None:
        app.state.services = services
    return app
