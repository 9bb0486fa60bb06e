"""The routing decision: which rule applies to a lead, which pool it goes to, and which rep gets it.

An admin keeps an ordered list of rules (JSON, see :func:`parse_rules`); each rule has an
optional condition on any lead field (:mod:`api.leads.conditions`), actions (tags to add, a
priority, a pool) and skill requirements. :func:`decide` takes a lead's routing view, the rules
and the reps, and returns a :class:`Decision` whose :meth:`Decision.explain` is stored with the
assignment. The semantics, in order:

1. Rules are tried in order; the first *enabled* rule whose condition holds (no condition: every
   lead) applies its actions (tags added, priority set, pool chosen) and its skill requirements.
   No match: the lead keeps its own priority (NORMAL when it has none), goes to the rule set's
   default pool, and has no skill requirement.
2. Renewal boost: a lead with ``renewal: true`` gets its priority (after the rule's actions)
   raised one level, capped at URGENT. Pass the lead's own priority, not one a previous decision
   returned, or a re-routed renewal is raised twice.
3. Candidates are the reps whose pools contain the decision's pool, minus ``exclude`` (reps who
   already had this lead and let it sleep); those are reported as excluded.
4. Onboarding gate: a *low-risk renewal* (``renewal`` true and the tag ``low_risk`` after the
   actions) may go to reps holding ``leads.all`` or ``leads.renewal_low_risk``; any other lead
   only to reps holding ``leads.all``. Gated reps are reported.
5. Hard skills: when the rule requires industries, languages or service levels, a rep must share
   at least one required industry, at least one required language and have a listed service
   level (each only when required). Industries and languages compare case-insensitively.
   Unskilled reps are reported.
6. Soft industry match (``match_industry`` and a non-empty ``company.industry``): among the reps
   left, those whose industries contain the lead's industry are preferred when at least one of
   them can take a lead (available, weight > 0, below capacity); otherwise all reps left are used
   and ``industry_fallback`` is recorded.
7. :func:`api.leads.balancing.choose` picks the rep (load-aware weighted round robin over the
   period's ``assigned`` counts). When nobody is found, the outcome says at which step the last
   rep dropped out.

:func:`simulate` is the dry run an admin sees before saving rules. Everything here is pure: no
I/O, no ORM. Speed: a rule set is parsed once and reused; alongside each rule it keeps
*guards*, necessary pre-checks read from the condition's source (string ``eq``/``in`` and
numeric comparisons joined by ``all``) and evaluated against lead fields looked up once per
decision, so a rule that cannot match is passed over without running its condition; rules with
a text guard are indexed by its texts, so only those naming the lead's value are looked at.
Reps carry their balancing candidate, built once. Explanations are assembled only when
:meth:`Decision.explain` is called.
"""

from __future__ import annotations

import copy
import math
import operator
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any

from api.leads.balancing import Candidate, Choice, choose
from api.leads.conditions import Condition, ConditionError, lookup, parse

MAX_RULES = 500
MAX_NAME = 60
MAX_TAGS = 10
MAX_SKILL_VALUES = 50
MAX_SKILL_LENGTH = 64
MAX_LISTED = 50
SERVICE_LEVELS = ("junior", "standard", "senior")
LOW_RISK_TAG = "low_risk"
DEFAULT_RULE = "(default)"
EXCLUDED = "EXCLUDED"
_SLUG = re.compile(r"[a-z0-9_-]{1,32}")
_RULE_KEYS = frozenset({"name", "when", "actions", "skills", "enabled"})
_ACTION_KEYS = frozenset({"tags", "priority", "pool"})
_SKILL_KEYS = frozenset({"industries", "languages", "serviceLevels"})


class Priority(StrEnum):
    LOW = "LOW"
    NORMAL = "NORMAL"
    HIGH = "HIGH"
    URGENT = "URGENT"

    def raised(self) -> Priority:
        """One level higher, capped at URGENT."""
        order = tuple(Priority)
        return order[min(order.index(self) + 1, len(order) - 1)]


