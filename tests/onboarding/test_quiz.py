"""Question banks: parsing with precise paths, drawing, the hire's view, grading."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.onboarding.quiz import (
    MAX_OPTION_TEXT,
    MAX_OPTIONS,
    MAX_PROMPT,
    MAX_QUESTIONS,
    AnswerError,
    Bank,
    BankError,
    DrawnQuestion,
    QuestionKind,
    QuestionResult,
    client_view,
    draw,
    dump_bank,
    grade,
    parse_bank,
)


def bank_json() -> dict[str, Any]:
    """Four questions, one of each kind and a second SINGLE; three drawn per attempt."""
    return {
        "draw": 3,
        "questions": [
            {
                "id": "q1",
                "kind": "SINGLE",
                "prompt": "续约客户的首次联系时限是多久？",
                "options": [
                    {"id": "a", "text": "2小时内"},
                    {"id": "b", "text": "24小时内"},
                    {"id": "c", "text": "3天内"},
                ],
                "answer": ["b"],
                "points": 2,
            },
            {
                "id": "q2",
                "kind": "MULTIPLE",
                "prompt": "哪些线索需要当天跟进？",
                "options": [
                    {"id": "a", "text": "续约线索"},
                    {"id": "b", "text": "已流失的线索"},
                    {"id": "c", "text": "高意向线索"},
                    {"id": "d", "text": "无联系方式的线索"},
                ],
                "answer": ["c", "a"],
                "points": 3,
            },
            {
                "id": "q3",
                "kind": "ORDERING",
                "prompt": "请按顺序排列一次上门拜访的步骤",
                "options": [
                    {"id": "s1", "text": "到店签到并拍照"},
                    {"id": "s2", "text": "了解客户需求"},
                    {"id": "s3", "text": "演示产品"},
                    {"id": "s4", "text": "记录拜访结果"},
                ],
                "answer": ["s1", "s2", "s3", "s4"],
                "points": 5,
            },
            {
                "id": "q4",
                "kind": "SINGLE",
                "prompt": "客户要求折扣超过权限时应该怎么做？",
                "options": [
                    {"id": "yes", "text": "直接答应"},
                    {"id": "ask", "text": "提交主管审批"},
                ],
                "answer": ["ask"],
            },
        ],
    }


def bank(**changes: Any) -> Bank:
    """The sample bank, parsed; keyword arguments replace top-level fields."""
    return parse_bank({**bank_json(), **changes})


def single(question_id: str, points: int = 1) -> dict[str, Any]:
    """A SINGLE question whose right option is "a"."""
    return {
        "id": question_id,
        "kind": "SINGLE",
        "prompt": f"问题 {question_id}",
        "options": [{"id": "a", "text": "对"}, {"id": "b", "text": "错"}],
        "answer": ["a"],
        "points": points,
    }


def weighted(*points: int) -> tuple[Bank, tuple[DrawnQuestion, ...]]:
    """A bank of SINGLE questions q0, q1, ... with these points, all drawn in bank order."""
    parsed = parse_bank({"questions": [single(f"q{i}", p) for i, p in enumerate(points)]})
    return parsed, in_bank_order(parsed)


def in_bank_order(parsed: Bank, *ids: str) -> tuple[DrawnQuestion, ...]:
    """Drawn questions (all of them when no ids are given) with options as the bank lists them."""
    return tuple(
        DrawnQuestion(q.id, tuple(o.id for o in q.options))
        for q in parsed.questions
        if not ids or q.id in ids
    )


def keys_anywhere(value: object) -> Iterator[str]:
    """Every mapping key in a JSON-like value, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from keys_anywhere(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from keys_anywhere(item)


# Parsing


def test_a_valid_bank_is_parsed_with_texts_stripped_and_defaults_filled():
    data = bank_json()
    data["questions"][0]["prompt"] = "  续约客户的首次联系时限是多久？\n"
    data["questions"][0]["options"][1]["text"] = " 24小时内 "
    parsed = parse_bank(data)
    first = parsed.questions[0]
    assert first.prompt == "续约客户的首次联系时限是多久？"
    assert first.options[1].text == "24小时内"
    assert first.kind is QuestionKind.SINGLE
    assert parsed.questions[3].points == 1  # points absent
    assert parsed.draw == 3


def test_draw_defaults_to_every_question():
    data = bank_json()
    del data["draw"]
    assert parse_bank(data).draw == 4
    assert bank(draw=None).draw == 4


def test_a_multiple_answer_is_kept_sorted_so_equal_sets_compare_equal():
    assert bank().questions[1].answer == ("a", "c")


def test_an_ordering_answer_keeps_its_order():
    data = bank_json()
    data["questions"][2]["answer"] = ["s4", "s2", "s1", "s3"]
    assert parse_bank(data).questions[2].answer == ("s4", "s2", "s1", "s3")


def test_the_limits_themselves_are_accepted():
    data = bank_json()
    question = data["questions"][0]
    question["id"] = "Q_" + "x" * 29 + "-"
    question["prompt"] = "问" * MAX_PROMPT
    question["options"] = [{"id": f"o{j}", "text": "答" * MAX_OPTION_TEXT} for j in range(10)]
    question["answer"] = ["o9"]
    question["points"] = 10
    parsed = parse_bank(data)
    assert len(parsed.questions[0].id) == 32
    assert len(parsed.questions[0].options) == MAX_OPTIONS
    many = parse_bank({"questions": [single(f"q{i}") for i in range(MAX_QUESTIONS)], "draw": 1})
    assert len(many.questions) == MAX_QUESTIONS == 500


def test_question_ids_are_case_sensitive():
    parsed = parse_bank({"questions": [single("Q1"), single("q1")]})
    assert [q.id for q in parsed.questions] == ["Q1", "q1"]


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


_Q0 = ("questions", 0)
_BROKEN: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    # the bank
    ("unknown top-level key", _set(("version",), 2), "version"),
    ("questions missing", _delete(("questions",)), "questions"),
    ("questions not a list", _set(("questions",), {"q1": {}}), "questions"),
    ("no questions", _set(("questions",), []), "questions"),
    ("draw zero", _set(("draw",), 0), "draw"),
    ("draw above the question count", _set(("draw",), 5), "draw"),
    ("draw a boolean", _set(("draw",), True), "draw"),
    ("draw text", _set(("draw",), "3"), "draw"),
    ("draw a float", _set(("draw",), 3.0), "draw"),
    # a question
    ("question not an object", _set(("questions", 1), "q2"), "questions[1]"),
    ("unknown question key", _set((*_Q0, "hint"), "b"), "questions[0].hint"),
    ("question id missing", _delete((*_Q0, "id")), "questions[0].id"),
    ("kind missing", _delete((*_Q0, "kind")), "questions[0].kind"),
    ("prompt missing", _delete((*_Q0, "prompt")), "questions[0].prompt"),
    ("options missing", _delete((*_Q0, "options")), "questions[0].options"),
    ("answer missing", _delete((*_Q0, "answer")), "questions[0].answer"),
    ("question id empty", _set((*_Q0, "id"), ""), "questions[0].id"),
    ("question id too long", _set((*_Q0, "id"), "q" * 33), "questions[0].id"),
    ("question id with a space", _set((*_Q0, "id"), "q 1"), "questions[0].id"),
    ("question id in Chinese", _set((*_Q0, "id"), "问题一"), "questions[0].id"),
    ("question id with a newline", _set((*_Q0, "id"), "q1\n"), "questions[0].id"),
    ("question id a number", _set((*_Q0, "id"), 1), "questions[0].id"),
    ("question id repeated", _set(("questions", 2, "id"), "q1"), "questions[2].id"),
    ("kind unknown", _set((*_Q0, "kind"), "TRUE_FALSE"), "questions[0].kind"),
    ("kind in lower case", _set((*_Q0, "kind"), "single"), "questions[0].kind"),
    ("prompt blank", _set((*_Q0, "prompt"), "  \n "), "questions[0].prompt"),
    ("prompt too long", _set((*_Q0, "prompt"), "问" * 501), "questions[0].prompt"),
    ("prompt not text", _set((*_Q0, "prompt"), ["问"]), "questions[0].prompt"),
    ("points zero", _set((*_Q0, "points"), 0), "questions[0].points"),
    ("points above ten", _set((*_Q0, "points"), 11), "questions[0].points"),
    ("points a boolean", _set((*_Q0, "points"), True), "questions[0].points"),
    ("points a float", _set((*_Q0, "points"), 1.5), "questions[0].points"),
    ("points text", _set((*_Q0, "points"), "2"), "questions[0].points"),
    # options
    ("options not a list", _set((*_Q0, "options"), {"a": "x"}), "questions[0].options"),
    ("one option", _set((*_Q0, "options"), [{"id": "b", "text": "x"}]), "questions[0].options"),
    (
        "eleven options",
        _set((*_Q0, "options"), [{"id": f"o{j}", "text": "x"} for j in range(11)]),
        "questions[0].options",
    ),
    ("option not an object", _set((*_Q0, "options", 1), "b"), "questions[0].options[1]"),
    (
        "unknown option key",
        _set((*_Q0, "options", 1, "correct"), True),
        "questions[0].options[1].correct",
    ),
    ("option id missing", _delete((*_Q0, "options", 2, "id")), "questions[0].options[2].id"),
    ("option text missing", _delete((*_Q0, "options", 2, "text")), "questions[0].options[2].text"),
    ("option id invalid", _set((*_Q0, "options", 2, "id"), "c!"), "questions[0].options[2].id"),
    ("option id repeated", _set((*_Q0, "options", 2, "id"), "a"), "questions[0].options[2].id"),
    ("option text blank", _set((*_Q0, "options", 0, "text"), " "), "questions[0].options[0].text"),
    (
        "option text too long",
        _set((*_Q0, "options", 0, "text"), "答" * 201),
        "questions[0].options[0].text",
    ),
    ("option text not text", _set((*_Q0, "options", 0, "text"), 2), "questions[0].options[0].text"),
    # answers
    ("answer not a list", _set((*_Q0, "answer"), "b"), "questions[0].answer"),
    ("answer names no option", _set((*_Q0, "answer"), ["z"]), "questions[0].answer[0]"),
    ("answer not text", _set((*_Q0, "answer"), [1]), "questions[0].answer[0]"),
    ("single with two answers", _set((*_Q0, "answer"), ["a", "b"]), "questions[0].answer"),
    ("single with no answer", _set((*_Q0, "answer"), []), "questions[0].answer"),
    ("single answer repeated", _set((*_Q0, "answer"), ["b", "b"]), "questions[0].answer[1]"),
    ("multiple with no answer", _set(("questions", 1, "answer"), []), "questions[1].answer"),
    (
        "multiple answer repeated",
        _set(("questions", 1, "answer"), ["a", "c", "a"]),
        "questions[1].answer[2]",
    ),
    (
        "multiple answer names no option",
        _set(("questions", 1, "answer"), ["a", "e"]),
        "questions[1].answer[1]",
    ),
    (
        "ordering missing an option",
        _set(("questions", 2, "answer"), ["s1", "s2", "s3"]),
        "questions[2].answer",
    ),
    (
        "ordering repeating an option",
        _set(("questions", 2, "answer"), ["s1", "s2", "s2", "s4"]),
        "questions[2].answer[2]",
    ),
    (
        "ordering naming no option",
        _set(("questions", 2, "answer"), ["s1", "s2", "s3", "s5"]),
        "questions[2].answer[3]",
    ),
]


