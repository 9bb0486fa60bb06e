"""The routing decision: rules, actions, renewal boost, pool, gate, skills, industry, balance."""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.leads.conditions import parse
from api.leads.routing import (
    DEFAULT_RULE,
    MAX_LISTED,
    MAX_RULES,
    Outcome,
    Priority,
    Rep,
    RoutingRuleError,
    RuleSet,
    decide,
    parse_rules,
    simulate,
    to_json,
)

DOMAIN_RULE = {
    "name": "教育B轮高意向",
    "when": {
        "all": [
            {"field": "company.industry", "op": "eq", "value": "education"},
            {"field": "company.funding_round", "op": "gte", "value": 3},
            {"field": "behaviour.dwell_seconds", "op": "gt", "value": 180},
        ]
    },
    "actions": {"tags": ["high_intent"], "priority": "HIGH", "pool": "senior"},
    "skills": {"industries": ["education"], "languages": [], "serviceLevels": ["senior"]},
    "enabled": True,
}


def lead(**changes: Any) -> dict[str, Any]:
    """A full lead routing view; keyword arguments replace top-level fields."""
    data: dict[str, Any] = {
        "channel": "website",
        "campaign": "spring",
        "renewal": False,
        "product_line": "crm",
        "budget": 200000,
        "tags": ["web"],
        "priority": "NORMAL",
        "company": {
            "name": "星河教育",
            "industry": "education",
            "employees": 300,
            "funding_stage": "C",
            "funding_round": 3,
            "region": "east",
            "city": "上海",
        },
        "behaviour": {
            "pricing_page_visits": 2,
            "whitepaper_downloads": 1,
            "video_watch_seconds": 60,
            "dwell_seconds": 240,
        },
        "contact": {"has_phone": True, "has_email": True, "company_email": True, "language": "zh"},
        "score": 70,
        "mql": True,
    }
    data.update(changes)
    return data


def company(**changes: Any) -> dict[str, Any]:
    """The default lead's company with some fields replaced."""
    return {**lead()["company"], **changes}


def rep(rep_id: str, **changes: Any) -> Rep:
    """A rep of the default and senior pools who may receive any lead."""
    fields: dict[str, Any] = {
        "pools": frozenset({"default", "senior"}),
        "industries": frozenset(),
        "languages": frozenset({"zh"}),
        "service_level": "standard",
        "weight": 1.0,
        "capacity": 50,
        "open_leads": 0,
        "available": True,
        "receives_all": True,
        "receives_low_risk_renewal": False,
    }
    fields.update(changes)
    return Rep(id=rep_id, **fields)


def new_hire(rep_id: str, **changes: Any) -> Rep:
    """A week-1 rep: only low-risk renewals."""
    return rep(rep_id, receives_all=False, receives_low_risk_renewal=True, **changes)


def rules(*items: Mapping[str, Any], default_pool: str = "default") -> RuleSet:
    """A parsed rule set."""
    return parse_rules([dict(item) for item in items], default_pool=default_pool)


def named(name: str, when: Any = None, **actions: Any) -> dict[str, Any]:
    """A rule's JSON with a condition and actions."""
    item: dict[str, Any] = {"name": name, "actions": actions}
    if when is not None:
        item["when"] = when
    return item


def field_is(path: str, value: Any, op: str = "eq") -> dict[str, Any]:
    """A single comparison."""
    return {"field": path, "op": op, "value": value}


# Rule order and actions


def test_the_first_matching_rule_applies_and_later_matches_are_ignored():
    rule_set = rules(
        named("saas", field_is("company.industry", "saas"), pool="saas"),
        named("education", field_is("company.industry", "education"), pool="senior"),
        named("everyone", pool="default", tags=["late"]),
    )
    decision = decide(rule_set, lead(), [rep("a")], assigned={})
    assert (decision.rule_index, decision.rule_name, decision.pool) == (1, "education", "senior")
    assert "late" not in decision.tags


def test_a_disabled_rule_is_passed_over_even_when_it_matches():
    rule_set = rules(
        {**named("off", field_is("channel", "website"), pool="senior"), "enabled": False},
        named("on", field_is("channel", "website"), pool="default"),
    )
    decision = decide(rule_set, lead(), [rep("a")], assigned={})
    assert (decision.rule_index, decision.rule_name) == (1, "on")


