"""Where a hire stands: time by local day, tests, tasks, unlocking in order, held and revoked."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.onboarding.definitions import DEFAULT_TRACK, TaskKind, Track, parse_track
from api.onboarding.evaluation import (
    Evaluation,
    LevelState,
    Measures,
    Requirement,
    RequirementKind,
    Standing,
    TestRecord,
    days_since_hire,
    evaluate,
    start_of_day,
    unlockable,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
HIRED = date(2026, 11, 24)
DEFAULT = parse_track(DEFAULT_TRACK)


def local(day: date, hour: int = 0, minute: int = 0) -> datetime:
    """That wall-clock time in Shanghai, as a UTC instant."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def on_day(n: int, hour: int = 10) -> datetime:
    """``hour`` o'clock in Shanghai on local day ``n`` since the hire (day 0 is the hire date)."""
    return local(HIRED + timedelta(days=n), hour)


def standing(
    unlocked: Iterable[int] = (), held: Iterable[int] = (), revoked: Iterable[int] = ()
) -> Standing:
    return Standing(HIRED, SHANGHAI, frozenset(unlocked), frozenset(held), frozenset(revoked))


def measures(
    tasks: Mapping[TaskKind, int] | None = None, tests: Mapping[str, TestRecord] | None = None
) -> Measures:
    return Measures(tasks=dict(tasks or {}), tests=dict(tests or {}))


def passed(score: int = 90, at: datetime | None = None) -> TestRecord:
    return TestRecord(1, score, at or on_day(0))


def level_2_done() -> Measures:
    """Everything the default level 2 asks for, nothing more."""
    return measures(
        {TaskKind.VISITS_VERIFIED: 3, TaskKind.RENEWAL_LEADS_IN_SLA: 3},
        {"product-basics": passed()},
    )


def all_done() -> Measures:
    """Everything every default level asks for."""
    return measures(
        {TaskKind.VISITS_VERIFIED: 8, TaskKind.RENEWAL_LEADS_IN_SLA: 3, TaskKind.LEADS_IN_SLA: 8},
        {"product-basics": passed(), "solutions": passed()},
    )


def track(*levels: dict[str, Any]) -> Track:
    return parse_track({"levels": list(levels)})


def level(key: str, min_days: int = 0, **changes: Any) -> dict[str, Any]:
    return {"key": key, "name": key, "min_days": min_days, **changes}


def quiz_track(cooldown_minutes: int = 60, max_attempts: int = 3, pass_score: int = 80) -> Track:
    """One level asking only for the test "basics"."""
    asked = {
        "test": "basics",
        "pass_score": pass_score,
        "max_attempts": max_attempts,
        "cooldown_minutes": cooldown_minutes,
    }
    return track(level("one", tests=[asked]))


def find(evaluation: Evaluation, number: int, kind: RequirementKind, key: str = "") -> Requirement:
    """The requirement of level ``number`` of this kind and key."""
    progress = evaluation.levels[number - 1]
    assert progress.number == number
    return next(r for r in progress.requirements if r.kind is kind and r.key == key)


def states(evaluation: Evaluation) -> list[LevelState]:
    return [p.state for p in evaluation.levels]


# Time, counted in the organisation's local days


def test_the_hire_date_is_day_0_from_local_midnight():
    assert days_since_hire(standing(), local(HIRED)) == 0
    assert days_since_hire(standing(), local(HIRED, 23, 59)) == 0
    assert days_since_hire(standing(), local(HIRED - timedelta(days=1), 23, 59)) == -1


def test_a_day_turns_at_local_midnight_not_utc_midnight():
    # 2026-11-30 23:59 in Shanghai is still 15:59 UTC on the 30th; 00:00 on Dec 1 is 16:00 UTC.
    assert days_since_hire(standing(), datetime(2026, 11, 30, 15, 59, tzinfo=UTC)) == 6
    assert days_since_hire(standing(), datetime(2026, 11, 30, 16, 0, tzinfo=UTC)) == 7


def test_start_of_day_is_local_midnight_as_a_utc_instant():
    assert start_of_day(date(2026, 12, 1), SHANGHAI) == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert start_of_day(date(2026, 12, 1), SHANGHAI).tzinfo is UTC


def test_level_2_time_is_not_met_at_2359_local_on_day_6():
    now = local(date(2026, 11, 30), 23, 59)
    time = find(evaluate(DEFAULT, standing({1}), level_2_done(), now), 2, RequirementKind.TIME)
    assert time.met is False
    assert (time.needed, time.done) == (7, 6)
    assert time.available_at == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


