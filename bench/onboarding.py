"""Onboarding: the unlock sweep over every active hire against one indexed aggregate query
over the same events.

- Data: its own organisation (a manager, 20 customers with a site each, the default track from
  ``service.default_track``, the "product-basics" question bank) and ``--hires`` hires (role rep,
  ``in_onboarding``), each enrolled on the default track, hired 10 local days before "now" (level
  2's 7 days have passed, level 3's 14 have not), level 1 already unlocked. Per hire 10 closed
  visits (verified, approved after audit, suspicious, rejected, pending), 10 leads they own
  (renewal or not, touched in time, touched late, untouched) and 2 attempts at
  "product-basics" (some passed). The mix is drawn once (seeded) so that about 8% of the hires
  meet level 2 at the first sweep. The rows are computed once in Python and loaded in bulk (COPY
  on PostgreSQL, with the foreign-key triggers off when the role may do so; ``executemany`` on
  SQLite), so both backends get the same data; SQLite uses at most ``SQLITE_HIRES`` hires.
- Ours: ``engine.sweep(now=now)``, the cron sweep
  (``jobs.sweep_unlocks`` without the relay). The first sweep unlocks level 2 for the hires who
  meet it (reported, no goal); later sweeps are read-only (the steady state), timed repeatedly.
- Limit: one statement, the UNION ALL of the engine's three grouped aggregates
  (``measure.SOURCES``) over all the hires' enrolments at once, run through the same connection.
  Sweep and limit runs alternate (ABBA); the figure is the ratio of their medians.
"""

from __future__ import annotations

import gc
import random
import statistics
import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from time import perf_counter
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise import connections
from tortoise.models import Model
from tortoise.transactions import in_transaction

from api.auth.models import PermissionGrant
from api.common.querylog import count_queries
from api.customers.models import Customer, Datum, Site
from api.jobs.models import OutboxMessage
from api.leads.mapping import Channel
from api.leads.models import Lead, LeadStage, LeadStatus
from api.notifications.models import Alert
from api.onboarding import engine, measure, quiz, service
from api.onboarding.definitions import TaskKind, Track, parse_track
from api.onboarding.evaluation import Measures, Standing, TestRecord, start_of_day, unlockable
from api.onboarding.evaluation import evaluate as evaluate_one
from api.onboarding.models import (
    Enrolment,
    EnrolmentStatus,
    LevelHold,
    LevelUnlock,
    OnboardingTest,
    TestAttempt,
    VersionStatus,
)
from api.org.models import Organisation, Role, Team, TeamKind, User
from api.visits.models import AuditDecision, Visit, VisitStatus, VisitVerdict
from bench.common import BenchEnv, Row, Table
from bench.leads import log_statements

NAME = "onboarding"
GOAL = 3.0
DEFAULT_HIRES = 10_000
SQLITE_HIRES = 2_000  # the embedded database gets fewer hires
SWEEPS = 7  # timed steady-state sweeps (and as many limit runs), after one warm-up each
HIRED_DAYS_AGO = 10
VISITS_PER_HIRE = 10
LEADS_PER_HIRE = 10
CUSTOMERS = 20
TEST_KEY = "product-basics"
PASS_SCORE = 80  # the default track's for TEST_KEY
ORG_SLUG = "bench-onboarding"
RNG_SEED = 20261124
# Shares of hires for whom each requirement of level 2 holds, drawn independently:
# about 0.40 x 0.50 x 0.40 = 8% meet the whole level at the first sweep.
PASSED_SHARE = 0.40
VISITS_SHARE = 0.50
RENEWALS_SHARE = 0.40

BANK: dict[str, Any] = {
    "draw": 3,
    "questions": [
        {
            "id": f"q{n}",
            "kind": "SINGLE",
            "prompt": f"基础产品知识第{n}题",
            "options": [{"id": "a", "text": "选项甲"}, {"id": "b", "text": "选项乙"}],
            "answer": ["a"],
        }
        for n in range(1, 6)
    ],
}


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "BELOW GOAL"


def _pg() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")


# --- the hires and their events ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NewHire:
    """One hire's draw: what of level 2 they have done."""

    user_id: UUID
    enrolment_id: UUID
    verified_visits: int  # visits that count (verified, or approved by a manager)
    renewals_in_sla: int  # renewal leads first touched in time
    other_in_sla: int  # non-renewal leads first touched in time
    scores: tuple[int | None, ...]  # per attempt; None: started, not submitted


