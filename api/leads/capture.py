"""Capturing a lead from any channel: one customer per real customer, scored, then routed.

:func:`capture` is the single entry for staff, the mini-program, webhooks and import rows. In
one transaction it finds the customer (same phone, else same e-mail, else same company key) or
creates it, folds a repeat of an open lead into that lead instead of opening a second one,
scores the lead, and either keeps it in marketing's nurture pool or routes it to a rep.
"""

from __future__ import annotations

import asyncio
import hashlib
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise import connections
from tortoise.backends.base.client import BaseDBAsyncClient, TransactionalDBClient
from tortoise.transactions import in_transaction

from api.common.writes import Statement, insert, run_together
from api.customers.models import Contact, Customer
from api.jobs.models import OutboxMessage
from api.leads import assign
from api.leads import policy as policies
from api.leads.fields import BEHAVIOUR, LeadInput, routing_view
from api.leads.mapping import Channel
from api.leads.models import (
    AssignmentKind,
    Lead,
    LeadAssignment,
    LeadEvent,
    LeadEventKind,
    LeadStatus,
)
from api.leads.policy import LeadPolicy

OPEN_STATUSES = (LeadStatus.NURTURE, LeadStatus.POOL, LeadStatus.ASSIGNED)
FILLABLE = (
    "contact_name",
    "title",
    "email",
    "wechat_id",
    "language",
    "company_name",
    "industry",
    "company_size",
    "employees",
    "funding_stage",
    "region",
    "city",
    "product_line",
    "budget",
    "campaign",
    "external_id",
)


class CaptureOutcome(StrEnum):
    CREATED = "CREATED"
    MERGED = "MERGED"  # the same person already had an open lead: folded into it


@dataclass(frozen=True, slots=True)
class Captured:
    lead: Lead
    outcome: CaptureOutcome
    customer_created: bool
    assignment: LeadAssignment | None  # None: kept in nurture, or merged without re-routing
    messages: list[OutboxMessage]  # outbox jobs written with it, to hand to arq after commit


@dataclass(frozen=True, slots=True)
class Source:
    """Where a lead came from: the channel, its configuration, the intake row, the person."""

    channel: Channel
    channel_config_id: UUID | None = None
    intake_id: UUID | None = None
    captured_by: UUID | None = None


async def capture(
    *, organisation_id: UUID, data: LeadInput, source: Source, now: datetime
) -> Captured:
    """Capture one lead in one transaction; the routing state is read beside it.

    A new lead is decided in memory first, so its rows are written once each: the customer
    (owned by the rep it goes to), the contact, the lead, the assignment, the timeline events
    and the outbox job of the notice.
    """
    current, rules = await asyncio.gather(
        policies.cached(organisation_id=organisation_id),
        assign.active_rules_cached(organisation_id=organisation_id),
    )
    policy = current.policy
    reading: asyncio.Future[assign.RoutingState] = asyncio.ensure_future(
        assign.routing_state(organisation_id=organisation_id, policy=policy, now=now)
    )
    # On PostgreSQL the state is read on a pool connection while the transaction takes its
    # locks and finds the customer: two round trips overlap. Inside a caller's transaction
    # (an import, a webhook's intake), or on SQLite's single connection, the connection is
    # shared: read it first.
    connection = connections.get("default")
    if connection.capabilities.dialect != "postgres" or isinstance(
        connection, TransactionalDBClient
    ):
        await reading
    try:
        async with in_transaction() as transaction:
            await _lock_identities(transaction, organisation_id, data)
            customer, contact = await _find_customer(organisation_id, data)
            state = await reading
            return await _capture_locked(
                organisation_id, data, source, now, policy, rules, state, customer, contact
            )
    finally:
        if not reading.done():
            reading.cancel()
            await asyncio.gather(reading, return_exceptions=True)


