"""Routing's counters: open leads per person and leads routed per person and day.

Both are kept by the statements that change them (one upsert each, inside the business
transaction), so reading the load of every rep costs two small queries whatever the size of
the lead table. The upserts are plain SQL (``INSERT ... ON CONFLICT DO UPDATE``), which
PostgreSQL and SQLite both speak; only the placeholders differ. They are
:class:`~api.common.writes.Statement` s, sent with the rest of a transaction's writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from api.common.writes import Statement, run_together
from api.leads.models import RepLoad, RepTally


def _day(at: datetime | date) -> str:
    return (at.date() if isinstance(at, datetime) else at).isoformat()


_COLUMNS = {
    "rep_load": ('"key", "organisation_id", "user_id", "open_leads"', "open_leads"),
    "rep_tally": ('"key", "organisation_id", "user_id", "day", "routed"', "routed"),
}


def _statement(table: str, rows: list[tuple[Any, ...]]) -> Statement:
    """``INSERT ... ON CONFLICT ("key") DO UPDATE`` adding each row's last value."""
    if not rows:
        return Statement()
    names, column = _COLUMNS[table]
    width = len(rows[0])
    numbered = [
        "(" + ", ".join(f"${index * width + i + 1}" for i in range(width)) + ")"
        for index in range(len(rows))
    ]
    marked = ["(" + ", ".join("?" * width) + ")" for _ in rows]
    # Identifiers come from this module's constants; every value is a bound parameter.
    head = f'INSERT INTO "{table}" ({names}) VALUES '  # noqa: S608
    tail = (
        f' ON CONFLICT ("key") DO UPDATE SET "{column}" = "{table}"."{column}" + '
        f'EXCLUDED."{column}"'
    )
    values = [v for row in rows for v in row]
    return Statement(
        postgres=head + ", ".join(numbered) + tail,
        sqlite=head + ", ".join(marked) + tail,
        values=values,
        sqlite_values=[str(v) if isinstance(v, UUID) else v for v in values],
    )


def counter_statements(
    *,
    organisation_id: UUID,
    open_changes: Mapping[UUID, int],
    routed_to: UUID | None,
    at: datetime,
) -> list[Statement]:
    """An assignment's counter changes: open leads moved, one more routed lead (if routed)."""
    loads = [(str(u), organisation_id, u, d) for u, d in open_changes.items() if d]
    day = _day(at)
    tally = [(f"{routed_to}:{day}", organisation_id, routed_to, day, 1)] if routed_to else []
    return [_statement("rep_load", loads), _statement("rep_tally", tally)]


async def adjust_open(*, organisation_id: UUID, changes: Mapping[UUID, int]) -> None:
    """Change the open-lead counts of people (call inside the transaction that moves leads)."""
    rows = [(str(u), organisation_id, u, d) for u, d in changes.items() if d]
    await run_together([_statement("rep_load", rows)])


async def open_leads(*, organisation_id: UUID) -> dict[str, int]:
    """Open leads per person (user id as text)."""
    rows = await RepLoad.filter(organisation_id=organisation_id).values_list("key", "open_leads")
    return {str(key): int(count) for key, count in rows}


async def routed_since(*, organisation_id: UUID, now: datetime, days: int) -> dict[str, int]:
    """Leads routed to each person over the last ``days`` UTC days, today included."""
    first = _day(now - timedelta(days=days - 1))
    rows = await RepTally.filter(organisation_id=organisation_id, day__gte=first).values_list(
        "user_id", "routed"
    )
    totals: dict[str, int] = {}
    for user_id, routed in rows:
        totals[str(user_id)] = totals.get(str(user_id), 0) + int(routed)
    return totals
