"""Quiet hours: a daily window of local wall time in which non-urgent notifications wait."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from notifications.message import Urgency

_HHMM = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_SECOND = timedelta(seconds=1)


@dataclass(frozen=True, slots=True)
class QuietHours:
    """A daily window [start, end) of local wall time; start == end means none.

    start > end spans midnight (22:00-08:00).
    """

    start: time  # local wall time, naive
    end: time

    def __post_init__(self) -> None:
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValueError("quiet hours are local wall times without a time zone")

    @property
    def empty(self) -> bool:
        """True when the window never applies."""
        return self.start == self.end

    def contains(self, local: time) -> bool:
        """Whether a local wall time falls inside the window."""
        if self.empty:
            return False
        if self.start < self.end:
            return self.start <= local < self.end
        return local >= self.start or local < self.end


def parse_hhmm(value: str) -> time:
    """Parse "22:00" into a time; ValueError with a clear message otherwise."""
    match = _HHMM.fullmatch(value.strip()) if isinstance(value, str) else None
    if match is None:
        raise ValueError("expected a time of day as HH:MM between 00:00 and 23:59, e.g. 22:00")
    return time(int(match.group(1)), int(match.group(2)))


def release_time(
    *, now: datetime, time_zone: str, quiet: QuietHours | None, urgency: Urgency
) -> datetime:
    """The first instant at or after `now` when a notification may go out (UTC)."""
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError("now must be an aware datetime")
    if urgency is Urgency.URGENT or quiet is None or quiet.empty:
        return now
    zone = ZoneInfo(time_zone)
    instant = now.astimezone(UTC)
    moved: datetime | None = None
    # A window can end inside a DST gap and be re-entered right away (e.g. 02:40-02:30 on a
    # spring-forward night): step from end to end until the wall clock is outside the window.
    for _ in range(4):
        local = instant.astimezone(zone)
        if not quiet.contains(local.time()):
            return now if moved is None else moved
        instant = moved = _next_end(instant, local, quiet.end, zone)
    raise ValueError("quiet hours leave no time to deliver")  # pragma: no cover - defensive


def _next_end(instant: datetime, local: datetime, end: time, zone: ZoneInfo) -> datetime:
    """The first instant after `instant` at which the local wall clock reads `end`."""
    day = local.date()
    if local.time() >= end:
        day += timedelta(days=1)
    for _ in range(3):
        for candidate in _instants_at(datetime.combine(day, end), zone):
            if candidate > instant:
                return candidate
        day += timedelta(days=1)
    raise ValueError("no end of quiet hours found")  # pragma: no cover - defensive


def _instants_at(wall: datetime, zone: ZoneInfo) -> list[datetime]:
    """The UTC instants whose wall time in `zone` is `wall`, earliest first.

    A wall time repeated by a DST fall-back has two; one skipped by a spring-forward gap has none,
    and the transition itself (when the clock jumps past it) stands in for it.
    """
    readings = sorted({wall.replace(tzinfo=zone, fold=fold).astimezone(UTC) for fold in (0, 1)})
    exact = [reading for reading in readings if _wall(reading, zone) == wall]
    if exact:
        return exact
    # Skipped: the clock reads before `wall` at `low` and after it at `high`.
    low, high = readings[0], readings[-1]
    while high - low > _SECOND:
        middle = low + (high - low) / 2
        if _wall(middle, zone) >= wall:
            high = middle
        else:
            low = middle
    whole = high.replace(microsecond=0)
    return [whole if _wall(whole, zone) >= wall else high]


def _wall(instant: datetime, zone: ZoneInfo) -> datetime:
    return instant.astimezone(zone).replace(tzinfo=None)
