"""Retry policy: exponential back-off with a cap and deterministic jitter."""

from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import timedelta

JITTER = 0.10  # each delay moves by up to +-10%


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """How often and how long to wait before trying a failed delivery again."""

    max_attempts: int = 6
    first_delay: timedelta = timedelta(seconds=10)
    factor: float = 2.0
    max_delay: timedelta = timedelta(minutes=30)

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ValueError("max_attempts must be at least 1")
        if self.first_delay <= timedelta(0):
            raise ValueError("first_delay must be positive")
        if self.factor < 1.0:
            raise ValueError("factor must be at least 1")
        if self.max_delay < self.first_delay:
            raise ValueError("max_delay must not be shorter than first_delay")

    def delay_after(
        self, attempt: int, *, key: str = "", retry_after: timedelta | None = None
    ) -> timedelta:
        """The wait before attempt `attempt + 1` once `attempt` attempts have failed.

        Exponential from first_delay, capped at max_delay, moved by a jitter of up to +-10% that
        depends only on (key, attempt), so re-running a job computes the same time. A server's
        `retry_after` wins when it asks for longer.
        """
        if attempt < 1:
            raise ValueError("attempt counts failed attempts and starts at 1")
        first = self.first_delay.total_seconds()
        cap = self.max_delay.total_seconds()
        # Compare logarithms rather than compute factor ** n, which overflows for large n.
        exponent = attempt - 1
        if exponent * math.log(self.factor) >= math.log(cap / first):
            base = cap
        else:
            base = first * self.factor**exponent
        seconds = min(base * (1.0 + _jitter(key, attempt)), cap)
        delay = timedelta(seconds=round(seconds, 3))
        if retry_after is not None and retry_after > delay:
            return retry_after
        return delay

    def exhausted(self, attempts: int) -> bool:
        """Whether `attempts` attempts use up the policy."""
        return attempts >= self.max_attempts


def _jitter(key: str, attempt: int) -> float:
    """A value in [-JITTER, +JITTER) fixed by (key, attempt)."""
    digest = hashlib.sha256(f"{key}\x00{attempt}".encode()).digest()
    unit = int.from_bytes(digest[:8], "big") / 2**64
    return (2.0 * unit - 1.0) * JITTER


DEFAULT_RETRY = RetryPolicy()
