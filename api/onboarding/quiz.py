"""Question banks for new-hire tests, graded on the server.

A bank is per-organisation data, stored as versioned JSON (:func:`parse_bank` validates it and
names the part to fix, ``questions[3].answer[0]``, as the routing rules do; :func:`dump_bank`
writes it back). A stored version never changes, so an attempt keeps grading against the bank
it was drawn from.

An attempt goes:

1. :func:`draw` picks ``bank.draw`` questions at random, in random order, and shuffles each
   question's options. The result is stored with the attempt; the service seeds the ``rng`` per
   attempt, so the same seed draws the same questions.
2. :func:`client_view` is what the hire's phone gets: prompts and options in the drawn order,
   never the answer nor anything derived from it (no count of right options, no hint in the
   option order: ORDERING options are shuffled like the rest).
3. :func:`grade` marks the submitted answers: all or nothing per question (a MULTIPLE needs
   exactly the right set, an ORDERING exactly the right sequence), unanswered questions score 0,
   and the score is the percentage of the drawn points, rounded half up with exact fractions.
   Answers that cannot be graded (a question not drawn, an unknown option, ...) raise
   :class:`AnswerError` rather than scoring 0, so a buggy client is noticed, not silently failed.

Everything here is pure: no I/O, no ORM.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from fractions import Fraction

MAX_QUESTIONS = 500
MIN_OPTIONS = 2
MAX_OPTIONS = 10
MAX_PROMPT = 500
MAX_OPTION_TEXT = 200
MAX_ID = 32
MIN_POINTS = 1
MAX_POINTS = 10
DEFAULT_POINTS = 1
_ID = re.compile(rf"[A-Za-z0-9_-]{{1,{MAX_ID}}}")
_BANK_KEYS = frozenset({"draw", "questions"})
_QUESTION_KEYS = frozenset({"id", "kind", "prompt", "options", "answer", "points"})
_QUESTION_REQUIRED = frozenset({"id", "kind", "prompt", "options", "answer"})
_OPTION_KEYS = frozenset({"id", "text"})


class QuestionKind(StrEnum):
    SINGLE = "SINGLE"  # exactly one right option
    MULTIPLE = "MULTIPLE"  # a set of right options (at least one); all and only them to score
    ORDERING = "ORDERING"  # every option, in the right order


_KINDS = {kind.value: kind for kind in QuestionKind}


class BankError(ValueError):
    """A bank is malformed; ``path`` names the part to fix (``questions[3].answer[0]``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path or 'bank'}: {reason}")
        self.path = path
        self.reason = reason


class AnswerError(ValueError):
    """Submitted answers cannot be graded; ``path`` names the answer (``answers.q7[1]``).

    Distinct from a wrong answer: a wrong answer scores 0, this one means the client sent
    something no hire could have chosen from what they were shown.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path or 'answers'}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    """One question; ``answer`` stays on the server."""

    id: str
    kind: QuestionKind
    prompt: str
    options: tuple[Option, ...]
    # SINGLE: one option id; MULTIPLE: the right ids, sorted; ORDERING: every id, in order.
    answer: tuple[str, ...]
    points: int = DEFAULT_POINTS


@dataclass(frozen=True, slots=True)
class Bank:
    """A validated question bank, reused for every attempt drawn from it."""

    questions: tuple[Question, ...]
    draw: int  # questions per attempt, 1..len(questions)
    _by_id: Mapping[str, Question] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {q.id: q for q in self.questions})


@dataclass(frozen=True, slots=True)
class DrawnQuestion:
    """A question as one attempt shows it."""

    id: str
    options: tuple[str, ...]  # option ids in the order shown to this attempt


@dataclass(frozen=True, slots=True)
class QuestionResult:
    id: str
    correct: bool
    points: int  # points earned: 0 or the question's points


@dataclass(frozen=True, slots=True)
class Graded:
    score: int  # 0..100: earned / possible as a percentage, rounded half up
    earned: int
    possible: int  # the points of the drawn questions
    results: tuple[QuestionResult, ...]  # in drawn order


# Parsing


def parse_bank(data: object) -> Bank:
    """Parse and validate a bank's JSON; raises BankError."""
    bank = _object(data, "", _BANK_KEYS, frozenset({"questions"}))
    items = bank["questions"]
    if not isinstance(items, list) or not 1 <= len(items) <= MAX_QUESTIONS:
        raise BankError("questions", f"must be a list of 1 to {MAX_QUESTIONS} questions")
    questions: list[Question] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        question = _question(item, f"questions[{i}]")
        if question.id in seen:
            raise BankError(f"questions[{i}].id", f"another question has the id {question.id!r}")
        seen.add(question.id)
        questions.append(question)
    count = _integer(bank.get("draw"), "draw", 1, len(questions), default=len(questions))
    return Bank(tuple(questions), count)