_PRIORITIES = {p.value: p for p in Priority}


class RoutingRuleError(ValueError):
    """A rule set is malformed; ``path`` names the part to fix (``rules[3].when.all[0].op``)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class Outcome(StrEnum):
    ASSIGNED = "ASSIGNED"
    NO_REP_IN_POOL = "NO_REP_IN_POOL"
    NO_REP_PERMITTED = "NO_REP_PERMITTED"
    NO_REP_WITH_SKILLS = "NO_REP_WITH_SKILLS"
    ALL_UNAVAILABLE = "ALL_UNAVAILABLE"


@dataclass(frozen=True, slots=True)
class Skills:
    """A rule's hard requirements on reps; an empty set asks nothing."""

    industries: frozenset[str] = frozenset()  # case-folded
    languages: frozenset[str] = frozenset()  # case-folded
    service_levels: frozenset[str] = frozenset()  # of SERVICE_LEVELS


NO_SKILLS = Skills()


@dataclass(frozen=True, slots=True)
class Rule:
    """One routing rule: when its condition holds, its actions and skills apply."""

    name: str
    condition: Condition | None  # None: matches every lead
    tags: tuple[str, ...]
    priority: Priority | None
    pool: str | None
    skills: Skills
    enabled: bool = True


_Probe = tuple[str | None, float | None]  # a lead field, case-folded if text, float if number
_Check = Callable[[_Probe], bool]
_Guard = tuple[str, _Check, frozenset[str] | None]  # field, check, the texts it allows
_Entry = tuple[int, Rule, tuple[tuple[int, _Check], ...]]  # rule index, rule, guards on fields


@dataclass(frozen=True, slots=True)
class _Plan:
    """Enabled rules with their guards, the lead fields the guards read, and a text index."""

    fields: tuple[tuple[str, ...], ...]
    entries: tuple[_Entry, ...]
    unkeyed: tuple[int, ...]  # entries without a text guard
    keyed: Mapping[tuple[int, str], tuple[int, ...]]  # (field, text) -> entries it lets through


@dataclass(frozen=True, slots=True)
class RuleSet:
    """Parsed rules, reused across many decisions."""

    rules: tuple[Rule, ...]
    default_pool: str
    source: list[dict[str, Any]] = field(default_factory=list, compare=False, repr=False)
    _plan: _Plan = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_plan", _make_plan(self.rules))


@dataclass(frozen=True, slots=True)
class Rep:
    """A rep as routing sees them; industries and languages are kept case-folded."""

    id: str
    pools: frozenset[str]
    industries: frozenset[str]
    languages: frozenset[str]
    service_level: str
    weight: float
    capacity: int
    open_leads: int
    available: bool
    receives_all: bool  # holds the permission leads.all
    receives_low_risk_renewal: bool  # holds leads.renewal_low_risk (week-1 new hires)
    candidate: Candidate = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        folded = _folded(self.industries), _folded(self.languages)
        object.__setattr__(self, "industries", folded[0])
        object.__setattr__(self, "languages", folded[1])
        object.__setattr__(self, "service_level", self.service_level.casefold())
        candidate = Candidate(
            self.id, self.weight, self.open_leads, self.capacity, available=self.available
        )
        object.__setattr__(self, "candidate", candidate)


@dataclass(frozen=True, slots=True)
class Trace:
    """What a decision saw at each step; turned into JSON only by ``Decision.explain``."""

    rule: Rule | None
    renewal_boost: bool
    skills: Skills
    industry: str | None  # the preferred industry, None when not matched on
    industry_fallback: bool
    candidates: int
    excluded: Sequence[str]
    gated: Sequence[str]
    unskilled: Sequence[str]
    considered: Sequence[Candidate]  # what balancing chose among
    choice: Choice


