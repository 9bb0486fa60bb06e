"""Per-request dataloaders: every relation in a list resolves in one query per relation."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from api.customers.models import Contact, Site
from api.org.models import Team, User

M = TypeVar("M", bound=Model)


def _by_id(model: type[M], organisation_id: UUID) -> DataLoader[UUID, M | None]:
    async def load(keys: Sequence[UUID]) -> list[M | None]:
        rows = await model.filter(id__in=list(keys), organisation_id=organisation_id)
        found = {row.pk: row for row in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


def _many_by(
    model: type[M], key: str, organisation_id: UUID, order: tuple[str, ...]
) -> DataLoader[UUID, list[M]]:
    async def load(keys: Sequence[UUID]) -> list[list[M]]:
        rows = await model.filter(
            **{f"{key}__in": list(keys)}, organisation_id=organisation_id
        ).order_by(*order)
        grouped: dict[UUID, list[M]] = defaultdict(list)
        for row in rows:
            grouped[getattr(row, key)].append(row)
        return [grouped.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


class Loaders:
    """Created fresh for each request, so nothing is cached across callers."""

    def __init__(self, organisation_id: UUID | None) -> None:
        org = organisation_id or UUID(int=0)
        self.user_by_id = _by_id(User, org)
        self.team_by_id = _by_id(Team, org)
        self.contacts_by_customer_id = _many_by(Contact, "customer_id", org, ("name", "id"))
        self.sites_by_customer_id = _many_by(Site, "customer_id", org, ("name", "id"))
