"""The transactional outbox: jobs recorded with the business change that needs them."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields

from api.common.models import Entity
from api.org.models import Organisation


class OutboxStatus(StrEnum):
    PENDING = "pending"
    ENQUEUED = "enqueued"
    DONE = "done"
    FAILED = "failed"


class OutboxMessage(Entity):
    """A job that must run (at ``due_at``), written in the same transaction as its cause.

    The database is the source of truth: the relay enqueues it into arq with ``job_id`` as the
    deterministic arq job id, and the sweep re-enqueues any due message that Redis has lost.
    """

    organisation: fields.ForeignKeyNullableRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="outbox", null=True, on_delete=fields.CASCADE
    )
    job_name = fields.CharField(max_length=64)
    job_id = fields.CharField(max_length=128, unique=True)
    args: dict[str, object] = fields.JSONField(default=dict)  # type: ignore[assignment]
    status = fields.CharEnumField(OutboxStatus, max_length=16, default=OutboxStatus.PENDING)
    due_at = fields.DatetimeField()
    attempts = fields.IntField(default=0)
    enqueued_at = fields.DatetimeField(null=True)
    done_at = fields.DatetimeField(null=True)
    last_error = fields.CharField(max_length=500, null=True)

    class Meta:
        table = "outbox_message"
        indexes = (("status", "due_at"),)