def expected_unlocks(
    hires: Sequence[NewHire], track: Track, standing: Standing, now: datetime
) -> dict[UUID, tuple[int, ...]]:
    """What the engine must unlock at the first sweep, from the draw (not from the database)."""
    found: dict[UUID, tuple[int, ...]] = {}
    for h in hires:
        submitted = [s for s in h.scores if s is not None]
        tests = {TEST_KEY: TestRecord(len(submitted), max(submitted), None)} if submitted else {}
        tasks = {
            TaskKind.VISITS_VERIFIED: h.verified_visits,
            TaskKind.LEADS_IN_SLA: h.renewals_in_sla + h.other_in_sla,
            TaskKind.RENEWAL_LEADS_IN_SLA: h.renewals_in_sla,
        }
        evaluation = evaluate_one(track, standing, Measures(tasks=tasks, tests=tests), now)
        if evaluation.to_unlock:
            found[h.enrolment_id] = evaluation.to_unlock
    return found


def draw_hires(count: int, rng: random.Random) -> list[NewHire]:
    hires = []
    for _ in range(count):
        passes = rng.random() < PASSED_SHARE
        if passes:
            scores: tuple[int | None, ...] = (
                rng.randint(50, PASS_SCORE - 1),
                rng.randint(PASS_SCORE, 100),
            )
        else:
            second = None if rng.random() < 0.15 else rng.randint(40, PASS_SCORE - 1)
            scores = (rng.randint(30, PASS_SCORE - 1), second)
        visits = rng.randint(3, 6) if rng.random() < VISITS_SHARE else rng.randint(0, 2)
        renewals = rng.randint(3, 5) if rng.random() < RENEWALS_SHARE else rng.randint(0, 2)
        hires.append(
            NewHire(
                user_id=uuid.uuid4(),
                enrolment_id=uuid.uuid4(),
                verified_visits=visits,
                renewals_in_sla=renewals,
                other_in_sla=rng.randint(1, 4),
                scores=scores,
            )
        )
    return hires


# Visits that do not count, in turn: (verdict, audit decision).
_UNCOUNTED_VISITS = (
    (VisitVerdict.SUSPICIOUS, None),  # waiting in the audit queue
    (VisitVerdict.REJECTED, AuditDecision.REJECT),
    (VisitVerdict.VERIFIED, AuditDecision.REJECT),  # the machine said yes, the manager no
    (VisitVerdict.PENDING, None),
)
# Leads that do not count, in turn: (renewal, touched, overdue).
_UNCOUNTED_LEADS = (
    (True, True, True),
    (False, False, False),
    (False, True, True),
    (True, False, False),
)
_SCORES = {
    VisitVerdict.VERIFIED: 100,
    VisitVerdict.SUSPICIOUS: 60,
    VisitVerdict.REJECTED: 20,
    VisitVerdict.PENDING: 100,
}


Rows = list[dict[str, Any]]


@dataclass(slots=True)
class Load:
    """Rows per table (column -> value, as the model's fields take them), in loading order."""

    tables: list[tuple[type[Model], Rows]]


