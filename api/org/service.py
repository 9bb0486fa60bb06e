"""Organisation rules: who sees which users and teams; user and team administration."""

from __future__ import annotations

from tortoise.queryset import QuerySet

from api.auth.principal import Principal
from api.org.models import Team, User
from api.org.scope import visible_user_ids


async def scoped_users(*, principal: Principal) -> QuerySet[User]:
    query = User.filter(organisation_id=principal.organisation_id)
    visible = await visible_user_ids(principal)
    if visible is not None:
        query = query.filter(id__in=list(visible))
    return query


async def scoped_teams(*, principal: Principal) -> list[Team]:
    query = Team.filter(organisation_id=principal.organisation_id)
    if not principal.sees_whole_organisation:
        if not principal.team_path:
            return []
        query = query.filter(path__startswith=principal.team_path)
    return await query.order_by("path")
