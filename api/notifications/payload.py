"""Template data stored as JSON and read back with its types (datetimes, dates, UUIDs)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any
from uuid import UUID

_DATETIME = "$datetime"
_DATE = "$date"


def encode(data: Mapping[str, object]) -> dict[str, Any]:
    """JSON-safe copy of ``data``; datetimes and dates are tagged for :func:`decode`."""
    return {str(k): _encode(v) for k, v in data.items()}


def decode(data: Mapping[str, Any]) -> dict[str, object]:
    return {k: _decode(v) for k, v in data.items()}


def _encode(value: object) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("template datetimes must be timezone-aware")
        return {_DATETIME: value.isoformat()}
    if isinstance(value, date):
        return {_DATE: value.isoformat()}
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, list | tuple):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise ValueError(f"template data of type {type(value).__name__} cannot be stored")


def _decode(value: Any) -> object:
    if isinstance(value, dict):
        if _DATETIME in value:
            return datetime.fromisoformat(value[_DATETIME])
        if _DATE in value:
            return date.fromisoformat(value[_DATE])
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value
