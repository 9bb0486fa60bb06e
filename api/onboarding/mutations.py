"""Onboarding mutations: thin wrappers that parse input, call the services, map errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any
from uuid import UUID

import strawberry
from strawberry.permission import BasePermission
from strawberry.scalars import JSON

from api.auth.permissions import Permission
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing, parse_id
from api.graphql.permissions import IsAuthenticated, Requires
from api.jobs.relay import relay_now
from api.leads.models import Lead
from api.onboarding import drills, service, views
from api.onboarding.errors import OnboardingErrorCode
from api.onboarding.models import Enrolment
from api.onboarding.queries import onboarding_type
from api.onboarding.quiz import MAX_ID, MAX_OPTIONS
from api.onboarding.types import (
    AnswerInput,
    AttemptPayload,
    AttemptType,
    DrillPayload,
    DrillType,
    OnboardingError,
    OnboardingPayload,
    StepInput,
    TestPayload,
    TestType,
    TrackPayload,
    TrackType,
)

COACH = [Requires(Permission.ONBOARDING_COACH)]
MANAGE = [Requires(Permission.ONBOARDING_MANAGE)]
ME: list[type[BasePermission]] = [IsAuthenticated]
DRILL = [Requires(Permission.LEADS_VIEW)]  # replaying won leads is for people who work leads


def _errors(info: Info, exc: ServiceError) -> list[OnboardingError]:
    return user_errors(exc, OnboardingError, info.context.locale)


async def _enrolment_payload(info: Info, change: Awaitable[Enrolment]) -> OnboardingPayload:
    """Run a change to one enrolment; its onboarding view (or the error) as the payload."""
    try:
        enrolment = await change
    except ServiceError as exc:
        return OnboardingPayload(errors=_errors(info, exc))
    now = info.context.services.clock.now()
    await relay_now(redis=info.context.services.arq, now=now)  # evaluation job, alerts
    progress = await views.progress_of(enrolment, now=now)
    return OnboardingPayload(onboarding=await onboarding_type(info, progress) if progress else None)


LevelChange = Callable[..., Awaitable[Enrolment]]


async def _level(
    info: Info, change: LevelChange, enrolment_id: strawberry.ID, level: int, reason: str
) -> OnboardingPayload:
    principal = info.context.require_principal()
    return await _enrolment_payload(
        info,
        change(
            actor=principal,
            enrolment_id=id_or_nothing(enrolment_id),
            number=level,
            reason=reason,
            now=info.context.services.clock.now(),
        ),
    )


@strawberry.type
class OnboardingMutations:
    @strawberry.mutation(
        permission_classes=MANAGE,
        description="Save the next version of a track; hires already on it keep their version.",
    )
    async def save_onboarding_track(
        self, info: Info, key: str, name: str, definition: JSON
    ) -> TrackPayload:
        principal = info.context.require_principal()
        try:
            row = await service.save_track(
                actor=principal,
                key=key,
                name=name,
                definition=definition,
                now=info.context.services.clock.now(),
            )
        except ServiceError as exc:
            return TrackPayload(errors=_errors(info, exc))
        return TrackPayload(track=TrackType.of(row))

    @strawberry.mutation(
        permission_classes=MANAGE,
        description="Save the next version of a question bank; attempts keep theirs.",
    )
    async def save_onboarding_test(
        self, info: Info, key: str, title: str, bank: JSON
    ) -> TestPayload:
        principal = info.context.require_principal()
        try:
            row = await service.save_test(
                actor=principal,
                key=key,
                title=title,
                bank=bank,
                now=info.context.services.clock.now(),
            )
        except ServiceError as exc:
            return TestPayload(errors=_errors(info, exc))
        return TestPayload(test=TestType.of(row))

    @strawberry.mutation(
        permission_classes=COACH,
        description="Put a hire on a track (the default one unless named), with a mentor.",
    )
    async def enrol_hire(
        self,
        info: Info,
        user_id: strawberry.ID,
        track_key: str | None = None,
        mentor_id: strawberry.ID | None = None,
    ) -> OnboardingPayload:
        principal = info.context.require_principal()
        mentor: UUID | None = None
        if mentor_id is not None:
            mentor = id_or_nothing(mentor_id)
        return await _enrolment_payload(
            info,
            service.enrol(
                actor=principal,
                user_id=id_or_nothing(user_id),
                track_key=track_key,
                mentor_id=mentor,
                now=info.context.services.clock.now(),
            ),
        )

    @strawberry.mutation(
        permission_classes=COACH, description="Unlock a level by hand, with a reason (audited)."
    )
    async def grant_onboarding_level(
        self, info: Info, enrolment_id: strawberry.ID, level: int, reason: str
    ) -> OnboardingPayload:
        return await _level(info, service.grant_level, enrolment_id, level, reason)

    @strawberry.mutation(
        permission_classes=COACH,
        description="Hold a level back: it stays locked whatever its requirements (audited).",
    )
    async def hold_onboarding_level(
        self, info: Info, enrolment_id: strawberry.ID, level: int, reason: str
    ) -> OnboardingPayload:
        return await _level(info, service.hold_level, enrolment_id, level, reason)

    @strawberry.mutation(permission_classes=COACH, description="Lift a hold (audited).")
    async def release_onboarding_level(
        self, info: Info, enrolment_id: strawberry.ID, level: int, reason: str
    ) -> OnboardingPayload:
        return await _level(info, service.release_level, enrolment_id, level, reason)

    @strawberry.mutation(
        permission_classes=COACH,
        description="Take a level (and those above it) back: its permissions end now.",
    )
    async def revoke_onboarding_level(
        self, info: Info, enrolment_id: strawberry.ID, level: int, reason: str
    ) -> OnboardingPayload:
        return await _level(info, service.revoke_level, enrolment_id, level, reason)

    @strawberry.mutation(
        permission_classes=ME,
        description="Start an attempt at a test of your track: questions drawn for it.",
    )
    async def start_onboarding_test(self, info: Info, test_key: str) -> AttemptPayload:
        principal = info.context.require_principal()
        try:
            attempt, bank = await service.start_attempt(
                principal=principal, test_key=test_key, now=info.context.services.clock.now()
            )
        except ServiceError as exc:
            return AttemptPayload(errors=_errors(info, exc))
        return AttemptPayload(attempt=AttemptType.of(attempt, bank))

    @strawberry.mutation(
        permission_classes=ME, description="Submit your answers; graded on the server."
    )
    async def submit_onboarding_test(
        self, info: Info, attempt_id: strawberry.ID, answers: list[AnswerInput]
    ) -> AttemptPayload:
        principal = info.context.require_principal()
        chosen: dict[str, Any] = {}
        for answer in answers:
            problem = None
            if len(answer.question_id) > MAX_ID or any(len(o) > MAX_ID for o in answer.option_ids):
                problem = "an id is too long"  # never echo unbounded input
            elif len(answer.option_ids) > MAX_OPTIONS:
                problem = "too many options"
            elif answer.question_id in chosen:
                problem = f"{answer.question_id} answered twice"
            if problem is not None:
                error = ServiceError(
                    OnboardingErrorCode.INVALID_ANSWER, field="answers", reason=problem
                )
                return AttemptPayload(errors=_errors(info, error))
            chosen[answer.question_id] = list(answer.option_ids)
        now = info.context.services.clock.now()
        try:
            attempt = await service.submit_attempt(
                principal=principal, attempt_id=id_or_nothing(attempt_id), answers=chosen, now=now
            )
        except ServiceError as exc:
            return AttemptPayload(errors=_errors(info, exc))
        await relay_now(redis=info.context.services.arq, now=now)  # a pass: the evaluation
        return AttemptPayload(attempt=AttemptType.of(attempt, await service.bank_of(attempt)))

    @strawberry.mutation(
        permission_classes=DRILL,
        description="Start a walkthrough drill on a won lead (chosen, or one of the latest).",
    )
    async def start_walkthrough(
        self, info: Info, lead_id: strawberry.ID | None = None
    ) -> DrillPayload:
        principal = info.context.require_principal()
        try:
            drill = await drills.start(
                principal=principal,
                lead_id=(parse_id(lead_id) or id_or_nothing("")) if lead_id else None,
                now=info.context.services.clock.now(),
            )
        except ServiceError as exc:
            return DrillPayload(errors=_errors(info, exc))
        return DrillPayload(drill=DrillType.of(drill, await Lead.get(id=drill.lead_id)))  # type: ignore[attr-defined]

    @strawberry.mutation(
        permission_classes=DRILL,
        description="Submit your path; answers the differences from the benchmark path.",
    )
    async def submit_walkthrough(
        self, info: Info, drill_id: strawberry.ID, steps: list[StepInput]
    ) -> DrillPayload:
        principal = info.context.require_principal()
        try:
            drill = await drills.submit(
                principal=principal,
                drill_id=id_or_nothing(drill_id),
                steps=[
                    {"action": s.action, "detail": s.detail, "minutes": s.minutes} for s in steps
                ],
                now=info.context.services.clock.now(),
            )
        except ServiceError as exc:
            return DrillPayload(errors=_errors(info, exc))
        return DrillPayload(drill=DrillType.of(drill, await Lead.get(id=drill.lead_id)))  # type: ignore[attr-defined]