@dataclass(frozen=True, slots=True)
class Decision:
    """Where a lead goes and why."""

    rule_index: int | None
    rule_name: str | None
    tags: tuple[str, ...]  # the lead's tags, then the rule's, de-duplicated
    priority: Priority
    pool: str
    rep_id: str | None
    outcome: Outcome
    trace: Trace = field(compare=False, repr=False)

    def explain(self) -> dict[str, Any]:
        """The JSON-ready explanation stored with the assignment."""
        t = self.trace
        skipped = list(t.choice.skipped.items())
        return {
            "rule": None if t.rule is None else {"index": self.rule_index, "name": self.rule_name},
            "actions": None if t.rule is None else _actions_json(t.rule),
            "tags": list(self.tags),
            "priority": self.priority.value,
            "renewalBoost": t.renewal_boost,
            "skills": _skills_json(t.skills),
            "industry": {"wanted": t.industry, "fallback": t.industry_fallback},
            "pool": {"name": self.pool, "candidates": t.candidates},
            **_listed("excluded", t.excluded),
            **_listed("gated", t.gated),
            **_listed("unskilled", t.unskilled),
            "skipped": {rep: str(why) for rep, why in skipped[:MAX_LISTED]},
            "skippedCount": len(skipped),
            **_listed("eligible", t.choice.eligible),
            "chosen": _chosen_json(t),
            "outcome": self.outcome.value,
        }


@dataclass(frozen=True, slots=True)
class Simulation:
    """A dry run's totals."""

    per_rep: dict[str, int]  # every rep, 0 included
    per_rule: dict[str, int]  # every rule by name, and DEFAULT_RULE
    per_outcome: dict[Outcome, int]  # every outcome
    unassigned: int
    total: int
    max_share: float  # the largest rep share of the assigned leads (0.0 when none)


# Parsing


def parse_rules(data: Any, *, default_pool: str = "default") -> RuleSet:
    """Parse and validate an ordered rule list; raises RoutingRuleError."""
    if not isinstance(default_pool, str) or not _SLUG.fullmatch(default_pool):
        raise RoutingRuleError("defaultPool", "must be a slug of a-z, 0-9, _ or -, 1 to 32 long")
    if not isinstance(data, list):
        raise RoutingRuleError("rules", "must be a list")
    if len(data) > MAX_RULES:
        raise RoutingRuleError("rules", f"at most {MAX_RULES} rules")
    rules: list[Rule] = []
    names: set[str] = set()
    for i, item in enumerate(copy.deepcopy(data)):
        rule = _rule(item, f"rules[{i}]")
        key = rule.name.casefold()
        if key in names:
            raise RoutingRuleError(f"rules[{i}].name", "another rule has this name")
        names.add(key)
        rules.append(rule)
    return RuleSet(tuple(rules), default_pool, copy.deepcopy(data))


def to_json(rule_set: RuleSet) -> list[dict[str, Any]]:
    """The canonical JSON of the rules; ``parse_rules`` reads it back unchanged."""
    return [
        {
            "name": rule.name,
            "when": None if rule.condition is None else copy.deepcopy(rule.condition.source),
            "actions": _actions_json(rule),
            "skills": _skills_json(rule.skills),
            "enabled": rule.enabled,
        }
        for rule in rule_set.rules
    ]


def _rule(item: Any, path: str) -> Rule:
    """One rule from its JSON object."""
    _object(item, path, _RULE_KEYS)
    actions = item.get("actions")
    actions = {} if actions is None else actions
    _object(actions, f"{path}.actions", _ACTION_KEYS)
    enabled = item.get("enabled", True)
    if not isinstance(enabled, bool):
        raise RoutingRuleError(f"{path}.enabled", "must be true or false")
    return Rule(
        name=_name(item.get("name"), f"{path}.name"),
        condition=_condition(item.get("when"), f"{path}.when"),
        tags=_tags(actions.get("tags"), f"{path}.actions.tags"),
        priority=_priority(actions.get("priority"), f"{path}.actions.priority"),
        pool=_pool(actions.get("pool"), f"{path}.actions.pool"),
        skills=_skills(item.get("skills"), f"{path}.skills"),
        enabled=enabled,
    )


