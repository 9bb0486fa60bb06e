"""Per-request dataloaders: a relation resolved across a list costs one query, not one per row.

They are scoped like every query: by the caller's organisation *and* role. A user is visible
when the caller may see their records (api.org.scope) or when they are in the caller's own
management chain; a team when it is in the caller's subtree or above it. Anything else loads as
None, exactly like an ID that does not exist.

Lists that know their relations up front (customers) load them page-wide instead; see
``CustomerType.build``.
"""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from strawberry.dataloader import DataLoader

from api.auth.principal import Principal
from api.leads.models import LeadAssignment, LeadEvent
from api.org.models import Team, User
from api.org.scope import visible_user_ids

MAX_CHAIN = 20  # deeper than any real management chain; stops a cycle in bad data


class Loaders:
    """Created fresh for each request, so nothing is cached across callers."""

    def __init__(self, principal: Principal | None) -> None:
        self._principal = principal
        self._visible: frozenset[UUID] | None = None
        self._visible_known = False
        self.user_by_id: DataLoader[UUID, User | None] = DataLoader(load_fn=self._load_users)
        self.team_by_id: DataLoader[UUID, Team | None] = DataLoader(load_fn=self._load_teams)
        # Keyed by leads the caller was already allowed to read (the lead types are built from
        # scoped queries); the organisation filter is a second fence.
        self.assignments_by_lead: DataLoader[UUID, list[LeadAssignment]] = DataLoader(
            load_fn=self._load_assignments
        )
        self.events_by_lead: DataLoader[UUID, list[LeadEvent]] = DataLoader(
            load_fn=self._load_events
        )

    async def _load_assignments(self, keys: Sequence[UUID]) -> list[list[LeadAssignment]]:
        found: dict[UUID, list[LeadAssignment]] = {key: [] for key in keys}
        if self._principal is not None:
            rows = await LeadAssignment.filter(
                lead_id__in=list(keys), organisation_id=self._principal.organisation_id
            ).order_by("sequence")
            for row in rows:
                found[row.lead_id].append(row)  # type: ignore[attr-defined]
        return [found[key] for key in keys]

    async def _load_events(self, keys: Sequence[UUID]) -> list[list[LeadEvent]]:
        found: dict[UUID, list[LeadEvent]] = {key: [] for key in keys}
        if self._principal is not None:
            rows = await LeadEvent.filter(
                lead_id__in=list(keys), organisation_id=self._principal.organisation_id
            ).order_by("at", "created_at")
            for row in rows:
                found[row.lead_id].append(row)  # type: ignore[attr-defined]
        return [found[key] for key in keys]

    async def _load_users(self, keys: Sequence[UUID]) -> list[User | None]:
        principal = self._principal
        if principal is None:
            return [None] * len(keys)
        rows = await User.filter(id__in=list(keys), organisation_id=principal.organisation_id)
        # The caller always sees themselves (`me`): no scope queries for that.
        others = any(key != principal.user_id for key in keys)
        allowed = await self._visible_users() if others else None
        found = {row.id: row for row in rows if allowed is None or row.id in allowed}
        return [found.get(key) for key in keys]

    async def _load_teams(self, keys: Sequence[UUID]) -> list[Team | None]:
        principal = self._principal
        if principal is None:
            return [None] * len(keys)
        rows = await Team.filter(id__in=list(keys), organisation_id=principal.organisation_id)
        found = {row.id: row for row in rows if _team_visible(principal, row)}
        return [found.get(key) for key in keys]

    async def _visible_users(self) -> frozenset[UUID] | None:
        """Users in the caller's scope plus their management chain; None for the whole org."""
        if not self._visible_known:
            assert self._principal is not None
            scope = await visible_user_ids(self._principal)
            if scope is not None:
                scope = scope | await _management_chain(self._principal)
            self._visible, self._visible_known = scope, True
        return self._visible


def _team_visible(principal: Principal, team: Team) -> bool:
    if principal.sees_whole_organisation:
        return True
    own_path = principal.team_path or ""
    return bool(own_path) and (team.path.startswith(own_path) or f"/{team.id}/" in own_path)


async def _management_chain(principal: Principal) -> frozenset[UUID]:
    chain: list[UUID] = []
    current: UUID | None = principal.user_id
    while current is not None and len(chain) < MAX_CHAIN:
        row = await User.get_or_none(id=current, organisation_id=principal.organisation_id)
        manager_id: UUID | None = row.manager_id if row else None  # type: ignore[attr-defined]
        current = manager_id
        if current is not None:
            if current in chain:
                break
            chain.append(current)
    return frozenset(chain)