def test_with_no_matching_rule_the_lead_keeps_its_priority_and_goes_to_the_default_pool():
    rule_set = rules(named("saas", field_is("company.industry", "saas"), pool="senior"))
    decision = decide(rule_set, lead(priority="HIGH"), [rep("a")], assigned={})
    assert decision.rule_index is None and decision.rule_name is None
    assert (decision.pool, decision.priority, decision.tags) == ("default", Priority.HIGH, ("web",))
    assert decision.explain()["rule"] is None


def test_a_lead_without_a_known_priority_is_normal():
    rule_set = rules(default_pool="inbound")
    reps = [rep("a", pools=frozenset({"inbound"}))]
    for own in (None, "whenever", 3):
        decision = decide(rule_set, lead(priority=own), reps, assigned={})
        assert (decision.priority, decision.pool, decision.rep_id) == (
            Priority.NORMAL,
            "inbound",
            "a",
        )


def test_a_rule_without_a_condition_matches_every_lead():
    rule_set = rules(named("catch all", pool="senior"))
    assert decide(rule_set, {}, [rep("a")], assigned={}).rule_name == "catch all"


def test_a_rule_adds_its_tags_after_the_leads_own_each_once():
    rule_set = rules(named("tagger", tags=["high_intent", "web", "edu"]))
    decision = decide(rule_set, lead(tags=["web", "vip", "web"]), [rep("a")], assigned={})
    assert decision.tags == ("web", "vip", "high_intent", "edu")


def test_a_rule_sets_the_priority_and_the_pool():
    rule_set = rules(named("hot", field_is("score", 60, "gte"), priority="URGENT", pool="senior"))
    reps = [rep("junior", pools=frozenset({"default"})), rep("senior", pools=frozenset({"senior"}))]
    decision = decide(rule_set, lead(priority="LOW"), reps, assigned={})
    assert (decision.priority, decision.pool, decision.rep_id) == (
        Priority.URGENT,
        "senior",
        "senior",
    )


def test_a_rule_without_a_pool_sends_to_the_default_pool_but_keeps_its_skill_requirements():
    rule_set = rules({**named("english", tags=["en"]), "skills": {"languages": ["EN"]}})
    reps = [rep("zh"), rep("en", languages=frozenset({"en"}))]
    decision = decide(rule_set, lead(), reps, assigned={})
    assert (decision.pool, decision.rep_id) == ("default", "en")


def test_the_domain_rule_sends_a_funded_engaged_education_lead_to_the_senior_pool_as_high():
    rule_set = rules(named("general", field_is("company.industry", "saas")), DOMAIN_RULE)
    reps = [
        rep("edu_senior", industries=frozenset({"education"}), service_level="senior"),
        rep("edu_standard", industries=frozenset({"education"})),
        rep("saas_senior", industries=frozenset({"saas"}), service_level="senior"),
        rep("outside", pools=frozenset({"default"}), service_level="senior"),
    ]
    decision = decide(rule_set, lead(), reps, assigned={})
    assert (decision.rule_index, decision.rule_name) == (1, "教育B轮高意向")
    assert (decision.priority, decision.pool) == (Priority.HIGH, "senior")
    assert decision.tags == ("web", "high_intent")
    assert (decision.rep_id, decision.outcome) == ("edu_senior", Outcome.ASSIGNED)
    assert decision.explain()["unskilled"] == ["edu_standard", "saas_senior"]

    for other in (
        lead(company=company(funding_round=2)),
        lead(behaviour={**lead()["behaviour"], "dwell_seconds": 180}),
        lead(company=company(industry="retail")),
    ):
        assert decide(rule_set, other, reps, assigned={}).pool == "default"


# Renewal boost


@pytest.mark.parametrize(
    ("own", "rule_priority", "expected", "raised"),
    [
        ("LOW", None, Priority.NORMAL, True),
        ("NORMAL", None, Priority.HIGH, True),
        ("LOW", "HIGH", Priority.URGENT, True),
        ("URGENT", None, Priority.URGENT, False),
        ("LOW", "URGENT", Priority.URGENT, False),
    ],
)
def test_a_renewal_is_raised_one_level_after_the_rule_capped_at_urgent(
    own: str, rule_priority: str | None, expected: Priority, raised: bool
):
    rule_set = rules(named("renewals", field_is("renewal", True), priority=rule_priority))
    decision = decide(rule_set, lead(renewal=True, priority=own), [rep("a")], assigned={})
    assert decision.priority is expected
    assert decision.explain()["renewalBoost"] is raised


def test_a_lead_that_is_not_a_renewal_gets_no_boost():
    decision = decide(rules(), lead(renewal=False, priority="LOW"), [rep("a")], assigned={})
    assert decision.priority is Priority.LOW
    assert decision.explain()["renewalBoost"] is False


