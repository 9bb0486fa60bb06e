"""Visit queries: parse arguments, call the services, map rows to types."""

from __future__ import annotations

import dataclasses
from typing import cast

import strawberry
from strawberry.scalars import JSON

from api.auth.permissions import Permission
from api.common.pagination import page_size, paginate
from api.context import Info
from api.errors import ServiceError
from api.graphql.connection import Connection
from api.graphql.ids import id_or_nothing, parse_id
from api.graphql.permissions import Requires, RequiresAny
from api.org.models import User
from api.org.types import UserType
from api.visits import audit, service, trace
from api.visits import policy as policies
from api.visits.types import (
    MediaTrace,
    PhotoType,
    VerificationPolicyType,
    VisitFilterInput,
    VisitType,
)

VIEW = [RequiresAny(Permission.VISITS_CREATE, Permission.VISITS_AUDIT)]
AUDIT = [Requires(Permission.VISITS_AUDIT)]


def policy_type(current: policies.OrgPolicy) -> VerificationPolicyType:
    settings = {f.name: getattr(current.policy, f.name) for f in dataclasses.fields(current.policy)}
    settings["working_day_end"] = current.policy.working_day_end.strftime("%H:%M")
    return VerificationPolicyType(
        version=current.version,
        settings=cast(JSON, settings),
        lexicon=cast(JSON, current.lexicon.to_json()),
    )


@strawberry.type
class VisitQueries:
    @strawberry.field(permission_classes=VIEW)
    async def visit(self, info: Info, id: strawberry.ID) -> VisitType | None:
        visit_id = parse_id(id)
        if visit_id is None:
            return None
        row = await service.get_visit(principal=info.context.require_principal(), visit_id=visit_id)
        return (await VisitType.build([row], info))[0] if row else None

    @strawberry.field(permission_classes=VIEW, description="Newest first.")
    async def visits(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: VisitFilterInput | None = None,
    ) -> Connection[VisitType]:
        f = filter or VisitFilterInput()
        query = await service.list_visits(
            principal=info.context.require_principal(),
            filter=service.VisitFilter(
                rep_id=id_or_nothing(f.rep_id) if f.rep_id else None,
                customer_id=id_or_nothing(f.customer_id) if f.customer_id else None,
                verdicts=list(f.verdicts or []),
                started_after=f.started_after,
                started_before=f.started_before,
            ),
        )
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(
            query, first=size, after=after, order=("started_at", "id"), descending=True
        )
        return Connection.from_page(page, await VisitType.build(page.items, info))

    @strawberry.field(
        permission_classes=AUDIT,
        description="The team's visits waiting for an audit: suspicious first, oldest first.",
    )
    async def audit_queue(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[VisitType]:
        query = await audit.queue(principal=info.context.require_principal())
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(
            query, first=size, after=after, order=("queue_rank", "ended_at", "id")
        )
        return Connection.from_page(page, await VisitType.build(page.items, info))

    @strawberry.field(
        permission_classes=AUDIT,
        description="Which visit a photo comes from, and whether it is an altered copy.",
    )
    async def trace_media(self, info: Info, upload_id: strawberry.ID) -> MediaTrace | None:
        ctx = info.context
        upload = parse_id(upload_id)
        if upload is None:
            return None
        try:
            found = await trace.trace_media(
                principal=ctx.require_principal(), upload_id=upload, services=ctx.services
            )
        except ServiceError:
            return None
        if found.visit is None or found.photo is None:
            return MediaTrace(
                match=found.match,
                distance=None,
                visit=None,
                photo=None,
                taken_at=None,
                exif_taken_at=None,
                taken_by=None,
            )
        [visit] = await VisitType.build([found.visit], info)
        rep = await User.get(id=found.visit.rep_id)  # type: ignore[attr-defined]
        return MediaTrace(
            match=found.match,
            distance=found.distance,
            visit=visit,
            photo=PhotoType.from_row(found.photo, ctx),
            taken_at=found.photo.created_at,
            exif_taken_at=found.photo.taken_at,
            taken_by=UserType.from_row(rep),
        )

    @strawberry.field(permission_classes=[Requires(Permission.VISITS_POLICY)])
    async def verification_policy(self, info: Info) -> VerificationPolicyType:
        current = await policies.current(
            organisation_id=info.context.require_principal().organisation_id
        )
        return policy_type(current)
