"""Escalation policy: bounds, levels, JSON."""

from __future__ import annotations

from datetime import timedelta

import pytest

from notifications.escalation import EscalationPolicy


def test_deadline_for_each_level() -> None:
    policy = EscalationPolicy.of_minutes(15, 30)

    assert policy.deadline_for(0) == timedelta(minutes=15)
    assert policy.deadline_for(1) == timedelta(minutes=30)
    assert policy.deadline_for(2) is None
    with pytest.raises(ValueError):
        policy.deadline_for(-1)


def test_json_round_trip() -> None:
    policy = EscalationPolicy.of_minutes(15, 30, 24 * 60)

    data = policy.to_json()

    assert data == {"deadlines_seconds": [900, 1800, 86400]}
    assert EscalationPolicy.from_json(data) == policy


@pytest.mark.parametrize(
    "minutes",
    [(), (15, 15, 15, 15, 15, 15), (0,), (15, 7 * 24 * 60 + 1)],
)
def test_bounds(minutes: tuple[int, ...]) -> None:
    with pytest.raises(ValueError, match="deadline"):
        EscalationPolicy.of_minutes(*minutes)


def test_the_extremes_are_allowed() -> None:
    policy = EscalationPolicy.of_minutes(1, 7 * 24 * 60, 60, 60, 60)
    assert len(policy.deadlines) == 5


def test_fractions_of_seconds_are_rejected() -> None:
    with pytest.raises(ValueError, match="whole number of seconds"):
        EscalationPolicy((timedelta(minutes=2, microseconds=5),))


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"deadlines_seconds": "900"},
        {"deadlines_seconds": [900.5]},
        {"deadlines_seconds": [True]},
        {"deadlines_seconds": [30]},
        {"deadlines_seconds": []},
    ],
)
def test_from_json_validates(data: dict[str, object]) -> None:
    with pytest.raises(ValueError):
        EscalationPolicy.from_json(data)