def test_raising_a_priority_climbs_one_level_and_stops_at_urgent():
    assert [p.raised() for p in Priority] == [
        Priority.NORMAL,
        Priority.HIGH,
        Priority.URGENT,
        Priority.URGENT,
    ]


# Pool and exclusion


def test_only_reps_of_the_decisions_pool_are_candidates():
    rule_set = rules(named("senior", pool="senior"))
    reps = [
        rep("inbound", pools=frozenset({"default"})),
        rep("senior", pools=frozenset({"senior"})),
    ]
    decision = decide(rule_set, lead(), reps, assigned={"senior": 100})
    assert decision.rep_id == "senior"
    assert decision.explain()["pool"] == {"name": "senior", "candidates": 1}


def test_a_pool_nobody_belongs_to_is_no_rep_in_pool():
    rule_set = rules(named("vip", pool="vip"))
    decision = decide(rule_set, lead(), [rep("a"), rep("b")], assigned={})
    assert (decision.rep_id, decision.outcome) == (None, Outcome.NO_REP_IN_POOL)
    assert decision.explain()["chosen"] is None


def test_excluded_reps_are_passed_over_and_reported():
    reps = [rep("slept_on_it"), rep("other")]
    decision = decide(
        rules(), lead(), reps, assigned={"other": 9}, exclude=frozenset({"slept_on_it"})
    )
    assert decision.rep_id == "other"
    explained = decision.explain()
    assert (explained["excluded"], explained["excludedCount"]) == (["slept_on_it"], 1)
    assert explained["pool"]["candidates"] == 1


def test_when_every_rep_of_the_pool_is_excluded_nobody_is_in_the_pool():
    decision = decide(rules(), lead(), [rep("a")], assigned={}, exclude=frozenset({"a"}))
    assert decision.outcome is Outcome.NO_REP_IN_POOL


# Onboarding gate


def test_a_new_hire_receives_a_low_risk_renewal_but_never_a_normal_lead():
    rule_set = rules(named("safe renewals", field_is("renewal", True), tags=["low_risk"]))
    reps = [new_hire("week1"), rep("veteran")]
    low_risk = decide(rule_set, lead(renewal=True), reps, assigned={"veteran": 5})
    assert low_risk.rep_id == "week1"
    for _ in range(20):
        normal = decide(rule_set, lead(), reps, assigned={"veteran": 50})
        assert normal.rep_id == "veteran"
        assert normal.explain()["gated"] == ["week1"]


def test_a_normal_lead_with_only_new_hires_in_the_pool_is_no_rep_permitted():
    decision = decide(rules(), lead(), [new_hire("a"), new_hire("b")], assigned={})
    assert (decision.rep_id, decision.outcome) == (None, Outcome.NO_REP_PERMITTED)
    assert decision.explain()["gated"] == ["a", "b"]


def test_a_low_risk_tag_without_renewal_or_renewal_without_the_tag_is_not_for_new_hires():
    reps = [new_hire("week1")]
    for not_low_risk in (lead(renewal=True), lead(renewal=False, tags=["low_risk"])):
        decision = decide(rules(), not_low_risk, reps, assigned={})
        assert decision.outcome is Outcome.NO_REP_PERMITTED
    assert decide(rules(), lead(renewal=True, tags=["low_risk"]), reps, assigned={}).rep_id


def test_a_rep_without_either_permission_receives_nothing():
    nobody = rep("nobody", receives_all=False, receives_low_risk_renewal=False)
    decision = decide(rules(), lead(renewal=True, tags=["low_risk"]), [nobody], assigned={})
    assert decision.outcome is Outcome.NO_REP_PERMITTED


# Skills


@pytest.mark.parametrize(
    ("skills", "expected"),
    [
        ({"industries": ["Education", "saas"]}, {"edu_zh_senior", "edu_en_junior"}),
        ({"languages": ["en"]}, {"edu_en_junior", "retail_en_standard"}),
        ({"serviceLevels": ["senior", "standard"]}, {"edu_zh_senior", "retail_en_standard"}),
        ({"industries": ["education"], "languages": ["en"]}, {"edu_en_junior"}),
        ({"languages": ["en"], "serviceLevels": ["junior"]}, {"edu_en_junior"}),
        ({}, {"edu_zh_senior", "edu_en_junior", "retail_en_standard"}),
    ],
)
def test_hard_skills_need_a_shared_industry_a_shared_language_and_a_listed_level(
    skills: dict[str, Any], expected: set[str]
):
    rule_set = rules({**named("skilled"), "skills": skills})
    reps = [
        rep("edu_zh_senior", industries=frozenset({"education"}), service_level="senior"),
        rep(
            "edu_en_junior",
            industries=frozenset({"EDUCATION"}),
            languages=frozenset({"en"}),
            service_level="junior",
        ),
        rep(
            "retail_en_standard",
            industries=frozenset({"retail"}),
            languages=frozenset({"en", "zh"}),
        ),
    ]
    decision = decide(rule_set, lead(), reps, assigned={}, match_industry=False)
    explained = decision.explain()
    assert set(explained["eligible"]) == expected
    assert set(explained["unskilled"]) == {r.id for r in reps} - expected


