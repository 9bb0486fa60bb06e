"""How each person takes part in routing: pools, weight, capacity and absences."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.errors import ServiceError
from api.leads.errors import LeadErrorCode as Code
from api.leads.models import RoutingProfile
from api.org.models import User
from api.org.scope import visible_user_ids

POOL = re.compile(r"^[a-z0-9_-]{1,32}$")
MAX_POOLS = 10
MAX_WEIGHT = 100.0
MAX_CAPACITY = 10_000


async def set_profile(
    *,
    principal: Principal,
    user_id: UUID,
    pools: list[str],
    weight: float,
    capacity: int | None,
    away_from: datetime | None,
    away_until: datetime | None,
    now: datetime,
) -> RoutingProfile:
    """Create or replace a person's routing profile (managers: their team; admins: everyone)."""
    visible = await visible_user_ids(principal)
    if visible is not None and user_id not in visible:
        raise ServiceError(Code.USER_NOT_FOUND, field="userId")
    if not await User.filter(id=user_id, organisation_id=principal.organisation_id).exists():
        raise ServiceError(Code.USER_NOT_FOUND, field="userId")
    if len(pools) > MAX_POOLS:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="pools", max=MAX_POOLS)
    for index, pool in enumerate(pools):
        if not POOL.match(pool):
            raise ServiceError(
                Code.INVALID_VALUE, field=f"pools[{index}]", reason="a-z, 0-9, _ or -"
            )
    if not 0 <= weight <= MAX_WEIGHT:
        raise ServiceError(Code.INVALID_VALUE, field="weight", reason=f"0 to {MAX_WEIGHT:g}")
    if capacity is not None and not 1 <= capacity <= MAX_CAPACITY:
        raise ServiceError(Code.INVALID_VALUE, field="capacity", reason=f"1 to {MAX_CAPACITY}")
    for name, value in (("awayFrom", away_from), ("awayUntil", away_until)):
        if value is not None and value.tzinfo is None:
            raise ServiceError(Code.INVALID_VALUE, field=name, reason="a time zone is required")
    if away_from and away_until and away_until <= away_from:
        raise ServiceError(Code.INVALID_VALUE, field="awayUntil", reason="after awayFrom")
    values = {
        "pools": list(dict.fromkeys(pools)),
        "weight": float(weight),
        "capacity": capacity,
        "away_from": away_from.astimezone(UTC) if away_from else None,
        "away_until": away_until.astimezone(UTC) if away_until else None,
    }
    async with in_transaction():
        profile, _ = await RoutingProfile.update_or_create(
            defaults=values, organisation_id=principal.organisation_id, user_id=user_id
        )
        await audit.record(
            organisation_id=principal.organisation_id,
            action="leads.routing_profile.set",
            at=now,
            actor_id=principal.user_id,
            subject_type="user",
            subject_id=str(user_id),
            data={"pools": values["pools"], "weight": weight, "capacity": capacity},
        )
    return profile
