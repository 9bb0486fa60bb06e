"""GPS checks of one check-in fix (DOMAIN.md §1): pure functions returning findings.

:func:`check_fix` runs them all for one fix as ``wx.getLocation`` reports it, given the customer
site, the rep's earlier fixes and the organisation's :class:`VerificationPolicy`. Times that
decide anything are server times; the phone's clock is only compared with the server's.

Distances to the site use the geodesic (one call per check-in); loops over earlier fixes use
haversine on WGS-84 coordinates, converting each point once.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from verification.findings import Finding, FindingCode, Severity
from verification.geo import Datum, Point, distance_m, haversine_m, to_wgs84
from verification.policy import VerificationPolicy

__all__ = [
    "AIR_CRUISE_KMH",
    "AIR_OVERHEAD_H",
    "CITY_SCALE_KM",
    "RAIL_CRUISE_KMH",
    "RAIL_OVERHEAD_H",
    "Fix",
    "PriorFix",
    "SiteLocation",
    "check_clock",
    "check_fix",
    "check_position",
    "check_replay",
    "check_signature",
    "check_travel",
    "check_wifi",
    "min_travel_hours",
    "normalise_bssid",
    "normalise_bssids",
]

# Impossible travel (see min_travel_hours). Generous on purpose: a FAIL must be certain.
CITY_SCALE_KM = 100.0  # up to this, only road travel at policy.max_speed_kmh counts
RAIL_CRUISE_KMH = 350.0  # fastest Chinese high-speed rail
RAIL_OVERHEAD_H = 0.5  # door to platform and platform to door
AIR_CRUISE_KMH = 900.0  # airliner cruise
AIR_OVERHEAD_H = 1.5  # door to gate, taxi, gate to door (real door-to-door is longer)

# Two coordinates this close (degrees, ~1 mm) are the same after datum-conversion noise.
_CONVERSION_EPSILON_DEG = 1e-8


@dataclass(frozen=True, slots=True)
class Fix:
    """One position as ``wx.getLocation`` reports it; ``client_time`` is the phone's clock."""

    latitude: float
    longitude: float
    datum: Datum
    accuracy_m: float
    altitude_m: float | None
    speed_mps: float | None
    client_time: datetime

    def __post_init__(self) -> None:
        if not self.accuracy_m >= 0:
            raise ValueError(f"accuracy_m {self.accuracy_m!r} must be a non-negative number")
        _require_aware("client_time", self.client_time)
        point = Point(self.latitude, self.longitude, self.datum)  # validates; coerces the datum
        object.__setattr__(self, "datum", point.datum)

    @property
    def point(self) -> Point:
        return Point(self.latitude, self.longitude, self.datum)


@dataclass(frozen=True, slots=True)
class SiteLocation:
    """Where the customer site is and its own radius (None: the policy's default radius)."""

    point: Point
    radius_m: float | None = None

    def __post_init__(self) -> None:
        if self.radius_m is not None and not self.radius_m > 0:
            raise ValueError(f"radius_m {self.radius_m!r} must be positive")


@dataclass(frozen=True, slots=True)
class PriorFix:
    """An earlier check-in of the same rep; ``at`` is the server time it was received."""

    point: Point
    at: datetime
    accuracy_m: float
    altitude_m: float | None
    speed_mps: float | None
    visit_id: str

    def __post_init__(self) -> None:
        if not self.accuracy_m >= 0:
            raise ValueError(f"accuracy_m {self.accuracy_m!r} must be a non-negative number")
        _require_aware("at", self.at)