def dump_bank(bank: Bank) -> dict[str, object]:
    """The bank's JSON; ``parse_bank`` reads it back equal."""
    return {
        "draw": bank.draw,
        "questions": [
            {
                "id": q.id,
                "kind": q.kind.value,
                "prompt": q.prompt,
                "options": [{"id": o.id, "text": o.text} for o in q.options],
                "answer": list(q.answer),
                "points": q.points,
            }
            for q in bank.questions
        ],
    }


def _question(item: object, path: str) -> Question:
    """One question from its JSON object."""
    fields = _object(item, path, _QUESTION_KEYS, _QUESTION_REQUIRED)
    question_id = _id(fields["id"], f"{path}.id")
    kind = fields["kind"]
    if not isinstance(kind, str) or kind not in _KINDS:
        raise BankError(f"{path}.kind", f"must be one of {', '.join(_KINDS)}")
    prompt = _text(fields["prompt"], f"{path}.prompt", MAX_PROMPT)
    options = _options(fields["options"], f"{path}.options")
    answer = _answer(fields["answer"], f"{path}.answer", _KINDS[kind], options)
    points = _integer(fields.get("points"), f"{path}.points", MIN_POINTS, MAX_POINTS)
    return Question(question_id, _KINDS[kind], prompt, options, answer, points)


def _options(value: object, path: str) -> tuple[Option, ...]:
    """MIN_OPTIONS to MAX_OPTIONS options with distinct ids."""
    if not isinstance(value, list) or not MIN_OPTIONS <= len(value) <= MAX_OPTIONS:
        raise BankError(path, f"must be a list of {MIN_OPTIONS} to {MAX_OPTIONS} options")
    options: list[Option] = []
    for j, item in enumerate(value):
        where = f"{path}[{j}]"
        fields = _object(item, where, _OPTION_KEYS, _OPTION_KEYS)
        option_id = _id(fields["id"], f"{where}.id")
        if any(o.id == option_id for o in options):
            raise BankError(f"{where}.id", f"another option has the id {option_id!r}")
        options.append(Option(option_id, _text(fields["text"], f"{where}.text", MAX_OPTION_TEXT)))
    return tuple(options)


def _answer(
    value: object, path: str, kind: QuestionKind, options: tuple[Option, ...]
) -> tuple[str, ...]:
    """The right option ids for the kind: MULTIPLE's sorted, so equal sets compare equal."""
    if not isinstance(value, list):
        raise BankError(path, "must be a list of option ids")
    known = {o.id for o in options}
    for k, option_id in enumerate(value):
        if not isinstance(option_id, str) or option_id not in known:
            raise BankError(f"{path}[{k}]", "must be the id of one of the question's options")
        if option_id in value[:k]:
            raise BankError(f"{path}[{k}]", "listed twice")
    if kind is QuestionKind.SINGLE and len(value) != 1:
        raise BankError(path, "a SINGLE question has exactly one right option")
    if kind is QuestionKind.MULTIPLE and not value:
        raise BankError(path, "a MULTIPLE question has at least one right option")
    if kind is QuestionKind.ORDERING and len(value) != len(options):
        raise BankError(path, "an ORDERING answer lists every option once, in the right order")
    return tuple(sorted(value)) if kind is QuestionKind.MULTIPLE else tuple(value)


def _object(
    value: object, path: str, allowed: frozenset[str], required: frozenset[str]
) -> Mapping[object, object]:
    """The object, refused unless its keys are all known and include the required ones."""
    if not isinstance(value, Mapping):
        raise BankError(path, "must be an object")
    for key in value:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise BankError(_join(path, str(key)), f"unknown key; allowed: {known}")
    for key in sorted(required):
        if key not in value:
            raise BankError(_join(path, key), "required")
    return value


def _id(value: object, path: str) -> str:
    """An id: 1 to MAX_ID of A-Z, a-z, 0-9, _ or -; kept as written (ids are case-sensitive)."""
    if not isinstance(value, str) or not _ID.fullmatch(value):
        raise BankError(path, f"must be 1 to {MAX_ID} of A-Z, a-z, 0-9, _ or -")
    return value


def _text(value: object, path: str, limit: int) -> str:
    """Text stripped of surrounding whitespace, then 1 to ``limit`` characters."""
    if not isinstance(value, str) or not 1 <= len(value.strip()) <= limit:
        raise BankError(path, f"must be text of 1 to {limit} characters")
    return value.strip()


def _integer(value: object, path: str, low: int, high: int, *, default: int | None = None) -> int:
    """A whole number in [low, high] (true/false are not numbers); absent or null: ``default``."""
    if value is None:
        value = low if default is None else default
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise BankError(path, f"must be a whole number from {low} to {high}")
    return value


