"""Leads: where they came from, who has them, what happened to them, and the rules that decide.

A lead is captured from a channel (a webhook, an import row, a person), scored, and either kept
in marketing's nurture pool or routed to a rep. Its SLA deadlines live on the row itself
(``*_due_at``) and the earliest of them in ``sla_due_at``, which a partial index keeps cheap to
sweep: the database, not Redis, knows when a lead is late.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import UUID

from tortoise import fields
from tortoise.models import Model

from api.common.models import Entity, MutableEntity
from api.customers.models import Contact, Customer
from api.leads.mapping import Channel
from api.org.models import Organisation, User
from api.uploads.models import Upload


class LeadStatus(StrEnum):
    NURTURE = "NURTURE"  # marketing's pool: not (yet) a marketing-qualified lead
    POOL = "POOL"  # sales pool: qualified, nobody could take it (or it was recycled)
    ASSIGNED = "ASSIGNED"  # a rep owns it
    CLOSED = "CLOSED"  # won, lost or disqualified


class LeadStage(StrEnum):
    """The lead's progress in the sales funnel (DOMAIN.md §3): demo and beyond make it an SQL."""

    NEW = "NEW"
    CONTACTED = "CONTACTED"
    NEEDS_CONFIRMED = "NEEDS_CONFIRMED"
    DEMO = "DEMO"
    QUOTE = "QUOTE"
    WON = "WON"
    LOST = "LOST"
    DISQUALIFIED = "DISQUALIFIED"


class LeadPriority(StrEnum):
    LOW = "LOW"
    NORMAL = "NORMAL"
    HIGH = "HIGH"
    URGENT = "URGENT"


class IntakeStatus(StrEnum):
    ACCEPTED = "ACCEPTED"  # became (or was merged into) a lead
    HELD = "HELD"  # failed validation; kept with its errors for an admin to fix and replay
    DISCARDED = "DISCARDED"  # an admin decided it is junk


class AssignmentKind(StrEnum):
    ROUTED = "ROUTED"  # the routing rules chose the rep
    REROUTED = "REROUTED"  # the previous rep let it sleep; routed again without them
    MANUAL = "MANUAL"  # a manager or admin chose the rep, with a reason
    POOLED = "POOLED"  # nobody could take it: it waits in the sales pool


class LeadEventKind(StrEnum):
    CAPTURED = "CAPTURED"
    MERGED = "MERGED"  # a repeat of the same person arrived and was folded into this lead
    SCORED = "SCORED"
    MQL = "MQL"
    ASSIGNED = "ASSIGNED"
    NOTIFIED = "NOTIFIED"
    POOLED = "POOLED"
    VIEWED = "VIEWED"
    TOUCHED = "TOUCHED"
    FEEDBACK = "FEEDBACK"
    STAGE = "STAGE"
    SQL = "SQL"
    FIRST_TOUCH_OVERDUE = "FIRST_TOUCH_OVERDUE"
    UNVIEWED_RECYCLED = "UNVIEWED_RECYCLED"
    HANDOFF_OVERDUE = "HANDOFF_OVERDUE"
    REASSIGNED = "REASSIGNED"
    CLOSED = "CLOSED"


class TouchKind(StrEnum):
    CALL = "CALL"
    WECHAT = "WECHAT"
    SMS = "SMS"
    EMAIL = "EMAIL"
    VISIT = "VISIT"
    MEETING = "MEETING"


class FeedbackQuality(StrEnum):
    """Sales' verdict on a marketing lead (the 48-hour handoff asks for it)."""

    GOOD = "GOOD"
    FAIR = "FAIR"
    POOR = "POOR"
    INVALID = "INVALID"


class RuleSetStatus(StrEnum):
    DRAFT = "DRAFT"
    ACTIVE = "ACTIVE"
    RETIRED = "RETIRED"


class ImportStatus(StrEnum):
    PENDING = "PENDING"
    RUNNING = "RUNNING"
    DONE = "DONE"
    FAILED = "FAILED"


