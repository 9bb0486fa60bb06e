"""verification.gps: each GPS rule of DOMAIN.md §1 on a genuine and on a spoofed check-in."""

from __future__ import annotations

import json
import string
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from geopy.distance import geodesic
from hypothesis import given
from hypothesis import strategies as st

from verification.findings import MESSAGES, Finding, FindingCode, Severity
from verification.geo import Datum, Point, gcj02_to_wgs84, haversine_m, wgs84_to_gcj02
from verification.gps import (
    Fix,
    PriorFix,
    SiteLocation,
    check_clock,
    check_fix,
    check_position,
    check_replay,
    check_signature,
    check_travel,
    check_wifi,
    min_travel_hours,
    normalise_bssid,
    normalise_bssids,
)
from verification.policy import VerificationPolicy

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
POLICY = VerificationPolicy()

# A customer site picked on a Chinese map (GCJ-02) and the same place as a phone's GPS reports
# it (WGS-84): the Beijing reference vector of the GCJ-02 algorithm.
SITE_GCJ = Point(39.91334545536069, 116.38404722455657, Datum.GCJ02)
SITE_AS_WGS = (39.911954, 116.377817)

# A site stored in WGS-84, for rules where the datum is not the point.
PEOPLES_SQUARE = (31.2304, 121.4737)
TIANANMEN = (39.9087, 116.3975)

AP_1 = "a4:56:02:3c:2f:11"
AP_2 = "f0:9f:c2:10:aa:01"


def moved(origin: tuple[float, float], metres: float, bearing: float = 0.0) -> tuple[float, float]:
    """The WGS-84 point ``metres`` from ``origin`` along ``bearing`` (degrees from north)."""
    dest = geodesic(meters=metres).destination(origin, bearing)
    return (dest.latitude, dest.longitude)


def fix_at(
    lat_lon: tuple[float, float],
    datum: Datum = Datum.WGS84,
    *,
    accuracy: float = 20.0,
    altitude: float | None = None,
    speed: float | None = None,
    client_time: datetime = NOW,
) -> Fix:
    return Fix(lat_lon[0], lat_lon[1], datum, accuracy, altitude, speed, client_time)


def prior_at(
    lat_lon: tuple[float, float],
    *,
    at: datetime,
    datum: Datum = Datum.WGS84,
    accuracy: float = 20.0,
    altitude: float | None = None,
    speed: float | None = None,
    visit: str = "visit-earlier",
) -> PriorFix:
    return PriorFix(Point(*lat_lon, datum), at, accuracy, altitude, speed, visit)


def site_at(lat_lon: tuple[float, float], radius_m: float | None = None) -> SiteLocation:
    return SiteLocation(Point(*lat_lon, Datum.WGS84), radius_m)


def codes(findings: Iterable[Finding]) -> list[FindingCode]:
    return [f.code for f in findings]


def only(findings: Sequence[Finding]) -> Finding:
    assert len(findings) == 1, findings
    return findings[0]


# --- position vs site ---------------------------------------------------------------------------


def test_wgs84_fix_beside_a_gcj02_site_is_on_site_after_conversion() -> None:
    fix = fix_at(SITE_AS_WGS, accuracy=10.0)
    finding = only(check_position(fix=fix, site=SiteLocation(SITE_GCJ, 100.0), policy=POLICY))
    assert finding.code is FindingCode.GPS_ON_SITE
    assert finding.severity is Severity.INFO
    assert finding.params == {"distance_m": 0, "allowed_m": 110}


def test_comparing_across_datums_naively_would_put_the_same_place_500_m_away() -> None:
    naive = haversine_m(*SITE_AS_WGS, SITE_GCJ.latitude, SITE_GCJ.longitude)
    assert 500.0 < naive < 600.0
    naive_site = SiteLocation(Point(SITE_GCJ.latitude, SITE_GCJ.longitude, Datum.WGS84), 100.0)
    naive_codes = codes(check_position(fix=fix_at(SITE_AS_WGS), site=naive_site, policy=POLICY))
    assert naive_codes == [FindingCode.GPS_FAR_FROM_SITE]


def test_gcj02_fix_at_a_gcj02_site_is_on_site() -> None:
    fix = fix_at((SITE_GCJ.latitude, SITE_GCJ.longitude), Datum.GCJ02)
    assert codes(check_position(fix=fix, site=SiteLocation(SITE_GCJ), policy=POLICY)) == [
        FindingCode.GPS_ON_SITE
    ]


