"""The walkthrough drill (流程穿越): a new hire replays a won lead and sees where they differ.

The hire is shown how a historical WON lead arrived and lays out the steps they would take,
each with its time in minutes after the lead was assigned (:func:`parse_path` reads the JSON).
:func:`compare` sets that path against the *benchmark*, what the rep who won the lead really
did, and returns a similarity score, the differences and an improvement list. Everything here
is pure: no I/O, no ORM; the service stores the result and turns advice codes into zh/en text.

A step is an action and a detail: ``VIEW`` (opened the lead), ``TOUCH`` with how (one of
:data:`TOUCH_KINDS`), ``FEEDBACK`` (sales' verdict to marketing), ``STAGE`` with the stage
moved to (one of :data:`STAGES`) and ``VISIT`` (a verified on-site visit). Two steps are "the
same" when action and detail are (:attr:`Step.key`); times never decide sameness.

How :func:`compare` works, in order:

1. Alignment: a longest common subsequence of the two key sequences (our own table, so it is
   a true LCS and deterministic: equal heads are matched, and on a tie the benchmark's step is
   passed over first, which keeps the hire's step for a later benchmark step). The pairs found
   are *matched*; ``similarity`` is ``2 * matched / (len(benchmark) + len(path))`` in percent,
   rounded half up.
2. ORDER: a benchmark step left over whose key the hire also has left over was done, just
   elsewhere in the sequence; the two are paired first come, first served and reported once as
   ORDER, not as MISSING plus EXTRA. What is still left over is MISSING (benchmark side) or
   EXTRA (hire side).
3. LATE: a matched pair whose hire step comes more than ``max(min_slack_minutes,
   expected.minutes * slack_ratio)`` after the benchmark's. The slack grows with the time, so
   a day-3 demo held on day 4 is not late while a WeChat message two hours late is.
4. FIRST_TOUCH_LATE: the first-touch SLA is the house rule, whatever the benchmark did (a late
   benchmark is not a model to copy). It is reported when the hire's first TOUCH (any kind)
   comes more than ``first_touch_minutes`` after assignment, or when the hire never touches
   the lead although the benchmark does; ``expected`` is the benchmark's first TOUCH (None when
   it has none) and ``actual`` the hire's (None when they have none). A hire who never touches
   also gets the benchmark's touches as MISSING: the SLA and the steps are different lessons.
   The step flagged here is not reported LATE as well (one lesson per step).

``differences`` come in this order: FIRST_TOUCH_LATE first (it is about the whole path's
start), then one entry per benchmark step that differs, in the benchmark's order (MISSING,
ORDER or LATE), then EXTRA in the hire's order.

Each difference carries one :class:`Advice` code:

- FIRST_TOUCH_LATE: TOUCH_WITHIN_SLA;
- MISSING: VIEW -> OPEN_LEADS_PROMPTLY; VISIT or TOUCH/VISIT -> VISIT_ON_SITE; STAGE
  NEEDS_CONFIRMED -> CONFIRM_NEEDS_FIRST; STAGE DEMO -> DEMO_BEFORE_QUOTE; FEEDBACK ->
  GIVE_MARKETING_FEEDBACK; anything else -> FOLLOW_THE_BENCHMARK_STEPS;
- ORDER: of a STAGE -> FOLLOW_STAGE_ORDER, of anything else -> KEEP_STEP_ORDER;
- LATE: KEEP_PACE;
- EXTRA: SKIP_UNNEEDED_STEP.

The improvement list (``Comparison.advice``) holds each code once, ranked in the order
:class:`Advice` declares them: the SLAs first (they are measured and escalated on every real
lead), then the key steps missed (the verified visit, the qualifying stages, marketing's
feedback, the rest), then order, then pace, then extra steps (the least harm).
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

MAX_STEPS = 60
MAX_MINUTES = 60 * 24 * 365
TOUCH_KINDS = ("CALL", "WECHAT", "SMS", "EMAIL", "VISIT", "MEETING")
STAGES = ("CONTACTED", "NEEDS_CONFIRMED", "DEMO", "QUOTE", "WON", "LOST")
_STEP_KEYS = frozenset({"action", "detail", "minutes"})


class Action(StrEnum):
    """What a step does; its ``detail`` says more for TOUCH and STAGE only."""

    VIEW = "VIEW"  # opened the lead
    TOUCH = "TOUCH"  # detail: how, one of TOUCH_KINDS
    FEEDBACK = "FEEDBACK"  # sales' verdict to marketing; no detail
    STAGE = "STAGE"  # detail: the stage moved to, one of STAGES
    VISIT = "VISIT"  # a verified on-site visit; no detail


_ACTIONS = {action.value: action for action in Action}
_DETAILS: dict[str, tuple[str, ...]] = {
    Action.VIEW: ("",),
    Action.TOUCH: TOUCH_KINDS,
    Action.FEEDBACK: ("",),
    Action.STAGE: STAGES,
    Action.VISIT: ("",),
}


class WalkthroughError(ValueError):
    """A path is malformed; ``path`` names the part to fix (``steps[2].detail``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Step:
    """One step of a path: what was done and when, in minutes after the lead was assigned."""

    action: Action
    detail: str  # see Action; "" where none
    minutes: int  # 0 to MAX_MINUTES

    @property
    def key(self) -> tuple[str, str]:
        """What makes two steps the same step: action and detail, never the time."""
        return (str(self.action), self.detail)


class DifferenceKind(StrEnum):
    MISSING = "MISSING"  # the benchmark did it, the hire did not
    EXTRA = "EXTRA"  # the hire did it, the benchmark did not
    ORDER = "ORDER"  # both did it, in a different place in the sequence
    LATE = "LATE"  # matched, but much later than the benchmark
    FIRST_TOUCH_LATE = "FIRST_TOUCH_LATE"  # the hire's first touch misses the first-touch SLA


class Advice(StrEnum):
    """Stable advice codes, declared most important first (the improvement list's ranking)."""

    TOUCH_WITHIN_SLA = "TOUCH_WITHIN_SLA"  # first touch after the SLA, or never
    OPEN_LEADS_PROMPTLY = "OPEN_LEADS_PROMPTLY"  # never opened the lead (the view SLA recycles)
    VISIT_ON_SITE = "VISIT_ON_SITE"  # skipped the on-site visit
    CONFIRM_NEEDS_FIRST = "CONFIRM_NEEDS_FIRST"  # never confirmed the customer's needs
    DEMO_BEFORE_QUOTE = "DEMO_BEFORE_QUOTE"  # never demonstrated the product
    GIVE_MARKETING_FEEDBACK = "GIVE_MARKETING_FEEDBACK"  # no verdict to marketing
    FOLLOW_THE_BENCHMARK_STEPS = "FOLLOW_THE_BENCHMARK_STEPS"  # missed another step
    FOLLOW_STAGE_ORDER = "FOLLOW_STAGE_ORDER"  # moved through the funnel out of order
    KEEP_STEP_ORDER = "KEEP_STEP_ORDER"  # did another step out of order
    KEEP_PACE = "KEEP_PACE"  # a step much later than the benchmark's
    SKIP_UNNEEDED_STEP = "SKIP_UNNEEDED_STEP"  # a step the benchmark did without


_RANK = {advice: rank for rank, advice in enumerate(Advice)}
_MISSING_ADVICE: dict[tuple[str, str], Advice] = {
    (Action.VIEW, ""): Advice.OPEN_LEADS_PROMPTLY,
    (Action.VISIT, ""): Advice.VISIT_ON_SITE,
    (Action.TOUCH, "VISIT"): Advice.VISIT_ON_SITE,
    (Action.STAGE, "NEEDS_CONFIRMED"): Advice.CONFIRM_NEEDS_FIRST,
    (Action.STAGE, "DEMO"): Advice.DEMO_BEFORE_QUOTE,
    (Action.FEEDBACK, ""): Advice.GIVE_MARKETING_FEEDBACK,
}


@dataclass(frozen=True, slots=True)
class Difference:
    """One way the hire's path differs from the benchmark, with the advice it calls for."""

    kind: DifferenceKind
    expected: Step | None  # the benchmark's step; None for EXTRA
    actual: Step | None  # the hire's step; None for MISSING
    advice: Advice


@dataclass(frozen=True, slots=True)
class Comparison:
    """The hire's path against the benchmark (see the module docstring for the rules)."""

    similarity: int  # 0 to 100
    matched: int  # steps aligned in order (the longest common subsequence)
    differences: tuple[Difference, ...]  # FIRST_TOUCH_LATE, then benchmark order, then EXTRA
    advice: tuple[Advice, ...]  # distinct, most important first


# Parsing


def parse_path(data: object) -> tuple[Step, ...]:
    """The hire's path from JSON, ``[{"action", "detail", "minutes"}]``; raises WalkthroughError.

    ``detail`` may be left out (or null) where the action takes none. Steps must be in time
    order (equal times are fine): the first touch and the alignment read them as listed.
    """
    if not isinstance(data, list):
        raise WalkthroughError("steps", "must be a list")
    if not data:
        raise WalkthroughError("steps", "must have at least one step")
    if len(data) > MAX_STEPS:
        raise WalkthroughError("steps", f"at most {MAX_STEPS} steps")
    steps: list[Step] = []
    for i, item in enumerate(data):
        step = _parse_step(item, f"steps[{i}]")
        if steps and step.minutes < steps[-1].minutes:
            raise WalkthroughError(f"steps[{i}].minutes", "must not be before the previous step")
        steps.append(step)
    return tuple(steps)


def _parse_step(item: object, path: str) -> Step:
    """One step from its JSON object."""
    if not isinstance(item, Mapping):
        raise WalkthroughError(path, "must be an object")
    for key in item:
        if key not in _STEP_KEYS:
            known = ", ".join(sorted(_STEP_KEYS))
            raise WalkthroughError(f"{path}.{key}", f"unknown key; allowed: {known}")
    action = item.get("action")
    if not isinstance(action, str) or action not in _ACTIONS:
        raise WalkthroughError(f"{path}.action", f"must be one of {', '.join(_ACTIONS)}")
    detail = item.get("detail")
    return Step(
        _ACTIONS[action],
        _detail(action, "" if detail is None else detail, f"{path}.detail"),
        _minutes(item.get("minutes"), f"{path}.minutes"),
    )


def _detail(action: str, detail: object, path: str) -> str:
    """The detail, when the action takes it."""
    allowed = _DETAILS[action]
    if not isinstance(detail, str) or detail not in allowed:
        reason = (
            f"must be empty for {action}"
            if allowed == ("",)
            else f"must be one of {', '.join(allowed)}"
        )
        raise WalkthroughError(path, reason)
    return detail


def _minutes(minutes: object, path: str) -> int:
    """A whole number of minutes from 0 to MAX_MINUTES (not true or false)."""
    if not isinstance(minutes, int) or isinstance(minutes, bool) or not 0 <= minutes <= MAX_MINUTES:
        raise WalkthroughError(path, f"must be a whole number from 0 to {MAX_MINUTES}")
    return minutes


def _check_steps(steps: Sequence[Step], name: str) -> None:
    """The checks of parse_path (but the length cap) on steps built elsewhere."""
    previous = 0
    for i, step in enumerate(steps):
        path = f"{name}[{i}]"
        if step.action not in _ACTIONS:
            raise WalkthroughError(f"{path}.action", f"must be one of {', '.join(_ACTIONS)}")
        _detail(step.action, step.detail, f"{path}.detail")
        _minutes(step.minutes, f"{path}.minutes")
        if step.minutes < previous:
            raise WalkthroughError(f"{path}.minutes", "must not be before the previous step")
        previous = step.minutes


# Comparing


def compare(
    benchmark: Sequence[Step],
    path: Sequence[Step],
    *,
    first_touch_minutes: int = 15,
    slack_ratio: float = 0.5,
    min_slack_minutes: int = 60,
) -> Comparison:
    """The hire's ``path`` against the ``benchmark``: similarity, differences and advice.

    The benchmark must have a step (the service never offers a lead without one); both
    sequences must be in time order. Raises WalkthroughError (a ValueError) naming the step at
    fault (``benchmark[3].minutes``), ValueError for a negative or non-finite setting. Time and
    memory grow with ``len(benchmark) * len(path)``.
    """
    if not benchmark:
        raise WalkthroughError("benchmark", "must have at least one step")
    _check_steps(benchmark, "benchmark")
    _check_steps(path, "path")
    _check_settings(first_touch_minutes, slack_ratio, min_slack_minutes)

    pairs = dict(_align([step.key for step in benchmark], [step.key for step in path]))
    moved = _moved(benchmark, path, pairs)
    differences: list[Difference] = []
    first = next((j for j, step in enumerate(path) if step.action == Action.TOUCH), None)
    sla = _first_touch_late(benchmark, path, first, first_touch_minutes)
    if sla is not None:
        differences.append(sla)
    for i, expected in enumerate(benchmark):
        if i in pairs:
            j = pairs[i]
            actual = path[j]
            slack = max(min_slack_minutes, expected.minutes * slack_ratio)
            if actual.minutes > expected.minutes + slack and (sla is None or j != first):
                differences.append(
                    Difference(DifferenceKind.LATE, expected, actual, Advice.KEEP_PACE)
                )
        elif i in moved:
            differences.append(
                Difference(DifferenceKind.ORDER, expected, path[moved[i]], _order_advice(expected))
            )
        else:
            advice = _MISSING_ADVICE.get(expected.key, Advice.FOLLOW_THE_BENCHMARK_STEPS)
            differences.append(Difference(DifferenceKind.MISSING, expected, None, advice))
    placed = set(pairs.values()) | set(moved.values())
    differences.extend(
        Difference(DifferenceKind.EXTRA, None, actual, Advice.SKIP_UNNEEDED_STEP)
        for j, actual in enumerate(path)
        if j not in placed
    )
    total = len(benchmark) + len(path)
    return Comparison(
        similarity=(400 * len(pairs) + total) // (2 * total),  # 200 * m / total, half up
        matched=len(pairs),
        differences=tuple(differences),
        advice=tuple(sorted({d.advice for d in differences}, key=_RANK.__getitem__)),
    )


def _check_settings(first_touch_minutes: int, slack_ratio: float, min_slack_minutes: int) -> None:
    """Refuse negative minutes or a negative or non-finite ratio."""
    for name, value in (
        ("first_touch_minutes", first_touch_minutes),
        ("min_slack_minutes", min_slack_minutes),
    ):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError(f"{name} must be a whole number of minutes, 0 or more")
    if (
        not isinstance(slack_ratio, int | float)
        or isinstance(slack_ratio, bool)
        or not math.isfinite(slack_ratio)
        or slack_ratio < 0
    ):
        raise ValueError("slack_ratio must be a finite number, 0 or more")


def _align(
    expected: Sequence[tuple[str, str]], actual: Sequence[tuple[str, str]]
) -> list[tuple[int, int]]:
    """A longest common subsequence as (benchmark index, hire index) pairs, in order.

    ``longest[i][j]`` is the LCS length of ``expected[i:]`` and ``actual[j:]``. Walking from
    the start, equal heads are always matched (some LCS does); otherwise the side whose step can
    be dropped without shortening the LCS is dropped, the benchmark's on a tie.
    """
    n, m = len(expected), len(actual)
    longest = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        row, below = longest[i], longest[i + 1]
        for j in range(m - 1, -1, -1):
            if expected[i] == actual[j]:
                row[j] = below[j + 1] + 1
            else:
                row[j] = max(below[j], row[j + 1])
    pairs: list[tuple[int, int]] = []
    i = j = 0
    while i < n and j < m:
        if expected[i] == actual[j]:
            pairs.append((i, j))
            i += 1
            j += 1
        elif longest[i + 1][j] >= longest[i][j + 1]:
            i += 1
        else:
            j += 1
    return pairs


def _moved(
    benchmark: Sequence[Step], path: Sequence[Step], pairs: Mapping[int, int]
) -> dict[int, int]:
    """Unmatched benchmark steps paired with an unmatched hire step of the same key, first come."""
    taken = set(pairs.values())
    waiting: dict[tuple[str, str], deque[int]] = {}
    for j, step in enumerate(path):
        if j not in taken:
            waiting.setdefault(step.key, deque()).append(j)
    moved: dict[int, int] = {}
    for i, step in enumerate(benchmark):
        queue = waiting.get(step.key)
        if i not in pairs and queue:
            moved[i] = queue.popleft()
    return moved


def _first_touch_late(
    benchmark: Sequence[Step], path: Sequence[Step], first: int | None, limit: int
) -> Difference | None:
    """FIRST_TOUCH_LATE when the hire's first touch is after the SLA, or missing while due."""
    expected = next((step for step in benchmark if step.action == Action.TOUCH), None)
    if first is None:
        if expected is None:
            return None
        return Difference(DifferenceKind.FIRST_TOUCH_LATE, expected, None, Advice.TOUCH_WITHIN_SLA)
    actual = path[first]
    if actual.minutes <= limit:
        return None
    return Difference(DifferenceKind.FIRST_TOUCH_LATE, expected, actual, Advice.TOUCH_WITHIN_SLA)


def _order_advice(step: Step) -> Advice:
    """Stages out of order are a funnel lesson; any other step is a sequence lesson."""
    return Advice.FOLLOW_STAGE_ORDER if step.action == Action.STAGE else Advice.KEEP_STEP_ORDER
