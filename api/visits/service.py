"""Visit rules: start and end a visit, read visits within the caller's scope, judge them.

Each mutation is one transaction. Checks are pure functions from ``verification``; this module
gathers what they need (the site, the rep's earlier fixes, Wi-Fi learned at the site, the
organisation's policy), stores what they found and recomputes the verdict.
"""

from __future__ import annotations

import asyncio
import math
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.customers import service as customers
from api.customers.models import Datum, Site
from api.errors import ServiceError
from api.onboarding import triggers as onboarding
from api.org.models import Organisation, Role
from api.org.scope import visible_user_ids
from api.services import Services
from api.visits import policy as policies
from api.visits.errors import VisitErrorCode as Code
from api.visits.models import (
    AuditDecision,
    FixKind,
    Visit,
    VisitFix,
    VisitPhoto,
    VisitRecording,
    VisitStatus,
    VisitVerdict,
)
from verification import gps
from verification import visit as visit_checks
from verification.findings import Finding, FindingCode
from verification.geo import Datum as GeoDatum
from verification.geo import Point, to_wgs84
from verification.verdict import assess

ABANDONED_AFTER = timedelta(hours=12)
"""An open visit nobody ended is closed by the periodic sweep this long after it started."""
RECENT_FIXES = 10
JOINT_VISIT_WINDOW = timedelta(minutes=30)
LEARNED_WIFI_VISITS = 50
MAX_WIFI = 50
MAX_DEVICE_KEYS, MAX_DEVICE_VALUE = 12, 128
MAX_SUMMARY, MAX_NEXT_STEP = 2000, 500
_CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"


@dataclass(frozen=True, slots=True)
class Position:
    latitude: float
    longitude: float
    accuracy_m: float
    datum: Datum
    altitude_m: float | None = None
    speed_mps: float | None = None
    captured_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class WifiSighting:
    bssid: str
    ssid: str = ""


@dataclass(frozen=True, slots=True)
class StartVisit:
    site_id: UUID
    position: Position
    client_time: datetime
    wifi: Sequence[WifiSighting] = ()
    device: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Outcome:
    summary: str = ""
    next_step: str = ""
    next_step_due: datetime | None = None


# Reads ---------------------------------------------------------------------------------------


async def scoped_visits(*, principal: Principal) -> QuerySet[Visit]:
    """Visits the caller may see: own (rep), team subtree (manager, director), all (admin).

    Roles without a visit permission (marketing, finance, delivery) see none.
    """
    query = Visit.filter(organisation_id=principal.organisation_id)
    if principal.role is Role.ADMIN:
        return query
    if not (principal.can(Permission.VISITS_CREATE) or principal.can(Permission.VISITS_AUDIT)):
        return query.filter(id__in=[])
    visible = await visible_user_ids(principal)
    if visible is not None:
        query = query.filter(rep_id__in=list(visible))
    return query


async def get_visit(*, principal: Principal, visit_id: UUID) -> Visit | None:
    """The visit, or None when it does not exist or is outside the caller's scope."""
    return await (await scoped_visits(principal=principal)).filter(id=visit_id).first()


@dataclass(frozen=True, slots=True)
class VisitFilter:
    rep_id: UUID | None = None
    customer_id: UUID | None = None
    verdicts: Sequence[VisitVerdict] = ()
    started_after: datetime | None = None
    started_before: datetime | None = None


async def list_visits(*, principal: Principal, filter: VisitFilter) -> QuerySet[Visit]:
    query = await scoped_visits(principal=principal)
    if filter.rep_id:
        query = query.filter(rep_id=filter.rep_id)
    if filter.customer_id:
        query = query.filter(customer_id=filter.customer_id)
    if filter.verdicts:
        query = query.filter(verdict__in=list(filter.verdicts))
    # In UTC: SQLite compares stored timestamps as text.
    if filter.started_after:
        query = query.filter(started_at__gte=filter.started_after.astimezone(UTC))
    if filter.started_before:
        query = query.filter(started_at__lt=filter.started_before.astimezone(UTC))
    return query