@given(st.floats(18.0, 53.0), st.floats(74.0, 134.0), st.floats(0.0, 300.0))
def test_a_fix_within_the_radius_is_on_site_whatever_the_datums(
    lat: float, lon: float, metres: float
) -> None:
    site = SiteLocation(Point(*wgs84_to_gcj02(lat, lon), Datum.GCJ02))
    fix = fix_at(moved((lat, lon), metres * 0.999), Datum.WGS84, accuracy=0.0)
    assert codes(check_position(fix=fix, site=site, policy=POLICY)) == [FindingCode.GPS_ON_SITE]


def test_the_default_radius_applies_when_the_site_has_none() -> None:
    fix = fix_at(moved(PEOPLES_SQUARE, 290.0), accuracy=0.0)
    assert codes(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY)) == [
        FindingCode.GPS_ON_SITE
    ]
    assert codes(check_position(fix=fix, site=site_at(PEOPLES_SQUARE, 100.0), policy=POLICY)) == [
        FindingCode.GPS_OUT_OF_RANGE
    ]


def test_the_radius_widens_by_the_reported_accuracy() -> None:
    fix = fix_at(moved(PEOPLES_SQUARE, 420.0), accuracy=150.0)
    finding = only(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY))
    assert finding.code is FindingCode.GPS_ON_SITE
    assert finding.params == {"distance_m": 420, "allowed_m": 450}


def test_the_accuracy_widening_stops_at_the_cap() -> None:
    fix = fix_at(moved(PEOPLES_SQUARE, 520.0), accuracy=450.0)
    finding = only(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY))
    assert finding.code is FindingCode.GPS_OUT_OF_RANGE
    assert finding.params == {"distance_m": 520, "allowed_m": 500}


def test_a_fix_just_outside_the_allowed_distance_is_out_of_range_warn() -> None:
    fix = fix_at(moved(PEOPLES_SQUARE, 700.0), accuracy=20.0)
    finding = only(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY))
    assert (finding.code, finding.severity) == (FindingCode.GPS_OUT_OF_RANGE, Severity.WARN)
    assert finding.params == {"distance_m": 700, "allowed_m": 320}


def test_a_fix_beyond_far_factor_times_the_allowed_distance_is_far_from_site_fail() -> None:
    fix = fix_at(moved(PEOPLES_SQUARE, 5_000.0), accuracy=20.0)
    finding = only(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY))
    assert (finding.code, finding.severity) == (FindingCode.GPS_FAR_FROM_SITE, Severity.FAIL)
    assert finding.params == {"distance_m": 5000, "allowed_m": 320}


def test_far_factor_is_a_policy_setting() -> None:
    fix = fix_at(moved(PEOPLES_SQUARE, 5_000.0), accuracy=20.0)
    lenient = VerificationPolicy.from_overrides({"far_factor": 20})
    assert codes(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=lenient)) == [
        FindingCode.GPS_OUT_OF_RANGE
    ]


def test_accuracy_worse_than_the_limit_cannot_verify_the_position() -> None:
    fix = fix_at(moved(PEOPLES_SQUARE, 50_000.0), accuracy=800.0)
    finding = only(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY))
    assert (finding.code, finding.severity) == (FindingCode.GPS_ACCURACY_POOR, Severity.WARN)
    assert finding.params == {"accuracy_m": 800, "limit_m": 500}


def test_accuracy_exactly_at_the_limit_still_gets_a_distance_verdict() -> None:
    fix = fix_at(PEOPLES_SQUARE, accuracy=500.0)
    assert codes(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY)) == [
        FindingCode.GPS_ON_SITE
    ]


# --- impossible travel --------------------------------------------------------------------------


def test_crossing_town_at_city_speed_is_plausible() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 10_000.0, 90.0), at=NOW - timedelta(minutes=30))
    fix = fix_at(PEOPLES_SQUARE)
    assert check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY) == []


