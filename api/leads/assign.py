"""Putting a lead in someone's hands: routing it, or a person choosing; SLA clocks start here.

:func:`candidates` reads the reps who could take leads (profiles, open loads, the period's
assignments, permissions) in a handful of queries; :func:`route` lets the pure routing decision
(``api.leads.routing``) choose among them; :func:`apply` records the choice: an append-only
:class:`LeadAssignment` with its explanation, the lead's owner and deadlines, a timeline event,
and the outbox job that tells the rep. Everything runs in the caller's transaction.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise import connections
from tortoise.expressions import Q

from api.auth.models import PermissionGrant
from api.auth.permissions import Permission, effective_permissions
from api.common.raw_values import instant, json_of
from api.common.writes import Statement, insert, run_together
from api.customers.models import Customer
from api.jobs import outbox
from api.jobs.models import OutboxMessage
from api.leads import loads, routing
from api.leads.fields import routing_view
from api.leads.models import (
    AssignmentKind,
    Lead,
    LeadAssignment,
    LeadEvent,
    LeadEventKind,
    LeadPriority,
    LeadStatus,
    RoutingRuleSet,
    RuleSetStatus,
)
from api.leads.policy import LeadPolicy
from api.org.models import Role

NOTIFY_JOB = "leads.notify_assignment"
DEFAULT_POOL = "default"
ROUTED_KINDS = (AssignmentKind.ROUTED, AssignmentKind.REROUTED)


@dataclass(frozen=True, slots=True)
class ActiveRules:
    row: RoutingRuleSet | None  # None: no rule set activated yet, every lead to the default pool
    rules: routing.RuleSet


async def active_rules(*, organisation_id: UUID) -> ActiveRules:
    """The organisation's active rule set, parsed once per version."""
    row = await RoutingRuleSet.filter(
        organisation_id=organisation_id, status=RuleSetStatus.ACTIVE
    ).first()
    if row is None:
        return ActiveRules(None, _parsed(None, [], DEFAULT_POOL))
    return ActiveRules(row, _parsed(row.id, row.rules, row.default_pool))


RULES_CACHE_SECONDS = 5.0
"""How long a process reuses the active rule set for captures (its own activations: at once)."""
_active: dict[UUID, tuple[float, ActiveRules]] = {}


async def active_rules_cached(*, organisation_id: UUID) -> ActiveRules:
    """:func:`active_rules`, reused for a few seconds: what every capture reads."""
    hit = _active.get(organisation_id)
    if hit is not None and time.monotonic() - hit[0] < RULES_CACHE_SECONDS:
        return hit[1]
    found = await active_rules(organisation_id=organisation_id)
    if len(_active) > 10_000:
        _active.clear()
    _active[organisation_id] = (time.monotonic(), found)
    return found


def forget_rules(organisation_id: UUID) -> None:
    """Drop the cached active rule set (after an activation committed)."""
    _active.pop(organisation_id, None)


_parsed_rule_sets: dict[UUID, routing.RuleSet] = {}
MAX_CACHED_RULE_SETS = 256


def _parsed(key: UUID | None, rules: Any, default_pool: str) -> routing.RuleSet:
    """Parse a stored rule set once per version (stored versions never change)."""
    if key is None:
        return routing.parse_rules([], default_pool=default_pool)
    parsed = _parsed_rule_sets.get(key)
    if parsed is None:
        if len(_parsed_rule_sets) >= MAX_CACHED_RULE_SETS:
            _parsed_rule_sets.clear()
        parsed = _parsed_rule_sets[key] = routing.parse_rules(rules, default_pool=default_pool)
    return parsed


@dataclass(frozen=True, slots=True)
class RoutingState:
    """What routing reads about people, loaded in one round of parallel queries."""

    users: list[dict[str, Any]]
    profiles: dict[str, dict[str, Any]]
    open_leads: dict[str, int]
    routed: dict[str, int]
    grants: dict[str, list[str]]


_PEOPLE = """
SELECT u."id", u."role", u."in_onboarding", u."industries", u."languages", u."service_level",
       p."user_id" AS "profile", p."pools", p."weight", p."capacity", p."away_from",
       p."away_until", l."open_leads", t."routed"
FROM "app_user" u
LEFT JOIN "routing_profile" p ON p."user_id" = u."id"
LEFT JOIN "rep_load" l ON l."user_id" = u."id"
LEFT JOIN (
    SELECT "user_id", SUM("routed") AS "routed" FROM "rep_tally"
    WHERE "organisation_id" = {org} AND "day" >= {day} GROUP BY "user_id"
) t ON t."user_id" = u."id"
WHERE u."organisation_id" = {org} AND u."is_active" = {active}
  AND u."role" IN ({roles})
"""
ROUTED_ROLES = (Role.REP, Role.MANAGER, Role.DIRECTOR)


