"""The explicit customer merge: one customer per real customer.

A manager, director or admin folds duplicates into one survivor. Everything that hangs off a
merged customer (contacts, sites, leads, visits) moves to the survivor; the survivor's blank
fields are filled from it; the merged customer keeps its row, marked ``merged_into``, so it no
longer lists or reads (api.customers.service.scoped_customers) but history still points at it.
Each merged customer leaves a ``CustomerMerge`` record (a snapshot of what it was, the counts
moved, the reason) and one audit entry with ids and counts only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.clock import Clock
from api.customers.errors import CustomerErrorCode as Code
from api.customers.models import Contact, Customer, CustomerMerge, Site
from api.customers.service import scoped_customers
from api.errors import ServiceError
from api.leads.models import Lead
from api.visits.models import Visit

MAX_MERGED = 20
MAX_REASON = 300
# Blank fields of the survivor that a merged customer fills (never overwrites).
FILLED_FIELDS = ("industry", "size", "city", "company_key")
AUDIT_ACTION = "customers.merged"


@dataclass(frozen=True, slots=True)
class MergeResult:
    survivor: Customer
    merges: list[CustomerMerge]


async def merge_customers(
    *,
    principal: Principal,
    survivor_id: UUID,
    merged_ids: list[UUID],
    reason: str,
    clock: Clock,
) -> MergeResult:
    """Fold ``merged_ids`` into ``survivor_id`` in one transaction; all must be in scope."""
    reason = reason.strip()
    if not reason:
        raise ServiceError(Code.REASON_REQUIRED, field="reason")
    if len(reason) > MAX_REASON:
        raise ServiceError(Code.TOO_LONG, field="reason", max=MAX_REASON)
    ids = list(dict.fromkeys(merged_ids))  # a repeated id is merged once
    if not ids:
        raise ServiceError(Code.REQUIRED, field="mergedIds")
    if len(ids) > MAX_MERGED:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="mergedIds", max=MAX_MERGED)
    if survivor_id in ids:
        raise ServiceError(Code.SAME_CUSTOMER, field=f"mergedIds.{ids.index(survivor_id)}")
    async with in_transaction():
        survivor, merged = await _lock(principal, survivor_id, ids)
        now = clock.now()
        records = [await _fold(principal, survivor, row, reason, now) for row in merged]
        await survivor.save()
    return MergeResult(survivor=survivor, merges=records)


async def _lock(
    principal: Principal, survivor_id: UUID, merged_ids: list[UUID]
) -> tuple[Customer, list[Customer]]:
    """The survivor and the merged customers, locked in id order (no deadlock between merges).

    Out of scope reads as not found; a customer merged before is refused with its own code.
    """
    scoped = await scoped_customers(principal=principal, include_merged=True)
    rows = await scoped.filter(id__in=[survivor_id, *merged_ids]).order_by("id").select_for_update()
    by_id = {row.id: row for row in rows}
    survivor = by_id.get(survivor_id)
    if survivor is None:
        raise ServiceError(Code.CUSTOMER_NOT_FOUND, field="survivorId")
    if survivor.merged_into_id is not None:  # type: ignore[attr-defined]
        raise ServiceError(Code.CUSTOMER_MERGED, field="survivorId")
    merged = []
    for index, customer_id in enumerate(merged_ids):
        row = by_id.get(customer_id)
        if row is None:
            raise ServiceError(Code.CUSTOMER_NOT_FOUND, field=f"mergedIds.{index}")
        if row.merged_into_id is not None:  # type: ignore[attr-defined]
            raise ServiceError(Code.CUSTOMER_MERGED, field=f"mergedIds.{index}")
        merged.append(row)
    return survivor, merged


async def _fold(
    principal: Principal, survivor: Customer, merged: Customer, reason: str, now: datetime
) -> CustomerMerge:
    """Move one customer's dependants to the survivor, mark it merged, record and audit it."""
    snapshot = await _snapshot(merged)
    moving = {"customer_id": merged.id, "organisation_id": principal.organisation_id}
    moved_to = {"customer_id": survivor.id}
    moved = {
        "contacts": await Contact.filter(**moving).update(**moved_to),
        "sites": await Site.filter(**moving).update(**moved_to),
        "leads": await Lead.filter(**moving).update(**moved_to),
        "visits": await Visit.filter(**moving).update(**moved_to),
    }
    filled = [name for name in FILLED_FIELDS if not getattr(survivor, name)]
    filled = [name for name in filled if getattr(merged, name)]
    for name in filled:
        setattr(survivor, name, getattr(merged, name))
    # Customers merged into this one before now point straight at the survivor.
    await Customer.filter(
        merged_into_id=merged.id, organisation_id=principal.organisation_id
    ).update(merged_into_id=survivor.id)
    merged.merged_into = survivor
    await merged.save()
    record = await CustomerMerge.create(
        organisation_id=principal.organisation_id,
        survivor=survivor,
        merged=merged,
        snapshot=snapshot,
        moved=moved,
        reason=reason,
        merged_by_id=principal.user_id,
        at=now,
    )
    await audit.record(
        organisation_id=principal.organisation_id,
        action=AUDIT_ACTION,
        at=now,
        actor_id=principal.user_id,
        # Like the other customer entries (customer.created ...), so one filter shows them all.
        subject_type="Customer",
        subject_id=str(merged.id),
        # Ids, counts and field names only: the reason is free text and stays in the record.
        data={
            "survivor_id": survivor.id,
            "merged_id": merged.id,
            "merge_id": record.id,
            "moved": moved,
            "filled": filled,
        },
    )
    return record


async def _snapshot(customer: Customer) -> dict[str, object]:
    """What the merged customer was; its contacts by id, name and kind (no phone or e-mail)."""
    contacts = await Contact.filter(customer_id=customer.id).order_by("name", "id")
    sites = await Site.filter(customer_id=customer.id).order_by("name", "id")
    owner_id: UUID | None = customer.owner_id  # type: ignore[attr-defined]
    return {
        "name": customer.name,
        "industry": customer.industry,
        "size": customer.size,
        "tier": customer.tier.value,
        "city": customer.city,
        "company_key": customer.company_key,
        "owner_id": str(owner_id) if owner_id else None,
        "contacts": [{"id": str(c.id), "name": c.name, "kind": c.kind.value} for c in contacts],
        "sites": [{"id": str(s.id), "name": s.name} for s in sites],
    }
