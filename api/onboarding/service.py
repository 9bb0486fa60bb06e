"""Onboarding services: tracks and banks, enrolment, tests, levels by hand.

Every mutation is one transaction. Anything that may unlock a level (an enrolment, a passed
test, a level released) writes an ``onboarding.evaluate`` outbox job in the same transaction;
the job runs the engine (``engine.evaluate_user``), so the answer a hire gets and the unlock
come from the same rules.
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.models import PermissionGrant
from api.auth.principal import Principal
from api.errors import ServiceError
from api.jobs import outbox
from api.jobs.models import OutboxMessage
from api.notifications.service import Subject, notify
from api.onboarding import engine, quiz, templates
from api.onboarding.defaults import DEFAULT_BANKS
from api.onboarding.definitions import (
    DEFAULT_TRACK,
    KEY,
    Track,
    TrackError,
    dump_track,
    parse_track,
)
from api.onboarding.engine import EVALUATE_JOB
from api.onboarding.errors import OnboardingErrorCode as Code
from api.onboarding.evaluation import start_of_day
from api.onboarding.models import (
    Enrolment,
    EnrolmentStatus,
    LevelHold,
    LevelUnlock,
    OnboardingTest,
    OnboardingTrack,
    TestAttempt,
    VersionStatus,
)
from api.org.models import Organisation, Role, User
from api.org.scope import can_see_user

DEFAULT_TRACK_KEY = "default"
MAX_REASON = 300


def require_reason(reason: str) -> str:
    cleaned = reason.strip()
    if not cleaned:
        raise ServiceError(Code.REASON_REQUIRED, field="reason")
    return cleaned[:MAX_REASON]


async def schedule_evaluation(
    *, organisation_id: UUID, user_id: UUID, because: str, now: datetime
) -> OutboxMessage:
    """Evaluate the hire after this transaction commits (once per ``because``)."""
    return await outbox.add(
        job_name=EVALUATE_JOB,
        args={"user_id": str(user_id)},
        due_at=now,
        key=f"{user_id}:{because}",
        organisation_id=organisation_id,
    )


# -- tracks and question banks -------------------------------------------------------------


async def save_track(
    *, actor: Principal, key: str, name: str, definition: Any, now: datetime
) -> OnboardingTrack:
    """Validate and store the next version of a track; hires enrolled earlier keep theirs."""
    _check_key(key)
    try:
        track = parse_track(definition)
    except TrackError as error:
        raise ServiceError(Code.INVALID_TRACK, field="definition", reason=str(error)) from None
    name = name.strip()
    if not 1 <= len(name) <= 60:
        raise ServiceError(Code.INVALID_VALUE, field="name", reason="1-60")
    async with in_transaction():
        await _lock_organisation(actor.organisation_id)
        banks = set(
            await OnboardingTest.filter(
                organisation_id=actor.organisation_id, status=VersionStatus.ACTIVE
            ).values_list("key", flat=True)
        )
        missing = sorted(track.test_keys - {str(b) for b in banks})
        if missing:  # hires on the track could never pass it
            raise ServiceError(Code.TEST_NOT_FOUND, field="definition", key=missing[0])
        return await _store_track(actor.organisation_id, key, name, track, actor.user_id, now)


def _check_key(key: str) -> None:
    if not KEY.fullmatch(key):
        raise ServiceError(
            Code.INVALID_VALUE, field="key", reason="a-z, 0-9, - and _, up to 32 characters"
        )


async def _lock_organisation(organisation_id: UUID) -> None:
    """Serialise version numbering per organisation (two saves of one key, or two first
    enrolments creating the default track, would otherwise pick the same version)."""
    await Organisation.filter(id=organisation_id).select_for_update().first()


async def _store_track(
    organisation_id: UUID, key: str, name: str, track: Track, actor_id: UUID | None, now: datetime
) -> OnboardingTrack:
    previous = (
        await OnboardingTrack.filter(organisation_id=organisation_id, key=key)
        .select_for_update()
        .order_by("-version")
        .first()
    )
    await OnboardingTrack.filter(
        organisation_id=organisation_id, key=key, status=VersionStatus.ACTIVE
    ).update(status=VersionStatus.RETIRED)
    row = await OnboardingTrack.create(
        organisation_id=organisation_id,
        key=key,
        version=(previous.version if previous else 0) + 1,
        name=name,
        definition=dump_track(track),
        created_by_id=actor_id,
    )
    await audit.record(
        organisation_id=organisation_id,
        action="onboarding.track_saved",
        at=now,
        actor_id=actor_id,
        subject_type="OnboardingTrack",
        subject_id=str(row.id),
        data={"key": key, "version": row.version, "levels": len(track.levels)},
    )
    return row


async def save_test(
    *, actor: Principal, key: str, title: str, bank: Any, now: datetime
) -> OnboardingTest:
    """Validate and store the next version of a question bank; attempts keep theirs."""
    _check_key(key)
    try:
        parsed = quiz.parse_bank(bank)
    except quiz.BankError as error:
        raise ServiceError(Code.INVALID_BANK, field="bank", reason=str(error)) from None
    title = title.strip()
    if not 1 <= len(title) <= 60:
        raise ServiceError(Code.INVALID_VALUE, field="title", reason="1-60")
    async with in_transaction():
        await _lock_organisation(actor.organisation_id)
        return await _store_test(actor.organisation_id, key, title, parsed, actor.user_id, now)


async def _store_test(
    organisation_id: UUID,
    key: str,
    title: str,
    bank: quiz.Bank,
    actor_id: UUID | None,
    now: datetime,
) -> OnboardingTest:
    previous = (
        await OnboardingTest.filter(organisation_id=organisation_id, key=key)
        .select_for_update()
        .order_by("-version")
        .first()
    )
    await OnboardingTest.filter(
        organisation_id=organisation_id, key=key, status=VersionStatus.ACTIVE
    ).update(status=VersionStatus.RETIRED)
    row = await OnboardingTest.create(
        organisation_id=organisation_id,
        key=key,
        version=(previous.version if previous else 0) + 1,
        title=title,
        bank=quiz.dump_bank(bank),
        created_by_id=actor_id,
    )
    await audit.record(
        organisation_id=organisation_id,
        action="onboarding.test_saved",
        at=now,
        actor_id=actor_id,
        subject_type="OnboardingTest",
        subject_id=str(row.id),
        data={"key": key, "version": row.version, "questions": len(bank.questions)},
    )
    return row


async def active_track(organisation_id: UUID, key: str) -> OnboardingTrack | None:
    return await OnboardingTrack.filter(
        organisation_id=organisation_id, key=key, status=VersionStatus.ACTIVE
    ).first()


async def default_track(organisation_id: UUID, now: datetime) -> OnboardingTrack:
    """The organisation's default track, created from DOMAIN.md's levels on first use, with
    the question banks it asks for (unless the organisation wrote its own)."""
    found = await active_track(organisation_id, DEFAULT_TRACK_KEY)
    if found is not None:
        return found
    await _lock_organisation(organisation_id)
    found = await active_track(organisation_id, DEFAULT_TRACK_KEY)  # created while we waited
    if found is not None:
        return found
    track = parse_track(DEFAULT_TRACK)
    for key in sorted(track.test_keys):
        if key in DEFAULT_BANKS and not await OnboardingTest.exists(
            organisation_id=organisation_id, key=key
        ):
            title, bank = DEFAULT_BANKS[key]
            await _store_test(organisation_id, key, title, quiz.parse_bank(bank), None, now)
    return await _store_track(organisation_id, DEFAULT_TRACK_KEY, "新人成长路径", track, None, now)


# -- enrolment -----------------------------------------------------------------------------


async def enrol(
    *,
    actor: Principal,
    user_id: UUID,
    track_key: str | None,
    mentor_id: UUID | None,
    now: datetime,
) -> Enrolment:
    """Put a hire on a track (the active version of ``track_key``, else the default)."""
    if user_id == actor.user_id:
        raise ServiceError(Code.OWN_ONBOARDING, field="userId")
    if not await can_see_user(actor, user_id):
        raise ServiceError(Code.USER_NOT_FOUND, field="userId")
    if mentor_id is not None and not await can_see_user(actor, mentor_id):
        raise ServiceError(Code.USER_NOT_FOUND, field="mentorId")
    async with in_transaction():
        user = await User.filter(id=user_id).select_for_update().get()
        if user.role is not Role.REP:  # tracks unlock sales permissions: reps only
            raise ServiceError(Code.NOT_A_REP, field="userId")
        if await Enrolment.exists(user_id=user_id):
            raise ServiceError(Code.ALREADY_ENROLLED, field="userId")
        if mentor_id is not None and not await User.exists(id=mentor_id, is_active=True):
            raise ServiceError(Code.USER_NOT_FOUND, field="mentorId")
        if track_key:
            track = await active_track(actor.organisation_id, track_key)
            if track is None:
                raise ServiceError(Code.TRACK_NOT_FOUND, field="trackKey")
        else:
            track = await default_track(actor.organisation_id, now)
        enrolment = await enrol_user(
            user, track, mentor_id=mentor_id, now=now, actor_id=actor.user_id
        )
    return enrolment


async def enrol_user(
    user: User,
    track: OnboardingTrack,
    *,
    mentor_id: UUID | None,
    now: datetime,
    actor_id: UUID | None = None,
) -> Enrolment:
    """Enrol ``user`` on ``track`` (in the caller's transaction; the checks are the caller's).

    The hire date is the user's, else today in the organisation's time zone; events count from
    its local midnight. An evaluation is scheduled: level 1 usually holds on day 0.
    """
    organisation_id: UUID = user.organisation_id  # type: ignore[attr-defined]
    organisation = await Organisation.get(id=organisation_id)
    zone = ZoneInfo(organisation.time_zone)
    hired_on = user.hire_date or now.astimezone(zone).date()
    enrolment = await Enrolment.create(
        organisation_id=organisation_id,
        user_id=user.id,
        track_id=track.id,
        mentor_id=mentor_id,
        hired_on=hired_on,
        counts_from=start_of_day(hired_on, zone),
        level_at=now,
    )
    if not user.in_onboarding or user.hire_date is None:
        await User.filter(id=user.id).update(in_onboarding=True, hire_date=hired_on)
    await audit.record(
        organisation_id=organisation_id,
        action="onboarding.enrolled",
        at=now,
        actor_id=actor_id,
        subject_type="User",
        subject_id=str(user.id),
        data={"track": track.key, "version": track.version, "mentor": str(mentor_id or "")},
    )
    await schedule_evaluation(
        organisation_id=organisation_id,
        user_id=user.id,
        because=f"enrolled:{enrolment.id}",
        now=now,
    )
    return enrolment


async def enrolment_in_scope(actor: Principal, enrolment_id: UUID) -> Enrolment:
    """The enrolment of a hire the actor may see (else not found)."""
    enrolment = await Enrolment.get_or_none(id=enrolment_id, organisation_id=actor.organisation_id)
    if enrolment is None or not await can_see_user(actor, enrolment.user_id):  # type: ignore[attr-defined]
        raise ServiceError(Code.ENROLMENT_NOT_FOUND, field="enrolmentId")
    return enrolment


async def coached_enrolment(actor: Principal, enrolment_id: UUID) -> Enrolment:
    """An enrolment a coach may act on: in scope, and not their own."""
    enrolment = await enrolment_in_scope(actor, enrolment_id)
    if enrolment.user_id == actor.user_id:  # type: ignore[attr-defined]
        raise ServiceError(Code.OWN_ONBOARDING, field="enrolmentId")
    return enrolment


# -- tests -----------------------------------------------------------------------------------


async def start_attempt(
    *, principal: Principal, test_key: str, now: datetime, rng: random.Random | None = None
) -> tuple[TestAttempt, quiz.Bank]:
    """Draw a fresh attempt at a test of the hire's track, within its limits."""
    async with in_transaction():
        enrolment = await _own_enrolment(principal, lock=True)
        track = await engine.track_of(enrolment.track_id)  # type: ignore[attr-defined]
        found = track.requirement(test_key)
        if found is None:
            raise ServiceError(Code.TEST_NOT_IN_TRACK, field="testKey")
        _, requirement = found
        test = await OnboardingTest.filter(
            organisation_id=principal.organisation_id, key=test_key, status=VersionStatus.ACTIVE
        ).first()
        if test is None:
            raise ServiceError(Code.TEST_NOT_FOUND, field="testKey")
        earlier = await TestAttempt.filter(enrolment_id=enrolment.id, test_key=test_key).order_by(
            "number"
        )
        if any(a.submitted_at is None for a in earlier):
            raise ServiceError(Code.ATTEMPT_IN_PROGRESS, field="testKey")
        submitted = [a for a in earlier if a.submitted_at is not None]
        if any(a.passed for a in submitted):
            raise ServiceError(Code.TEST_ALREADY_PASSED, field="testKey")
        if len(submitted) >= requirement.max_attempts:
            raise ServiceError(Code.NO_ATTEMPTS_LEFT, field="testKey")
        if submitted and requirement.cooldown_minutes:
            ready = max(a.submitted_at for a in submitted if a.submitted_at) + timedelta(
                minutes=requirement.cooldown_minutes
            )
            if ready > now:
                raise ServiceError(
                    Code.COOLING_DOWN, field="testKey", available_at=ready.isoformat()
                )
        bank = quiz.parse_bank(test.bank)
        drawn = quiz.draw(bank, rng or random.SystemRandom())
        attempt = await TestAttempt.create(
            organisation_id=principal.organisation_id,
            enrolment_id=enrolment.id,
            user_id=principal.user_id,
            test_id=test.id,
            test_key=test_key,
            number=len(earlier) + 1,
            started_at=now,
            drawn=[{"id": d.id, "options": list(d.options)} for d in drawn],
            pass_score=requirement.pass_score,
        )
    return attempt, bank