def check_fix(
    *,
    fix: Fix,
    server_time: datetime,
    site: SiteLocation,
    previous: Sequence[PriorFix],
    known_bssids: Iterable[str],
    seen_bssids: Iterable[str],
    policy: VerificationPolicy,
    evidence: str = "gps:start",
    visit_id: str | None = None,
) -> list[Finding]:
    """Every GPS finding for ``fix``: clock, position, travel, replay, signature, Wi-Fi.

    ``previous`` are this rep's recent earlier fixes (any order; newest first is usual);
    ``visit_id`` is the visit this fix belongs to, whose own earlier fixes are neither a
    replay nor a signature sample (they still count for travel).
    """
    _require_aware("server_time", server_time)
    ordered = sorted(previous, key=lambda p: p.at, reverse=True)
    return [
        *check_clock(fix=fix, server_time=server_time, policy=policy, evidence=evidence),
        *check_position(fix=fix, site=site, policy=policy, evidence=evidence),
        *check_travel(
            fix=fix, server_time=server_time, previous=ordered, policy=policy, evidence=evidence
        ),
        *check_replay(
            fix=fix, previous=ordered, policy=policy, evidence=evidence, visit_id=visit_id
        ),
        *check_signature(
            fix=fix, previous=ordered, policy=policy, evidence=evidence, visit_id=visit_id
        ),
        *check_wifi(known_bssids=known_bssids, seen_bssids=seen_bssids, evidence=evidence),
    ]


# --- position vs site ---------------------------------------------------------------------------


def check_position(
    *, fix: Fix, site: SiteLocation, policy: VerificationPolicy, evidence: str = "gps:start"
) -> list[Finding]:
    """ON_SITE within the allowed distance, OUT_OF_RANGE beyond, FAR_FROM_SITE beyond
    ``far_factor`` x allowed; ACCURACY_POOR (and no distance verdict) when accuracy is too poor.

    allowed = (site radius or the default radius) + min(accuracy, accuracy_widening_cap_m);
    the distance is geodesic after converting both points to WGS-84.
    """
    if fix.accuracy_m > policy.max_accuracy_m:
        accuracy, limit = _beyond(fix.accuracy_m, policy.max_accuracy_m)
        params = {"accuracy_m": accuracy, "limit_m": limit}
        return [Finding(FindingCode.GPS_ACCURACY_POOR, Severity.WARN, params, evidence)]
    radius = site.radius_m if site.radius_m is not None else policy.default_site_radius_m
    allowed = radius + min(fix.accuracy_m, policy.accuracy_widening_cap_m)
    distance = distance_m(fix.point, site.point)
    if distance <= allowed:
        shown, shown_allowed = _within(distance, allowed)
        params = {"distance_m": shown, "allowed_m": shown_allowed}
        return [Finding(FindingCode.GPS_ON_SITE, Severity.INFO, params, evidence)]
    shown, shown_allowed = _beyond(distance, allowed)
    params = {"distance_m": shown, "allowed_m": shown_allowed}
    if distance > policy.far_factor * allowed:
        return [Finding(FindingCode.GPS_FAR_FROM_SITE, Severity.FAIL, params, evidence)]
    return [Finding(FindingCode.GPS_OUT_OF_RANGE, Severity.WARN, params, evidence)]


# --- impossible travel --------------------------------------------------------------------------


def min_travel_hours(distance_km: float, *, max_speed_kmh: float) -> float:
    """The least time (hours) in which a person can plausibly cover ``distance_km``.

    Up to CITY_SCALE_KM (same city): road at ``max_speed_kmh``. Beyond, the fastest of road,
    high-speed rail (RAIL_OVERHEAD_H + d / RAIL_CRUISE_KMH) and air (AIR_OVERHEAD_H +
    d / AIR_CRUISE_KMH); the overheads are the getting to and from stations and airports.
    E.g. Beijing-Shanghai (~1,070 km) needs at least ~2.7 h (by air).
    """
    road = distance_km / max_speed_kmh
    if distance_km <= CITY_SCALE_KM:
        return road
    rail = RAIL_OVERHEAD_H + distance_km / RAIL_CRUISE_KMH
    air = AIR_OVERHEAD_H + distance_km / AIR_CRUISE_KMH
    return min(road, rail, air)