@pytest.mark.parametrize(
    ("change", "path"), [(c, p) for _, c, p in _BROKEN], ids=[name for name, _, _ in _BROKEN]
)
def test_a_malformed_bank_is_refused_naming_the_part_to_fix(
    change: Callable[[dict[str, Any]], None], path: str
):
    data = copy.deepcopy(bank_json())
    change(data)
    with pytest.raises(BankError) as raised:
        parse_bank(data)
    assert raised.value.path == path
    assert str(raised.value).startswith(f"{path}: ")


@pytest.mark.parametrize("data", [None, [], "bank", 3])
def test_a_bank_that_is_not_an_object_is_refused_as_a_whole(data: object):
    with pytest.raises(BankError) as raised:
        parse_bank(data)
    assert raised.value.path == ""
    assert str(raised.value) == "bank: must be an object"


def test_more_than_max_questions_are_refused():
    data = {"questions": [single(f"q{i}") for i in range(MAX_QUESTIONS + 1)], "draw": 1}
    with pytest.raises(BankError) as raised:
        parse_bank(data)
    assert raised.value.path == "questions"


def test_parsing_does_not_change_the_input():
    data = bank_json()
    before = copy.deepcopy(data)
    parse_bank(data)
    assert data == before


# Dump


def test_dump_then_parse_gives_the_same_bank():
    parsed = bank()
    assert parse_bank(dump_bank(parsed)) == parsed
    assert dump_bank(parse_bank(dump_bank(parsed))) == dump_bank(parsed)


