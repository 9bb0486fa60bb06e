"""Cursor connections (``first``/``after``) for every list in the API."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

import strawberry
from tortoise.models import Model

from api.common.pagination import Page

T = TypeVar("T")
M = TypeVar("M", bound=Model)


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    page: strawberry.Private[Page[Any]]

    @strawberry.field
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]

    @strawberry.field(description="Total number of items across all pages (one extra query).")
    async def total_count(self) -> int:
        return await self.page.query.count()

    @classmethod
    def from_page(cls, page: Page[M], nodes: Callable[[M], T] | list[T]) -> Connection[T]:
        """The connection of ``page``: nodes built one by one, or already built in order."""
        built = nodes if isinstance(nodes, list) else [nodes(item) for item in page.items]
        return cls(
            edges=[
                Edge(cursor=cursor, node=node)
                for cursor, node in zip(page.cursors, built, strict=True)
            ],
            page_info=PageInfo(
                has_next_page=page.has_next_page,
                has_previous_page=page.has_previous_page,
                start_cursor=page.start_cursor,
                end_cursor=page.end_cursor,
            ),
            page=page,
        )