def _object(value: Any, path: str, keys: Iterable[str]) -> None:
    """Refuse anything but an object whose keys are all known."""
    if not isinstance(value, Mapping):
        raise RoutingRuleError(path, "must be an object")
    allowed = frozenset(keys)
    for key in value:
        if key not in allowed:
            known = ", ".join(sorted(allowed))
            raise RoutingRuleError(f"{path}.{key}", f"unknown key; allowed: {known}")


def _name(value: Any, path: str) -> str:
    """A rule name: 1 to MAX_NAME characters, not the reserved default label."""
    if not isinstance(value, str) or not value.strip() or len(value.strip()) > MAX_NAME:
        raise RoutingRuleError(path, f"must be text of 1 to {MAX_NAME} characters")
    if value.strip() == DEFAULT_RULE:
        raise RoutingRuleError(path, f"{DEFAULT_RULE} is reserved for leads no rule matched")
    return value.strip()


def _condition(value: Any, path: str) -> Condition | None:
    """The parsed condition, None when absent."""
    if value is None:
        return None
    try:
        return parse(value)
    except ConditionError as error:
        where = f"{path}.{error.path}" if error.path else path
        raise RoutingRuleError(where, error.reason) from error


def _tags(value: Any, path: str) -> tuple[str, ...]:
    """Up to MAX_TAGS distinct slugs."""
    if value is None:
        return ()
    if not isinstance(value, list) or len(value) > MAX_TAGS:
        raise RoutingRuleError(path, f"must be a list of at most {MAX_TAGS} tags")
    for j, tag in enumerate(value):
        if not isinstance(tag, str) or not _SLUG.fullmatch(tag):
            raise RoutingRuleError(f"{path}[{j}]", "must be a slug of a-z, 0-9, _ or -, 1 to 32")
        if tag in value[:j]:
            raise RoutingRuleError(f"{path}[{j}]", "listed twice")
    return tuple(value)


def _priority(value: Any, path: str) -> Priority | None:
    """One of the Priority values, None when absent."""
    if value is None:
        return None
    if not isinstance(value, str) or value not in _PRIORITIES:
        raise RoutingRuleError(path, f"must be one of {', '.join(_PRIORITIES)}")
    return _PRIORITIES[value]


def _pool(value: Any, path: str) -> str | None:
    """A pool slug, None when absent."""
    if value is None:
        return None
    if not isinstance(value, str) or not _SLUG.fullmatch(value):
        raise RoutingRuleError(path, "must be a slug of a-z, 0-9, _ or -, 1 to 32 long")
    return value


def _skills(value: Any, path: str) -> Skills:
    """A rule's skill requirements."""
    if value is None:
        return NO_SKILLS
    _object(value, path, _SKILL_KEYS)
    found = {key: _words(value.get(key), f"{path}.{key}") for key in _SKILL_KEYS}
    for j, level in enumerate(found["serviceLevels"]):
        if level not in SERVICE_LEVELS:
            where = f"{path}.serviceLevels[{j}]"
            raise RoutingRuleError(where, f"must be one of {', '.join(SERVICE_LEVELS)}")
    return Skills(
        frozenset(found["industries"]),
        frozenset(found["languages"]),
        frozenset(found["serviceLevels"]),
    )


def _words(value: Any, path: str) -> list[str]:
    """A list of short non-blank texts, case-folded."""
    if value is None:
        return []
    if not isinstance(value, list) or len(value) > MAX_SKILL_VALUES:
        raise RoutingRuleError(path, f"must be a list of at most {MAX_SKILL_VALUES} values")
    for j, word in enumerate(value):
        if not isinstance(word, str) or not word.strip() or len(word) > MAX_SKILL_LENGTH:
            raise RoutingRuleError(f"{path}[{j}]", f"must be text of 1 to {MAX_SKILL_LENGTH}")
    return [word.strip().casefold() for word in value]


def _actions_json(rule: Rule) -> dict[str, Any]:
    """A rule's actions as JSON."""
    priority = None if rule.priority is None else rule.priority.value
    return {"tags": list(rule.tags), "priority": priority, "pool": rule.pool}


