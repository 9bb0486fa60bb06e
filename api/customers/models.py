"""Customers, their contacts and their sites (where visits happen)."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from api.common.models import MutableEntity
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

    class Meta:
        table = "customer"
        indexes = (("organisation", "name"), ("organisation", "owner"))


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