async def _capture_locked(
    organisation_id: UUID,
    data: LeadInput,
    source: Source,
    now: datetime,
    policy: LeadPolicy,
    rules: assign.ActiveRules,
    state: assign.RoutingState,
    customer: Customer | None,
    contact: Contact | None,
) -> Captured:
    """The capture once its identities are locked and its customer (if any) is found."""
    reps = assign.reps_of(state, policy=policy, now=now)
    existing = None
    if customer is not None:
        existing = (
            await Lead.filter(
                organisation_id=organisation_id,
                customer_id=customer.id,
                status__in=OPEN_STATUSES,
            )
            .select_for_update()
            .order_by("-created_at")
            .first()
        )
    if existing is not None:
        if contact is None:
            # Someone else of the same company (or a new way to reach them): their details
            # are kept as a contact of the customer, not lost in the merge.
            customer, contact, writes = _complete_customer(
                organisation_id, customer, None, data, owner=None
            )
            await run_together(writes)
        lead, route_it = await _merge_into(existing, data, source, policy, now, contact)
        pending = None
        if route_it:
            pending = await assign.route(
                lead, policy=policy, rules=rules, reps=reps, assigned=state.routed, now=now
            )
        await lead.save()
        return Captured(
            lead,
            CaptureOutcome.MERGED,
            False,
            pending.assignment if pending else None,
            pending.messages if pending else [],
        )
    lead, events, view = _new_lead(organisation_id, data, source, policy, now)
    pending = None
    if _should_route(lead, policy):
        decision = assign.decide(
            lead, policy=policy, rules=rules, reps=reps, assigned=state.routed, view=view
        )
        pending = assign.prepare(
            lead,
            assignee_id=UUID(decision.rep_id) if decision.rep_id else None,
            kind=AssignmentKind.ROUTED if decision.rep_id else AssignmentKind.POOLED,
            policy=policy,
            now=now,
            rule_set=rules.row,
            rule_name=decision.rule_name,
            explanation=decision.explain(),
        )
    owner: UUID | None = lead.owner_id  # type: ignore[attr-defined]
    created = customer is None
    customer, contact, writes = _complete_customer(
        organisation_id, customer, contact, data, owner=owner
    )
    lead.customer_id = customer.id  # type: ignore[attr-defined]
    lead.contact_id = contact.id if contact else None  # type: ignore[attr-defined]
    events[0].detail["customer"] = str(customer.id)
    writes.append(insert([lead]))
    if pending is not None:
        writes += assign.statements(lead, pending, events=events)
    else:
        writes.append(insert(events))
    await run_together(writes)
    return Captured(
        lead,
        CaptureOutcome.CREATED,
        created,
        pending.assignment if pending else None,
        pending.messages if pending else [],
    )


async def _lock_identities(
    connection: BaseDBAsyncClient, organisation_id: UUID, data: LeadInput
) -> None:
    """Serialise captures of the same phone, e-mail or company (PostgreSQL advisory locks).

    Two webhooks for one new person at the same moment must not create two customers. The
    keys are locked in one statement, in one order everywhere (no deadlock between two
    captures). SQLite serialises writers on its own.
    """
    if connection.capabilities.dialect != "postgres":
        return
    keys = sorted(
        _lock_number(f"{organisation_id}:{kind}:{value}")
        for kind, value in (("p", data.phone), ("e", data.email), ("c", data.company_key))
        if value
    )
    if keys:
        await connection.execute_query(
            "SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) WITH ORDINALITY AS t(k, n)"
            " ORDER BY n",
            [keys],
        )


def _lock_number(key: str) -> int:
    number = int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big")
    return number - 2**63


_MATCHES = {
    "phone": 'SELECT 1 AS "rank", "id" AS "contact", "customer_id" AS "customer", "created_at" '
    'FROM "contact" WHERE "organisation_id" = {org} AND "phone" = {value}',
    "email": 'SELECT 2, "id", "customer_id", "created_at" '
    'FROM "contact" WHERE "organisation_id" = {org} AND "email" = {value}',
    "company_key": 'SELECT 3, NULL, "id", "created_at" FROM "customer" '
    'WHERE "organisation_id" = {org} AND "company_key" = {value} AND "merged_into_id" IS NULL',
}