def test_the_dump_is_json_with_every_field_spelled_out():
    dumped = dump_bank(bank())
    assert json.loads(json.dumps(dumped, ensure_ascii=False)) == dumped
    questions = dumped["questions"]
    assert isinstance(questions, list)
    assert questions[3] == {**bank_json()["questions"][3], "points": 1}
    assert questions[1]["answer"] == ["a", "c"]


_ids = st.text(alphabet="abcXYZ019_-", min_size=1, max_size=32)
_texts = st.text(min_size=1, max_size=40).filter(lambda s: bool(s.strip()))


@st.composite
def _question(pick: st.DrawFn, question_id: str) -> dict[str, Any]:
    kind = pick(st.sampled_from(QuestionKind))
    option_ids = pick(st.lists(_ids, min_size=2, max_size=MAX_OPTIONS, unique=True))
    if kind is QuestionKind.SINGLE:
        answer = [pick(st.sampled_from(option_ids))]
    elif kind is QuestionKind.MULTIPLE:
        answer = pick(st.lists(st.sampled_from(option_ids), min_size=1, unique=True))
    else:
        answer = pick(st.permutations(option_ids))
    return {
        "id": question_id,
        "kind": kind.value,
        "prompt": pick(_texts),
        "options": [{"id": o, "text": pick(_texts)} for o in option_ids],
        "answer": answer,
        "points": pick(st.integers(1, 10)),
    }


