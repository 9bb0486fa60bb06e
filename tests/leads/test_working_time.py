"""SLA clocks that count only working hours: weekends, holidays, 调休 and DST changes."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.leads.working_time import (
    DEFAULT_WORKING_HOURS,
    MAX_DATES,
    WorkingHours,
    WorkingHoursError,
    parse_working_hours,
    to_json,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
BERLIN = ZoneInfo("Europe/Berlin")
EVERY_DAY = frozenset(range(1, 8))


def shanghai(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=SHANGHAI)


def berlin(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=BERLIN)


# National Day week as test data: Thu 1 Oct to Thu 8 Oct 2026 off, Saturday 10 Oct worked.
GOLDEN_WEEK = WorkingHours(
    holidays=frozenset(date(2026, 10, d) for d in range(1, 9)),
    extra_workdays=frozenset({date(2026, 10, 10)}),
)


def test_a_deadline_that_crosses_the_weekend_resumes_on_monday():
    due = DEFAULT_WORKING_HOURS.add(shanghai(2026, 1, 9, 17, 50), timedelta(minutes=15))
    assert due == shanghai(2026, 1, 12, 9, 5)
    assert due.tzinfo is UTC


def test_a_lead_assigned_in_the_evening_is_due_fifteen_minutes_after_the_next_opening():
    due = DEFAULT_WORKING_HOURS.add(shanghai(2026, 1, 8, 20, 0), timedelta(minutes=15))
    assert due == shanghai(2026, 1, 9, 9, 15)


def test_a_deadline_that_ends_exactly_at_closing_is_due_at_closing_not_next_morning():
    due = DEFAULT_WORKING_HOURS.add(shanghai(2026, 1, 9, 17, 45), timedelta(minutes=15))
    assert due == shanghai(2026, 1, 9, 18, 0)


def test_a_zero_duration_is_due_at_the_next_opening():
    assert DEFAULT_WORKING_HOURS.add(shanghai(2026, 1, 10, 12), timedelta(0)) == shanghai(
        2026, 1, 12, 9
    )
    inside = shanghai(2026, 1, 9, 10, 30)
    assert DEFAULT_WORKING_HOURS.add(inside, timedelta(0)) == inside


def test_the_48_hour_handoff_counts_working_hours_only():
    # 48 working hours = 5 days and 3 hours of 9-hour days, Monday 09:00 -> next Monday 12:00.
    due = DEFAULT_WORKING_HOURS.add(shanghai(2026, 1, 5, 9), timedelta(hours=48))
    assert due == shanghai(2026, 1, 12, 12)


def test_holidays_are_skipped():
    due = GOLDEN_WEEK.add(shanghai(2026, 9, 30, 17, 30), timedelta(hours=1))
    assert due == shanghai(2026, 10, 9, 9, 30)
    assert not GOLDEN_WEEK.is_working(shanghai(2026, 10, 5, 10))


def test_a_make_up_saturday_counts_as_a_working_day():
    assert GOLDEN_WEEK.is_working(shanghai(2026, 10, 10, 10))
    assert not GOLDEN_WEEK.is_working(shanghai(2026, 10, 11, 10))  # the Sunday after is off
    due = GOLDEN_WEEK.add(shanghai(2026, 10, 9, 17, 30), timedelta(hours=2))
    assert due == shanghai(2026, 10, 10, 10, 30)


def test_working_time_is_half_open_between_start_and_end():
    hours = DEFAULT_WORKING_HOURS
    assert hours.is_working(shanghai(2026, 1, 9, 9, 0))
    assert not hours.is_working(shanghai(2026, 1, 9, 8, 59))
    assert not hours.is_working(shanghai(2026, 1, 9, 18, 0))
    assert not hours.is_working(shanghai(2026, 1, 10, 12))  # Saturday


def test_instants_in_other_zones_are_read_in_the_organisations_zone():
    # 01:30 UTC on a Friday is 09:30 in Shanghai.
    assert DEFAULT_WORKING_HOURS.is_working(datetime(2026, 1, 9, 1, 30, tzinfo=UTC))
    assert not DEFAULT_WORKING_HOURS.is_working(datetime(2026, 1, 9, 0, 30, tzinfo=UTC))


def test_next_opening_is_the_instant_itself_inside_hours_and_the_next_start_outside():
    hours = DEFAULT_WORKING_HOURS
    assert hours.next_opening(shanghai(2026, 1, 9, 11)) == shanghai(2026, 1, 9, 11)
    assert hours.next_opening(shanghai(2026, 1, 9, 18)) == shanghai(2026, 1, 12, 9)
    assert hours.next_opening(shanghai(2026, 1, 9, 7)) == shanghai(2026, 1, 9, 9)


def test_elapsed_over_a_weekend_counts_only_friday_and_monday():
    elapsed = DEFAULT_WORKING_HOURS.elapsed(shanghai(2026, 1, 9, 17), shanghai(2026, 1, 12, 10))
    assert elapsed == timedelta(hours=2)


def test_elapsed_is_zero_when_the_end_is_not_after_the_start():
    start = shanghai(2026, 1, 9, 10)
    assert DEFAULT_WORKING_HOURS.elapsed(start, start) == timedelta(0)
    assert DEFAULT_WORKING_HOURS.elapsed(start, start - timedelta(hours=1)) == timedelta(0)


def test_a_berlin_shift_is_an_hour_shorter_on_the_spring_change_and_longer_in_autumn():
    night = WorkingHours("Europe/Berlin", EVERY_DAY, time(0), time(6))
    day = timedelta(hours=24)
    assert night.elapsed(berlin(2026, 3, 28), berlin(2026, 3, 28) + day) == timedelta(hours=6)
    assert night.elapsed(berlin(2026, 3, 29), berlin(2026, 3, 29) + day) == timedelta(hours=5)
    assert night.elapsed(berlin(2026, 10, 25), berlin(2026, 10, 25) + day) == timedelta(hours=7)
    assert night.add(berlin(2026, 3, 29), timedelta(hours=5)) == datetime(
        2026, 3, 29, 4, tzinfo=UTC
    )  # 06:00 CEST


def test_a_deadline_across_the_berlin_spring_change_keeps_the_wall_clock_opening():
    office = WorkingHours("Europe/Berlin", start=time(9), end=time(18))
    due = office.add(berlin(2026, 3, 27, 17), timedelta(hours=2))  # Friday, CET
    assert due == berlin(2026, 3, 30, 10)  # Monday, CEST
    assert due == datetime(2026, 3, 30, 8, tzinfo=UTC)


def test_wall_times_repeated_by_the_autumn_change_count_twice_and_skipped_ones_not_at_all():
    small_hours = WorkingHours("Europe/Berlin", EVERY_DAY, time(2, 15), time(2, 45))
    autumn, spring = berlin(2026, 10, 25), berlin(2026, 3, 29)
    assert small_hours.elapsed(autumn, autumn + timedelta(days=1)) == timedelta(hours=1)
    assert small_hours.elapsed(spring, spring + timedelta(days=1)) == timedelta(0)
    assert small_hours.is_working(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))  # 02:30 CET


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError, match="timezone-aware"):
        DEFAULT_WORKING_HOURS.is_working(datetime(2026, 1, 9, 10))
    with pytest.raises(ValueError, match="timezone-aware"):
        DEFAULT_WORKING_HOURS.add(datetime(2026, 1, 9, 10), timedelta(minutes=15))
    with pytest.raises(ValueError, match="timezone-aware"):
        DEFAULT_WORKING_HOURS.elapsed(shanghai(2026, 1, 9), datetime(2026, 1, 10))


@pytest.mark.parametrize("duration", [timedelta(seconds=-1), timedelta(days=61)])
def test_durations_outside_zero_to_sixty_days_are_refused(duration):
    with pytest.raises(ValueError, match="duration"):
        DEFAULT_WORKING_HOURS.add(shanghai(2026, 1, 9), duration)


def test_sixty_days_of_working_time_is_reached_without_walking_minute_by_minute():
    due = DEFAULT_WORKING_HOURS.add(shanghai(2026, 1, 5, 9), timedelta(days=60))
    # 1440 working hours = 160 nine-hour days = 32 full weeks.
    assert due == shanghai(2026, 8, 14, 18)


def test_a_calendar_without_working_days_for_two_years_raises_instead_of_looping():
    mondays = frozenset(date(2026, 1, 5) + timedelta(weeks=w) for w in range(MAX_DATES))
    dry = WorkingHours(days=frozenset({1}), holidays=mondays)
    with pytest.raises(WorkingHoursError, match="no working time"):
        dry.add(shanghai(2026, 1, 1), timedelta(minutes=15))
    with pytest.raises(WorkingHoursError):
        dry.next_opening(shanghai(2026, 1, 1))
    assert dry.elapsed(shanghai(2026, 1, 1), shanghai(2027, 1, 1)) == timedelta(0)


def test_parse_reads_the_stored_json_and_to_json_writes_it_back():
    stored = {
        "timeZone": "Asia/Shanghai",
        "days": [1, 2, 3, 4, 5],
        "start": "09:00",
        "end": "18:00",
        "holidays": ["2026-10-01", "2026-10-02"],
        "extraWorkdays": ["2026-09-27"],
    }
    hours = parse_working_hours(stored)
    assert hours.start == time(9) and hours.end == time(18)
    assert hours.holidays == {date(2026, 10, 1), date(2026, 10, 2)}
    assert hours.extra_workdays == {date(2026, 9, 27)}
    assert to_json(hours) == stored
    assert parse_working_hours(to_json(hours)) == hours


def test_missing_fields_take_the_defaults():
    assert parse_working_hours({}) == DEFAULT_WORKING_HOURS
    assert to_json(DEFAULT_WORKING_HOURS) == {
        "timeZone": "Asia/Shanghai",
        "days": [1, 2, 3, 4, 5],
        "start": "09:00",
        "end": "18:00",
        "holidays": [],
        "extraWorkdays": [],
    }


@pytest.mark.parametrize(
    ("stored", "field"),
    [
        ({"timeZone": "Asia/Beijing"}, "timeZone"),
        ({"timeZone": "../../etc/passwd"}, "timeZone"),
        ({"timeZone": 8}, "timeZone"),
        ({"start": "9:00"}, "start"),
        ({"start": "24:00"}, "start"),
        ({"end": "18:60"}, "end"),
        ({"end": 18}, "end"),
        ({"start": "18:00", "end": "09:00"}, "end"),
        ({"start": "09:00", "end": "09:00"}, "end"),
        ({"days": []}, "days"),
        ({"days": [1, 8]}, "days[1]"),
        ({"days": [0]}, "days[0]"),
        ({"days": [True]}, "days[0]"),
        ({"days": [1, 1]}, "days"),
        ({"days": "1-5"}, "days"),
        ({"holidays": ["2026-02-30"]}, "holidays[0]"),
        ({"holidays": ["2026-10-01", "20261002"]}, "holidays[1]"),
        ({"holidays": "2026-10-01"}, "holidays"),
        ({"holidays": [f"2026-01-01-{i}" for i in range(MAX_DATES + 1)]}, "holidays"),
        ({"extraWorkdays": [None]}, "extraWorkdays[0]"),
        ({"holidays": ["2026-10-10"], "extraWorkdays": ["2026-10-10"]}, "extraWorkdays"),
        ({"weekends": [6, 7]}, "weekends"),
    ],
)
def test_malformed_calendars_name_the_field_to_fix(stored, field):
    with pytest.raises(WorkingHoursError) as caught:
        parse_working_hours(stored)
    assert caught.value.field == field


def test_more_than_four_hundred_holidays_are_refused_even_when_well_formed():
    many = [(date(2026, 1, 1) + timedelta(days=i)).isoformat() for i in range(MAX_DATES + 1)]
    with pytest.raises(WorkingHoursError, match="at most 400"):
        parse_working_hours({"holidays": many})
    assert len(parse_working_hours({"holidays": many[:MAX_DATES]}).holidays) == MAX_DATES


def test_a_calendar_built_in_code_is_validated_too():
    with pytest.raises(WorkingHoursError) as caught:
        WorkingHours(start=time(9, 0, 30))
    assert caught.value.field == "start"
    with pytest.raises(WorkingHoursError) as caught:
        WorkingHours(days=frozenset({1, 9}))
    assert caught.value.field == "days"


# Properties, over Shanghai (no DST) and Berlin (DST) calendars with holidays and 调休.

CALENDARS = [
    DEFAULT_WORKING_HOURS,
    GOLDEN_WEEK,
    WorkingHours("Europe/Berlin", start=time(8, 30), end=time(17)),
    WorkingHours("Europe/Berlin", EVERY_DAY, time(0), time(6)),
    WorkingHours("Europe/Berlin", EVERY_DAY, time(1, 30), time(3, 30)),
]
anywhen = st.datetimes(min_value=datetime(2025, 12, 1), max_value=datetime(2027, 1, 1))
near_a_dst_change = st.builds(
    lambda change, shift: change + shift,
    st.sampled_from([datetime(2026, 3, 29, 1), datetime(2026, 10, 25, 1)]),  # UTC
    st.timedeltas(min_value=timedelta(days=-2), max_value=timedelta(days=2)),
)
instants = st.one_of(anywhen, near_a_dst_change).map(lambda naive: naive.replace(tzinfo=UTC))
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=10))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CALENDARS), instants, durations)
def test_the_working_time_elapsed_until_a_deadline_is_exactly_its_duration(hours, start, d):
    assert hours.elapsed(start, hours.add(start, d)) == d


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CALENDARS), instants, durations, durations)
def test_a_longer_duration_is_never_due_earlier(hours, start, d1, d2):
    shorter, longer = sorted((d1, d2))
    assert hours.add(start, shorter) <= hours.add(start, longer)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CALENDARS), instants, durations.filter(lambda d: d > timedelta(0)))
def test_the_last_moment_before_a_deadline_is_working_time(hours, start, d):
    due = hours.add(start, d)
    assert due > start
    assert hours.is_working(due - timedelta(microseconds=1))


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CALENDARS), instants)
def test_nothing_is_worked_between_an_instant_and_the_next_opening(hours, at):
    opening = hours.next_opening(at)
    assert opening >= at
    assert hours.is_working(opening)
    assert hours.elapsed(at, opening) == timedelta(0)
    assert hours.is_working(at) is (opening == at)


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(CALENDARS), instants, instants, instants)
def test_elapsed_adds_up_over_consecutive_intervals(hours, a, b, c):
    a, b, c = sorted((a, b, c))
    assert hours.elapsed(a, b) + hours.elapsed(b, c) == hours.elapsed(a, c)
    assert hours.elapsed(a, c) <= c - a


def test_elapsed_over_more_than_ten_years_is_refused_rather_than_walked():
    with pytest.raises(ValueError, match="longer than"):
        DEFAULT_WORKING_HOURS.elapsed(shanghai(2000, 1, 1), shanghai(2030, 1, 1))
