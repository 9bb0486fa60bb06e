"""Who may see whose records: rep -> own; manager/director -> own team subtree; others -> org."""

from __future__ import annotations

from uuid import UUID

from api.auth.principal import Principal
from api.org.models import Role, User


async def visible_user_ids(principal: Principal) -> frozenset[UUID] | None:
    """Users whose records the caller may see; None means the whole organisation."""
    if principal.sees_whole_organisation:
        return None
    if principal.role in {Role.MANAGER, Role.DIRECTOR} and principal.team_path:
        ids = await User.filter(
            organisation_id=principal.organisation_id, team__path__startswith=principal.team_path
        ).values_list("id", flat=True)
        return frozenset({principal.user_id, *(UUID(str(i)) for i in ids)})
    return frozenset({principal.user_id})


async def can_see_user(principal: Principal, user_id: UUID) -> bool:
    visible = await visible_user_ids(principal)
    if visible is None:
        return await User.filter(id=user_id, organisation_id=principal.organisation_id).exists()
    return user_id in visible
