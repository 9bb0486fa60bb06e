"""Lead scoring per organisation: weighted 0–5 point dimensions, a 0–100 score and the MQL rule.

A scoring model is stored as JSON::

    {"dimensions": [{"key": "engagement", "label": "互动程度", "weight": 3,
                     "bands": [{"points": 5, "when": <condition>}, ...]}, ...],
     "mql": <condition>}

Each dimension gives the points of its first band whose condition (``api.leads.conditions``)
holds for the lead, or 0 when none does, so a missing field simply earns nothing. The score is
``round(100 * Σ weight·points / Σ weight·5)``, computed exactly and rounded half up. The MQL
condition sees the lead with ``score`` filled in, so a rule may ask for behaviour, for a score,
or for either; a lead that is not an MQL stays with marketing. Malformed models are refused with
:class:`ScoringError`, whose ``path`` names the part to fix (``dimensions[0].bands[1].when.all[0]
.value``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType
from typing import Any

from api.leads.conditions import Condition, ConditionError, parse

MAX_POINTS = 5
MAX_DIMENSIONS = 12
MAX_BANDS = 10
MAX_LABEL = 40
MAX_WEIGHT = 10.0
_KEY = re.compile(r"^[a-z0-9_]{1,32}$")


class ScoringError(ValueError):
    """A scoring model is malformed; ``path`` says where."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path or 'scoring'}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Band:
    """``points`` (0..5) for a lead that satisfies ``when``."""

    points: int
    when: Condition


@dataclass(frozen=True, slots=True)
class Dimension:
    """One scored aspect of a lead; the first matching band gives its points."""

    key: str
    label: str
    weight: float
    bands: tuple[Band, ...]

    def points(self, lead: Mapping[str, Any]) -> int:
        """The points of the first band that holds, 0 when none does."""
        return next((band.points for band in self.bands if band.when(lead)), 0)


@dataclass(frozen=True, slots=True)
class Scored:
    """A lead's score (0..100) and the points of each dimension by key."""

    score: int
    points: Mapping[str, int]


@dataclass(frozen=True, slots=True)
class ScoringModel:
    """An organisation's parsed scoring model; ``source`` is the JSON it came from."""

    dimensions: tuple[Dimension, ...]
    mql: Condition
    source: Mapping[str, Any]

    def score(self, lead: Mapping[str, Any]) -> Scored:
        """Score a lead's data."""
        points = {d.key: d.points(lead) for d in self.dimensions}
        earned = sum((Fraction(d.weight) * points[d.key] for d in self.dimensions), Fraction(0))
        possible = sum((Fraction(d.weight) * MAX_POINTS for d in self.dimensions), Fraction(0))
        score = math.floor(100 * earned / possible + Fraction(1, 2))
        return Scored(score=score, points=MappingProxyType(points))

    def is_mql(self, lead: Mapping[str, Any], scored: Scored) -> bool:
        """Whether the lead, with ``score`` set to ``scored.score``, meets the MQL condition."""
        return self.mql({**lead, "score": scored.score})


def parse_scoring(data: Mapping[str, Any]) -> ScoringModel:
    """Parse and validate a stored scoring model; raises ScoringError."""
    if not isinstance(data, Mapping):
        raise ScoringError("", "must be an object")
    _only_keys(data, {"dimensions", "mql"}, "")
    items = data["dimensions"]
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_DIMENSIONS:
        raise ScoringError("dimensions", f"must be a list of 1 to {MAX_DIMENSIONS} dimensions")
    dimensions: list[Dimension] = []
    for i, item in enumerate(items):
        dimension = _dimension(item, f"dimensions[{i}]")
        if any(d.key == dimension.key for d in dimensions):
            raise ScoringError(f"dimensions[{i}].key", f"duplicate key {dimension.key!r}")
        dimensions.append(dimension)
    return ScoringModel(tuple(dimensions), _condition(data["mql"], "mql"), data)


def _only_keys(data: Mapping[str, Any], keys: set[str], path: str) -> None:
    """Refuse missing and unknown keys, naming the first one."""
    for key in sorted(keys):
        if key not in data:
            raise ScoringError(_join(path, key), "is required")
    unknown = sorted(str(key) for key in data if key not in keys)
    if unknown:
        raise ScoringError(_join(path, unknown[0]), "unknown field")


def _join(path: str, part: str) -> str:
    """A child path, like conditions' ``all[1].value``."""
    if not part:
        return path
    return f"{path}.{part}" if path else part


def _dimension(data: Any, path: str) -> Dimension:
    """One dimension: key, label, weight and bands."""
    if not isinstance(data, Mapping):
        raise ScoringError(path, "must be an object")
    _only_keys(data, {"key", "label", "weight", "bands"}, path)
    key, label, weight, bands = data["key"], data["label"], data["weight"], data["bands"]
    if not isinstance(key, str) or not _KEY.match(key):
        raise ScoringError(_join(path, "key"), "must be 1 to 32 of a-z, 0-9 and _")
    if not isinstance(label, str) or not label.strip() or len(label) > MAX_LABEL:
        raise ScoringError(_join(path, "label"), f"must be text of 1 to {MAX_LABEL} characters")
    if (
        isinstance(weight, bool)
        or not isinstance(weight, int | float)
        or not math.isfinite(weight)
        or not 0 < weight <= MAX_WEIGHT
    ):
        raise ScoringError(
            _join(path, "weight"), f"must be a number above 0, at most {MAX_WEIGHT:g}"
        )
    if not isinstance(bands, list) or not 1 <= len(bands) <= MAX_BANDS:
        raise ScoringError(_join(path, "bands"), f"must be a list of 1 to {MAX_BANDS} bands")
    parsed = tuple(_band(band, f"{_join(path, 'bands')}[{i}]") for i, band in enumerate(bands))
    return Dimension(key=key, label=label, weight=float(weight), bands=parsed)


