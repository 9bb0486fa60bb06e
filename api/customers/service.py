"""Customer rules: scoped reads, validated writes of customers, contacts and sites."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field, fields
from typing import Any, TypeVar
from uuid import UUID

from tortoise.expressions import Q
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.clock import Clock
from api.common.contact_details import normalise_email, normalise_phone
from api.customers import visibility
from api.customers.errors import CustomerErrorCode as Code
from api.customers.models import Contact, ContactKind, Customer, CustomerTier, Datum, Site
from api.errors import ServiceError
from api.org.models import User
from api.org.scope import can_see_user, visible_user_ids

DEFAULT_SITE_RADIUS_M = 300  # DOMAIN.md §1; the visits policy makes it per-organisation
MIN_SITE_RADIUS_M, MAX_SITE_RADIUS_M = 50, 5000
MAX_CONTACTS, MAX_SITES = 50, 50
Child = TypeVar("Child", Contact, Site)


@dataclass(frozen=True, slots=True)
class ContactInput:
    name: str
    title: str = ""
    kind: ContactKind = ContactKind.BUSINESS
    phone: str | None = None
    email: str | None = None
    wechat_id: str | None = None


@dataclass(frozen=True, slots=True)
class SiteInput:
    name: str
    address: str
    latitude: float
    longitude: float
    datum: Datum
    city: str = ""
    radius_m: int | None = None


@dataclass(frozen=True, slots=True)
class CustomerInput:
    name: str
    industry: str = ""
    size: str = ""
    tier: CustomerTier = CustomerTier.B
    city: str = ""
    notes: str = ""
    owner_id: UUID | None = None
    payment_account: str | None = None
    payment_terms: str | None = None
    contacts: list[ContactInput] = field(default_factory=list)
    sites: list[SiteInput] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class CustomerChanges:
    """Fields to change; None leaves a field as it is."""

    name: str | None = None
    industry: str | None = None
    size: str | None = None
    tier: CustomerTier | None = None
    city: str | None = None
    notes: str | None = None
    owner_id: UUID | None = None
    payment_account: str | None = None
    payment_terms: str | None = None


@dataclass(frozen=True, slots=True)
class CustomerFilter:
    search: str | None = None
    industry: str | None = None
    tier: CustomerTier | None = None
    city: str | None = None
    owner_id: UUID | None = None


async def scoped_customers(
    *, principal: Principal, include_merged: bool = False
) -> QuerySet[Customer]:
    """Customers the caller may see: own (rep), team subtree (manager, director), or all.

    A customer merged into another (api.customers.merge) is gone for every reader: it neither
    lists nor reads, so an old link to it is simply not found. Only the merge itself asks for
    ``include_merged`` (to tell "already merged" from "not found").
    """
    query = Customer.filter(organisation_id=principal.organisation_id)
    if not include_merged:
        query = query.filter(merged_into_id=None)
    visible = await visible_user_ids(principal)
    if visible is not None:
        query = query.filter(owner_id__in=list(visible))
    return query


async def list_customers(*, principal: Principal, filter: CustomerFilter) -> QuerySet[Customer]:
    query = await scoped_customers(principal=principal)
    if filter.search and filter.search.strip():
        term = filter.search.strip()[:100]
        query = query.filter(
            Q(name__icontains=term) | Q(city__icontains=term) | Q(sites__address__icontains=term)
        ).distinct()
    if filter.industry:
        query = query.filter(industry=filter.industry)
    if filter.tier:
        query = query.filter(tier=filter.tier)
    if filter.city:
        query = query.filter(city=filter.city)
    if filter.owner_id:
        query = query.filter(owner_id=filter.owner_id)
    return query


async def get_customer(*, principal: Principal, customer_id: UUID) -> Customer | None:
    """The customer, or None when it does not exist or is outside the caller's scope."""
    query = await scoped_customers(principal=principal)
    return await query.filter(id=customer_id).first()


@dataclass(frozen=True, slots=True)
class CustomerRelations:
    """Owners, contacts and sites of a page of customers, each loaded in one query."""

    owners: dict[UUID, User] = field(default_factory=dict)
    contacts: dict[UUID, list[Contact]] = field(default_factory=dict)
    sites: dict[UUID, list[Site]] = field(default_factory=dict)