class LeadPolicyVersion(Entity):
    """One version of an organisation's lead policy (SLAs, working hours, scoring, MQL)."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="lead_policies", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    values: dict[str, object] = fields.JSONField()  # type: ignore[assignment]
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lead_policies", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "lead_policy_version"
        unique_together = (("organisation", "version"),)


class RoutingRuleSet(Entity):
    """A version of the routing rules: drafted, simulated, then activated (one active at most)."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="routing_rule_sets", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    status = fields.CharEnumField(RuleSetStatus, max_length=8, default=RuleSetStatus.DRAFT)
    rules: list[dict[str, object]] = fields.JSONField()  # type: ignore[assignment]
    default_pool = fields.CharField(max_length=32, default="default")
    note = fields.CharField(max_length=200, default="")
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="routing_rule_sets", null=True, on_delete=fields.SET_NULL
    )
    activated_at = fields.DatetimeField(null=True)
    activated_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="activated_rule_sets", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "routing_rule_set"
        unique_together = (("organisation", "version"),)
        indexes = (("organisation", "status"),)


class RoutingProfile(MutableEntity):
    """How a rep takes part in routing: pools, weight, capacity, absence."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="routing_profiles", on_delete=fields.CASCADE
    )
    user: fields.OneToOneRelation[User] = fields.OneToOneField(
        "models.User", related_name="routing_profile", on_delete=fields.CASCADE
    )
    pools: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    weight = fields.FloatField(default=1.0)
    capacity = fields.IntField(null=True)  # None: the policy's default capacity
    away_from = fields.DatetimeField(null=True)
    away_until = fields.DatetimeField(null=True)

    class Meta:
        table = "routing_profile"


class LeadChannel(MutableEntity):
    """A webhook source (a website form, a Douyin account, an exhibition ...) and its secret."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="lead_channels", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(Channel, max_length=16)
    # The {channel} of POST /webhooks/leads/{channel}: random, unguessable, unique.
    key = fields.CharField(max_length=40, unique=True)
    name = fields.CharField(max_length=100)
    secret = fields.CharField(max_length=100)
    previous_secret = fields.CharField(max_length=100, null=True)  # accepted while rotating
    previous_secret_until = fields.DatetimeField(null=True)  # ... until then
    mapping: dict[str, object] = fields.JSONField()  # type: ignore[assignment]
    campaign = fields.CharField(max_length=100, default="")
    enabled = fields.BooleanField(default=True)

    class Meta:
        table = "lead_channel"
        unique_together = (("organisation", "name"),)


class LeadIntake(Entity):
    """Every payload that arrived, as it arrived; the ones that failed are fixed and replayed."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="lead_intakes", on_delete=fields.CASCADE
    )
    channel: fields.ForeignKeyNullableRelation[LeadChannel] = fields.ForeignKeyField(
        "models.LeadChannel", related_name="intakes", null=True, on_delete=fields.SET_NULL
    )
    kind = fields.CharEnumField(Channel, max_length=16)
    delivery_key = fields.CharField(max_length=128, null=True)
    payload: object = fields.JSONField()
    status = fields.CharEnumField(IntakeStatus, max_length=10)
    errors: list[dict[str, str]] = fields.JSONField(default=list)  # type: ignore[assignment]
    lead: fields.ForeignKeyNullableRelation[Lead] = fields.ForeignKeyField(
        "models.Lead", related_name="intakes", null=True, on_delete=fields.SET_NULL
    )
    import_run: fields.ForeignKeyNullableRelation[LeadImport] = fields.ForeignKeyField(
        "models.LeadImport", related_name="intakes", null=True, on_delete=fields.SET_NULL
    )
    row_number = fields.IntField(null=True)  # the import row (header = 1) it came from
    merged = fields.BooleanField(default=False)  # accepted into an open lead of the same person
    received_at = fields.DatetimeField()
    resolved_at = fields.DatetimeField(null=True)
    resolved_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="resolved_intakes", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "lead_intake"
        # A delivery seen once is a replay the second time (NULLs never collide).
        unique_together = (("channel", "delivery_key"), ("import_run", "row_number"))
        indexes = (("organisation", "status", "received_at"),)


class LeadImport(Entity):
    """An Excel/CSV import, run row by row by a job; each row becomes an intake (its report)."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="lead_imports", on_delete=fields.CASCADE
    )
    upload: fields.ForeignKeyRelation[Upload] = fields.ForeignKeyField(
        "models.Upload", related_name="lead_imports", on_delete=fields.RESTRICT
    )
    created_by: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lead_imports", on_delete=fields.RESTRICT
    )
    campaign = fields.CharField(max_length=100, default="")
    status = fields.CharEnumField(ImportStatus, max_length=8, default=ImportStatus.PENDING)
    total_rows = fields.IntField(default=0)
    imported = fields.IntField(default=0)
    merged = fields.IntField(default=0)
    rejected = fields.IntField(default=0)
    error = fields.CharField(max_length=200, null=True)
    finished_at = fields.DatetimeField(null=True)

    class Meta:
        table = "lead_import"


