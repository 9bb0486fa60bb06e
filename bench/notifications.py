"""Notifications: deliveries per second through the arq worker, and what notify() costs a request.

Part A runs twice, each time with ``--notifications`` notifications (default 10,000) for 50 reps,
each sent in-app and to the WeCom group robot: two deliveries per notification. The first run
makes them with one notify() per notification (a burst of separate requests), the second with
notify() calls of 50 recipients (a broadcast); the set-up is untimed. Timed: draining the outbox
the way production does, the relay (``api.jobs.relay.relay_due``) handing the jobs to arq, then
the worker (``api.worker.run_burst``: arq ``Worker``, ``max_jobs = settings.worker_max_jobs``)
running them; delivery jobs send batches of due deliveries (``api.notifications.delivery``).
WeCom is played by a local receiver speaking the robot protocol, in its own process so that it
competes with the worker for neither the event loop nor the GIL, with ``TCP_NODELAY`` on its
socket as any production server has (without it every answer waits 40 ms for a delayed ACK). The
limit is arq itself: as many no-op jobs as deliveries, run by a Worker set like ``run_burst``'s,
half before and half after ours so that drift hits both sides. A run fails (RuntimeError) unless
the receiver got exactly one message per notification, every delivery ended DELIVERED and every
delivery job DONE.

Part B times one ``notify()`` (one recipient, two channels) inside a transaction against a plain
single-row INSERT (one ``AlertEvent`` through the same ORM connection) inside a transaction,
interleaved sample by sample, and compares their p50 and p99; then it delivers what the samples
left, counting the worker's SQL statements per delivery.
"""

from __future__ import annotations

import asyncio
import gc
import json
import math
import multiprocessing
import socket
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from multiprocessing.connection import Connection
from time import perf_counter
from typing import TYPE_CHECKING, Any, cast
from urllib.parse import parse_qs
from uuid import UUID

import httpx
from arq.connections import ArqRedis
from arq.constants import default_queue_name
from arq.utils import timestamp_ms
from arq.worker import Worker, func
from tortoise import connections
from tortoise.transactions import in_transaction

from api.clock import SystemClock
from api.common.querylog import QueryLog
from api.jobs import registry
from api.jobs.models import OutboxMessage, OutboxStatus
from api.jobs.relay import relay_due
from api.notifications.models import (
    Alert,
    AlertEvent,
    AlertEventKind,
    ChannelConfig,
    Delivery,
    DeliveryStatus,
    NotificationPolicy,
)
from api.notifications.service import DELIVER_JOB, notify
from api.org.models import Organisation, Role, Team, TeamKind, User
from api.settings import Settings
from api.worker import (
    BURST_POLL_DELAY_SECONDS,
    JOB_TIMEOUT_SECONDS,
    KEEP_RESULT_SECONDS,
    run_burst,
)
from bench.common import BenchEnv, Row, Table
from notifications.message import ChannelKind, Urgency
from notifications.templates import Template
from notifications.templates import registry as templates

if TYPE_CHECKING:
    from arq.typing import WorkerCoroutine

NAME = "notifications"
GOAL_RATIO = 0.5
DEFAULT_NOTIFICATIONS = 10_000
REPS = 50
WEBHOOK_KEY = "bench-robot-key"
WEBHOOK_PATH = "/cgi-bin/webhook/send"
SETUP_TRANSACTION = 10  # set-up notify() calls (of up to REPS recipients each) per transaction
RELAY_LIMIT = 1000  # outbox messages per relay call
WARMUP = 20
NOOP_JOB = "bench.noop"
TEMPLATE = "bench.lead_assigned"

templates.register(
    Template(
        name=TEMPLATE,
        title={"zh-CN": "新线索：{customer}", "en": "New lead: {customer}"},
        body={
            "zh-CN": "{customer} 的线索已分配给你，请在 {due_at} 前首次跟进。",
            "en": "The lead of {customer} is yours; first touch due by {due_at}.",
        },
        fields=(({"zh-CN": "来源", "en": "Source"}, "source"),),
        page="pages/leads/detail?id={lead_id}",
    )
)


# --- counting every SQL statement ------------------------------------------------------------

_STATEMENT_METHODS = ("execute_query", "execute_query_dict", "execute_insert", "execute_many")


