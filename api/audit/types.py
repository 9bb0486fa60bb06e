"""GraphQL types of the audit log."""

from __future__ import annotations

from datetime import datetime
from typing import cast

import strawberry
from strawberry.scalars import JSON

from api.audit import models
from api.jobs.types import BackgroundJobType


@strawberry.type(name="AuditEntry")
class AuditEntryType:
    id: strawberry.ID
    seq: int
    at: datetime
    actor_id: strawberry.ID | None
    action: str
    subject_type: str
    subject_id: str
    data: JSON
    hash: str

    @classmethod
    def from_row(cls, row: models.AuditEntry) -> AuditEntryType:
        return cls(
            id=strawberry.ID(str(row.id)),
            seq=row.seq,
            at=row.at,
            actor_id=strawberry.ID(str(row.actor_id)) if row.actor_id else None,
            action=row.action,
            subject_type=row.subject_type,
            subject_id=row.subject_id,
            data=cast(JSON, row.data),
            hash=row.hash,
        )


@strawberry.type
class AuditProblem:
    code: str
    seq: int
    detail: str


@strawberry.type(name="AuditVerification")
class AuditVerificationType:
    id: strawberry.ID
    checked_entries: int
    ok: bool
    problems: list[AuditProblem]
    finished_at: datetime

    @classmethod
    def from_row(cls, row: models.AuditVerification) -> AuditVerificationType:
        return cls(
            id=strawberry.ID(str(row.id)),
            checked_entries=row.checked_entries,
            ok=row.ok,
            problems=[
                AuditProblem(code=str(p["code"]), seq=int(str(p["seq"])), detail=str(p["detail"]))
                for p in row.problems
            ],
            finished_at=row.finished_at,
        )


@strawberry.type
class RequestAuditVerificationPayload:
    job: BackgroundJobType


@strawberry.input
class AuditFilterInput:
    action: str | None = None
    subject_type: str | None = None
    subject_id: str | None = None
    actor_id: strawberry.ID | None = None