def test_same_city_hop_faster_than_the_speed_limit_is_impossible_travel() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 50_040.0, 90.0), at=NOW - timedelta(minutes=10))
    fix = fix_at(PEOPLES_SQUARE)  # 50 km away once both 20 m accuracies are given back
    finding = only(check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY))
    assert (finding.code, finding.severity) == (FindingCode.GPS_IMPOSSIBLE_TRAVEL, Severity.FAIL)
    assert finding.params["minutes"] == 10.0
    assert finding.params["distance_km"] == pytest.approx(50.0, abs=0.2)
    assert finding.params["speed_kmh"] == pytest.approx(300, abs=2)


def test_same_city_limit_is_the_policy_speed() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 80_040.0, 90.0), at=NOW - timedelta(minutes=35))
    fix = fix_at(PEOPLES_SQUARE)
    assert check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY) == []
    strict = VerificationPolicy.from_overrides({"max_speed_kmh": 120})
    assert codes(check_travel(fix=fix, server_time=NOW, previous=[prior], policy=strict)) == [
        FindingCode.GPS_IMPOSSIBLE_TRAVEL
    ]


def test_travel_uses_server_times_not_the_phone_clock() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 50_000.0), at=NOW - timedelta(minutes=10))
    fix = fix_at(PEOPLES_SQUARE, client_time=NOW + timedelta(hours=3))
    assert codes(check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY)) == [
        FindingCode.GPS_IMPOSSIBLE_TRAVEL
    ]


def test_both_accuracies_give_the_benefit_of_the_doubt() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 900.0), at=NOW - timedelta(seconds=30), accuracy=450.0)
    fix = fix_at(PEOPLES_SQUARE, accuracy=450.0)
    assert check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY) == []


def test_a_claimed_huge_accuracy_buys_no_more_doubt_than_the_accuracy_limit() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 3_000.0), at=NOW - timedelta(seconds=30), accuracy=5e4)
    fix = fix_at(PEOPLES_SQUARE, accuracy=5e4)
    finding = only(check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY))
    assert finding.params["distance_km"] == 2.0


def test_a_zero_gap_with_a_real_distance_is_impossible_travel() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 5_000.0), at=NOW)
    finding = only(
        check_travel(fix=fix_at(PEOPLES_SQUARE), server_time=NOW, previous=[prior], policy=POLICY)
    )
    assert finding.code is FindingCode.GPS_IMPOSSIBLE_TRAVEL
    assert finding.params["minutes"] == 0.0


def test_a_negative_gap_with_a_real_distance_is_impossible_travel() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 5_000.0), at=NOW + timedelta(minutes=1))
    assert codes(
        check_travel(fix=fix_at(PEOPLES_SQUARE), server_time=NOW, previous=[prior], policy=POLICY)
    ) == [FindingCode.GPS_IMPOSSIBLE_TRAVEL]


def test_a_zero_gap_at_the_same_place_is_not_travel() -> None:
    prior = prior_at(moved(PEOPLES_SQUARE, 15.0), at=NOW)
    fix = fix_at(PEOPLES_SQUARE)
    assert check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY) == []


def test_beijing_to_shanghai_in_three_hours_is_plausible_by_air() -> None:
    prior = prior_at(TIANANMEN, at=NOW - timedelta(hours=3))
    fix = fix_at(PEOPLES_SQUARE)
    assert check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY) == []


def test_beijing_to_shanghai_in_two_hours_is_impossible_travel() -> None:
    prior = prior_at(TIANANMEN, at=NOW - timedelta(hours=2))
    finding = only(
        check_travel(fix=fix_at(PEOPLES_SQUARE), server_time=NOW, previous=[prior], policy=POLICY)
    )
    assert finding.params["minutes"] == 120.0
    assert 1_060.0 < finding.params["distance_km"] < 1_075.0


def test_three_hundred_km_in_90_minutes_is_plausible_by_high_speed_rail_not_in_60() -> None:
    origin = moved(PEOPLES_SQUARE, 300_000.0, 270.0)
    fix = fix_at(PEOPLES_SQUARE)
    by_rail = prior_at(origin, at=NOW - timedelta(minutes=90))
    too_fast = prior_at(origin, at=NOW - timedelta(minutes=60))
    assert check_travel(fix=fix, server_time=NOW, previous=[by_rail], policy=POLICY) == []
    assert codes(check_travel(fix=fix, server_time=NOW, previous=[too_fast], policy=POLICY)) == [
        FindingCode.GPS_IMPOSSIBLE_TRAVEL
    ]