@st.composite
def _banks(pick: st.DrawFn) -> dict[str, Any]:
    ids = pick(st.lists(_ids, min_size=1, max_size=8, unique=True))
    questions = [pick(_question(question_id)) for question_id in ids]
    return {"questions": questions, "draw": pick(st.integers(1, len(questions)))}


@settings(max_examples=60, deadline=None)
@given(data=_banks(), seed=st.integers(0, 2**32))
def test_any_valid_bank_round_trips_and_right_answers_score_100(data: dict[str, Any], seed: int):
    parsed = parse_bank(data)
    assert parse_bank(dump_bank(parsed)) == parsed
    drawn = draw(parsed, random.Random(seed))
    by_id = {q.id: q for q in parsed.questions}
    graded = grade(parsed, drawn, {d.id: list(by_id[d.id].answer) for d in drawn})
    assert graded.score == 100
    assert graded.earned == graded.possible == sum(by_id[d.id].points for d in drawn)


# Drawing


def test_the_same_seed_draws_the_same_attempt():
    parsed = bank()
    assert draw(parsed, random.Random(42)) == draw(parsed, random.Random(42))


def test_different_seeds_draw_different_attempts():
    parsed = bank()
    attempts = {draw(parsed, random.Random(seed)) for seed in range(20)}
    assert len(attempts) > 1


def test_an_attempt_has_exactly_draw_distinct_questions_with_all_their_options():
    parsed = bank()
    by_id = {q.id: q for q in parsed.questions}
    for seed in range(50):
        drawn = draw(parsed, random.Random(seed))
        assert len(drawn) == parsed.draw == 3
        assert len({d.id for d in drawn}) == 3
        for shown in drawn:
            assert sorted(shown.options) == sorted(o.id for o in by_id[shown.id].options)


def test_which_questions_and_their_order_vary_across_seeds():
    parsed = bank()
    chosen = {frozenset(d.id for d in draw(parsed, random.Random(seed))) for seed in range(100)}
    assert len(chosen) == 4  # every 3-of-4 choice turns up
    everything = bank(draw=4)
    firsts = {draw(everything, random.Random(seed))[0].id for seed in range(100)}
    assert firsts == {"q1", "q2", "q3", "q4"}


