"""Retry policy: exponential, capped, deterministic jitter."""

from __future__ import annotations

from datetime import timedelta

import pytest

from notifications.retry import DEFAULT_RETRY, RetryPolicy

NO_CAP = RetryPolicy(max_attempts=20, max_delay=timedelta(days=30))


def test_delays_grow_exponentially_within_the_jitter() -> None:
    for attempt in range(1, 10):
        base = 10 * 2 ** (attempt - 1)
        delay = NO_CAP.delay_after(attempt, key="delivery-1").total_seconds()
        assert base * 0.9 <= delay <= base * 1.1


def test_delays_are_capped() -> None:
    cap = DEFAULT_RETRY.max_delay
    assert DEFAULT_RETRY.delay_after(8, key="k") <= cap
    assert DEFAULT_RETRY.delay_after(50, key="k") <= cap
    assert DEFAULT_RETRY.delay_after(10_000, key="k") >= cap * 0.9


def test_jitter_is_deterministic_per_key_and_attempt() -> None:
    assert DEFAULT_RETRY.delay_after(3, key="a") == DEFAULT_RETRY.delay_after(3, key="a")
    spread = {NO_CAP.delay_after(3, key=f"delivery-{i}") for i in range(50)}
    assert len(spread) > 40
    assert min(spread) >= timedelta(seconds=36) and max(spread) <= timedelta(seconds=44)
    assert max(spread) - min(spread) > timedelta(seconds=4)  # the jitter really spreads


def test_a_longer_retry_after_wins() -> None:
    asked = timedelta(minutes=5)
    assert DEFAULT_RETRY.delay_after(1, key="k", retry_after=asked) == asked
    short = timedelta(seconds=1)
    assert DEFAULT_RETRY.delay_after(1, key="k", retry_after=short) > short


def test_exhausted() -> None:
    assert not DEFAULT_RETRY.exhausted(5)
    assert DEFAULT_RETRY.exhausted(6)
    assert DEFAULT_RETRY.exhausted(7)


def test_attempts_start_at_one() -> None:
    with pytest.raises(ValueError, match="starts at 1"):
        DEFAULT_RETRY.delay_after(0)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"max_attempts": 0},
        {"first_delay": timedelta(0)},
        {"factor": 0.5},
        {"first_delay": timedelta(minutes=5), "max_delay": timedelta(minutes=1)},
    ],
)
def test_invalid_policies_are_rejected(kwargs: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        RetryPolicy(**kwargs)  # type: ignore[arg-type]
