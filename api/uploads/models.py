"""Uploaded media: one row per upload, bytes stored once by content hash in the MediaStore."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from api.common.models import Entity
from api.org.models import Organisation, User


class UploadKind(StrEnum):
    PHOTO = "photo"
    VOICE = "voice"
    TABLE = "table"  # an Excel/CSV file of leads to import


class Upload(Entity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="uploads", on_delete=fields.CASCADE
    )
    uploader: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="uploads", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(UploadKind, max_length=8)
    content_type = fields.CharField(max_length=100)  # the xlsx type alone is 65
    sha256 = fields.CharField(max_length=64, db_index=True)
    size = fields.IntField()
    width = fields.IntField(null=True)
    height = fields.IntField(null=True)
    duration_ms = fields.IntField(null=True)

    class Meta:
        table = "upload"
