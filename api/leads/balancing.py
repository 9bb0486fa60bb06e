"""Choosing the rep for a lead among the eligible: load-aware weighted round robin.

Among reps who are available and below their capacity of open leads, the lead goes to the one
furthest behind their weighted share of the period's assignments: the lowest
``(assigned + 1) / weight``. Ties go to the rep with the fewest open leads relative to capacity,
then to the stable id order. Over many leads each rep's share converges to its weight's share
(never "equal split" when weights differ, never a few reps holding most of the pool), and
capacity is a hard limit. Every choice says why: who was eligible, who was skipped and for
what, and the figures that decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Skipped(StrEnum):
    ABSENT = "ABSENT"
    AT_CAPACITY = "AT_CAPACITY"
    ZERO_WEIGHT = "ZERO_WEIGHT"


@dataclass(frozen=True, slots=True)
class Candidate:
    rep_id: str
    weight: float  # > 0; e.g. seniority or a manager's setting
    open_leads: int
    capacity: int  # open leads the rep may hold at most
    available: bool = True  # not absent (leave, out of office)


@dataclass(frozen=True, slots=True)
class Choice:
    rep_id: str | None  # None: nobody could take the lead
    eligible: tuple[str, ...]
    skipped: Mapping[str, Skipped]
    assigned_before: int  # the chosen rep's assignments this period, before this one
    weight: float


def choose(candidates: Sequence[Candidate], *, assigned: Mapping[str, int]) -> Choice:
    """The rep for the next lead; ``assigned`` counts each rep's leads of the current period."""
    skipped: dict[str, Skipped] = {}
    eligible: list[Candidate] = []
    for c in candidates:
        if not c.available:
            skipped[c.rep_id] = Skipped.ABSENT
        elif c.weight <= 0:
            skipped[c.rep_id] = Skipped.ZERO_WEIGHT
        elif c.open_leads >= c.capacity:
            skipped[c.rep_id] = Skipped.AT_CAPACITY
        else:
            eligible.append(c)
    names = tuple(c.rep_id for c in eligible)
    if not eligible:
        return Choice(None, names, skipped, 0, 0.0)

    def key(c: Candidate) -> tuple[float, float, str]:
        share = (assigned.get(c.rep_id, 0) + 1) / c.weight
        return (share, c.open_leads / c.capacity, c.rep_id)

    best = min(eligible, key=key)
    return Choice(best.rep_id, names, skipped, assigned.get(best.rep_id, 0), best.weight)