def check_travel(
    *,
    fix: Fix,
    server_time: datetime,
    previous: Sequence[PriorFix],
    policy: VerificationPolicy,
    evidence: str = "gps:start",
) -> list[Finding]:
    """IMPOSSIBLE_TRAVEL (FAIL) when an earlier fix could not have been left in time.

    Server times only. The distance gets the benefit of the doubt: both accuracies (each capped
    at ``max_accuracy_m``, so a claimed huge error buys nothing) are subtracted. A gap of zero
    or less with any distance left is impossible. Reports the newest such earlier fix in
    ``previous`` (newest first); the speed shown is over the gap, at least one second.
    """
    here = to_wgs84(fix.point)
    for prior in previous:
        there = to_wgs84(prior.point)
        raw_m = haversine_m(here.latitude, here.longitude, there.latitude, there.longitude)
        slack_m = min(fix.accuracy_m, policy.max_accuracy_m)
        slack_m += min(prior.accuracy_m, policy.max_accuracy_m)
        km = max(0.0, raw_m - slack_m) / 1000.0
        gap_s = (server_time - prior.at).total_seconds()
        if _impossible(km, gap_s, policy):
            return [_travel_finding(km, gap_s, evidence)]
    return []


def _impossible(km: float, gap_s: float, policy: VerificationPolicy) -> bool:
    if km <= 0:
        return False
    if gap_s <= 0:
        return True
    return gap_s / 3600.0 < min_travel_hours(km, max_speed_kmh=policy.max_speed_kmh)


def _travel_finding(km: float, gap_s: float, evidence: str) -> Finding:
    hours = max(gap_s, 1.0) / 3600.0
    params = {
        "distance_km": round(km, 1),
        "minutes": round(max(gap_s, 0.0) / 60.0, 1),
        "speed_kmh": math.ceil(km / hours),
    }
    return Finding(FindingCode.GPS_IMPOSSIBLE_TRAVEL, Severity.FAIL, params, evidence)


# --- replay -------------------------------------------------------------------------------------


def check_replay(
    *,
    fix: Fix,
    previous: Sequence[PriorFix],
    policy: VerificationPolicy,
    evidence: str = "gps:start",
    visit_id: str | None = None,
) -> list[Finding]:
    """REPLAYED (FAIL) when the coordinates equal an earlier fix of another visit.

    Equal means equal when rounded to ``replay_decimals``, compared twice: as the numbers were
    sent (a replayed pair whatever datum label it carries now) and after converting both to
    WGS-84 (the same point re-sent in the other datum), where conversion noise below ~1 mm is
    forgiven. Reports the newest match.
    """
    decimals = policy.replay_decimals
    here = to_wgs84(fix.point)
    for prior in previous:
        if visit_id is not None and prior.visit_id == visit_id:
            continue
        same = _same_point(fix.point, prior.point, decimals)
        if not same and prior.point.datum is not fix.datum:
            same = _same_point(here, to_wgs84(prior.point), decimals)
        if same:
            params = {"previous_at": prior.at.isoformat()}
            return [Finding(FindingCode.GPS_REPLAYED, Severity.FAIL, params, evidence)]
    return []


def _same_point(a: Point, b: Point, decimals: int) -> bool:
    return _same(a.latitude, b.latitude, decimals) and _same(a.longitude, b.longitude, decimals)


def _same(a: float, b: float, decimals: int) -> bool:
    return round(a, decimals) == round(b, decimals) or abs(a - b) < _CONVERSION_EPSILON_DEG


# --- virtual-location signature -----------------------------------------------------------------


def check_signature(
    *,
    fix: Fix,
    previous: Sequence[PriorFix],
    policy: VerificationPolicy,
    evidence: str = "gps:start",
    visit_id: str | None = None,
) -> list[Finding]:
    """VIRTUAL_LOCATION (WARN) when the last ``signature_fixes`` fixes, one per visit and the
    current one included, report exactly the same accuracy, altitude and speed.

    Every sample needs all three values, and an altitude of 0 counts as missing: it is how
    ``wx.getLocation`` says "unknown", and an iPhone on Wi-Fi positioning genuinely repeats
    (65, 0, -1). Speed -1/0 alone never decides: accuracy and a real altitude must repeat too.
    ``previous`` must be newest first.
    """
    needed = policy.signature_fixes
    current = _signature(fix.accuracy_m, fix.altitude_m, fix.speed_mps)
    if current is None:
        return []
    seen_visits = {visit_id} if visit_id is not None else set()
    matches = 1
    for prior in previous:
        if prior.visit_id in seen_visits:
            continue
        seen_visits.add(prior.visit_id)
        if _signature(prior.accuracy_m, prior.altitude_m, prior.speed_mps) != current:
            return []
        matches += 1
        if matches == needed:
            params = {"count": needed}
            return [Finding(FindingCode.GPS_VIRTUAL_LOCATION, Severity.WARN, params, evidence)]
    return []