def _client_classes(root: type) -> list[type]:
    found = [root]
    subclasses: list[type] = root.__subclasses__()
    for sub in subclasses:
        found.extend(_client_classes(sub))
    return found


@asynccontextmanager
async def count_statements() -> AsyncIterator[QueryLog]:
    """Like ``api.common.querylog.count_queries``, but INSERTs count too.

    ``count_queries`` patches only ``execute_query``/``execute_query_dict``; ``Model.create`` goes
    through ``execute_insert`` and ``bulk_create`` through ``execute_many`` (overridden again by
    the transaction wrappers), so they would be missed. Every client class of the default
    connection's family that defines one of the four methods itself is patched.
    """
    log = QueryLog()
    patched: list[tuple[type, str, Any]] = []

    def wrap(original: Any) -> Any:
        async def counted(self: Any, query: str, *args: Any, **kwargs: Any) -> Any:
            log.statements.append(query)
            return await original(self, query, *args, **kwargs)

        return counted

    for cls in _client_classes(type(connections.get("default"))):
        for name in _STATEMENT_METHODS:
            if name in vars(cls):
                original = vars(cls)[name]
                patched.append((cls, name, original))
                setattr(cls, name, wrap(original))
    try:
        yield log
    finally:
        for cls, name, original in reversed(patched):
            setattr(cls, name, original)


# --- the local WeCom robot (a separate process) ----------------------------------------------


class _Receiver:
    """A raw ASGI app playing WeCom's group robot webhook, counting what it accepted."""

    def __init__(self, key: str) -> None:
        self.key = key
        self.accepted = 0
        self.rejected = 0
        self.delivery_ids: set[str] = set()

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        chunks: list[bytes] = []
        while True:
            message = await receive()
            chunks.append(message.get("body", b""))
            if not message.get("more_body", False):
                break
        if scope["method"] == "GET" and scope["path"] == "/stats":
            stats = {
                "accepted": self.accepted,
                "rejected": self.rejected,
                "distinct": len(self.delivery_ids),
            }
            await _answer(send, 200, stats)
        elif scope["method"] == "POST" and scope["path"] == WEBHOOK_PATH:
            await _answer(send, 200, self._robot(scope, b"".join(chunks)))
        else:
            await _answer(send, 404, {"errcode": 404, "errmsg": "not found"})

    def _robot(self, scope: dict[str, Any], raw: bytes) -> dict[str, Any]:
        query = parse_qs(bytes(scope.get("query_string", b"")).decode())
        if query.get("key") != [self.key]:
            self.rejected += 1
            return {"errcode": 93000, "errmsg": "invalid webhook url"}
        try:
            body = json.loads(raw)
            part = body[body["msgtype"]]
            content = part["content"]
        except (ValueError, KeyError, TypeError):
            self.rejected += 1
            return {"errcode": 40008, "errmsg": "invalid message type"}
        if (
            body["msgtype"] not in ("markdown", "text")
            or not isinstance(content, str)
            or not content
        ):
            self.rejected += 1
            return {"errcode": 44004, "errmsg": "empty content"}
        self.accepted += 1
        headers = dict(scope.get("headers") or [])
        delivery_id = headers.get(b"x-liuhen-delivery")
        if delivery_id:
            self.delivery_ids.add(delivery_id.decode())
        return {"errcode": 0, "errmsg": "ok"}