async def own_visit(*, principal: Principal, visit_id: UUID, lock: bool = False) -> Visit:
    """The caller's own visit, open or closed, or a ServiceError saying why not."""
    query = (await scoped_visits(principal=principal)).filter(id=visit_id)
    if lock:
        query = query.select_for_update()
    visit = await query.first()
    if visit is None:
        raise ServiceError(Code.VISIT_NOT_FOUND, field="visitId")
    if visit.rep_id != principal.user_id:  # type: ignore[attr-defined]
        raise ServiceError(Code.NOT_YOUR_VISIT, field="visitId")
    return visit


async def own_open_visit(*, principal: Principal, visit_id: UUID, lock: bool = False) -> Visit:
    """The caller's own open visit, or a ServiceError saying why not."""
    visit = await own_visit(principal=principal, visit_id=visit_id, lock=lock)
    if visit.status is not VisitStatus.OPEN:
        raise ServiceError(Code.VISIT_CLOSED, field="visitId")
    return visit


async def _may_see(principal: Principal, visit: Visit) -> bool:
    return await (await scoped_visits(principal=principal)).filter(id=visit.id).exists()


# Start ---------------------------------------------------------------------------------------


def _check_position(position: Position, field_name: str) -> None:
    values = (position.latitude, position.longitude, position.accuracy_m)
    if not all(math.isfinite(v) for v in values):
        raise ServiceError(Code.INVALID_POSITION, field=field_name)
    if not (-90 <= position.latitude <= 90 and -180 <= position.longitude <= 180):
        raise ServiceError(Code.INVALID_POSITION, field=field_name)
    if position.latitude == 0 and position.longitude == 0:
        raise ServiceError(Code.INVALID_POSITION, field=field_name)  # "no fix" sentinel
    if not 0 <= position.accuracy_m <= 100_000:
        raise ServiceError(Code.INVALID_ACCURACY, field=f"{field_name}.accuracy")
    for name, value in (("altitude", position.altitude_m), ("speed", position.speed_mps)):
        if value is not None and not (math.isfinite(value) and abs(value) < 100_000):
            raise ServiceError(Code.INVALID_POSITION, field=f"{field_name}.{name}")


def _check_time(value: datetime | None, field_name: str) -> None:
    if value is not None and (value.tzinfo is None or value.utcoffset() is None):
        raise ServiceError(Code.INVALID_TIMESTAMP, field=field_name)


def _device(device: Mapping[str, str]) -> dict[str, str]:
    if len(device) > MAX_DEVICE_KEYS:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="device", max=MAX_DEVICE_KEYS)
    out: dict[str, str] = {}
    for key, value in device.items():
        if len(key) > 32 or len(str(value)) > MAX_DEVICE_VALUE:
            raise ServiceError(Code.TOO_LONG, field=f"device.{key[:32]}", max=MAX_DEVICE_VALUE)
        out[key] = str(value)
    return out


def geo_datum(datum: Datum) -> GeoDatum:
    """The API's datum enum (WGS84/GCJ02) as the checks name it (wgs84/gcj02)."""
    return GeoDatum(datum.value.lower())


def visit_code(now: datetime, zone: ZoneInfo | None = None) -> str:
    """A short code people can read out and the watermark can carry: V-241124-7KQ2MX (the
    date is the organisation's local date)."""
    tail = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(6))
    local = now.astimezone(zone) if zone else now
    return f"V-{local:%y%m%d}-{tail}"


def fix_of(position: Position, client_time: datetime) -> gps.Fix:
    return gps.Fix(
        latitude=position.latitude,
        longitude=position.longitude,
        datum=geo_datum(position.datum),
        accuracy_m=position.accuracy_m,
        altitude_m=position.altitude_m,
        speed_mps=position.speed_mps,
        client_time=client_time,
    )


def site_location(site: Site) -> gps.SiteLocation:
    point = Point(site.latitude, site.longitude, geo_datum(site.datum))
    return gps.SiteLocation(point=point, radius_m=float(site.radius_m))


