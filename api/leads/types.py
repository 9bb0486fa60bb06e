"""GraphQL types of leads: the lead (contacts masked by role), its assignments, its timeline."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from api.auth.principal import Principal
from api.common.masking import mask_email, mask_phone, mask_text
from api.context import Info
from api.leads import models
from api.leads.errors import LeadErrorCode
from api.leads.mapping import Channel
from api.org.models import Role
from api.org.types import UserType

LeadStatusEnum = strawberry.enum(models.LeadStatus, name="LeadStatus")
LeadStageEnum = strawberry.enum(models.LeadStage, name="LeadStage")
LeadPriorityEnum = strawberry.enum(models.LeadPriority, name="LeadPriority")
LeadChannelKind = strawberry.enum(Channel, name="LeadChannelKind")
AssignmentKindEnum = strawberry.enum(models.AssignmentKind, name="LeadAssignmentKind")
LeadEventKindEnum = strawberry.enum(models.LeadEventKind, name="LeadEventKind")
TouchKindEnum = strawberry.enum(models.TouchKind, name="LeadTouchKind")
FeedbackQualityEnum = strawberry.enum(models.FeedbackQuality, name="LeadFeedbackQuality")
IntakeStatusEnum = strawberry.enum(models.IntakeStatus, name="LeadIntakeStatus")
RuleSetStatusEnum = strawberry.enum(models.RuleSetStatus, name="RoutingRuleSetStatus")
ImportStatusEnum = strawberry.enum(models.ImportStatus, name="LeadImportStatus")
LeadErrorCodeEnum = strawberry.enum(LeadErrorCode, name="LeadErrorCode")


@strawberry.type
class LeadError:
    code: LeadErrorCodeEnum  # type: ignore[valid-type]
    field: str | None
    message: str


async def _user(info: Info, user_id: UUID | None) -> UserType | None:
    if user_id is None:
        return None
    row = await info.context.loaders.user_by_id.load(user_id)
    return UserType.from_row(row) if row else None


@strawberry.type(name="LeadAssignment")
class LeadAssignmentType:
    row: strawberry.Private[models.LeadAssignment]
    sequence: int
    kind: AssignmentKindEnum  # type: ignore[valid-type]
    pool: str
    rule_name: str | None
    reason: str
    at: datetime
    touched_at: datetime | None
    ended_at: datetime | None

    @classmethod
    def from_row(cls, row: models.LeadAssignment) -> LeadAssignmentType:
        return cls(
            row=row,
            sequence=row.sequence,
            kind=row.kind,
            pool=row.pool,
            rule_name=row.rule_name,
            reason=row.reason,
            at=row.at,
            touched_at=row.touched_at,
            ended_at=row.ended_at,
        )

    @strawberry.field(
        description="Why this assignee: the rule that matched, the eligible set, who was skipped "
        "and why, and the figures that decided (lead.assignment.explain)."
    )
    def explain(self) -> JSON:
        return cast(JSON, self.row.explanation)

    @strawberry.field
    async def assignee(self, info: Info) -> UserType | None:
        return await _user(info, self.row.assignee_id)  # type: ignore[attr-defined]

    @strawberry.field
    async def assigned_by(self, info: Info) -> UserType | None:
        return await _user(info, self.row.assigned_by_id)  # type: ignore[attr-defined]


@strawberry.type(name="LeadEvent")
class LeadEventType:
    row: strawberry.Private[models.LeadEvent]
    kind: LeadEventKindEnum  # type: ignore[valid-type]
    at: datetime

    @strawberry.field
    def detail(self) -> JSON:
        return cast(JSON, self.row.detail)

    @strawberry.field
    async def actor(self, info: Info) -> UserType | None:
        return await _user(info, self.row.actor_id)  # type: ignore[attr-defined]


def _contact(principal: Principal, lead: models.Lead, info: Info) -> dict[str, str | None]:
    """Phone, e-mail and WeChat as the caller may see them (DOMAIN.md, "People (roles)").

    The owner sees them whole (they must call within minutes) and so does an admin; each
    unmasked value is recorded as a personal-data view. Managers see them masked; marketing
    never sees a phone number or WeChat ID.
    """
    raw = {"phone": lead.phone, "email": lead.email, "wechat_id": lead.wechat_id}
    if principal.role == Role.MARKETING:
        return {
            "phone": None,
            "email": mask_email(lead.email) if lead.email else None,
            "wechat_id": None,
        }
    whole = principal.role == Role.ADMIN or lead.owner_id == principal.user_id  # type: ignore[attr-defined]
    if whole:
        for name, value in raw.items():
            if value:
                info.context.record_personal_data_view("lead", str(lead.id), name)
        return raw
    return {
        "phone": mask_phone(lead.phone) if lead.phone else None,
        "email": mask_email(lead.email) if lead.email else None,
        "wechat_id": mask_text(lead.wechat_id) if lead.wechat_id else None,
    }


@strawberry.type(name="Lead")
class LeadType:
    row: strawberry.Private[models.Lead]
    id: strawberry.ID
    channel: LeadChannelKind  # type: ignore[valid-type]
    campaign: str
    status: LeadStatusEnum  # type: ignore[valid-type]
    stage: LeadStageEnum  # type: ignore[valid-type]
    priority: LeadPriorityEnum  # type: ignore[valid-type]
    tags: list[str]
    pool: str
    score: int
    mql: bool
    mql_at: datetime | None
    sql_at: datetime | None
    renewal: bool
    contact_name: str
    title: str
    phone: str | None
    email: str | None
    wechat_id: str | None
    company_name: str
    industry: str
    company_size: str
    employees: int | None
    funding_stage: str
    region: str
    city: str
    product_line: str
    budget: float | None
    note: str
    created_at: datetime
    assigned_at: datetime | None
    viewed_at: datetime | None
    touched_at: datetime | None
    first_touch_due_at: datetime | None = strawberry.field(
        description="When the first follow-up is due (null once done)."
    )
    view_due_at: datetime | None = strawberry.field(
        description="When the lead is recycled unless its owner opens it (null once viewed)."
    )
    handoff_due_at: datetime | None
    touch_overdue: bool
    handoff_overdue: bool
    recycled_count: int
    feedback: FeedbackQualityEnum | None  # type: ignore[valid-type]

    @classmethod
    def from_row(cls, row: models.Lead, info: Info) -> LeadType:
        contact = _contact(info.context.require_principal(), row, info)
        return cls(
            row=row,
            id=strawberry.ID(str(row.id)),
            channel=row.channel,
            campaign=row.campaign,
            status=row.status,
            stage=row.stage,
            priority=row.priority,
            tags=list(row.tags),
            pool=row.pool,
            score=row.score,
            mql=row.mql,
            mql_at=row.mql_at,
            sql_at=row.sql_at,
            renewal=row.renewal,
            contact_name=row.contact_name,
            title=row.title,
            phone=contact["phone"],
            email=contact["email"],
            wechat_id=contact["wechat_id"],
            company_name=row.company_name,
            industry=row.industry,
            company_size=row.company_size,
            employees=row.employees,
            funding_stage=row.funding_stage,
            region=row.region,
            city=row.city,
            product_line=row.product_line,
            budget=float(row.budget) if row.budget is not None else None,
            note=row.note,
            created_at=row.created_at,
            assigned_at=row.assigned_at,
            viewed_at=row.viewed_at,
            touched_at=row.touched_at,
            first_touch_due_at=row.touch_due_at,
            view_due_at=row.view_due_at,
            handoff_due_at=row.handoff_due_at,
            touch_overdue=row.touch_overdue,
            handoff_overdue=row.handoff_overdue,
            recycled_count=row.recycled_count,
            feedback=row.feedback,
        )

    @strawberry.field
    def behaviour(self) -> JSON:
        return cast(JSON, self.row.behaviour)

    @strawberry.field(description="Points per scoring dimension (0-5 each).")
    def score_points(self) -> JSON:
        return cast(JSON, self.row.score_points)

    @strawberry.field
    def customer_id(self) -> strawberry.ID:
        return strawberry.ID(str(self.row.customer_id))  # type: ignore[attr-defined]

    @strawberry.field
    async def owner(self, info: Info) -> UserType | None:
        return await _user(info, self.row.owner_id)  # type: ignore[attr-defined]

    @strawberry.field(description="The current assignment, with its explanation.")
    async def assignment(self, info: Info) -> LeadAssignmentType | None:
        if not self.row.assignment_sequence:
            return None
        rows = await info.context.loaders.assignments_by_lead.load(self.row.id)
        current = [r for r in rows if r.sequence == self.row.assignment_sequence]
        return LeadAssignmentType.from_row(current[0]) if current else None

    @strawberry.field(description="Every assignment, oldest first.")
    async def assignments(self, info: Info) -> list[LeadAssignmentType]:
        rows = await info.context.loaders.assignments_by_lead.load(self.row.id)
        return [LeadAssignmentType.from_row(r) for r in rows]

    @strawberry.field(description="Everything that happened to the lead, oldest first.")
    async def timeline(self, info: Info) -> list[LeadEventType]:
        rows = await info.context.loaders.events_by_lead.load(self.row.id)
        return [LeadEventType(row=r, kind=r.kind, at=r.at) for r in rows]


@strawberry.input
class LeadBehaviourInput:
    pricing_page_visits: int | None = None
    whitepaper_downloads: int | None = None
    video_watch_seconds: int | None = None
    dwell_seconds: int | None = None


@strawberry.input
class CaptureLeadInput:
    channel: LeadChannelKind = Channel.STAFF  # type: ignore[valid-type]
    contact_name: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    wechat_id: str | None = None
    language: str | None = None
    company_name: str | None = None
    industry: str | None = None
    company_size: str | None = None
    employees: int | None = None
    funding_stage: str | None = None
    region: str | None = None
    city: str | None = None
    product_line: str | None = None
    budget: int | None = None
    campaign: str | None = None
    note: str | None = None
    renewal: bool = False
    behaviour: LeadBehaviourInput | None = None


@strawberry.type
class LeadPayload:
    lead: LeadType | None = None
    merged: bool = strawberry.field(
        default=False, description="True when the lead was folded into an open lead."
    )
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type(name="GoldenHourRate")
class GoldenRateType:
    user: UserType | None
    assigned: int
    in_time: int
    rate: float | None
    status: str = strawberry.field(description="OK (>= target), WATCH, INTERVENE, or NONE.")


@strawberry.type(name="LeadBoard")
class BoardType:
    overdue: list[LeadType]
    recycled: list[LeadType]
    pool: list[LeadType]
    golden_hour: list[GoldenRateType]


def json_object(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) else None