def test_every_option_is_shown_first_in_some_attempt():
    parsed = bank(draw=4)
    firsts: dict[str, set[str]] = {q.id: set() for q in parsed.questions}
    for seed in range(200):
        for shown in draw(parsed, random.Random(seed)):
            firsts[shown.id].add(shown.options[0])
    for question in parsed.questions:
        assert firsts[question.id] == {o.id for o in question.options}, question.id


# The hire's view


def test_the_view_shows_prompts_points_and_options_in_the_drawn_order():
    parsed = bank()
    drawn = (DrawnQuestion("q3", ("s3", "s1", "s4", "s2")), DrawnQuestion("q1", ("c", "a", "b")))
    view = client_view(parsed, drawn)
    assert view == [
        {
            "id": "q3",
            "kind": "ORDERING",
            "prompt": "请按顺序排列一次上门拜访的步骤",
            "points": 5,
            "options": [
                {"id": "s3", "text": "演示产品"},
                {"id": "s1", "text": "到店签到并拍照"},
                {"id": "s4", "text": "记录拜访结果"},
                {"id": "s2", "text": "了解客户需求"},
            ],
        },
        {
            "id": "q1",
            "kind": "SINGLE",
            "prompt": "续约客户的首次联系时限是多久？",
            "points": 2,
            "options": [
                {"id": "c", "text": "3天内"},
                {"id": "a", "text": "2小时内"},
                {"id": "b", "text": "24小时内"},
            ],
        },
    ]


def test_the_view_never_contains_an_answer_key():
    parsed = bank(draw=4)
    for seed in range(20):
        view = client_view(parsed, draw(parsed, random.Random(seed)))
        keys = set(keys_anywhere(view))
        assert "answer" not in keys
        assert keys == {"id", "kind", "prompt", "points", "options", "text"}


def test_the_view_is_the_same_whatever_the_answers_are():
    data = bank_json()
    other = copy.deepcopy(data)
    other["questions"][0]["answer"] = ["c"]
    other["questions"][1]["answer"] = ["a", "b", "c", "d"]  # how many are right stays hidden
    other["questions"][2]["answer"] = ["s4", "s3", "s2", "s1"]
    drawn = in_bank_order(parse_bank(data))
    assert client_view(parse_bank(data), drawn) == client_view(parse_bank(other), drawn)


def test_the_shown_ordering_is_not_always_the_answer_order():
    parsed = bank(draw=4)
    ordering = parsed.questions[2]
    shown = set()
    for seed in range(100):
        view = client_view(parsed, draw(parsed, random.Random(seed)))
        item = next(q for q in view if q["id"] == ordering.id)
        options = item["options"]
        assert isinstance(options, list)
        shown.add(tuple(o["id"] for o in options))
    assert any(order != ordering.answer for order in shown)
    assert len(shown) > 1


def test_a_two_option_ordering_is_still_sometimes_shown_in_the_answer_order():
    """Never showing the answer order would give the answer away: it would be the other one."""
    data = {
        "questions": [
            {
                "id": "q1",
                "kind": "ORDERING",
                "prompt": "先做哪一步？",
                "options": [{"id": "x", "text": "报价"}, {"id": "y", "text": "需求确认"}],
                "answer": ["y", "x"],
            }
        ]
    }
    parsed = parse_bank(data)
    shown = {draw(parsed, random.Random(seed))[0].options for seed in range(50)}
    assert shown == {("x", "y"), ("y", "x")}


def test_a_view_of_a_question_missing_from_the_bank_is_a_programming_error():
    with pytest.raises(ValueError, match="not in the bank"):
        client_view(bank(), (DrawnQuestion("q9", ("a", "b")),))


# Grading


def everything_drawn() -> tuple[Bank, tuple[DrawnQuestion, ...]]:
    parsed = bank(draw=4)
    return parsed, in_bank_order(parsed)


RIGHT = {"q1": ["b"], "q2": ["c", "a"], "q3": ["s1", "s2", "s3", "s4"], "q4": ["ask"]}