def build_rows(
    hires: Sequence[NewHire],
    *,
    org: UUID,
    team: UUID,
    manager: UUID,
    track: UUID,
    test: UUID,
    drawn: list[dict[str, Any]],
    customers: Sequence[tuple[UUID, UUID]],
    hired_on: date,
    counts_from: datetime,
    rng: random.Random,
) -> Load:
    users: Rows = []
    enrolments: Rows = []
    unlocks: Rows = []
    visits: Rows = []
    leads: Rows = []
    attempts: Rows = []
    level_1_at = counts_from + timedelta(hours=9)
    for i, h in enumerate(hires):
        created = counts_from + timedelta(milliseconds=i)  # the sweep's order: oldest first
        users.append(
            {
                "id": h.user_id,
                "organisation_id": org,
                "team_id": team,
                "manager_id": manager,
                "username": f"bench.hire{i:06d}",
                "display_name": f"新人{i:05d}",
                "role": Role.REP,
                "hire_date": hired_on,
                "in_onboarding": True,
                "is_active": True,
                "created_at": created,
                "updated_at": created,
            }
        )
        enrolments.append(
            {
                "id": h.enrolment_id,
                "organisation_id": org,
                "user_id": h.user_id,
                "track_id": track,
                "hired_on": hired_on,
                "counts_from": counts_from,
                "status": EnrolmentStatus.ACTIVE,
                "level": 1,
                "level_at": level_1_at,
                "created_at": created,
                "updated_at": level_1_at,
            }
        )
        unlocks.append(
            {
                "id": uuid.uuid4(),
                "organisation_id": org,
                "enrolment_id": h.enrolment_id,
                "number": 1,
                "level_key": "renewals",
                "at": level_1_at,
                "manual": False,
                "grants": [],
                "created_at": level_1_at,
            }
        )
        for j in range(VISITS_PER_HIRE):
            if j < h.verified_visits:
                # Every fourth counted visit was suspicious and approved by a manager.
                if j % 4 == 3:
                    verdict, decision = VisitVerdict.SUSPICIOUS, AuditDecision.APPROVE
                else:
                    verdict, decision = VisitVerdict.VERIFIED, None
            else:
                verdict, decision = _UNCOUNTED_VISITS[j % len(_UNCOUNTED_VISITS)]
            started = counts_from + timedelta(hours=2 + 22 * j, minutes=rng.randrange(600))
            ended = started + timedelta(minutes=40 + rng.randrange(40))
            customer, site = customers[rng.randrange(len(customers))]
            waiting = verdict is VisitVerdict.SUSPICIOUS and decision is None
            visits.append(
                {
                    "id": uuid.uuid4(),
                    "organisation_id": org,
                    "rep_id": h.user_id,
                    "customer_id": customer,
                    "site_id": site,
                    "code": f"OB{i:06d}-{j}",
                    "status": VisitStatus.CLOSED,
                    "verdict": verdict,
                    "score": _SCORES[verdict],
                    "started_at": started,
                    "ended_at": ended,
                    "audit_decision": decision,
                    "audited_at": None if decision is None else ended + timedelta(hours=3),
                    "queue_rank": 0 if waiting else None,
                    "created_at": started,
                    "updated_at": ended,
                }
            )
        counted = h.renewals_in_sla + h.other_in_sla
        for k in range(LEADS_PER_HIRE):
            if k < counted:
                renewal, touched, overdue = k < h.renewals_in_sla, True, False
            else:
                renewal, touched, overdue = _UNCOUNTED_LEADS[k % len(_UNCOUNTED_LEADS)]
            assigned = counts_from + timedelta(hours=1 + 20 * k, minutes=rng.randrange(600))
            touched_at = None
            if touched:
                touched_at = assigned + (timedelta(hours=30) if overdue else timedelta(minutes=25))
            customer, _ = customers[rng.randrange(len(customers))]
            leads.append(
                {
                    "id": uuid.uuid4(),
                    "organisation_id": org,
                    "customer_id": customer,
                    "owner_id": h.user_id,
                    "channel": Channel.STAFF,
                    "status": LeadStatus.ASSIGNED,
                    "stage": LeadStage.CONTACTED if touched else LeadStage.NEW,
                    "renewal": renewal,
                    "company_name": f"新人线索 {i}-{k}",
                    "assignment_sequence": 1,
                    "assigned_at": assigned,
                    "touched_at": touched_at,
                    "touch_overdue": overdue,
                    "last_event_at": touched_at or assigned,
                    "created_at": assigned - timedelta(minutes=1),
                    "updated_at": touched_at or assigned,
                }
            )
        for number, score in enumerate(h.scores, start=1):
            started = counts_from + timedelta(days=1 + 2 * number, minutes=rng.randrange(600))
            attempts.append(
                {
                    "id": uuid.uuid4(),
                    "organisation_id": org,
                    "enrolment_id": h.enrolment_id,
                    "user_id": h.user_id,
                    "test_id": test,
                    "test_key": TEST_KEY,
                    "number": number,
                    "started_at": started,
                    "drawn": drawn,
                    "pass_score": PASS_SCORE,
                    "submitted_at": None if score is None else started + timedelta(minutes=12),
                    "answers": None if score is None else {},
                    "score": score,
                    "passed": None if score is None else score >= PASS_SCORE,
                    "created_at": started,
                }
            )
    return Load(
        [
            (User, users),
            (Enrolment, enrolments),
            (LevelUnlock, unlocks),
            (Visit, visits),
            (Lead, leads),
            (TestAttempt, attempts),
        ]
    )