@pytest.mark.parametrize("km", [1.0, 50.0, 100.0, 100.001, 131.0, 300.0, 573.0, 1_067.0, 4_000.0])
def test_min_travel_time_grows_with_distance_and_never_beats_the_fastest_mode(km: float) -> None:
    hours = min_travel_hours(km, max_speed_kmh=150.0)
    assert hours > min_travel_hours(km * 0.99, max_speed_kmh=150.0)
    assert km / hours <= 900.0


def test_travel_is_checked_against_every_recent_fix_not_only_the_newest() -> None:
    newest = prior_at(moved(PEOPLES_SQUARE, 200.0), at=NOW - timedelta(minutes=50))
    older = prior_at(TIANANMEN, at=NOW - timedelta(minutes=60))
    assert codes(
        check_travel(
            fix=fix_at(PEOPLES_SQUARE), server_time=NOW, previous=[newest, older], policy=POLICY
        )
    ) == [FindingCode.GPS_IMPOSSIBLE_TRAVEL]


def test_a_gcj02_prior_fix_is_converted_before_measuring_travel() -> None:
    gcj = wgs84_to_gcj02(*PEOPLES_SQUARE)
    prior = prior_at(gcj, datum=Datum.GCJ02, at=NOW - timedelta(seconds=10), accuracy=5.0)
    fix = fix_at(PEOPLES_SQUARE, accuracy=5.0)
    assert check_travel(fix=fix, server_time=NOW, previous=[prior], policy=POLICY) == []


# --- replay -------------------------------------------------------------------------------------


def test_coordinates_identical_to_six_decimals_with_another_visit_are_replayed() -> None:
    earlier = NOW - timedelta(days=3)
    prior = prior_at((31.230412, 121.473701), at=earlier)
    fix = fix_at((31.2304121, 121.4737009))
    finding = only(check_replay(fix=fix, previous=[prior], policy=POLICY))
    assert (finding.code, finding.severity) == (FindingCode.GPS_REPLAYED, Severity.FAIL)
    assert finding.params == {"previous_at": earlier.isoformat()}


def test_a_genuine_fix_at_the_same_office_differs_in_the_sixth_decimal() -> None:
    prior = prior_at((31.230412, 121.473701), at=NOW - timedelta(days=3))
    fix = fix_at((31.230418, 121.473695))
    assert check_replay(fix=fix, previous=[prior], policy=POLICY) == []


def test_identical_coordinates_within_the_same_visit_are_not_a_replay() -> None:
    prior = prior_at(PEOPLES_SQUARE, at=NOW - timedelta(minutes=40), visit="visit-now")
    fix = fix_at(PEOPLES_SQUARE)
    assert check_replay(fix=fix, previous=[prior], policy=POLICY, visit_id="visit-now") == []
    assert codes(check_replay(fix=fix, previous=[prior], policy=POLICY, visit_id="other")) == [
        FindingCode.GPS_REPLAYED
    ]


def test_the_same_point_resent_in_the_other_datum_is_replayed() -> None:
    gcj = (31.230412, 121.473701)
    prior = prior_at(gcj, datum=Datum.GCJ02, at=NOW - timedelta(days=1))
    fix = fix_at(gcj02_to_wgs84(*gcj), Datum.WGS84)
    assert codes(check_replay(fix=fix, previous=[prior], policy=POLICY)) == [
        FindingCode.GPS_REPLAYED
    ]


def test_the_same_numbers_replayed_under_another_datum_label_are_replayed() -> None:
    prior = prior_at((31.230412, 121.473701), datum=Datum.GCJ02, at=NOW - timedelta(days=1))
    fix = fix_at((31.230412, 121.473701), Datum.WGS84)
    assert codes(check_replay(fix=fix, previous=[prior], policy=POLICY)) == [
        FindingCode.GPS_REPLAYED
    ]


def test_replay_precision_is_a_policy_setting() -> None:
    prior = prior_at((31.230412, 121.473701), at=NOW - timedelta(days=3))
    fix = fix_at((31.230418, 121.473695))
    coarse = VerificationPolicy.from_overrides({"replay_decimals": 4})
    assert codes(check_replay(fix=fix, previous=[prior], policy=coarse)) == [
        FindingCode.GPS_REPLAYED
    ]


# --- virtual-location signature -----------------------------------------------------------------