def test_all_right_scores_100_and_lists_results_in_drawn_order():
    parsed = bank(draw=4)
    drawn = tuple(reversed(in_bank_order(parsed)))
    graded = grade(parsed, drawn, RIGHT)
    assert (graded.score, graded.earned, graded.possible) == (100, 11, 11)
    assert graded.results == (
        QuestionResult("q4", True, 1),
        QuestionResult("q3", True, 5),
        QuestionResult("q2", True, 3),
        QuestionResult("q1", True, 2),
    )


def test_nothing_answered_scores_0():
    parsed, drawn = everything_drawn()
    graded = grade(parsed, drawn, {})
    assert (graded.score, graded.earned, graded.possible) == (0, 0, 11)
    assert all(not r.correct and r.points == 0 for r in graded.results)


@pytest.mark.parametrize(
    ("answer", "correct"),
    [(["b"], True), (["a"], False), ([], False), (None, False)],
    ids=["right", "wrong", "empty", "unanswered"],
)
def test_single_scores_only_the_right_option(answer: list[str] | None, correct: bool):
    parsed, drawn = everything_drawn()
    graded = grade(parsed, drawn, {} if answer is None else {"q1": answer})
    assert graded.results[0] == QuestionResult("q1", correct, 2 if correct else 0)


@pytest.mark.parametrize(
    ("answer", "correct"),
    [
        (["a", "c"], True),
        (["c", "a"], True),
        (["a"], False),
        (["a", "b", "c"], False),
        (["b", "d"], False),
        (["a", "b", "c", "d"], False),
        ([], False),
        (None, False),
    ],
    ids=["right", "any-order", "subset", "superset", "wrong", "everything", "empty", "unanswered"],
)
def test_multiple_needs_exactly_the_right_set(answer: list[str] | None, correct: bool):
    parsed, drawn = everything_drawn()
    graded = grade(parsed, drawn, {} if answer is None else {"q2": answer})
    assert graded.results[1] == QuestionResult("q2", correct, 3 if correct else 0)


@pytest.mark.parametrize(
    ("answer", "correct"),
    [
        (["s1", "s2", "s3", "s4"], True),
        (["s2", "s1", "s3", "s4"], False),
        (["s4", "s3", "s2", "s1"], False),
        ([], False),
        (None, False),
    ],
    ids=["right", "two-swapped", "reversed", "empty", "unanswered"],
)
def test_ordering_needs_exactly_the_right_sequence(answer: list[str] | None, correct: bool):
    parsed, drawn = everything_drawn()
    graded = grade(parsed, drawn, {} if answer is None else {"q3": answer})
    assert graded.results[2] == QuestionResult("q3", correct, 5 if correct else 0)


def test_answers_may_be_tuples():
    parsed, drawn = everything_drawn()
    graded = grade(parsed, drawn, {"q2": ("a", "c"), "q3": ("s1", "s2", "s3", "s4")})
    assert graded.earned == 8


def test_only_the_drawn_questions_count_towards_the_score():
    parsed = bank()
    drawn = in_bank_order(parsed, "q1", "q2", "q4")
    graded = grade(parsed, drawn, {"q1": ["b"], "q4": ["ask"]})
    assert (graded.earned, graded.possible, graded.score) == (3, 6, 50)
    assert [r.id for r in graded.results] == ["q1", "q2", "q4"]


@pytest.mark.parametrize(
    ("points", "right", "score"),
    [
        ((1, 1, 1), 1, 33),  # 33.33
        ((1, 1, 1), 2, 67),  # 66.67
        ((1, 7), 1, 13),  # 12.5: half up, where round() would give 12
        ((5, 3), 1, 63),  # 5 of 8 = 62.5: half up, where round() would give 62
        ((3, 5), 1, 38),  # 3 of 8 = 37.5
        ((1,) * 8, 1, 13),  # 1 of 8 = 12.5
        ((10, 10, 10, 10, 1, 1), 4, 95),  # 40 of 42 = 95.24
        ((1,) * 20, 1, 5),  # exactly 5
        ((2, 1, 1), 1, 50),  # weighted: the first question is half the points
        ((1, 2, 1), 1, 25),
    ],
)
def test_the_score_is_the_percentage_of_points_rounded_half_up(
    points: tuple[int, ...], right: int, score: int
):
    parsed, drawn = weighted(*points)
    answers = {f"q{i}": ["a"] for i in range(right)}
    answers.update({f"q{i}": ["b"] for i in range(right, len(points))})
    graded = grade(parsed, drawn, answers)
    assert graded.score == score
    assert graded.earned == sum(points[:right])
    assert graded.possible == sum(points)


