"""Editing routing rules: versioned drafts, a dry run over past leads, then activation.

A draft is validated when saved (every error with the JSON path of the part to fix). A dry run
(:func:`simulate`) replays recent leads through a draft against today's reps and shows where
they would have gone; activating a draft retires the active version in the same transaction.
Assignments keep the version that made them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.errors import ServiceError
from api.leads import assign, routing
from api.leads import policy as policies
from api.leads.errors import LeadErrorCode as Code
from api.leads.models import Lead, RoutingRuleSet, RuleSetStatus
from api.org.models import Organisation

MAX_SIMULATED = 5000
MAX_NOTE = 200


async def rule_sets(*, principal: Principal, limit: int = 50) -> list[RoutingRuleSet]:
    """The organisation's rule set versions, newest first."""
    return (
        await RoutingRuleSet.filter(organisation_id=principal.organisation_id)
        .order_by("-version")
        .limit(limit)
    )


async def get_rule_set(*, principal: Principal, rule_set_id: UUID) -> RoutingRuleSet:
    row = await RoutingRuleSet.get_or_none(
        id=rule_set_id, organisation_id=principal.organisation_id
    )
    if row is None:
        raise ServiceError(Code.RULE_SET_NOT_FOUND, field="ruleSetId")
    return row


def parse(rules: Any, default_pool: str) -> routing.RuleSet:
    """Validated rules, or INVALID_RULES naming the part to fix."""
    try:
        return routing.parse_rules(rules, default_pool=default_pool)
    except routing.RoutingRuleError as exc:
        raise ServiceError(Code.INVALID_RULES, field=exc.path or "rules", reason=str(exc)) from None


async def save_draft(
    *, principal: Principal, rules: Any, default_pool: str, note: str, now: datetime
) -> RoutingRuleSet:
    """Store a validated draft as the next version."""
    parsed = parse(rules, default_pool)
    if len(note) > MAX_NOTE:
        raise ServiceError(Code.TOO_LONG, field="note", max=MAX_NOTE)
    org_id = principal.organisation_id
    async with in_transaction():
        await Organisation.filter(id=org_id).select_for_update().only("id").first()
        latest = await RoutingRuleSet.filter(organisation_id=org_id).order_by("-version").first()
        row = await RoutingRuleSet.create(
            organisation_id=org_id,
            version=(latest.version if latest else 0) + 1,
            rules=routing.to_json(parsed),
            default_pool=parsed.default_pool,
            note=note.strip(),
            created_by_id=principal.user_id,
        )
        await audit.record(
            organisation_id=org_id,
            action="leads.rules.drafted",
            at=now,
            actor_id=principal.user_id,
            subject_type="routing_rule_set",
            subject_id=str(row.version),
            data={"rules": len(parsed.rules)},
        )
    return row


async def activate(*, principal: Principal, rule_set_id: UUID, now: datetime) -> RoutingRuleSet:
    """Make a draft the active rule set; the previous one retires."""
    org_id = principal.organisation_id
    async with in_transaction():
        await Organisation.filter(id=org_id).select_for_update().only("id").first()
        row = await get_rule_set(principal=principal, rule_set_id=rule_set_id)
        if row.status != RuleSetStatus.DRAFT:
            raise ServiceError(Code.RULE_SET_NOT_DRAFT, field="ruleSetId")
        await RoutingRuleSet.filter(organisation_id=org_id, status=RuleSetStatus.ACTIVE).update(
            status=RuleSetStatus.RETIRED
        )
        row.status = RuleSetStatus.ACTIVE
        row.activated_at = now
        row.activated_by_id = principal.user_id  # type: ignore[attr-defined]
        await row.save(update_fields=["status", "activated_at", "activated_by_id"])
        await audit.record(
            organisation_id=org_id,
            action="leads.rules.activated",
            at=now,
            actor_id=principal.user_id,
            subject_type="routing_rule_set",
            subject_id=str(row.version),
        )
    assign.forget_rules(org_id)
    return row


@dataclass(frozen=True, slots=True)
class SimulationReport:
    leads: int
    simulation: routing.Simulation
    current: dict[str, int]  # where the same leads actually went (rep id -> leads)


async def simulate(
    *,
    principal: Principal,
    rules: Any,
    default_pool: str,
    since: datetime | None,
    limit: int,
    now: datetime,
) -> SimulationReport:
    """Replay recent leads through ``rules`` against today's reps: the distribution, no writes."""
    parsed = parse(rules, default_pool)
    limit = max(1, min(limit, MAX_SIMULATED))
    org_id = principal.organisation_id
    policy = (await policies.current(organisation_id=org_id)).policy
    reps, _ = await assign.candidates(organisation_id=org_id, policy=policy, now=now)
    start = since or now - timedelta(days=30)
    leads = (
        await Lead.filter(organisation_id=org_id, created_at__gte=start)
        .order_by("created_at")
        .limit(limit)
    )
    views = []
    current: dict[str, int] = {}
    for lead in leads:
        view = assign.lead_view(lead)
        view["priority"] = "NORMAL"
        view["mql"] = lead.mql
        views.append(view)
        owner = lead.owner_id  # type: ignore[attr-defined]
        if owner is not None:
            current[str(owner)] = current.get(str(owner), 0) + 1
    fresh = [_unloaded(rep) for rep in reps]
    result = routing.simulate(parsed, views, fresh, match_industry=policy.match_industry)
    return SimulationReport(leads=len(views), simulation=result, current=current)


def _unloaded(rep: routing.Rep) -> routing.Rep:
    """The rep as at the start of the replay: nothing open, so capacity binds only in the run."""
    return routing.Rep(
        id=rep.id,
        pools=rep.pools,
        industries=rep.industries,
        languages=rep.languages,
        service_level=rep.service_level,
        weight=rep.weight,
        capacity=rep.capacity,
        open_leads=0,
        available=rep.available,
        receives_all=rep.receives_all,
        receives_low_risk_renewal=rep.receives_low_risk_renewal,
    )
