"""What a query asks for: field names anywhere below the current field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from api.context import Info


def selected_names(info: Info) -> frozenset[str]:
    """Every field name selected below this field (through fragments too)."""
    names: set[str] = set()

    def walk(selections: Iterable[Any]) -> None:
        for selection in selections:
            name = getattr(selection, "name", None)
            if name:
                names.add(name)
            walk(getattr(selection, "selections", ()))

    walk(info.selected_fields)
    return frozenset(names)
