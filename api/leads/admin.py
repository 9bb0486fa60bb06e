"""Lead administration over GraphQL: routing rules and their dry run, the lead policy, routing
profiles, webhook channels and held payloads. Thin: parse, call the service, map errors."""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import strawberry
from strawberry.scalars import JSON

from api.auth.permissions import Permission
from api.common.contact_details import normalise_email, normalise_phone
from api.common.masking import mask_email, mask_phone, mask_text
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import Requires, RequiresAny
from api.leads import intake, profiles, rules
from api.leads import policy as policies
from api.leads.errors import LeadErrorCode
from api.leads.mapping import Channel
from api.leads.models import LeadChannel, LeadIntake, RoutingRuleSet
from api.leads.mutations import after_commit
from api.leads.types import (
    IntakeStatusEnum,
    LeadChannelKind,
    LeadError,
    LeadType,
    RuleSetStatusEnum,
    json_object,
)
from api.org.models import Role

ROUTING = [Requires(Permission.LEADS_ROUTING)]
CHANNELS = [Requires(Permission.LEADS_CHANNELS)]
PROFILES = [RequiresAny(Permission.LEADS_ROUTING, Permission.LEADS_MANAGE)]


@strawberry.type(name="RoutingRuleSet")
class RuleSetType:
    id: strawberry.ID
    version: int
    status: RuleSetStatusEnum  # type: ignore[valid-type]
    rules: JSON
    default_pool: str
    note: str
    created_at: datetime
    activated_at: datetime | None

    @classmethod
    def from_row(cls, row: RoutingRuleSet) -> RuleSetType:
        return cls(
            id=strawberry.ID(str(row.id)),
            version=row.version,
            status=row.status,
            rules=cast(JSON, row.rules),
            default_pool=row.default_pool,
            note=row.note,
            created_at=row.created_at,
            activated_at=row.activated_at,
        )


@strawberry.type
class RuleSetPayload:
    rule_set: RuleSetType | None = None
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type(name="RoutingSimulation")
class SimulationType:
    leads: int
    assigned: int
    unassigned: int
    max_share: float = strawberry.field(description="The largest share of one rep (0-1).")
    per_rep: JSON = strawberry.field(description="Rep id -> leads under the simulated rules.")
    per_rule: JSON
    per_outcome: JSON
    current: JSON = strawberry.field(description="Rep id -> where the same leads actually went.")


@strawberry.type
class SimulationPayload:
    simulation: SimulationType | None = None
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type(name="LeadPolicy")
class LeadPolicyType:
    version: int
    settings: JSON


@strawberry.type
class LeadPolicyPayload:
    policy: LeadPolicyType | None = None
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type(name="RoutingProfile")
class RoutingProfileType:
    user_id: strawberry.ID
    pools: list[str]
    weight: float
    capacity: int | None
    away_from: datetime | None
    away_until: datetime | None


@strawberry.type
class RoutingProfilePayload:
    profile: RoutingProfileType | None = None
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type(name="LeadChannel")
class LeadChannelType:
    id: strawberry.ID
    kind: LeadChannelKind  # type: ignore[valid-type]
    name: str
    key: str = strawberry.field(description="The {channel} of POST /webhooks/leads/{channel}.")
    mapping: JSON
    campaign: str
    enabled: bool

    @classmethod
    def from_row(cls, row: LeadChannel) -> LeadChannelType:
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            name=row.name,
            key=row.key,
            mapping=cast(JSON, row.mapping),
            campaign=row.campaign,
            enabled=row.enabled,
        )


@strawberry.type
class LeadChannelPayload:
    channel: LeadChannelType | None = None
    secret: str | None = strawberry.field(
        default=None, description="The signing secret: shown only when created or rotated."
    )
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type(name="LeadIntake")
class LeadIntakeType:
    id: strawberry.ID
    kind: LeadChannelKind  # type: ignore[valid-type]
    status: IntakeStatusEnum  # type: ignore[valid-type]
    payload: JSON
    errors: JSON
    row_number: int | None
    lead_id: strawberry.ID | None
    received_at: datetime

    @classmethod
    def from_row(cls, row: LeadIntake, info: Info) -> LeadIntakeType:
        lead_id = row.lead_id  # type: ignore[attr-defined]
        principal = info.context.require_principal()
        if principal.role == Role.ADMIN:
            payload = row.payload
            info.context.record_personal_data_view("lead_intake", str(row.id), "payload")
        else:
            payload = masked(row.payload)
        return cls(
            id=strawberry.ID(str(row.id)),
            kind=row.kind,
            status=row.status,
            payload=cast(JSON, payload),
            errors=cast(JSON, row.errors),
            row_number=row.row_number,
            lead_id=strawberry.ID(str(lead_id)) if lead_id else None,
            received_at=row.received_at,
        )


_PRIVATE_KEYS = ("wechat", "weixin", "微信", "openid", "unionid")
MAX_MASK_DEPTH = 20