async def routing_state(
    *, organisation_id: UUID, policy: LeadPolicy, now: datetime
) -> RoutingState:
    """People with their profiles, loads and the period's routed counts, in one query; the
    onboarding grants in a second one only when someone is onboarding."""
    connection = connections.get("default")
    first_day = (now - timedelta(days=policy.fairness_days - 1)).date().isoformat()
    if connection.capabilities.dialect == "postgres":
        sql = _PEOPLE.format(org="$1", day="$2", active="$3", roles="$4, $5, $6")
        params: list[Any] = [organisation_id, first_day, True, *ROUTED_ROLES]
    else:
        sql = _PEOPLE.format(org="?", day="?", active="?", roles="?, ?, ?")
        # SQLite binds each "?" in order: the organisation appears twice.
        params = [str(organisation_id), first_day, str(organisation_id), 1, *ROUTED_ROLES]
    _, rows = await connection.execute_query(sql, params)
    users: list[dict[str, Any]] = []
    profiles: dict[str, dict[str, Any]] = {}
    open_leads: dict[str, int] = {}
    routed: dict[str, int] = {}
    for row in rows:
        user_id = str(row["id"])
        users.append(
            {
                "id": UUID(user_id),
                "role": row["role"],
                "in_onboarding": bool(row["in_onboarding"]),
                "industries": json_of(row["industries"]),
                "languages": json_of(row["languages"]),
                "service_level": row["service_level"],
            }
        )
        if row["profile"] is not None:
            profiles[user_id] = {
                "pools": json_of(row["pools"]),
                "weight": row["weight"],
                "capacity": row["capacity"],
                "away_from": instant(row["away_from"]),
                "away_until": instant(row["away_until"]),
            }
        open_leads[user_id] = int(row["open_leads"] or 0)
        routed[user_id] = int(row["routed"] or 0)
    granted: dict[str, list[str]] = {}
    onboarding = [u["id"] for u in users if u["in_onboarding"]]
    if onboarding:
        for user_id, permission in await PermissionGrant.filter(
            Q(valid_until=None) | Q(valid_until__gt=now),
            user_id__in=onboarding,
            revoked_at=None,
            valid_from__lte=now,
        ).values_list("user_id", "permission"):
            granted.setdefault(str(user_id), []).append(str(permission))
    return RoutingState(
        users=users, profiles=profiles, open_leads=open_leads, routed=routed, grants=granted
    )


async def candidates(
    *, organisation_id: UUID, policy: LeadPolicy, now: datetime
) -> tuple[list[routing.Rep], dict[str, int]]:
    """Everyone who may take part in routing now, and their assignments in the fairness period."""
    state = await routing_state(organisation_id=organisation_id, policy=policy, now=now)
    return reps_of(state, policy=policy, now=now), state.routed


def reps_of(state: RoutingState, *, policy: LeadPolicy, now: datetime) -> list[routing.Rep]:
    """The routing view of each person.

    Reps take part by default (in the default pool); anyone else only with a routing profile
    that names pools. A rep whose profile lists no pool takes no routed leads.
    """
    reps: list[routing.Rep] = []
    for user in state.users:
        user_id = str(user["id"])
        profile = state.profiles.get(user_id)
        if profile is None and user["role"] != Role.REP:
            continue
        permissions = effective_permissions(
            Role(user["role"]),
            in_onboarding=user["in_onboarding"],
            granted=state.grants.get(user_id, ()),
        )
        away = profile is not None and _away(profile, now)
        capacity = profile["capacity"] if profile and profile["capacity"] else None
        reps.append(
            routing.Rep(
                id=user_id,
                pools=frozenset(profile["pools"]) if profile else frozenset({DEFAULT_POOL}),
                industries=frozenset(user["industries"] or ()),
                languages=frozenset(user["languages"] or ()),
                service_level=str(user["service_level"]),
                weight=float(profile["weight"]) if profile else 1.0,
                capacity=capacity or policy.default_capacity,
                open_leads=state.open_leads.get(user_id, 0),
                available=not away,
                receives_all=Permission.LEADS_ALL in permissions,
                receives_low_risk_renewal=Permission.LEADS_RENEWAL_LOW_RISK in permissions,
            )
        )
    return reps