async def _find_customer(
    organisation_id: UUID, data: LeadInput
) -> tuple[Customer | None, Contact | None]:
    """The customer of this person (same phone, else e-mail) or company, and the contact.

    One indexed lookup per identifier, sent as one statement; the rows are read only when
    something matched.
    """
    wanted = [(name, getattr(data, name)) for name in _MATCHES if getattr(data, name)]
    if not wanted:
        return None, None
    connection = connections.get("default")
    postgres = connection.capabilities.dialect == "postgres"
    parts: list[str] = []
    values: list[Any] = []
    for name, value in wanted:
        if postgres:
            org, param = f"${len(values) + 1}", f"${len(values) + 2}"
            values += [organisation_id, value]
        else:
            org, param = "?", "?"
            values += [str(organisation_id), value]
        parts.append(_MATCHES[name].format(org=org, value=param))
    sql = " UNION ALL ".join(parts) + " ORDER BY 1, 4 LIMIT 1"
    _, rows = await connection.execute_query(sql, values)
    if not rows:
        return None, None
    row = rows[0]
    values_of = list(row.values()) if hasattr(row, "values") else list(row)
    contact_id, customer_id = values_of[1], values_of[2]
    # Locked: two captures of one customer under different identifiers (one by phone, one by
    # e-mail) then see each other's open lead instead of opening two.
    customer = await Customer.filter(id=customer_id).select_for_update().get()
    while customer.merged_into_id is not None:  # type: ignore[attr-defined]
        customer = await Customer.filter(id=customer.merged_into_id).select_for_update().get()  # type: ignore[attr-defined]
    if contact_id is None:
        return customer, None
    contact = await Contact.get(id=contact_id)
    await _complete_contact(contact, data)
    return customer, contact


def _complete_customer(
    organisation_id: UUID,
    customer: Customer | None,
    contact: Contact | None,
    data: LeadInput,
    *,
    owner: UUID | None,
) -> tuple[Customer, Contact | None, list[Statement]]:
    """What is missing, and its writes: the customer (owned by the lead's rep), the person's
    contact; an unowned customer passes to the lead's rep."""
    writes: list[Statement] = []
    if customer is None:
        customer = Customer(
            organisation_id=organisation_id,
            owner_id=owner,
            name=data.company_name or data.contact_name,
            industry=data.industry,
            size=data.company_size,
            city=data.city,
        )
        customer.refresh_company_key()
        writes.append(insert([customer]))
    elif owner is not None and customer.owner_id is None:  # type: ignore[attr-defined]
        customer.owner_id = owner  # type: ignore[attr-defined]
        writes.append(_adopt(customer.id, owner))
    if contact is None and (data.phone or data.email or data.wechat_id):
        contact = Contact(
            organisation_id=organisation_id,
            customer_id=customer.id,
            name=data.contact_name or data.company_name,
            title=data.title,
            phone=data.phone,
            email=data.email,
            wechat_id=data.wechat_id,
        )
        writes.append(insert([contact]))
    return customer, contact, writes


def _adopt(customer_id: UUID, owner: UUID) -> Statement:
    """Give an unowned customer to ``owner`` (nobody else's customer is taken)."""
    sql = 'UPDATE "customer" SET "owner_id" = {} WHERE "id" = {} AND "owner_id" IS NULL'
    return Statement(
        postgres=sql.format("$1", "$2"),
        sqlite=sql.format("?", "?"),
        values=[owner, customer_id],
        sqlite_values=[str(owner), str(customer_id)],
    )


async def _complete_contact(contact: Contact, data: LeadInput) -> None:
    """Fill the contact's blanks from the new capture (never overwrite what is there)."""
    changed = []
    for name in ("phone", "email", "wechat_id"):
        value = getattr(data, name)
        if value and not getattr(contact, name):
            setattr(contact, name, value)
            changed.append(name)
    if changed:
        await contact.save(update_fields=[*changed, "updated_at"])


def _should_route(lead: Lead, policy: LeadPolicy) -> bool:
    """Qualified, renewal or a direct conversation: sales takes it; else marketing nurtures."""
    return lead.mql or lead.renewal or lead.channel in policy.mql_bypass_channels


