"""The unlock engine: evaluate hires, unlock the levels whose requirements hold, tell people.

:func:`evaluate` reads a batch of enrolments in a fixed number of queries (standings, then one
grouped count per source, ``measure``), decides in memory (``evaluation.evaluate``) and
writes only for the hires who reach a level: one transaction each, under the enrolment's row
lock. An unlock is one ``onboarding_unlock`` row per level (unique), the level's permission
grants, the hire's new level, an audit entry, and one alert to the hire, the mentor and the
manager. Running it twice, or from the event job and the sweep at once, unlocks once.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise import connections
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.models import PermissionGrant
from api.common.raw_values import day, uuid_of
from api.jobs import outbox
from api.notifications.service import Subject, notify
from api.onboarding import templates
from api.onboarding.definitions import Track, parse_track
from api.onboarding.evaluation import (
    Evaluation,
    LevelState,
    Measures,
    RequirementKind,
    Standing,
    unlockable,
)
from api.onboarding.evaluation import evaluate as evaluate_one
from api.onboarding.measure import EVERY_ACTIVE, measure, query
from api.onboarding.models import Enrolment, EnrolmentStatus, LevelHold, LevelUnlock
from api.org.models import User

EVALUATE_JOB = "onboarding.evaluate"
BATCH = 500
"""Enrolments evaluated per round of queries (events and explicit lists; the sweep reads all
active hires in one pass)."""
NOTHING = Measures()

_STANDINGS = """
SELECT e."id", e."organisation_id", e."user_id", e."track_id", e."hired_on", e."level",
       o."time_zone"
FROM "onboarding_enrolment" e
JOIN "organisation" o ON o."id" = e."organisation_id"
WHERE e."id"{in_ids} AND e."status" = 'ACTIVE'
"""
_UNLOCKS = """
SELECT "enrolment_id", "number", "revoked_at" FROM "onboarding_unlock"
WHERE "enrolment_id"{in_ids}
"""
_HOLDS = """
SELECT "enrolment_id", "number" FROM "onboarding_hold"
WHERE "enrolment_id"{in_ids} AND "released_at" IS NULL
"""


@dataclass(frozen=True, slots=True)
class Hire:
    enrolment_id: UUID
    organisation_id: UUID
    user_id: UUID
    track_id: UUID
    track: Track
    standing: Standing
    level: int


@dataclass(frozen=True, slots=True)
class Assessed:
    hire: Hire
    measures: Measures
    evaluation: Evaluation


_tracks: dict[UUID, Track] = {}
MAX_CACHED_TRACKS = 1024


async def track_of(track_id: UUID) -> Track:
    """A stored track version, parsed once (stored versions never change)."""
    track = _tracks.get(track_id)
    if track is None:
        from api.onboarding.models import OnboardingTrack

        row = await OnboardingTrack.get(id=track_id)
        if len(_tracks) >= MAX_CACHED_TRACKS:
            _tracks.clear()
        track = _tracks[track_id] = parse_track(row.definition)
    return track


async def standings(enrolments: Sequence[UUID] | None) -> list[Hire]:
    """The active hires among ``enrolments`` (None: all of them) with track and standing."""
    if enrolments is not EVERY_ACTIVE and not enrolments:
        return []
    connection = connections.get("default")
    rows, unlocks, holds = [
        (await connection.execute_query(q.sql, q.values))[1]
        for q in (query(t, enrolments) for t in (_STANDINGS, _UNLOCKS, _HOLDS))
    ]
    # Keyed by the id as the driver returns it (UUID on PostgreSQL, text on SQLite): the same
    # type in all three result sets, so no conversion per row.
    unlocked: dict[Any, set[int]] = {}
    revoked: dict[Any, set[int]] = {}
    held: dict[Any, set[int]] = {}
    for row in unlocks:
        target = unlocked if row["revoked_at"] is None else revoked
        target.setdefault(row["enrolment_id"], set()).add(row["number"])
    for row in holds:
        held.setdefault(row["enrolment_id"], set()).add(row["number"])
    zones: dict[str, ZoneInfo] = {}
    hires = []
    for row in rows:
        key = row["id"]
        zone = zones.get(row["time_zone"]) or zones.setdefault(
            row["time_zone"], ZoneInfo(row["time_zone"])
        )
        track_id = uuid_of(row["track_id"])
        hires.append(
            Hire(
                enrolment_id=uuid_of(key),
                organisation_id=uuid_of(row["organisation_id"]),
                user_id=uuid_of(row["user_id"]),
                track_id=track_id,
                track=_tracks.get(track_id) or await track_of(track_id),
                standing=Standing(
                    hired_on=day(row["hired_on"]),
                    zone=zone,
                    unlocked=_levels(unlocked, key),
                    held=_levels(held, key),
                    revoked=_levels(revoked, key),
                ),
                level=row["level"],
            )
        )
    return hires


async def assess(enrolments: Sequence[UUID], *, now: datetime) -> list[Assessed]:
    """Where each active hire among ``enrolments`` stands (no writes)."""
    hires = await standings(enrolments)
    measured = await measure([h.enrolment_id for h in hires])
    assessed = []
    for hire in hires:
        measures = measured.get(hire.enrolment_id, NOTHING)
        evaluation = evaluate_one(hire.track, hire.standing, measures, now)
        assessed.append(Assessed(hire, measures, evaluation))
    return assessed


@dataclass(frozen=True, slots=True)
class Unlocked:
    enrolment_id: UUID
    user_id: UUID
    levels: tuple[int, ...]


async def evaluate(enrolments: Sequence[UUID], *, now: datetime) -> list[Unlocked]:
    """Evaluate hires in batches and unlock what holds; returns what was unlocked."""
    done: list[Unlocked] = []
    for start in range(0, len(enrolments), BATCH):
        done += await _unlock_what_holds(enrolments[start : start + BATCH], now)
    return done


async def sweep(*, now: datetime) -> list[Unlocked]:
    """Evaluate every active hire in one pass (the cron): the standings and each count are one
    query over all active enrolments, like the aggregate a report would run."""
    return await _unlock_what_holds(EVERY_ACTIVE, now)


async def _unlock_what_holds(enrolments: Sequence[UUID] | None, now: datetime) -> list[Unlocked]:
    with collection_paused():
        hires = await standings(enrolments)
        ids = None if enrolments is EVERY_ACTIVE else [h.enrolment_id for h in hires]
        measured = await measure(ids)
        due = []
        for hire in hires:
            measures = measured.get(hire.enrolment_id, NOTHING)
            numbers = unlockable(hire.track, hire.standing, measures, now)
            if numbers:
                due.append((hire, numbers))
    done: list[Unlocked] = []
    for hire, numbers in due:
        unlocked = await unlock(hire, numbers, now=now)
        if unlocked is not None:
            done.append(unlocked)
    return done


@contextmanager
def collection_paused() -> Iterator[None]:
    """No cyclic garbage collection while the sweep reads: it allocates a dozen objects per
    hire, and each generation-2 collection that triggers walks every live object of the
    process (measured: 40% of a 10,000-hire sweep). Reference counting still frees them;
    cycles wait for the first collection after the block."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


