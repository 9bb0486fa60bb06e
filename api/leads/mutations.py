"""Lead mutations: thin wrappers that parse input, call the services and map their errors."""

from __future__ import annotations

from collections.abc import Awaitable, Sequence
from dataclasses import asdict

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import Requires
from api.jobs.models import OutboxMessage
from api.jobs.relay import hand_over, relay_now
from api.leads import capture, service, sla
from api.leads.errors import LeadErrorCode
from api.leads.fields import InvalidLead, clean
from api.leads.mapping import Channel
from api.leads.models import FeedbackQuality, Lead, LeadStage, TouchKind
from api.leads.types import (
    CaptureLeadInput,
    FeedbackQualityEnum,
    LeadError,
    LeadPayload,
    LeadStageEnum,
    LeadType,
    TouchKindEnum,
)
from api.onboarding import locks

VIEW = [Requires(Permission.LEADS_VIEW)]
STAFF_CHANNELS = frozenset({Channel.STAFF, Channel.MINI_PROGRAM, Channel.PHONE_400})


def invalid(exc: InvalidLead, locale: str) -> list[LeadError]:
    """Every problem of an invalid lead as a payload error."""
    errors: list[LeadError] = []
    for problem in exc.problems:
        code = LeadErrorCode(problem.code)
        params = {"max": problem.detail, "reason": problem.detail}
        errors.extend(user_errors(ServiceError(code, problem.field, **params), LeadError, locale))
    return errors


async def lead_payload(info: Info, change: Awaitable[Lead]) -> LeadPayload:
    """Run a service call that changes one lead; its result, or its error, as the payload."""
    try:
        lead = await change
    except ServiceError as exc:
        return LeadPayload(errors=user_errors(exc, LeadError, info.context.locale))
    return LeadPayload(lead=LeadType.from_row(lead, info))


async def after_commit(
    info: Info, lead: Lead, messages: Sequence[OutboxMessage] | None = None
) -> None:
    """Hand the assignment notice to arq and defer the SLA check to the next deadline.

    ``messages``: the outbox rows the mutation wrote, handed over without reading the outbox;
    the notice's job then defers the SLA check (a lead with no notice has no deadline). None
    when the mutation does not know them: what is due is relayed and the check deferred here.
    """
    services = info.context.services
    now = services.clock.now()
    if messages is None:
        await relay_now(redis=services.arq, now=now)
        await sla.schedule(services.arq, lead, now=now)
    else:
        await hand_over(redis=services.arq, messages=messages, now=now)


@strawberry.type
class LeadMutations:
    @strawberry.mutation(
        permission_classes=[Requires(Permission.LEADS_CAPTURE)],
        description="Capture a lead met in person, on the phone or in the mini-program.",
    )
    async def capture_lead(self, info: Info, input: CaptureLeadInput) -> LeadPayload:
        ctx = info.context
        principal = ctx.require_principal()
        channel = Channel(input.channel)
        if channel not in STAFF_CHANNELS:
            error = ServiceError(LeadErrorCode.INVALID_VALUE, "channel", reason=channel.value)
            return LeadPayload(errors=user_errors(error, LeadError, ctx.locale))
        values = {k: v for k, v in asdict(input).items() if k not in ("channel", "behaviour")}  # type: ignore[call-overload]
        if input.behaviour is not None:
            values["behaviour"] = {
                k: v
                for k, v in asdict(input.behaviour).items()
                if v is not None  # type: ignore[call-overload]
            }
        try:
            data = clean(values)
        except InvalidLead as exc:
            return LeadPayload(errors=invalid(exc, ctx.locale))
        captured = await capture.capture(
            organisation_id=principal.organisation_id,
            data=data,
            source=capture.Source(channel=channel, captured_by=principal.user_id),
            now=ctx.clock.now(),
        )
        await after_commit(info, captured.lead, captured.messages)
        # The lead goes back to its capturer only if they may see it (a rep capturing a lead
        # routed to a colleague gets no copy of it).
        visible = await service.visible(principal=principal, lead=captured.lead)
        return LeadPayload(
            lead=LeadType.from_row(captured.lead, info) if visible else None,
            merged=captured.outcome is capture.CaptureOutcome.MERGED,
        )

    @strawberry.mutation(
        permission_classes=VIEW,
        description="Open a lead; the owner's first view stops the recycle clock.",
    )
    async def view_lead(self, info: Info, lead_id: strawberry.ID) -> LeadPayload:
        return await lead_payload(
            info,
            service.view_lead(
                principal=info.context.require_principal(),
                lead_id=id_or_nothing(lead_id),
                now=info.context.clock.now(),
            ),
        )

    @strawberry.mutation(
        permission_classes=VIEW,
        description="Record a follow-up; the first one meets the first-touch SLA.",
    )
    async def touch_lead(
        self,
        info: Info,
        lead_id: strawberry.ID,
        kind: TouchKindEnum,  # type: ignore[valid-type]
        note: str = "",
    ) -> LeadPayload:
        return await lead_payload(
            info,
            service.touch_lead(
                principal=info.context.require_principal(),
                lead_id=id_or_nothing(lead_id),
                kind=TouchKind(kind),
                note=note,
                now=info.context.clock.now(),
            ),
        )

    @strawberry.mutation(
        permission_classes=VIEW,
        description="Sales' verdict on a marketing lead (completes the handoff).",
    )
    async def give_lead_feedback(
        self,
        info: Info,
        lead_id: strawberry.ID,
        quality: FeedbackQualityEnum,  # type: ignore[valid-type]
        note: str = "",
    ) -> LeadPayload:
        return await lead_payload(
            info,
            service.give_feedback(
                principal=info.context.require_principal(),
                lead_id=id_or_nothing(lead_id),
                quality=FeedbackQuality(quality),
                note=note,
                now=info.context.clock.now(),
            ),
        )

    @strawberry.mutation(
        permission_classes=VIEW,
        description="Move a lead along the funnel; the demo stage makes it an SQL.",
    )
    async def move_lead_stage(
        self,
        info: Info,
        lead_id: strawberry.ID,
        stage: LeadStageEnum,  # type: ignore[valid-type]
        note: str = "",
    ) -> LeadPayload:
        principal = info.context.require_principal()
        if LeadStage(stage) is LeadStage.QUOTE:
            # Quoting is a permission a new hire unlocks (standard quotes, level 2).
            await locks.require(principal, Permission.QUOTES_STANDARD, now=info.context.clock.now())
        return await lead_payload(
            info,
            service.move_stage(
                principal=principal,
                lead_id=id_or_nothing(lead_id),
                stage=LeadStage(stage),
                note=note,
                now=info.context.clock.now(),
            ),
        )

    @strawberry.mutation(
        permission_classes=[Requires(Permission.LEADS_MANAGE)],
        description="Hand a lead to someone in your team, with a reason (recorded and audited).",
    )
    async def reassign_lead(
        self, info: Info, lead_id: strawberry.ID, user_id: strawberry.ID, reason: str
    ) -> LeadPayload:
        ctx = info.context
        try:
            lead = await service.reassign(
                principal=ctx.require_principal(),
                lead_id=id_or_nothing(lead_id),
                user_id=id_or_nothing(user_id),
                reason=reason,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return LeadPayload(errors=user_errors(exc, LeadError, ctx.locale))
        await after_commit(info, lead)
        return LeadPayload(lead=LeadType.from_row(lead, info))
