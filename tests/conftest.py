"""Shared fixtures: a real database (SQLite file or PostgreSQL), a real Redis, a frozen clock.

The suite runs against the embedded defaults unless LIUHEN_DATABASE_URL / LIUHEN_REDIS_URL are
set, in which case it uses those servers (and wipes the database's public schema first).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from arq.connections import ArqRedis
from tortoise import Tortoise, connections

from api.app import create_app
from api.auth.wechat import WechatClient
from api.clock import FrozenClock
from api.db import close_db, init_db, migrate
from api.redis import create_arq, shutdown_embedded
from api.services import Services
from api.settings import Settings
from api.uploads.store import LocalMediaStore
from tests.factories import PASSWORD

START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, a Tuesday


@pytest.fixture(scope="session")
def var_dir() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="liuhen-test-") as d:
        yield Path(d)


@pytest.fixture(scope="session")
def settings(var_dir: Path) -> Settings:
    env = {k: v for k, v in os.environ.items() if k.startswith("LIUHEN_")}
    env.setdefault("LIUHEN_ENV", "test")
    env["LIUHEN_VAR_DIR"] = str(var_dir)
    env.setdefault("LIUHEN_SECRET_KEY", "test-secret-" + "x" * 40)
    env.setdefault("LIUHEN_WECHAT_APPID", "wx-test-appid")
    env.setdefault("LIUHEN_WECHAT_SECRET", "wx-test-secret")
    return Settings.from_env(env)


async def _reset_postgres(settings: Settings) -> None:
    import asyncpg

    url = settings.database_url.replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


@pytest.fixture(scope="session")
async def database(settings: Settings) -> AsyncIterator[Settings]:
    if not settings.uses_embedded_database:
        await _reset_postgres(settings)
    await migrate(settings)
    await close_db()
    await init_db(settings)
    yield settings
    await close_db()


_RELATIONS = {"ForeignKeyFieldInstance", "OneToOneFieldInstance"}


def _tables_in_delete_order() -> list[str]:
    """Every model table, each one before the tables it references."""
    models = [m for app in Tortoise.apps.values() for m in app.values()]
    parents = {
        m._meta.db_table: {
            f.related_model._meta.db_table
            for f in m._meta.fields_map.values()
            if type(f).__name__ in _RELATIONS
        }
        for m in models
        if m._meta.db_table != "aerich"
    }
    ordered: list[str] = []
    while len(ordered) < len(parents):
        for table in parents:
            if table in ordered:
                continue
            referenced_by = [t for t, ps in parents.items() if table in ps and t != table]
            if all(t in ordered for t in referenced_by):
                ordered.append(table)
    return ordered


@pytest.fixture
async def db(database: Settings) -> AsyncIterator[None]:
    """An empty database for each test."""
    conn = connections.get("default")
    tables = _tables_in_delete_order()
    if database.uses_embedded_database:
        # RESTRICT is checked row by row in SQLite: a team tree cannot be deleted in one go.
        deletes = "".join(f'DELETE FROM "{t}";' for t in tables)  # noqa: S608 - model tables
        await conn.execute_script(f"PRAGMA foreign_keys=OFF;{deletes}PRAGMA foreign_keys=ON;")
    else:
        await conn.execute_script(
            "TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE;"
        )
    yield


@pytest.fixture(scope="session")
async def arq_redis_session(settings: Settings) -> AsyncIterator[ArqRedis]:
    redis = await create_arq(settings)
    yield redis
    await redis.aclose()
    shutdown_embedded(force=True)


@pytest.fixture
async def arq_redis(arq_redis_session: ArqRedis) -> ArqRedis:
    """The real Redis, its database emptied for each test."""
    await arq_redis_session.flushdb()
    return arq_redis_session


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock(START)


# --- the HTTP API --------------------------------------------------------------------------


class Api:
    """Drives the real ASGI app over httpx: GraphQL requests, logins, uploads."""

    def __init__(self, client: httpx.AsyncClient, services: Services) -> None:
        self.client = client
        self.services = services

    async def graphql(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        response = await self.client.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=all_headers
        )
        assert response.headers["content-type"].startswith("application/json"), response.text
        body: dict[str, Any] = response.json()
        return body

    async def login(self, username: str, password: str = PASSWORD) -> str:
        body = await self.graphql(LOGIN, {"username": username, "password": password})
        payload = body["data"]["login"]
        assert payload["errors"] == [], payload
        token: str = payload["tokens"]["accessToken"]
        return token


LOGIN = """
mutation Login($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    tokens { accessToken refreshToken user { id } }
    errors { code field message }
  }
}
"""


@pytest.fixture
def media_store(tmp_path: Path) -> LocalMediaStore:
    return LocalMediaStore(tmp_path / "media")


@pytest.fixture
def wechat_base_url() -> str:
    """Where the WeChat API lives for this test; tests with a fake server override it."""
    return "http://127.0.0.1:9"


@pytest.fixture
async def services(
    db: None,
    settings: Settings,
    clock: FrozenClock,
    arq_redis: ArqRedis,
    media_store: LocalMediaStore,
    wechat_base_url: str,
) -> AsyncIterator[Services]:
    wechat = WechatClient(
        base_url=wechat_base_url, appid=settings.wechat_appid, secret=settings.wechat_secret
    )
    yield Services(settings=settings, clock=clock, arq=arq_redis, media=media_store, wechat=wechat)
    await wechat.aclose()


@pytest.fixture
async def api(services: Services) -> AsyncIterator[Api]:
    app = create_app(services=services)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://liuhen.test") as client:
        yield Api(client, services)