def lead_view(lead: Lead) -> dict[str, Any]:
    """A stored lead as the rules see it."""
    from api.leads.capture import input_of  # the capture module builds on this one

    return routing_view(
        input_of(lead), channel=lead.channel.value, tags=lead.tags, score=lead.score
    )


def decide(
    lead: Lead,
    *,
    policy: LeadPolicy,
    rules: ActiveRules,
    reps: Sequence[routing.Rep],
    assigned: dict[str, int],
    exclude: frozenset[str] = frozenset(),
    view: dict[str, Any] | None = None,
) -> routing.Decision:
    """The routing decision for ``lead``; its tags, priority and pool are set from it.

    ``view``: the lead as the rules see it, when the caller has it already (a new capture's
    scoring built it); else it is built from the lead.
    """
    view = lead_view(lead) if view is None else view
    # Rules and the renewal boost start from the base priority every time (a re-routed renewal
    # must not be boosted twice).
    view["priority"] = LeadPriority.NORMAL.value
    view["mql"] = lead.mql
    decision = routing.decide(
        rules.rules,
        view,
        reps,
        assigned=assigned,
        exclude=exclude,
        match_industry=policy.match_industry,
    )
    lead.tags = list(decision.tags)
    lead.priority = LeadPriority(decision.priority.value)
    lead.pool = decision.pool
    return decision


async def route(
    lead: Lead,
    *,
    policy: LeadPolicy,
    rules: ActiveRules,
    reps: Sequence[routing.Rep],
    assigned: dict[str, int],
    now: datetime,
    kind: AssignmentKind = AssignmentKind.ROUTED,
    exclude: frozenset[str] = frozenset(),
) -> Pending:
    """Decide who gets a stored lead and record it (inside the caller's transaction)."""
    decision = decide(
        lead, policy=policy, rules=rules, reps=reps, assigned=assigned, exclude=exclude
    )
    return await apply(
        lead,
        assignee_id=UUID(decision.rep_id) if decision.rep_id else None,
        kind=kind if decision.rep_id else AssignmentKind.POOLED,
        policy=policy,
        now=now,
        rule_set=rules.row,
        rule_name=decision.rule_name,
        explanation=decision.explain(),
    )


@dataclass(slots=True)
class Pending:
    """The rows one assignment writes, prepared in memory, then written by :func:`write`."""

    assignment: LeadAssignment
    event: LeadEvent
    message: OutboxMessage | None  # the notice to the assignee (None: to the pool)
    load: dict[UUID, int]  # open-lead count changes
    routed_to: UUID | None  # counts towards fairness (routed, not chosen by a person)
    ends: int | None  # the sequence of the assignment it ends

    @property
    def messages(self) -> list[OutboxMessage]:
        return [self.message] if self.message else []


def prepare(
    lead: Lead,
    *,
    assignee_id: UUID | None,
    kind: AssignmentKind,
    policy: LeadPolicy,
    now: datetime,
    rule_set: RoutingRuleSet | None = None,
    rule_name: str | None = None,
    explanation: dict[str, Any] | None = None,
    reason: str = "",
    actor_id: UUID | None = None,
) -> Pending:
    """Set the lead's owner, status and SLA clocks for a new assignment; build its rows."""
    organisation_id: UUID = lead.organisation_id  # type: ignore[attr-defined]
    previous: UUID | None = lead.owner_id  # type: ignore[attr-defined]
    load: dict[UUID, int] = {}
    if previous is not None and lead.status == LeadStatus.ASSIGNED:
        load[previous] = -1
    if assignee_id is not None:
        load[assignee_id] = load.get(assignee_id, 0) + 1
    ends = lead.assignment_sequence or None
    sequence = lead.assignment_sequence + 1
    assignment = LeadAssignment(
        organisation_id=organisation_id,
        lead_id=lead.id,
        sequence=sequence,
        kind=kind,
        assignee_id=assignee_id,
        pool=lead.pool,
        rule_set=rule_set,
        rule_name=rule_name,
        explanation=explanation or {},
        reason=reason,
        assigned_by_id=actor_id,
        at=now,
    )
    lead.assignment_sequence = sequence
    lead.owner_id = assignee_id  # type: ignore[attr-defined]
    lead.assigned_at = now if assignee_id else None
    lead.viewed_at = None
    lead.touched_at = None
    lead.touch_overdue = False
    if assignee_id is None:
        lead.status = LeadStatus.POOL
        lead.touch_due_at = lead.view_due_at = None
    else:
        lead.status = LeadStatus.ASSIGNED
        lead.touch_due_at = policy.due(now, policy.first_touch_minutes)
        lead.view_due_at = policy.due(now, policy.unviewed_minutes)
        if lead.mql and lead.channel not in policy.mql_bypass_channels and not lead.handoff_at:
            # Marketing hands the lead over: follow-up and feedback due within the handoff time.
            lead.handoff_at = now
            # "Within 48 hours" is calendar time (DOMAIN.md §2), not working time.
            lead.handoff_due_at = now + timedelta(hours=policy.handoff_hours)
    refresh_sla_due(lead)
    lead.last_event_at = now
    event = LeadEvent.of(
        lead,
        LeadEventKind.ASSIGNED if assignee_id else LeadEventKind.POOLED,
        now,
        actor=actor_id,
        detail={
            "assignment": sequence,
            "kind": kind.value,
            "to": str(assignee_id) if assignee_id else None,
            "rule": rule_name,
            "pool": lead.pool,
            "reason": reason,
        },
    )
    message = None
    if assignee_id is not None:
        message = OutboxMessage(
            organisation_id=organisation_id,
            job_name=NOTIFY_JOB,
            job_id=outbox.job_id_for(job_name=NOTIFY_JOB, key=f"{lead.id}:{sequence}"),
            args={"lead_id": str(lead.id), "sequence": sequence},
            due_at=now,
        )
    routed_to = assignee_id if kind in ROUTED_KINDS else None
    return Pending(assignment, event, message, load, routed_to, ends)