def prior_of(row: VisitFix) -> gps.PriorFix:
    return gps.PriorFix(
        point=Point(row.latitude, row.longitude, geo_datum(row.datum)),
        at=row.server_time,
        accuracy_m=row.accuracy_m,
        altitude_m=row.altitude_m,
        speed_mps=row.speed_mps,
        visit_id=str(row.visit_id),  # type: ignore[attr-defined]
    )


def _micro(value: float) -> int:
    return round(value * 1_000_000)


async def _previous_fixes(*, rep_id: UUID, before: datetime) -> list[gps.PriorFix]:
    """The rep's recent fixes, newest first: travel, replay and signature are judged on them."""
    rows = (
        await VisitFix.filter(rep_id=rep_id, server_time__lte=before)
        .order_by("-server_time")
        .limit(RECENT_FIXES)
    )
    return [prior_of(r) for r in rows]


async def _same_place(
    *, organisation_id: UUID, rep_id: UUID, position: Position, now: datetime
) -> list[gps.PriorFix]:
    """Other people's earlier fixes at exactly these coordinates: a position shared between
    phones is a replay too (found by index on the reported micro-degrees). Fixes of the last
    ``JOINT_VISIT_WINDOW`` are left out: two reps visiting together may get the same cached
    Wi-Fi position."""
    rows = (
        await VisitFix.filter(
            organisation_id=organisation_id,
            lat_e6=_micro(position.latitude),
            lon_e6=_micro(position.longitude),
            server_time__lt=now - JOINT_VISIT_WINDOW,
        )
        .exclude(rep_id=rep_id)
        .limit(RECENT_FIXES)
    )
    return [prior_of(r) for r in rows]


async def learned_bssids(*, site_id: UUID) -> set[str]:
    """Access points seen at this site's verified visits (the latest ones)."""
    rows = (
        await VisitFix.filter(
            visit__site_id=site_id,
            visit__verdict=VisitVerdict.VERIFIED,
        )
        .order_by("-server_time")
        .limit(LEARNED_WIFI_VISITS)
        .values_list("bssids", flat=True)
    )
    return {b for bssids in rows for b in (bssids or [])}


async def _visible_site(principal: Principal, site_id: UUID) -> Site:
    """The site, if its customer is one the caller may see (one query)."""
    visible = await customers.scoped_customers(principal=principal)
    site = await Site.filter(
        id=site_id,
        organisation_id=principal.organisation_id,
        customer_id__in=Subquery(visible.values("id")),
    ).first()
    if site is None:
        raise ServiceError(Code.SITE_NOT_FOUND, field="siteId")
    return site


async def _open_visit_and_organisation(principal: Principal) -> tuple[Visit | None, Organisation]:
    return await asyncio.gather(
        Visit.filter(rep_id=principal.user_id, status=VisitStatus.OPEN).first(),
        Organisation.get(id=principal.organisation_id),
    )


@dataclass(frozen=True, slots=True)
class StartedVisit:
    """A visit just started, with what the caller needs to show it without reading it back."""

    visit: Visit
    site: Site
    start: VisitFix