# --- loading in bulk --------------------------------------------------------------------------


def _defaults(model: type[Model], skip: set[str]) -> dict[str, Any]:
    """Every other NOT NULL column of ``model`` with its default (fails on one without)."""
    meta = model._meta
    found: dict[str, Any] = {}
    for name, column in meta.fields_db_projection.items():
        if column in skip:
            continue
        f = meta.fields_map[name]
        if f.null:
            continue
        if f.default is None:
            raise RuntimeError(f"{meta.db_table}.{column} is NOT NULL without a default: set it")
        found[column] = f.default() if callable(f.default) else f.default
    return found


def _db_rows(model: type[Model], rows: Rows) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The columns (with the defaults of the others) and the rows as the ORM would write them."""
    meta = model._meta
    by_column = {
        column: meta.fields_map[name] for name, column in meta.fields_db_projection.items()
    }
    columns = list(rows[0])
    constant = _defaults(model, set(columns))
    tail = tuple(by_column[c].to_db_value(v, model) for c, v in constant.items())
    fields = [(c, by_column[c]) for c in columns]
    converted = [tuple(f.to_db_value(row[c], model) for c, f in fields) + tail for row in rows]
    return [*columns, *constant], converted


async def load(data: Load) -> bool:
    """Insert every table's rows; True when PostgreSQL's foreign-key triggers were off."""
    tables = [(m._meta.db_table, *_db_rows(m, rows)) for m, rows in data.tables if rows]
    client: Any = connections.get("default")
    unchecked = False
    if _pg():
        async with client.acquire_connection() as conn, conn.transaction():
            unchecked = bool(
                await conn.fetchval("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            )
            if unchecked:
                # Every row points at rows that exist (made just before, or in an earlier
                # table here): skip the foreign-key triggers for this transaction only.
                await conn.execute("SET LOCAL session_replication_role = replica")
            for table, columns, rows in tables:
                await conn.copy_records_to_table(table, records=rows, columns=columns)
        async with client.acquire_connection() as conn:
            for table, _, _ in tables:
                await conn.execute(f'VACUUM ANALYZE "{table}"')
        return unchecked
    async with client.acquire_connection() as conn:
        await conn.execute("BEGIN")
        for table, columns, rows in tables:
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" for _ in columns)
            # Built from the model's columns, no outside input.
            await conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)  # noqa: S608
        await conn.commit()
        await conn.execute("ANALYZE")
    return unchecked


# --- the limit: one statement over the same events --------------------------------------------

_NULL_TEXT = "CAST(NULL AS VARCHAR(32))"
_NULL_COUNT = "CAST(NULL AS BIGINT)"
_NULL_TIME = "CAST(NULL AS TIMESTAMPTZ)"


def limit_query(enrolments: Sequence[UUID]) -> measure.Query:
    """The engine's three grouped aggregates (``measure.SOURCES``) as one UNION ALL statement.

    Each keeps its own SQL, wrapped so the columns line up: (enrolment, source, test_key, n, m,
    last_at). On PostgreSQL the three share the one array parameter ``$1``; on SQLite the ids
    are bound once per part. The NULLs are typed: PostgreSQL resolves a UNION's column types
    pair by pair, and two untyped NULLs would become text.
    """
    visits, leads, attempts = (measure.query(t, enrolments) for t in measure.SOURCES)
    # The engine's own templates, no outside input.
    sql = (
        f'SELECT "enrolment", \'VISITS\' AS "source", {_NULL_TEXT} AS "test_key", '  # noqa: S608
        f'"visits" AS "n", {_NULL_COUNT} AS "m", {_NULL_TIME} AS "last_at" '
        f'FROM ({visits.sql}) AS "v"\n'
        f'UNION ALL\nSELECT "enrolment", \'LEADS\', {_NULL_TEXT}, "leads", "renewals", '
        f'{_NULL_TIME} FROM ({leads.sql}) AS "l"\n'
        'UNION ALL\nSELECT "enrolment", \'TESTS\', "test_key", "attempts", "best", '
        f'"last_at" FROM ({attempts.sql}) AS "a"'
    )
    if _pg():
        return measure.Query(sql, visits.values)  # one $1 for all three
    return measure.Query(sql, [*visits.values, *leads.values, *attempts.values])


async def run_limit(q: measure.Query) -> list[dict[str, Any]]:
    _, rows = await connections.get("default").execute_query(q.sql, q.values)
    return [dict(r) for r in rows]


async def check_limit(ids: Sequence[UUID], rows: list[dict[str, Any]]) -> None:
    """The limit answers what ``measure.measure`` answers, hire by hire, or the run fails."""
    theirs: dict[str, dict[str, Any]] = {str(i): {} for i in ids}
    for row in rows:
        found = theirs[str(row["enrolment"])]
        if row["source"] == "VISITS":
            found["visits"] = int(row["n"])
        elif row["source"] == "LEADS":
            found["leads"] = int(row["n"])
            found["renewals"] = int(row["m"] or 0)
        else:
            found[str(row["test_key"])] = (
                int(row["n"]),
                None if row["m"] is None else int(row["m"]),
            )
    measured = await measure.measure(measure.EVERY_ACTIVE)
    if {str(e) for e in measured} != set(theirs):
        raise RuntimeError("the limit query and measure() count different enrolments")
    for enrolment, m in measured.items():
        ours: dict[str, Any] = {}
        if TaskKind.VISITS_VERIFIED in m.tasks:
            ours["visits"] = m.tasks[TaskKind.VISITS_VERIFIED]
        if TaskKind.LEADS_IN_SLA in m.tasks:
            ours["leads"] = m.tasks[TaskKind.LEADS_IN_SLA]
            ours["renewals"] = m.tasks[TaskKind.RENEWAL_LEADS_IN_SLA]
        for key, record in m.tests.items():
            ours[key] = (record.attempts, record.best)
        if ours != theirs[str(enrolment)]:
            raise RuntimeError(
                f"the limit query and measure() disagree for enrolment {enrolment}: "
                f"{theirs[str(enrolment)]} vs {ours}"
            )


# --- where the sweep's time goes ----------------------------------------------------------------


SPLIT_PASSES = 3


@dataclass(frozen=True, slots=True)
class Split:
    """Seconds per part of one read-only sweep (the worklist query left out)."""

    standings: float
    standings_sql: float  # inside its 3 statements (driver round trip and rows)
    measure: float
    measure_sql: float  # inside its 3 statements
    evaluation: float  # evaluation.unlockable per hire (the sweep's check): pure Python

    @property
    def total(self) -> float:
        return self.standings + self.measure + self.evaluation

    @property
    def python(self) -> float:
        return self.total - self.standings_sql - self.measure_sql


async def split_sweep(ids: Sequence[UUID], now: datetime) -> Split:
    """Passes over the hires as ``engine.sweep`` makes them, each part timed; the median of
    each part over ``SPLIT_PASSES`` passes."""
    passes: list[Split] = []
    for _ in range(SPLIT_PASSES):
        parts = [0.0] * 5
        gc.collect()
        async with log_statements() as log:
            with engine.collection_paused():  # as the sweep runs
                t0, s0 = perf_counter(), log.seconds
                hires = await engine.standings(measure.EVERY_ACTIVE)
                t1, s1 = perf_counter(), log.seconds
                measures = await measure.measure(measure.EVERY_ACTIVE)
                t2, s2 = perf_counter(), log.seconds
                for h in hires:
                    found = measures.get(h.enrolment_id, engine.NOTHING)
                    unlockable(h.track, h.standing, found, now)
                t3 = perf_counter()
            for i, value in enumerate((t1 - t0, s1 - s0, t2 - t1, s2 - s1, t3 - t2)):
                parts[i] += value
        passes.append(Split(*parts))
    return Split(
        *(
            statistics.median(getattr(p, name) for p in passes)
            for name in ("standings", "standings_sql", "measure", "measure_sql", "evaluation")
        )
    )


async def plan_of_visits(ids: Sequence[UUID]) -> list[str]:
    """The plan of the visits aggregate as the sweep sends it (every active enrolment)."""
    q = measure.query(measure.SOURCES[0], measure.EVERY_ACTIVE)
    client: Any = connections.get("default")
    if _pg():
        _, rows = await client.execute_query(f"EXPLAIN {q.sql}", q.values)
        return [str(r["QUERY PLAN"]) for r in rows]
    _, rows = await client.execute_query(f"EXPLAIN QUERY PLAN {q.sql}", q.values)
    return [str(r["detail"]) for r in rows]


# --- set-up and clean-up -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    org: UUID
    team: UUID
    manager: UUID
    track: UUID
    test: UUID
    drawn: list[dict[str, Any]]  # the questions an attempt shows (not read by the engine)
    track_definition: Track
    customers: list[tuple[UUID, UUID]]  # (customer, its site)
    zone: ZoneInfo


async def make_place(now: datetime) -> Place:
    org = await Organisation.create(name="基准入职培训医疗器械有限公司", slug=ORG_SLUG)
    team_id = uuid.uuid4()
    team = await Team.create(
        id=team_id, organisation=org, name="新人训练营", kind=TeamKind.TEAM, path=f"/{team_id}/"
    )
    manager = await User.create(
        organisation=org,
        team=team,
        role=Role.MANAGER,
        username="bench.onboarding.manager",
        display_name="赵经理",
        password_hash=None,
        hire_date=date(2021, 3, 1),
    )
    async with in_transaction():
        track = await service.default_track(org.id, now)
    test = await OnboardingTest.filter(
        organisation_id=org.id, key=TEST_KEY, status=VersionStatus.ACTIVE
    ).first()
    if test is None:  # the default track came without its banks
        bank = quiz.dump_bank(quiz.parse_bank(BANK))
        test = await OnboardingTest.create(
            organisation=org, key=TEST_KEY, version=1, title="基础产品知识", bank=bank
        )
    parsed = quiz.parse_bank(test.bank)
    customers = [
        Customer(
            id=uuid.uuid4(), organisation_id=org.id, owner_id=manager.id, name=f"新人客户{n:02d}"
        )
        for n in range(CUSTOMERS)
    ]
    sites = [
        Site(
            id=uuid.uuid4(),
            organisation_id=org.id,
            customer_id=c.id,
            name="门诊楼",
            address=f"上海市某区健康路{n + 1}号",
            city="上海",
            latitude=31.2 + n / 1000,
            longitude=121.4 + n / 1000,
            datum=Datum.GCJ02,
            radius_m=300,
        )
        for n, c in enumerate(customers)
    ]
    async with in_transaction():
        await Customer.bulk_create(customers)
        await Site.bulk_create(sites)
    return Place(
        org=org.id,
        team=team.id,
        manager=manager.id,
        track=track.id,
        test=test.id,
        drawn=[{"id": q.id, "options": [o.id for o in q.options]} for q in parsed.questions][
            : parsed.draw
        ],
        track_definition=parse_track(track.definition),
        customers=[(c.id, s.id) for c, s in zip(customers, sites, strict=True)],
        zone=ZoneInfo(org.time_zone),
    )


async def clean_up(org: UUID) -> None:
    """Delete the rows the benchmark filled in its organisation, children first.

    The hires, the track, the bank and the customers stay (a small, separate organisation), as
    do the audit entries, which are append-only and keep the organisation.
    """
    for model in (TestAttempt, LevelUnlock, LevelHold, Enrolment, Visit, Lead, PermissionGrant):
        await model.filter(organisation_id=org).delete()
    await Alert.filter(organisation_id=org).delete()  # its notifications and deliveries cascade
    await OutboxMessage.filter(organisation_id=org).delete()  # so no later relay sends them
    await User.filter(organisation_id=org, in_onboarding=True).update(in_onboarding=False)


# --- the benchmark -------------------------------------------------------------------------------


async def run(env: BenchEnv, *, requests: int, hires: int = DEFAULT_HIRES) -> Table:
    del requests  # the sweep is timed SWEEPS times, whatever --requests says
    table = Table("onboarding")
    pg = _pg()
    count = hires if pg else min(hires, SQLITE_HIRES)
    now = env.services.clock.now()
    place = await make_place(now)
    hired_on = now.astimezone(place.zone).date() - timedelta(days=HIRED_DAYS_AGO)
    counts_from = start_of_day(hired_on, place.zone)
    rng = random.Random(RNG_SEED)
    new_hires = draw_hires(count, rng)
    standing = Standing(hired_on=hired_on, zone=place.zone, unlocked=frozenset({1}))
    expected = expected_unlocks(new_hires, place.track_definition, standing, now)
    try:
        print(f"  building {count:,} hires and their events ...", flush=True)
        started = perf_counter()
        data = build_rows(
            new_hires,
            org=place.org,
            team=place.team,
            manager=place.manager,
            track=place.track,
            test=place.test,
            drawn=place.drawn,
            customers=place.customers,
            hired_on=hired_on,
            counts_from=counts_from,
            rng=rng,
        )
        built = perf_counter() - started
        started = perf_counter()
        unchecked = await load(data)
        loaded = perf_counter() - started
        counts = {model: len(rows) for model, rows in data.tables}
        del data  # a quarter of a million row dicts would slow every garbage collection
        gc.collect()
        print(f"  built in {built:.1f}s, inserted and analysed in {loaded:.1f}s", flush=True)
        await _measure(table, new_hires, counts, expected, now=now, count=count)
        where = "PostgreSQL" if pg else f"SQLite (embedded, at most {SQLITE_HIRES:,} hires)"
        table.notes.append(
            f"data: {where}; its own organisation; rows built in Python in {built:.1f}s and "
            f"loaded in {loaded:.1f}s ({'COPY' if pg else 'executemany'}, then "
            f"{'VACUUM ANALYZE' if pg else 'ANALYZE'}); the benchmark's visits, leads, attempts, "
            "unlocks, enrolments, grants and alerts deleted afterwards"
        )
        if unchecked:
            table.notes.append(
                "data: loaded with session_replication_role = replica (foreign-key triggers off "
                "for that one transaction; every row references rows that exist)"
            )
    finally:
        await clean_up(place.org)
    return table


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _levels(unlocked: Sequence[engine.Unlocked]) -> str:
    counts: dict[int, int] = {}
    for u in unlocked:
        for level in u.levels:
            counts[level] = counts.get(level, 0) + 1
    return ", ".join(f"level {n}: {c:,}" for n, c in sorted(counts.items())) or "none"


async def _timed(call: Callable[[], Awaitable[object]]) -> float:
    gc.collect()
    started = perf_counter()
    await call()
    return perf_counter() - started


async def _measure(
    table: Table,
    new_hires: list[NewHire],
    counts: dict[type[Model], int],
    expected: dict[UUID, tuple[int, ...]],
    *,
    now: datetime,
    count: int,
) -> None:
    pg = _pg()
    ids = await engine.active_enrolments()
    if len(ids) != count:
        raise RuntimeError(f"{len(ids)} active enrolments, expected {count}")

    async def sweep() -> list[engine.Unlocked]:
        return await engine.sweep(now=now)

    # 1. The first sweep: it unlocks level 2 for the hires who meet it.
    print(
        f"  first sweep over {count:,} hires (should unlock {len(expected):,}) ...",
        flush=True,
    )
    gc.collect()
    started = perf_counter()
    first = await sweep()
    first_seconds = perf_counter() - started
    unlocked = {u.enrolment_id: u.levels for u in first}
    if unlocked != expected:
        wrong = sum(1 for e, levels in unlocked.items() if expected.get(e) != levels)
        raise RuntimeError(
            f"the first sweep unlocked levels for {len(unlocked)} hires, expected "
            f"{len(expected)} ({wrong} unexpected or different, "
            f"{len(expected.keys() - unlocked.keys())} missing)"
        )

    # 2. The limit answers what the engine measures.
    limit = limit_query(ids)
    rows = await run_limit(limit)
    await check_limit(ids, rows)

    # 3. Steady state: sweeps (read-only now) and the limit, alternating ABBA.
    async def steady() -> None:
        if await sweep():
            raise RuntimeError("a steady-state sweep unlocked something")

    async def limit_run() -> None:
        await run_limit(limit)

    print(f"  timing {SWEEPS} steady sweeps and {SWEEPS} limit queries ...", flush=True)
    await steady()  # warm-up
    await limit_run()
    ours: list[float] = []
    theirs: list[float] = []
    for r in range(SWEEPS):
        if r % 2 == 0:
            ours.append(await _timed(steady))
            theirs.append(await _timed(limit_run))
        else:
            theirs.append(await _timed(limit_run))
            ours.append(await _timed(steady))

    # 4. Diagnostics, untimed: statements per batch, where the time goes, the plan.
    async with count_queries() as queries:
        await steady()
    split = await split_sweep(ids, now)
    plan = await plan_of_visits(ids)
    text = "\n".join(plan)
    seq = (
        ("Seq Scan on visit" in text)
        if pg
        else any(p.startswith("SCAN v") and "INDEX" not in p for p in plan)
    )
    uses_index = "idx_visit" in text
    scans = [p.strip() for p in plan if "Scan" in p or p.startswith(("SCAN", "SEARCH"))]

    median, limit_median = statistics.median(ours), statistics.median(theirs)
    ratio = median / limit_median
    table.rows.append(
        Row(
            f"unlock sweep, {count:,} hires (ms)",
            f"{median * 1000:.1f}",
            f"{limit_median * 1000:.1f}",
            f"{ratio:.2f}",
            f"<= {GOAL}",
            _verdict(ratio <= GOAL),
        )
    )
    table.rows.append(
        Row(
            f"(info) first sweep, {len(first):,} unlocks (ms)",
            f"{first_seconds * 1000:.0f}",
            f"{limit_median * 1000:.1f}",
            f"{first_seconds / limit_median:.2f}",
            "",
            "",
        )
    )
    table.rows.append(
        Row(
            "(info) steady sweep per hire (µs)",
            f"{median * 1e6 / count:.1f}",
            f"{limit_median * 1e6 / count:.1f}",
            "",
            "",
            "",
        )
    )
    table.rows.append(
        Row(
            "(info) visits aggregate uses a visit index",
            "yes" if uses_index and not seq else "no",
            "",
            "",
            "",
            "",
        )
    )
    first_writes = first_seconds - median
    table.notes.append(
        f"sweep: median of {SWEEPS} steady-state sweeps (engine.sweep, read-only once the "
        f"first sweep has unlocked), against the median "
        f"of {SWEEPS} runs of the limit (one UNION ALL of measure.SOURCES over all {count:,} "
        f"enrolments, {len(rows):,} rows), interleaved ABBA; spread ours "
        f"{min(ours) * 1000:.1f}-{max(ours) * 1000:.1f} ms, limit "
        f"{min(theirs) * 1000:.1f}-{max(theirs) * 1000:.1f} ms"
    )
    table.notes.append(
        f"first sweep: {len(first):,} hires unlocked a level ({100 * len(first) / count:.1f}%: "
        f"{_levels(first)}), "
        f"about {max(first_writes, 0) * 1000 / max(len(first), 1):.1f} ms per unlock over the "
        "read-only sweep (transaction, row lock, grants, audit entry, alert to hire and manager)"
    )
    table.notes.append(
        f"statements: {queries.count} per steady sweep (standings, unlocks, holds and the three "
        "counts, each over every active enrolment; limit: 1)"
    )
    table.notes.append(
        f"where a steady sweep's time goes (each part timed, median of {SPLIT_PASSES} more "
        f"passes): standings {_ms(split.standings)} ({_ms(split.standings_sql)} in its "
        f"statements), measure {_ms(split.measure)} ({_ms(split.measure_sql)} in its "
        f"statements), evaluation {_ms(split.evaluation)} (pure Python); Python in all "
        f"{_ms(split.python)} ({100 * split.python / split.total:.0f}%, "
        f"{split.python * 1e6 / count:.0f} µs per hire)"
    )
    print("  visits aggregate plan (the sweep's):", flush=True)
    for line in plan:
        print(f"    {line}", flush=True)
    table.notes.append(
        "visits aggregate plan (the sweep's): " + (" / ".join(scans) or plan[0].strip())
    )
    table.notes.append(
        f"rows: {count:,} hires and enrolments (level 1 unlocked, hired {HIRED_DAYS_AGO} days "
        f"ago), {counts[Visit]:,} closed visits, {counts[Lead]:,} leads, "
        f"{counts[TestAttempt]:,} test attempts; counted: "
        f"{sum(h.verified_visits for h in new_hires):,} verified visits, "
        f"{sum(h.renewals_in_sla + h.other_in_sla for h in new_hires):,} leads touched in time"
    )