class Lead(MutableEntity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="leads", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="leads", on_delete=fields.RESTRICT
    )
    contact: fields.ForeignKeyNullableRelation[Contact] = fields.ForeignKeyField(
        "models.Contact", related_name="leads", null=True, on_delete=fields.SET_NULL
    )
    channel = fields.CharEnumField(Channel, max_length=16)
    channel_config: fields.ForeignKeyNullableRelation[LeadChannel] = fields.ForeignKeyField(
        "models.LeadChannel", related_name="leads", null=True, on_delete=fields.SET_NULL
    )
    captured_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="captured_leads", null=True, on_delete=fields.SET_NULL
    )
    external_id = fields.CharField(max_length=64, null=True)
    campaign = fields.CharField(max_length=100, default="")
    # Contact and company as captured (the customer record is the merged truth).
    contact_name = fields.CharField(max_length=100, default="")
    title = fields.CharField(max_length=100, default="")
    phone = fields.CharField(max_length=32, null=True)
    email = fields.CharField(max_length=254, null=True)
    wechat_id = fields.CharField(max_length=64, null=True)
    language = fields.CharField(max_length=16, default="")
    company_name = fields.CharField(max_length=200, default="")
    industry = fields.CharField(max_length=64, default="")
    company_size = fields.CharField(max_length=32, default="")
    employees = fields.IntField(null=True)
    funding_stage = fields.CharField(max_length=32, default="")
    funding_round = fields.IntField(default=0)
    region = fields.CharField(max_length=64, default="")
    city = fields.CharField(max_length=64, default="")
    product_line = fields.CharField(max_length=64, default="")
    budget = fields.BigIntField(null=True)
    behaviour: dict[str, int] = fields.JSONField(default=dict)  # type: ignore[assignment]
    note = fields.TextField(default="")
    renewal = fields.BooleanField(default=False)
    # What scoring and routing made of it.
    score = fields.IntField(default=0)
    score_points: dict[str, int] = fields.JSONField(default=dict)  # type: ignore[assignment]
    mql = fields.BooleanField(default=False)
    mql_at = fields.DatetimeField(null=True)
    sql_at = fields.DatetimeField(null=True)
    tags: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    priority = fields.CharEnumField(LeadPriority, max_length=8, default=LeadPriority.NORMAL)
    pool = fields.CharField(max_length=32, default="")
    status = fields.CharEnumField(LeadStatus, max_length=8)
    stage = fields.CharEnumField(LeadStage, max_length=16, default=LeadStage.NEW)
    # The current assignment.
    owner: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="leads", null=True, on_delete=fields.SET_NULL
    )
    assignment_sequence = fields.IntField(default=0)  # LeadAssignment.sequence of the current one
    assigned_at = fields.DatetimeField(null=True)
    viewed_at = fields.DatetimeField(null=True)
    touched_at = fields.DatetimeField(null=True)
    recycled_count = fields.IntField(default=0)
    # Marketing -> sales handoff: first follow-up and feedback due within 48 hours.
    handoff_at = fields.DatetimeField(null=True)
    feedback = fields.CharEnumField(FeedbackQuality, max_length=8, null=True)
    feedback_at = fields.DatetimeField(null=True)
    # SLA deadlines of the current assignment; None once met (or not applicable).
    touch_due_at = fields.DatetimeField(null=True)
    view_due_at = fields.DatetimeField(null=True)
    handoff_due_at = fields.DatetimeField(null=True)
    sla_due_at = fields.DatetimeField(null=True)  # the earliest of the three: what the sweep reads
    touch_overdue = fields.BooleanField(default=False)
    handoff_overdue = fields.BooleanField(default=False)
    last_event_at = fields.DatetimeField()

    class Meta:
        table = "lead"
        indexes = (
            ("organisation", "owner", "status"),
            ("organisation", "status", "last_event_at"),
            ("organisation", "customer"),
        )