def _band(data: Any, path: str) -> Band:
    """One band: points 0..5 and the condition that earns them."""
    if not isinstance(data, Mapping):
        raise ScoringError(path, "must be an object")
    _only_keys(data, {"points", "when"}, path)
    points = data["points"]
    if isinstance(points, bool) or not isinstance(points, int) or not 0 <= points <= MAX_POINTS:
        raise ScoringError(_join(path, "points"), f"must be a whole number 0 to {MAX_POINTS}")
    return Band(points=points, when=_condition(data["when"], _join(path, "when")))


def _condition(data: Any, path: str) -> Condition:
    """A condition, its errors re-rooted under ``path``."""
    try:
        return parse(data)
    except ConditionError as error:
        raise ScoringError(_join(path, error.path), error.reason) from error


def _cmp(field: str, op: str, value: Any) -> dict[str, Any]:
    """A comparison condition, to keep DEFAULT_SCORING readable."""
    return {"field": field, "op": op, "value": value}


DEFAULT_SCORING: dict[str, Any] = {
    "dimensions": [
        {
            "key": "engagement",
            "label": "互动程度",
            "weight": 3,
            "bands": [
                {
                    "points": 5,
                    "when": {
                        "all": [
                            _cmp("behaviour.pricing_page_visits", "gte", 2),
                            _cmp("behaviour.whitepaper_downloads", "gte", 1),
                        ]
                    },
                },
                {
                    "points": 4,
                    "when": {
                        "any": [
                            _cmp("behaviour.pricing_page_visits", "gte", 2),
                            _cmp("behaviour.video_watch_seconds", "gte", 300),
                        ]
                    },
                },
                {
                    "points": 3,
                    "when": {
                        "any": [
                            _cmp("behaviour.whitepaper_downloads", "gte", 1),
                            _cmp("behaviour.dwell_seconds", "gte", 180),
                        ]
                    },
                },
                {
                    "points": 2,
                    "when": {
                        "any": [
                            _cmp("behaviour.pricing_page_visits", "gte", 1),
                            _cmp("behaviour.video_watch_seconds", "gte", 60),
                        ]
                    },
                },
                {"points": 1, "when": _cmp("behaviour.dwell_seconds", "gte", 30)},
            ],
        },
        {
            "key": "company_fit",
            "label": "企业匹配度",
            "weight": 2,
            "bands": [
                {
                    "points": 5,
                    "when": {
                        "all": [
                            _cmp("company.employees", "gte", 500),
                            _cmp("company.funding_round", "gte", 3),
                        ]
                    },
                },
                {
                    "points": 4,
                    "when": {
                        "any": [
                            _cmp("company.employees", "gte", 500),
                            _cmp("company.funding_round", "gte", 4),
                        ]
                    },
                },
                {
                    "points": 3,
                    "when": {
                        "any": [
                            _cmp("company.employees", "gte", 100),
                            _cmp("company.funding_round", "gte", 2),
                        ]
                    },
                },
                {
                    "points": 2,
                    "when": {
                        "any": [
                            _cmp("company.employees", "gte", 20),
                            _cmp("company.funding_round", "gte", 1),
                        ]
                    },
                },
                {"points": 1, "when": _cmp("company.employees", "gte", 1)},
            ],
        },
        {
            "key": "intent",
            "label": "购买意向",
            "weight": 3,
            "bands": [
                {
                    "points": 5,
                    "when": {
                        "all": [
                            _cmp("budget", "gte", 500000),
                            _cmp("product_line", "ne", ""),
                        ]
                    },
                },
                {"points": 4, "when": _cmp("budget", "gte", 200000)},
                {"points": 3, "when": _cmp("budget", "gte", 50000)},
                {"points": 2, "when": _cmp("product_line", "ne", "")},
                {"points": 1, "when": _cmp("budget", "gt", 0)},
            ],
        },
        {
            "key": "contact_quality",
            "label": "联系方式质量",
            "weight": 2,
            "bands": [
                {
                    "points": 5,
                    "when": {
                        "all": [
                            _cmp("contact.company_email", "eq", True),
                            _cmp("contact.has_phone", "eq", True),
                        ]
                    },
                },
                {"points": 4, "when": _cmp("contact.company_email", "eq", True)},
                {"points": 3, "when": _cmp("contact.has_phone", "eq", True)},
                {"points": 1, "when": _cmp("contact.has_email", "eq", True)},
            ],
        },
    ],
    "mql": {
        "any": [
            {
                "all": [
                    _cmp("behaviour.pricing_page_visits", "gte", 2),
                    _cmp("behaviour.whitepaper_downloads", "gte", 1),
                    _cmp("contact.company_email", "eq", True),
                ]
            },
            _cmp("score", "gte", 70),
        ]
    },
}
"""The model a new organisation starts with (JSON, as stored); weights 3/2/3/2."""
