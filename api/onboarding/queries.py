"""Onboarding queries: my progress and attempts, the cohort, time to level, tracks, drills."""

from __future__ import annotations

from uuid import UUID

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.errors import ApiError, ApiErrorCode, ServiceError
from api.graphql.ids import id_or_nothing, parse_id
from api.graphql.permissions import IsAuthenticated, Requires
from api.leads.models import Lead
from api.onboarding import quiz, service, views
from api.onboarding.models import (
    OnboardingTest,
    OnboardingTrack,
    TestAttempt,
    VersionStatus,
    WalkthroughDrill,
)
from api.onboarding.types import (
    AttemptType,
    CohortRowType,
    DrillType,
    LevelStatType,
    OnboardingType,
    TestType,
    TrackType,
)
from api.org.scope import can_see_user

COACH = [Requires(Permission.ONBOARDING_COACH)]
MANAGE = [Requires(Permission.ONBOARDING_MANAGE)]
MAX_ATTEMPTS_LISTED = 200
MAX_DRILLS_LISTED = 50


async def onboarding_type(info: Info, progress: views.Progress) -> OnboardingType:
    track = await OnboardingTrack.get(id=progress.enrolment.track_id)  # type: ignore[attr-defined]
    return OnboardingType.of(progress, track, info.context.services.clock.now())


@strawberry.type
class OnboardingQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The caller's onboarding: level, next requirements with progress, tests.",
    )
    async def my_onboarding(self, info: Info) -> OnboardingType | None:
        principal = info.context.require_principal()
        progress = await views.my_progress(principal, now=info.context.services.clock.now())
        return await onboarding_type(info, progress) if progress else None

    @strawberry.field(
        permission_classes=COACH,
        description="One hire's onboarding (a hire of the caller's teams).",
    )
    async def onboarding(self, info: Info, enrolment_id: strawberry.ID) -> OnboardingType | None:
        principal = info.context.require_principal()
        try:
            enrolment = await service.enrolment_in_scope(principal, id_or_nothing(enrolment_id))
        except ServiceError:  # out of scope or unknown: not found, alike
            return None
        progress = await views.progress_of(enrolment, now=info.context.services.clock.now())
        return await onboarding_type(info, progress) if progress else None

    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="Test attempts: the caller's own, or a hire's (coaches, in scope).",
    )
    async def onboarding_attempts(
        self, info: Info, user_id: strawberry.ID | None = None
    ) -> list[AttemptType]:
        principal = info.context.require_principal()
        target = parse_id(user_id) if user_id else principal.user_id
        if target is None:
            raise ApiError(ApiErrorCode.NOT_FOUND)
        if target != principal.user_id and not (
            principal.can(Permission.ONBOARDING_COACH) and await can_see_user(principal, target)
        ):
            raise ApiError(ApiErrorCode.NOT_FOUND)
        rows = (
            await TestAttempt.filter(organisation_id=principal.organisation_id, user_id=target)
            .order_by("-started_at")
            .limit(MAX_ATTEMPTS_LISTED)
        )
        banks: dict[UUID, quiz.Bank] = {}  # one read per bank version, not per attempt
        for test in await OnboardingTest.filter(id__in={r.test_id for r in rows}):  # type: ignore[attr-defined]
            banks[test.id] = quiz.parse_bank(test.bank)
        return [AttemptType.of(row, banks[row.test_id]) for row in rows]  # type: ignore[attr-defined]

    @strawberry.field(
        permission_classes=COACH,
        description="The caller's teams' hires on a track, longest at their level first.",
    )
    async def onboarding_cohort(self, info: Info) -> list[CohortRowType]:
        principal = info.context.require_principal()
        rows = await views.cohort(principal, now=info.context.services.clock.now())
        return [CohortRowType.of(r) for r in rows]

    @strawberry.field(
        permission_classes=COACH,
        description="Days from hire to each level (median, 90th percentile) and who waits.",
    )
    async def onboarding_stats(self, info: Info) -> list[LevelStatType]:
        principal = info.context.require_principal()
        return [LevelStatType.of(s) for s in await views.time_to_level(principal)]

    @strawberry.field(permission_classes=MANAGE, description="Track versions, newest first.")
    async def onboarding_tracks(self, info: Info, active_only: bool = True) -> list[TrackType]:
        principal = info.context.require_principal()
        query = OnboardingTrack.filter(organisation_id=principal.organisation_id)
        if active_only:
            query = query.filter(status=VersionStatus.ACTIVE)
        return [TrackType.of(r) for r in await query.order_by("key", "-version").limit(200)]

    @strawberry.field(permission_classes=MANAGE, description="Question banks, with answers.")
    async def onboarding_tests(self, info: Info, active_only: bool = True) -> list[TestType]:
        principal = info.context.require_principal()
        query = OnboardingTest.filter(organisation_id=principal.organisation_id)
        if active_only:
            query = query.filter(status=VersionStatus.ACTIVE)
        return [TestType.of(r) for r in await query.order_by("key", "-version").limit(200)]

    @strawberry.field(
        permission_classes=[IsAuthenticated], description="The caller's walkthrough drills."
    )
    async def my_walkthroughs(self, info: Info) -> list[DrillType]:
        principal = info.context.require_principal()
        rows = (
            await WalkthroughDrill.filter(user_id=principal.user_id)
            .order_by("-started_at")
            .limit(MAX_DRILLS_LISTED)
        )
        leads = {
            lead.id: lead
            for lead in await Lead.filter(id__in={r.lead_id for r in rows})  # type: ignore[attr-defined]
        }
        return [DrillType.of(r, leads[r.lead_id]) for r in rows]  # type: ignore[attr-defined]