def _skills_json(skills: Skills) -> dict[str, list[str]]:
    """Skill requirements as JSON, each list sorted."""
    return {
        "industries": sorted(skills.industries),
        "languages": sorted(skills.languages),
        "serviceLevels": [level for level in SERVICE_LEVELS if level in skills.service_levels],
    }


def _folded(words: frozenset[str]) -> frozenset[str]:
    """The set case-folded (the same object when it already is)."""
    if all(word == word.casefold() for word in words):
        return words
    return frozenset(word.casefold() for word in words)


# Guards: necessary pre-checks read from a condition's source


def _make_plan(rules: Sequence[Rule]) -> _Plan:
    """The enabled rules in order with their guards; each indexed by its first text guard."""
    fields: dict[str, int] = {}
    entries: list[_Entry] = []
    unkeyed: list[int] = []
    keyed: dict[tuple[int, str], list[int]] = {}
    for index, rule in enumerate(rules):
        if not rule.enabled:
            continue
        found = [] if rule.condition is None else _guards(rule.condition.source)
        at = [fields.setdefault(name, len(fields)) for name, _, _ in found]
        texts = [(at[i], words) for i, (_, _, words) in enumerate(found) if words is not None]
        if texts:
            for word in texts[0][1]:
                keyed.setdefault((texts[0][0], word), []).append(len(entries))
        else:
            unkeyed.append(len(entries))
        entries.append((index, rule, tuple(zip(at, (check for _, check, _ in found), strict=True))))
    return _Plan(
        fields=tuple(tuple(name.split(".")) for name in fields),
        entries=tuple(entries),
        unkeyed=tuple(unkeyed),
        keyed={key: tuple(value) for key, value in keyed.items()},
    )


def _guards(source: Any) -> list[_Guard]:
    """Comparisons that must hold for the condition to hold: the top one or those under "all"."""
    if not isinstance(source, Mapping):
        return []
    if set(source) == {"all"}:
        return [guard for part in source["all"] for guard in _guards(part)]
    if set(source) == {"field", "op", "value"}:
        guard = _guard(source["field"], source["op"], source["value"])
        return [] if guard is None else [guard]
    return []


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


def _guard(name: str, op: str, value: Any) -> _Guard | None:
    """The guard of one comparison, None when it has none (the condition decides alone)."""
    if op in ("eq", "in"):
        options = value if op == "in" else [value]
        if not all(isinstance(option, str) for option in options):
            return None
        words = frozenset(option.casefold() for option in options)
        return name, lambda probe: probe[0] in words, words
    if op in _COMPARE:
        return name, _bounded(_COMPARE[op], float(value)), None
    if op == "between":
        return name, _between(float(value[0]), float(value[1])), None
    return None


def _bounded(compare: Callable[[float, float], bool], limit: float) -> _Check:
    """A guard comparing a numeric field with a limit."""

    def check(probe: _Probe) -> bool:
        number = probe[1]
        return number is not None and compare(number, limit)

    return check


def _between(low: float, high: float) -> _Check:
    """A guard asking a numeric field to lie within [low, high]."""

    def check(probe: _Probe) -> bool:
        number = probe[1]
        return number is not None and low <= number <= high

    return check


def _probe(lead: Mapping[str, Any], steps: Sequence[str]) -> _Probe:
    """A lead field as guards read it: case-folded text, or a number (not true/false)."""
    value = lookup(lead, steps)
    if isinstance(value, str):
        return (value.casefold(), None)
    if isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return (None, float(value))
        except OverflowError:
            return (None, math.copysign(math.inf, value))
    return (None, None)


def _first_match(rule_set: RuleSet, lead: Mapping[str, Any]) -> tuple[int, Rule] | None:
    """The index and rule of the first enabled rule whose condition holds."""
    plan = rule_set._plan
    probes = [_probe(lead, steps) for steps in plan.fields]
    positions = list(plan.unkeyed)
    for at, (text, _) in enumerate(probes):
        if text is not None:
            positions += plan.keyed.get((at, text), ())
    positions.sort()
    entries = plan.entries
    for position in positions:
        index, rule, guards = entries[position]
        for at, check in guards:
            if not check(probes[at]):
                break
        else:
            if rule.condition is None or rule.condition.test(lead):
                return index, rule
    return None


