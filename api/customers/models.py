"""Customers, their contacts and their sites (where visits happen)."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from api.common.models import Entity, MutableEntity
from api.leads.identity import company_key
from api.org.models import Organisation, User


class Datum(StrEnum):
    """Geodetic datum of a coordinate. Chinese map pickers give GCJ-02; raw GPS gives WGS-84."""

    WGS84 = "WGS84"
    GCJ02 = "GCJ02"


class CustomerTier(StrEnum):
    A = "A"
    B = "B"
    C = "C"


class ContactKind(StrEnum):
    BUSINESS = "business"
    TECHNICAL = "technical"
    FINANCE = "finance"


class Customer(MutableEntity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="customers", on_delete=fields.CASCADE
    )
    owner: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="customers", null=True, on_delete=fields.SET_NULL
    )
    name = fields.CharField(max_length=200)
    industry = fields.CharField(max_length=64, default="")
    size = fields.CharField(max_length=32, default="")
    tier = fields.CharEnumField(CustomerTier, max_length=1, default=CustomerTier.B)
    city = fields.CharField(max_length=64, default="")
    payment_account = fields.CharField(max_length=64, null=True)
    payment_terms = fields.CharField(max_length=200, null=True)
    notes = fields.TextField(default="")
    # De-duplication: the company name's key (api.leads.identity.company_key); "" for none.
    company_key = fields.CharField(max_length=200, default="")
    # Set when an explicit merge folded this customer into another one (never deleted).
    merged_into: fields.ForeignKeyNullableRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="merged_from", null=True, on_delete=fields.SET_NULL
    )

    def refresh_company_key(self) -> None:
        """Set ``company_key`` from the name (whatever writes the row calls this first)."""
        self.company_key = (company_key(self.name) or "") if self.name else ""

    async def save(self, *args: Any, **kwargs: Any) -> None:
        """Keep ``company_key`` in step with the name, whoever writes the row."""
        self.refresh_company_key()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = list({*update_fields, "company_key"})
        await super().save(*args, **kwargs)

    class Meta:
        table = "customer"
        indexes = (
            ("organisation", "name"),
            ("organisation", "owner"),
            ("organisation", "company_key"),
        )


class Contact(MutableEntity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="contacts", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="contacts", on_delete=fields.CASCADE, db_index=True
    )
    name = fields.CharField(max_length=100)
    title = fields.CharField(max_length=100, default="")
    kind = fields.CharEnumField(ContactKind, max_length=16, default=ContactKind.BUSINESS)
    phone = fields.CharField(max_length=32, null=True)
    email = fields.CharField(max_length=254, null=True)
    wechat_id = fields.CharField(max_length=64, null=True)

    class Meta:
        table = "contact"
        indexes = (("organisation", "phone"), ("organisation", "email"))


class Site(MutableEntity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="sites", on_delete=fields.CASCADE
    )
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="sites", on_delete=fields.CASCADE, db_index=True
    )
    name = fields.CharField(max_length=200)
    address = fields.CharField(max_length=300)
    city = fields.CharField(max_length=64, default="")
    latitude = fields.FloatField()
    longitude = fields.FloatField()
    datum = fields.CharEnumField(Datum, max_length=8)
    radius_m = fields.IntField()

    class Meta:
        table = "site"


class CustomerMerge(Entity):
    """The record of an explicit merge: what was folded into what, by whom, and what moved."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="customer_merges", on_delete=fields.CASCADE
    )
    survivor: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="merges_in", on_delete=fields.CASCADE
    )
    merged: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="merges_out", on_delete=fields.CASCADE
    )
    # The merged customer as it was (name, industry, contacts ...) and the counts moved.
    snapshot: dict[str, object] = fields.JSONField()  # type: ignore[assignment]
    moved: dict[str, int] = fields.JSONField()  # type: ignore[assignment]
    reason = fields.CharField(max_length=300)
    merged_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="customer_merges", null=True, on_delete=fields.SET_NULL
    )
    at = fields.DatetimeField()

    class Meta:
        table = "customer_merge"
