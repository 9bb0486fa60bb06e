"""What people see of onboarding: a hire's own progress, a manager's cohort, time to level.

Every view reads the engine's own assessment (``engine.assess``), so what a hire is told is
what the engine will do.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from api.auth.principal import Principal
from api.onboarding import engine
from api.onboarding.engine import Assessed
from api.onboarding.evaluation import Measures, Standing, days_since_hire, evaluate
from api.onboarding.measure import measure
from api.onboarding.models import (
    Enrolment,
    EnrolmentStatus,
    LevelUnlock,
    OnboardingTest,
    TestAttempt,
    VersionStatus,
)
from api.org.models import Organisation
from api.org.scope import visible_user_ids

MAX_COHORT = 2000


@dataclass(frozen=True, slots=True)
class AvailableTest:
    key: str
    title: str
    level: int
    pass_score: int
    attempts_used: int
    attempts_left: int
    best: int | None
    passed: bool
    available_at: datetime | None  # cooling down until then
    in_progress: UUID | None  # an attempt started and not submitted
    exists: bool  # the organisation has a bank for it
    open: bool  # the enrolment is active (a finished one takes no more tests)


@dataclass(frozen=True, slots=True)
class Progress:
    enrolment: Enrolment
    assessed: Assessed
    days_since_hire: int
    tests: tuple[AvailableTest, ...]


async def my_progress(principal: Principal, *, now: datetime) -> Progress | None:
    """The caller's own onboarding (None: not on a track)."""
    enrolment = await Enrolment.filter(user_id=principal.user_id).first()
    if enrolment is None:
        return None
    return await progress_of(enrolment, now=now)


async def progress_of(enrolment: Enrolment, *, now: datetime) -> Progress | None:
    assessed = await engine.assess([enrolment.id], now=now)
    if not assessed:  # completed or withdrawn: engine.assess reads active hires only
        assessed = [await _finished(enrolment, now)]
    current = assessed[0]
    attempts = await TestAttempt.filter(enrolment_id=enrolment.id).order_by("number")
    titles: dict[str, str] = dict(
        await OnboardingTest.filter(
            organisation_id=enrolment.organisation_id,  # type: ignore[attr-defined]
            status=VersionStatus.ACTIVE,
        ).values_list("key", "title")
    )
    tests = []
    for level in current.evaluation.levels:
        for requirement in level.level.tests:
            mine = [a for a in attempts if a.test_key == requirement.test]
            submitted = [a for a in mine if a.submitted_at is not None]
            progress = next(r for r in level.requirements if r.key == requirement.test)
            tests.append(
                AvailableTest(
                    key=requirement.test,
                    title=str(titles.get(requirement.test, requirement.test)),
                    level=level.number,
                    pass_score=requirement.pass_score,
                    attempts_used=len(submitted),
                    attempts_left=progress.attempts_left or 0,
                    best=max((a.score for a in submitted if a.score is not None), default=None),
                    passed=progress.met,
                    available_at=progress.available_at,
                    in_progress=next((a.id for a in mine if a.submitted_at is None), None),
                    exists=requirement.test in titles,
                    open=enrolment.status is EnrolmentStatus.ACTIVE,
                )
            )
    return Progress(
        enrolment=enrolment,
        assessed=current,
        days_since_hire=days_since_hire(current.hire.standing, now),
        tests=tuple(tests),
    )


async def _finished(enrolment: Enrolment, now: datetime) -> Assessed:
    """A finished enrolment's levels and measures, as of now."""
    track = await engine.track_of(enrolment.track_id)  # type: ignore[attr-defined]
    organisation = await Organisation.get(id=enrolment.organisation_id)  # type: ignore[attr-defined]
    unlocks = await LevelUnlock.filter(enrolment_id=enrolment.id)
    standing = Standing(
        hired_on=enrolment.hired_on,
        zone=ZoneInfo(organisation.time_zone),
        unlocked=frozenset(u.number for u in unlocks if u.revoked_at is None),
        revoked=frozenset(u.number for u in unlocks if u.revoked_at is not None),
    )
    hire = engine.Hire(
        enrolment_id=enrolment.id,
        organisation_id=enrolment.organisation_id,  # type: ignore[attr-defined]
        user_id=enrolment.user_id,  # type: ignore[attr-defined]
        track_id=enrolment.track_id,  # type: ignore[attr-defined]
        track=track,
        standing=standing,
        level=enrolment.level,
    )
    measures = (await measure([enrolment.id])).get(enrolment.id, Measures())
    return Assessed(hire, measures, evaluate(track, standing, measures, now))


@dataclass(frozen=True, slots=True)
class CohortRow:
    enrolment: Enrolment
    assessed: Assessed
    days_since_hire: int
    days_at_level: int


async def cohort(principal: Principal, *, now: datetime) -> list[CohortRow]:
    """The active hires the caller may see, longest stuck at their level first."""
    visible = await visible_user_ids(principal)
    query = Enrolment.filter(
        organisation_id=principal.organisation_id, status=EnrolmentStatus.ACTIVE
    )
    if visible is not None:
        query = query.filter(user_id__in=list(visible))
    enrolments = await query.order_by("level_at").limit(MAX_COHORT)
    by_id = {e.id: e for e in enrolments}
    rows = [
        CohortRow(
            enrolment=by_id[a.hire.enrolment_id],
            assessed=a,
            days_since_hire=days_since_hire(a.hire.standing, now),
            days_at_level=max((now - by_id[a.hire.enrolment_id].level_at).days, 0),
        )
        for a in await engine.assess(list(by_id), now=now)
    ]
    rows.sort(key=lambda r: r.enrolment.level_at)
    return rows


@dataclass(frozen=True, slots=True)
class LevelStat:
    number: int
    reached: int  # hires who reached it (not revoked)
    median_days: float | None  # days from hire date to reaching it
    p90_days: float | None
    waiting: int  # active hires one level below it


async def time_to_level(principal: Principal) -> list[LevelStat]:
    """Days from hire to each level, over the hires the caller may see."""
    visible = await visible_user_ids(principal)
    enrolments = Enrolment.filter(organisation_id=principal.organisation_id)
    if visible is not None:
        enrolments = enrolments.filter(user_id__in=list(visible))
    rows = await enrolments.values_list("id", "hired_on", "level", "status")
    hired = {str(e): d for e, d, _, _ in rows}
    unlocks = await LevelUnlock.filter(
        enrolment_id__in=[e for e, _, _, _ in rows], revoked_at=None
    ).values_list("enrolment_id", "number", "at")
    organisation = await Organisation.get(id=principal.organisation_id)
    zone = ZoneInfo(organisation.time_zone)
    days: dict[int, list[float]] = {}
    for enrolment_id, number, at in unlocks:
        start = hired[str(enrolment_id)]
        reached = at.astimezone(zone).date()  # local days, as the levels count them
        days.setdefault(int(number), []).append(float((reached - start).days))
    levels = max([*days, *(int(level) + 1 for _, _, level, _ in rows)], default=0)
    stats = []
    for number in range(1, levels + 1):
        found = sorted(days.get(number, []))
        waiting = sum(
            1
            for _, _, level, status in rows
            if status == EnrolmentStatus.ACTIVE and int(level) == number - 1
        )
        stats.append(
            LevelStat(
                number=number,
                reached=len(found),
                median_days=statistics.median(found) if found else None,
                p90_days=_percentile(found, 0.9) if found else None,
                waiting=waiting,
            )
        )
    return stats


def _percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted ``values``."""
    rank = max(int(-(-share * len(values) // 1)), 1)
    return values[rank - 1]
