"""GraphQL types of onboarding: progress, levels, tests and attempts, cohort, drills."""

from __future__ import annotations

from datetime import date, datetime
from typing import cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from api.context import Info
from api.leads.models import Lead
from api.onboarding import drills, models, quiz
from api.onboarding.errors import OnboardingErrorCode
from api.onboarding.evaluation import LevelProgress, LevelState, Requirement, RequirementKind
from api.onboarding.views import AvailableTest, CohortRow, LevelStat, Progress
from api.org.models import User
from api.org.types import UserType

OnboardingErrorCodeEnum = strawberry.enum(OnboardingErrorCode, name="OnboardingErrorCode")
LevelStateEnum = strawberry.enum(LevelState, name="OnboardingLevelState")
RequirementKindEnum = strawberry.enum(RequirementKind, name="OnboardingRequirementKind")
EnrolmentStatusEnum = strawberry.enum(models.EnrolmentStatus, name="OnboardingStatus")
QuestionKindEnum = strawberry.enum(quiz.QuestionKind, name="OnboardingQuestionKind")


@strawberry.type
class OnboardingError:
    code: OnboardingErrorCodeEnum  # type: ignore[valid-type]
    field: str | None
    message: str


async def user_type(info: Info, user_id: UUID | None) -> UserType | None:
    if user_id is None:
        return None
    row = await info.context.loaders.user_by_id.load(user_id)
    return UserType.from_row(row) if row else None


@strawberry.type(name="OnboardingRequirement")
class RequirementType:
    kind: RequirementKindEnum  # type: ignore[valid-type]
    key: str = strawberry.field(description="The test's key or the task's kind; empty for time.")
    needed: int = strawberry.field(description="Days since hire, pass score (%) or count.")
    done: int
    met: bool
    available_at: datetime | None = strawberry.field(
        description="Time: when it is met. Test: when the next attempt may start."
    )
    attempts_left: int | None

    @classmethod
    def of(cls, r: Requirement) -> RequirementType:
        return cls(
            kind=r.kind,
            key=r.key,
            needed=r.needed,
            done=r.done,
            met=r.met,
            available_at=r.available_at,
            attempts_left=r.attempts_left,
        )


@strawberry.type(name="OnboardingLevel")
class LevelType:
    number: int
    key: str
    name: str
    state: LevelStateEnum  # type: ignore[valid-type]
    min_days: int
    grants: list[str] = strawberry.field(description="The permissions this level unlocks.")
    requirements: list[RequirementType]

    @classmethod
    def of(cls, p: LevelProgress) -> LevelType:
        return cls(
            number=p.number,
            key=p.level.key,
            name=p.level.name,
            state=p.state,
            min_days=p.level.min_days,
            grants=[g.value for g in p.level.grants],
            requirements=[RequirementType.of(r) for r in p.requirements],
        )


@strawberry.type(name="OnboardingAvailableTest")
class AvailableTestType:
    key: str
    title: str
    level: int
    pass_score: int
    attempts_used: int
    attempts_left: int
    best: int | None
    passed: bool
    available_at: datetime | None = strawberry.field(description="Cooling down until then.")
    attempt_in_progress: strawberry.ID | None
    can_start: bool

    @classmethod
    def of(cls, t: AvailableTest, now: datetime) -> AvailableTestType:
        return cls(
            key=t.key,
            title=t.title,
            level=t.level,
            pass_score=t.pass_score,
            attempts_used=t.attempts_used,
            attempts_left=t.attempts_left,
            best=t.best,
            passed=t.passed,
            available_at=t.available_at,
            attempt_in_progress=strawberry.ID(str(t.in_progress)) if t.in_progress else None,
            can_start=(
                t.exists
                and t.open
                and not t.passed
                and t.attempts_left > 0
                and t.in_progress is None
                and (t.available_at is None or t.available_at <= now)
            ),
        )


