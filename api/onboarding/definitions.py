"""Onboarding tracks: the levels a new hire climbs, what each asks and what it unlocks.

A track is per-organisation data, stored as versioned JSON (a stored version never changes,
so a hire enrolled on version 3 keeps the rules they were given). Each level asks for a
minimum time since hire, tests passed (score threshold, attempts limit, cool-down between
attempts) and tasks counted from real events (verified visits, leads touched inside their
SLA), and grants permissions. Levels are climbed in order.

:func:`parse_track` validates a whole track and names the part to fix (``levels[1].tests[0]
.pass_score``), as the routing rules do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from api.auth.permissions import ONBOARDING_GRANTABLE, Permission, parse_permission


class TaskKind(StrEnum):
    """What a task counts, from the hire's own records since they were hired."""

    # Closed field visits that count as verified: the machine's verdict, or a manager's approval
    # (``visits.service.final_verdict``).
    VISITS_VERIFIED = "VISITS_VERIFIED"
    LEADS_IN_SLA = "LEADS_IN_SLA"  # leads they own, first touched inside the first-touch SLA
    RENEWAL_LEADS_IN_SLA = "RENEWAL_LEADS_IN_SLA"  # the same, renewal leads only


MAX_LEVELS = 10
MAX_TESTS_PER_LEVEL = 5
MAX_TASKS_PER_LEVEL = 5
MAX_MIN_DAYS = 365
MAX_TASK_COUNT = 1000
MAX_ATTEMPTS = 20
MAX_COOLDOWN_MINUTES = 60 * 24 * 30
MAX_NAME = 60
KEY = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")  # used with fullmatch: no trailing newline


class TrackError(ValueError):
    """A track is malformed; ``path`` names the part to fix (``levels[1].tasks[0].count``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class TestRequirement:
    """Pass this test (a question bank, by key) with at least ``pass_score`` percent."""

    test: str
    pass_score: int
    max_attempts: int
    cooldown_minutes: int


@dataclass(frozen=True, slots=True)
class TaskRequirement:
    kind: TaskKind
    count: int


@dataclass(frozen=True, slots=True)
class Level:
    key: str
    name: str
    min_days: int  # whole days since the hire date (day 0 is the hire date)
    tests: tuple[TestRequirement, ...]
    tasks: tuple[TaskRequirement, ...]
    grants: tuple[Permission, ...]


@dataclass(frozen=True, slots=True)
class Track:
    levels: tuple[Level, ...]

    def level(self, number: int) -> Level:
        """Level ``number`` (1-based, as hires and managers count them)."""
        return self.levels[number - 1]

    @property
    def test_keys(self) -> frozenset[str]:
        return frozenset(t.test for level in self.levels for t in level.tests)

    def requirement(self, test: str) -> tuple[int, TestRequirement] | None:
        """The first level asking for ``test``, and what it asks."""
        for number, level in enumerate(self.levels, start=1):
            for requirement in level.tests:
                if requirement.test == test:
                    return number, requirement
        return None


DEFAULT_TRACK: dict[str, Any] = {
    "levels": [
        {
            "key": "renewals",
            "name": "第1周：低风险续约线索",
            "min_days": 0,
            "tests": [],
            "tasks": [],
            "grants": [Permission.LEADS_RENEWAL_LOW_RISK.value],
        },
        {
            "key": "standard-quotes",
            "name": "第2周：标准产品报价",
            "min_days": 7,
            "tests": [
                {
                    "test": "product-basics",
                    "pass_score": 80,
                    "max_attempts": 3,
                    "cooldown_minutes": 60,
                }
            ],
            "tasks": [
                {"kind": TaskKind.VISITS_VERIFIED.value, "count": 3},
                {"kind": TaskKind.RENEWAL_LEADS_IN_SLA.value, "count": 3},
            ],
            "grants": [Permission.QUOTES_STANDARD.value, Permission.LEADS_ALL.value],
        },
        {
            "key": "custom-proposals",
            "name": "第3周：定制方案协作",
            "min_days": 14,
            "tests": [
                {"test": "solutions", "pass_score": 80, "max_attempts": 3, "cooldown_minutes": 60}
            ],
            "tasks": [
                {"kind": TaskKind.VISITS_VERIFIED.value, "count": 8},
                {"kind": TaskKind.LEADS_IN_SLA.value, "count": 8},
            ],
            "grants": [Permission.PROPOSALS_CUSTOM.value],
        },
    ]
}
"""DOMAIN.md §4: week 1 low-risk renewal leads; week 2 standard quotes (and every lead);
week 3 custom-proposal collaboration."""


def parse_track(data: Any) -> Track:
    """Validate a track's JSON; :class:`TrackError` names the first problem."""
    _object(data, "", {"levels"})
    levels = data["levels"]
    if not isinstance(levels, list) or not levels:
        raise TrackError("levels", "must be a non-empty list")
    if len(levels) > MAX_LEVELS:
        raise TrackError("levels", f"at most {MAX_LEVELS} levels")
    parsed = [_level(item, f"levels[{i}]") for i, item in enumerate(levels)]
    keys = [level.key for level in parsed]
    tests: set[str] = set()
    for index, level in enumerate(parsed):
        if level.key in keys[:index]:
            raise TrackError(f"levels[{index}].key", "is used by an earlier level")
        for position, requirement in enumerate(level.tests):
            if requirement.test in tests:
                # Attempts and cool-downs are counted per test: one level owns each test.
                raise TrackError(
                    f"levels[{index}].tests[{position}].test", "an earlier level asks for it"
                )
            tests.add(requirement.test)
    for index in range(1, len(parsed)):
        if parsed[index].min_days < parsed[index - 1].min_days:
            raise TrackError(
                f"levels[{index}].min_days", "must not be earlier than the previous level's"
            )
    return Track(tuple(parsed))