def signature_priors(
    accuracy: float, altitude: float | None, speed: float | None, visits: Sequence[str]
) -> list[PriorFix]:
    return [
        prior_at(
            moved(PEOPLES_SQUARE, 3_000.0 * (i + 1)),
            at=NOW - timedelta(hours=2 * (i + 1)),
            accuracy=accuracy,
            altitude=altitude,
            speed=speed,
            visit=visit,
        )
        for i, visit in enumerate(visits)
    ]


def test_constant_accuracy_altitude_and_speed_over_three_visits_is_a_virtual_location() -> None:
    previous = signature_priors(5.0, 42.0, 0.0, ["v2", "v1"])
    fix = fix_at(PEOPLES_SQUARE, accuracy=5.0, altitude=42.0, speed=0.0)
    finding = only(check_signature(fix=fix, previous=previous, policy=POLICY))
    assert (finding.code, finding.severity) == (FindingCode.GPS_VIRTUAL_LOCATION, Severity.WARN)
    assert finding.params == {"count": 3}


def test_a_genuine_phone_whose_accuracy_varies_has_no_signature() -> None:
    previous = [
        *signature_priors(65.0, 42.0, -1.0, ["v2"]),
        *signature_priors(30.0, 42.0, -1.0, ["v1"]),
    ]
    fix = fix_at(PEOPLES_SQUARE, accuracy=10.0, altitude=42.0, speed=-1.0)
    assert check_signature(fix=fix, previous=previous, policy=POLICY) == []


def test_an_iphone_on_wifi_positioning_repeating_65_m_no_altitude_no_speed_is_genuine() -> None:
    previous = signature_priors(65.0, 0.0, -1.0, ["v2", "v1"])
    fix = fix_at(PEOPLES_SQUARE, accuracy=65.0, altitude=0.0, speed=-1.0)
    assert check_signature(fix=fix, previous=previous, policy=POLICY) == []


def test_a_missing_value_never_completes_a_signature() -> None:
    previous = signature_priors(5.0, 42.0, None, ["v2", "v1"])
    fix = fix_at(PEOPLES_SQUARE, accuracy=5.0, altitude=42.0, speed=None)
    assert check_signature(fix=fix, previous=previous, policy=POLICY) == []


def test_fixes_of_one_visit_count_once_towards_a_signature() -> None:
    previous = signature_priors(5.0, 42.0, 0.0, ["v-now", "v1", "v1"])
    fix = fix_at(PEOPLES_SQUARE, accuracy=5.0, altitude=42.0, speed=0.0)
    assert check_signature(fix=fix, previous=previous, policy=POLICY, visit_id="v-now") == []


def test_fewer_fixes_than_the_policy_asks_for_are_no_signature() -> None:
    previous = signature_priors(5.0, 42.0, 0.0, ["v2", "v1"])
    fix = fix_at(PEOPLES_SQUARE, accuracy=5.0, altitude=42.0, speed=0.0)
    longer = VerificationPolicy.from_overrides({"signature_fixes": 4})
    assert check_signature(fix=fix, previous=previous, policy=longer) == []


def test_only_the_latest_fixes_count_towards_a_signature() -> None:
    previous = [
        *signature_priors(12.0, 42.0, 0.0, ["v3"]),
        *signature_priors(5.0, 42.0, 0.0, ["v2", "v1"]),
    ]
    fix = fix_at(PEOPLES_SQUARE, accuracy=5.0, altitude=42.0, speed=0.0)
    assert check_signature(fix=fix, previous=previous, policy=POLICY) == []


# --- clock drift --------------------------------------------------------------------------------


def test_a_phone_clock_within_two_minutes_is_fine() -> None:
    fix = fix_at(PEOPLES_SQUARE, client_time=NOW - timedelta(seconds=90))
    assert check_clock(fix=fix, server_time=NOW, policy=POLICY) == []


def test_a_phone_clock_ahead_by_more_than_two_minutes_drifts() -> None:
    fix = fix_at(PEOPLES_SQUARE, client_time=NOW + timedelta(seconds=121))
    finding = only(check_clock(fix=fix, server_time=NOW, policy=POLICY))
    assert (finding.code, finding.severity) == (FindingCode.CLOCK_DRIFT, Severity.WARN)
    assert finding.params == {"drift_s": 121, "limit_s": 120}


