"""Mapping service errors to the ``errors`` list of mutation payloads."""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Protocol, TypeVar

from api import i18n
from api.errors import ServiceError


class UserErrorType(Protocol):
    def __init__(self, *, code: Any, field: str | None, message: str) -> None: ...


E = TypeVar("E", bound=UserErrorType)


def user_errors(error: ServiceError, error_type: type[E], locale: str) -> list[E]:
    """One payload error, its message localised, its code the domain enum."""
    code: StrEnum = error.code
    return [
        error_type(
            code=code, field=error.field, message=i18n.message(code.value, locale, **error.params)
        )
    ]