def masked(value: Any, key: str = "", depth: int = 0) -> Any:
    """A payload with phone numbers, e-mail addresses and WeChat ids masked, wherever they are
    (marketing fixes held payloads but never sees a phone number)."""
    if depth > MAX_MASK_DEPTH:
        return "***"
    if isinstance(value, dict):
        return {k: masked(v, str(k), depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [masked(v, key, depth + 1) for v in value]
    if isinstance(value, str | int) and not isinstance(value, bool):
        text = str(value)
        if any(word in key.casefold() for word in _PRIVATE_KEYS):
            return mask_text(text)
        if normalise_phone(text):
            return mask_phone(text)
        if normalise_email(text):
            return mask_email(text)
    return value


@strawberry.type
class LeadIntakePayload:
    intake: LeadIntakeType | None = None
    lead: LeadType | None = None
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type
class LeadAdminQueries:
    @strawberry.field(permission_classes=ROUTING, description="Rule set versions, newest first.")
    async def routing_rule_sets(self, info: Info) -> list[RuleSetType]:
        rows = await rules.rule_sets(principal=info.context.require_principal())
        return [RuleSetType.from_row(r) for r in rows]

    @strawberry.field(permission_classes=ROUTING)
    async def lead_policy(self, info: Info) -> LeadPolicyType:
        principal = info.context.require_principal()
        current = await policies.current(organisation_id=principal.organisation_id)
        return LeadPolicyType(
            version=current.version, settings=cast(JSON, current.policy.to_json())
        )

    @strawberry.field(permission_classes=CHANNELS)
    async def lead_channels(self, info: Info) -> list[LeadChannelType]:
        rows = await intake.channels(principal=info.context.require_principal())
        return [LeadChannelType.from_row(r) for r in rows]

    @strawberry.field(
        permission_classes=CHANNELS,
        description="Payloads that failed validation, kept for fixing and replay (newest first).",
    )
    async def held_lead_intakes(self, info: Info) -> list[LeadIntakeType]:
        rows = await intake.held(principal=info.context.require_principal())
        return [LeadIntakeType.from_row(r, info) for r in rows]


def _errors(exc: ServiceError, info: Info) -> list[LeadError]:
    return user_errors(exc, LeadError, info.context.locale)


@strawberry.type
class LeadAdminMutations:
    @strawberry.mutation(
        permission_classes=ROUTING,
        description="Save routing rules as a new draft version (validated; not active yet).",
    )
    async def save_routing_rules(
        self, info: Info, rules_json: JSON, default_pool: str = "default", note: str = ""
    ) -> RuleSetPayload:
        ctx = info.context
        try:
            row = await rules.save_draft(
                principal=ctx.require_principal(),
                rules=rules_json,
                default_pool=default_pool,
                note=note,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return RuleSetPayload(errors=_errors(exc, info))
        return RuleSetPayload(rule_set=RuleSetType.from_row(row))

    @strawberry.mutation(permission_classes=ROUTING, description="Activate a draft rule set.")
    async def activate_routing_rules(
        self, info: Info, rule_set_id: strawberry.ID
    ) -> RuleSetPayload:
        ctx = info.context
        try:
            row = await rules.activate(
                principal=ctx.require_principal(),
                rule_set_id=id_or_nothing(rule_set_id),
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return RuleSetPayload(errors=_errors(exc, info))
        return RuleSetPayload(rule_set=RuleSetType.from_row(row))

    @strawberry.mutation(
        permission_classes=ROUTING,
        description="Dry run: where recent leads would go under these rules (nothing is written).",
    )
    async def simulate_routing(
        self,
        info: Info,
        rules_json: JSON,
        default_pool: str = "default",
        since: datetime | None = None,
        limit: int = 1000,
    ) -> SimulationPayload:
        ctx = info.context
        try:
            report = await rules.simulate(
                principal=ctx.require_principal(),
                rules=rules_json,
                default_pool=default_pool,
                since=since,
                limit=limit,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return SimulationPayload(errors=_errors(exc, info))
        result = report.simulation
        return SimulationPayload(
            simulation=SimulationType(
                leads=report.leads,
                assigned=result.total - result.unassigned,
                unassigned=result.unassigned,
                max_share=result.max_share,
                per_rep=cast(JSON, dict(result.per_rep)),
                per_rule=cast(JSON, dict(result.per_rule)),
                per_outcome=cast(JSON, {str(k): v for k, v in result.per_outcome.items()}),
                current=cast(JSON, report.current),
            )
        )

    @strawberry.mutation(
        permission_classes=ROUTING, description="Change SLA, working-hour, scoring or MQL settings."
    )
    async def update_lead_policy(self, info: Info, changes: JSON) -> LeadPolicyPayload:
        ctx = info.context
        data = json_object(changes)
        if data is None:
            error = ServiceError(LeadErrorCode.INVALID_LEAD_POLICY, "changes", reason="an object")
            return LeadPolicyPayload(errors=_errors(error, info))
        try:
            current = await policies.update(
                principal=ctx.require_principal(), changes=data, clock=ctx.clock
            )
        except ServiceError as exc:
            return LeadPolicyPayload(errors=_errors(exc, info))
        return LeadPolicyPayload(
            policy=LeadPolicyType(
                version=current.version, settings=cast(JSON, current.policy.to_json())
            )
        )

    @strawberry.mutation(
        permission_classes=PROFILES,
        description="Pools, weight, capacity and absence of a person for lead routing.",
    )
    async def set_routing_profile(
        self,
        info: Info,
        user_id: strawberry.ID,
        pools: list[str],
        weight: float = 1.0,
        capacity: int | None = None,
        away_from: datetime | None = None,
        away_until: datetime | None = None,
    ) -> RoutingProfilePayload:
        ctx = info.context
        try:
            row = await profiles.set_profile(
                principal=ctx.require_principal(),
                user_id=id_or_nothing(user_id),
                pools=pools,
                weight=weight,
                capacity=capacity,
                away_from=away_from,
                away_until=away_until,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return RoutingProfilePayload(errors=_errors(exc, info))
        return RoutingProfilePayload(
            profile=RoutingProfileType(
                user_id=strawberry.ID(str(row.user_id)),  # type: ignore[attr-defined]
                pools=list(row.pools),
                weight=row.weight,
                capacity=row.capacity,
                away_from=row.away_from,
                away_until=row.away_until,
            )
        )

    @strawberry.mutation(
        permission_classes=CHANNELS,
        description="A webhook channel with its default field mapping; the secret is shown once.",
    )
    async def create_lead_channel(
        self,
        info: Info,
        kind: LeadChannelKind,  # type: ignore[valid-type]
        name: str,
        mapping: JSON | None = None,
        campaign: str = "",
    ) -> LeadChannelPayload:
        ctx = info.context
        rules_json = json_object(mapping) if mapping is not None else None
        if mapping is not None and rules_json is None:
            error = ServiceError(LeadErrorCode.INVALID_MAPPING, "mapping", reason="an object")
            return LeadChannelPayload(errors=_errors(error, info))
        try:
            row = await intake.create_channel(
                principal=ctx.require_principal(),
                kind=Channel(kind),
                name=name,
                rules=rules_json,
                campaign=campaign,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return LeadChannelPayload(errors=_errors(exc, info))
        return LeadChannelPayload(channel=LeadChannelType.from_row(row), secret=row.secret)

    @strawberry.mutation(
        permission_classes=CHANNELS,
        description="Change a channel's mapping, switch it on or off, or rotate its secret.",
    )
    async def update_lead_channel(
        self,
        info: Info,
        channel_id: strawberry.ID,
        mapping: JSON | None = None,
        enabled: bool | None = None,
        rotate_secret: bool = False,
    ) -> LeadChannelPayload:
        ctx = info.context
        rules_json = json_object(mapping) if mapping is not None else None
        if mapping is not None and rules_json is None:
            error = ServiceError(LeadErrorCode.INVALID_MAPPING, "mapping", reason="an object")
            return LeadChannelPayload(errors=_errors(error, info))
        try:
            row = await intake.update_channel(
                principal=ctx.require_principal(),
                channel_id=id_or_nothing(channel_id),
                rules=rules_json,
                enabled=enabled,
                rotate_secret=rotate_secret,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return LeadChannelPayload(errors=_errors(exc, info))
        return LeadChannelPayload(
            channel=LeadChannelType.from_row(row), secret=row.secret if rotate_secret else None
        )

    @strawberry.mutation(
        permission_classes=CHANNELS,
        description="Run a held payload again, as stored or fixed (payload replaces it).",
    )
    async def replay_lead_intake(
        self, info: Info, intake_id: strawberry.ID, payload: JSON | None = None
    ) -> LeadIntakePayload:
        ctx = info.context
        try:
            row, lead = await intake.replay(
                principal=ctx.require_principal(),
                intake_id=id_or_nothing(intake_id),
                payload=payload,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return LeadIntakePayload(errors=_errors(exc, info))
        if lead is not None:
            await after_commit(info, lead)
        return LeadIntakePayload(
            intake=LeadIntakeType.from_row(row, info),
            lead=LeadType.from_row(lead, info) if lead else None,
        )

    @strawberry.mutation(permission_classes=CHANNELS, description="Set a held payload aside.")
    async def discard_lead_intake(self, info: Info, intake_id: strawberry.ID) -> LeadIntakePayload:
        ctx = info.context
        try:
            row = await intake.discard(
                principal=ctx.require_principal(),
                intake_id=id_or_nothing(intake_id),
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return LeadIntakePayload(errors=_errors(exc, info))
        return LeadIntakePayload(intake=LeadIntakeType.from_row(row, info))
