"""Lead scoring: weighted dimensions, first matching band, the MQL rule, and malformed models."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from api.leads.scoring import (
    DEFAULT_SCORING,
    MAX_DIMENSIONS,
    Scored,
    ScoringError,
    parse_scoring,
)


def cmp(field: str, op: str, value: Any) -> dict[str, Any]:
    return {"field": field, "op": op, "value": value}


def model(*dimensions: Any, mql: Any = None) -> dict[str, Any]:
    return {"dimensions": list(dimensions), "mql": mql or cmp("score", "gte", 70)}


def dimension(key: str, weight: float, *bands: tuple[int, Any]) -> dict[str, Any]:
    return {
        "key": key,
        "label": key,
        "weight": weight,
        "bands": [{"points": p, "when": when} for p, when in bands],
    }


VISITS = dimension("visits", 1, (5, cmp("behaviour.pricing_page_visits", "gte", 2)))
PHONE = dimension("phone", 1, (5, cmp("contact.has_phone", "eq", True)))
HOT_LEAD: dict[str, Any] = {
    "channel": "website",
    "product_line": "CRM",
    "budget": 800000,
    "company": {"name": "北京星河科技有限公司", "employees": 1200, "funding_round": 4},
    "behaviour": {
        "pricing_page_visits": 3,
        "whitepaper_downloads": 1,
        "video_watch_seconds": 420,
        "dwell_seconds": 600,
    },
    "contact": {"has_phone": True, "has_email": True, "company_email": True},
}


def test_the_default_model_parses_and_has_the_four_domain_dimensions():
    scoring = parse_scoring(DEFAULT_SCORING)
    keys = [d.key for d in scoring.dimensions]
    assert keys == ["engagement", "company_fit", "intent", "contact_quality"]
    assert all(d.label for d in scoring.dimensions)
    assert scoring.source is DEFAULT_SCORING


def test_a_lead_strong_on_every_dimension_scores_one_hundred_and_an_empty_one_zero():
    scoring = parse_scoring(DEFAULT_SCORING)
    top = scoring.score(HOT_LEAD)
    assert top.score == 100
    assert set(top.points.values()) == {5}
    nothing = scoring.score({})
    assert nothing.score == 0
    assert dict(nothing.points) == {
        "engagement": 0,
        "company_fit": 0,
        "intent": 0,
        "contact_quality": 0,
    }


def test_weights_change_the_score():
    lead = {"behaviour": {"pricing_page_visits": 2}, "contact": {"has_phone": False}}
    even = parse_scoring(model(VISITS, PHONE)).score(lead)
    visits_heavy = parse_scoring(model({**VISITS, "weight": 3}, PHONE)).score(lead)
    phone_heavy = parse_scoring(model(VISITS, {**PHONE, "weight": 3})).score(lead)
    assert (even.score, visits_heavy.score, phone_heavy.score) == (50, 75, 25)
    assert even.points == visits_heavy.points == {"visits": 5, "phone": 0}


def test_the_first_band_whose_condition_holds_gives_the_points():
    visits = dimension(
        "visits",
        1,
        (2, cmp("behaviour.pricing_page_visits", "gte", 1)),
        (5, cmp("behaviour.pricing_page_visits", "gte", 3)),  # never reached past band 0
    )
    scored = parse_scoring(model(visits)).score({"behaviour": {"pricing_page_visits": 4}})
    assert scored.points == {"visits": 2}
    assert scored.score == 40


def test_a_missing_or_null_field_scores_zero_on_its_dimension():
    scoring = parse_scoring(DEFAULT_SCORING)
    without_budget = {**HOT_LEAD, "budget": None, "product_line": ""}
    assert scoring.score(without_budget).points["intent"] == 0
    assert scoring.score({**HOT_LEAD, "company": {}}).points["company_fit"] == 0
    assert scoring.score({**HOT_LEAD, "budget": None}).points["intent"] == 2  # product line only


def test_the_score_is_rounded_half_up_exactly():
    # 5 of 40 weighted points: 100 * 5 / 40 = 12.5 -> 13 (not banker's 12).
    lead = {"behaviour": {"pricing_page_visits": 2}}
    spec = model(VISITS, {**PHONE, "weight": 3}, {**PHONE, "key": "p2", "weight": 4})
    assert parse_scoring(spec).score(lead).score == 13
    # The same with eight weights of 0.1, which float arithmetic would not add up exactly.
    tenths = [{**PHONE, "key": f"p{i}", "weight": 0.1} for i in range(7)]
    spec = model({**VISITS, "weight": 0.1}, *tenths)
    assert parse_scoring(spec).score(lead).score == 13


def test_the_domains_mql_example_passes_with_pricing_visits_a_manual_and_a_company_email():
    scoring = parse_scoring(DEFAULT_SCORING)
    lead = {
        "behaviour": {"pricing_page_visits": 2, "whitepaper_downloads": 1},
        "contact": {"company_email": True},
    }
    scored = scoring.score(lead)
    assert scored.score < 70  # qualifies on behaviour, not on score
    assert scoring.is_mql(lead, scored)


@pytest.mark.parametrize(
    "change",
    [
        {"behaviour": {"pricing_page_visits": 1, "whitepaper_downloads": 1}},
        {"behaviour": {"pricing_page_visits": 2, "whitepaper_downloads": 0}},
        {"contact": {"company_email": False}},
        {"contact": {}},
    ],
)
def test_the_domains_mql_example_fails_when_one_part_is_missing(change):
    scoring = parse_scoring(DEFAULT_SCORING)
    lead = {
        "behaviour": {"pricing_page_visits": 2, "whitepaper_downloads": 1},
        "contact": {"company_email": True},
        **change,
    }
    assert not scoring.is_mql(lead, scoring.score(lead))  # non-MQL leads stay with marketing


def test_a_score_of_seventy_or_more_makes_an_mql_without_the_behaviour_example():
    scoring = parse_scoring(DEFAULT_SCORING)
    no_manual = {**HOT_LEAD, "behaviour": {**HOT_LEAD["behaviour"], "whitepaper_downloads": 0}}
    scored = scoring.score(no_manual)
    assert scored.score >= 70
    assert scoring.is_mql(no_manual, scored)
    low = Scored(score=69, points=scored.points)
    assert not scoring.is_mql(no_manual, low)


def test_is_mql_does_not_change_the_callers_lead():
    scoring = parse_scoring(DEFAULT_SCORING)
    lead = copy.deepcopy(HOT_LEAD)
    scoring.is_mql(lead, scoring.score(lead))
    assert lead == HOT_LEAD
    assert "score" not in lead


def too_many_dimensions() -> dict[str, Any]:
    return model(*({**VISITS, "key": f"d{i}"} for i in range(MAX_DIMENSIONS + 1)))


def with_dimension(**changes: Any) -> dict[str, Any]:
    return model(VISITS, {**PHONE, **changes})


BAD_WHEN = {"all": [{"field": "company.funding_round", "op": "gte", "value": "B"}]}


@pytest.mark.parametrize(
    ("spec", "path"),
    [
        ([], ""),
        ({"dimensions": [VISITS]}, "mql"),
        ({"mql": cmp("score", "gte", 70)}, "dimensions"),
        ({**model(VISITS), "threshold": 70}, "threshold"),
        (model(), "dimensions"),
        (too_many_dimensions(), "dimensions"),
        (model(VISITS, "phone"), "dimensions[1]"),
        (model(VISITS, {**PHONE, "key": "visits"}), "dimensions[1].key"),
        (with_dimension(key="Phone"), "dimensions[1].key"),
        (with_dimension(key="x" * 33), "dimensions[1].key"),
        (with_dimension(label=""), "dimensions[1].label"),
        (with_dimension(label="联" * 41), "dimensions[1].label"),
        (with_dimension(weight=0), "dimensions[1].weight"),
        (with_dimension(weight=10.5), "dimensions[1].weight"),
        (with_dimension(weight=True), "dimensions[1].weight"),
        (with_dimension(weight="2"), "dimensions[1].weight"),
        (with_dimension(weight=float("nan")), "dimensions[1].weight"),
        (with_dimension(bands=[]), "dimensions[1].bands"),
        (with_dimension(bands=[PHONE["bands"][0]] * 11), "dimensions[1].bands"),
        (with_dimension(bands=[{"points": 6, "when": BAD_WHEN}]), "dimensions[1].bands[0].points"),
        (with_dimension(bands=[{"points": 2.5, "when": {}}]), "dimensions[1].bands[0].points"),
        (with_dimension(bands=[{"points": 3}]), "dimensions[1].bands[0].when"),
        (with_dimension(bands=[{"points": 3, "when": {}}]), "dimensions[1].bands[0].when"),
        (
            with_dimension(bands=[PHONE["bands"][0], {"points": 3, "when": BAD_WHEN}]),
            "dimensions[1].bands[1].when.all[0].value",
        ),
        (model(VISITS, mql={"any": [{"not": {"bogus": 1}}]}), "mql.any[0].not"),
        ({**model(VISITS), "dimensions": [{**VISITS, "colour": "red"}]}, "dimensions[0].colour"),
    ],
)
def test_every_malformed_model_names_the_path_to_fix(spec, path):
    with pytest.raises(ScoringError) as caught:
        parse_scoring(spec)
    assert caught.value.path == path


def test_a_weight_of_exactly_ten_and_points_of_zero_are_allowed():
    spec = with_dimension(weight=10, bands=[{"points": 0, "when": PHONE["bands"][0]["when"]}])
    scored = parse_scoring(spec).score({"contact": {"has_phone": True}})
    assert scored.points == {"visits": 0, "phone": 0}
    assert scored.score == 0