def drawn_of(attempt: TestAttempt) -> tuple[quiz.DrawnQuestion, ...]:
    return tuple(quiz.DrawnQuestion(d["id"], tuple(d["options"])) for d in attempt.drawn)


async def bank_of(attempt: TestAttempt) -> quiz.Bank:
    test = await OnboardingTest.get(id=attempt.test_id)  # type: ignore[attr-defined]
    return quiz.parse_bank(test.bank)


async def submit_attempt(
    *,
    principal: Principal,
    attempt_id: UUID,
    answers: Mapping[str, Sequence[str]],
    now: datetime,
) -> TestAttempt:
    """Grade the hire's answers on the server; a pass schedules an evaluation."""
    async with in_transaction():
        attempt = (
            await TestAttempt.filter(id=attempt_id, user_id=principal.user_id)
            .select_for_update()
            .first()
        )
        if attempt is None:
            raise ServiceError(Code.ATTEMPT_NOT_FOUND, field="attemptId")
        if attempt.submitted_at is not None:
            raise ServiceError(Code.ATTEMPT_SUBMITTED, field="attemptId")
        bank = await bank_of(attempt)
        try:
            graded = quiz.grade(bank, drawn_of(attempt), answers)
        except quiz.AnswerError as error:
            raise ServiceError(Code.INVALID_ANSWER, field="answers", reason=str(error)) from None
        attempt.submitted_at = now
        attempt.answers = {k: list(v) for k, v in answers.items()}
        attempt.score = graded.score
        attempt.passed = graded.score >= attempt.pass_score
        attempt.results = [
            {"id": r.id, "correct": r.correct, "points": r.points} for r in graded.results
        ]
        await attempt.save()
        await audit.record(
            organisation_id=principal.organisation_id,
            action="onboarding.test_submitted",
            at=now,
            actor_id=principal.user_id,
            subject_type="TestAttempt",
            subject_id=str(attempt.id),
            data={"test": attempt.test_key, "score": graded.score, "passed": attempt.passed},
        )
        if attempt.passed:
            await schedule_evaluation(
                organisation_id=principal.organisation_id,
                user_id=principal.user_id,
                because=f"passed:{attempt.id}",
                now=now,
            )
    return attempt


