"""Working time: SLA clocks that count only an organisation's working hours.

An organisation works on some ISO weekdays (Mon–Fri by default) between a local start and end
wall time (09:00–18:00 by default, no overnight shifts), minus public holidays (法定节假日), plus
make-up working days (调休) that are worked even on a weekend. ``WorkingHours.add`` answers when
an SLA falls due ("first touch within 15 working minutes"), ``elapsed`` how much working time an
interval holds, ``next_opening`` when the clock starts for a lead that arrives after hours.

Instants in and out are timezone-aware (naive ones are refused); answers are in UTC. Each day's
working time is the set of instants whose local date is that day and whose local wall time lies
in ``[start, end)``, computed exactly across DST changes: on the spring-forward day a 00:00–06:00
shift lasts five hours, on the fall-back day seven. The clocks walk the calendar a day at a time
(O(1) per day, never minute by minute) and every walk is bounded: a calendar without working time
for more than ``MAX_IDLE_DAYS`` raises :class:`WorkingHoursError` instead of looping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIME_ZONE = "Asia/Shanghai"
MONDAY_TO_FRIDAY = frozenset({1, 2, 3, 4, 5})
MAX_DATES = 400  # holidays, and separately make-up working days
MAX_DURATION = timedelta(days=60)
MAX_IDLE_DAYS = 731  # more than two years without working time: the calendar is broken
MAX_SEARCH_DAYS = 3660  # a walk never looks further than ten years ahead
MAX_ELAPSED_RANGE = timedelta(days=3660)
MAX_ZONE_NAME = 64
_FIELDS = frozenset({"timeZone", "days", "start", "end", "holidays", "extraWorkdays"})
_CLOCK = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ONE_DAY = timedelta(days=1)
_TICK = timedelta(microseconds=1)
_MARGIN = timedelta(hours=1)

Span = tuple[datetime, datetime]  # [start, end) in UTC


class WorkingHoursError(ValueError):
    """A working-hours calendar is malformed or unusable; ``field`` says which part."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field or 'working hours'}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """An organisation's working calendar; validated on construction."""

    time_zone: str = DEFAULT_TIME_ZONE  # IANA name
    days: frozenset[int] = MONDAY_TO_FRIDAY  # ISO weekdays 1 (Mon) .. 7 (Sun)
    start: time = time(9, 0)  # local wall time, whole minutes
    end: time = time(18, 0)  # local wall time, after start
    holidays: frozenset[date] = frozenset()  # local dates off (法定节假日)
    extra_workdays: frozenset[date] = frozenset()  # make-up working days (调休)

    def __post_init__(self) -> None:
        _validate(self)

    @property
    def zone(self) -> ZoneInfo:
        """The time zone as an object (ZoneInfo caches it by name)."""
        return ZoneInfo(self.time_zone)

    def is_working_day(self, day: date) -> bool:
        """Whether the local date is worked: a make-up day, or a working weekday not off."""
        if day in self.extra_workdays:
            return True
        return day.isoweekday() in self.days and day not in self.holidays

    def is_working(self, at: datetime) -> bool:
        """Whether ``at`` falls inside working time."""
        instant = _utc(at, "at")
        zone = self.zone
        day = instant.astimezone(zone).date()
        return any(s <= instant < e for s, e in self._spans(day, zone))

    def next_opening(self, at: datetime) -> datetime:
        """``at`` (in UTC) if it is working time, else the next start of working time."""
        cursor = _utc(at, "at")
        for span_start, _ in self._spans_after(cursor):
            return max(span_start, cursor)
        raise WorkingHoursError("", "no working time ahead")  # _spans_after raises first

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The instant (UTC) at which ``duration`` of working time has elapsed after ``start``."""
        cursor = _utc(start, "start")
        remaining = _checked_duration(duration)
        for span_start, span_end in self._spans_after(cursor):
            begin = max(span_start, cursor)
            if remaining <= span_end - begin:
                return begin + remaining
            remaining -= span_end - begin
        raise WorkingHoursError("", "no working time ahead")  # _spans_after raises first

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        """Working time inside ``[start, end)``; zero when ``end <= start``."""
        low, high = _utc(start, "start"), _utc(end, "end")
        if high <= low:
            return timedelta(0)
        if high - low > MAX_ELAPSED_RANGE:
            raise ValueError(f"an interval longer than {MAX_ELAPSED_RANGE.days} days")
        zone = self.zone
        day, last = _local_day(low, zone) - _ONE_DAY, _local_day(high, zone) + _ONE_DAY
        total = timedelta(0)
        while day <= last:
            total += sum((_overlap(span, low, high) for span in self._spans(day, zone)), _ZERO)
            day += _ONE_DAY
        return total

    def _spans_after(self, cursor: datetime) -> Iterator[Span]:
        """Working spans ending after ``cursor``, in order; raises when the calendar runs dry."""
        zone = self.zone
        day = _local_day(cursor, zone) - _ONE_DAY  # a fall-back may repeat yesterday's hours
        idle = 0
        for _ in range(MAX_SEARCH_DAYS):
            spans = [span for span in self._spans(day, zone) if span[1] > cursor]
            yield from spans
            idle = 0 if spans else idle + 1
            if idle > MAX_IDLE_DAYS:
                raise WorkingHoursError("", f"no working time for {MAX_IDLE_DAYS} days after {day}")
            day = _next_day(day)
        raise WorkingHoursError("", f"not enough working time within {MAX_SEARCH_DAYS} days")

    def _spans(self, day: date, zone: ZoneInfo) -> tuple[Span, ...]:
        """The working time of one local date as UTC spans (two only on a fall-back overlap)."""
        if not self.is_working_day(day):
            return ()
        wall_start, wall_end = datetime.combine(day, self.start), datetime.combine(day, self.end)
        spans: list[Span] = []
        for low, high, offset in _pieces(zone, _window(zone, wall_start, wall_end)):
            begin = max(low, (wall_start - offset).replace(tzinfo=UTC))
            finish = min(high, (wall_end - offset).replace(tzinfo=UTC))
            if begin >= finish:
                continue
            if spans and spans[-1][1] == begin:
                spans[-1] = (spans[-1][0], finish)
            else:
                spans.append((begin, finish))
        return tuple(spans)


_ZERO = timedelta(0)


def _utc(value: datetime, name: str) -> datetime:
    """The instant in UTC; naive datetimes are refused."""
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime")
    return value.astimezone(UTC)


def _checked_duration(duration: timedelta) -> timedelta:
    """The duration, if it lies within 0 .. MAX_DURATION."""
    if not isinstance(duration, timedelta) or not _ZERO <= duration <= MAX_DURATION:
        raise ValueError(f"duration must be between 0 and {MAX_DURATION.days} days")
    return duration


def _local_day(instant: datetime, zone: ZoneInfo) -> date:
    """The local calendar date of an instant."""
    return instant.astimezone(zone).date()


def _next_day(day: date) -> date:
    """The following date; the end of the calendar is a WorkingHoursError, not an overflow."""
    if day >= date.max - _ONE_DAY:
        raise WorkingHoursError("", "no working time before the end of the calendar")
    return day + _ONE_DAY


def _overlap(span: Span, low: datetime, high: datetime) -> timedelta:
    """How much of ``span`` lies inside ``[low, high)``."""
    return max(_ZERO, min(span[1], high) - max(span[0], low))


def _offset(zone: ZoneInfo, instant: datetime) -> timedelta:
    """The zone's UTC offset at an instant."""
    offset = instant.astimezone(zone).utcoffset()
    return offset if offset is not None else _ZERO