async def start_visit(
    *, principal: Principal, data: StartVisit, services: Services
) -> StartedVisit:
    """Check in at a customer site: store the fix and what its checks found, at once."""
    _check_position(data.position, "position")
    _check_time(data.client_time, "clientTime")
    _check_time(data.position.captured_at, "position.capturedAt")
    if len(data.wifi) > MAX_WIFI:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="wifi", max=MAX_WIFI)
    device = _device(data.device)
    now = services.clock.now()
    # Independent reads, sent together.
    (already, organisation), site, current, previous, known, others = await asyncio.gather(
        _open_visit_and_organisation(principal),
        _visible_site(principal, data.site_id),
        policies.current(organisation_id=principal.organisation_id),
        _previous_fixes(rep_id=principal.user_id, before=now),
        learned_bssids(site_id=data.site_id),
        _same_place(
            organisation_id=principal.organisation_id,
            rep_id=principal.user_id,
            position=data.position,
            now=now,
        ),
    )
    if already is not None:
        raise ServiceError(Code.VISIT_ALREADY_OPEN, field="siteId", visit_code=already.code)
    seen = sorted(gps.normalise_bssids([w.bssid for w in data.wifi]))
    fix = fix_of(data.position, data.position.captured_at or data.client_time)
    findings = gps.check_fix(
        fix=fix,
        server_time=now,
        site=site_location(site),
        previous=previous,
        known_bssids=known,
        seen_bssids=seen,
        policy=current.policy,
        evidence="gps:start",
    )
    if not any(f.code is FindingCode.GPS_REPLAYED for f in findings):
        findings += gps.check_replay(
            fix=fix, previous=others, policy=current.policy, evidence="gps:start"
        )
    wgs = to_wgs84(fix.point)
    judged = assess(findings, closed=False, policy=current.policy)  # its only evidence so far
    try:
        async with in_transaction():
            visit = await Visit.create(
                organisation_id=principal.organisation_id,
                rep_id=principal.user_id,
                customer_id=site.customer_id,  # type: ignore[attr-defined]
                site_id=site.id,
                code=visit_code(now, ZoneInfo(organisation.time_zone)),
                started_at=now,
                policy_version=current.version,
                device=device,
                verdict=VisitVerdict(judged.verdict.value),
                score=judged.score,
            )
            start_fix = await _store_fix(
                visit=visit,
                kind=FixKind.START,
                position=data.position,
                client_time=data.client_time,
                server_time=now,
                bssids=seen,
                findings=findings,
                wgs=wgs,
            )
    except IntegrityError:
        # Another check-in of the same rep won the race (one open visit per rep, by index).
        raced = await Visit.filter(rep_id=principal.user_id, status=VisitStatus.OPEN).first()
        raise ServiceError(
            Code.VISIT_ALREADY_OPEN, field="siteId", visit_code=raced.code if raced else ""
        ) from None
    return StartedVisit(visit=visit, site=site, start=start_fix)


async def _store_fix(
    *,
    visit: Visit,
    kind: FixKind,
    position: Position,
    client_time: datetime,
    server_time: datetime,
    bssids: Sequence[str],
    findings: Sequence[Finding],
    wgs: Point | None,
) -> VisitFix:
    if wgs is None:
        wgs = to_wgs84(Point(position.latitude, position.longitude, geo_datum(position.datum)))
    return await VisitFix.create(
        organisation_id=visit.organisation_id,  # type: ignore[attr-defined]
        visit_id=visit.id,
        rep_id=visit.rep_id,  # type: ignore[attr-defined]
        kind=kind,
        latitude=position.latitude,
        longitude=position.longitude,
        datum=position.datum,
        wgs_latitude=wgs.latitude,
        wgs_longitude=wgs.longitude,
        lat_e6=_micro(position.latitude),
        lon_e6=_micro(position.longitude),
        accuracy_m=position.accuracy_m,
        altitude_m=position.altitude_m,
        speed_mps=position.speed_mps,
        client_time=client_time,
        server_time=server_time,
        bssids=list(bssids),
        findings=[f.to_json() for f in findings],
    )


# End -----------------------------------------------------------------------------------------


async def end_visit(
    *,
    principal: Principal,
    visit_id: UUID,
    position: Position | None,
    client_time: datetime | None,
    outcome: Outcome,
    services: Services,
) -> Visit:
    """Close the visit: the end fix, the visit-wide checks, the verdict; and the day's backfill
    pattern, which may reject this visit and the rep's other visits of the same evening."""
    if position is not None:
        _check_position(position, "position")
    _check_time(client_time, "clientTime")
    _check_time(outcome.next_step_due, "outcome.nextStepDue")
    if len(outcome.summary) > MAX_SUMMARY:
        raise ServiceError(Code.TOO_LONG, field="outcome.summary", max=MAX_SUMMARY)
    if len(outcome.next_step) > MAX_NEXT_STEP:
        raise ServiceError(Code.TOO_LONG, field="outcome.nextStep", max=MAX_NEXT_STEP)
    now = services.clock.now()
    current = await policies.current(organisation_id=principal.organisation_id)
    async with in_transaction():
        visit = await own_visit(principal=principal, visit_id=visit_id, lock=True)
        if visit.status is VisitStatus.CLOSED:
            return visit  # a retried endVisit (the phone lost the answer) gets the same visit
        await close(
            visit=visit,
            position=position,
            client_time=client_time or now,
            outcome=outcome,
            now=now,
            current=current,
        )
        await onboarding.progressed(
            organisation_id=principal.organisation_id,
            user_id=principal.user_id,
            because=f"visit:{visit.id}",
            now=now,
        )
    return visit