def test_when_no_rep_has_the_skills_the_outcome_says_so():
    rule_set = rules({**named("japanese"), "skills": {"languages": ["ja"]}})
    decision = decide(rule_set, lead(), [rep("a"), new_hire("b")], assigned={})
    assert (decision.rep_id, decision.outcome) == (None, Outcome.NO_REP_WITH_SKILLS)
    assert decision.explain()["gated"] == ["b"]
    assert decision.explain()["unskilled"] == ["a"]


# Soft industry match


def test_reps_of_the_leads_industry_are_preferred_even_when_others_are_further_behind():
    reps = [rep("generalist"), rep("edu", industries=frozenset({"education"}))]
    decision = decide(rules(), lead(), reps, assigned={"edu": 40, "generalist": 0})
    assert decision.rep_id == "edu"
    assert decision.explain()["industry"] == {"wanted": "education", "fallback": False}
    assert decision.explain()["eligible"] == ["edu"]


def test_the_industry_compares_without_case_or_surrounding_spaces():
    reps = [rep("generalist"), rep("edu", industries=frozenset({"Education"}))]
    decision = decide(rules(), lead(company=company(industry=" EDUCATION ")), reps, assigned={})
    assert decision.rep_id == "edu"


@pytest.mark.parametrize(
    "specialist",
    [
        {"available": False},
        {"open_leads": 50, "capacity": 50},
        {"weight": 0.0},
    ],
)
def test_when_no_rep_of_the_industry_can_take_a_lead_all_reps_left_are_used_and_said_so(
    specialist: dict[str, Any],
):
    reps = [rep("generalist"), rep("edu", industries=frozenset({"education"}), **specialist)]
    decision = decide(rules(), lead(), reps, assigned={})
    assert (decision.rep_id, decision.outcome) == ("generalist", Outcome.ASSIGNED)
    assert decision.explain()["industry"] == {"wanted": "education", "fallback": True}


def test_without_industry_matching_or_without_an_industry_the_balance_alone_decides():
    reps = [rep("generalist"), rep("edu", industries=frozenset({"education"}))]
    busy = {"edu": 10}
    off = decide(rules(), lead(), reps, assigned=busy, match_industry=False)
    assert off.rep_id == "generalist"
    assert off.explain()["industry"] == {"wanted": None, "fallback": False}
    blank = decide(rules(), lead(company=company(industry="")), reps, assigned=busy)
    assert blank.rep_id == "generalist"
    assert blank.explain()["industry"] == {"wanted": None, "fallback": False}


# Balancing


def test_the_rep_furthest_behind_their_weighted_share_gets_the_lead():
    reps = [rep("a", weight=1.0), rep("b", weight=3.0)]
    decision = decide(rules(), lead(), reps, assigned={"a": 2, "b": 5})
    assert decision.rep_id == "b"  # (5 + 1) / 3 < (2 + 1) / 1


def test_when_every_candidate_is_absent_full_or_weightless_all_are_unavailable():
    reps = [
        rep("away", available=False),
        rep("full", open_leads=50, capacity=50),
        rep("none", weight=0.0),
    ]
    decision = decide(rules(), lead(company=company(industry="")), reps, assigned={})
    assert (decision.rep_id, decision.outcome) == (None, Outcome.ALL_UNAVAILABLE)
    assert decision.explain()["skipped"] == {
        "away": "ABSENT",
        "full": "AT_CAPACITY",
        "none": "ZERO_WEIGHT",
    }


# Explanation


