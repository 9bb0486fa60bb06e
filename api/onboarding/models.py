"""Onboarding records: tracks and question banks (versioned), enrolments, unlocks, holds,
test attempts and walkthrough drills.

Tracks and banks are stored as immutable versions: saving one writes the next version and
retires the previous, so an enrolment or an attempt keeps pointing at the rules it was given.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from api.common.models import Entity, MutableEntity
from api.leads.models import Lead
from api.org.models import Organisation, User


class VersionStatus(StrEnum):
    ACTIVE = "ACTIVE"
    RETIRED = "RETIRED"


class EnrolmentStatus(StrEnum):
    ACTIVE = "ACTIVE"
    COMPLETED = "COMPLETED"  # every level unlocked: the hire has graduated
    WITHDRAWN = "WITHDRAWN"


class OnboardingTrack(Entity):
    """One version of a track: the levels, as validated JSON (``definitions.parse_track``)."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="onboarding_tracks", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=32)
    version = fields.IntField()
    name = fields.CharField(max_length=60)
    definition: dict[str, Any] = fields.JSONField()  # type: ignore[assignment]
    status = fields.CharEnumField(VersionStatus, max_length=8, default=VersionStatus.ACTIVE)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "onboarding_track"
        unique_together = (("organisation_id", "key", "version"),)
        indexes = (("organisation_id", "status"),)


class OnboardingTest(Entity):
    """One version of a question bank (``quiz.parse_bank``); attempts keep their version."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="onboarding_tests", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=32)
    version = fields.IntField()
    title = fields.CharField(max_length=60)
    bank: dict[str, Any] = fields.JSONField()  # type: ignore[assignment]
    status = fields.CharEnumField(VersionStatus, max_length=8, default=VersionStatus.ACTIVE)
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "onboarding_test"
        unique_together = (("organisation_id", "key", "version"),)
        indexes = (("organisation_id", "key", "status"),)


class Enrolment(MutableEntity):
    """A hire on a track version: where they stand, who mentors them."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="onboarding_enrolments", on_delete=fields.CASCADE
    )
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="enrolment", on_delete=fields.CASCADE
    )
    track: fields.ForeignKeyRelation[OnboardingTrack] = fields.ForeignKeyField(
        "models.OnboardingTrack", related_name="enrolments", on_delete=fields.RESTRICT
    )
    mentor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="mentees", null=True, on_delete=fields.SET_NULL
    )
    hired_on = fields.DateField()
    counts_from = fields.DatetimeField()  # the hire date's local midnight: events since count
    status = fields.CharEnumField(EnrolmentStatus, max_length=10, default=EnrolmentStatus.ACTIVE)
    level = fields.SmallIntField(default=0)  # the highest level reached without a gap
    level_at = fields.DatetimeField()  # since when (enrolment, or the last level reached)
    completed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "onboarding_enrolment"
        indexes = (("organisation_id", "status"),)


class LevelUnlock(Entity):
    """A level reached: by the engine or by a manager; revoked levels keep their row."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name=False, on_delete=fields.CASCADE
    )
    enrolment: fields.ForeignKeyRelation[Enrolment] = fields.ForeignKeyField(
        "models.Enrolment", related_name="unlocks", on_delete=fields.CASCADE
    )
    number = fields.SmallIntField()
    level_key = fields.CharField(max_length=32)
    at = fields.DatetimeField()
    manual = fields.BooleanField(default=False)
    by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    reason = fields.CharField(max_length=300, default="")
    grants: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    revoked_at = fields.DatetimeField(null=True)
    revoked_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    revoke_reason = fields.CharField(max_length=300, default="")

    class Meta:
        table = "onboarding_unlock"
        unique_together = (("enrolment_id", "number"),)


class LevelHold(Entity):
    """A manager holds a level back (the engine will not unlock it) until they release it."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name=False, on_delete=fields.CASCADE
    )
    enrolment: fields.ForeignKeyRelation[Enrolment] = fields.ForeignKeyField(
        "models.Enrolment", related_name="holds", on_delete=fields.CASCADE
    )
    number = fields.SmallIntField()
    at = fields.DatetimeField()
    by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    reason = fields.CharField(max_length=300)
    released_at = fields.DatetimeField(null=True)
    released_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "onboarding_hold"
        indexes = (("enrolment_id", "released_at"),)


class TestAttempt(Entity):
    """One attempt at a test: the questions drawn for it, then the answers and the grade."""

    __test__ = False  # not a pytest test class, whatever its name

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name=False, on_delete=fields.CASCADE
    )
    enrolment: fields.ForeignKeyRelation[Enrolment] = fields.ForeignKeyField(
        "models.Enrolment", related_name="attempts", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="test_attempts", on_delete=fields.CASCADE
    )
    test: fields.ForeignKeyRelation[OnboardingTest] = fields.ForeignKeyField(
        "models.OnboardingTest", related_name="attempts", on_delete=fields.RESTRICT
    )
    test_key = fields.CharField(max_length=32)
    number = fields.SmallIntField()  # 1, 2, ... per enrolment and test
    started_at = fields.DatetimeField()
    # [{"id": question id, "options": [option ids in the order shown]}]
    drawn: list[dict[str, Any]] = fields.JSONField()  # type: ignore[assignment]
    pass_score = fields.SmallIntField()  # the threshold when it was started
    submitted_at = fields.DatetimeField(null=True)
    answers: dict[str, Any] | None = fields.JSONField(null=True)  # type: ignore[assignment]
    score = fields.SmallIntField(null=True)
    passed = fields.BooleanField(null=True)
    results: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]

    class Meta:
        table = "onboarding_attempt"
        unique_together = (("enrolment_id", "test_key", "number"),)


class WalkthroughDrill(Entity):
    """A hire replays a won lead: the benchmark path, their path, the differences."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name=False, on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="walkthroughs", on_delete=fields.CASCADE
    )
    lead: fields.ForeignKeyRelation[Lead] = fields.ForeignKeyField(
        "models.Lead", related_name=False, on_delete=fields.CASCADE
    )
    started_at = fields.DatetimeField()
    benchmark: list[dict[str, Any]] = fields.JSONField()  # type: ignore[assignment]
    path: list[dict[str, Any]] | None = fields.JSONField(null=True)  # type: ignore[assignment]
    similarity = fields.SmallIntField(null=True)
    differences: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]
    advice: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    submitted_at = fields.DatetimeField(null=True)

    class Meta:
        table = "onboarding_drill"
        indexes = (("user_id", "started_at"),)