@strawberry.type(name="Onboarding")
class OnboardingType:
    progress: strawberry.Private[Progress]
    enrolment_id: strawberry.ID
    status: EnrolmentStatusEnum  # type: ignore[valid-type]
    track_key: str
    track_version: int
    hired_on: date
    days_since_hire: int
    level: int = strawberry.field(description="The highest level reached without a gap.")
    level_since: datetime
    levels: list[LevelType]
    next_level: LevelType | None = strawberry.field(description="What the hire works towards.")
    tests: list[AvailableTestType]

    @strawberry.field(description="The hire always sees their mentor, whatever their team.")
    async def mentor(self, info: Info) -> UserType | None:
        mentor_id = self.progress.enrolment.mentor_id  # type: ignore[attr-defined]
        row = await User.get_or_none(id=mentor_id) if mentor_id else None
        return UserType.from_row(row) if row else None

    @strawberry.field
    async def user(self, info: Info) -> UserType | None:
        return await user_type(info, self.progress.enrolment.user_id)  # type: ignore[attr-defined]

    @classmethod
    def of(cls, p: Progress, track: models.OnboardingTrack, now: datetime) -> OnboardingType:
        evaluation = p.assessed.evaluation
        following = evaluation.next
        return cls(
            progress=p,
            enrolment_id=strawberry.ID(str(p.enrolment.id)),
            status=p.enrolment.status,
            track_key=track.key,
            track_version=track.version,
            hired_on=p.enrolment.hired_on,
            days_since_hire=p.days_since_hire,
            level=evaluation.current,
            level_since=p.enrolment.level_at,
            levels=[LevelType.of(level) for level in evaluation.levels],
            next_level=LevelType.of(following) if following else None,
            tests=[AvailableTestType.of(t, now) for t in p.tests],
        )


@strawberry.type(name="OnboardingCohortMember")
class CohortRowType:
    row: strawberry.Private[CohortRow]
    enrolment_id: strawberry.ID
    level: int
    level_since: datetime
    days_at_level: int
    days_since_hire: int
    next_level: LevelType | None
    blocking: list[RequirementType] = strawberry.field(
        description="The next level's requirements not met yet: where the hire is stuck."
    )
    held: bool

    @strawberry.field
    async def user(self, info: Info) -> UserType | None:
        return await user_type(info, self.row.enrolment.user_id)  # type: ignore[attr-defined]

    @classmethod
    def of(cls, r: CohortRow) -> CohortRowType:
        following = r.assessed.evaluation.next
        return cls(
            row=r,
            enrolment_id=strawberry.ID(str(r.enrolment.id)),
            level=r.assessed.evaluation.current,
            level_since=r.enrolment.level_at,
            days_at_level=r.days_at_level,
            days_since_hire=r.days_since_hire,
            next_level=LevelType.of(following) if following else None,
            blocking=[RequirementType.of(q) for q in following.requirements if not q.met]
            if following
            else [],
            held=following is not None and following.state is LevelState.HELD,
        )


@strawberry.type(name="OnboardingLevelStat")
class LevelStatType:
    number: int
    reached: int
    median_days: float | None
    p90_days: float | None
    waiting: int = strawberry.field(description="Active hires one level below.")

    @classmethod
    def of(cls, s: LevelStat) -> LevelStatType:
        return cls(
            number=s.number,
            reached=s.reached,
            median_days=s.median_days,
            p90_days=s.p90_days,
            waiting=s.waiting,
        )


@strawberry.type(name="OnboardingOption")
class OptionType:
    id: str
    text: str


@strawberry.type(name="OnboardingQuestion")
class QuestionType:
    id: str
    kind: QuestionKindEnum  # type: ignore[valid-type]
    prompt: str
    points: int
    options: list[OptionType] = strawberry.field(description="In the order shown to this attempt.")


@strawberry.type(name="OnboardingQuestionResult")
class QuestionResultType:
    question_id: str
    correct: bool
    points: int


@strawberry.type(name="OnboardingAttempt")
class AttemptType:
    row: strawberry.Private[models.TestAttempt]
    bank: strawberry.Private[quiz.Bank]
    id: strawberry.ID
    test_key: str
    number: int
    pass_score: int
    started_at: datetime
    submitted_at: datetime | None
    score: int | None
    passed: bool | None

    @strawberry.field(description="The drawn questions, never their answers.")
    def questions(self) -> list[QuestionType]:
        drawn = [quiz.DrawnQuestion(d["id"], tuple(d["options"])) for d in self.row.drawn]
        return [
            QuestionType(
                id=str(q["id"]),
                kind=quiz.QuestionKind(str(q["kind"])),
                prompt=str(q["prompt"]),
                points=int(cast(int, q["points"])),
                options=[
                    OptionType(id=str(o["id"]), text=str(o["text"]))
                    for o in cast(list[dict[str, str]], q["options"])
                ],
            )
            for q in quiz.client_view(self.bank, drawn)
        ]

    @strawberry.field(description="After submission: which questions were right (not the answers).")
    def results(self) -> list[QuestionResultType]:
        return [
            QuestionResultType(question_id=r["id"], correct=r["correct"], points=r["points"])
            for r in self.row.results
        ]

    @classmethod
    def of(cls, row: models.TestAttempt, bank: quiz.Bank) -> AttemptType:
        return cls(
            row=row,
            bank=bank,
            id=strawberry.ID(str(row.id)),
            test_key=row.test_key,
            number=row.number,
            pass_score=row.pass_score,
            started_at=row.started_at,
            submitted_at=row.submitted_at,
            score=row.score,
            passed=row.passed,
        )


