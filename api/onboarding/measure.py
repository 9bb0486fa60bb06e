"""Counting what hires have done, for many hires at once: one grouped query per source.

Tasks are counted from the records themselves (verified visits, leads touched inside their
SLA), never from counters the events would have to keep: a lost or repeated event cannot
make a count wrong, and a task kind added to a track counts the past too. Each query is one
indexed aggregate over the batch of enrolments (``visit (organisation, rep, started_at)``,
``lead (organisation, owner, status)``, ``onboarding_attempt (enrolment, test, number)``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise import connections

from api.common.raw_values import instant, uuid_of
from api.onboarding.definitions import TaskKind
from api.onboarding.evaluation import Measures, TestRecord

_VISITS = """
SELECT e."id" AS "enrolment", COUNT(v."id") AS "visits"
FROM "onboarding_enrolment" e
JOIN "visit" v ON v."organisation_id" = e."organisation_id" AND v."rep_id" = e."user_id"
  AND v."started_at" >= e."counts_from" AND v."status" = 'CLOSED'
  AND (v."audit_decision" = 'APPROVE' OR (v."audit_decision" IS NULL AND v."verdict" = 'VERIFIED'))
WHERE e."id"{in_ids}
GROUP BY e."id"
"""
# First touched inside the first-touch deadline: touched, and the overdue alert never fired.
_LEADS = """
SELECT e."id" AS "enrolment", COUNT(l."id") AS "leads",
       SUM(CASE WHEN l."renewal" THEN 1 ELSE 0 END) AS "renewals"
FROM "onboarding_enrolment" e
JOIN "lead" l ON l."organisation_id" = e."organisation_id" AND l."owner_id" = e."user_id"
  AND l."touched_at" IS NOT NULL AND l."touch_overdue" = FALSE
  AND l."assigned_at" >= e."counts_from"
WHERE e."id"{in_ids}
GROUP BY e."id"
"""
_ATTEMPTS = """
SELECT "enrolment_id" AS "enrolment", "test_key", COUNT(*) AS "attempts",
       MAX("score") AS "best", MAX("submitted_at") AS "last_at"
FROM "onboarding_attempt"
WHERE "enrolment_id"{in_ids} AND "submitted_at" IS NOT NULL
GROUP BY "enrolment_id", "test_key"
"""
SOURCES = (_VISITS, _LEADS, _ATTEMPTS)


@dataclass(frozen=True, slots=True)
class Query:
    sql: str
    values: list[Any]


EVERY_ACTIVE = None
"""Pass as ``enrolments`` for every active enrolment (the sweep): one pass, no id list."""
_ACTIVE = """ IN (SELECT "id" FROM "onboarding_enrolment" WHERE "status" = 'ACTIVE')"""


def query(template: str, enrolments: Sequence[UUID] | None) -> Query:
    """``template`` for these enrolments (None: every active one), with the placeholders of
    the connection's dialect.

    On PostgreSQL the ids are one array parameter (``= ANY($1)``: an index lookup per id);
    on SQLite an ``IN`` list.
    """
    if enrolments is EVERY_ACTIVE:
        return Query(template.format(in_ids=_ACTIVE), [])
    if _postgres():
        return Query(template.format(in_ids=" = ANY($1::uuid[])"), [list(enrolments)])
    marks = ", ".join("?" * len(enrolments))
    return Query(template.format(in_ids=f" IN ({marks})"), [str(e) for e in enrolments])


async def measure(enrolments: Sequence[UUID] | None) -> dict[UUID, Measures]:
    """Tasks done and test records per enrolment (None: every active one). An enrolment with
    nothing counted is absent (read it with ``.get(id, Measures())``)."""
    if enrolments is not EVERY_ACTIVE and not enrolments:
        return {}
    connection = connections.get("default")
    tasks: dict[UUID, dict[TaskKind, int]] = {}
    tests: dict[UUID, dict[str, TestRecord]] = {}
    visits, leads, attempts = [
        (await connection.execute_query(q.sql, q.values))[1]
        for q in (query(t, enrolments) for t in SOURCES)
    ]
    for row in visits:
        counted = tasks.setdefault(uuid_of(row["enrolment"]), {})
        counted[TaskKind.VISITS_VERIFIED] = int(row["visits"])
    for row in leads:
        counted = tasks.setdefault(uuid_of(row["enrolment"]), {})
        counted[TaskKind.LEADS_IN_SLA] = int(row["leads"])
        counted[TaskKind.RENEWAL_LEADS_IN_SLA] = int(row["renewals"] or 0)
    for row in attempts:
        tests.setdefault(uuid_of(row["enrolment"]), {})[str(row["test_key"])] = TestRecord(
            attempts=int(row["attempts"]),
            best=None if row["best"] is None else int(row["best"]),
            last_at=instant(row["last_at"]),
        )
    return {e: Measures(tasks=tasks.get(e, {}), tests=tests.get(e, {})) for e in {*tasks, *tests}}


def _postgres() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")