def test_a_large_bank_rounds_exactly_where_floats_would_not():
    # 1 of 200 points is 0.5 percent: rounds up to 1 (float rounding of 0.5 gives 0).
    parsed, drawn = weighted(*([10] * 19 + [9, 1]))
    answers = {f"q{i}": ["b"] for i in range(20)} | {"q20": ["a"]}
    assert grade(parsed, drawn, answers).score == 1


_BAD_ANSWERS: list[tuple[str, dict[str, Any], str]] = [
    ("question not drawn", {"q3": ["s1", "s2", "s3", "s4"]}, "answers.q3"),
    ("question not in the bank", {"q9": ["a"]}, "answers.q9"),
    ("option not offered", {"q1": ["z"]}, "answers.q1[0]"),
    ("option of another question", {"q1": ["ask"]}, "answers.q1[0]"),
    ("option not text", {"q1": [2]}, "answers.q1[0]"),
    ("single with two options", {"q1": ["a", "b"]}, "answers.q1"),
    ("single option twice", {"q1": ["b", "b"]}, "answers.q1[1]"),
    ("multiple option twice", {"q2": ["a", "c", "a"]}, "answers.q2[2]"),
    ("multiple option not offered", {"q2": ["a", "s1"]}, "answers.q2[1]"),
    ("answer is text, not a list", {"q1": "b"}, "answers.q1"),
    ("answer is null", {"q1": None}, "answers.q1"),
    ("answer is an object", {"q2": {"a": True}}, "answers.q2"),
]


@pytest.mark.parametrize(
    ("answers", "path"), [(a, p) for _, a, p in _BAD_ANSWERS], ids=[n for n, _, _ in _BAD_ANSWERS]
)
def test_answers_that_cannot_be_graded_are_refused_naming_the_answer(
    answers: dict[str, Any], path: str
):
    parsed = bank()
    drawn = in_bank_order(parsed, "q1", "q2", "q4")
    with pytest.raises(AnswerError) as raised:
        grade(parsed, drawn, {"q4": ["ask"], **answers})
    assert raised.value.path == path
    assert str(raised.value).startswith(f"{path}: ")


@pytest.mark.parametrize(
    ("answer", "path"),
    [
        (["s1", "s2", "s3"], "answers.q3"),
        (["s1"], "answers.q3"),
        (["s1", "s2", "s2", "s4"], "answers.q3[2]"),
        (["s1", "s2", "s3", "s4", "s5"], "answers.q3[4]"),
    ],
    ids=["one-missing", "only-one", "repeated", "extra"],
)
def test_an_ordering_answer_must_order_every_option(answer: list[str], path: str):
    parsed, drawn = everything_drawn()
    with pytest.raises(AnswerError) as raised:
        grade(parsed, drawn, {"q3": answer})
    assert raised.value.path == path


def test_a_drawn_question_missing_from_the_bank_is_a_programming_error_not_an_answer_error():
    drawn = (DrawnQuestion("q1", ("a", "b", "c")), DrawnQuestion("gone", ("a", "b")))
    with pytest.raises(ValueError, match="not in the bank") as raised:
        grade(bank(), drawn, {"q1": ["b"]})
    assert not isinstance(raised.value, AnswerError)


@pytest.mark.parametrize(
    "drawn",
    [
        (),
        (DrawnQuestion("q1", ("a", "b", "c")), DrawnQuestion("q1", ("c", "b", "a"))),
        (DrawnQuestion("q1", ("a", "b")),),
    ],
    ids=["nothing-drawn", "drawn-twice", "other-options"],
)
def test_an_attempt_that_does_not_fit_the_bank_is_a_programming_error(
    drawn: tuple[DrawnQuestion, ...],
):
    with pytest.raises(ValueError) as raised:
        grade(bank(), drawn, {})
    assert not isinstance(raised.value, AnswerError)
