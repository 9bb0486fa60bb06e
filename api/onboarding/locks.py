"""Refusing what a hire has not unlocked, and saying what unlocks it.

Enforcement lives in the API: a mutation behind a permission the caller's onboarding holds
back answers ``PERMISSION_LOCKED``, with ``extensions.unlock`` naming the level that grants
it and that level's requirements with the hire's progress. Anyone else without the
permission gets the plain ``FORBIDDEN``.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.errors import ApiError, ApiErrorCode
from api.onboarding import engine
from api.onboarding.evaluation import Evaluation, LevelProgress
from api.onboarding.models import Enrolment, EnrolmentStatus


async def require(principal: Principal, permission: Permission, *, now: datetime) -> None:
    """Pass when the caller holds ``permission``; else PERMISSION_LOCKED or FORBIDDEN."""
    if principal.can(permission):
        return
    progress = await granting_level(principal, permission, now=now)
    if progress is None:
        raise ApiError(ApiErrorCode.FORBIDDEN)
    raise ApiError(
        ApiErrorCode.PERMISSION_LOCKED,
        level=progress.number,
        level_name=progress.level.name,
        extensions={"unlock": unlock_detail(permission, progress)},
    )


async def granting_level(
    principal: Principal, permission: Permission, *, now: datetime
) -> LevelProgress | None:
    """The level of the caller's track that grants ``permission`` (None: not a hire, or no
    level grants it)."""
    enrolment = await Enrolment.filter(
        user_id=principal.user_id, status=EnrolmentStatus.ACTIVE
    ).first()
    if enrolment is None:
        return None
    assessed = await engine.assess([enrolment.id], now=now)
    if not assessed:
        return None
    return level_granting(assessed[0].evaluation, permission)


def level_granting(evaluation: Evaluation, permission: Permission) -> LevelProgress | None:
    return next((p for p in evaluation.levels if permission in p.level.grants), None)


def unlock_detail(permission: Permission, progress: LevelProgress) -> dict[str, Any]:
    """What ``extensions.unlock`` carries: the level and each requirement's progress."""
    return {
        "permission": permission.value,
        "level": progress.number,
        "levelKey": progress.level.key,
        "levelName": progress.level.name,
        "state": progress.state.value,
        "requirements": [
            {
                "kind": r.kind.value,
                "key": r.key,
                "needed": r.needed,
                "done": r.done,
                "met": r.met,
                "availableAt": r.available_at.isoformat() if r.available_at else None,
            }
            for r in progress.requirements
        ],
    }
