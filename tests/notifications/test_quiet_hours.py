"""Quiet hours: which local times wait, and until when."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from notifications.message import Urgency
from notifications.quiet_hours import QuietHours, parse_hhmm, release_time

NIGHT = QuietHours(time(22, 0), time(8, 0))
LUNCH = QuietHours(time(12, 0), time(13, 30))
SHANGHAI = "Asia/Shanghai"


def _utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_contains_for_windows_spanning_midnight_and_within_a_day() -> None:
    assert NIGHT.contains(time(22, 0))
    assert NIGHT.contains(time(23, 59))
    assert NIGHT.contains(time(0, 0))
    assert NIGHT.contains(time(7, 59, 59))
    assert not NIGHT.contains(time(8, 0))
    assert not NIGHT.contains(time(21, 59))
    assert LUNCH.contains(time(12, 0)) and LUNCH.contains(time(13, 29))
    assert not LUNCH.contains(time(13, 30)) and not LUNCH.contains(time(11, 59))
    assert not QuietHours(time(9, 0), time(9, 0)).contains(time(9, 0))


def test_outside_the_window_sends_now() -> None:
    now = _utc(2026, 11, 24, 2, 0)  # 10:00 in Shanghai
    assert release_time(now=now, time_zone=SHANGHAI, quiet=NIGHT, urgency=Urgency.NORMAL) == now


def test_late_evening_waits_until_the_next_morning() -> None:
    now = _utc(2026, 11, 24, 15, 30)  # 23:30 in Shanghai
    released = release_time(now=now, time_zone=SHANGHAI, quiet=NIGHT, urgency=Urgency.LOW)
    assert released == _utc(2026, 11, 25, 0, 0)  # 08:00 on the 25th in Shanghai


def test_early_morning_waits_until_the_same_morning() -> None:
    now = _utc(2026, 11, 24, 19, 0)  # 03:00 on the 25th in Shanghai
    released = release_time(now=now, time_zone=SHANGHAI, quiet=NIGHT, urgency=Urgency.NORMAL)
    assert released == _utc(2026, 11, 25, 0, 0)


def test_a_window_within_one_day() -> None:
    now = _utc(2026, 11, 24, 4, 15)  # 12:15 in Shanghai
    released = release_time(now=now, time_zone=SHANGHAI, quiet=LUNCH, urgency=Urgency.NORMAL)
    assert released == _utc(2026, 11, 24, 5, 30)


def test_urgent_empty_or_missing_windows_send_now() -> None:
    now = _utc(2026, 11, 24, 15, 30)
    assert release_time(now=now, time_zone=SHANGHAI, quiet=NIGHT, urgency=Urgency.URGENT) == now
    assert release_time(now=now, time_zone=SHANGHAI, quiet=None, urgency=Urgency.NORMAL) == now
    empty = QuietHours(time(22, 0), time(22, 0))
    assert release_time(now=now, time_zone=SHANGHAI, quiet=empty, urgency=Urgency.NORMAL) == now


def test_the_end_is_local_wall_time_across_a_dst_change() -> None:
    # Berlin springs forward on 2026-03-29 at 02:00 CET: the morning end is at CEST.
    now = _utc(2026, 3, 28, 22, 0)  # 23:00 CET
    released = release_time(now=now, time_zone="Europe/Berlin", quiet=NIGHT, urgency=Urgency.LOW)
    assert released == _utc(2026, 3, 29, 6, 0)  # 08:00 CEST


def test_an_end_inside_the_spring_forward_gap_releases_at_the_jump() -> None:
    quiet = QuietHours(time(22, 0), time(2, 30))  # 02:30 does not exist on 2026-03-29 in Berlin
    now = _utc(2026, 3, 28, 23, 0)  # 00:00 CET
    released = release_time(now=now, time_zone="Europe/Berlin", quiet=quiet, urgency=Urgency.LOW)
    assert released == _utc(2026, 3, 29, 1, 0)  # the clock jumps from 02:00 CET to 03:00 CEST


def test_the_repeated_hour_of_a_fall_back_night() -> None:
    quiet = QuietHours(time(22, 0), time(2, 30))
    berlin = "Europe/Berlin"
    # 2026-10-25 02:10 occurs twice; during the second pass the end is the second 02:30.
    second_pass = _utc(2026, 10, 25, 1, 10)
    released = release_time(now=second_pass, time_zone=berlin, quiet=quiet, urgency=Urgency.LOW)
    assert released == _utc(2026, 10, 25, 1, 30)
    first_pass = _utc(2026, 10, 25, 0, 10)
    released = release_time(now=first_pass, time_zone=berlin, quiet=quiet, urgency=Urgency.LOW)
    assert released == _utc(2026, 10, 25, 0, 30)


def test_naive_now_is_rejected() -> None:
    with pytest.raises(ValueError, match="aware"):
        release_time(
            now=datetime(2026, 1, 1, 12), time_zone=SHANGHAI, quiet=NIGHT, urgency=Urgency.LOW
        )


@pytest.mark.parametrize(("text", "expected"), [("22:00", time(22)), ("8:05", time(8, 5))])
def test_parse_hhmm(text: str, expected: time) -> None:
    assert parse_hhmm(text) == expected


@pytest.mark.parametrize("text", ["24:00", "12:60", "noon", "12", "12:00:00", "-1:00", ""])
def test_parse_hhmm_rejects_other_text(text: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_hhmm(text)


ZONES = ["Asia/Shanghai", "Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "UTC"]
times = st.times().map(lambda t: t.replace(second=0, microsecond=0))


@settings(max_examples=400, deadline=None)
@given(
    now=st.datetimes(
        min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31), timezones=st.just(UTC)
    ),
    zone=st.sampled_from(ZONES),
    start=times,
    end=times,
    urgency=st.sampled_from(list(Urgency)),
)
def test_release_is_never_early_and_never_inside_the_window(
    now: datetime, zone: str, start: time, end: time, urgency: Urgency
) -> None:
    quiet = QuietHours(start, end)

    released = release_time(now=now, time_zone=zone, quiet=quiet, urgency=urgency)

    assert released >= now
    if urgency is Urgency.URGENT:
        assert released == now
    else:
        assert not quiet.contains(released.astimezone(ZoneInfo(zone)).time())
        assert released - now <= timedelta(days=2)
        if not quiet.contains(now.astimezone(ZoneInfo(zone)).time()):
            assert released == now
