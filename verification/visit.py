"""Checks of a visit as a whole: its length, where it ended, its evidence, end-of-day backfill.

The backfill pattern is the seed documents' main kind of fake visit: many visits entered in the
last minutes of the working day with no photo and no recording. One such visit is merely thin
(its missing evidence already makes it SUSPICIOUS); ``backfill_min_visits`` of them by the same
rep in the window around the end of the working day are a pattern, and each of them is REJECTED.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from verification.findings import Finding, FindingCode, Severity
from verification.geo import Point, distance_m
from verification.policy import VerificationPolicy


@dataclass(frozen=True, slots=True)
class VisitSummary:
    """What the backfill check needs of one visit (server times, aware)."""

    id: str
    started_at: datetime
    has_photo: bool
    has_voice: bool


def check_closing(
    *,
    started_at: datetime,
    ended_at: datetime,
    start: Point,
    end: Point | None,
    photos: int,
    recordings: int,
    policy: VerificationPolicy,
    evidence: str,
) -> list[Finding]:
    """Findings when the rep ends a visit: length, end position, missing evidence."""
    findings: list[Finding] = []
    minutes = (ended_at - started_at).total_seconds() / 60
    if minutes < policy.visit_min_minutes:
        findings.append(
            Finding(
                FindingCode.VISIT_TOO_SHORT,
                Severity.WARN,
                {"minutes": round(minutes, 1), "limit_minutes": policy.visit_min_minutes},
                evidence,
            )
        )
    if end is None:
        findings.append(
            Finding(FindingCode.VISIT_MISSING_END_POSITION, Severity.WARN, {}, evidence)
        )
    else:
        moved = distance_m(start, end)
        if moved > policy.visit_end_max_distance_m:
            findings.append(
                Finding(
                    FindingCode.VISIT_END_FAR_FROM_START,
                    Severity.WARN,
                    {"distance_m": round(moved)},
                    "gps:end",
                )
            )
    if photos == 0:
        findings.append(Finding(FindingCode.VISIT_MISSING_PHOTO, Severity.WARN, {}, evidence))
    if recordings == 0:
        findings.append(Finding(FindingCode.VISIT_MISSING_VOICE, Severity.WARN, {}, evidence))
    return findings


def backfill_window(
    day: datetime, *, zone: ZoneInfo, policy: VerificationPolicy
) -> tuple[datetime, datetime]:
    """The window around the end of the working day of ``day``'s local date: [end − w, end + w)."""
    local = day.astimezone(zone)
    end = datetime.combine(local.date(), policy.working_day_end, tzinfo=zone)
    width = timedelta(minutes=policy.backfill_window_minutes)
    return end - width, end + width


def backfilled(
    visits: Sequence[VisitSummary], *, zone: ZoneInfo, policy: VerificationPolicy
) -> set[str]:
    """Ids of the visits that form an end-of-day backfill pattern (one rep's visits of one day).

    A visit counts when it started inside the window and carries neither photo nor recording;
    the pattern needs at least ``backfill_min_visits`` of them on the same local date.
    """
    by_day: dict[object, list[VisitSummary]] = {}
    for visit in visits:
        if visit.has_photo or visit.has_voice:
            continue
        start, stop = backfill_window(visit.started_at, zone=zone, policy=policy)
        if start <= visit.started_at < stop:
            by_day.setdefault(start.date(), []).append(visit)
    return {
        visit.id
        for group in by_day.values()
        if len(group) >= policy.backfill_min_visits
        for visit in group
    }


def backfill_finding(*, count: int, policy: VerificationPolicy, evidence: str) -> Finding:
    return Finding(
        FindingCode.VISIT_BACKFILL_PATTERN,
        Severity.FAIL,
        {"count": count, "window_minutes": round(policy.backfill_window_minutes)},
        evidence,
    )
