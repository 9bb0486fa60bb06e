"""Count the SQL statements a block of code sends, whichever backend is in use.

A diagnostic for tests and benchmarks (a list must cost a constant number of queries); it
patches the connection client class while the block runs, so never use it in serving code.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from tortoise import connections


class QueryLog:
    """The statements sent while the block ran."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@asynccontextmanager
async def count_queries() -> AsyncIterator[QueryLog]:
    """Record every statement sent through the default connection's client class."""
    log = QueryLog()
    client_class = type(connections.get("default"))
    originals = {
        name: getattr(client_class, name) for name in ("execute_query", "execute_query_dict")
    }

    def wrap(name: str) -> Any:
        original = originals[name]

        async def counted(self: Any, query: str, values: Any = None) -> Any:
            log.statements.append(query)
            return await original(self, query, values)

        return counted

    for name in originals:
        setattr(client_class, name, wrap(name))
    try:
        yield log
    finally:
        for name, original in originals.items():
            setattr(client_class, name, original)