async def close(
    *,
    visit: Visit,
    position: Position | None,
    client_time: datetime,
    outcome: Outcome,
    now: datetime,
    current: policies.OrgPolicy,
) -> None:
    """Close an open visit (locked by the caller's transaction) and judge it."""
    start = await VisitFix.get(visit_id=visit.id, kind=FixKind.START)
    end_point: Point | None = None
    if position is not None:
        site = await Site.get(id=visit.site_id)  # type: ignore[attr-defined]
        fix = fix_of(position, position.captured_at or client_time)
        end_findings = gps.check_fix(
            fix=fix,
            server_time=now,
            site=site_location(site),
            previous=[prior_of(start)],
            known_bssids=set(),
            seen_bssids=[],
            policy=current.policy,
            evidence="gps:end",
            visit_id=str(visit.id),
        )
        end_fix = await _store_fix(
            visit=visit,
            kind=FixKind.END,
            position=position,
            client_time=client_time,
            server_time=now,
            bssids=[],
            findings=end_findings,
            wgs=None,
        )
        end_point = Point(end_fix.wgs_latitude, end_fix.wgs_longitude, GeoDatum.WGS84)
    photos = await VisitPhoto.filter(visit_id=visit.id).count()
    recordings = await VisitRecording.filter(visit_id=visit.id).count()
    visit.findings = [
        f.to_json()
        for f in visit_checks.check_closing(
            started_at=visit.started_at,
            ended_at=now,
            start=Point(start.wgs_latitude, start.wgs_longitude, GeoDatum.WGS84),
            end=end_point,
            photos=photos,
            recordings=recordings,
            policy=current.policy,
            evidence=f"visit:{visit.id}",
        )
    ]
    visit.status = VisitStatus.CLOSED
    visit.ended_at = now
    visit.outcome = {
        "summary": outcome.summary.strip(),
        "next_step": outcome.next_step.strip(),
        "next_step_due": outcome.next_step_due.isoformat() if outcome.next_step_due else None,
    }
    await visit.save(update_fields=["findings", "status", "ended_at", "outcome", "updated_at"])
    await rejudge(visit=visit, current=current)
    await _judge_backfill(visit=visit, current=current)


async def _judge_backfill(*, visit: Visit, current: policies.OrgPolicy) -> None:
    """Reject every visit of the rep's evening that forms the end-of-day backfill pattern."""
    organisation = await Organisation.get(id=visit.organisation_id)  # type: ignore[attr-defined]
    zone = ZoneInfo(organisation.time_zone)
    window_start, window_end = visit_checks.backfill_window(
        visit.started_at, zone=zone, policy=current.policy
    )
    day = await Visit.filter(
        rep_id=visit.rep_id,  # type: ignore[attr-defined]
        status=VisitStatus.CLOSED,
        started_at__gte=window_start.astimezone(UTC),
        started_at__lt=window_end.astimezone(UTC),
    ).select_for_update()
    if len(day) < current.policy.backfill_min_visits:
        return
    ids = [v.id for v in day]
    with_photo = set(await VisitPhoto.filter(visit_id__in=ids).values_list("visit_id", flat=True))
    with_voice = set(
        await VisitRecording.filter(visit_id__in=ids).values_list("visit_id", flat=True)
    )
    summaries = [
        visit_checks.VisitSummary(
            id=str(v.id),
            started_at=v.started_at,
            has_photo=v.id in {UUID(str(i)) for i in with_photo},
            has_voice=v.id in {UUID(str(i)) for i in with_voice},
        )
        for v in day
    ]
    pattern = visit_checks.backfilled(summaries, zone=zone, policy=current.policy)
    for row in day:
        if str(row.id) not in pattern:
            continue
        finding = visit_checks.backfill_finding(
            count=len(pattern), policy=current.policy, evidence=f"visit:{row.id}"
        )
        kept = [f for f in row.findings if f.get("code") != finding.code.value]
        row.findings = [*kept, finding.to_json()]
        await row.save(update_fields=["findings", "updated_at"])
        await rejudge(visit=row, current=current)