def test_level_2_time_is_met_from_local_midnight_of_day_7():
    now = local(date(2026, 12, 1))
    time = find(evaluate(DEFAULT, standing({1}), level_2_done(), now), 2, RequirementKind.TIME)
    assert time.met is True
    assert (time.needed, time.done) == (7, 7)
    assert time.available_at == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)


def test_level_2_unlocks_at_local_midnight_of_day_7_and_not_a_minute_before():
    before = evaluate(DEFAULT, standing({1}), level_2_done(), local(date(2026, 11, 30), 23, 59))
    after = evaluate(DEFAULT, standing({1}), level_2_done(), local(date(2026, 12, 1)))
    assert before.to_unlock == ()
    assert after.to_unlock == (2,)


def test_time_available_at_is_the_start_of_each_levels_day():
    evaluation = evaluate(DEFAULT, standing(), measures(), on_day(0))
    assert [find(evaluation, n, RequirementKind.TIME).available_at for n in (1, 2, 3)] == [
        datetime(2026, 11, 23, 16, 0, tzinfo=UTC),
        datetime(2026, 11, 30, 16, 0, tzinfo=UTC),
        datetime(2026, 12, 7, 16, 0, tzinfo=UTC),
    ]


def test_before_the_hire_date_no_time_is_met_and_days_done_is_0():
    evaluation = evaluate(DEFAULT, standing(), measures(), local(HIRED - timedelta(days=1), 23, 59))
    time = find(evaluation, 1, RequirementKind.TIME)
    assert time.met is False
    assert time.done == 0
    assert evaluation.to_unlock == ()


# Unlocking in order


def test_level_1_unlocks_on_the_hire_date_with_nothing_done():
    evaluation = evaluate(DEFAULT, standing(), measures(), local(HIRED))
    assert evaluation.to_unlock == (1,)
    assert [r.kind for r in evaluation.levels[0].requirements] == [RequirementKind.TIME]


def test_levels_1_and_2_unlock_together_when_both_hold():
    evaluation = evaluate(DEFAULT, standing(), level_2_done(), on_day(7))
    assert evaluation.to_unlock == (1, 2)


def test_every_level_unlocks_at_once_when_everything_holds():
    evaluation = evaluate(DEFAULT, standing(), all_done(), on_day(14))
    assert evaluation.to_unlock == (1, 2, 3)
    assert (
        states(evaluation) == [LevelState.LOCKED] * 3
    )  # the standing is what was, not what will be


def test_level_3_does_not_unlock_while_level_2_is_locked_and_unmet():
    unmet = measures(
        {TaskKind.VISITS_VERIFIED: 8, TaskKind.LEADS_IN_SLA: 8},  # no renewal leads for level 2
        {"product-basics": passed(), "solutions": passed()},
    )
    evaluation = evaluate(DEFAULT, standing({1}), unmet, on_day(14))
    assert evaluation.levels[1].met is False
    assert evaluation.levels[2].met is True
    assert evaluation.to_unlock == ()


def test_nothing_unlocks_while_level_1_waits_for_its_day():
    custom = track(level("one", 1), level("two", 1), level("three", 1))
    assert evaluate(custom, standing(), measures(), on_day(0)).to_unlock == ()
    assert evaluate(custom, standing(), measures(), on_day(1)).to_unlock == (1, 2, 3)


def test_only_the_levels_up_to_the_first_unmet_one_unlock():
    custom = track(
        level("one"),
        level("two", tasks=[{"kind": "VISITS_VERIFIED", "count": 1}]),
        level("three"),
    )
    evaluation = evaluate(custom, standing(), measures(), on_day(0))
    assert evaluation.to_unlock == (1,)
    assert evaluation.levels[2].met is True


def test_unlocked_levels_are_not_unlocked_again():
    evaluation = evaluate(DEFAULT, standing({1, 2, 3}), all_done(), on_day(30))
    assert evaluation.to_unlock == ()
    assert states(evaluation) == [LevelState.UNLOCKED] * 3


def test_an_unlocked_level_stays_unlocked_when_its_requirements_no_longer_hold():
    evaluation = evaluate(DEFAULT, standing({1, 2}), measures(), on_day(3))
    assert evaluation.levels[1].state is LevelState.UNLOCKED
    assert evaluation.levels[1].met is False
    assert evaluation.to_unlock == ()


def test_a_level_after_an_unlocked_one_unlocks_alone():
    evaluation = evaluate(DEFAULT, standing({1}), level_2_done(), on_day(7))
    assert evaluation.to_unlock == (2,)


# Held back and revoked