async def _own_enrolment(principal: Principal, *, lock: bool = False) -> Enrolment:
    query = Enrolment.filter(user_id=principal.user_id, status=EnrolmentStatus.ACTIVE)
    enrolment = await (query.select_for_update() if lock else query).first()
    if enrolment is None:
        raise ServiceError(Code.NOT_ENROLLED)
    return enrolment


# -- levels by hand ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Coaching:
    """A coach's change to one hire's level, inside its transaction, the enrolment locked."""

    actor: Principal
    enrolment: Enrolment
    track: Track
    number: int
    reason: str
    now: datetime

    async def audit(self, action: str, **data: object) -> None:
        await audit.record(
            organisation_id=self.actor.organisation_id,
            action=action,
            at=self.now,
            actor_id=self.actor.user_id,
            subject_type="User",
            subject_id=str(self.enrolment.user_id),  # type: ignore[attr-defined]
            data={"level": self.number, **data},
        )


@asynccontextmanager
async def coaching(
    actor: Principal, enrolment_id: UUID, number: int, reason: str, now: datetime
) -> AsyncIterator[Coaching]:
    """Check a coach's change (a reason, a hire of theirs, a level of the track) and open its
    transaction with the enrolment's row locked."""
    reason = require_reason(reason)
    enrolment = await coached_enrolment(actor, enrolment_id)
    track = await engine.track_of(enrolment.track_id)  # type: ignore[attr-defined]
    if not 1 <= number <= len(track.levels):
        raise ServiceError(Code.INVALID_LEVEL, field="level")
    async with in_transaction():
        locked = await Enrolment.filter(id=enrolment.id).select_for_update().get()
        yield Coaching(actor, locked, track, number, reason, now)