async def relations_of(
    *, customers: list[Customer], owners: bool, contacts: bool, sites: bool
) -> CustomerRelations:
    """Load only the relations asked for: at most three queries, sent together."""
    relations = CustomerRelations()
    if not customers:
        return relations
    ids = [c.id for c in customers]
    organisation_id = customers[0].organisation_id  # type: ignore[attr-defined]
    scope = {"customer_id__in": ids, "organisation_id": organisation_id}
    owner_ids = list({c.owner_id for c in customers if c.owner_id})  # type: ignore[attr-defined]
    nothing: list[Any] = []

    async def none() -> list[Any]:
        return nothing

    owner_rows, contact_rows, site_rows = await asyncio.gather(
        User.filter(id__in=owner_ids, organisation_id=organisation_id) if owners else none(),
        Contact.filter(**scope).order_by("name", "id") if contacts else none(),
        Site.filter(**scope).order_by("name", "id") if sites else none(),
    )
    relations.owners.update((user.id, user) for user in owner_rows)
    for contact in contact_rows:
        relations.contacts.setdefault(contact.customer_id, []).append(contact)
    for site in site_rows:
        relations.sites.setdefault(site.customer_id, []).append(site)
    return relations


# Longest text each customer field holds (the model's max_length; notes are free text).
_CUSTOMER_TEXT = {
    "name": 200,
    "industry": 64,
    "size": 32,
    "city": 64,
    "notes": 5000,
    "payment_account": 64,
    "payment_terms": 200,
}
_FIELD_PATH = {"payment_account": "paymentAccount", "payment_terms": "paymentTerms"}


def _check_customer_text(values: dict[str, Any]) -> None:
    for name, max_length in _CUSTOMER_TEXT.items():
        if name in values:
            _check_text(
                _FIELD_PATH.get(name, name), values[name], max_length, required=name == "name"
            )


def _check_payment_fields(principal: Principal, values: dict[str, Any]) -> None:
    """Only roles that may see payment details may write them."""
    for name in ("payment_account", "payment_terms"):
        if values.get(name) is not None and not visibility.sees_payment(principal):
            raise ServiceError(Code.PAYMENT_FIELDS_NOT_ALLOWED, field=_FIELD_PATH[name])


async def create_customer(*, principal: Principal, data: CustomerInput, clock: Clock) -> Customer:
    """Create a customer with its contacts and sites in one transaction."""
    _check_customer_text({name: getattr(data, name) for name in _CUSTOMER_TEXT})
    _check_payment_fields(
        principal,
        {"payment_account": data.payment_account, "payment_terms": data.payment_terms},
    )
    if len(data.contacts) > MAX_CONTACTS:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="contacts", max=MAX_CONTACTS)
    if len(data.sites) > MAX_SITES:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="sites", max=MAX_SITES)
    contacts = [_clean_contact(c, f"contacts.{i}") for i, c in enumerate(data.contacts)]
    sites = [_clean_site(s, f"sites.{i}") for i, s in enumerate(data.sites)]
    owner_id = data.owner_id or principal.user_id
    if not await can_see_user(principal, owner_id):
        raise ServiceError(Code.OWNER_NOT_FOUND, field="ownerId")
    async with in_transaction():
        customer = await Customer.create(
            organisation_id=principal.organisation_id,
            owner_id=owner_id,
            name=data.name.strip(),
            industry=data.industry.strip(),
            size=data.size.strip(),
            tier=data.tier,
            city=data.city.strip(),
            notes=data.notes,
            payment_account=data.payment_account,
            payment_terms=data.payment_terms,
        )
        for contact in contacts:
            await Contact.create(
                organisation_id=principal.organisation_id, customer=customer, **contact
            )
        for site in sites:
            await Site.create(organisation_id=principal.organisation_id, customer=customer, **site)
        await audit.record(
            organisation_id=principal.organisation_id,
            action="customer.created",
            at=clock.now(),
            actor_id=principal.user_id,
            subject_type="Customer",
            subject_id=str(customer.id),
            data={"contacts": len(contacts), "sites": len(sites)},
        )
    return customer


async def update_customer(
    *, principal: Principal, customer_id: UUID, changes: CustomerChanges, clock: Clock
) -> Customer:
    updates = {f.name: getattr(changes, f.name) for f in fields(changes)}
    updates = {k: v for k, v in updates.items() if v is not None}
    _check_customer_text(updates)
    _check_payment_fields(principal, updates)
    if "name" in updates:
        updates["name"] = updates["name"].strip()
    if "owner_id" in updates and not await can_see_user(principal, updates["owner_id"]):
        raise ServiceError(Code.OWNER_NOT_FOUND, field="ownerId")
    async with in_transaction():
        customer = await _customer_for_update(principal, customer_id)
        if updates:
            customer.update_from_dict(updates)
            await customer.save()
            await _record_change(principal, clock, "customer.updated", customer.id, updates)
    return customer


