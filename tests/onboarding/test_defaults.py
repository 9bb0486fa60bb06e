"""A new organisation can start at once: the default track's tests exist and are valid."""

from __future__ import annotations

import random

from api.onboarding import quiz
from api.onboarding.defaults import DEFAULT_BANKS
from api.onboarding.definitions import DEFAULT_TRACK, parse_track


def test_every_test_of_the_default_track_has_a_valid_default_bank() -> None:
    track = parse_track(DEFAULT_TRACK)
    assert track.test_keys == set(DEFAULT_BANKS)
    for title, bank in DEFAULT_BANKS.values():
        assert title
        parsed = quiz.parse_bank(bank)
        assert 1 <= parsed.draw < len(parsed.questions)  # each attempt draws a different set


def test_right_answers_pass_every_default_bank() -> None:
    for _, bank in DEFAULT_BANKS.values():
        parsed = quiz.parse_bank(bank)
        drawn = quiz.draw(parsed, random.Random(7))
        by_id = {q.id: q for q in parsed.questions}
        answers = {d.id: list(by_id[d.id].answer) for d in drawn}
        assert quiz.grade(parsed, drawn, answers).score == 100
