"""Several writes in one round trip: a transaction's inserts sent as one PostgreSQL statement.

A captured lead writes seven kinds of rows (customer, contact, lead, assignment, timeline
events, the notice's outbox job, routing counters). Sent one by one, the round trips and the
ORM's per-statement work cost more than the rest of the request. On PostgreSQL,
:func:`run_together` sends them as one statement: each write is a data-modifying CTE. Every
primary key is chosen by the client (UUIDs), so no write needs another's result; foreign keys
are checked at the end of the statement, when every row exists. The writes of one run must
be independent otherwise: they share one snapshot, so an UPDATE does not see a row another
write of the same run inserts, and no two writes may change the same row. On SQLite (which has no
data-modifying CTEs) the same writes run one after the other, in the given order, the
inserts through Tortoise's own ``bulk_create``.

On PostgreSQL the values are converted exactly as Tortoise converts them for its own inserts
(``field.to_db_value``), so ``auto_now`` columns, enums and JSON are what ``save()`` writes.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from tortoise import connections
from tortoise.fields import Field
from tortoise.models import Model

_PARAMETER = re.compile(r"\$(\d+)")


@dataclass(frozen=True, slots=True)
class Statement:
    """One write: SQL with placeholders numbered from ``$1`` (PostgreSQL) and ``?`` (SQLite),
    or new model instances to insert."""

    postgres: str = ""
    sqlite: str = ""
    values: Sequence[Any] = ()
    sqlite_values: Sequence[Any] = ()
    instances: Sequence[Model] = field(default_factory=tuple)
    ignore_conflicts: bool = False


def insert(instances: Sequence[Model], *, ignore_conflicts: bool = False) -> Statement:
    """The INSERT of new instances of one model (primary keys already set).

    ``ignore_conflicts``: a row that would break a unique constraint is skipped (ON CONFLICT DO
    NOTHING), as ``bulk_create(ignore_conflicts=True)`` does.
    """
    if not instances:
        return Statement()
    model = type(instances[0])
    if any(type(i) is not model or i.pk is None or i._saved_in_db for i in instances):
        raise ValueError("insert takes new instances of one model with their primary keys")
    return Statement(instances=tuple(instances), ignore_conflicts=ignore_conflicts)


async def run_together(statements: Sequence[Statement]) -> None:
    """Run the writes, in order, in the caller's transaction: one statement on PostgreSQL.

    The inserted instances are marked as stored, so a later ``save()`` updates them.
    """
    statements = [s for s in statements if s.postgres or s.instances]
    if not statements:
        return
    connection = connections.get("default")
    if connection.capabilities.dialect == "postgres":
        parts: list[str] = []
        values: list[Any] = []
        for statement in statements:
            sql, own = _postgres(statement, after=len(values))
            parts.append(sql)
            values += own
        *ctes, last = parts
        with_ = ", ".join(f"w{i} AS ({sql})" for i, sql in enumerate(ctes))
        await connection.execute_query(f"WITH {with_} {last}" if ctes else last, values)
    else:
        for statement in statements:
            if statement.instances:
                await type(statement.instances[0]).bulk_create(
                    list(statement.instances), ignore_conflicts=statement.ignore_conflicts
                )
            else:
                await connection.execute_query(statement.sqlite, list(statement.sqlite_values))
    for statement in statements:
        for instance in statement.instances:
            instance._saved_in_db = True


_COLUMNS: dict[type[Model], tuple[str, str, list[tuple[str, Field[Any]]]]] = {}


def _columns(model: type[Model]) -> tuple[str, str, list[tuple[str, Field[Any]]]]:
    """A model's table, its quoted column list and its (attribute, field) pairs: worked out
    once per model (the metadata never changes after start-up)."""
    found = _COLUMNS.get(model)
    if found is None:
        meta = model._meta
        fields = [
            (name, meta.fields_map[name])
            for name in meta.fields_db_projection
            if not meta.fields_map[name].generated
        ]
        names = ", ".join(f'"{meta.fields_db_projection[name]}"' for name, _ in fields)
        found = _COLUMNS[model] = (meta.db_table, names, fields)
    return found


def _postgres(statement: Statement, *, after: int) -> tuple[str, list[Any]]:
    """The statement's PostgreSQL SQL, its placeholders numbered from ``after + 1``, and its
    values (an insert's built from its instances)."""
    if not statement.instances:
        sql = _PARAMETER.sub(lambda m: f"${int(m.group(1)) + after}", statement.postgres)
        return sql, list(statement.values)
    table, names, fields = _columns(type(statement.instances[0]))
    width = len(fields)
    groups = []
    values: list[Any] = []
    for index, instance in enumerate(statement.instances):
        values += [f.to_db_value(getattr(instance, name), instance) for name, f in fields]
        start = after + index * width
        groups.append("(" + ", ".join(f"${start + i + 1}" for i in range(width)) + ")")
    # Identifiers come from the model's metadata; every value is a bound parameter.
    sql = f'INSERT INTO "{table}" ({names}) VALUES {", ".join(groups)}'  # noqa: S608
    if statement.ignore_conflicts:
        sql += " ON CONFLICT DO NOTHING"
    return sql, values