async def evaluate_user(user_id: UUID, *, now: datetime) -> list[Unlocked]:
    """Evaluate one hire (the event job); when the next level then waits only for its day,
    an evaluation is deferred to that local midnight, so it unlocks on time (the sweep is the
    safety net)."""
    enrolment = await Enrolment.filter(user_id=user_id, status=EnrolmentStatus.ACTIVE).first()
    if enrolment is None:
        return []
    done = await evaluate([enrolment.id], now=now)
    for assessed in await assess([enrolment.id], now=now):
        await wake_when_due(assessed, now=now)
    return done


async def wake_when_due(assessed: Assessed, *, now: datetime) -> None:
    """Defer an evaluation to the moment the next level's time requirement is met, when that
    is the only requirement left (one outbox job per hire, level and day)."""
    following = assessed.evaluation.next
    if following is None or following.state is not LevelState.LOCKED:
        return
    unmet = [r for r in following.requirements if not r.met]
    if len(unmet) != 1 or unmet[0].kind is not RequirementKind.TIME:
        return
    due = unmet[0].available_at
    if due is None or due <= now:
        return
    hire = assessed.hire
    await outbox.add(
        job_name=EVALUATE_JOB,
        args={"user_id": str(hire.user_id)},
        due_at=due,
        key=f"{hire.user_id}:day:{following.number}:{due.date().isoformat()}",
        organisation_id=hire.organisation_id,
    )


async def active_enrolments() -> list[UUID]:
    """Every active enrolment (the sweep's worklist), oldest first."""
    ids = (
        await Enrolment.filter(status=EnrolmentStatus.ACTIVE)
        .order_by("created_at")
        .values_list("id", flat=True)
    )
    return [uuid_of(i) for i in ids]


async def unlock(hire: Hire, numbers: Sequence[int], *, now: datetime) -> Unlocked | None:
    """Unlock ``numbers`` for ``hire`` unless someone did already (under the row lock)."""
    async with in_transaction():
        enrolment = (
            await Enrolment.filter(id=hire.enrolment_id, status=EnrolmentStatus.ACTIVE)
            .select_for_update()
            .first()
        )
        if enrolment is None:
            return None
        # Re-read under the lock: a level unlocked, revoked or held since the standing was
        # read is not unlocked now (nor, for a hold, anything above it).
        taken = await _numbers(LevelUnlock.filter(enrolment_id=hire.enrolment_id))
        held = await _numbers(LevelHold.filter(enrolment_id=hire.enrolment_id, released_at=None))
        fresh = []
        for number in sorted(numbers):
            if number in held:
                break
            if number not in taken:
                fresh.append(number)
        if not fresh:
            return None
        for number in fresh:
            await grant_level(enrolment, hire.track, number, now=now, manual=False)
        await settle_level(enrolment, hire.track, now=now)
        await announce(enrolment, hire.track, fresh, now=now)
    return Unlocked(hire.enrolment_id, hire.user_id, tuple(fresh))


