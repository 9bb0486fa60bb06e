"""Onboarding tracks: the default track, parsing with precise paths, the JSON form."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.auth.permissions import ONBOARDING_GRANTABLE, Permission
from api.onboarding import definitions
from api.onboarding.definitions import (
    DEFAULT_TRACK,
    MAX_ATTEMPTS,
    MAX_COOLDOWN_MINUTES,
    MAX_LEVELS,
    MAX_MIN_DAYS,
    MAX_NAME,
    MAX_TASK_COUNT,
    MAX_TASKS_PER_LEVEL,
    MAX_TESTS_PER_LEVEL,
    TaskKind,
    TaskRequirement,
    Track,
    TrackError,
    dump_track,
    parse_track,
)


def track_json() -> dict[str, Any]:
    """A fresh copy of the default track's JSON, safe to change."""
    return copy.deepcopy(DEFAULT_TRACK)


def level_json(key: str, min_days: int = 0, **changes: Any) -> dict[str, Any]:
    """A level with nothing asked and nothing granted; keyword arguments replace fields."""
    data: dict[str, Any] = {
        "key": key,
        "name": f"级别 {key}",
        "min_days": min_days,
        "tests": [],
        "tasks": [],
        "grants": [],
    }
    return {**data, **changes}


def requirement_json(key: str, **changes: Any) -> dict[str, Any]:
    """A test requirement with every field spelled out; keyword arguments replace fields."""
    return {"test": key, "pass_score": 80, "max_attempts": 3, "cooldown_minutes": 60, **changes}


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _delete(path: tuple[str | int, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


# The default track (DOMAIN.md §4)


def test_the_default_track_parses():
    parsed = parse_track(DEFAULT_TRACK)
    assert isinstance(parsed, Track)
    assert len(parsed.levels) == 3


def test_level_1_from_the_hire_date_grants_low_risk_renewal_leads():
    first = parse_track(DEFAULT_TRACK).level(1)
    assert first.min_days == 0
    assert first.grants == (Permission.LEADS_RENEWAL_LOW_RISK,)
    assert first.tests == ()
    assert first.tasks == ()


def test_level_2_from_day_7_grants_standard_quotes_and_every_lead():
    second = parse_track(DEFAULT_TRACK).level(2)
    assert second.min_days == 7
    assert second.grants == (Permission.QUOTES_STANDARD, Permission.LEADS_ALL)
    assert second.tests == (definitions.TestRequirement("product-basics", 80, 3, 60),)
    assert second.tasks == (
        TaskRequirement(TaskKind.VISITS_VERIFIED, 3),
        TaskRequirement(TaskKind.RENEWAL_LEADS_IN_SLA, 3),
    )


def test_level_3_from_day_14_grants_custom_proposals():
    third = parse_track(DEFAULT_TRACK).level(3)
    assert third.min_days == 14
    assert third.grants == (Permission.PROPOSALS_CUSTOM,)
    assert third.tests == (definitions.TestRequirement("solutions", 80, 3, 60),)
    assert third.tasks == (
        TaskRequirement(TaskKind.VISITS_VERIFIED, 8),
        TaskRequirement(TaskKind.LEADS_IN_SLA, 8),
    )


def test_the_default_track_grants_each_permission_once_across_levels():
    grants = [p for level in parse_track(DEFAULT_TRACK).levels for p in level.grants]
    assert len(grants) == len(set(grants))
    assert set(grants) == {
        Permission.LEADS_RENEWAL_LOW_RISK,
        Permission.QUOTES_STANDARD,
        Permission.LEADS_ALL,
        Permission.PROPOSALS_CUSTOM,
    }


# The track's lookups


def test_levels_are_numbered_from_1():
    parsed = parse_track(DEFAULT_TRACK)
    assert [parsed.level(n).key for n in (1, 2, 3)] == [
        "renewals",
        "standard-quotes",
        "custom-proposals",
    ]


def test_test_keys_are_every_test_the_track_asks_for():
    assert parse_track(DEFAULT_TRACK).test_keys == frozenset({"product-basics", "solutions"})


def test_a_track_asking_for_no_test_has_no_test_keys():
    assert parse_track({"levels": [level_json("one")]}).test_keys == frozenset()


def test_requirement_names_the_level_asking_for_a_test_and_what_it_asks():
    parsed = parse_track(DEFAULT_TRACK)
    assert parsed.requirement("product-basics") == (
        2,
        definitions.TestRequirement("product-basics", 80, 3, 60),
    )
    assert parsed.requirement("solutions") == (
        3,
        definitions.TestRequirement("solutions", 80, 3, 60),
    )


def test_requirement_of_a_test_no_level_asks_for_is_none():
    assert parse_track(DEFAULT_TRACK).requirement("pricing") is None


# Parsing


def test_absent_level_fields_take_their_defaults():
    parsed = parse_track({"levels": [{"key": "one", "name": "第一级"}]})
    assert parsed.level(1).min_days == 0
    assert parsed.level(1).tests == ()
    assert parsed.level(1).tasks == ()
    assert parsed.level(1).grants == ()


def test_absent_test_fields_take_their_defaults():
    parsed = parse_track(
        {"levels": [level_json("one", tests=[{"test": "basics", "pass_score": 60}])]}
    )
    assert parsed.level(1).tests == (definitions.TestRequirement("basics", 60, 3, 0),)


def test_a_level_name_is_stripped():
    data = track_json()
    data["levels"][0]["name"] = "  第1周：低风险续约线索\n"
    assert parse_track(data).level(1).name == "第1周：低风险续约线索"


def test_levels_may_share_a_min_days():
    data = track_json()
    data["levels"][2]["min_days"] = 7
    assert parse_track(data).level(3).min_days == 7


def test_the_limits_themselves_are_accepted():
    data = {
        "levels": [
            level_json(
                "k" + "x" * 31,
                min_days=MAX_MIN_DAYS,
                name="名" * MAX_NAME,
                tests=[
                    requirement_json(f"t{i}", pass_score=100, max_attempts=1, cooldown_minutes=0)
                    for i in range(MAX_TESTS_PER_LEVEL - 1)
                ]
                + [
                    requirement_json(
                        "t-last",
                        pass_score=1,
                        max_attempts=MAX_ATTEMPTS,
                        cooldown_minutes=MAX_COOLDOWN_MINUTES,
                    )
                ],
                tasks=[{"kind": kind.value, "count": MAX_TASK_COUNT} for kind in TaskKind],
                grants=[p.value for p in sorted(ONBOARDING_GRANTABLE)],
            ),
            *(level_json(f"level-{i}", min_days=MAX_MIN_DAYS) for i in range(MAX_LEVELS - 1)),
        ]
    }
    parsed = parse_track(data)
    assert len(parsed.levels) == MAX_LEVELS == 10
    first = parsed.level(1)
    assert len(first.key) == 32
    assert len(first.name) == MAX_NAME
    assert len(first.tests) == MAX_TESTS_PER_LEVEL
    assert first.tests[-1] == definitions.TestRequirement(
        "t-last", 1, MAX_ATTEMPTS, MAX_COOLDOWN_MINUTES
    )
    assert {t.count for t in first.tasks} == {MAX_TASK_COUNT}
    assert len(first.grants) == len(ONBOARDING_GRANTABLE)


def test_keys_may_use_digits_dashes_and_underscores_after_the_first_character():
    data = {"levels": [level_json("0a_b-c", tests=[requirement_json("9_x-y")])]}
    parsed = parse_track(data)
    assert parsed.level(1).key == "0a_b-c"
    assert parsed.test_keys == frozenset({"9_x-y"})


_L0 = ("levels", 0)
_L1 = ("levels", 1)
_T0 = (*_L1, "tests", 0)
_K0 = (*_L1, "tasks", 0)
_BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    # the levels list
    ("levels not a list", _set(("levels",), {"renewals": {}}), "levels"),
    ("no levels", _set(("levels",), []), "levels"),
    (
        "too many levels",
        _set(("levels",), [level_json(f"l{i}") for i in range(MAX_LEVELS + 1)]),
        "levels",
    ),
    # a level
    ("level not an object", _set(_L1, "standard-quotes"), "levels[1]"),
    ("unknown level field", _set((*_L0, "colour"), "red"), "levels[0].colour"),
    ("key missing", _delete((*_L0, "key")), "levels[0].key"),
    ("name missing", _delete((*_L0, "name")), "levels[0].name"),
    ("key empty", _set((*_L0, "key"), ""), "levels[0].key"),
    ("key in upper case", _set((*_L0, "key"), "Renewals"), "levels[0].key"),
    ("key starting with a dash", _set((*_L0, "key"), "-renewals"), "levels[0].key"),
    ("key starting with an underscore", _set((*_L0, "key"), "_renewals"), "levels[0].key"),
    ("key with a space", _set((*_L0, "key"), "new hires"), "levels[0].key"),
    ("key with a dot", _set((*_L0, "key"), "week.1"), "levels[0].key"),
    ("key in Chinese", _set((*_L0, "key"), "第一周"), "levels[0].key"),
    ("key too long", _set((*_L0, "key"), "k" * 33), "levels[0].key"),
    ("key a number", _set((*_L0, "key"), 1), "levels[0].key"),
    ("name too long", _set((*_L0, "name"), "名" * (MAX_NAME + 1)), "levels[0].name"),
    ("name blank", _set((*_L0, "name"), " \n "), "levels[0].name"),
    ("name empty", _set((*_L0, "name"), ""), "levels[0].name"),
    ("name not text", _set((*_L0, "name"), ["第1周"]), "levels[0].name"),
    ("min_days negative", _set((*_L0, "min_days"), -1), "levels[0].min_days"),
    ("min_days above the limit", _set((*_L1, "min_days"), 366), "levels[1].min_days"),
    ("min_days a boolean", _set((*_L0, "min_days"), False), "levels[0].min_days"),
    ("min_days a float", _set((*_L1, "min_days"), 7.0), "levels[1].min_days"),
    ("min_days text", _set((*_L1, "min_days"), "7"), "levels[1].min_days"),
    ("min_days null", _set((*_L1, "min_days"), None), "levels[1].min_days"),
    (
        "min_days earlier than the level before",
        _set(("levels", 2, "min_days"), 6),
        "levels[2].min_days",
    ),
    ("level key used by an earlier level", _set(("levels", 2, "key"), "renewals"), "levels[2].key"),
    # tests
    ("tests not a list", _set((*_L1, "tests"), {"product-basics": 80}), "levels[1].tests"),
    (
        "too many tests",
        _set((*_L1, "tests"), [requirement_json(f"t{i}") for i in range(MAX_TESTS_PER_LEVEL + 1)]),
        "levels[1].tests",
    ),
    ("test not an object", _set(_T0, "product-basics"), "levels[1].tests[0]"),
    ("unknown test field", _set((*_T0, "weight"), 2), "levels[1].tests[0].weight"),
    ("test key missing", _delete((*_T0, "test")), "levels[1].tests[0].test"),
    ("pass_score missing", _delete((*_T0, "pass_score")), "levels[1].tests[0].pass_score"),
    ("test key invalid", _set((*_T0, "test"), "Product Basics"), "levels[1].tests[0].test"),
    ("test key not text", _set((*_T0, "test"), 7), "levels[1].tests[0].test"),
    ("pass_score 0", _set((*_T0, "pass_score"), 0), "levels[1].tests[0].pass_score"),
    ("pass_score 101", _set((*_T0, "pass_score"), 101), "levels[1].tests[0].pass_score"),
    ("pass_score a boolean", _set((*_T0, "pass_score"), True), "levels[1].tests[0].pass_score"),
    ("pass_score a float", _set((*_T0, "pass_score"), 80.5), "levels[1].tests[0].pass_score"),
    ("max_attempts 0", _set((*_T0, "max_attempts"), 0), "levels[1].tests[0].max_attempts"),
    (
        "max_attempts above the limit",
        _set((*_T0, "max_attempts"), MAX_ATTEMPTS + 1),
        "levels[1].tests[0].max_attempts",
    ),
    (
        "cooldown negative",
        _set((*_T0, "cooldown_minutes"), -1),
        "levels[1].tests[0].cooldown_minutes",
    ),
    (
        "cooldown above thirty days",
        _set((*_T0, "cooldown_minutes"), MAX_COOLDOWN_MINUTES + 1),
        "levels[1].tests[0].cooldown_minutes",
    ),
    (
        "test listed twice in a level",
        _set(
            (*_L1, "tests"),
            [requirement_json("product-basics"), requirement_json("product-basics")],
        ),
        "levels[1].tests",
    ),
    (
        "test asked for by an earlier level",
        _set(("levels", 2, "tests", 0, "test"), "product-basics"),
        "levels[2].tests[0].test",
    ),
    # tasks
    ("tasks not a list", _set((*_L1, "tasks"), {"VISITS_VERIFIED": 3}), "levels[1].tasks"),
    (
        "too many tasks",
        _set(
            (*_L1, "tasks"),
            [{"kind": "VISITS_VERIFIED", "count": 1}] * (MAX_TASKS_PER_LEVEL + 1),
        ),
        "levels[1].tasks",
    ),
    ("task not an object", _set(_K0, "VISITS_VERIFIED"), "levels[1].tasks[0]"),
    ("unknown task field", _set((*_K0, "points"), 2), "levels[1].tasks[0].points"),
    ("task kind missing", _delete((*_K0, "kind")), "levels[1].tasks[0].kind"),
    ("task count missing", _delete((*_K0, "count")), "levels[1].tasks[0].count"),
    ("task kind unknown", _set((*_K0, "kind"), "CALLS_MADE"), "levels[1].tasks[0].kind"),
    ("task kind in lower case", _set((*_K0, "kind"), "visits_verified"), "levels[1].tasks[0].kind"),
    ("task kind null", _set((*_K0, "kind"), None), "levels[1].tasks[0].kind"),
    ("task kind a list", _set((*_K0, "kind"), ["VISITS_VERIFIED"]), "levels[1].tasks[0].kind"),
    ("task count 0", _set((*_K0, "count"), 0), "levels[1].tasks[0].count"),
    (
        "task count above the limit",
        _set((*_K0, "count"), MAX_TASK_COUNT + 1),
        "levels[1].tasks[0].count",
    ),
    ("task count a boolean", _set((*_K0, "count"), True), "levels[1].tasks[0].count"),
    ("task count text", _set((*_K0, "count"), "3"), "levels[1].tasks[0].count"),
    (
        "task kind listed twice",
        _set((*_L1, "tasks", 1, "kind"), "VISITS_VERIFIED"),
        "levels[1].tasks",
    ),
    # grants
    ("grants not a list", _set((*_L1, "grants"), "quotes.standard"), "levels[1].grants"),
    ("unknown permission", _set((*_L1, "grants", 1), "leads.everything"), "levels[1].grants[1]"),
    ("permission not text", _set((*_L1, "grants", 0), 1), "levels[1].grants[0]"),
    (
        "permission in upper case",
        _set((*_L1, "grants", 0), "QUOTES_STANDARD"),
        "levels[1].grants[0]",
    ),
    (
        "permission listed twice",
        _set((*_L1, "grants", 1), "quotes.standard"),
        "levels[1].grants[1]",
    ),
]


@pytest.mark.parametrize(
    ("change", "path"), [(c, p) for _, c, p in _BROKEN], ids=[name for name, _, _ in _BROKEN]
)
def test_a_malformed_track_is_refused_naming_the_part_to_fix(
    change: Callable[[dict[str, Any]], None], path: str
):
    data = track_json()
    change(data)
    with pytest.raises(TrackError) as raised:
        parse_track(data)
    assert raised.value.path == path
    assert str(raised.value) == f"{path}: {raised.value.reason}"


@pytest.mark.parametrize("data", [None, [], "levels", 3, [DEFAULT_TRACK]])
def test_a_track_that_is_not_an_object_is_refused_as_a_whole(data: object):
    with pytest.raises(TrackError) as raised:
        parse_track(data)
    assert raised.value.path == "track"
    assert str(raised.value) == "track: must be an object"


def test_a_track_error_is_a_value_error():
    with pytest.raises(ValueError, match=r"^levels: "):
        parse_track({"levels": []})


def test_a_missing_key_is_named_before_a_missing_name():
    with pytest.raises(TrackError) as raised:
        parse_track({"levels": [{"min_days": 0}]})
    assert raised.value.path == "levels[0].key"


def test_the_first_broken_level_is_named():
    data = track_json()
    data["levels"][1]["name"] = ""
    data["levels"][2]["name"] = ""
    with pytest.raises(TrackError) as raised:
        parse_track(data)
    assert raised.value.path == "levels[1].name"


def test_parsing_does_not_change_the_input():
    data = track_json()
    data["levels"][0]["name"] = " 第1周 "
    before = copy.deepcopy(data)
    parse_track(data)
    assert data == before


# Dump


def test_the_default_track_dumps_back_to_itself():
    assert dump_track(parse_track(DEFAULT_TRACK)) == DEFAULT_TRACK


def test_dump_then_parse_gives_the_same_track():
    parsed = parse_track(DEFAULT_TRACK)
    assert parse_track(dump_track(parsed)) == parsed


def test_the_dump_is_json_with_every_field_spelled_out():
    parsed = parse_track({"levels": [{"key": "one", "name": "第一级"}]})
    dumped = dump_track(parsed)
    assert json.loads(json.dumps(dumped, ensure_ascii=False)) == dumped
    assert dumped == {"levels": [level_json("one", name="第一级")]}


_keys = st.from_regex(r"[a-z0-9][a-z0-9_-]{0,31}", fullmatch=True)
_names = st.text(min_size=1, max_size=MAX_NAME).filter(lambda s: bool(s.strip()))


@st.composite
def _tracks(pick: st.DrawFn) -> dict[str, Any]:
    level_keys = pick(st.lists(_keys, min_size=1, max_size=MAX_LEVELS, unique=True))
    test_keys = iter(pick(st.lists(_keys, min_size=0, max_size=15, unique=True)))
    days = sorted(pick(st.lists(st.integers(0, MAX_MIN_DAYS), min_size=len(level_keys))))
    levels = []
    for key, min_days in zip(level_keys, days, strict=False):
        tests = [
            {
                "test": test,
                "pass_score": pick(st.integers(1, 100)),
                "max_attempts": pick(st.integers(1, MAX_ATTEMPTS)),
                "cooldown_minutes": pick(st.integers(0, MAX_COOLDOWN_MINUTES)),
            }
            for test in [next(test_keys, None) for _ in range(pick(st.integers(0, 2)))]
            if test is not None
        ]
        kinds = pick(st.lists(st.sampled_from(TaskKind), unique=True))
        grantable = st.sampled_from(sorted(ONBOARDING_GRANTABLE))
        grants = pick(st.lists(grantable, unique=True, max_size=4))
        levels.append(
            {
                "key": key,
                "name": pick(_names),
                "min_days": min_days,
                "tests": tests,
                "tasks": [
                    {"kind": k.value, "count": pick(st.integers(1, MAX_TASK_COUNT))} for k in kinds
                ],
                "grants": [p.value for p in grants],
            }
        )
    return {"levels": levels}


@settings(max_examples=60, deadline=None)
@given(data=_tracks())
def test_any_valid_track_round_trips(data: dict[str, Any]):
    parsed = parse_track(data)
    assert parse_track(dump_track(parsed)) == parsed
    assert dump_track(parse_track(dump_track(parsed))) == dump_track(parsed)


def test_a_key_with_a_trailing_newline_is_refused() -> None:
    broken = copy.deepcopy(DEFAULT_TRACK)
    broken["levels"][0]["key"] = "renewals\n"
    with pytest.raises(TrackError) as raised:
        parse_track(broken)
    assert raised.value.path == "levels[0].key"


@pytest.mark.parametrize(
    ("data", "path"),
    [({"levels": [], "version": 2}, "version"), ({}, "levels")],
)
def test_top_level_paths_are_relative_to_the_track(data: dict[str, object], path: str) -> None:
    with pytest.raises(TrackError) as raised:
        parse_track(data)
    assert raised.value.path == path


def test_a_level_cannot_grant_what_onboarding_does_not_unlock() -> None:
    broken = copy.deepcopy(DEFAULT_TRACK)
    broken["levels"][2]["grants"] = ["proposals.custom", "permissions.grant"]
    with pytest.raises(TrackError) as raised:
        parse_track(broken)
    assert raised.value.path == "levels[2].grants[1]"
    assert "onboarding unlocks" in raised.value.reason
