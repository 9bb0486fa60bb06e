"""The walkthrough drill: a hire's path against the benchmark, differences and advice."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.onboarding.walkthrough import (
    MAX_MINUTES,
    MAX_STEPS,
    Action,
    Advice,
    Comparison,
    Difference,
    DifferenceKind,
    Step,
    WalkthroughError,
    compare,
    parse_path,
)

DAY = 60 * 24


def view(minutes: int) -> Step:
    return Step(Action.VIEW, "", minutes)


def touch(how: str, minutes: int) -> Step:
    return Step(Action.TOUCH, how, minutes)


def stage(name: str, minutes: int) -> Step:
    return Step(Action.STAGE, name, minutes)


def visit(minutes: int) -> Step:
    return Step(Action.VISIT, "", minutes)


def feedback(minutes: int) -> Step:
    return Step(Action.FEEDBACK, "", minutes)


def kinds(comparison: Comparison) -> list[DifferenceKind]:
    return [d.kind for d in comparison.differences]


# The renewal lead of the realistic scenario, as the rep who won it worked it.
RENEWAL_BENCHMARK = (
    view(3),
    touch("CALL", 8),
    touch("WECHAT", 30),
    visit(DAY + 600),  # day 2, 10:00
    stage("NEEDS_CONFIRMED", DAY + 660),
    stage("DEMO", 3 * DAY + 840),
    stage("QUOTE", 5 * DAY + 600),
    stage("WON", 10 * DAY + 900),
)


# Identical paths


def test_a_path_identical_to_the_benchmark_scores_100_with_no_differences_and_no_advice():
    result = compare(RENEWAL_BENCHMARK, RENEWAL_BENCHMARK)
    assert result == Comparison(similarity=100, matched=8, differences=(), advice=())


def test_times_do_not_decide_sameness_only_action_and_detail_do():
    assert touch("CALL", 5).key == touch("CALL", 500).key == ("TOUCH", "CALL")
    assert view(0).key == ("VIEW", "")
    earlier = compare([view(3), touch("CALL", 8)], [view(0), touch("CALL", 1)])
    assert (earlier.similarity, earlier.differences) == (100, ())


# Missing, extra, order


def test_a_skipped_visit_is_missing_and_advises_visiting_on_site():
    benchmark = [view(1), touch("CALL", 5), visit(DAY), stage("WON", 2 * DAY)]
    path = [view(1), touch("CALL", 5), stage("WON", 2 * DAY)]
    result = compare(benchmark, path)
    assert result.differences == (
        Difference(DifferenceKind.MISSING, visit(DAY), None, Advice.VISIT_ON_SITE),
    )
    assert result.advice == (Advice.VISIT_ON_SITE,)
    assert (result.matched, result.similarity) == (3, 86)  # 6 / 7


@pytest.mark.parametrize(
    ("missing", "advice"),
    [
        (view(0), Advice.OPEN_LEADS_PROMPTLY),
        (visit(0), Advice.VISIT_ON_SITE),
        (touch("VISIT", 0), Advice.VISIT_ON_SITE),
        (stage("NEEDS_CONFIRMED", 0), Advice.CONFIRM_NEEDS_FIRST),
        (stage("DEMO", 0), Advice.DEMO_BEFORE_QUOTE),
        (feedback(0), Advice.GIVE_MARKETING_FEEDBACK),
        (touch("EMAIL", 0), Advice.FOLLOW_THE_BENCHMARK_STEPS),
        (touch("MEETING", 0), Advice.FOLLOW_THE_BENCHMARK_STEPS),
        (stage("QUOTE", 0), Advice.FOLLOW_THE_BENCHMARK_STEPS),
        (stage("WON", 0), Advice.FOLLOW_THE_BENCHMARK_STEPS),
    ],
)
def test_the_advice_for_a_missing_step_depends_on_what_is_missing(missing: Step, advice: Advice):
    result = compare([touch("CALL", 0), missing], [touch("CALL", 0)])
    assert result.differences == (Difference(DifferenceKind.MISSING, missing, None, advice),)
    assert result.advice == (advice,)


def test_a_step_the_benchmark_did_without_is_extra_and_advises_skipping_it():
    benchmark = [view(1), touch("CALL", 5), stage("WON", DAY)]
    path = [view(1), touch("CALL", 5), touch("SMS", 6), stage("WON", DAY)]
    result = compare(benchmark, path)
    assert result.differences == (
        Difference(DifferenceKind.EXTRA, None, touch("SMS", 6), Advice.SKIP_UNNEEDED_STEP),
    )
    assert result.advice == (Advice.SKIP_UNNEEDED_STEP,)
    assert (result.matched, result.similarity) == (3, 86)


def test_swapped_stages_are_one_order_difference_not_missing_and_extra():
    benchmark = [touch("CALL", 5), stage("NEEDS_CONFIRMED", 60), stage("DEMO", DAY)]
    path = [touch("CALL", 5), stage("DEMO", 60), stage("NEEDS_CONFIRMED", DAY)]
    result = compare(benchmark, path)
    assert result.differences == (
        Difference(
            DifferenceKind.ORDER,
            stage("NEEDS_CONFIRMED", 60),
            stage("NEEDS_CONFIRMED", DAY),
            Advice.FOLLOW_STAGE_ORDER,
        ),
    )
    assert result.advice == (Advice.FOLLOW_STAGE_ORDER,)
    assert (result.matched, result.similarity) == (2, 67)  # 4 / 6


def test_a_step_other_than_a_stage_out_of_order_advises_keeping_the_step_order():
    benchmark = [touch("CALL", 5), visit(DAY), touch("WECHAT", DAY + 10)]
    path = [touch("CALL", 5), touch("WECHAT", 30), visit(DAY)]
    result = compare(benchmark, path)
    assert result.differences == (
        Difference(DifferenceKind.ORDER, visit(DAY), visit(DAY), Advice.KEEP_STEP_ORDER),
    )
    assert result.advice == (Advice.KEEP_STEP_ORDER,)


def test_repeated_steps_out_of_place_are_paired_first_come_and_the_rest_missing_or_extra():
    benchmark = [stage("DEMO", 10), touch("CALL", 20), touch("CALL", 30), visit(40)]
    path = [touch("CALL", 5), visit(6), touch("WECHAT", 7), stage("DEMO", 8)]
    result = compare(benchmark, path)
    # The LCS is CALL, VISIT; DEMO was done elsewhere; the second CALL is missing.
    assert result.matched == 2
    assert result.differences == (
        Difference(
            DifferenceKind.ORDER, stage("DEMO", 10), stage("DEMO", 8), Advice.FOLLOW_STAGE_ORDER
        ),
        Difference(
            DifferenceKind.MISSING, touch("CALL", 30), None, Advice.FOLLOW_THE_BENCHMARK_STEPS
        ),
        Difference(DifferenceKind.EXTRA, None, touch("WECHAT", 7), Advice.SKIP_UNNEEDED_STEP),
    )


def test_a_hire_who_does_nothing_of_the_benchmark_misses_every_step():
    benchmark = [view(1), touch("CALL", 5)]
    result = compare(benchmark, [])
    assert (result.similarity, result.matched) == (0, 0)
    assert kinds(result) == [
        DifferenceKind.FIRST_TOUCH_LATE,
        DifferenceKind.MISSING,
        DifferenceKind.MISSING,
    ]


# Late


@pytest.mark.parametrize(
    ("expected", "on_time", "late"),
    [
        (0, 60, 61),  # the minimum slack of an hour
        (30, 90, 91),  # half of 30 is 15, under the hour: the hour applies
        (120, 180, 181),  # half of 120 is exactly the hour
        (2 * DAY, 3 * DAY, 3 * DAY + 1),  # half of two days is a day
        (6 * DAY, 9 * DAY, 9 * DAY + 1),
    ],
)
def test_a_matched_step_is_late_past_the_larger_of_an_hour_and_half_its_benchmark_time(
    expected: int, on_time: int, late: int
):
    benchmark = [view(0), stage("DEMO", expected)]
    assert compare(benchmark, [view(0), stage("DEMO", on_time)]).differences == ()
    result = compare(benchmark, [view(0), stage("DEMO", late)])
    assert result.differences == (
        Difference(
            DifferenceKind.LATE, stage("DEMO", expected), stage("DEMO", late), Advice.KEEP_PACE
        ),
    )
    assert (result.similarity, result.advice) == (100, (Advice.KEEP_PACE,))


def test_the_slack_follows_the_settings():
    benchmark = [view(0), stage("DEMO", 100)]
    strict: dict[str, Any] = {"slack_ratio": 0.0, "min_slack_minutes": 0}
    assert compare(benchmark, [view(0), stage("DEMO", 100)], **strict).differences == ()
    assert kinds(compare(benchmark, [view(0), stage("DEMO", 101)], **strict)) == [
        DifferenceKind.LATE
    ]
    generous: dict[str, Any] = {"slack_ratio": 2.0, "min_slack_minutes": 0}
    assert compare(benchmark, [view(0), stage("DEMO", 300)], **generous).differences == ()
    assert kinds(compare(benchmark, [view(0), stage("DEMO", 301)], **generous)) == [
        DifferenceKind.LATE
    ]


def test_a_step_earlier_than_the_benchmark_is_never_late():
    benchmark = [view(0), stage("WON", 10 * DAY)]
    assert compare(benchmark, [view(0), stage("WON", DAY)]).differences == ()


# First touch


def test_a_first_touch_after_fifteen_minutes_misses_the_sla_whatever_the_benchmark_did():
    benchmark = [view(0), touch("CALL", 40)]  # the benchmark was late itself
    assert compare(benchmark, [view(0), touch("CALL", 15)]).differences == ()
    result = compare(benchmark, [view(0), touch("CALL", 16)])
    assert result.differences == (
        Difference(
            DifferenceKind.FIRST_TOUCH_LATE,
            touch("CALL", 40),
            touch("CALL", 16),
            Advice.TOUCH_WITHIN_SLA,
        ),
    )
    assert result.advice == (Advice.TOUCH_WITHIN_SLA,)


def test_the_first_touch_of_any_kind_counts_and_the_sla_is_a_setting():
    benchmark = [touch("CALL", 5), touch("WECHAT", 20)]
    path = [touch("WECHAT", 10), touch("CALL", 20)]
    assert DifferenceKind.FIRST_TOUCH_LATE not in kinds(compare(benchmark, path))
    tight = compare(benchmark, path, first_touch_minutes=5)
    assert tight.differences[0] == Difference(
        DifferenceKind.FIRST_TOUCH_LATE,
        touch("CALL", 5),
        touch("WECHAT", 10),
        Advice.TOUCH_WITHIN_SLA,
    )


def test_a_late_first_touch_is_reported_once_not_also_as_late():
    benchmark = [view(0), touch("CALL", 5), touch("CALL", 10)]
    path = [view(0), touch("CALL", 200), touch("CALL", 205)]
    result = compare(benchmark, path)
    assert result.differences == (
        Difference(
            DifferenceKind.FIRST_TOUCH_LATE,
            touch("CALL", 5),
            touch("CALL", 200),
            Advice.TOUCH_WITHIN_SLA,
        ),
        Difference(DifferenceKind.LATE, touch("CALL", 10), touch("CALL", 205), Advice.KEEP_PACE),
    )


def test_a_hire_who_never_touches_misses_the_sla_and_the_benchmarks_touches():
    benchmark = [view(0), touch("CALL", 5), visit(DAY)]
    result = compare(benchmark, [view(0), visit(DAY)])
    assert result.differences == (
        Difference(
            DifferenceKind.FIRST_TOUCH_LATE, touch("CALL", 5), None, Advice.TOUCH_WITHIN_SLA
        ),
        Difference(
            DifferenceKind.MISSING, touch("CALL", 5), None, Advice.FOLLOW_THE_BENCHMARK_STEPS
        ),
    )


def test_nobody_touching_is_no_sla_difference_but_a_late_extra_touch_is():
    benchmark = [view(0), visit(DAY)]
    assert compare(benchmark, [view(0), visit(DAY)]).differences == ()
    result = compare(benchmark, [view(0), touch("SMS", 30), visit(DAY)])
    assert result.differences == (
        Difference(
            DifferenceKind.FIRST_TOUCH_LATE, None, touch("SMS", 30), Advice.TOUCH_WITHIN_SLA
        ),
        Difference(DifferenceKind.EXTRA, None, touch("SMS", 30), Advice.SKIP_UNNEEDED_STEP),
    )


# Similarity


@pytest.mark.parametrize(
    ("benchmark_length", "path_length", "matched", "similarity"),
    [
        (1, 1, 1, 100),
        (2, 1, 1, 67),  # 66.67 up
        (2, 4, 1, 33),  # 33.33 down
        (8, 8, 1, 13),  # 12.5 half up
        (40, 40, 1, 3),  # 2.5 half up
        (3, 5, 1, 25),
        (3, 3, 0, 0),
    ],
)
def test_similarity_is_twice_the_matched_over_both_lengths_in_percent_rounded_half_up(
    benchmark_length: int, path_length: int, matched: int, similarity: int
):
    shared = [touch("CALL", 0)] * matched
    benchmark = shared + [Step(Action.STAGE, "QUOTE", 1)] * (benchmark_length - matched)
    path = shared + [feedback(1)] * (path_length - matched)
    result = compare(benchmark, path)
    assert (result.matched, result.similarity) == (matched, similarity)


# Advice ranking


def test_advice_is_each_code_once_most_important_first():
    benchmark = [
        view(0),
        touch("CALL", 5),
        touch("WECHAT", 20),
        visit(DAY),
        touch("VISIT", DAY + 1),
        stage("NEEDS_CONFIRMED", DAY + 60),
        stage("DEMO", 2 * DAY),
        stage("QUOTE", 3 * DAY),
    ]
    path = [
        touch("CALL", 30),
        touch("SMS", 31),
        touch("WECHAT", 200),
        touch("EMAIL", 210),
        stage("QUOTE", 2 * DAY),
        stage("DEMO", 3 * DAY),
    ]
    result = compare(benchmark, path)
    assert result.advice == (
        Advice.TOUCH_WITHIN_SLA,
        Advice.OPEN_LEADS_PROMPTLY,
        Advice.VISIT_ON_SITE,
        Advice.CONFIRM_NEEDS_FIRST,
        Advice.FOLLOW_STAGE_ORDER,
        Advice.KEEP_PACE,
        Advice.SKIP_UNNEEDED_STEP,
    )
    visits = [d for d in result.differences if d.advice is Advice.VISIT_ON_SITE]
    assert len(visits) == 2  # two differences, one line of advice


def test_the_ranking_is_the_declared_order_of_the_codes():
    assert list(Advice) == [
        Advice.TOUCH_WITHIN_SLA,
        Advice.OPEN_LEADS_PROMPTLY,
        Advice.VISIT_ON_SITE,
        Advice.CONFIRM_NEEDS_FIRST,
        Advice.DEMO_BEFORE_QUOTE,
        Advice.GIVE_MARKETING_FEEDBACK,
        Advice.FOLLOW_THE_BENCHMARK_STEPS,
        Advice.FOLLOW_STAGE_ORDER,
        Advice.KEEP_STEP_ORDER,
        Advice.KEEP_PACE,
        Advice.SKIP_UNNEEDED_STEP,
    ]


def test_differences_come_sla_first_then_in_benchmark_order_then_extras_in_the_hires_order():
    benchmark = [view(0), touch("CALL", 5), visit(DAY), stage("QUOTE", 2 * DAY)]
    path = [touch("WECHAT", 30), touch("CALL", 40), stage("QUOTE", 9 * DAY), touch("SMS", 9 * DAY)]
    result = compare(benchmark, path)
    assert [(d.kind, (d.expected or d.actual)) for d in result.differences] == [
        (DifferenceKind.FIRST_TOUCH_LATE, touch("CALL", 5)),
        (DifferenceKind.MISSING, view(0)),
        (DifferenceKind.MISSING, visit(DAY)),
        (DifferenceKind.LATE, stage("QUOTE", 2 * DAY)),
        (DifferenceKind.EXTRA, touch("WECHAT", 30)),
        (DifferenceKind.EXTRA, touch("SMS", 9 * DAY)),
    ]
    assert result.differences[0].actual == touch("WECHAT", 30)


# Determinism and alignment


STEPS = st.sampled_from(
    [view(0), touch("CALL", 0), touch("WECHAT", 0), visit(0), stage("DEMO", 0), feedback(0)]
)


def timed(steps: Sequence[Step], gaps: Sequence[int]) -> list[Step]:
    """The steps at increasing times."""
    times = itertools.accumulate(gaps)
    return [Step(step.action, step.detail, t) for step, t in zip(steps, times, strict=False)]


def lcs_length(a: Sequence[Any], b: Sequence[Any]) -> int:
    """The longest common subsequence by brute force (short sequences only)."""
    for size in range(min(len(a), len(b)), 0, -1):
        subsequences = set(itertools.combinations(a, size))
        if any(sub in subsequences for sub in itertools.combinations(b, size)):
            return size
    return 0


@settings(max_examples=300, deadline=None)
@given(
    st.lists(STEPS, min_size=1, max_size=7),
    st.lists(STEPS, max_size=7),
    st.lists(st.integers(0, 400), min_size=7, max_size=7),
    st.lists(st.integers(0, 400), min_size=7, max_size=7),
)
def test_every_step_is_accounted_for_exactly_once_and_the_alignment_is_a_longest_one(
    benchmark_keys: list[Step], path_keys: list[Step], gaps_a: list[int], gaps_b: list[int]
):
    benchmark, path = timed(benchmark_keys, gaps_a), timed(path_keys, gaps_b)
    result = compare(benchmark, path)
    assert result == compare(tuple(benchmark), tuple(path))  # deterministic
    assert result.matched == lcs_length([s.key for s in benchmark], [s.key for s in path])
    if path:
        assert compare(path, benchmark).matched == result.matched  # the LCS is symmetric
    by_kind = {kind: [d for d in result.differences if d.kind is kind] for kind in DifferenceKind}
    assert len(by_kind[DifferenceKind.FIRST_TOUCH_LATE]) <= 1
    unmatched = len(by_kind[DifferenceKind.MISSING]) + len(by_kind[DifferenceKind.ORDER])
    extra = len(by_kind[DifferenceKind.EXTRA]) + len(by_kind[DifferenceKind.ORDER])
    assert result.matched + unmatched == len(benchmark)
    assert result.matched + extra == len(path)
    for order in by_kind[DifferenceKind.ORDER]:
        assert order.expected is not None and order.actual is not None
        assert order.expected.key == order.actual.key
    missing = {d.expected.key for d in by_kind[DifferenceKind.MISSING] if d.expected}
    extras = {d.actual.key for d in by_kind[DifferenceKind.EXTRA] if d.actual}
    assert not missing & extras  # a step done elsewhere is ORDER, never both
    assert list(result.advice) == sorted(set(result.advice), key=list(Advice).index)
    assert set(result.advice) == {d.advice for d in result.differences}
    assert 0 <= result.similarity <= 100


def test_the_same_comparison_always_gives_the_same_answer():
    path = (view(5), touch("CALL", 120), visit(DAY), stage("DEMO", DAY), stage("DEMO", 2 * DAY))
    results = {compare(RENEWAL_BENCHMARK, path) for _ in range(20)}
    assert len(results) == 1


def test_on_a_tie_the_hires_step_is_kept_for_the_later_benchmark_step():
    benchmark = [stage("NEEDS_CONFIRMED", 10), stage("DEMO", 20)]
    path = [stage("DEMO", 10), stage("NEEDS_CONFIRMED", 20)]
    result = compare(benchmark, path)
    assert result.matched == 1
    assert result.differences[0].expected == stage("NEEDS_CONFIRMED", 10)


# The realistic scenario


def test_a_hire_who_calls_two_hours_late_and_skips_the_visit_on_a_renewal_lead():
    hire = parse_path(
        [
            {"action": "VIEW", "minutes": 5},
            {"action": "TOUCH", "detail": "CALL", "minutes": 120},
            {"action": "TOUCH", "detail": "WECHAT", "minutes": 135},
            {"action": "STAGE", "detail": "NEEDS_CONFIRMED", "minutes": DAY + 120},
            {"action": "STAGE", "detail": "DEMO", "minutes": 3 * DAY + 900},
            {"action": "STAGE", "detail": "QUOTE", "minutes": 5 * DAY + 300},
            {"action": "STAGE", "detail": "WON", "minutes": 11 * DAY},
        ]
    )
    result = compare(RENEWAL_BENCHMARK, hire)
    assert result.differences == (
        Difference(
            DifferenceKind.FIRST_TOUCH_LATE,
            touch("CALL", 8),
            touch("CALL", 120),
            Advice.TOUCH_WITHIN_SLA,
        ),
        # 135 minutes against 30: past the hour of slack
        Difference(
            DifferenceKind.LATE, touch("WECHAT", 30), touch("WECHAT", 135), Advice.KEEP_PACE
        ),
        Difference(DifferenceKind.MISSING, visit(DAY + 600), None, Advice.VISIT_ON_SITE),
    )
    assert (result.matched, result.similarity) == (7, 93)  # 14 / 15
    assert result.advice == (Advice.TOUCH_WITHIN_SLA, Advice.VISIT_ON_SITE, Advice.KEEP_PACE)


def test_the_renewal_hire_who_visits_only_after_the_quote_is_told_about_the_order():
    hire = [
        view(2),
        touch("CALL", 10),
        touch("WECHAT", 25),
        stage("NEEDS_CONFIRMED", DAY),
        stage("DEMO", 3 * DAY),
        stage("QUOTE", 4 * DAY),
        visit(4 * DAY + 60),
        stage("WON", 9 * DAY),
    ]
    result = compare(RENEWAL_BENCHMARK, hire)
    assert kinds(result) == [DifferenceKind.ORDER]
    assert result.differences[0].expected == visit(DAY + 600)
    assert result.advice == (Advice.KEEP_STEP_ORDER,)
    assert (result.matched, result.similarity) == (7, 88)


# Parsing


def test_a_path_is_parsed_in_order_with_the_detail_optional_where_none_is_taken():
    steps = parse_path(
        [
            {"action": "VIEW", "minutes": 0},
            {"action": "TOUCH", "detail": "WECHAT", "minutes": 0},
            {"action": "FEEDBACK", "detail": "", "minutes": 30},
            {"action": "VISIT", "detail": None, "minutes": MAX_MINUTES},
        ]
    )
    assert steps == (view(0), touch("WECHAT", 0), feedback(30), visit(MAX_MINUTES))
    assert steps[0].action is Action.VIEW


def test_a_path_of_the_maximum_length_is_accepted():
    assert len(parse_path([{"action": "VIEW", "minutes": i} for i in range(MAX_STEPS)])) == 60


def ok(**changes: Any) -> dict[str, Any]:
    """A valid step's JSON with some fields replaced."""
    return {"action": "TOUCH", "detail": "CALL", "minutes": 10, **changes}


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"steps": []}, "steps"),
        ("VIEW", "steps"),
        (None, "steps"),
        ([], "steps"),
        ([ok(minutes=i) for i in range(MAX_STEPS + 1)], "steps"),
        ([ok(), 1], "steps[1]"),
        ([ok(), ["TOUCH", "CALL", 10]], "steps[1]"),
        ([ok(colour="red")], "steps[0].colour"),
        ([ok(at=10)], "steps[0].at"),
        ([{"detail": "CALL", "minutes": 10}], "steps[0].action"),
        ([ok(action="CALL")], "steps[0].action"),
        ([ok(action="touch")], "steps[0].action"),
        ([ok(action=None)], "steps[0].action"),
        ([{"action": "TOUCH", "minutes": 10}], "steps[0].detail"),
        ([ok(detail="FAX")], "steps[0].detail"),
        ([ok(detail="call")], "steps[0].detail"),
        ([ok(detail=1)], "steps[0].detail"),
        ([ok(action="STAGE", detail="CALL")], "steps[0].detail"),
        ([ok(action="STAGE", detail="NEW")], "steps[0].detail"),
        ([ok(action="VIEW", detail="CALL")], "steps[0].detail"),
        ([ok(action="VISIT", detail="VISIT")], "steps[0].detail"),
        ([ok(action="FEEDBACK", detail="GOOD")], "steps[0].detail"),
        ([{"action": "VIEW"}], "steps[0].minutes"),
        ([ok(minutes=None)], "steps[0].minutes"),
        ([ok(minutes="10")], "steps[0].minutes"),
        ([ok(minutes=10.0)], "steps[0].minutes"),
        ([ok(minutes=True)], "steps[0].minutes"),
        ([ok(minutes=-1)], "steps[0].minutes"),
        ([ok(minutes=MAX_MINUTES + 1)], "steps[0].minutes"),
        ([ok(minutes=0), ok(minutes=30), ok(minutes=29)], "steps[2].minutes"),
    ],
)
def test_a_malformed_path_names_the_json_path_to_fix(data: Any, path: str):
    with pytest.raises(WalkthroughError) as raised:
        parse_path(data)
    assert raised.value.path == path
    assert raised.value.reason
    assert str(raised.value).startswith(path)