def _window(zone: ZoneInfo, wall_start: datetime, wall_end: datetime) -> Span:
    """UTC instants that can show a wall time in ``[wall_start, wall_end)``, with a margin."""
    starts = [wall_start - _wall_offset(zone, wall_start, fold) for fold in (0, 1)]
    ends = [wall_end - _wall_offset(zone, wall_end, fold) for fold in (0, 1)]
    return (min(starts) - _MARGIN).replace(tzinfo=UTC), (max(ends) + _MARGIN).replace(tzinfo=UTC)


def _wall_offset(zone: ZoneInfo, wall: datetime, fold: int) -> timedelta:
    """The offset the zone gives a naive wall time read with ``fold``."""
    offset = zone.utcoffset(wall.replace(fold=fold))
    return offset if offset is not None else _ZERO


def _pieces(zone: ZoneInfo, window: Span) -> Iterator[tuple[datetime, datetime, timedelta]]:
    """``window`` cut at the zone's offset changes: (low, high, offset) with a constant offset."""
    low, high = window
    cuts = [low, *_transitions(zone, low, high), high]
    for begin, finish in pairwise(cuts):
        yield begin, finish, _offset(zone, begin)


def _transitions(zone: ZoneInfo, low: datetime, high: datetime) -> list[datetime]:
    """Instants in ``(low, high]`` where the offset changes, found by bisection."""
    if _offset(zone, low) == _offset(zone, high):
        return []
    if high - low <= _TICK:
        return [high]
    middle = low + (high - low) // 2
    return _transitions(zone, low, middle) + _transitions(zone, middle, high)


def _validate(hours: WorkingHours) -> None:
    """Check every field of a calendar; raises WorkingHoursError naming the JSON field."""
    _validate_zone(hours.time_zone)
    if not isinstance(hours.days, frozenset) or not hours.days:
        raise WorkingHoursError("days", "must name at least one working weekday")
    if any(isinstance(d, bool) or not isinstance(d, int) or not 1 <= d <= 7 for d in hours.days):
        raise WorkingHoursError("days", "must be ISO weekdays 1 (Monday) to 7 (Sunday)")
    _validate_clock(hours.start, "start")
    _validate_clock(hours.end, "end")
    if hours.start >= hours.end:
        raise WorkingHoursError("end", "must be after start (no overnight shifts)")
    _validate_dates(hours.holidays, "holidays")
    _validate_dates(hours.extra_workdays, "extraWorkdays")
    both = hours.holidays & hours.extra_workdays
    if both:
        raise WorkingHoursError("extraWorkdays", f"{min(both)} is also a holiday")


