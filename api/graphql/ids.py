"""Opaque IDs: random UUIDs on the wire; a malformed ID is simply not found."""

from __future__ import annotations

from uuid import UUID


def parse_id(value: str | None) -> UUID | None:
    if not value:
        return None
    try:
        return UUID(str(value))
    except ValueError:
        return None


# A well-formed ID that matches nothing, used where a malformed one must behave as "not found".
NO_SUCH_ID = UUID(int=0)


def id_or_nothing(value: str) -> UUID:
    return parse_id(value) or NO_SUCH_ID