def test_the_explanation_records_the_rule_each_step_and_the_figures_that_decided():
    rule_set = rules(named("general", field_is("channel", "douyin")), DOMAIN_RULE)
    reps = [
        rep("edu1", industries=frozenset({"education"}), service_level="senior", weight=1.5),
        rep("edu2", industries=frozenset({"education"}), service_level="senior", open_leads=4),
        rep("full", industries=frozenset({"education"}), service_level="senior", capacity=0),
        rep("generalist", service_level="senior"),
        rep("junior", industries=frozenset({"education"}), service_level="junior"),
        new_hire("week1", service_level="senior"),
        rep("slept", service_level="senior"),
        rep("inbound", pools=frozenset({"default"})),
    ]
    decision = decide(
        rule_set,
        lead(renewal=True),
        reps,
        assigned={"edu1": 3, "edu2": 1},
        exclude=frozenset({"slept"}),
    )
    assert decision.rep_id == "edu2"  # (1 + 1) / 1 < (3 + 1) / 1.5
    assert decision.priority is Priority.URGENT
    explained = decision.explain()
    assert explained == {
        "rule": {"index": 1, "name": "教育B轮高意向"},
        "actions": {"tags": ["high_intent"], "priority": "HIGH", "pool": "senior"},
        "tags": ["web", "high_intent"],
        "priority": "URGENT",
        "renewalBoost": True,
        "skills": {"industries": ["education"], "languages": [], "serviceLevels": ["senior"]},
        "industry": {"wanted": "education", "fallback": False},
        "pool": {"name": "senior", "candidates": 6},
        "excluded": ["slept"],
        "excludedCount": 1,
        "gated": ["week1"],
        "gatedCount": 1,
        "unskilled": ["generalist", "junior"],
        "unskilledCount": 2,
        "skipped": {"full": "AT_CAPACITY"},
        "skippedCount": 1,
        "eligible": ["edu1", "edu2"],
        "eligibleCount": 2,
        "chosen": {
            "rep": "edu2",
            "assignedBefore": 1,
            "weight": 1.0,
            "openLeads": 4,
            "capacity": 50,
        },
        "outcome": "ASSIGNED",
    }
    assert json.loads(json.dumps(explained, ensure_ascii=False)) == explained


def test_explained_lists_of_reps_stop_at_fifty_with_the_full_count_beside_them():
    reps = [new_hire(f"new{i:03d}") for i in range(70)]
    reps += [rep(f"away{i:03d}", available=False) for i in range(60)]
    reps += [rep(f"ok{i:03d}") for i in range(55)]
    explained = decide(rules(), lead(), reps, assigned={}).explain()
    assert len(explained["gated"]) == MAX_LISTED and explained["gatedCount"] == 70
    assert len(explained["skipped"]) == MAX_LISTED and explained["skippedCount"] == 60
    assert len(explained["eligible"]) == MAX_LISTED and explained["eligibleCount"] == 55
    assert explained["chosen"]["rep"] == "ok000"


# The shortcut past rules that cannot match


CONDITIONS = st.one_of(
    st.builds(
        field_is,
        st.sampled_from(["company.industry", "channel", "contact.language"]),
        st.sampled_from(["education", "EDUCATION", "Website", "ZH"]),
        st.sampled_from(["eq", "ne", "contains"]),
    ),
    st.builds(
        lambda path, values: field_is(path, values, "in"),
        st.sampled_from(["company.industry", "channel", "missing.field"]),
        st.lists(st.sampled_from(["Education", "saas", "WEBSITE", "x"]), min_size=1, max_size=3),
    ),
    st.builds(
        field_is,
        st.sampled_from(["score", "budget", "renewal", "behaviour.dwell_seconds"]),
        st.sampled_from([-1, 0, 1, 50, 180, 240]),
        st.sampled_from(["gt", "gte", "lt", "lte", "eq"]),
    ),
    st.builds(
        lambda path, low, high: field_is(path, [min(low, high), max(low, high)], "between"),
        st.sampled_from(["score", "renewal", "company.industry"]),
        st.sampled_from([0, 1, 50, 100]),
        st.sampled_from([0, 1, 50, 100]),
    ),
)
TREES = st.recursive(
    CONDITIONS,
    lambda inner: st.one_of(
        st.builds(lambda parts: {"all": parts}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda parts: {"any": parts}, st.lists(inner, min_size=1, max_size=3)),
        st.builds(lambda part: {"not": part}, inner),
    ),
    max_leaves=6,
)
LEADS = st.builds(
    lambda industry, channel, score, renewal, budget, dwell, language: lead(
        channel=channel,
        score=score,
        renewal=renewal,
        budget=budget,
        company=company(industry=industry),
        behaviour={"dwell_seconds": dwell},
        contact={"language": language},
    ),
    st.sampled_from(["education", "Education", "saas", "", None, 3]),
    st.sampled_from(["website", "WEBSITE", "douyin"]),
    st.one_of(st.sampled_from([-1, 0, 1, 50, 100]), st.floats(-1, 101), st.booleans()),
    st.one_of(st.booleans(), st.sampled_from([0, 1])),
    st.one_of(st.none(), st.sampled_from([0, 50, 51])),
    st.sampled_from([179, 180, 240, "240"]),
    st.sampled_from(["zh", "ZH", "en"]),
)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.tuples(st.one_of(CONDITIONS, TREES), st.booleans()), min_size=1, max_size=4), LEADS
)
def test_the_rule_chosen_is_always_the_first_enabled_one_whose_condition_holds(
    conditions: list[tuple[dict[str, Any], bool]], data: dict[str, Any]
):
    items = [
        {"name": f"rule {i}", "when": when, "enabled": enabled}
        for i, (when, enabled) in enumerate(conditions)
    ]
    expected = next(
        (i for i, (when, enabled) in enumerate(conditions) if enabled and parse(when)(data)),
        None,
    )
    assert decide(parse_rules(items), data, [rep("a")], assigned={}).rule_index == expected


