"""Checks of a visit as a whole: length, end position, missing evidence, end-of-day backfill."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from verification.findings import FindingCode, Severity
from verification.geo import Datum, Point
from verification.policy import VerificationPolicy
from verification.visit import VisitSummary, backfilled, check_closing

POLICY = VerificationPolicy()
SHANGHAI = ZoneInfo("Asia/Shanghai")
START = Point(31.2142, 121.4647, Datum.WGS84)
NOON = datetime(2026, 11, 24, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai
END_OF_DAY = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)  # 18:00 in Shanghai


def _codes(findings):
    return {f.code for f in findings}


def test_a_full_visit_with_evidence_finds_nothing():
    found = check_closing(
        started_at=NOON,
        ended_at=NOON + timedelta(minutes=40),
        start=START,
        end=Point(31.2143, 121.4648, Datum.WGS84),
        photos=1,
        recordings=1,
        policy=POLICY,
        evidence="visit:1",
    )
    assert found == []


def test_a_two_minute_visit_without_evidence_ending_elsewhere_is_doubtful():
    found = check_closing(
        started_at=NOON,
        ended_at=NOON + timedelta(minutes=2),
        start=START,
        end=Point(31.2300, 121.4700, Datum.WGS84),
        photos=0,
        recordings=0,
        policy=POLICY,
        evidence="visit:1",
    )
    assert _codes(found) == {
        FindingCode.VISIT_TOO_SHORT,
        FindingCode.VISIT_END_FAR_FROM_START,
        FindingCode.VISIT_MISSING_PHOTO,
        FindingCode.VISIT_MISSING_VOICE,
    }
    assert {f.severity for f in found} == {Severity.WARN}


def test_an_end_in_the_other_datum_at_the_same_spot_is_not_far():
    gcj = Point(31.212300, 121.469300, Datum.GCJ02)  # the same spot as START, on a China map
    found = check_closing(
        started_at=NOON,
        ended_at=NOON + timedelta(minutes=30),
        start=START,
        end=gcj,
        photos=1,
        recordings=1,
        policy=POLICY,
        evidence="visit:1",
    )
    assert found == []


def _visit(i, at, photo=False, voice=False):
    return VisitSummary(id=str(i), started_at=at, has_photo=photo, has_voice=voice)


def test_three_bare_visits_in_the_last_minutes_of_the_day_are_a_backfill_pattern():
    visits = [_visit(i, END_OF_DAY - timedelta(minutes=4 - i)) for i in range(3)]
    assert backfilled(visits, zone=SHANGHAI, policy=POLICY) == {"0", "1", "2"}


def test_visits_with_evidence_or_earlier_in_the_day_are_not_part_of_it():
    visits = [
        _visit(0, END_OF_DAY - timedelta(minutes=3)),
        _visit(1, END_OF_DAY - timedelta(minutes=2), photo=True),
        _visit(2, END_OF_DAY - timedelta(minutes=1), voice=True),
        _visit(3, END_OF_DAY - timedelta(hours=3)),
    ]
    assert backfilled(visits, zone=SHANGHAI, policy=POLICY) == set()


def test_the_window_follows_the_organisations_working_day_end():
    late = VerificationPolicy(working_day_end=datetime(2000, 1, 1, 20, 30).time())
    at = END_OF_DAY + timedelta(hours=2, minutes=27)  # 20:27 local
    visits = [_visit(i, at + timedelta(seconds=20 * i)) for i in range(3)]
    assert backfilled(visits, zone=SHANGHAI, policy=late) == {"0", "1", "2"}
    assert backfilled(visits, zone=SHANGHAI, policy=POLICY) == set()