async def grant_level(
    *, actor: Principal, enrolment_id: UUID, number: int, reason: str, now: datetime
) -> Enrolment:
    """A manager unlocks a level by hand (audited), whatever its requirements say."""
    async with coaching(actor, enrolment_id, number, reason, now) as change:
        enrolment, track = change.enrolment, change.track
        current = await LevelUnlock.get_or_none(enrolment_id=enrolment.id, number=number)
        if current is not None and current.revoked_at is None:
            raise ServiceError(Code.LEVEL_ALREADY_UNLOCKED, field="level")
        released = await LevelHold.filter(
            enrolment_id=enrolment.id, number=number, released_at=None
        ).update(released_at=now, released_by_id=actor.user_id)
        if released:
            await change.audit("onboarding.level_released", by_grant=True)
        await engine.grant_level(
            enrolment, track, number, now=now, manual=True, actor_id=actor.user_id, reason=reason
        )
        await engine.settle_level(enrolment, track, now=now)
        await engine.announce(enrolment, track, [number], now=now)
    return enrolment


async def hold_level(
    *, actor: Principal, enrolment_id: UUID, number: int, reason: str, now: datetime
) -> Enrolment:
    """A manager holds a level back: the engine will not unlock it until it is released."""
    async with coaching(actor, enrolment_id, number, reason, now) as change:
        enrolment = change.enrolment
        if await LevelUnlock.exists(enrolment_id=enrolment.id, number=number, revoked_at=None):
            raise ServiceError(Code.LEVEL_ALREADY_UNLOCKED, field="level")
        if await LevelHold.exists(enrolment_id=enrolment.id, number=number, released_at=None):
            raise ServiceError(Code.LEVEL_ALREADY_HELD, field="level")
        hold = await LevelHold.create(
            organisation_id=actor.organisation_id,
            enrolment_id=enrolment.id,
            number=number,
            at=now,
            by_id=actor.user_id,
            reason=change.reason,
        )
        await change.audit("onboarding.level_held", hold=str(hold.id))
        await _tell(change, templates.HELD.name)
    return enrolment