def dump_track(track: Track) -> dict[str, Any]:
    """The JSON form of a track (``parse_track(dump_track(t)) == t``)."""
    return {
        "levels": [
            {
                "key": level.key,
                "name": level.name,
                "min_days": level.min_days,
                "tests": [
                    {
                        "test": t.test,
                        "pass_score": t.pass_score,
                        "max_attempts": t.max_attempts,
                        "cooldown_minutes": t.cooldown_minutes,
                    }
                    for t in level.tests
                ],
                "tasks": [{"kind": t.kind.value, "count": t.count} for t in level.tasks],
                "grants": [p.value for p in level.grants],
            }
            for level in track.levels
        ]
    }


def _level(data: Any, path: str) -> Level:
    _object(data, path, {"key", "name", "min_days", "tests", "tasks", "grants"}, {"key", "name"})
    key = data["key"]
    if not isinstance(key, str) or not KEY.fullmatch(key):
        raise TrackError(f"{path}.key", "lower-case letters, digits, - and _, up to 32")
    name = data["name"]
    if not isinstance(name, str) or not name.strip() or len(name.strip()) > MAX_NAME:
        raise TrackError(f"{path}.name", f"1 to {MAX_NAME} characters")
    min_days = _integer(data.get("min_days", 0), f"{path}.min_days", 0, MAX_MIN_DAYS)
    tests = _list(data.get("tests", []), f"{path}.tests", MAX_TESTS_PER_LEVEL)
    tasks = _list(data.get("tasks", []), f"{path}.tasks", MAX_TASKS_PER_LEVEL)
    grants = _list(data.get("grants", []), f"{path}.grants", len(ONBOARDING_GRANTABLE))
    parsed_tests = tuple(_test(t, f"{path}.tests[{i}]") for i, t in enumerate(tests))
    if len({t.test for t in parsed_tests}) != len(parsed_tests):
        raise TrackError(f"{path}.tests", "a test is listed twice")
    parsed_tasks = tuple(_task(t, f"{path}.tasks[{i}]") for i, t in enumerate(tasks))
    if len({t.kind for t in parsed_tasks}) != len(parsed_tasks):
        raise TrackError(f"{path}.tasks", "a task kind is listed twice")
    permissions: list[Permission] = []
    for index, grant in enumerate(grants):
        permission = parse_permission(grant) if isinstance(grant, str) else None
        if permission is None:
            raise TrackError(f"{path}.grants[{index}]", "is not a permission")
        if permission not in ONBOARDING_GRANTABLE:
            raise TrackError(f"{path}.grants[{index}]", "is not a permission onboarding unlocks")
        if permission in permissions:
            raise TrackError(f"{path}.grants[{index}]", "is listed twice")
        permissions.append(permission)
    return Level(
        key=key,
        name=name.strip(),
        min_days=min_days,
        tests=parsed_tests,
        tasks=parsed_tasks,
        grants=tuple(permissions),
    )


def _test(data: Any, path: str) -> TestRequirement:
    _object(
        data,
        path,
        {"test", "pass_score", "max_attempts", "cooldown_minutes"},
        {"test", "pass_score"},
    )
    test = data["test"]
    if not isinstance(test, str) or not KEY.fullmatch(test):
        raise TrackError(f"{path}.test", "a question bank's key")
    return TestRequirement(
        test=test,
        pass_score=_integer(data["pass_score"], f"{path}.pass_score", 1, 100),
        max_attempts=_integer(data.get("max_attempts", 3), f"{path}.max_attempts", 1, MAX_ATTEMPTS),
        cooldown_minutes=_integer(
            data.get("cooldown_minutes", 0), f"{path}.cooldown_minutes", 0, MAX_COOLDOWN_MINUTES
        ),
    )


def _task(data: Any, path: str) -> TaskRequirement:
    _object(data, path, {"kind", "count"}, {"kind", "count"})
    try:
        kind = TaskKind(data["kind"])
    except ValueError:
        raise TrackError(f"{path}.kind", "unknown task kind") from None
    return TaskRequirement(kind, _integer(data["count"], f"{path}.count", 1, MAX_TASK_COUNT))


def _object(data: Any, path: str, allowed: set[str], required: set[str] | None = None) -> None:
    if not isinstance(data, dict):
        raise TrackError(path or "track", "must be an object")
    for key in data:
        if key not in allowed:
            raise TrackError(_join(path, key), "is not a known field")
    for key in sorted(required if required is not None else allowed):
        if key not in data:
            raise TrackError(_join(path, key), "is required")


def _join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def _list(data: Any, path: str, limit: int) -> list[Any]:
    if not isinstance(data, list):
        raise TrackError(path, "must be a list")
    if len(data) > limit:
        raise TrackError(path, f"at most {limit} entries")
    return data


def _integer(value: Any, path: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise TrackError(path, f"a whole number from {low} to {high}")
    return value