@pytest.mark.parametrize(
    ("kept", "state"),
    [({"held": {2}}, LevelState.HELD), ({"revoked": {2}}, LevelState.REVOKED)],
    ids=["held", "revoked"],
)
def test_a_held_or_revoked_level_is_never_unlocked_even_when_met(
    kept: dict[str, set[int]], state: LevelState
):
    evaluation = evaluate(DEFAULT, standing({1}, **kept), all_done(), on_day(14))
    assert evaluation.levels[1].state is state
    assert evaluation.levels[1].met is True
    assert 2 not in evaluation.to_unlock


@pytest.mark.parametrize(
    ("kept", "state"),
    [({"held": {2}}, LevelState.HELD), ({"revoked": {2}}, LevelState.REVOKED)],
    ids=["held", "revoked"],
)
def test_a_held_or_revoked_level_keeps_the_levels_after_it_locked(
    kept: dict[str, set[int]], state: LevelState
):
    evaluation = evaluate(DEFAULT, standing({1}, **kept), all_done(), on_day(14))
    assert states(evaluation) == [LevelState.UNLOCKED, state, LevelState.LOCKED]
    assert evaluation.levels[2].met is True
    assert evaluation.to_unlock == ()


@pytest.mark.parametrize("kept", [{"held": {1}}, {"revoked": {1}}], ids=["held", "revoked"])
def test_a_held_or_revoked_level_1_keeps_every_level_locked(kept: dict[str, set[int]]):
    evaluation = evaluate(DEFAULT, standing(**kept), all_done(), on_day(14))
    assert evaluation.to_unlock == ()


@pytest.mark.parametrize("kept", [{"held": {3}}, {"revoked": {3}}], ids=["held", "revoked"])
def test_a_held_or_revoked_level_does_not_stop_the_levels_before_it(kept: dict[str, set[int]]):
    evaluation = evaluate(DEFAULT, standing(**kept), all_done(), on_day(14))
    assert evaluation.to_unlock == (1, 2)


def test_revoked_is_shown_over_held():
    evaluation = evaluate(DEFAULT, standing({1}, held={2}, revoked={2}), all_done(), on_day(14))
    assert evaluation.levels[1].state is LevelState.REVOKED


# Tests


def test_a_test_is_passed_at_exactly_the_pass_score():
    evaluation = evaluate(
        DEFAULT, standing({1}), measures(tests={"product-basics": passed(80)}), on_day(7)
    )
    test = find(evaluation, 2, RequirementKind.TEST, "product-basics")
    assert test.met is True
    assert (test.needed, test.done) == (80, 80)


def test_a_test_is_not_passed_one_point_below_the_pass_score():
    record = TestRecord(1, 79, on_day(0))
    evaluation = evaluate(
        DEFAULT, standing({1}), measures(tests={"product-basics": record}), on_day(7)
    )
    test = find(evaluation, 2, RequirementKind.TEST, "product-basics")
    assert test.met is False
    assert test.done == 79


def test_a_test_never_taken_is_unmet_with_every_attempt_left_and_no_wait():
    test = find(
        evaluate(DEFAULT, standing(), measures(), on_day(7)),
        2,
        RequirementKind.TEST,
        "product-basics",
    )
    assert test.met is False
    assert test.done == 0
    assert test.attempts_left == 3
    assert test.available_at is None


def test_attempts_left_counts_down_and_stops_at_0():
    lefts = []
    for attempts in (0, 1, 2, 3, 5):
        record = TestRecord(attempts, 50 if attempts else None, None)
        evaluation = evaluate(
            quiz_track(), standing(), measures(tests={"basics": record}), on_day(0)
        )
        lefts.append(find(evaluation, 1, RequirementKind.TEST, "basics").attempts_left)
    assert lefts == [3, 2, 1, 0, 0]


def test_a_test_passed_on_the_last_attempt_is_met_with_no_attempts_left():
    record = TestRecord(3, 95, on_day(0))
    test = find(
        evaluate(quiz_track(), standing(), measures(tests={"basics": record}), on_day(0)),
        1,
        RequirementKind.TEST,
        "basics",
    )
    assert test.met is True
    assert test.attempts_left == 0


def test_a_failed_attempt_starts_the_cooldown():
    last = on_day(0, 10)
    record = TestRecord(1, 50, last)
    now = last + timedelta(minutes=59)
    test = find(
        evaluate(quiz_track(60), standing(), measures(tests={"basics": record}), now),
        1,
        RequirementKind.TEST,
        "basics",
    )
    assert test.met is False
    assert test.available_at == last + timedelta(minutes=60)
    assert test.attempts_left == 2


