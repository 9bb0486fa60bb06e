"""Organisations, the team tree and the people in it."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from api.common.models import MutableEntity


class Role(StrEnum):
    REP = "rep"
    MANAGER = "manager"
    DIRECTOR = "director"
    MARKETING = "marketing"
    DELIVERY = "delivery"
    FINANCE = "finance"
    ADMIN = "admin"


class TeamKind(StrEnum):
    REGION = "region"
    TEAM = "team"


class ServiceLevel(StrEnum):
    JUNIOR = "junior"
    STANDARD = "standard"
    SENIOR = "senior"


class Organisation(MutableEntity):
    name = fields.CharField(max_length=200)
    slug = fields.CharField(max_length=64, unique=True)
    time_zone = fields.CharField(max_length=64, default="Asia/Shanghai")
    locale = fields.CharField(max_length=16, default="zh-CN")

    class Meta:
        table = "organisation"


class Team(MutableEntity):
    """A node of the organisation's team tree; ``path`` lists the ancestors' ids and its own."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="teams", on_delete=fields.CASCADE
    )
    parent: fields.ForeignKeyNullableRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="children", null=True, on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=200)
    kind = fields.CharEnumField(TeamKind, max_length=16, default=TeamKind.TEAM)
    path = fields.CharField(max_length=1024, db_index=True)

    class Meta:
        table = "team"
        unique_together = (("organisation", "name"),)


class User(MutableEntity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="users", on_delete=fields.CASCADE
    )
    team: fields.ForeignKeyNullableRelation[Team] = fields.ForeignKeyField(
        "models.Team", related_name="members", null=True, on_delete=fields.SET_NULL, db_index=True
    )
    manager: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="reports", null=True, on_delete=fields.SET_NULL
    )
    username = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=100)
    role = fields.CharEnumField(Role, max_length=16)
    password_hash = fields.CharField(max_length=255, null=True)
    phone = fields.CharField(max_length=32, null=True)
    email = fields.CharField(max_length=254, null=True)
    hire_date = fields.DateField(null=True)
    industries: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    languages: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    service_level = fields.CharEnumField(ServiceLevel, max_length=16, default=ServiceLevel.STANDARD)
    locale = fields.CharField(max_length=16, default="zh-CN")
    is_active = fields.BooleanField(default=True)
    in_onboarding = fields.BooleanField(default=False)

    class Meta:
        table = "app_user"
