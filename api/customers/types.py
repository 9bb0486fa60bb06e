"""GraphQL types of customers, contacts and sites, with role-based masking."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from api.auth.principal import Principal
from api.common.masking import mask_email, mask_phone, mask_text
from api.context import Context, Info
from api.customers import models, visibility
from api.customers.errors import CustomerErrorCode
from api.customers.service import CustomerRelations, relations_of
from api.graphql.selection import selected_names

if TYPE_CHECKING:
    from api.org.types import UserType

CustomerTier = strawberry.enum(models.CustomerTier, name="CustomerTier")
ContactKind = strawberry.enum(models.ContactKind, name="ContactKind")
Datum = strawberry.enum(models.Datum, name="Datum", description="WGS84 (GPS) or GCJ02 (China maps)")
CustomerErrorCodeEnum = strawberry.enum(CustomerErrorCode, name="CustomerErrorCode")


@strawberry.type(name="Contact", description="Masked for everyone; see revealContact.")
class ContactType:
    id: strawberry.ID
    name: str
    title: str
    kind: ContactKind  # type: ignore[valid-type]
    phone: str | None = strawberry.field(description="Masked: 138****5678; null for delivery.")
    email: str | None = strawberry.field(description="Masked: z***@domain.")
    wechat_id: str | None = strawberry.field(description="Masked; null for delivery.")

    @classmethod
    def from_row(cls, row: models.Contact, principal: Principal) -> ContactType:
        shown = visibility.contact_fields(principal)
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            title=row.title,
            kind=row.kind,
            phone=mask_phone(row.phone) if row.phone and "phone" in shown else None,
            email=mask_email(row.email) if row.email and "email" in shown else None,
            wechat_id=mask_text(row.wechat_id) if row.wechat_id and "wechat_id" in shown else None,
        )


@strawberry.type
class RevealedContact:
    """A contact unmasked on purpose; each reveal is written to the audit log."""

    contact: ContactType
    phone: str | None
    email: str | None
    wechat_id: str | None


@strawberry.type
class RevealContactPayload:
    revealed: RevealedContact | None = None
    errors: list[CustomerError] = strawberry.field(default_factory=list)


def _visible_contacts(rows: list[models.Contact], context: Context) -> list[ContactType]:
    principal = context.require_principal()
    return [
        ContactType.from_row(r, principal) for r in visibility.visible_contacts(rows, principal)
    ]


@strawberry.type(name="Site")
class SiteType:
    id: strawberry.ID
    name: str
    address: str
    city: str
    latitude: float
    longitude: float
    datum: Datum  # type: ignore[valid-type]
    radius_m: int

    @classmethod
    def from_row(cls, row: models.Site) -> SiteType:
        return cls(
            id=strawberry.ID(str(row.id)),
            name=row.name,
            address=row.address,
            city=row.city,
            latitude=row.latitude,
            longitude=row.longitude,
            datum=row.datum,
            radius_m=row.radius_m,
        )


@strawberry.type(name="Customer")
class CustomerType:
    row: strawberry.Private[models.Customer]
    context: strawberry.Private[Context]
    id: strawberry.ID
    name: str
    industry: str
    size: str
    tier: CustomerTier  # type: ignore[valid-type]
    city: str
    created_at: datetime
    updated_at: datetime
    # Relations are loaded page-wide and filled in when the type is built (CustomerType.build):
    # plain fields, so a page costs no resolver call, task or dataloader round per customer.
    owner: Annotated[UserType, strawberry.lazy("api.org.types")] | None
    contacts: list[ContactType] = strawberry.field(
        description="Contacts visible to the caller's role (none for marketing/finance)."
    )
    sites: list[SiteType]

    @classmethod
    async def build(cls, rows: list[models.Customer], info: Info) -> list[CustomerType]:
        """Types for ``rows`` with the relations the query selects, loaded page-wide."""
        wanted = selected_names(info)
        relations = await relations_of(
            customers=rows,
            owners="owner" in wanted,
            contacts="contacts" in wanted,
            sites="sites" in wanted,
        )
        return [cls.from_row(row, relations, info.context) for row in rows]

    @classmethod
    def from_row(
        cls, row: models.Customer, relations: CustomerRelations, context: Context
    ) -> CustomerType:
        from api.org.types import UserType

        owner_id: UUID | None = row.owner_id  # type: ignore[attr-defined]
        owner = relations.owners.get(owner_id) if owner_id else None
        return cls(
            row=row,
            context=context,
            id=strawberry.ID(str(row.id)),
            name=row.name,
            industry=row.industry,
            size=row.size,
            tier=row.tier,
            city=row.city,
            created_at=row.created_at,
            updated_at=row.updated_at,
            owner=UserType.from_row(owner) if owner else None,
            contacts=_visible_contacts(relations.contacts.get(row.id, []), context),
            sites=[SiteType.from_row(r) for r in relations.sites.get(row.id, [])],
        )

    @strawberry.field
    def notes(self) -> str | None:
        principal = self.context.require_principal()
        return self.row.notes if visibility.sees_notes(principal) else None

    @strawberry.field(description="Finance and admins only; each view is audited.")
    def payment_account(self) -> str | None:
        principal = self.context.require_principal()
        if not visibility.sees_payment(principal) or not self.row.payment_account:
            return None
        self.context.record_personal_data_view("Customer", str(self.row.id), "payment_account")
        return self.row.payment_account

    @strawberry.field(description="Finance and admins only.")
    def payment_terms(self) -> str | None:
        principal = self.context.require_principal()
        return self.row.payment_terms if visibility.sees_payment(principal) else None


@strawberry.type
class CustomerError:
    code: CustomerErrorCodeEnum  # type: ignore[valid-type]
    field: str | None
    message: str


@strawberry.input
class ContactInput:
    name: str
    title: str = ""
    kind: ContactKind = models.ContactKind.BUSINESS  # type: ignore[valid-type]
    phone: str | None = None
    email: str | None = None
    wechat_id: str | None = None


@strawberry.input
class SiteInput:
    name: str
    address: str
    latitude: float
    longitude: float
    datum: Datum  # type: ignore[valid-type]
    city: str = ""
    radius_m: int | None = strawberry.field(
        default=None, description="Verification radius in metres (default 300)."
    )


@strawberry.input
class CreateCustomerInput:
    name: str
    industry: str = ""
    size: str = ""
    tier: CustomerTier = models.CustomerTier.B  # type: ignore[valid-type]
    city: str = ""
    notes: str = ""
    owner_id: strawberry.ID | None = None
    payment_account: str | None = None
    payment_terms: str | None = None
    contacts: list[ContactInput] = strawberry.field(default_factory=list)
    sites: list[SiteInput] = strawberry.field(default_factory=list)


@strawberry.input
class UpdateCustomerInput:
    name: str | None = None
    industry: str | None = None
    size: str | None = None
    tier: CustomerTier | None = None  # type: ignore[valid-type]
    city: str | None = None
    notes: str | None = None
    owner_id: strawberry.ID | None = None
    payment_account: str | None = None
    payment_terms: str | None = None


@strawberry.input
class CustomerFilterInput:
    search: str | None = strawberry.field(
        default=None, description="Matches the name, city or a site's address."
    )
    industry: str | None = None
    tier: CustomerTier | None = None  # type: ignore[valid-type]
    city: str | None = None
    owner_id: strawberry.ID | None = None


@strawberry.type
class CustomerPayload:
    customer: CustomerType | None = None
    errors: list[CustomerError] = strawberry.field(default_factory=list)


@strawberry.type
class ContactPayload:
    contact: ContactType | None = None
    errors: list[CustomerError] = strawberry.field(default_factory=list)


@strawberry.type
class SitePayload:
    site: SiteType | None = None
    errors: list[CustomerError] = strawberry.field(default_factory=list)


@strawberry.type
class CustomerMergeRecord:
    """One customer folded into the survivor: what moved, why, when."""

    id: strawberry.ID
    merged_id: strawberry.ID
    moved: JSON = strawberry.field(
        description='Counts moved to the survivor: {"contacts", "sites", "leads", "visits"}.'
    )
    reason: str
    at: datetime

    @classmethod
    def from_row(cls, row: models.CustomerMerge) -> CustomerMergeRecord:
        merged_id: UUID = row.merged_id  # type: ignore[attr-defined]
        return cls(
            id=strawberry.ID(str(row.id)),
            merged_id=strawberry.ID(str(merged_id)),
            moved=cast(JSON, dict(row.moved)),
            reason=row.reason,
            at=row.at,
        )


@strawberry.type
class CustomerMergePayload:
    customer: CustomerType | None = strawberry.field(default=None, description="The survivor.")
    merges: list[CustomerMergeRecord] = strawberry.field(default_factory=list)
    errors: list[CustomerError] = strawberry.field(default_factory=list)
