"""Per-request dataloaders: a relation resolved across a list costs one query, not one per row.

Lists that know their relations up front (customers) load them page-wide instead; see
``CustomerType.build``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar
from uuid import UUID

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from api.org.models import Team, User

M = TypeVar("M", bound=Model)


def _by_id(model: type[M], organisation_id: UUID) -> DataLoader[UUID, M | None]:
    async def load(keys: Sequence[UUID]) -> list[M | None]:
        rows = await model.filter(id__in=list(keys), organisation_id=organisation_id)
        found = {row.pk: row for row in rows}
        return [found.get(key) for key in keys]

    return DataLoader(load_fn=load)


class Loaders:
    """Created fresh for each request, so nothing is cached across callers."""

    def __init__(self, organisation_id: UUID | None) -> None:
        org = organisation_id or UUID(int=0)
        self.user_by_id = _by_id(User, org)
        self.team_by_id = _by_id(Team, org)
