"""The visits' line in the morning digest: how many of the team's visits wait for an audit."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from uuid import UUID

from api.notifications.digest import DigestItem, register_provider
from api.org.models import Role, Team, User
from api.visits.models import Visit

OVERDUE_AFTER = timedelta(hours=24)
"""A visit waiting longer than this for its audit makes the line overdue."""


async def awaiting_audit(
    *, organisation_id: UUID, users: Sequence[User], now: datetime, day_end: datetime
) -> dict[UUID, list[DigestItem]]:
    """For each manager and director: the team subtree's visits in the audit queue."""
    leaders = [u for u in users if u.role in (Role.MANAGER, Role.DIRECTOR) and u.team_id]  # type: ignore[attr-defined]
    if not leaders:
        return {}
    waiting = await Visit.filter(organisation_id=organisation_id, queue_rank__isnull=False).values(
        "rep_id", "ended_at", rep_path="rep__team__path"
    )
    if not waiting:
        return {}
    paths: dict[UUID, str] = dict(
        await Team.filter(
            id__in=[u.team_id for u in leaders],  # type: ignore[attr-defined]
        ).values_list("id", "path")
    )
    found: dict[UUID, list[DigestItem]] = {}
    for leader in leaders:
        path = paths.get(leader.team_id)  # type: ignore[attr-defined]
        mine = [
            v
            for v in waiting
            if path and (v["rep_path"] or "").startswith(path) and v["rep_id"] != leader.id
        ]
        if not mine:
            continue
        oldest = min(v["ended_at"] for v in mine)
        english = leader.locale == "en"
        title = f"{len(mine)} visits await your audit" if english else f"{len(mine)} 条拜访待审核"
        found[leader.id] = [
            DigestItem(
                title=title,
                due_at=None,
                overdue=now - oldest > OVERDUE_AFTER,
                subject_type="audit_queue",
            )
        ]
    return found


register_provider("visits", awaiting_audit)