class LeadAssignment(Entity):
    """Who got the lead, by which rule and why (``lead.assignment.explain``); append-only."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="lead_assignments", on_delete=fields.CASCADE
    )
    lead: fields.ForeignKeyRelation[Lead] = fields.ForeignKeyField(
        "models.Lead", related_name="assignments", on_delete=fields.CASCADE
    )
    sequence = fields.IntField()
    kind = fields.CharEnumField(AssignmentKind, max_length=8)
    assignee: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lead_assignments", null=True, on_delete=fields.SET_NULL
    )
    pool = fields.CharField(max_length=32, default="")
    rule_set: fields.ForeignKeyNullableRelation[RoutingRuleSet] = fields.ForeignKeyField(
        "models.RoutingRuleSet", related_name="assignments", null=True, on_delete=fields.SET_NULL
    )
    rule_name = fields.CharField(max_length=60, null=True)
    explanation: dict[str, object] = fields.JSONField(default=dict)  # type: ignore[assignment]
    reason = fields.CharField(max_length=300, default="")
    assigned_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lead_assignments_made", null=True, on_delete=fields.SET_NULL
    )
    at = fields.DatetimeField()
    touched_at = fields.DatetimeField(null=True)
    touch_seconds = fields.IntField(null=True)  # SLA time (working time if so) to first touch
    ended_at = fields.DatetimeField(null=True)

    class Meta:
        table = "lead_assignment"
        unique_together = (("lead", "sequence"),)
        indexes = (("organisation", "assignee", "at"), ("organisation", "at"))


class LeadEvent(Entity):
    """The lead's timeline: every capture, merge, assignment, view, touch, breach; append-only."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="lead_events", on_delete=fields.CASCADE
    )
    lead: fields.ForeignKeyRelation[Lead] = fields.ForeignKeyField(
        "models.Lead", related_name="events", on_delete=fields.CASCADE
    )
    kind = fields.CharEnumField(LeadEventKind, max_length=20)
    at = fields.DatetimeField()
    actor: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lead_events", null=True, on_delete=fields.SET_NULL
    )
    detail: dict[str, object] = fields.JSONField(default=dict)  # type: ignore[assignment]

    @classmethod
    def of(
        cls,
        lead: Lead,
        kind: LeadEventKind,
        at: datetime,
        *,
        actor: UUID | None = None,
        detail: dict[str, object] | None = None,
    ) -> LeadEvent:
        """An event of ``lead`` (not saved: write it with ``save`` or ``bulk_create``)."""
        return cls(
            organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
            lead_id=lead.id,
            kind=kind,
            at=at,
            actor_id=actor,
            detail=detail or {},
        )

    class Meta:
        table = "lead_event"
        indexes = (("lead", "at"),)


class RepLoad(Model):
    """The open leads a person holds now, kept by every assignment change.

    Counting open leads per rep on each capture grows with the lead table; this counter does
    not. ``key`` is the user id as text (one row per person).
    """

    key = fields.CharField(max_length=36, primary_key=True)
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="rep_loads", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lead_loads", on_delete=fields.CASCADE
    )
    open_leads = fields.IntField(default=0)

    class Meta:
        table = "rep_load"


class RepTally(Model):
    """Leads routed to a person on one UTC day: the counts weighted round robin evens out."""

    key = fields.CharField(max_length=48, primary_key=True)  # "{user id}:{YYYY-MM-DD}"
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="rep_tallies", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="lead_tallies", on_delete=fields.CASCADE
    )
    day = fields.CharField(max_length=10)
    routed = fields.IntField(default=0)

    class Meta:
        table = "rep_tally"
        indexes = (("organisation", "day"),)