def test_text_rules_match_whatever_the_case_and_number_rules_ignore_text_and_booleans():
    rule_set = rules(
        named("upper", field_is("company.industry", "EDUCATION")),
        named("listed", field_is("channel", ["WebSite", "douyin"], "in")),
        named("scored", field_is("score", 50, "gte")),
    )
    reps = [rep("a")]
    assert decide(rule_set, lead(), reps, assigned={}).rule_name == "upper"
    other = lead(company=company(industry="saas"))
    assert decide(rule_set, other, reps, assigned={}).rule_name == "listed"
    assert decide(rule_set, {**other, "channel": "x"}, reps, assigned={}).rule_name == "scored"
    for score in ("90", True, None):
        unscored = {**other, "channel": "x", "score": score}
        assert decide(rule_set, unscored, reps, assigned={}).rule_name is None


@pytest.mark.parametrize(
    ("op", "value", "matches"),
    [
        ("gte", 70, True),
        ("gt", 70, False),
        ("gt", 69.5, True),
        ("lte", 70, True),
        ("lt", 70, False),
        ("eq", 70, True),
        ("between", [70, 70], True),
        ("between", [0, 69.5], False),
        ("between", [70.5, 100], False),
    ],
)
def test_number_rules_match_at_their_boundaries_exactly_as_the_condition_does(
    op: str, value: Any, matches: bool
):
    condition = field_is("score", value, op)
    rule_set = rules(named("number", condition), named("otherwise"))
    decision = decide(rule_set, lead(score=70), [rep("a")], assigned={})
    assert decision.rule_name == ("number" if matches else "otherwise")
    assert parse(condition)(lead(score=70)) is matches


# Validation


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"rules": 1}, "rules"),
        ([1], "rules[0]"),
        ([{"name": "a", "colour": "red"}], "rules[0].colour"),
        ([{"name": ""}], "rules[0].name"),
        ([{"name": "x" * 61}], "rules[0].name"),
        ([{"name": DEFAULT_RULE}], "rules[0].name"),
        ([{"name": "a"}, {"name": "b"}, {"name": " A "}], "rules[2].name"),
        ([{"name": "a", "enabled": "yes"}], "rules[0].enabled"),
        ([{"name": "a", "actions": []}], "rules[0].actions"),
        ([{"name": "a", "actions": {"route": "x"}}], "rules[0].actions.route"),
        ([{"name": "a", "actions": {"tags": ["ok", "Not Ok"]}}], "rules[0].actions.tags[1]"),
        ([{"name": "a", "actions": {"tags": ["a", "a"]}}], "rules[0].actions.tags[1]"),
        (
            [{"name": "a", "actions": {"tags": [f"t{i}" for i in range(11)]}}],
            "rules[0].actions.tags",
        ),
        ([{"name": "a", "actions": {"tags": ["x" * 33]}}], "rules[0].actions.tags[0]"),
        ([{"name": "a", "actions": {"priority": "high"}}], "rules[0].actions.priority"),
        ([{"name": "a", "actions": {"pool": "高级"}}], "rules[0].actions.pool"),
        ([{"name": "a", "skills": {"levels": []}}], "rules[0].skills.levels"),
        ([{"name": "a", "skills": {"industries": "education"}}], "rules[0].skills.industries"),
        ([{"name": "a", "skills": {"languages": ["en", " "]}}], "rules[0].skills.languages[1]"),
        (
            [{"name": "a", "skills": {"serviceLevels": ["expert"]}}],
            "rules[0].skills.serviceLevels[0]",
        ),
        ([{"name": "a", "when": []}], "rules[0].when"),
        (
            [
                {"name": "a"},
                {"name": "b", "when": {"all": [{"field": "x", "op": "like", "value": 1}]}},
            ],
            "rules[1].when.all[0].op",
        ),
        (
            [{"name": "a", "when": {"not": {"field": "score", "op": "between", "value": [5, 1]}}}],
            "rules[0].when.not.value",
        ),
    ],
)
def test_a_malformed_rule_set_names_the_json_path_to_fix(data: Any, path: str):
    with pytest.raises(RoutingRuleError) as raised:
        parse_rules(data)
    assert raised.value.path == path
    assert raised.value.reason
    assert str(raised.value).startswith(path)


