"""Values as the drivers return them from raw SQL: typed on PostgreSQL, often text on SQLite.

Code that reads rows with ``execute_query`` (the hot paths that skip the ORM) converts each
column through one of these, so both backends give the same Python values.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID


def uuid_of(value: Any) -> UUID:
    return value if isinstance(value, UUID) else UUID(str(value))


def instant(value: Any) -> datetime | None:
    """A timestamp (naive text read as UTC), or None."""
    if value is None or isinstance(value, datetime):
        return value
    parsed = datetime.fromisoformat(str(value))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def day(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def json_of(value: Any) -> Any:
    """A JSON column (text on both drivers when read raw)."""
    return json.loads(value) if isinstance(value, str | bytes) else value