def _signature(
    accuracy_m: float, altitude_m: float | None, speed_mps: float | None
) -> tuple[float, float, float] | None:
    if altitude_m is None or altitude_m == 0 or speed_mps is None:
        return None
    return (accuracy_m, altitude_m, speed_mps)


# --- clock drift --------------------------------------------------------------------------------


def check_clock(
    *, fix: Fix, server_time: datetime, policy: VerificationPolicy, evidence: str = "gps:start"
) -> list[Finding]:
    """CLOCK_DRIFT (WARN) when the phone's clock is off the server's by more than allowed."""
    _require_aware("server_time", server_time)
    drift_s = abs((fix.client_time - server_time).total_seconds())
    if drift_s <= policy.max_clock_drift_s:
        return []
    shown, limit = _beyond(drift_s, policy.max_clock_drift_s)
    params = {"drift_s": shown, "limit_s": limit}
    return [Finding(FindingCode.CLOCK_DRIFT, Severity.WARN, params, evidence)]


# --- Wi-Fi --------------------------------------------------------------------------------------

_OCTETS = re.compile(r"^[0-9a-f]{1,2}(?:([:-])[0-9a-f]{1,2})(?:\1[0-9a-f]{1,2}){4}$")
_DOTTED = re.compile(r"^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$")
_BARE = re.compile(r"^[0-9a-f]{12}$")


def normalise_bssid(raw: str) -> str | None:
    """``aa:bb:cc:dd:ee:ff`` for a usable BSSID, None for anything else.

    Accepts ``:`` or ``-`` separated octets (iOS drops leading zeros: ``0:1c:2:...``),
    ``aabb.ccdd.eeff`` and bare hex, any case. Rejects malformed text, all-zero (iOS without
    permission), broadcast and any group (multicast) address, none of which names an access
    point. Keeps locally administered addresses: multi-SSID and mesh access points derive their
    BSSIDs that way, and they are as stable as the burnt-in ones.
    """
    text = raw.strip().lower()
    if _OCTETS.match(text):
        octets = [int(part, 16) for part in re.split(r"[:-]", text)]
    elif _DOTTED.match(text) or _BARE.match(text):
        hexits = text.replace(".", "")
        octets = [int(hexits[i : i + 2], 16) for i in range(0, 12, 2)]
    else:
        return None
    if not any(octets) or octets[0] & 0x01:
        return None
    return ":".join(f"{octet:02x}" for octet in octets)


def normalise_bssids(raw: Iterable[str]) -> frozenset[str]:
    """The usable BSSIDs among ``raw``, normalised (see :func:`normalise_bssid`)."""
    return frozenset(b for b in (normalise_bssid(r) for r in raw) if b is not None)


def check_wifi(
    *, known_bssids: Iterable[str], seen_bssids: Iterable[str], evidence: str = "gps:start"
) -> list[Finding]:
    """WIFI_MATCHED (INFO) if any seen BSSID is known, WIFI_UNKNOWN (WARN) if none is.

    Nothing when the site has learned no BSSID or the phone sent no usable one.
    """
    known = normalise_bssids(known_bssids)
    seen = normalise_bssids(seen_bssids)
    if not known or not seen:
        return []
    matched = len(known & seen)
    if matched:
        return [Finding(FindingCode.WIFI_MATCHED, Severity.INFO, {"matched": matched}, evidence)]
    return [Finding(FindingCode.WIFI_UNKNOWN, Severity.WARN, {"known": len(known)}, evidence)]


# --- helpers ------------------------------------------------------------------------------------


def _require_aware(name: str, value: datetime) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware")


def _within(value: float, limit: float) -> tuple[int, int]:
    """``value`` and ``limit`` in whole units for a message that says "within"."""
    shown_limit = round(limit)
    return min(round(value), shown_limit), shown_limit


def _beyond(value: float, limit: float) -> tuple[int, int]:
    """``value`` and ``limit`` in whole units for a message that says "beyond": rounding never
    makes the value read as equal to the limit."""
    shown_limit = round(limit)
    return max(round(value), shown_limit + 1), shown_limit