async def _answer(send: Any, status: int, body: dict[str, Any]) -> None:
    payload = json.dumps(body).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json; charset=UTF-8"),
                (b"content-length", str(len(payload)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


def _receiver_process(conn: Connection, key: str) -> None:
    """Child process: bind 127.0.0.1:0, tell the parent the port, serve until terminated."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.bind(("127.0.0.1", 0))
    conn.send(sock.getsockname()[1])
    conn.close()
    config = uvicorn.Config(
        _Receiver(key), lifespan="off", log_level="warning", access_log=False, backlog=1024
    )
    asyncio.run(uvicorn.Server(config).serve(sockets=[sock]))


@dataclass(slots=True)
class ReceiverProcess:
    process: multiprocessing.process.BaseProcess
    url: str

    async def stats(self) -> dict[str, int]:
        async with httpx.AsyncClient(base_url=self.url) as client:
            response = await client.get("/stats")
            response.raise_for_status()
            stats: dict[str, int] = response.json()
            return stats

    def stop(self) -> None:
        self.process.terminate()
        self.process.join(10)
        if self.process.is_alive():
            self.process.kill()
            self.process.join(5)


async def start_receiver(key: str) -> ReceiverProcess:
    context = multiprocessing.get_context("spawn")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(
        target=_receiver_process, args=(child, key), name="bench-wecom", daemon=True
    )
    process.start()
    child.close()
    receiver = ReceiverProcess(process=process, url="")
    try:
        port = await asyncio.to_thread(_read_port, parent)
    except BaseException:
        receiver.stop()
        raise
    receiver.url = f"http://127.0.0.1:{port}"
    for _ in range(200):  # until it answers (a liveness bound of ~10 s)
        try:
            await receiver.stats()
            return receiver
        except httpx.TransportError:
            await asyncio.sleep(0.05)
    receiver.stop()
    raise RuntimeError("the local WeCom receiver did not start")


def _read_port(conn: Connection) -> int:
    if not conn.poll(30):
        raise RuntimeError("the local WeCom receiver did not report its port")
    try:
        port = conn.recv()
    except EOFError as exc:
        raise RuntimeError("the local WeCom receiver exited before it started") from exc
    finally:
        conn.close()
    return int(port)


# --- set-up ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class NotifyOrg:
    organisation_id: UUID
    reps: list[UUID]


async def seed_org() -> NotifyOrg:
    """An organisation with REPS reps, WeCom configured, NORMAL going to in-app + WeCom."""
    org = await Organisation.create(
        name="通知基准测试有限公司", slug=f"bench-notify-{uuid.uuid4().hex[:8]}"
    )
    team_id = uuid.uuid4()
    team = await Team.create(
        id=team_id, organisation=org, name="通知组", kind=TeamKind.TEAM, path=f"/{team_id}/"
    )
    reps = [
        User(
            id=uuid.uuid4(),
            organisation_id=org.id,
            team_id=team.id,
            role=Role.REP,
            username=f"bench.notify.rep{i}.{org.id.hex[:6]}",
            display_name=f"通知代表{i}",
            password_hash=None,
            phone=f"1370000{i:04d}",
            hire_date=date(2024, 3, 1),
        )
        for i in range(1, REPS + 1)
    ]
    await User.bulk_create(reps)
    await ChannelConfig.create(
        organisation_id=org.id,
        channel=ChannelKind.WECOM,
        settings={"webhook_key": WEBHOOK_KEY, "mention": False},
    )
    await NotificationPolicy.create(
        organisation_id=org.id,
        channels={Urgency.NORMAL.value: [ChannelKind.IN_APP.value, ChannelKind.WECOM.value]},
        quiet_start=None,
        quiet_end=None,
    )
    return NotifyOrg(organisation_id=org.id, reps=[u.id for u in reps])


async def notify_one(org: NotifyOrg, i: int, clock: SystemClock, *, recipients: int = 1) -> None:
    """Alert ``i``: a lead assigned to ``recipients`` reps (one notification each)."""
    now = clock.now()
    first = i % len(org.reps)
    await notify(
        organisation_id=org.organisation_id,
        recipients=[org.reps[(first + k) % len(org.reps)] for k in range(recipients)],
        template=TEMPLATE,
        data={
            "customer": f"上海市第{i % 97 + 1}人民医院",
            "due_at": now + timedelta(minutes=15),
            "lead_id": f"L{i}",
            "source": "官网表单",
        },
        urgency=Urgency.NORMAL,
        now=now,
    )


async def make_notifications(
    org: NotifyOrg, notifications: int, clock: SystemClock, *, per_call: int
) -> None:
    """``notifications`` notifications: notify() calls of ``per_call`` recipients (untimed)."""
    sizes = [per_call] * (notifications // per_call)
    if notifications % per_call:
        sizes.append(notifications % per_call)
    for first in range(0, len(sizes), SETUP_TRANSACTION):
        async with in_transaction():
            for i in range(first, min(first + SETUP_TRANSACTION, len(sizes))):
                await notify_one(org, i, clock, recipients=sizes[i])


# --- part A: deliveries per second versus arq no-op jobs --------------------------------------


async def noop(ctx: dict[str, Any]) -> None:
    return None


async def drain_noops(redis: ArqRedis, settings: Settings) -> int:
    """Run the ready no-op jobs with a Worker configured exactly like ``run_burst``'s."""
    completed = 0
    while True:
        ready = await redis.zcount(default_queue_name, "-inf", timestamp_ms())
        if not ready:
            return completed
        worker = Worker(
            functions=[func(cast("WorkerCoroutine", noop), name=NOOP_JOB)],
            redis_pool=redis,
            burst=True,
            max_burst_jobs=ready,
            poll_delay=BURST_POLL_DELAY_SECONDS,
            max_jobs=settings.worker_max_jobs,
            max_tries=registry.MAX_TRIES,
            job_timeout=JOB_TIMEOUT_SECONDS,
            keep_result=KEEP_RESULT_SECONDS,
            handle_signals=False,
            ctx={"settings": settings},
        )
        await worker.async_run()  # not close(): that would close our pool
        completed += worker.jobs_complete


@dataclass(frozen=True, slots=True)
class Timed:
    jobs: int  # what was counted: arq jobs for the limit, deliveries for ours
    enqueue_seconds: float
    run_seconds: float
    arq_jobs: int = 0  # ours: the delivery jobs the relay handed to arq and the worker ran

    @property
    def run_rate(self) -> float:
        return self.jobs / self.run_seconds

    @property
    def total_rate(self) -> float:
        return self.jobs / (self.enqueue_seconds + self.run_seconds)


async def time_noops(redis: ArqRedis, settings: Settings, jobs: int, tag: str) -> Timed:
    run_id = uuid.uuid4().hex[:8]  # arq keeps results an hour: ids must not repeat across runs
    gc.collect()
    start = perf_counter()
    for i in range(jobs):
        await redis.enqueue_job(NOOP_JOB, _job_id=f"{NOOP_JOB}:{run_id}:{tag}:{i}")
    enqueued = perf_counter()
    completed = await drain_noops(redis, settings)
    finished = perf_counter()
    if completed != jobs:
        raise RuntimeError(f"arq ran {completed} of {jobs} no-op jobs")
    return Timed(jobs, enqueued - start, finished - enqueued)


async def time_deliveries(redis: ArqRedis, settings: Settings, deliveries: int) -> Timed:
    """Relay the whole outbox into arq, then run the worker until nothing is ready."""
    clock = SystemClock()
    gc.collect()
    start = perf_counter()
    relayed = 0
    while True:
        moved = await relay_due(redis=redis, now=clock.now(), limit=RELAY_LIMIT)
        if not moved:
            break
        relayed += moved
    enqueued = perf_counter()
    completed = await run_burst(redis=redis, settings=settings, clock=clock)
    finished = perf_counter()
    if not relayed or completed < relayed:
        raise RuntimeError(f"the relay handed {relayed} jobs to arq; the worker ran {completed}")
    return Timed(deliveries, enqueued - start, finished - enqueued, arq_jobs=completed)


async def check_deliveries(
    org: NotifyOrg, receiver: ReceiverProcess, notifications: int, *, received: int
) -> None:
    """Every delivery of ``org`` DELIVERED, every job DONE, one robot message per notification.

    ``received``: how many robot messages the receiver should have had in all by now.
    """
    statuses = {
        status: await Delivery.filter(organisation_id=org.organisation_id, status=status).count()
        for status in DeliveryStatus
    }
    if statuses[DeliveryStatus.DELIVERED] != 2 * notifications or sum(statuses.values()) != (
        2 * notifications
    ):
        summary = ", ".join(f"{s.value}={n}" for s, n in statuses.items() if n)
        raise RuntimeError(f"not every delivery was delivered: {summary}")
    open_jobs = (
        await OutboxMessage.filter(organisation_id=org.organisation_id, job_name=DELIVER_JOB)
        .exclude(status=OutboxStatus.DONE)
        .count()
    )
    if open_jobs:
        raise RuntimeError(f"{open_jobs} delivery jobs are not done")
    stats = await receiver.stats()
    if stats != {"accepted": received, "rejected": 0, "distinct": received}:
        raise RuntimeError(f"the WeCom receiver expected {received} messages, got {stats}")


# --- part B: notify() inside a transaction versus a single-row INSERT -------------------------


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(fraction * len(ordered)) - 1)]