def _validate_zone(name: str) -> None:
    """The name of a time zone this system knows."""
    if not isinstance(name, str) or not 0 < len(name) <= MAX_ZONE_NAME:
        raise WorkingHoursError("timeZone", "must be an IANA time zone name")
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise WorkingHoursError("timeZone", f"unknown time zone {name!r}") from error


def _validate_clock(value: time, field: str) -> None:
    """A naive wall time in whole minutes."""
    if not isinstance(value, time) or value.tzinfo is not None:
        raise WorkingHoursError(field, "must be a local wall time")
    if value.second or value.microsecond:
        raise WorkingHoursError(field, "must be whole minutes")


def _validate_dates(values: frozenset[date], field: str) -> None:
    """A bounded set of plain dates."""
    if not isinstance(values, frozenset) or len(values) > MAX_DATES:
        raise WorkingHoursError(field, f"must be at most {MAX_DATES} dates")
    if any(isinstance(v, datetime) or not isinstance(v, date) for v in values):
        raise WorkingHoursError(field, "must be dates")


def parse_working_hours(data: Mapping[str, Any]) -> WorkingHours:
    """A calendar from its stored JSON; missing fields take the defaults."""
    if not isinstance(data, Mapping):
        raise WorkingHoursError("", "must be an object")
    unknown = sorted(str(key) for key in data if key not in _FIELDS)
    if unknown:
        raise WorkingHoursError(unknown[0], "unknown field")
    zone = data.get("timeZone", DEFAULT_TIME_ZONE)
    if not isinstance(zone, str):
        raise WorkingHoursError("timeZone", "must be an IANA time zone name")
    return WorkingHours(
        time_zone=zone,
        days=_parse_days(data.get("days", sorted(MONDAY_TO_FRIDAY))),
        start=_parse_clock(data.get("start", "09:00"), "start"),
        end=_parse_clock(data.get("end", "18:00"), "end"),
        holidays=_parse_dates(data.get("holidays", []), "holidays"),
        extra_workdays=_parse_dates(data.get("extraWorkdays", []), "extraWorkdays"),
    )


def _parse_days(value: Any) -> frozenset[int]:
    """ISO weekdays from a JSON list."""
    if not isinstance(value, list) or not value:
        raise WorkingHoursError("days", "must be a non-empty list of weekdays 1..7")
    if len(value) > 7:
        raise WorkingHoursError("days", "must list each weekday at most once")
    for i, day in enumerate(value):
        if isinstance(day, bool) or not isinstance(day, int) or not 1 <= day <= 7:
            raise WorkingHoursError(f"days[{i}]", "must be a weekday 1 (Monday) to 7 (Sunday)")
    if len(set(value)) != len(value):
        raise WorkingHoursError("days", "must list each weekday at most once")
    return frozenset(value)


def _parse_clock(value: Any, field: str) -> time:
    """A wall time from "HH:MM" (00:00 to 23:59)."""
    match = _CLOCK.match(value) if isinstance(value, str) else None
    if match is None:
        raise WorkingHoursError(field, 'must be a time "HH:MM" between 00:00 and 23:59')
    return time(int(match.group(1)), int(match.group(2)))


def _parse_dates(value: Any, field: str) -> frozenset[date]:
    """Dates from a JSON list of "YYYY-MM-DD"."""
    if not isinstance(value, list):
        raise WorkingHoursError(field, 'must be a list of dates "YYYY-MM-DD"')
    if len(value) > MAX_DATES:
        raise WorkingHoursError(field, f"must be at most {MAX_DATES} dates")
    return frozenset(_parse_date(item, f"{field}[{i}]") for i, item in enumerate(value))


def _parse_date(value: Any, field: str) -> date:
    """One date from "YYYY-MM-DD"."""
    if isinstance(value, str) and _DATE.match(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise WorkingHoursError(field, 'must be a date "YYYY-MM-DD"')


def to_json(hours: WorkingHours) -> dict[str, Any]:
    """The stored JSON of a calendar; ``parse_working_hours`` reads it back unchanged."""
    return {
        "timeZone": hours.time_zone,
        "days": sorted(hours.days),
        "start": hours.start.strftime("%H:%M"),
        "end": hours.end.strftime("%H:%M"),
        "holidays": _iso_dates(hours.holidays),
        "extraWorkdays": _iso_dates(hours.extra_workdays),
    }


def _iso_dates(values: Iterable[date]) -> list[str]:
    """Dates as sorted "YYYY-MM-DD" strings."""
    return [value.isoformat() for value in sorted(values)]


DEFAULT_WORKING_HOURS = WorkingHours()
"""Asia/Shanghai, Monday to Friday, 09:00–18:00, no holidays."""