def test_a_phone_clock_behind_by_more_than_two_minutes_drifts() -> None:
    fix = fix_at(PEOPLES_SQUARE, client_time=NOW - timedelta(minutes=30))
    assert only(check_clock(fix=fix, server_time=NOW, policy=POLICY)).params["drift_s"] == 1800


def test_a_phone_clock_in_china_time_is_compared_as_an_instant() -> None:
    shanghai = timezone(timedelta(hours=8))
    fix = fix_at(PEOPLES_SQUARE, client_time=NOW.astimezone(shanghai))
    assert check_clock(fix=fix, server_time=NOW, policy=POLICY) == []


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError):
        fix_at(PEOPLES_SQUARE, client_time=datetime(2026, 11, 24, 10, 0))
    with pytest.raises(ValueError):
        check_clock(
            fix=fix_at(PEOPLES_SQUARE), server_time=datetime(2026, 11, 24, 2, 0), policy=POLICY
        )


def test_a_fix_with_a_negative_accuracy_is_refused() -> None:
    with pytest.raises(ValueError):
        fix_at(PEOPLES_SQUARE, accuracy=-1.0)


# --- Wi-Fi --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("A4:56:02:3C:2F:11", "a4:56:02:3c:2f:11"),
        ("a4-56-02-3c-2f-11", "a4:56:02:3c:2f:11"),
        ("a4:56:2:3c:2f:11", "a4:56:02:3c:2f:11"),  # iOS drops leading zeros
        ("a456.023c.2f11", "a4:56:02:3c:2f:11"),
        ("A456023C2F11", "a4:56:02:3c:2f:11"),
        (" a4:56:02:3c:2f:11 ", "a4:56:02:3c:2f:11"),
        ("02:1a:2b:3c:4d:5e", "02:1a:2b:3c:4d:5e"),  # locally administered: a virtual AP
    ],
)
def test_bssids_are_normalised_to_lowercase_colon_separated(raw: str, expected: str) -> None:
    assert normalise_bssid(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "not a mac",
        "a4:56:02:3c:2f",
        "a4:56:02:3c:2f:11:22",
        "a4:56-02:3c:2f:11",
        "g4:56:02:3c:2f:11",
        "a4:56:002:3c:2f:11",
        "00:00:00:00:00:00",  # iOS without permission
        "ff:ff:ff:ff:ff:ff",  # broadcast
        "01:00:5e:00:00:fb",  # multicast
    ],
)
def test_malformed_empty_broadcast_and_multicast_bssids_are_dropped(raw: str) -> None:
    assert normalise_bssid(raw) is None


def test_normalise_bssids_keeps_one_of_each_usable_bssid() -> None:
    assert normalise_bssids(["A4-56-02-3C-2F-11", AP_1, "00:00:00:00:00:00"]) == {AP_1}


def test_a_seen_bssid_learned_at_this_customer_matches() -> None:
    finding = only(
        check_wifi(
            known_bssids=[AP_1, AP_2], seen_bssids=["A4-56-02-3C-2F-11", "12:34:56:78:9a:bc"]
        )
    )
    assert (finding.code, finding.severity) == (FindingCode.WIFI_MATCHED, Severity.INFO)
    assert finding.params == {"matched": 1}


def test_no_seen_bssid_among_the_learned_ones_is_unknown_wifi() -> None:
    finding = only(check_wifi(known_bssids=[AP_1, AP_2], seen_bssids=["12:34:56:78:9a:bc"]))
    assert (finding.code, finding.severity) == (FindingCode.WIFI_UNKNOWN, Severity.WARN)
    assert finding.params == {"known": 2}


def test_no_wifi_finding_without_learned_or_without_seen_bssids() -> None:
    assert check_wifi(known_bssids=[], seen_bssids=[AP_1]) == []
    assert check_wifi(known_bssids=[AP_1], seen_bssids=[]) == []
    assert check_wifi(known_bssids=[AP_1], seen_bssids=["00:00:00:00:00:00", "junk"]) == []


# --- check_fix ----------------------------------------------------------------------------------


