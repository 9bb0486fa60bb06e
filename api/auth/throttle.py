"""Brute-force protection for password logins: attempts counted per username in Redis."""

from __future__ import annotations

import hashlib

from redis.asyncio import Redis


class LoginThrottle:
    """At most ``max_failures`` unsuccessful attempts per username within ``window_seconds``.

    An attempt is claimed atomically *before* the password is checked, so concurrent guesses
    cannot slip past the limit; a successful login clears the count. Keys hold a hash of the
    username, never the name itself.
    """

    def __init__(self, redis: Redis, *, max_failures: int, window_seconds: int) -> None:
        self._redis = redis
        self._max = max_failures
        self._window = window_seconds

    @staticmethod
    def _key(username: str) -> str:
        digest = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
        return f"liuhen:login-attempts:{digest}"

    async def claim_attempt(self, username: str) -> bool:
        """Count one attempt; False when the username has used up its attempts."""
        key = self._key(username)
        async with self._redis.pipeline(transaction=True) as pipe:
            # The window starts at the first attempt (SET NX EX works on Redis 6 and 7).
            pipe.set(key, 0, ex=self._window, nx=True)
            pipe.incr(key)
            _, count = await pipe.execute()
        return int(count) <= self._max

    async def reset(self, username: str) -> None:
        await self._redis.delete(self._key(username))
