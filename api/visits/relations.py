"""The relations of a page of visits, each kind loaded in one query whatever the page length."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field
from typing import Any, TypeVar
from uuid import UUID

from tortoise.models import Model

from api.auth.principal import Principal
from api.customers.models import Customer, Site
from api.customers.service import scoped_customers
from api.org.models import User
from api.visits.models import Visit, VisitAudit, VisitFix, VisitPhoto, VisitRecording

M = TypeVar("M", bound=Model)


@dataclass(slots=True)
class VisitRelations:
    users: dict[UUID, User] = field(default_factory=dict)
    customers: dict[UUID, Customer] = field(default_factory=dict)
    sites: dict[UUID, Site] = field(default_factory=dict)
    fixes: dict[UUID, list[VisitFix]] = field(default_factory=dict)
    photos: dict[UUID, list[VisitPhoto]] = field(default_factory=dict)
    recordings: dict[UUID, list[VisitRecording]] = field(default_factory=dict)
    audits: dict[UUID, list[VisitAudit]] = field(default_factory=dict)
    complete: frozenset[str] = frozenset()  # GraphQL names already answered by these relations


def _by_visit(rows: list[Any]) -> dict[UUID, list[Any]]:
    grouped: dict[UUID, list[Any]] = {}
    for row in rows:
        grouped.setdefault(row.visit_id, []).append(row)
    return grouped


async def _visible_customers(principal: Principal, ids: set[UUID]) -> list[Customer]:
    """The visits' customers the caller may see (a customer since reassigned may not be)."""
    scoped = await scoped_customers(principal=principal)
    return await scoped.filter(id__in=list(ids))


async def relations_of(
    *,
    visits: list[Visit],
    wanted: Collection[str],
    principal: Principal,
    known: VisitRelations | None = None,
) -> VisitRelations:
    """Load the relations named in ``wanted`` (GraphQL field names) for ``visits``, together.

    ``known`` relations (e.g. what a mutation has just written) are taken as they are: the
    kinds it holds any entry of, or names in ``known_kinds``, are not read again.
    """
    relations = known or VisitRelations()
    if not visits:
        return relations
    wanted = set(wanted) - set(relations.complete)
    org = visits[0].organisation_id  # type: ignore[attr-defined]
    ids = [v.id for v in visits]
    nothing: list[Any] = []

    async def none() -> list[Any]:
        return nothing

    def when(names: Collection[str], load: Callable[[], Awaitable[list[M]]]) -> Awaitable[Any]:
        return load() if any(n in wanted for n in names) else none()

    user_ids = {v.rep_id for v in visits}  # type: ignore[attr-defined]
    evidence = {"visit_id__in": ids, "organisation_id": org}
    reps, customers, sites, fixes, photos, recordings, audits = await asyncio.gather(
        when(("rep", "auditor", "audits"), lambda: User.filter(id__in=list(user_ids))),
        when(
            ("customer",),
            lambda: _visible_customers(principal, {v.customer_id for v in visits}),  # type: ignore[attr-defined]
        ),
        when(
            ("site",),
            lambda: Site.filter(
                id__in=list({v.site_id for v in visits}),  # type: ignore[attr-defined]
                organisation_id=org,
            ),
        ),
        when(("start", "end", "findings"), lambda: VisitFix.filter(**evidence)),
        when(("photos", "findings"), lambda: VisitPhoto.filter(**evidence).order_by("created_at")),
        when(
            ("voiceSummaries", "findings"),
            lambda: VisitRecording.filter(**evidence).order_by("created_at"),
        ),
        when(("audits",), lambda: VisitAudit.filter(**evidence).order_by("created_at")),
    )
    relations.users.update((u.id, u) for u in reps)
    relations.customers.update((c.id, c) for c in customers)
    relations.sites.update((s.id, s) for s in sites)
    relations.fixes.update(_by_visit(fixes))
    relations.photos.update(_by_visit(photos))
    relations.recordings.update(_by_visit(recordings))
    relations.audits.update(_by_visit(audits))
    auditor_ids = {a.auditor_id for a in audits} - set(relations.users)
    if auditor_ids:
        relations.users.update(
            (u.id, u) for u in await User.filter(id__in=list(auditor_ids), organisation_id=org)
        )
    return relations