async def grant_level(
    enrolment: Enrolment,
    track: Track,
    number: int,
    *,
    now: datetime,
    manual: bool,
    actor_id: UUID | None = None,
    reason: str = "",
) -> LevelUnlock:
    """Record level ``number`` as reached and grant its permissions (in the caller's
    transaction, under the enrolment's lock). A revoked level's row is reused."""
    level = track.level(number)
    grants = [
        await PermissionGrant.create(
            organisation_id=enrolment.organisation_id,  # type: ignore[attr-defined]
            user_id=enrolment.user_id,  # type: ignore[attr-defined]
            permission=permission.value,
            valid_from=now,
            reason=f"onboarding level {number} ({level.key})",
            granted_by_id=actor_id,
        )
        for permission in level.grants
    ]
    values: dict[str, Any] = {
        "level_key": level.key,
        "at": now,
        "manual": manual,
        "by_id": actor_id,
        "reason": reason,
        "grants": [str(g.id) for g in grants],
        "revoked_at": None,
        "revoked_by_id": None,
        "revoke_reason": "",
    }
    row, created = await LevelUnlock.get_or_create(
        defaults={"organisation_id": enrolment.organisation_id, **values},  # type: ignore[attr-defined]
        enrolment_id=enrolment.id,
        number=number,
    )
    replaced: dict[str, Any] = {}
    if not created:  # a revoked level granted again: the audit entry keeps the revocation
        replaced = {
            "revoked_at": row.revoked_at.isoformat() if row.revoked_at else None,
            "revoked_by": str(row.revoked_by_id) if row.revoked_by_id else None,  # type: ignore[attr-defined]
        }
        await LevelUnlock.filter(id=row.id).update(**values)
    await audit.record(
        organisation_id=enrolment.organisation_id,  # type: ignore[attr-defined]
        action="onboarding.level_unlocked",
        at=now,
        actor_id=actor_id,
        subject_type="User",
        subject_id=str(enrolment.user_id),  # type: ignore[attr-defined]
        data={
            "level": number,
            "key": level.key,
            "manual": manual,
            "permissions": [p.value for p in level.grants],
            **({"replaces_revocation": replaced} if replaced else {}),
        },
    )
    return row


async def settle_level(enrolment: Enrolment, track: Track, *, now: datetime) -> None:
    """Bring the enrolment's level (highest without a gap) and status up to date."""
    unlocked = await _numbers(LevelUnlock.filter(enrolment_id=enrolment.id, revoked_at=None))
    level = 0
    while level + 1 in unlocked:
        level += 1
    changed = level != enrolment.level
    if changed:
        enrolment.level = level
        enrolment.level_at = now
    if level == len(track.levels) and enrolment.status is EnrolmentStatus.ACTIVE:
        enrolment.status = EnrolmentStatus.COMPLETED
        enrolment.completed_at = now
        # Graduated: the role's full permission set applies from now on.
        await User.filter(id=enrolment.user_id).update(in_onboarding=False)  # type: ignore[attr-defined]
    await enrolment.save()


async def announce(
    enrolment: Enrolment, track: Track, numbers: Sequence[int], *, now: datetime
) -> None:
    """One alert per level reached, to the hire, the mentor and the hire's manager."""
    user = await User.get(id=enrolment.user_id)  # type: ignore[attr-defined]
    recipients = [
        u
        for u in dict.fromkeys([user.id, enrolment.mentor_id, user.manager_id])  # type: ignore[attr-defined]
        if u is not None
    ]
    for number in numbers:
        level = track.level(number)
        await notify(
            organisation_id=enrolment.organisation_id,  # type: ignore[attr-defined]
            recipients=recipients,
            template=templates.UNLOCKED.name,
            data={
                "user_id": str(user.id),
                "hire": user.display_name,
                "level": number,
                "level_name": level.name,
                "permissions": "、".join(p.value for p in level.grants) or "-",
            },
            now=now,
            dedupe_key=f"onboarding.unlocked:{enrolment.id}:{number}:{now.isoformat()}",
            subject=Subject("onboarding", str(enrolment.id)),
        )


_NONE: frozenset[int] = frozenset()


def _levels(found: dict[Any, set[int]], key: Any) -> frozenset[int]:
    numbers = found.get(key)
    return frozenset(numbers) if numbers else _NONE


async def _numbers(rows: QuerySet[LevelUnlock] | QuerySet[LevelHold]) -> set[int]:
    return {int(n) for (n,) in await rows.values_list("number")}