async def add_contact(
    *, principal: Principal, customer_id: UUID, data: ContactInput, clock: Clock
) -> Contact:
    return await _add_child(
        Contact,
        _clean_contact(data, ""),
        principal=principal,
        customer_id=customer_id,
        limit=MAX_CONTACTS,
        action="contact.added",
        clock=clock,
    )


async def update_contact(
    *, principal: Principal, contact_id: UUID, data: ContactInput, clock: Clock
) -> Contact:
    return await _update_child(
        Contact,
        contact_id,
        _clean_contact(data, ""),
        principal=principal,
        missing=Code.CONTACT_NOT_FOUND,
        field="contactId",
        action="contact.updated",
        clock=clock,
    )


async def add_site(
    *, principal: Principal, customer_id: UUID, data: SiteInput, clock: Clock
) -> Site:
    return await _add_child(
        Site,
        _clean_site(data, ""),
        principal=principal,
        customer_id=customer_id,
        limit=MAX_SITES,
        action="site.added",
        clock=clock,
    )


async def update_site(
    *, principal: Principal, site_id: UUID, data: SiteInput, clock: Clock
) -> Site:
    return await _update_child(
        Site,
        site_id,
        _clean_site(data, ""),
        principal=principal,
        missing=Code.SITE_NOT_FOUND,
        field="siteId",
        action="site.updated",
        clock=clock,
    )


async def _add_child(
    model: type[Child],
    values: dict[str, Any],
    *,
    principal: Principal,
    customer_id: UUID,
    limit: int,
    action: str,
    clock: Clock,
) -> Child:
    """Add a contact or site to a customer in scope, at most ``limit`` per customer."""
    async with in_transaction():
        customer = await _customer_for_update(principal, customer_id)
        if await model.filter(customer_id=customer.id).count() >= limit:
            raise ServiceError(Code.TOO_MANY_ITEMS, field="customerId", max=limit)
        child = await model.create(
            organisation_id=principal.organisation_id, customer=customer, **values
        )
        await _record_change(principal, clock, action, customer.id, {"id": child.id})
    return child


async def _update_child(
    model: type[Child],
    child_id: UUID,
    values: dict[str, Any],
    *,
    principal: Principal,
    missing: Code,
    field: str,
    action: str,
    clock: Clock,
) -> Child:
    """Change a contact or site whose customer is in scope; the row is locked meanwhile."""
    async with in_transaction():
        child = await _child_in_scope(model, child_id, principal, missing=missing, field=field)
        child.update_from_dict(values)
        await child.save()
        customer_id: UUID = child.customer_id  # type: ignore[attr-defined]
        await _record_change(principal, clock, action, customer_id, {"id": child.id, **values})
    return child


async def _child_in_scope(
    model: type[Child],
    child_id: UUID,
    principal: Principal,
    *,
    missing: Code,
    field: str,
    lock: bool = True,
) -> Child:
    """A contact or site whose customer the caller may see (locked for update by default)."""
    query = model.filter(id=child_id, organisation_id=principal.organisation_id)
    child = await (query.select_for_update() if lock else query).first()
    customer_id: UUID | None = child.customer_id if child else None  # type: ignore[attr-defined]
    if (
        child is None
        or customer_id is None
        or await get_customer(principal=principal, customer_id=customer_id) is None
    ):
        raise ServiceError(missing, field=field)
    return child


async def _customer_for_update(principal: Principal, customer_id: UUID) -> Customer:
    query = await scoped_customers(principal=principal)
    customer = await query.filter(id=customer_id).select_for_update().first()
    if customer is None:
        raise ServiceError(Code.CUSTOMER_NOT_FOUND, field="id")
    return customer


async def _record_change(
    principal: Principal, clock: Clock, action: str, customer_id: UUID, changed: dict[str, Any]
) -> None:
    await audit.record(
        organisation_id=principal.organisation_id,
        action=action,
        at=clock.now(),
        actor_id=principal.user_id,
        subject_type="Customer",
        subject_id=str(customer_id),
        # Field names only: values may be personal data.
        data={"fields": sorted(k for k in changed if k != "id"), "id": str(changed.get("id", ""))},
    )