@pytest.mark.parametrize("minutes", [60, 61, 60 * 24])
def test_the_cooldown_is_over_once_its_minutes_have_passed(minutes: int):
    last = on_day(0, 10)
    record = TestRecord(1, 50, last)
    now = last + timedelta(minutes=minutes)
    test = find(
        evaluate(quiz_track(60), standing(), measures(tests={"basics": record}), now),
        1,
        RequirementKind.TEST,
        "basics",
    )
    assert test.available_at is None
    assert test.attempts_left == 2


def test_a_passed_test_has_no_cooldown():
    last = on_day(0, 10)
    record = TestRecord(1, 90, last)
    test = find(
        evaluate(quiz_track(60), standing(), measures(tests={"basics": record}), last),
        1,
        RequirementKind.TEST,
        "basics",
    )
    assert test.met is True
    assert test.available_at is None


def test_a_test_with_no_attempts_left_has_no_cooldown():
    last = on_day(0, 10)
    record = TestRecord(3, 50, last)
    test = find(
        evaluate(quiz_track(60), standing(), measures(tests={"basics": record}), last),
        1,
        RequirementKind.TEST,
        "basics",
    )
    assert test.met is False
    assert test.attempts_left == 0
    assert test.available_at is None


def test_a_test_without_a_cooldown_may_be_retaken_at_once():
    last = on_day(0, 10)
    record = TestRecord(1, 50, last)
    test = find(
        evaluate(quiz_track(0), standing(), measures(tests={"basics": record}), last),
        1,
        RequirementKind.TEST,
        "basics",
    )
    assert test.available_at is None
    assert test.attempts_left == 2


def test_an_unpassed_test_keeps_its_level_locked_and_a_passed_one_unlocks_it():
    failed = measures(tests={"basics": TestRecord(1, 50, on_day(0))})
    assert evaluate(quiz_track(), standing(), failed, on_day(1)).to_unlock == ()
    succeeded = measures(tests={"basics": TestRecord(2, 80, on_day(0))})
    assert evaluate(quiz_track(), standing(), succeeded, on_day(1)).to_unlock == (1,)


# Tasks


def test_tasks_report_the_count_done_against_the_count_needed():
    done = measures({TaskKind.VISITS_VERIFIED: 2, TaskKind.RENEWAL_LEADS_IN_SLA: 5})
    evaluation = evaluate(DEFAULT, standing({1}), done, on_day(7))
    visits = find(evaluation, 2, RequirementKind.TASK, "VISITS_VERIFIED")
    renewals = find(evaluation, 2, RequirementKind.TASK, "RENEWAL_LEADS_IN_SLA")
    assert (visits.needed, visits.done, visits.met) == (3, 2, False)
    assert (renewals.needed, renewals.done, renewals.met) == (3, 5, True)
    assert visits.available_at is None
    assert visits.attempts_left is None


@pytest.mark.parametrize(("count", "met"), [(7, False), (8, True), (9, True)])
def test_a_task_is_met_from_exactly_its_count(count: int, met: bool):
    evaluation = evaluate(
        DEFAULT, standing({1, 2}), measures({TaskKind.LEADS_IN_SLA: count}), on_day(14)
    )
    assert find(evaluation, 3, RequirementKind.TASK, "LEADS_IN_SLA").met is met


def test_a_task_with_nothing_counted_is_0():
    task = find(
        evaluate(DEFAULT, standing(), measures(), on_day(0)),
        3,
        RequirementKind.TASK,
        "LEADS_IN_SLA",
    )
    assert (task.done, task.met) == (0, False)


def test_the_same_count_serves_every_level_asking_for_that_kind():
    evaluation = evaluate(DEFAULT, standing(), measures({TaskKind.VISITS_VERIFIED: 5}), on_day(14))
    assert find(evaluation, 2, RequirementKind.TASK, "VISITS_VERIFIED").met is True
    assert find(evaluation, 3, RequirementKind.TASK, "VISITS_VERIFIED").met is False


def test_requirements_are_listed_time_then_tests_then_tasks_in_the_tracks_order():
    evaluation = evaluate(DEFAULT, standing(), measures(), on_day(0))
    assert [(r.kind, r.key) for r in evaluation.levels[2].requirements] == [
        (RequirementKind.TIME, ""),
        (RequirementKind.TEST, "solutions"),
        (RequirementKind.TASK, "VISITS_VERIFIED"),
        (RequirementKind.TASK, "LEADS_IN_SLA"),
    ]


def test_a_level_is_met_only_when_every_requirement_is():
    evaluation = evaluate(DEFAULT, standing(), level_2_done(), on_day(6))
    assert [r.met for r in evaluation.levels[1].requirements] == [False, True, True, True]
    assert evaluation.levels[1].met is False


