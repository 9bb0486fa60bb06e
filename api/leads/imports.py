"""Excel/CSV lead imports: an uploaded table becomes one intake per row, run by a job.

:func:`start` records the import and its job in one transaction. :func:`run` (the job) reads the
table, stores every row as a :class:`LeadIntake` of kind ``IMPORT`` marked as being processed,
then processes each one exactly like a webhook payload (:func:`api.leads.intake.process`): it
becomes a lead (ACCEPTED, ``merged`` when it was folded into an open lead of the same person) or
is HELD with its problems, for an admin to fix and replay (``replayLeadIntake``) or discard.

The intakes are the report, and the run is idempotent: a row whose intake exists and was
processed is never processed again, and a row left marked as being processed (a crash between
storing it and capturing it: the capture and the intake's ACCEPTED mark share one transaction) is
processed again. A run that uses up :data:`RUN_BUDGET_SECONDS` schedules its own continuation and
stops, so that a large file never meets the worker's job timeout.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterable
from datetime import datetime
from typing import Any, cast
from uuid import UUID

from tortoise.functions import Count
from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.clock import Clock
from api.errors import ServiceError
from api.jobs import outbox
from api.leads import intake
from api.leads.errors import LeadErrorCode as Code
from api.leads.mapping import Channel
from api.leads.models import ImportStatus, IntakeStatus, LeadImport, LeadIntake
from api.leads.tabular import Row, TableError, read_table
from api.uploads.models import Upload, UploadKind
from api.uploads.service import get_upload
from api.uploads.store import MediaStore

log = logging.getLogger(__name__)

IMPORT_JOB = "leads.import"
MAX_CAMPAIGN = 100
MAX_ERROR = 200
RUN_BUDGET_SECONDS = 150.0  # well inside the worker's 300-second job timeout
_BATCH = 500


async def start(
    *, principal: Principal, upload_id: UUID, campaign: str, now: datetime
) -> LeadImport:
    """Record an import of an uploaded table and schedule the job that runs it.

    The caller must hold ``Permission.LEADS_CHANNELS``. ``campaign`` applies to the rows that
    name none.
    """
    campaign = campaign.strip()
    if len(campaign) > MAX_CAMPAIGN:
        raise ServiceError(Code.TOO_LONG, field="campaign", max=MAX_CAMPAIGN)
    upload = await get_upload(principal=principal, upload_id=upload_id)
    if upload is None:
        raise ServiceError(Code.UPLOAD_NOT_FOUND, field="uploadId")
    if upload.kind != UploadKind.TABLE:
        raise ServiceError(Code.UPLOAD_WRONG_KIND, field="uploadId", expected=UploadKind.TABLE)
    async with in_transaction():
        run_row = await LeadImport.create(
            organisation_id=principal.organisation_id,
            upload_id=upload.id,
            created_by_id=principal.user_id,
            campaign=campaign,
        )
        await outbox.add(
            job_name=IMPORT_JOB,
            args={"import_id": str(run_row.id)},
            due_at=now,
            key=str(run_row.id),
            organisation_id=principal.organisation_id,
        )
        await audit.record(
            organisation_id=principal.organisation_id,
            action="leads.import.started",
            at=now,
            actor_id=principal.user_id,
            subject_type="lead_import",
            subject_id=str(run_row.id),
            data={"upload_id": str(upload.id)},
        )
    log.info(
        "lead import started: id=%s upload=%s user=%s org=%s",
        run_row.id,
        upload.id,
        principal.user_id,
        principal.organisation_id,
    )
    return run_row


async def run(*, import_id: UUID, clock: Clock, media: MediaStore) -> LeadImport | None:
    """Import the rows of the table that are not imported yet; the job's body. Idempotent.

    ``media``: where the upload's bytes are (the store the API wrote them to). None when the
    import no longer exists.
    """
    row = await LeadImport.get_or_none(id=import_id)
    if row is None:
        log.warning("lead import %s no longer exists; nothing to run", import_id)
        return None
    if row.status == ImportStatus.FAILED:
        return row
    started = time.monotonic()
    now = clock.now()
    if row.status == ImportStatus.PENDING:
        await LeadImport.filter(id=row.id).update(status=ImportStatus.RUNNING)
        row.status = ImportStatus.RUNNING
    store = media
    upload = await Upload.get(id=row.upload_id)  # type: ignore[attr-defined]
    try:
        data = await store.get(upload.sha256)
        table = await asyncio.to_thread(read_table, data)
    except FileNotFoundError:
        return await _fail(row, "the uploaded file is missing from the media store", now)
    except TableError as exc:
        return await _fail(row, str(exc), now)
    if row.total_rows != len(table.rows):
        await LeadImport.filter(id=row.id).update(total_rows=len(table.rows))
        row.total_rows = len(table.rows)
    await _store_rows(row, table.rows, now)
    for index, pending in enumerate(await _pending(row.id)):
        if index and time.monotonic() - started > RUN_BUDGET_SECONDS:
            await _continue_later(row, pending.row_number or 0, clock.now())
            return row
        await intake.process(intake=pending, channel=None, payload=pending.payload, now=clock.now())
    return await _finish(row, clock.now())


async def _store_rows(row: LeadImport, rows: Iterable[Row], now: datetime) -> None:
    """An intake, marked as being processed, for every row that has none yet."""
    numbers = await LeadIntake.filter(import_run_id=row.id).values_list("row_number", flat=True)
    known = {cast(int, number) for number in numbers}
    missing = [
        LeadIntake(
            organisation_id=row.organisation_id,  # type: ignore[attr-defined]
            kind=Channel.IMPORT,
            import_run_id=row.id,
            row_number=table_row.number,
            payload=_payload(table_row, row.campaign),
            status=IntakeStatus.HELD,
            errors=intake.PROCESSING,
            received_at=now,
        )
        for table_row in rows
        if table_row.number not in known
    ]
    if missing:
        await LeadIntake.bulk_create(missing, batch_size=_BATCH, ignore_conflicts=True)


def _payload(table_row: Row, campaign: str) -> dict[str, Any]:
    """The row's lead fields, with the import's campaign when the row names none."""
    values: dict[str, Any] = dict(table_row.values)
    if campaign and not values.get("campaign"):
        values["campaign"] = campaign
    return values


async def _pending(import_id: UUID) -> list[LeadIntake]:
    """The intakes of the import still marked as being processed, in file order."""
    held = await LeadIntake.filter(import_run_id=import_id, status=IntakeStatus.HELD).order_by(
        "row_number"
    )
    return [r for r in held if is_processing(r)]


def is_processing(row: LeadIntake) -> bool:
    """Stored, not processed yet (or interrupted while being processed)."""
    return row.status == IntakeStatus.HELD and row.errors == intake.PROCESSING


async def _continue_later(row: LeadImport, next_row: int, now: datetime) -> None:
    """Schedule another run from ``next_row`` on: this one has used its time."""
    await outbox.add(
        job_name=IMPORT_JOB,
        args={"import_id": str(row.id)},
        due_at=now,
        key=f"{row.id}:{next_row}",
        organisation_id=row.organisation_id,  # type: ignore[attr-defined]
    )
    log.info("lead import %s continues from row %d in another run", row.id, next_row)


async def _fail(row: LeadImport, error: str, now: datetime) -> LeadImport:
    short = error[:MAX_ERROR]
    await LeadImport.filter(id=row.id).update(
        status=ImportStatus.FAILED, error=short, finished_at=now
    )
    row.status, row.error, row.finished_at = ImportStatus.FAILED, short, now
    log.info("lead import %s failed: %s", row.id, short)
    return row


async def counts(import_id: UUID) -> dict[str, int]:
    """Imported, merged and rejected rows of an import, from its intakes (one query)."""
    groups = (
        await LeadIntake.filter(import_run_id=import_id)
        .annotate(n=Count("id"))
        .group_by("status", "merged")
        .values("status", "merged", "n")
    )
    return tally((g["status"], g["merged"], g["n"]) for g in groups)


def tally(groups: Iterable[tuple[str, bool, int]]) -> dict[str, int]:
    """(intake status, merged, how many) -> imported, merged and rejected (held or discarded)."""
    result = {"imported": 0, "merged": 0, "rejected": 0}
    for status, merged, n in groups:
        if status == IntakeStatus.ACCEPTED:
            result["merged" if merged else "imported"] += n
        else:
            result["rejected"] += n
    return result


async def _finish(row: LeadImport, now: datetime) -> LeadImport:
    """DONE with the counts (finished_at and the audit entry only the first time)."""
    found = await counts(row.id)
    first = row.status != ImportStatus.DONE
    changes: dict[str, Any] = {**found, "status": ImportStatus.DONE}
    if first:
        changes["finished_at"] = now
    async with in_transaction():
        await LeadImport.filter(id=row.id).update(**changes)
        if first:
            await audit.record(
                organisation_id=row.organisation_id,  # type: ignore[attr-defined]
                action="leads.import.finished",
                at=now,
                actor_id=None,
                subject_type="lead_import",
                subject_id=str(row.id),
                data={"total_rows": row.total_rows, **found},
            )
    log.info("lead import %s done: rows=%d %s", row.id, row.total_rows, found)
    return await LeadImport.get(id=row.id)


async def report(*, principal: Principal, import_id: UUID) -> tuple[LeadImport, list[LeadIntake]]:
    """The import and its rows (intakes, in file order), in the caller's organisation.

    The counts are those of the rows now: a rejected row an admin replayed counts as imported.
    """
    row = await LeadImport.get_or_none(id=import_id, organisation_id=principal.organisation_id)
    if row is None:
        raise ServiceError(Code.IMPORT_NOT_FOUND, field="id")
    rows = await LeadIntake.filter(import_run_id=row.id).order_by("row_number")
    found = tally((r.status, r.merged, 1) for r in rows if not is_processing(r))
    row.imported, row.merged, row.rejected = found["imported"], found["merged"], found["rejected"]
    return row, rows