def _check_text(field_name: str, value: str | None, max_length: int, *, required: bool) -> None:
    if required and not (value and value.strip()):
        raise ServiceError(Code.REQUIRED, field=field_name)
    if value is not None and len(value) > max_length:
        raise ServiceError(Code.TOO_LONG, field=field_name, max=max_length)


def _clean_contact(data: ContactInput, prefix: str) -> dict[str, Any]:
    path = f"{prefix}." if prefix else ""
    _check_text(f"{path}name", data.name, 100, required=True)
    _check_text(f"{path}title", data.title, 100, required=False)
    phone = None
    if data.phone and data.phone.strip():
        phone = normalise_phone(data.phone)
        if phone is None:
            raise ServiceError(Code.INVALID_PHONE, field=f"{path}phone")
    email = None
    if data.email and data.email.strip():
        email = normalise_email(data.email)
        if email is None:
            raise ServiceError(Code.INVALID_EMAIL, field=f"{path}email")
    _check_text(f"{path}wechatId", data.wechat_id, 64, required=False)
    return {
        "name": data.name.strip(),
        "title": data.title.strip(),
        "kind": data.kind,
        "phone": phone,
        "email": email,
        "wechat_id": (data.wechat_id or "").strip() or None,
    }


def _clean_site(data: SiteInput, prefix: str) -> dict[str, Any]:
    path = f"{prefix}." if prefix else ""
    _check_text(f"{path}name", data.name, 200, required=True)
    _check_text(f"{path}address", data.address, 300, required=True)
    _check_text(f"{path}city", data.city, 64, required=False)
    if not (-90 <= data.latitude <= 90 and -180 <= data.longitude <= 180) or (
        data.latitude == 0 and data.longitude == 0
    ):
        raise ServiceError(Code.INVALID_COORDINATES, field=f"{path}latitude")
    radius = DEFAULT_SITE_RADIUS_M if data.radius_m is None else data.radius_m
    if not MIN_SITE_RADIUS_M <= radius <= MAX_SITE_RADIUS_M:
        raise ServiceError(
            Code.INVALID_RADIUS,
            field=f"{path}radiusM",
            min=MIN_SITE_RADIUS_M,
            max=MAX_SITE_RADIUS_M,
        )
    return {
        "name": data.name.strip(),
        "address": data.address.strip(),
        "city": data.city.strip(),
        "latitude": data.latitude,
        "longitude": data.longitude,
        "datum": data.datum,
        "radius_m": radius,
    }


@dataclass(frozen=True, slots=True)
class RevealedContact:
    """A contact's unmasked details, as far as the caller's role may see them."""

    contact: Contact
    phone: str | None
    email: str | None
    wechat_id: str | None


async def reveal_contact(
    *, principal: Principal, contact_id: UUID, clock: Clock
) -> RevealedContact:
    """Show one contact unmasked, on purpose and audited; lists only ever show masked values.

    Sales roles with contacts.reveal see everything; delivery sees a technical contact's e-mail.
    """
    contact = await _child_in_scope(
        Contact, contact_id, principal, missing=Code.CONTACT_NOT_FOUND, field="id", lock=False
    )
    customer_id: UUID = contact.customer_id  # type: ignore[attr-defined]
    if not visibility.visible_contacts([contact], principal):
        raise ServiceError(Code.CONTACT_NOT_FOUND, field="id")
    if not visibility.may_reveal(principal, contact):
        raise ServiceError(Code.REVEAL_NOT_ALLOWED, field="id")
    fields_ = visibility.contact_fields(principal)
    revealed = RevealedContact(
        contact=contact,
        phone=contact.phone if "phone" in fields_ else None,
        email=contact.email if "email" in fields_ else None,
        wechat_id=contact.wechat_id if "wechat_id" in fields_ else None,
    )
    shown = [
        name
        for name, value in (
            ("phone", revealed.phone),
            ("email", revealed.email),
            ("wechat_id", revealed.wechat_id),
        )
        if value
    ]
    await audit.record(
        organisation_id=principal.organisation_id,
        action="personal_data.revealed",
        at=clock.now(),
        actor_id=principal.user_id,
        subject_type="Contact",
        subject_id=str(contact.id),
        data={"fields": shown, "customer_id": str(customer_id)},
    )
    return revealed
