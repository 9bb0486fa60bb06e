"""Lead queries: the rep's list, one lead, the manager's board and golden-hour rates."""

from __future__ import annotations

from datetime import datetime, timedelta

import strawberry

from api.auth.permissions import Permission
from api.common.pagination import page_size, paginate
from api.context import Info
from api.graphql.connection import Connection
from api.graphql.ids import parse_id
from api.graphql.permissions import Requires
from api.leads import service
from api.leads.models import LeadStatus
from api.leads.types import BoardType, GoldenRateType, LeadStatusEnum, LeadType
from api.org.types import UserType

VIEW = [Requires(Permission.LEADS_VIEW)]
MANAGE = [Requires(Permission.LEADS_MANAGE)]


async def golden_types(info: Info, rates: list[service.GoldenRate]) -> list[GoldenRateType]:
    users = [await info.context.loaders.user_by_id.load(r.user_id) for r in rates]
    return [
        GoldenRateType(
            user=UserType.from_row(u) if u else None,
            assigned=r.assigned,
            in_time=r.in_time,
            rate=r.rate,
            status=r.status,
        )
        for r, u in zip(rates, users, strict=True)
    ]


@strawberry.type
class LeadQueries:
    @strawberry.field(
        permission_classes=VIEW,
        description="The caller's own leads (open by default), soonest deadline first.",
    )
    async def my_leads(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        status: LeadStatusEnum | None = None,  # type: ignore[valid-type]
    ) -> Connection[LeadType]:
        query = await service.my_leads(
            principal=info.context.require_principal(),
            status=LeadStatus(status) if status else None,
        )
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(
            query, first=size, after=after, order=("last_event_at", "id"), descending=True
        )
        return Connection.from_page(page, lambda row: LeadType.from_row(row, info))

    @strawberry.field(
        permission_classes=VIEW, description="Leads in the caller's scope, newest first."
    )
    async def leads(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        status: LeadStatusEnum | None = None,  # type: ignore[valid-type]
    ) -> Connection[LeadType]:
        query = await service.scoped_leads(principal=info.context.require_principal())
        if status:
            query = query.filter(status=LeadStatus(status))
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(
            query, first=size, after=after, order=("created_at", "id"), descending=True
        )
        return Connection.from_page(page, lambda row: LeadType.from_row(row, info))

    @strawberry.field(permission_classes=VIEW, description="One lead in the caller's scope.")
    async def lead(self, info: Info, id: strawberry.ID) -> LeadType | None:
        lead_id = parse_id(id)
        if lead_id is None:
            return None
        row = await service.get_lead(principal=info.context.require_principal(), lead_id=lead_id)
        return LeadType.from_row(row, info) if row else None

    @strawberry.field(
        permission_classes=MANAGE,
        description="Overdue and recycled leads of the team, the pool, golden-hour rates.",
    )
    async def lead_board(self, info: Info) -> BoardType:
        ctx = info.context
        board = await service.board(principal=ctx.require_principal(), now=ctx.clock.now())
        return BoardType(
            overdue=[LeadType.from_row(r, info) for r in board.overdue],
            recycled=[LeadType.from_row(r, info) for r in board.recycled],
            pool=[LeadType.from_row(r, info) for r in board.pool],
            golden_hour=await golden_types(info, board.golden),
        )

    @strawberry.field(
        permission_classes=MANAGE,
        description="Golden-hour first-follow-up rate per rep since a time (default 30 days).",
    )
    async def golden_hour_rates(
        self, info: Info, since: datetime | None = None
    ) -> list[GoldenRateType]:
        ctx = info.context
        now = ctx.clock.now()
        rates = await service.golden_rates(
            principal=ctx.require_principal(), since=since or now - timedelta(days=30), now=now
        )
        return await golden_types(info, rates)