async def release_level(
    *, actor: Principal, enrolment_id: UUID, number: int, reason: str, now: datetime
) -> Enrolment:
    """Lift a hold; the engine unlocks the level when its requirements hold."""
    async with coaching(actor, enrolment_id, number, reason, now) as change:
        enrolment = change.enrolment
        hold = await LevelHold.filter(
            enrolment_id=enrolment.id, number=number, released_at=None
        ).first()
        if hold is None:
            raise ServiceError(Code.LEVEL_NOT_HELD, field="level")
        await LevelHold.filter(id=hold.id).update(released_at=now, released_by_id=actor.user_id)
        await change.audit("onboarding.level_released", hold=str(hold.id))
        await schedule_evaluation(
            organisation_id=actor.organisation_id,
            user_id=enrolment.user_id,  # type: ignore[attr-defined]
            because=f"released:{hold.id}",
            now=now,
        )
    return enrolment


async def revoke_level(
    *, actor: Principal, enrolment_id: UUID, number: int, reason: str, now: datetime
) -> Enrolment:
    """Take a level back, and every level above it: their grants end now. The engine never
    unlocks a revoked level again; a manager can grant it by hand."""
    async with coaching(actor, enrolment_id, number, reason, now) as change:
        enrolment = change.enrolment
        unlocks = await LevelUnlock.filter(
            enrolment_id=enrolment.id, number__gte=number, revoked_at=None
        )
        if not any(u.number == number for u in unlocks):
            raise ServiceError(Code.LEVEL_NOT_UNLOCKED, field="level")
        grant_ids = [UUID(g) for u in unlocks for g in u.grants]
        await PermissionGrant.filter(id__in=grant_ids, revoked_at=None).update(
            revoked_at=now, revoked_by_id=actor.user_id
        )
        await LevelUnlock.filter(id__in=[u.id for u in unlocks]).update(
            revoked_at=now, revoked_by_id=actor.user_id, revoke_reason=change.reason
        )
        if enrolment.status is EnrolmentStatus.COMPLETED:
            enrolment.status = EnrolmentStatus.ACTIVE
            enrolment.completed_at = None
            await User.filter(id=enrolment.user_id).update(in_onboarding=True)  # type: ignore[attr-defined]
        await engine.settle_level(enrolment, change.track, now=now)
        await change.audit(
            "onboarding.level_revoked",
            levels=sorted(u.number for u in unlocks),
            grants=len(grant_ids),
        )
        await _tell(change, templates.REVOKED.name)
    return enrolment


async def _tell(change: Coaching, template: str) -> None:
    """Tell the hire and the mentor what a manager decided."""
    enrolment = change.enrolment
    hire = await User.get(id=enrolment.user_id)  # type: ignore[attr-defined]
    manager = await User.get(id=change.actor.user_id)
    recipients = [u for u in dict.fromkeys([hire.id, enrolment.mentor_id]) if u is not None]  # type: ignore[attr-defined]
    await notify(
        organisation_id=change.actor.organisation_id,
        recipients=recipients,
        template=template,
        data={
            "user_id": str(hire.id),
            "hire": hire.display_name,
            "manager": manager.display_name,
            "level": change.number,
            "level_name": change.track.level(change.number).name,
            "reason": change.reason,
        },
        now=change.now,
        subject=Subject("onboarding", str(enrolment.id)),
    )