async def interleaved_samples(
    contenders: dict[str, Callable[[int], Awaitable[object]]], *, samples: int
) -> dict[str, list[float]]:
    """One timed call of each contender per round, alternating which goes first."""
    names = list(contenders)
    for i in range(WARMUP):
        for name in names:
            await contenders[name](i)
    timings: dict[str, list[float]] = {name: [] for name in names}
    gc.collect()
    for i in range(samples):
        for name in names if i % 2 == 0 else reversed(names):
            call = contenders[name]
            start = perf_counter()
            await call(WARMUP + i)
            timings[name].append(perf_counter() - start)
    return timings


# --- the benchmark ---------------------------------------------------------------------------


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "BELOW GOAL"


def _total(first: Timed, second: Timed) -> Timed:
    return Timed(
        first.jobs + second.jobs,
        first.enqueue_seconds + second.enqueue_seconds,
        first.run_seconds + second.run_seconds,
    )


@dataclass(frozen=True, slots=True)
class PartA:
    per_call: int
    ours: Timed
    limit: Timed
    setup_seconds: float


async def part_a(
    redis: ArqRedis,
    settings: Settings,
    org: NotifyOrg,
    receiver: ReceiverProcess,
    notifications: int,
    *,
    per_call: int,
    received_before: int,
) -> PartA:
    clock = SystemClock()
    deliveries = 2 * notifications
    print(
        f"  {notifications} notifications, {per_call} recipient(s) per notify() (set-up) ...",
        flush=True,
    )
    start = perf_counter()
    await make_notifications(org, notifications, clock, per_call=per_call)
    setup_seconds = perf_counter() - start
    made = await Delivery.filter(organisation_id=org.organisation_id).count()
    if made != deliveries:
        raise RuntimeError(f"{notifications} notifications made {made} deliveries")

    half = deliveries // 2
    print(f"  arq no-op jobs x {half} (limit, first half) ...", flush=True)
    before = await time_noops(redis, settings, half, f"{per_call}:before")
    print(f"  draining {deliveries} deliveries (relay + worker) ...", flush=True)
    ours = await time_deliveries(redis, settings, deliveries)
    print(f"  arq no-op jobs x {deliveries - half} (limit, second half) ...", flush=True)
    after = await time_noops(redis, settings, deliveries - half, f"{per_call}:after")
    await check_deliveries(org, receiver, notifications, received=received_before + notifications)
    return PartA(
        per_call=per_call, ours=ours, limit=_total(before, after), setup_seconds=setup_seconds
    )