def test_at_most_five_hundred_rules_are_accepted():
    parse_rules([{"name": f"r{i}"} for i in range(MAX_RULES)])
    with pytest.raises(RoutingRuleError) as raised:
        parse_rules([{"name": f"r{i}"} for i in range(MAX_RULES + 1)])
    assert raised.value.path == "rules"


def test_the_default_pool_must_be_a_slug():
    with pytest.raises(RoutingRuleError) as raised:
        parse_rules([], default_pool="Default Pool")
    assert raised.value.path == "defaultPool"


def test_a_rule_set_keeps_the_json_it_was_parsed_from_untouched_by_later_edits():
    data = [dict(DOMAIN_RULE)]
    rule_set = parse_rules(data)
    data[0]["name"] = "changed"
    assert rule_set.source == [DOMAIN_RULE]
    assert rule_set.rules[0].name == "教育B轮高意向"


# Canonical JSON


def test_to_json_writes_every_field_canonically_and_reads_back_the_same():
    rule_set = rules(
        DOMAIN_RULE,
        {"name": " bare "},
        {
            "name": "langs",
            "actions": {"pool": "intl"},
            "skills": {"languages": ["EN", "ja"], "serviceLevels": ["senior", "junior"]},
            "enabled": False,
        },
    )
    written = to_json(rule_set)
    assert written[0] == DOMAIN_RULE
    assert written[1] == {
        "name": "bare",
        "when": None,
        "actions": {"tags": [], "priority": None, "pool": None},
        "skills": {"industries": [], "languages": [], "serviceLevels": []},
        "enabled": True,
    }
    assert written[2]["skills"] == {
        "industries": [],
        "languages": ["en", "ja"],
        "serviceLevels": ["junior", "senior"],
    }
    assert to_json(parse_rules(json.loads(json.dumps(written)))) == written


SLUGS = st.from_regex(r"[a-z0-9_-]{1,32}", fullmatch=True)
RULES_JSON = st.lists(
    st.fixed_dictionaries(
        {"name": st.text(min_size=1, max_size=60).filter(lambda s: s.strip())},
        optional={
            "when": st.one_of(st.none(), TREES),
            "actions": st.fixed_dictionaries(
                {},
                optional={
                    "tags": st.lists(SLUGS, max_size=10, unique=True),
                    "priority": st.one_of(st.none(), st.sampled_from(list(Priority))),
                    "pool": st.one_of(st.none(), SLUGS),
                },
            ),
            "skills": st.fixed_dictionaries(
                {},
                optional={
                    "industries": st.lists(
                        st.sampled_from(["Education", "saas", "零售"]), max_size=10
                    ),
                    "languages": st.lists(st.sampled_from(["zh", "EN"]), max_size=10),
                    "serviceLevels": st.lists(
                        st.sampled_from(["junior", "standard", "senior"]), max_size=10
                    ),
                },
            ),
            "enabled": st.booleans(),
        },
    ),
    max_size=6,
    unique_by=lambda item: str(item["name"]).strip().casefold(),
)


@settings(max_examples=200, deadline=None)
@given(RULES_JSON)
def test_any_valid_rule_set_round_trips_through_its_canonical_json(data: list[dict[str, Any]]):
    written = to_json(parse_rules(data))
    assert to_json(parse_rules(written)) == written
    assert [item["name"] for item in written] == [item["name"].strip() for item in data]


# Dry run


def mixed_leads(count: int, seed: int) -> list[dict[str, Any]]:
    """Leads of several industries, channels and renewal states."""
    rng = random.Random(seed)
    return [
        lead(
            channel=rng.choice(["website", "douyin", "wechat"]),
            renewal=rng.random() < 0.2,
            company=company(industry=rng.choice(["education", "saas", "retail", ""])),
        )
        for _ in range(count)
    ]