def genuine_check_in() -> dict[str, Any]:
    earlier_site = moved(SITE_AS_WGS, 6_000.0, 200.0)
    return {
        "fix": fix_at(
            SITE_AS_WGS,
            accuracy=35.0,
            altitude=48.3,
            speed=-1.0,
            client_time=NOW + timedelta(seconds=4),
        ),
        "server_time": NOW,
        "site": SiteLocation(SITE_GCJ),
        "previous": [
            prior_at(
                earlier_site,
                at=NOW - timedelta(hours=1),
                accuracy=65.0,
                altitude=51.0,
                speed=-1.0,
                visit="v2",
            ),
            prior_at(
                moved(earlier_site, 9_000.0),
                at=NOW - timedelta(hours=3),
                accuracy=10.0,
                altitude=47.9,
                speed=0.0,
                visit="v1",
            ),
        ],
        "known_bssids": [AP_1, AP_2],
        "seen_bssids": ["A4:56:2:3C:2F:11"],
        "policy": POLICY,
    }


def spoofed_check_in() -> dict[str, Any]:
    replayed = (31.230412, 121.473701)  # yesterday's check-in in Shanghai
    return {
        "fix": fix_at(
            replayed,
            accuracy=5.0,
            altitude=30.0,
            speed=0.0,
            client_time=NOW - timedelta(minutes=20),
        ),
        "server_time": NOW,
        "site": SiteLocation(SITE_GCJ),  # the customer is in Beijing
        "previous": [
            prior_at(
                TIANANMEN,
                at=NOW - timedelta(minutes=45),
                accuracy=5.0,
                altitude=30.0,
                speed=0.0,
                visit="v2",
            ),
            prior_at(
                replayed,
                at=NOW - timedelta(days=1),
                accuracy=5.0,
                altitude=30.0,
                speed=0.0,
                visit="v1",
            ),
        ],
        "known_bssids": [AP_1, AP_2],
        "seen_bssids": ["12:34:56:78:9a:bc"],
        "policy": POLICY,
    }


def test_a_genuine_check_in_has_only_informative_findings() -> None:
    findings = check_fix(**genuine_check_in())
    assert codes(findings) == [FindingCode.GPS_ON_SITE, FindingCode.WIFI_MATCHED]
    assert {f.severity for f in findings} == {Severity.INFO}
    assert {f.evidence for f in findings} == {"gps:start"}


def test_a_spoofed_check_in_collects_every_rule_it_breaks() -> None:
    findings = check_fix(**spoofed_check_in(), evidence="gps:end")
    assert codes(findings) == [
        FindingCode.CLOCK_DRIFT,
        FindingCode.GPS_FAR_FROM_SITE,
        FindingCode.GPS_IMPOSSIBLE_TRAVEL,
        FindingCode.GPS_REPLAYED,
        FindingCode.GPS_VIRTUAL_LOCATION,
        FindingCode.WIFI_UNKNOWN,
    ]
    assert {f.evidence for f in findings} == {"gps:end"}


def test_check_fix_accepts_earlier_fixes_in_any_order() -> None:
    kwargs = spoofed_check_in()
    kwargs["previous"] = list(reversed(kwargs["previous"]))
    assert FindingCode.GPS_VIRTUAL_LOCATION in codes(check_fix(**kwargs))


def test_check_fix_refuses_a_naive_server_time() -> None:
    kwargs = genuine_check_in()
    kwargs["server_time"] = datetime(2026, 11, 24, 2, 0)
    with pytest.raises(ValueError):
        check_fix(**kwargs)


@pytest.mark.parametrize("scenario", [genuine_check_in, spoofed_check_in])
def test_every_finding_fills_exactly_its_message_params_with_json_values(
    scenario: Callable[[], dict[str, Any]],
) -> None:
    findings = check_fix(**scenario())
    for finding in findings:
        for template in MESSAGES[finding.code]:
            names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
            assert set(finding.params) == names
        assert finding.message("zh-CN") and finding.message("en")
        assert Finding.from_json(json.loads(json.dumps(finding.to_json()))) == finding


def test_a_value_just_beyond_its_limit_never_reads_as_equal_to_it() -> None:
    fix = fix_at(PEOPLES_SQUARE, accuracy=500.3, client_time=NOW + timedelta(seconds=120.2))
    poor = only(check_position(fix=fix, site=site_at(PEOPLES_SQUARE), policy=POLICY))
    assert poor.params == {"accuracy_m": 501, "limit_m": 500}
    drift = only(check_clock(fix=fix, server_time=NOW, policy=POLICY))
    assert drift.params == {"drift_s": 121, "limit_s": 120}