@dataclass(frozen=True, slots=True)
class PartB:
    notify_ms: list[float]
    insert_ms: list[float]
    notify_statements: int
    delivery_statements: float


async def part_b(
    redis: ArqRedis,
    settings: Settings,
    org: NotifyOrg,
    receiver: ReceiverProcess,
    *,
    samples: int,
    offset: int,
    received_before: int,
) -> PartB:
    clock = SystemClock()
    print(f"  notify() vs single-row INSERT, {samples} samples each (interleaved) ...", flush=True)
    anchor = await Alert.filter(organisation_id=org.organisation_id).first()
    if anchor is None:
        raise RuntimeError("no alert to attach the INSERT samples to")

    async def one_notify(i: int) -> None:
        async with in_transaction():
            await notify_one(org, offset + i, clock)

    async def one_insert(i: int) -> None:
        async with in_transaction():
            await AlertEvent.create(
                organisation_id=org.organisation_id,
                alert_id=anchor.id,
                kind=AlertEventKind.CREATED,
                at=clock.now(),
                detail={"recipients": 1},
            )

    timings = await interleaved_samples(
        {"notify": one_notify, "insert": one_insert}, samples=samples
    )
    async with count_statements() as log:
        await one_notify(WARMUP + samples)
    notify_statements = log.count

    # Deliver what the samples left behind, counting the worker's SQL statements per delivery.
    while await relay_due(redis=redis, now=clock.now(), limit=RELAY_LIMIT):
        pass
    async with count_statements() as log:
        await run_burst(redis=redis, settings=settings, clock=clock)
    sent = WARMUP + samples + 1
    await check_deliveries(org, receiver, offset + sent, received=received_before + sent)
    return PartB(
        notify_ms=[1000 * t for t in timings["notify"]],
        insert_ms=[1000 * t for t in timings["insert"]],
        notify_statements=notify_statements,
        delivery_statements=log.count / (2 * sent),
    )


