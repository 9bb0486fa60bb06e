"""Where a hire stands on their track: each level's requirements with progress, what unlocks.

Pure: the caller measures (tasks counted, test attempts) and passes the hire's standing
(hire date, levels unlocked, held back or revoked); :func:`evaluate` answers for every level
and lists the levels to unlock now. The unlock engine, ``myOnboarding`` and the cohort view
all read this one answer, so what a hire is shown is what the engine does.

Levels unlock in order. A level a manager holds back, or one that was revoked, stays locked
(and so do the levels after it) until a person acts; an automatic evaluation never undoes a
person's decision.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from api.onboarding.definitions import Level, TaskKind, Track


@dataclass(frozen=True, slots=True)
class TestRecord:
    """The hire's submitted attempts at one test."""

    __test__ = False  # not a pytest test class, whatever its name

    attempts: int
    best: int | None  # the best score, percent
    last_at: datetime | None  # when the last attempt was submitted (the cool-down starts)


@dataclass(frozen=True, slots=True)
class Measures:
    tasks: Mapping[TaskKind, int] = field(default_factory=dict)
    tests: Mapping[str, TestRecord] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Standing:
    hired_on: date
    zone: ZoneInfo
    unlocked: frozenset[int] = frozenset()  # level numbers, 1-based
    held: frozenset[int] = frozenset()  # held back by a manager
    revoked: frozenset[int] = frozenset()  # unlocked once, then revoked


class RequirementKind(StrEnum):
    TIME = "TIME"
    TEST = "TEST"
    TASK = "TASK"


@dataclass(frozen=True, slots=True)
class Requirement:
    kind: RequirementKind
    key: str  # the test's key or the task's kind; "" for time
    needed: int  # days since hire, pass score or count
    done: int  # days so far, best score so far (0: none), count so far
    met: bool
    # TIME: when it is met. TEST: when the next attempt may start (None: now, or never).
    available_at: datetime | None = None
    attempts_left: int | None = None  # TEST only


class LevelState(StrEnum):
    UNLOCKED = "UNLOCKED"
    HELD = "HELD"  # a manager holds it back
    REVOKED = "REVOKED"
    LOCKED = "LOCKED"


@dataclass(frozen=True, slots=True)
class LevelProgress:
    number: int
    level: Level
    state: LevelState
    requirements: tuple[Requirement, ...]

    @property
    def met(self) -> bool:
        return all(r.met for r in self.requirements)


@dataclass(frozen=True, slots=True)
class Evaluation:
    levels: tuple[LevelProgress, ...]
    to_unlock: tuple[int, ...]  # level numbers whose requirements hold now, in order

    @property
    def current(self) -> int:
        """The highest level reached without a gap (0: none yet)."""
        reached = 0
        for progress in self.levels:
            if progress.state is not LevelState.UNLOCKED:
                break
            reached = progress.number
        return reached

    @property
    def next(self) -> LevelProgress | None:
        """The first level not unlocked: what the hire works towards."""
        return next((p for p in self.levels if p.state is not LevelState.UNLOCKED), None)

    @property
    def completed(self) -> bool:
        return all(p.state is LevelState.UNLOCKED for p in self.levels)


def start_of_day(day: date, zone: ZoneInfo) -> datetime:
    """Midnight of ``day`` in the organisation's time zone, as a UTC instant."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def days_since_hire(standing: Standing, now: datetime) -> int:
    """Whole local days since the hire date (0 on the hire date itself)."""
    return (now.astimezone(standing.zone).date() - standing.hired_on).days


def evaluate(track: Track, standing: Standing, measures: Measures, now: datetime) -> Evaluation:
    """Every level's requirements with progress, and the levels to unlock now."""
    levels: list[LevelProgress] = []
    to_unlock: list[int] = []
    climbing = True  # every level so far is unlocked, or unlocks now
    for number, level in enumerate(track.levels, start=1):
        requirements = _requirements(level, standing, measures, now)
        if number in standing.unlocked:
            state = LevelState.UNLOCKED
        elif number in standing.revoked:
            state = LevelState.REVOKED
        elif number in standing.held:
            state = LevelState.HELD
        else:
            state = LevelState.LOCKED
        if state is LevelState.LOCKED and climbing and all(r.met for r in requirements):
            to_unlock.append(number)
        elif state is not LevelState.UNLOCKED:
            climbing = False
        levels.append(LevelProgress(number, level, state, requirements))
    return Evaluation(tuple(levels), tuple(to_unlock))


def unlockable(
    track: Track, standing: Standing, measures: Measures, now: datetime
) -> tuple[int, ...]:
    """``evaluate(...).to_unlock``, without building every level's progress: the sweep's path
    (most hires, most of the time, unlock nothing, and this answers that in a few checks)."""
    found: list[int] = []
    days: int | None = None
    for number, level in enumerate(track.levels, start=1):
        if number in standing.unlocked:
            continue
        if number in standing.revoked or number in standing.held:
            break
        if days is None:
            days = days_since_hire(standing, now)
        if days < level.min_days:
            break
        if not all(_passed(measures.tests.get(t.test), t.pass_score) for t in level.tests):
            break
        if not all(measures.tasks.get(t.kind, 0) >= t.count for t in level.tasks):
            break
        found.append(number)
    return tuple(found)


def _passed(record: TestRecord | None, pass_score: int) -> bool:
    return record is not None and record.best is not None and record.best >= pass_score


def _requirements(
    level: Level, standing: Standing, measures: Measures, now: datetime
) -> tuple[Requirement, ...]:
    days = days_since_hire(standing, now)
    found: list[Requirement] = [
        Requirement(
            RequirementKind.TIME,
            "",
            needed=level.min_days,
            done=max(days, 0),
            met=days >= level.min_days,
            available_at=start_of_day(
                standing.hired_on + timedelta(days=level.min_days), standing.zone
            ),
        )
    ]
    for test in level.tests:
        record = measures.tests.get(test.test, TestRecord(0, None, None))
        passed = record.best is not None and record.best >= test.pass_score
        left = max(test.max_attempts - record.attempts, 0)
        available = None
        if not passed and left and record.last_at is not None and test.cooldown_minutes:
            ready = record.last_at + timedelta(minutes=test.cooldown_minutes)
            available = ready if ready > now else None
        found.append(
            Requirement(
                RequirementKind.TEST,
                test.test,
                needed=test.pass_score,
                done=record.best or 0,
                met=passed,
                available_at=available,
                attempts_left=left,
            )
        )
    for task in level.tasks:
        done = measures.tasks.get(task.kind, 0)
        found.append(
            Requirement(
                RequirementKind.TASK, task.kind.value, task.count, done, met=done >= task.count
            )
        )
    return tuple(found)