# Verdict -------------------------------------------------------------------------------------


HIDDEN = "***"


async def earlier_visit_finding(finding: Finding, earlier: Visit, principal: Principal) -> Finding:
    """A reuse or duplicate finding that names the earlier visit only to those who may see it.

    The rep who attached the evidence (and so everyone reading the finding later) learns the
    earlier visit's code and time only when that visit is within the rep's own scope; otherwise
    both read ``***``. Managers find the origin with ``traceMedia``, which is scoped to them.
    """
    params = dict(finding.params)
    if not await _may_see(principal, earlier):
        params.update(previous_code=HIDDEN, previous_at=HIDDEN)
    return Finding(finding.code, finding.severity, params, finding.evidence)


async def evidence_findings(visit: Visit) -> list[Finding]:
    """Every finding of the visit: its fixes, photos, recordings and the visit as a whole."""
    rows: list[dict[str, Any]] = []
    for model in (VisitFix, VisitPhoto, VisitRecording):
        for findings in (
            await model.filter(visit_id=visit.id)
            .order_by("created_at")
            .values_list("findings", flat=True)
        ):
            rows.extend(findings or [])
    rows.extend(visit.findings or [])
    return [Finding.from_json(r) for r in rows]


async def rejudge(*, visit: Visit, current: policies.OrgPolicy) -> None:
    """Recompute the machine verdict and score from the visit's stored findings, under the
    organisation's current policy (whose version the visit then records)."""
    findings = await evidence_findings(visit)
    result = assess(findings, closed=visit.status is VisitStatus.CLOSED, policy=current.policy)
    visit.verdict = VisitVerdict(result.verdict.value)
    visit.score = result.score
    visit.queue_rank = queue_rank(visit)
    visit.policy_version = current.version
    await visit.save(
        update_fields=["verdict", "score", "queue_rank", "policy_version", "updated_at"]
    )


def queue_rank(visit: Visit) -> int | None:
    """Suspicious visits wait first, rejected ones after; decided or open ones not at all."""
    if visit.status is not VisitStatus.CLOSED or visit.audit_decision is not None:
        return None
    return {VisitVerdict.SUSPICIOUS: 0, VisitVerdict.REJECTED: 1}.get(visit.verdict)


def final_verdict(visit: Visit) -> VisitVerdict:
    """What the visit counts as: a manager's decision overrides the machine's verdict."""
    if visit.audit_decision is AuditDecision.APPROVE:
        return VisitVerdict.VERIFIED
    if visit.audit_decision is AuditDecision.REJECT:
        return VisitVerdict.REJECTED
    return visit.verdict


async def close_abandoned(*, now: datetime, limit: int = 500) -> int:
    """Close the visits nobody ended within ``ABANDONED_AFTER`` (no end position: a finding);
    how many were closed. Idempotent: a visit ended meanwhile is left alone."""
    ids = (
        await Visit.filter(status=VisitStatus.OPEN, started_at__lt=now - ABANDONED_AFTER)
        .order_by("started_at")
        .limit(limit)
        .values_list("id", flat=True)
    )
    closed = 0
    for visit_id in ids:
        async with in_transaction():
            visit = await Visit.filter(id=visit_id).select_for_update().first()
            if visit is None or visit.status is not VisitStatus.OPEN:
                continue
            current = await policies.current(
                organisation_id=visit.organisation_id  # type: ignore[attr-defined]
            )
            await close(
                visit=visit,
                position=None,
                client_time=now,
                outcome=Outcome(),
                now=now,
                current=current,
            )
            closed += 1
    return closed
