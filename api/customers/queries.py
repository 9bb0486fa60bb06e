"""Customer queries: parse arguments, call the service, map rows to types."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.common.pagination import page_size, paginate
from api.context import Info
from api.customers import service
from api.customers.types import CustomerFilterInput, CustomerType
from api.graphql.connection import Connection
from api.graphql.ids import id_or_nothing, parse_id
from api.graphql.permissions import Requires


@strawberry.type
class CustomerQueries:
    @strawberry.field(permission_classes=[Requires(Permission.CUSTOMERS_VIEW)])
    async def customers(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: CustomerFilterInput | None = None,
    ) -> Connection[CustomerType]:
        principal = info.context.require_principal()
        f = filter or CustomerFilterInput()
        query = await service.list_customers(
            principal=principal,
            filter=service.CustomerFilter(
                search=f.search,
                industry=f.industry,
                tier=f.tier,
                city=f.city,
                owner_id=id_or_nothing(f.owner_id) if f.owner_id else None,
            ),
        )
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(query, first=size, after=after, order=("name", "id"))
        nodes = await CustomerType.build(page.items, info)
        return Connection.from_page(page, nodes)

    @strawberry.field(permission_classes=[Requires(Permission.CUSTOMERS_VIEW)])
    async def customer(self, info: Info, id: strawberry.ID) -> CustomerType | None:
        customer_id = parse_id(id)
        if customer_id is None:
            return None
        row = await service.get_customer(
            principal=info.context.require_principal(), customer_id=customer_id
        )
        return (await CustomerType.build([row], info))[0] if row else None