# Deciding


@dataclass(frozen=True, slots=True)
class _Screen:
    """The reps of the pool sorted into those let through and those dropped, and why."""

    candidates: int
    excluded: list[str]
    gated: list[str]
    unskilled: list[str]
    left: list[Candidate]
    preferred: list[Candidate]  # of ``left``, those with the wanted industry
    preferred_open: bool  # whether one of ``preferred`` can take a lead


def decide(
    rule_set: RuleSet,
    lead: Mapping[str, Any],
    reps: Sequence[Rep],
    *,
    assigned: Mapping[str, int],
    exclude: frozenset[str] = frozenset(),
    match_industry: bool = True,
) -> Decision:
    """Route one lead: rule, actions, renewal boost, pool, gate, skills, industry, balancing."""
    matched = _first_match(rule_set, lead)
    index, rule = matched if matched is not None else (None, None)
    tags = _lead_tags(lead, rule)
    renewal = lead.get("renewal") is True
    priority = _lead_priority(lead, rule)
    boosted = priority.raised() if renewal else priority
    pool = rule.pool if rule is not None and rule.pool is not None else rule_set.default_pool
    skills = rule.skills if rule is not None else NO_SKILLS
    wanted = _industry(lead) if match_industry else None
    low_risk = renewal and LOW_RISK_TAG in tags
    screen = _screen(reps, pool, exclude, low_risk, skills, wanted)
    fallback = wanted is not None and bool(screen.left) and not screen.preferred_open
    considered = screen.preferred if screen.preferred_open else screen.left
    choice = choose(considered, assigned=assigned)
    trace = Trace(
        rule=rule,
        renewal_boost=boosted is not priority,
        skills=skills,
        industry=wanted,
        industry_fallback=fallback,
        candidates=screen.candidates,
        excluded=screen.excluded,
        gated=screen.gated,
        unskilled=screen.unskilled,
        considered=considered,
        choice=choice,
    )
    return Decision(
        rule_index=index,
        rule_name=None if rule is None else rule.name,
        tags=tags,
        priority=boosted,
        pool=pool,
        rep_id=choice.rep_id,
        outcome=_outcome(screen, choice),
        trace=trace,
    )


def _lead_tags(lead: Mapping[str, Any], rule: Rule | None) -> tuple[str, ...]:
    """The lead's own tags, then the rule's, each once, in order."""
    own = lead.get("tags")
    found = [tag for tag in own if isinstance(tag, str)] if isinstance(own, list | tuple) else []
    if rule is not None:
        found.extend(rule.tags)
    return tuple(dict.fromkeys(found))


def _lead_priority(lead: Mapping[str, Any], rule: Rule | None) -> Priority:
    """The rule's priority, else the lead's own, else NORMAL."""
    if rule is not None and rule.priority is not None:
        return rule.priority
    own = lead.get("priority")
    return (
        _PRIORITIES.get(own.upper(), Priority.NORMAL) if isinstance(own, str) else Priority.NORMAL
    )


def _industry(lead: Mapping[str, Any]) -> str | None:
    """The lead's company industry, case-folded; None when empty or missing."""
    company = lead.get("company")
    industry = company.get("industry") if isinstance(company, Mapping) else None
    if not isinstance(industry, str) or not industry.strip():
        return None
    return industry.strip().casefold()


