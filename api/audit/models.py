"""The append-only, hash-chained audit log (one chain per organisation)."""

from __future__ import annotations

from tortoise import fields

from api.common.models import Entity
from api.org.models import Organisation


class AuditEntry(Entity):
    """One recorded action. ``hash`` covers every other column and the previous entry's hash."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="audit_entries", on_delete=fields.RESTRICT
    )
    seq = fields.BigIntField()
    at = fields.DatetimeField()
    actor_id = fields.UUIDField(null=True)
    action = fields.CharField(max_length=64)
    subject_type = fields.CharField(max_length=32, default="")
    subject_id = fields.CharField(max_length=64, default="")
    data: dict[str, object] = fields.JSONField(default=dict)  # type: ignore[assignment]
    prev_hash = fields.CharField(max_length=64)
    hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_entry"
        unique_together = (("organisation", "seq"),)


class AuditChainHead(Entity):
    """The last link of an organisation's chain, locked while appending: the chain never forks."""

    organisation: fields.OneToOneRelation[Organisation] = fields.OneToOneField(
        "models.Organisation", related_name="audit_head", on_delete=fields.RESTRICT
    )
    last_seq = fields.BigIntField(default=0)
    last_hash = fields.CharField(max_length=64)

    class Meta:
        table = "audit_chain_head"


class AuditVerification(Entity):
    """The result of one run of the chain verifier."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="audit_verifications", on_delete=fields.CASCADE
    )
    request_key = fields.CharField(
        max_length=128, null=True, unique=True, description="The job that ran it, once."
    )
    checked_entries = fields.BigIntField()
    ok = fields.BooleanField()
    problems: list[dict[str, object]] = fields.JSONField(default=list)  # type: ignore[assignment]
    finished_at = fields.DatetimeField()

    class Meta:
        table = "audit_verification"
