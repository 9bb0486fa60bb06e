"""Brute-force protection for password logins: failures counted per username in Redis."""

from __future__ import annotations

import hashlib

from redis.asyncio import Redis


class LoginThrottle:
    """After ``max_failures`` failed logins within ``window_seconds``, refuse the username.

    Keys hold a hash of the username, never the name itself.
    """

    def __init__(self, redis: Redis, *, max_failures: int, window_seconds: int) -> None:
        self._redis = redis
        self._max = max_failures
        self._window = window_seconds

    @staticmethod
    def _key(username: str) -> str:
        digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
        return f"liuhen:login-failures:{digest}"

    async def is_locked(self, username: str) -> bool:
        count = await self._redis.get(self._key(username))
        return count is not None and int(count) >= self._max

    async def record_failure(self, username: str) -> None:
        key = self._key(username)
        async with self._redis.pipeline(transaction=True) as pipe:
            # The window starts at the first failure (SET NX EX works on Redis 6 and 7).
            pipe.set(key, 0, ex=self._window, nx=True)
            pipe.incr(key)
            await pipe.execute()

    async def reset(self, username: str) -> None:
        await self._redis.delete(self._key(username))