def _screen(
    reps: Sequence[Rep],
    pool: str,
    exclude: frozenset[str],
    low_risk: bool,
    skills: Skills,
    wanted: str | None,
) -> _Screen:
    """One pass over the reps: pool, exclusion, onboarding gate, hard skills, industry."""
    excluded: list[str] = []
    gated: list[str] = []
    unskilled: list[str] = []
    left: list[Candidate] = []
    preferred: list[Candidate] = []
    preferred_open = False
    candidates = 0
    industries, languages, levels = skills.industries, skills.languages, skills.service_levels
    for rep in reps:
        if pool not in rep.pools:
            continue
        if exclude and rep.id in exclude:
            excluded.append(rep.id)
            continue
        candidates += 1
        if not rep.receives_all and not (low_risk and rep.receives_low_risk_renewal):
            gated.append(rep.id)
        elif (
            (industries and industries.isdisjoint(rep.industries))
            or (languages and languages.isdisjoint(rep.languages))
            or (levels and rep.service_level not in levels)
        ):
            unskilled.append(rep.id)
        else:
            candidate = rep.candidate
            left.append(candidate)
            if wanted is not None and wanted in rep.industries:
                preferred.append(candidate)
                preferred_open = preferred_open or _can_take(candidate)
    return _Screen(candidates, excluded, gated, unskilled, left, preferred, preferred_open)


def _can_take(candidate: Candidate) -> bool:
    """Whether balancing would consider the rep (available, weight > 0, below capacity)."""
    return (
        candidate.available and candidate.weight > 0 and candidate.open_leads < candidate.capacity
    )


def _outcome(screen: _Screen, choice: Choice) -> Outcome:
    """Assigned, or the step at which the last rep dropped out."""
    if choice.rep_id is not None:
        return Outcome.ASSIGNED
    if not screen.candidates:
        return Outcome.NO_REP_IN_POOL
    if len(screen.gated) == screen.candidates:
        return Outcome.NO_REP_PERMITTED
    if not screen.left:
        return Outcome.NO_REP_WITH_SKILLS
    return Outcome.ALL_UNAVAILABLE


def _listed(key: str, ids: Sequence[str]) -> dict[str, Any]:
    """A list of rep ids capped at MAX_LISTED, with the full count beside it."""
    return {key: list(ids[:MAX_LISTED]), f"{key}Count": len(ids)}


def _chosen_json(trace: Trace) -> dict[str, Any] | None:
    """The figures that decided for the chosen rep."""
    choice = trace.choice
    if choice.rep_id is None:
        return None
    chosen = next(c for c in trace.considered if c.rep_id == choice.rep_id)
    return {
        "rep": chosen.rep_id,
        "assignedBefore": choice.assigned_before,
        "weight": chosen.weight,
        "openLeads": chosen.open_leads,
        "capacity": chosen.capacity,
    }


# Dry run


def simulate(
    rule_set: RuleSet,
    leads: Sequence[Mapping[str, Any]],
    reps: Sequence[Rep],
    *,
    assigned: Mapping[str, int] | None = None,
    match_industry: bool = True,
) -> Simulation:
    """Decide the leads in order as if each decision were applied; nothing is written."""
    current = list(reps)
    position = {rep.id: i for i, rep in enumerate(current)}
    if len(position) != len(current):
        raise ValueError("rep ids must be unique")
    counts = dict(assigned or {})
    per_rep = dict.fromkeys(position, 0)
    per_rule = dict.fromkeys([rule.name for rule in rule_set.rules] + [DEFAULT_RULE], 0)
    per_outcome = dict.fromkeys(Outcome, 0)
    for lead in leads:
        decision = decide(rule_set, lead, current, assigned=counts, match_industry=match_industry)
        per_rule[decision.rule_name or DEFAULT_RULE] += 1
        per_outcome[decision.outcome] += 1
        if decision.rep_id is not None:
            at = position[decision.rep_id]
            current[at] = replace(current[at], open_leads=current[at].open_leads + 1)
            counts[decision.rep_id] = counts.get(decision.rep_id, 0) + 1
            per_rep[decision.rep_id] += 1
    placed = per_outcome[Outcome.ASSIGNED]
    share = max(per_rep.values(), default=0) / placed if placed else 0.0
    return Simulation(per_rep, per_rule, per_outcome, len(leads) - placed, len(leads), share)
