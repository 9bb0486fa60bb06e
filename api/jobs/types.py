"""GraphQL types of background jobs."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.jobs.models import OutboxMessage


@strawberry.type(name="BackgroundJob")
class BackgroundJobType:
    job_id: str
    job_name: str
    status: str
    due_at: datetime
    attempts: int
    last_error: str | None

    @classmethod
    def from_row(cls, row: OutboxMessage) -> BackgroundJobType:
        return cls(
            job_id=row.job_id,
            job_name=row.job_name,
            status=row.status.value,
            due_at=row.due_at,
            attempts=row.attempts,
            last_error=row.last_error,
        )


@strawberry.type
class RetryJobPayload:
    job: BackgroundJobType | None