def statements(
    lead: Lead, pending: Pending, *, events: Sequence[LeadEvent] = ()
) -> list[Statement]:
    """The writes of a prepared assignment, to send with the caller's other writes: the
    assignment, the timeline events, the notice's outbox job and the routing counters."""
    return [
        insert([pending.assignment]),
        insert([*events, pending.event]),
        insert(pending.messages, ignore_conflicts=True),
        *loads.counter_statements(
            organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
            open_changes=pending.load,
            routed_to=pending.routed_to,
            at=pending.assignment.at,
        ),
    ]


async def write(lead: Lead, pending: Pending, *, events: Sequence[LeadEvent] = ()) -> None:
    """Write a prepared assignment (the lead row itself is saved by the caller, first)."""
    if pending.ends is not None:
        await LeadAssignment.filter(lead_id=lead.id, sequence=pending.ends).update(
            ended_at=pending.assignment.at
        )
    await run_together(statements(lead, pending, events=events))


async def apply(
    lead: Lead,
    *,
    assignee_id: UUID | None,
    kind: AssignmentKind,
    policy: LeadPolicy,
    now: datetime,
    rule_set: RoutingRuleSet | None = None,
    rule_name: str | None = None,
    explanation: dict[str, Any] | None = None,
    reason: str = "",
    actor_id: UUID | None = None,
) -> Pending:
    """Assign a stored lead (or pool it) and write everything; the caller saves the lead."""
    pending = prepare(
        lead,
        assignee_id=assignee_id,
        kind=kind,
        policy=policy,
        now=now,
        rule_set=rule_set,
        rule_name=rule_name,
        explanation=explanation,
        reason=reason,
        actor_id=actor_id,
    )
    await write(lead, pending)
    if assignee_id is not None:
        # The customer follows its lead to the new rep when nobody, or the previous rep of
        # this lead, owned it: the rep working the lead can open its customer.
        previous = next((u for u, d in pending.load.items() if d < 0), None)
        owners = Q(owner_id=None) | Q(owner_id=previous) if previous else Q(owner_id=None)
        await Customer.filter(owners, id=lead.customer_id).update(owner_id=assignee_id)  # type: ignore[attr-defined]
    return pending


def refresh_sla_due(lead: Lead) -> None:
    """``sla_due_at``: the earliest pending deadline, or None (what the sweep's index holds)."""
    pending = [d for d in (lead.touch_due_at, lead.view_due_at, lead.handoff_due_at) if d]
    lead.sla_due_at = min(pending) if pending else None


def permits(rep: routing.Rep, lead: Lead) -> str | None:
    """The permission ``rep`` lacks to receive ``lead`` (the onboarding gate), or None."""
    if rep.receives_all:
        return None
    if lead.renewal and "low_risk" in lead.tags and rep.receives_low_risk_renewal:
        return None
    return Permission.LEADS_ALL.value


def _away(profile: dict[str, Any], now: datetime) -> bool:
    start, end = profile["away_from"], profile["away_until"]
    if start is None and end is None:
        return False
    return (start is None or start <= now) and (end is None or now < end)
