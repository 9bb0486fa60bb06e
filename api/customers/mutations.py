"""Customer mutations: thin wrappers that call the service and map its errors."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.customers import merge, service
from api.customers.types import (
    ContactInput,
    ContactPayload,
    ContactType,
    CreateCustomerInput,
    CustomerError,
    CustomerMergePayload,
    CustomerMergeRecord,
    CustomerPayload,
    CustomerType,
    RevealContactPayload,
    RevealedContact,
    SiteInput,
    SitePayload,
    SiteType,
    UpdateCustomerInput,
)
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import Requires

EDIT = [Requires(Permission.CUSTOMERS_EDIT)]


def _contact(data: ContactInput) -> service.ContactInput:
    return service.ContactInput(
        name=data.name,
        title=data.title,
        kind=data.kind,
        phone=data.phone,
        email=data.email,
        wechat_id=data.wechat_id,
    )


def _site(data: SiteInput) -> service.SiteInput:
    return service.SiteInput(
        name=data.name,
        address=data.address,
        latitude=data.latitude,
        longitude=data.longitude,
        datum=data.datum,
        city=data.city,
        radius_m=data.radius_m,
    )


@strawberry.type
class CustomerMutations:
    @strawberry.mutation(permission_classes=EDIT)
    async def create_customer(self, info: Info, input: CreateCustomerInput) -> CustomerPayload:
        ctx = info.context
        try:
            row = await service.create_customer(
                principal=ctx.require_principal(),
                data=service.CustomerInput(
                    name=input.name,
                    industry=input.industry,
                    size=input.size,
                    tier=input.tier,
                    city=input.city,
                    notes=input.notes,
                    owner_id=id_or_nothing(input.owner_id) if input.owner_id else None,
                    payment_account=input.payment_account,
                    payment_terms=input.payment_terms,
                    contacts=[_contact(c) for c in input.contacts],
                    sites=[_site(s) for s in input.sites],
                ),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return CustomerPayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return CustomerPayload(customer=(await CustomerType.build([row], info))[0])

    @strawberry.mutation(permission_classes=EDIT)
    async def update_customer(
        self, info: Info, id: strawberry.ID, input: UpdateCustomerInput
    ) -> CustomerPayload:
        ctx = info.context
        try:
            row = await service.update_customer(
                principal=ctx.require_principal(),
                customer_id=id_or_nothing(id),
                changes=service.CustomerChanges(
                    name=input.name,
                    industry=input.industry,
                    size=input.size,
                    tier=input.tier,
                    city=input.city,
                    notes=input.notes,
                    owner_id=id_or_nothing(input.owner_id) if input.owner_id else None,
                    payment_account=input.payment_account,
                    payment_terms=input.payment_terms,
                ),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return CustomerPayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return CustomerPayload(customer=(await CustomerType.build([row], info))[0])

    @strawberry.mutation(permission_classes=EDIT)
    async def add_customer_contact(
        self, info: Info, customer_id: strawberry.ID, input: ContactInput
    ) -> ContactPayload:
        ctx = info.context
        try:
            row = await service.add_contact(
                principal=ctx.require_principal(),
                customer_id=id_or_nothing(customer_id),
                data=_contact(input),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return ContactPayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return ContactPayload(contact=ContactType.from_row(row, ctx.require_principal()))

    @strawberry.mutation(permission_classes=EDIT)
    async def update_customer_contact(
        self, info: Info, id: strawberry.ID, input: ContactInput
    ) -> ContactPayload:
        ctx = info.context
        try:
            row = await service.update_contact(
                principal=ctx.require_principal(),
                contact_id=id_or_nothing(id),
                data=_contact(input),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return ContactPayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return ContactPayload(contact=ContactType.from_row(row, ctx.require_principal()))

    @strawberry.mutation(permission_classes=EDIT)
    async def add_customer_site(
        self, info: Info, customer_id: strawberry.ID, input: SiteInput
    ) -> SitePayload:
        ctx = info.context
        try:
            row = await service.add_site(
                principal=ctx.require_principal(),
                customer_id=id_or_nothing(customer_id),
                data=_site(input),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return SitePayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return SitePayload(site=SiteType.from_row(row))

    @strawberry.mutation(permission_classes=EDIT)
    async def update_customer_site(
        self, info: Info, id: strawberry.ID, input: SiteInput
    ) -> SitePayload:
        ctx = info.context
        try:
            row = await service.update_site(
                principal=ctx.require_principal(),
                site_id=id_or_nothing(id),
                data=_site(input),
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return SitePayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return SitePayload(site=SiteType.from_row(row))

    @strawberry.mutation(
        permission_classes=[Requires(Permission.CONTACTS_VIEW)],
        description="Show one contact unmasked (audited). Lists only ever show masked values.",
    )
    async def reveal_contact(self, info: Info, id: strawberry.ID) -> RevealContactPayload:
        ctx = info.context
        principal = ctx.require_principal()
        try:
            revealed = await service.reveal_contact(
                principal=principal, contact_id=id_or_nothing(id), clock=ctx.clock
            )
        except ServiceError as exc:
            return RevealContactPayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return RevealContactPayload(
            revealed=RevealedContact(
                contact=ContactType.from_row(revealed.contact, principal),
                phone=revealed.phone,
                email=revealed.email,
                wechat_id=revealed.wechat_id,
            )
        )

    @strawberry.mutation(
        permission_classes=[Requires(Permission.CUSTOMERS_MERGE)],
        description=(
            "Fold duplicates into the survivor: their contacts, sites, leads and visits move to "
            "it, its blank fields are filled, and each merged customer is recorded (audited) "
            "and from then on reads as not found. At most 20 at once; a reason is required."
        ),
    )
    async def merge_customers(
        self,
        info: Info,
        survivor_id: strawberry.ID,
        merged_ids: list[strawberry.ID],
        reason: str,
    ) -> CustomerMergePayload:
        ctx = info.context
        try:
            result = await merge.merge_customers(
                principal=ctx.require_principal(),
                survivor_id=id_or_nothing(survivor_id),
                merged_ids=[id_or_nothing(i) for i in merged_ids],
                reason=reason,
                clock=ctx.clock,
            )
        except ServiceError as exc:
            return CustomerMergePayload(errors=user_errors(exc, CustomerError, ctx.locale))
        return CustomerMergePayload(
            customer=(await CustomerType.build([result.survivor], info))[0],
            merges=[CustomerMergeRecord.from_row(r) for r in result.merges],
        )