def _join(path: str, part: str) -> str:
    return f"{path}.{part}" if path else part


# Drawing


def draw(bank: Bank, rng: random.Random) -> tuple[DrawnQuestion, ...]:
    """``bank.draw`` distinct questions in random order, the options of each shuffled.

    Deterministic for a given ``rng`` state. ORDERING options are shuffled like the others and
    the answer order is *not* re-drawn away: refusing it would itself leak the answer (with two
    options, the shown order would always be the wrong one).
    """
    chosen = rng.sample(bank.questions, bank.draw)
    drawn: list[DrawnQuestion] = []
    for question in chosen:
        options = [o.id for o in question.options]
        rng.shuffle(options)
        drawn.append(DrawnQuestion(question.id, tuple(options)))
    return tuple(drawn)


def client_view(bank: Bank, drawn: Sequence[DrawnQuestion]) -> list[dict[str, object]]:
    """What the hire's phone gets: each drawn question with its options in the drawn order.

    Built from an allow-list of fields, so nothing about the answer can slip in.
    """
    view: list[dict[str, object]] = []
    for shown, question in _attempt(bank, drawn):
        texts = {o.id: o.text for o in question.options}
        view.append(
            {
                "id": question.id,
                "kind": question.kind.value,
                "prompt": question.prompt,
                "points": question.points,
                "options": [{"id": o, "text": texts[o]} for o in shown.options],
            }
        )
    return view


def _attempt(bank: Bank, drawn: Sequence[DrawnQuestion]) -> list[tuple[DrawnQuestion, Question]]:
    """Each drawn question with its bank question.

    Raises ValueError when the attempt does not fit the bank: a programming error (the wrong
    bank version was loaded), not something a hire can cause.
    """
    if not drawn:
        raise ValueError("an attempt draws at least one question")
    pairs: list[tuple[DrawnQuestion, Question]] = []
    seen: set[str] = set()
    for shown in drawn:
        question = bank._by_id.get(shown.id)
        if question is None:
            raise ValueError(f"question {shown.id!r} was drawn but is not in the bank")
        if shown.id in seen:
            raise ValueError(f"question {shown.id!r} was drawn twice")
        seen.add(shown.id)
        if sorted(shown.options) != sorted(o.id for o in question.options):
            raise ValueError(f"question {shown.id!r} was drawn with other options than the bank's")
        pairs.append((shown, question))
    return pairs


# Grading


def grade(
    bank: Bank, drawn: Sequence[DrawnQuestion], answers: Mapping[str, Sequence[str]]
) -> Graded:
    """Mark an attempt's answers (question id -> chosen option ids); raises AnswerError.

    SINGLE: one id; MULTIPLE: the ids in any order; ORDERING: every id, in order. An empty list
    (or no entry) is unanswered and scores 0. No partial credit.
    """
    pairs = _attempt(bank, drawn)
    questions = {question.id: question for _, question in pairs}
    chosen: dict[str, tuple[str, ...]] = {}
    for question_id, picked in answers.items():
        question = questions.get(question_id)
        path = f"answers.{question_id}"
        if question is None:
            raise AnswerError(path, "not a question of this attempt")
        chosen[question_id] = _picked(picked, path, question)
    results: list[QuestionResult] = []
    for _, question in pairs:
        correct = _correct(question, chosen.get(question.id, ()))
        results.append(QuestionResult(question.id, correct, question.points if correct else 0))
    earned = sum(r.points for r in results)
    possible = sum(q.points for _, q in pairs)
    score = math.floor(Fraction(100 * earned, possible) + Fraction(1, 2))
    return Graded(score, earned, possible, tuple(results))


def _picked(value: object, path: str, question: Question) -> tuple[str, ...]:
    """The chosen option ids, checked against what the question offers."""
    if not isinstance(value, list | tuple):
        raise AnswerError(path, "must be a list of option ids")
    known = {o.id for o in question.options}
    for k, option_id in enumerate(value):
        if not isinstance(option_id, str) or option_id not in known:
            raise AnswerError(f"{path}[{k}]", "not an option of this question")
        if option_id in value[:k]:
            raise AnswerError(f"{path}[{k}]", "chosen twice")
    if question.kind is QuestionKind.SINGLE and len(value) > 1:
        raise AnswerError(path, "choose one option")
    if question.kind is QuestionKind.ORDERING and value and len(value) != len(known):
        raise AnswerError(path, "put every option in order")
    return tuple(value)


def _correct(question: Question, picked: tuple[str, ...]) -> bool:
    """All or nothing: the exact set for MULTIPLE, the exact sequence otherwise."""
    if not picked:
        return False
    if question.kind is QuestionKind.MULTIPLE:
        return frozenset(picked) == frozenset(question.answer)
    return picked == question.answer
