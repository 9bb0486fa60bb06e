"""Escalation policy: how long each level of the management chain has to acknowledge an alert."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Self

MAX_LEVELS = 5
MIN_DEADLINE = timedelta(minutes=1)
MAX_DEADLINE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class EscalationPolicy:
    """deadlines[i] is how long level-i recipients have before the alert goes one level up.

    Level 0 are the original recipients; an alert escalates at most len(deadlines) times.
    """

    deadlines: tuple[timedelta, ...]

    def __post_init__(self) -> None:
        deadlines = tuple(self.deadlines)
        object.__setattr__(self, "deadlines", deadlines)
        if not 1 <= len(deadlines) <= MAX_LEVELS:
            raise ValueError(f"an escalation policy has 1 to {MAX_LEVELS} deadlines")
        for index, deadline in enumerate(deadlines):
            if not isinstance(deadline, timedelta):
                raise ValueError(f"deadline {index + 1} must be a duration")
            if not MIN_DEADLINE <= deadline <= MAX_DEADLINE:
                raise ValueError(f"deadline {index + 1} must be between 1 minute and 7 days")
            if deadline.microseconds:
                raise ValueError(f"deadline {index + 1} must be a whole number of seconds")

    def deadline_for(self, level: int) -> timedelta | None:
        """The time level `level` has to acknowledge, or None when there is no level above."""
        if level < 0:
            raise ValueError("escalation levels start at 0")
        if level >= len(self.deadlines):
            return None
        return self.deadlines[level]

    def to_json(self) -> dict[str, object]:
        """The policy as JSON-ready data: {"deadlines_seconds": [900, 1800]}."""
        return {"deadlines_seconds": [int(d.total_seconds()) for d in self.deadlines]}

    @classmethod
    def from_json(cls, data: Mapping[str, object]) -> Self:
        """Read a policy written by to_json, validating it."""
        raw = data.get("deadlines_seconds") if isinstance(data, Mapping) else None
        if not isinstance(raw, list | tuple):
            raise ValueError("deadlines_seconds must be a list of whole seconds")
        seconds: list[int] = []
        for value in raw:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError("deadlines_seconds must be a list of whole seconds")
            seconds.append(value)
        return cls(tuple(timedelta(seconds=s) for s in seconds))

    @classmethod
    def of_minutes(cls, *minutes: int) -> Self:
        """A policy from deadlines in minutes: of_minutes(15, 30)."""
        return cls(tuple(timedelta(minutes=m) for m in minutes))