@strawberry.type(name="OnboardingTrack")
class TrackType:
    id: strawberry.ID
    key: str
    version: int
    name: str
    active: bool
    definition: JSON
    created_at: datetime

    @classmethod
    def of(cls, row: models.OnboardingTrack) -> TrackType:
        return cls(
            id=strawberry.ID(str(row.id)),
            key=row.key,
            version=row.version,
            name=row.name,
            active=row.status is models.VersionStatus.ACTIVE,
            definition=cast(JSON, row.definition),
            created_at=row.created_at,
        )


@strawberry.type(name="OnboardingTest")
class TestType:
    id: strawberry.ID
    key: str
    version: int
    title: str
    active: bool
    bank: JSON = strawberry.field(description="Questions with their answers: editors only.")
    created_at: datetime

    @classmethod
    def of(cls, row: models.OnboardingTest) -> TestType:
        return cls(
            id=strawberry.ID(str(row.id)),
            key=row.key,
            version=row.version,
            title=row.title,
            active=row.status is models.VersionStatus.ACTIVE,
            bank=cast(JSON, row.bank),
            created_at=row.created_at,
        )


@strawberry.type(name="WalkthroughStep")
class StepType:
    action: str
    detail: str
    minutes: int


@strawberry.type(name="WalkthroughDifference")
class DifferenceType:
    kind: str
    expected: StepType | None
    actual: StepType | None
    advice: str


@strawberry.type(name="WalkthroughDrill")
class DrillType:
    row: strawberry.Private[models.WalkthroughDrill]
    brief: strawberry.Private[dict[str, object]]
    id: strawberry.ID
    started_at: datetime
    submitted_at: datetime | None
    similarity: int | None

    @strawberry.field(description="How the lead arrived; nothing that identifies the customer.")
    def lead(self) -> JSON:
        return cast(JSON, self.brief)

    @strawberry.field(description="The winning rep's path: shown once the drill is submitted.")
    def benchmark(self) -> list[StepType] | None:
        if self.row.submitted_at is None:
            return None
        return [StepType(**s) for s in self.row.benchmark]

    @strawberry.field
    def path(self) -> list[StepType] | None:
        return [StepType(**s) for s in self.row.path] if self.row.path else None

    @strawberry.field
    def differences(self) -> list[DifferenceType]:
        return [
            DifferenceType(
                kind=d["kind"],
                expected=StepType(**d["expected"]) if d["expected"] else None,
                actual=StepType(**d["actual"]) if d["actual"] else None,
                advice=d["advice"],
            )
            for d in self.row.differences
        ]

    @strawberry.field(description="The improvement list, most important first (advice codes).")
    def advice(self) -> list[str]:
        return list(self.row.advice)

    @classmethod
    def of(cls, row: models.WalkthroughDrill, lead: Lead) -> DrillType:
        return cls(
            row=row,
            brief=drills.brief(lead),
            id=strawberry.ID(str(row.id)),
            started_at=row.started_at,
            submitted_at=row.submitted_at,
            similarity=row.similarity,
        )


@strawberry.input
class AnswerInput:
    question_id: str
    option_ids: list[str]


@strawberry.input
class StepInput:
    action: str
    detail: str = ""
    minutes: int = 0


@strawberry.type
class OnboardingPayload:
    onboarding: OnboardingType | None = None
    errors: list[OnboardingError] = strawberry.field(default_factory=list)


@strawberry.type
class AttemptPayload:
    attempt: AttemptType | None = None
    errors: list[OnboardingError] = strawberry.field(default_factory=list)


@strawberry.type
class TrackPayload:
    track: TrackType | None = None
    errors: list[OnboardingError] = strawberry.field(default_factory=list)


@strawberry.type
class TestPayload:
    test: TestType | None = None
    errors: list[OnboardingError] = strawberry.field(default_factory=list)


@strawberry.type
class DrillPayload:
    drill: DrillType | None = None
    errors: list[OnboardingError] = strawberry.field(default_factory=list)
