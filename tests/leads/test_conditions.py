"""Routing-rule conditions: what matches, and how a malformed rule is reported."""

from __future__ import annotations

import pytest

from api.leads.conditions import MAX_DEPTH, ConditionError, parse

LEAD = {
    "source": "website",
    "company": {"industry": "Education", "funding_stage": "C", "size": 320},
    "behaviour": {"dwell_seconds": 240, "pricing_page_visits": 3},
    "tags": ["renewal", "vip"],
    "budget": 250000,
}


def test_the_seed_documents_rule_matches_an_education_lead_with_funding_and_dwell():
    rule = parse(
        {
            "all": [
                {"field": "company.industry", "op": "eq", "value": "education"},
                {"field": "company.funding_stage", "op": "in", "value": ["B", "C", "D"]},
                {"field": "behaviour.dwell_seconds", "op": "gt", "value": 180},
            ]
        }
    )
    assert rule(LEAD)
    assert not rule({**LEAD, "behaviour": {"dwell_seconds": 90}})
    assert not rule({**LEAD, "company": {"industry": "Education", "funding_stage": "A"}})


@pytest.mark.parametrize(
    ("condition", "expected"),
    [
        ({"field": "budget", "op": "between", "value": [100000, 500000]}, True),
        ({"field": "budget", "op": "lt", "value": 100000}, False),
        ({"field": "company.size", "op": "gte", "value": 320}, True),
        ({"field": "tags", "op": "contains", "value": "VIP"}, True),
        ({"field": "source", "op": "ne", "value": "douyin"}, True),
        ({"field": "missing.field", "op": "ne", "value": "x"}, False),  # missing: no comparison
        (
            {
                "any": [
                    {"field": "source", "op": "eq", "value": "400"},
                    {"not": {"field": "budget", "op": "lt", "value": 1}},
                ]
            },
            True,
        ),
        ({"field": "company.industry", "op": "gt", "value": 3}, False),  # text is not a number
    ],
)
def test_operators(condition, expected):
    assert parse(condition)(LEAD) is expected


@pytest.mark.parametrize(
    ("condition", "path"),
    [
        ({"field": "x", "op": "like", "value": 1}, "op"),
        ({"field": "", "op": "eq", "value": 1}, "field"),
        ({"field": "a..b", "op": "eq", "value": 1}, "field"),
        ({"all": []}, "all"),
        ({"all": [{"field": "x", "op": "in", "value": "B"}]}, "all[0].value"),
        ({"field": "x", "op": "between", "value": [5, 1]}, "value"),
        ({"field": "x", "op": "gt", "value": True}, "value"),
        ({"field": "x", "op": "eq", "value": {"nested": 1}}, "value"),
        ({"any": [{"not": {"bogus": 1}}]}, "any[0].not"),
        ([], ""),
    ],
)
def test_malformed_conditions_name_the_part_to_fix(condition, path):
    with pytest.raises(ConditionError) as caught:
        parse(condition)
    assert caught.value.path == path


def test_trees_too_deep_or_too_large_are_refused():
    deep: dict[str, object] = {"field": "x", "op": "eq", "value": 1}
    for _ in range(MAX_DEPTH):
        deep = {"not": deep}
    with pytest.raises(ConditionError, match="deeper"):
        parse(deep)
    wide = {"any": [{"field": "x", "op": "eq", "value": i} for i in range(100)]}
    with pytest.raises(ConditionError, match="parts"):
        parse(wide)


def test_a_number_too_large_for_a_float_is_refused_with_its_path() -> None:
    with pytest.raises(ConditionError) as caught:
        parse({"all": [{"field": "budget", "op": "gt", "value": 10**400}]})
    assert caught.value.path == "all[0].value"
