"""Keyset (cursor) pagination over Tortoise querysets: stable, index-friendly, opaque cursors."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from tortoise.expressions import Q
from tortoise.fields import DatetimeField, UUIDField
from tortoise.models import Model
from tortoise.queryset import QuerySet

from api.errors import ApiError, ApiErrorCode

M = TypeVar("M", bound=Model)


@dataclass(frozen=True, slots=True)
class Page(Generic[M]):
    items: list[M]
    cursors: list[str]
    has_next_page: bool
    has_previous_page: bool
    query: QuerySet[M]

    @property
    def start_cursor(self) -> str | None:
        return self.cursors[0] if self.cursors else None

    @property
    def end_cursor(self) -> str | None:
        return self.cursors[-1] if self.cursors else None


def page_size(first: int | None, *, default: int, maximum: int) -> int:
    """The requested page size, refusing more than ``maximum`` (never silently truncating)."""
    if first is None:
        return default
    if first < 0 or first > maximum:
        raise ApiError(ApiErrorCode.PAGE_SIZE_LIMIT, limit=maximum, requested=first)
    return first


def encode_cursor(values: list[Any]) -> str:
    raw = json.dumps([_plain(v) for v in values], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, model: type[Model], order: tuple[str, ...]) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(values, list) or len(values) != len(order):
            raise ValueError("cursor shape")
        return [_typed(model, name, v) for name, v in zip(order, values, strict=True)]
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError) as exc:
        raise ApiError(ApiErrorCode.INVALID_CURSOR) from exc


async def paginate(
    query: QuerySet[M],
    *,
    first: int,
    after: str | None,
    order: tuple[str, ...],
    descending: bool = False,
) -> Page[M]:
    """One page in ``order`` (last field unique) after the ``after`` cursor."""
    model = query.model
    filtered = query
    if after:
        values = decode_cursor(after, model, order)
        beyond = "lt" if descending else "gt"
        condition = Q()
        for i, name in enumerate(order):
            equal = {order[j]: values[j] for j in range(i)}
            condition |= Q(**equal, **{f"{name}__{beyond}": values[i]})
        filtered = query.filter(condition)
    sort = [f"-{name}" if descending else name for name in order]
    rows = await filtered.order_by(*sort).limit(first + 1)
    items = rows[:first]
    cursors = [encode_cursor([getattr(item, name) for name in order]) for item in items]
    return Page(
        items=items,
        cursors=cursors,
        has_next_page=len(rows) > first,
        has_previous_page=after is not None,
        query=query,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return value


def _typed(model: type[Model], name: str, value: Any) -> Any:
    field = model._meta.fields_map[name]
    if isinstance(field, DatetimeField):
        return datetime.fromisoformat(str(value))
    if isinstance(field, UUIDField):
        return UUID(str(value))
    if not isinstance(value, str | int | float):
        raise TypeError("cursor value")
    return value