def test_ten_thousand_simulated_leads_follow_the_weights_within_three_points():
    weights = {"r1": 1.0, "r2": 1.0, "r3": 2.0, "r4": 3.0, "r5": 1.5, "r6": 0.5}
    open_leads = {"r1": 0, "r2": 7, "r3": 3, "r4": 0, "r5": 12, "r6": 1}
    reps = [rep(r, weight=w, capacity=20_000, open_leads=open_leads[r]) for r, w in weights.items()]
    result = simulate(rules(), mixed_leads(10_000, seed=1), reps)
    assert (result.total, result.unassigned) == (10_000, 0)
    total = sum(weights.values())
    for r, weight in weights.items():
        assert abs(result.per_rep[r] / 10_000 - weight / total) <= 0.03, r
        assert open_leads[r] + result.per_rep[r] <= 20_000
    assert result.max_share == max(result.per_rep.values()) / 10_000
    assert reps[1].open_leads == 7  # the dry run changes nothing it was given


def test_simulated_capacity_is_a_hard_limit_and_the_overflow_is_unassigned():
    capacity = {"r1": 300, "r2": 500, "r3": 1_000, "r4": 200}
    reps = [
        rep(r, weight=float(i + 1), capacity=c, open_leads=50)
        for i, (r, c) in enumerate(capacity.items())
    ]
    result = simulate(rules(), mixed_leads(10_000, seed=2), reps)
    room = sum(c - 50 for c in capacity.values())
    for r, c in capacity.items():
        assert result.per_rep[r] == c - 50
    assert result.unassigned == 10_000 - room
    assert result.per_outcome[Outcome.ALL_UNAVAILABLE] == 10_000 - room
    assert result.per_outcome[Outcome.ASSIGNED] == room


def test_a_full_rep_stops_receiving_while_the_others_keep_sharing_by_weight():
    reps = [rep("small", capacity=100), rep("a", capacity=20_000), rep("b", capacity=20_000)]
    result = simulate(rules(), mixed_leads(10_000, seed=3), reps)
    assert result.per_rep["small"] == 100
    assert abs(result.per_rep["a"] - result.per_rep["b"]) <= 1
    assert result.unassigned == 0


@pytest.mark.parametrize("count", [10, 37, 100, 1_000, 10_000])
def test_three_of_ten_equal_reps_never_hold_68_percent_of_the_pool(count: int):
    reps = [rep(f"r{i}", capacity=20_000) for i in range(10)]
    result = simulate(rules(), mixed_leads(count, seed=4), reps)
    counts = sorted(result.per_rep.values(), reverse=True)
    assert sum(counts[:3]) / count < 0.68
    assert counts[0] - counts[-1] <= 1  # equal weights: an even spread


def test_a_simulation_counts_leads_per_rule_and_outcome_and_starts_from_the_given_counts():
    rule_set = rules(
        named("douyin", field_is("channel", "douyin"), pool="senior"),
        named("nobody", field_is("channel", "wechat"), pool="vip"),
        named("never", field_is("channel", "fax")),
    )
    reps = [rep("a"), rep("b")]
    leads = [lead(channel=c) for c in ["douyin", "wechat", "website", "douyin", "website"]]
    result = simulate(rule_set, leads, reps, assigned={"a": 10})
    assert result.per_rule == {"douyin": 2, "nobody": 1, "never": 0, DEFAULT_RULE: 2}
    assert result.per_outcome[Outcome.ASSIGNED] == 4
    assert result.per_outcome[Outcome.NO_REP_IN_POOL] == 1
    assert result.per_rep == {"a": 0, "b": 4}
    assert (result.unassigned, result.total, result.max_share) == (1, 5, 1.0)


def test_an_empty_simulation_assigns_nothing():
    result = simulate(rules(), [], [rep("a")])
    assert (result.total, result.unassigned, result.max_share) == (0, 0, 0.0)


def test_a_simulation_refuses_two_reps_with_one_id():
    with pytest.raises(ValueError, match="unique"):
        simulate(rules(), [lead()], [rep("a"), rep("a")])


def test_a_rep_keeps_industries_languages_and_level_case_folded():
    folded = rep(
        "a", industries=frozenset({"EDU"}), languages=frozenset({"En"}), service_level="Senior"
    )
    assert (folded.industries, folded.languages, folded.service_level) == (
        frozenset({"edu"}),
        frozenset({"en"}),
        "senior",
    )
