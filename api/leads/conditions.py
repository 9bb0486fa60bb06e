"""Routing-rule conditions: a small JSON language over lead fields, parsed once, evaluated fast.

A condition is one of::

    {"field": "company.industry", "op": "eq", "value": "education"}
    {"field": "company.funding_stage", "op": "in", "value": ["B", "C", "D"]}
    {"field": "behaviour.dwell_seconds", "op": "gt", "value": 180}
    {"field": "budget", "op": "between", "value": [100000, 500000]}
    {"all": [<condition>, ...]}    {"any": [<condition>, ...]}    {"not": <condition>}

Fields are dotted paths into the lead's data; a missing field matches no comparison. Parsing
refuses unknown operators, malformed values, and trees deeper than ``MAX_DEPTH`` or larger than
``MAX_NODES`` with :class:`ConditionError`, whose ``path`` names the offending part
(``all[1].value``), so an admin editing rules sees exactly what to fix.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MAX_DEPTH = 6
MAX_NODES = 64
MAX_IN_VALUES = 200
MAX_FIELD_LENGTH = 64


class ConditionError(ValueError):
    """A condition is malformed; ``path`` says where."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path or 'condition'}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Condition:
    """A parsed condition: ``test(lead)`` says whether a lead's data satisfies it."""

    test: Callable[[Mapping[str, Any]], bool]
    source: Mapping[str, Any]

    def __call__(self, lead: Mapping[str, Any]) -> bool:
        return self.test(lead)


_MISSING = object()


def lookup(lead: Mapping[str, Any], path: Sequence[str]) -> Any:
    """The value at a dotted path, or a sentinel when any step is missing."""
    value: Any = lead
    for step in path:
        if not isinstance(value, Mapping) or step not in value:
            return _MISSING
        value = value[step]
    return value


def parse(data: Any) -> Condition:
    """Parse and validate a condition tree; raises ConditionError."""
    counter = [0]
    return Condition(test=_parse(data, "", 1, counter), source=data)


def _parse(data: Any, path: str, depth: int, counter: list[int]) -> Callable[..., bool]:
    counter[0] += 1
    if counter[0] > MAX_NODES:
        raise ConditionError(path, f"more than {MAX_NODES} parts")
    if depth > MAX_DEPTH:
        raise ConditionError(path, f"nested deeper than {MAX_DEPTH}")
    if not isinstance(data, Mapping):
        raise ConditionError(path, "must be an object")
    keys = set(data)
    if keys in ({"all"}, {"any"}):
        kind = "all" if "all" in keys else "any"
        parts = data[kind]
        if not isinstance(parts, list) or not parts:
            raise ConditionError(_join(path, kind), "must be a non-empty list")
        tests = [
            _parse(part, f"{_join(path, kind)}[{i}]", depth + 1, counter)
            for i, part in enumerate(parts)
        ]
        if kind == "all":
            return lambda lead: all(t(lead) for t in tests)
        return lambda lead: any(t(lead) for t in tests)
    if keys == {"not"}:
        inner = _parse(data["not"], _join(path, "not"), depth + 1, counter)
        return lambda lead: not inner(lead)
    if keys == {"field", "op", "value"}:
        return _comparison(data, path)
    raise ConditionError(path, 'expected "all", "any", "not" or "field"/"op"/"value"')


def _join(path: str, part: str) -> str:
    return f"{path}.{part}" if path else part


def _comparison(data: Mapping[str, Any], path: str) -> Callable[..., bool]:
    field, op, value = data["field"], data["op"], data["value"]
    if (
        not isinstance(field, str)
        or not field
        or len(field) > MAX_FIELD_LENGTH
        or any(not part for part in field.split("."))
    ):
        raise ConditionError(_join(path, "field"), "must be a dotted field name")
    steps = tuple(field.split("."))
    make = _OPERATORS.get(op) if isinstance(op, str) else None
    if make is None:
        raise ConditionError(_join(path, "op"), f"unknown operator {op!r}")
    check = make(value, _join(path, "value"))

    def test(lead: Mapping[str, Any]) -> bool:
        found = lookup(lead, steps)
        return found is not _MISSING and found is not None and check(found)

    return test


def _finite(value: int | float) -> bool:
    """A number a float can hold (a huge integer overflows rather than being infinite)."""
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _scalar(value: Any, path: str) -> str | float | bool:
    if isinstance(value, bool | str):
        return value
    if isinstance(value, int | float) and _finite(value):
        return float(value)
    raise ConditionError(path, "must be a string, a number or true/false")


def _number(value: Any, path: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not _finite(value):
        raise ConditionError(path, "must be a number")
    return float(value)


def _same(found: Any, wanted: str | float | bool) -> bool:
    if isinstance(wanted, bool) or isinstance(found, bool):
        return found is wanted
    if isinstance(wanted, str):
        return isinstance(found, str) and found.casefold() == wanted.casefold()
    return isinstance(found, int | float) and float(found) == wanted


def _eq(value: Any, path: str) -> Callable[[Any], bool]:
    wanted = _scalar(value, path)
    return lambda found: _same(found, wanted)


def _ne(value: Any, path: str) -> Callable[[Any], bool]:
    wanted = _scalar(value, path)
    return lambda found: not _same(found, wanted)


def _in(value: Any, path: str) -> Callable[[Any], bool]:
    if not isinstance(value, list) or not value or len(value) > MAX_IN_VALUES:
        raise ConditionError(path, f"must be a list of 1 to {MAX_IN_VALUES} values")
    options = [_scalar(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return lambda found: any(_same(found, option) for option in options)


def _ordered(compare: Callable[[float, float], bool]) -> Callable[..., Callable[[Any], bool]]:
    def make(value: Any, path: str) -> Callable[[Any], bool]:
        limit = _number(value, path)
        return lambda found: _is_number(found) and compare(float(found), limit)

    return make


def _between(value: Any, path: str) -> Callable[[Any], bool]:
    if not isinstance(value, list) or len(value) != 2:
        raise ConditionError(path, "must be [low, high]")
    low, high = _number(value[0], f"{path}[0]"), _number(value[1], f"{path}[1]")
    if low > high:
        raise ConditionError(path, "low must not exceed high")
    return lambda found: _is_number(found) and low <= float(found) <= high


def _contains(value: Any, path: str) -> Callable[[Any], bool]:
    if not isinstance(value, str) or not value:
        raise ConditionError(path, "must be a non-empty string")
    needle = value.casefold()

    def test(found: Any) -> bool:
        if isinstance(found, str):
            return needle in found.casefold()
        if isinstance(found, list):
            return any(isinstance(item, str) and item.casefold() == needle for item in found)
        return False

    return test


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_OPERATORS: dict[str, Callable[[Any, str], Callable[[Any], bool]]] = {
    "eq": _eq,
    "ne": _ne,
    "in": _in,
    "gt": _ordered(lambda a, b: a > b),
    "gte": _ordered(lambda a, b: a >= b),
    "lt": _ordered(lambda a, b: a < b),
    "lte": _ordered(lambda a, b: a <= b),
    "between": _between,
    "contains": _contains,
}
OPERATORS = frozenset(_OPERATORS)
