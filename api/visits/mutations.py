"""Visit mutations: thin wrappers that parse input, call the services and map their errors."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Annotated

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import Requires
from api.visits import audit, photos, recordings, service
from api.visits import policy as policies
from api.visits.queries import policy_type
from api.visits.relations import VisitRelations
from api.visits.types import (
    AuditDecision,
    PhotoSource,
    PhotoType,
    PositionInput,
    StartVisitInput,
    VerificationPolicyPayload,
    VisitError,
    VisitOutcomeInput,
    VisitPayload,
    VisitPhotoPayload,
    VisitType,
    VoiceSummaryPayload,
    VoiceSummaryType,
)

CREATE = [Requires(Permission.VISITS_CREATE)]


def _position(data: PositionInput) -> service.Position:
    return service.Position(
        latitude=data.latitude,
        longitude=data.longitude,
        accuracy_m=data.accuracy,
        datum=data.datum,
        altitude_m=data.altitude,
        speed_mps=data.speed,
        captured_at=data.captured_at,
    )


async def _visit(row: object, info: Info) -> VisitType:
    return (await VisitType.build([row], info))[0]  # type: ignore[list-item]


@strawberry.type
class VisitMutations:
    @strawberry.mutation(permission_classes=CREATE, description="Check in at a customer site.")
    async def start_visit(self, info: Info, input: StartVisitInput) -> VisitPayload:
        ctx = info.context
        device = asdict(input.device) if input.device else {}  # type: ignore[call-overload]
        try:
            started = await service.start_visit(
                principal=ctx.require_principal(),
                data=service.StartVisit(
                    site_id=id_or_nothing(input.site_id),
                    position=_position(input.position),
                    client_time=input.client_time,
                    wifi=[service.WifiSighting(w.bssid, w.ssid) for w in input.wifi],
                    device={k: v for k, v in device.items() if v},
                ),
                services=ctx.services,
            )
        except ServiceError as exc:
            return VisitPayload(errors=user_errors(exc, VisitError, ctx.locale))
        # A visit just started has its start fix and nothing else yet: nothing to read back.
        known = VisitRelations(
            sites={started.site.id: started.site},
            fixes={started.visit.id: [started.start]},
            complete=frozenset(
                {"site", "start", "end", "photos", "voiceSummaries", "audits", "findings"}
            ),
        )
        [visit] = await VisitType.build([started.visit], info, known=known)
        return VisitPayload(visit=visit)

    @strawberry.mutation(permission_classes=CREATE)
    async def attach_visit_photo(
        self,
        info: Info,
        visit_id: strawberry.ID,
        upload_id: strawberry.ID,
        photo_source: Annotated[  # "source" would clash with strawberry's resolver arguments
            PhotoSource,  # type: ignore[valid-type]
            strawberry.argument(name="source", description="CAMERA or ALBUM."),
        ],
    ) -> VisitPhotoPayload:
        ctx = info.context
        try:
            row, visit = await photos.attach_photo(
                principal=ctx.require_principal(),
                visit_id=id_or_nothing(visit_id),
                upload_id=id_or_nothing(upload_id),
                source=photo_source,
                services=ctx.services,
            )
        except ServiceError as exc:
            return VisitPhotoPayload(errors=user_errors(exc, VisitError, ctx.locale))
        return VisitPhotoPayload(
            photo=PhotoType.from_row(row, ctx), visit=await _visit(visit, info)
        )

    @strawberry.mutation(permission_classes=CREATE)
    async def attach_voice_summary(
        self,
        info: Info,
        visit_id: strawberry.ID,
        upload_id: strawberry.ID,
        transcript: str | None = None,
    ) -> VoiceSummaryPayload:
        ctx = info.context
        try:
            row, visit = await recordings.attach_voice(
                principal=ctx.require_principal(),
                visit_id=id_or_nothing(visit_id),
                upload_id=id_or_nothing(upload_id),
                transcript=transcript,
                services=ctx.services,
            )
        except ServiceError as exc:
            return VoiceSummaryPayload(errors=user_errors(exc, VisitError, ctx.locale))
        return VoiceSummaryPayload(
            voice_summary=VoiceSummaryType.from_row(row, ctx), visit=await _visit(visit, info)
        )

    @strawberry.mutation(permission_classes=CREATE, description="Close the visit: its verdict.")
    async def end_visit(
        self,
        info: Info,
        visit_id: strawberry.ID,
        position: PositionInput | None = None,
        outcome: VisitOutcomeInput | None = None,
        client_time: datetime | None = None,
    ) -> VisitPayload:
        ctx = info.context
        result = outcome or VisitOutcomeInput()
        try:
            row = await service.end_visit(
                principal=ctx.require_principal(),
                visit_id=id_or_nothing(visit_id),
                position=_position(position) if position else None,
                client_time=client_time or (position.captured_at if position else None),
                outcome=service.Outcome(
                    summary=result.summary,
                    next_step=result.next_step,
                    next_step_due=result.next_step_due,
                ),
                services=ctx.services,
            )
        except ServiceError as exc:
            return VisitPayload(errors=user_errors(exc, VisitError, ctx.locale))
        return VisitPayload(visit=await _visit(row, info))

    @strawberry.mutation(permission_classes=[Requires(Permission.VISITS_AUDIT)])
    async def decide_visit_audit(
        self,
        info: Info,
        visit_id: strawberry.ID,
        decision: AuditDecision,  # type: ignore[valid-type]
        comment: str,
    ) -> VisitPayload:
        ctx = info.context
        try:
            row = await audit.decide(
                principal=ctx.require_principal(),
                visit_id=id_or_nothing(visit_id),
                decision=decision,
                comment=comment,
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return VisitPayload(errors=user_errors(exc, VisitError, ctx.locale))
        return VisitPayload(visit=await _visit(row, info))

    @strawberry.mutation(permission_classes=[Requires(Permission.VISITS_POLICY)])
    async def update_verification_policy(
        self,
        info: Info,
        settings: strawberry.scalars.JSON | None = None,
        lexicon: strawberry.scalars.JSON | None = None,
    ) -> VerificationPolicyPayload:
        ctx = info.context
        try:
            current = await policies.update(
                principal=ctx.require_principal(),
                overrides=policies.json_object(settings, "settings"),
                lexicon=policies.json_object(lexicon, "lexicon"),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return VerificationPolicyPayload(errors=user_errors(exc, VisitError, ctx.locale))
        return VerificationPolicyPayload(policy=policy_type(current))