def _new_lead(
    organisation_id: UUID, data: LeadInput, source: Source, policy: LeadPolicy, now: datetime
) -> tuple[Lead, list[LeadEvent], dict[str, Any]]:
    """A new lead, scored, its first timeline events (nothing written yet), and its view as
    the routing rules see it."""
    lead = Lead(
        organisation_id=organisation_id,
        channel=source.channel,
        channel_config_id=source.channel_config_id,
        captured_by_id=source.captured_by,
        status=LeadStatus.NURTURE,
        last_event_at=now,
        behaviour=dict(data.behaviour),
        renewal=data.renewal,
        note=data.note,
        phone=data.phone,
        funding_round=data.funding_round,
    )
    for name in FILLABLE:
        value = getattr(data, name)
        if value not in (None, ""):
            setattr(lead, name, value)
    view = _score(lead, policy, now)
    events = [
        LeadEvent.of(
            lead,
            LeadEventKind.CAPTURED,
            now,
            actor=source.captured_by,
            detail={
                "channel": source.channel.value,
                "campaign": lead.campaign,
                "intake": str(source.intake_id) if source.intake_id else None,
            },
        ),
        LeadEvent.of(
            lead, LeadEventKind.SCORED, now, detail={"score": lead.score, **lead.score_points}
        ),
    ]
    if lead.mql:
        events.append(LeadEvent.of(lead, LeadEventKind.MQL, now, detail={"score": lead.score}))
    return lead, events, view


async def _merge_into(
    lead: Lead,
    data: LeadInput,
    source: Source,
    policy: LeadPolicy,
    now: datetime,
    contact: Contact | None,
) -> tuple[Lead, bool]:
    """Fold a repeat into the open lead: behaviour adds up, blanks fill; route if newly an MQL."""
    was_mql = lead.mql
    filled = []
    for name in FILLABLE:
        value = getattr(data, name)
        if value not in (None, "") and getattr(lead, name) in (None, ""):
            setattr(lead, name, value)
            filled.append(name)
    if data.funding_stage and "funding_stage" in filled:
        lead.funding_round = data.funding_round
    behaviour = dict(lead.behaviour)
    for name in BEHAVIOUR:
        if name in data.behaviour:
            behaviour[name] = max(behaviour.get(name, 0), data.behaviour[name])
    lead.behaviour = behaviour
    lead.renewal = lead.renewal or data.renewal
    if data.note:
        lead.note = f"{lead.note}\n{data.note}".strip()[:2000]
    _score(lead, policy, now)
    lead.last_event_at = now
    events = [
        LeadEvent.of(
            lead,
            LeadEventKind.MERGED,
            now,
            actor=source.captured_by,
            detail={
                "channel": source.channel.value,
                "intake": str(source.intake_id) if source.intake_id else None,
                "filled": filled,
                "score": lead.score,
                "contact": str(contact.id) if contact else None,
            },
        )
    ]
    if lead.mql and not was_mql:
        events.append(LeadEvent.of(lead, LeadEventKind.MQL, now, detail={"score": lead.score}))
    await LeadEvent.bulk_create(events)
    route_it = lead.status == LeadStatus.NURTURE and _should_route(lead, policy)
    return lead, route_it


def _score(lead: Lead, policy: LeadPolicy, now: datetime) -> dict[str, Any]:
    """Score the lead (and mark it an MQL); its view as the rules see it, with the score."""
    view = routing_view(input_of(lead), channel=lead.channel.value, tags=lead.tags, score=0)
    scored = policy.scoring.score(view)
    lead.score = scored.score
    lead.score_points = dict(scored.points)
    if not lead.mql and policy.scoring.is_mql(view, scored):
        lead.mql = True
        lead.mql_at = now
    view["score"] = lead.score
    return view


def input_of(lead: Lead) -> LeadInput:
    """A stored lead back as capture input (for scoring, routing and simulations)."""
    return LeadInput(
        contact_name=lead.contact_name,
        title=lead.title,
        phone=lead.phone,
        email=lead.email,
        wechat_id=lead.wechat_id,
        language=lead.language,
        company_name=lead.company_name,
        industry=lead.industry,
        company_size=lead.company_size,
        employees=lead.employees,
        funding_stage=lead.funding_stage,
        region=lead.region,
        city=lead.city,
        product_line=lead.product_line,
        budget=lead.budget,
        campaign=lead.campaign,
        external_id=lead.external_id,
        note=lead.note,
        renewal=lead.renewal,
        behaviour=lead.behaviour,
    )


__all__ = ["AssignmentKind", "CaptureOutcome", "Captured", "Source", "capture", "input_of"]