async def run(env: BenchEnv, *, requests: int, notifications: int = DEFAULT_NOTIFICATIONS) -> Table:
    if notifications < 1:
        raise ValueError("--notifications must be at least 1")
    table = Table(f"notifications: {notifications} to in-app + WeCom through the worker, twice")
    redis = env.services.arq
    receiver = await start_receiver(WEBHOOK_KEY)
    try:
        settings = replace(env.settings, wecom_api_base=receiver.url)
        single, broadcast = await seed_org(), await seed_org()
        a = [
            await part_a(
                redis, settings, single, receiver, notifications, per_call=1, received_before=0
            ),
            await part_a(
                redis,
                settings,
                broadcast,
                receiver,
                notifications,
                per_call=REPS,
                received_before=notifications,
            ),
        ]
        b = await part_b(
            redis,
            settings,
            single,
            receiver,
            samples=requests,
            offset=notifications,
            received_before=2 * notifications,
        )
    finally:
        receiver.stop()

    for scenario in a:
        ours, limit = scenario.ours, scenario.limit
        ratio = ours.total_rate / limit.run_rate
        shape = "1 per notify()" if scenario.per_call == 1 else f"{scenario.per_call} per notify()"
        table.rows.append(
            Row(
                f"deliveries/s, relay + worker ({shape})",
                f"{ours.total_rate:.0f}",
                f"{limit.run_rate:.0f}",
                f"{ratio:.2f}",
                f">= {GOAL_RATIO}",
                _verdict(ratio >= GOAL_RATIO),
            )
        )
        table.rows.append(
            Row(
                f"deliveries/s, worker only ({shape})",
                f"{ours.run_rate:.0f}",
                f"{limit.run_rate:.0f}",
                f"{ours.run_rate / limit.run_rate:.2f}",
                "",
                "",
            )
        )
    for label, fraction in (("p50", 0.5), ("p99", 0.99)):
        n = percentile(b.notify_ms, fraction)
        p = percentile(b.insert_ms, fraction)
        table.rows.append(
            Row(
                f"notify() {label} ms, vs 1-row INSERT",
                f"{n:.2f}",
                f"{p:.2f}",
                f"{n / p:.1f}",
                "lower is better",
                "",
            )
        )
    table.notes.append(
        f"each run: {notifications} notifications to {REPS} reps = {2 * notifications} "
        "deliveries, in-app + WeCom robot played by a local receiver in its own process; it got "
        "exactly one message per notification, every delivery ended DELIVERED and every job DONE"
    )
    for scenario in a:
        ours, limit = scenario.ours, scenario.limit
        table.notes.append(
            f"{scenario.per_call} recipient(s) per notify(): set-up (untimed) "
            f"{scenario.setup_seconds:.1f}s; relay_due {ours.enqueue_seconds:.1f}s, then "
            f"run_burst {ours.run_seconds:.1f}s ran {ours.arq_jobs} delivery jobs; limit: "
            f"{limit.jobs} no-op jobs (half before, half after ours) run in "
            f"{limit.run_seconds:.1f}s"
        )
    table.notes.append(
        f"limit: arq no-op jobs enqueued with enqueue_job and run by a Worker set like "
        f"run_burst's (max_jobs={env.settings.worker_max_jobs}, burst, "
        f"poll_delay={BURST_POLL_DELAY_SECONDS}s); delivery jobs take up to "
        f"{env.settings.notification_batch_size} deliveries at a time"
    )
    table.notes.append(
        f"SQL statements: {b.delivery_statements:.1f} per delivery in the worker, "
        f"{b.notify_statements} per notify() of 1 recipient and 2 channels"
    )
    table.notes.append(
        f"notify() vs INSERT: {requests} samples each, each in its own transaction, interleaved; "
        "the INSERT is one AlertEvent row through the same ORM connection"
    )
    return table