# current, next, completed


def test_a_hire_with_nothing_unlocked_is_at_level_0_working_towards_level_1():
    evaluation = evaluate(DEFAULT, standing(), measures(), on_day(0))
    assert evaluation.current == 0
    assert evaluation.next is not None
    assert evaluation.next.number == 1
    assert evaluation.completed is False


def test_a_hire_at_level_1_works_towards_level_2():
    evaluation = evaluate(DEFAULT, standing({1}), measures(), on_day(3))
    assert evaluation.current == 1
    assert evaluation.next is not None
    assert evaluation.next.number == 2
    assert evaluation.next.level.key == "standard-quotes"
    assert evaluation.completed is False


def test_current_stops_at_the_first_gap():
    evaluation = evaluate(DEFAULT, standing({1, 3}), measures(), on_day(14))
    assert evaluation.current == 1
    assert evaluation.next is not None
    assert evaluation.next.number == 2
    assert evaluation.completed is False


def test_a_held_level_is_next():
    evaluation = evaluate(DEFAULT, standing({1}, held={2}), all_done(), on_day(14))
    assert evaluation.current == 1
    assert evaluation.next is not None
    assert (evaluation.next.number, evaluation.next.state) == (2, LevelState.HELD)


def test_a_revoked_level_lowers_current_and_is_next():
    evaluation = evaluate(DEFAULT, standing({1, 3}, revoked={2}), all_done(), on_day(14))
    assert evaluation.current == 1
    assert evaluation.next is not None
    assert (evaluation.next.number, evaluation.next.state) == (2, LevelState.REVOKED)
    assert evaluation.completed is False


def test_a_hire_with_every_level_unlocked_has_completed_with_nothing_next():
    evaluation = evaluate(DEFAULT, standing({1, 2, 3}), all_done(), on_day(14))
    assert evaluation.current == 3
    assert evaluation.next is None
    assert evaluation.completed is True


def test_current_next_and_completed_read_the_standing_not_to_unlock():
    evaluation = evaluate(DEFAULT, standing(), all_done(), on_day(14))
    assert evaluation.to_unlock == (1, 2, 3)
    assert evaluation.current == 0
    assert evaluation.completed is False


def test_evaluation_is_the_same_for_the_same_instant_in_any_zone():
    instant = local(date(2026, 12, 1))
    in_shanghai = evaluate(DEFAULT, standing({1}), level_2_done(), instant.astimezone(SHANGHAI))
    in_utc = evaluate(DEFAULT, standing({1}), level_2_done(), instant)
    assert in_shanghai == in_utc


_DEFAULT = parse_track(DEFAULT_TRACK)
_LEVELS = st.frozensets(st.integers(min_value=1, max_value=3), max_size=3)


@given(
    unlocked=_LEVELS,
    held=_LEVELS,
    revoked=_LEVELS,
    days=st.integers(min_value=-1, max_value=30),
    best=st.one_of(st.none(), st.integers(min_value=0, max_value=100)),
    solutions=st.one_of(st.none(), st.integers(min_value=0, max_value=100)),
    visits=st.integers(min_value=0, max_value=10),
    leads=st.integers(min_value=0, max_value=10),
    renewals=st.integers(min_value=0, max_value=10),
)
@settings(max_examples=300, deadline=None)
def test_the_sweeps_shortcut_unlocks_exactly_what_the_full_evaluation_says(
    unlocked: frozenset[int],
    held: frozenset[int],
    revoked: frozenset[int],
    days: int,
    best: int | None,
    solutions: int | None,
    visits: int,
    leads: int,
    renewals: int,
) -> None:
    zone = ZoneInfo("Asia/Shanghai")
    standing = Standing(
        hired_on=date(2026, 11, 24),
        zone=zone,
        unlocked=unlocked,
        held=held - unlocked,
        revoked=revoked - unlocked,
    )
    tests = {
        key: TestRecord(attempts=1, best=score, last_at=None)
        for key, score in (("product-basics", best), ("solutions", solutions))
        if score is not None
    }
    measures = Measures(
        tasks={
            TaskKind.VISITS_VERIFIED: visits,
            TaskKind.LEADS_IN_SLA: leads,
            TaskKind.RENEWAL_LEADS_IN_SLA: renewals,
        },
        tests=tests,
    )
    now = datetime(2026, 11, 24, 4, 0, tzinfo=UTC) + timedelta(days=days)

    assert unlockable(_DEFAULT, standing, measures, now) == (
        evaluate(_DEFAULT, standing, measures, now).to_unlock
    )