def test_steps_at_the_same_minute_are_in_order():
    assert len(parse_path([ok(minutes=5), ok(detail="SMS", minutes=5)])) == 2


# Comparing what cannot be compared


def test_an_empty_benchmark_is_refused():
    with pytest.raises(ValueError, match="benchmark"):
        compare([], [view(0)])


@pytest.mark.parametrize(
    ("benchmark", "path", "where"),
    [
        ([view(10), touch("CALL", 5)], [view(0)], "benchmark[1].minutes"),
        ([view(0)], [view(0), Step(Action.STAGE, "NEW", 1)], "path[1].detail"),
        ([Step(Action.TOUCH, "", 0)], [view(0)], "benchmark[0].detail"),
        ([view(-1)], [view(0)], "benchmark[0].minutes"),
    ],
)
def test_steps_built_elsewhere_are_checked_as_parsed_ones_are(
    benchmark: list[Step], path: list[Step], where: str
):
    with pytest.raises(WalkthroughError) as raised:
        compare(benchmark, path)
    assert raised.value.path == where


@pytest.mark.parametrize(
    "setting",
    [
        {"first_touch_minutes": -1},
        {"min_slack_minutes": -1},
        {"slack_ratio": -0.1},
        {"slack_ratio": float("nan")},
        {"slack_ratio": float("inf")},
    ],
)
def test_negative_or_non_finite_settings_are_refused(setting: dict[str, Any]):
    with pytest.raises(ValueError):
        compare([view(0)], [view(0)], **setting)
