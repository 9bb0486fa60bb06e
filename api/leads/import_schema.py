"""Excel/CSV lead imports over GraphQL: start one from an uploaded table, read its report.

Thin: parse, call :mod:`api.leads.imports`, map errors. A rejected row is a held intake: fix and
replay it with ``replayLeadIntake(intakeId:)`` or set it aside with ``discardLeadIntake``.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import strawberry

from api import i18n
from api.auth.permissions import Permission
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import Requires
from api.jobs.relay import relay_now
from api.leads import imports
from api.leads.models import IntakeStatus, LeadImport, LeadIntake
from api.leads.types import ImportStatusEnum, LeadError

CHANNELS = [Requires(Permission.LEADS_CHANNELS)]


class RowOutcome(StrEnum):
    IMPORTED = "IMPORTED"  # became a new lead
    MERGED = "MERGED"  # folded into an open lead of the same person
    REJECTED = "REJECTED"  # held with its errors (or discarded by an admin)
    PENDING = "PENDING"  # not processed yet


RowOutcomeEnum = strawberry.enum(RowOutcome, name="LeadImportRowOutcome")


def outcome_of(row: LeadIntake) -> RowOutcome:
    if imports.is_processing(row):
        return RowOutcome.PENDING
    if row.status == IntakeStatus.ACCEPTED:
        return RowOutcome.MERGED if row.merged else RowOutcome.IMPORTED
    return RowOutcome.REJECTED


@strawberry.type(name="LeadImportRowError")
class ImportRowErrorType:
    field: str = strawberry.field(description="The lead field at fault ('' for the whole row).")
    code: str = strawberry.field(description="NO_CONTACT, INVALID_PHONE, TOO_LONG, ...")
    detail: str
    message: str = strawberry.field(description="The problem in the caller's language.")


@strawberry.type(name="LeadImportRow")
class ImportRowType:
    row_number: int = strawberry.field(description="The row (or line) number in the file.")
    outcome: RowOutcomeEnum  # type: ignore[valid-type]
    intake_id: strawberry.ID = strawberry.field(
        description="The intake to replay (fixed) or discard when the row was rejected."
    )
    lead_id: strawberry.ID | None
    errors: list[ImportRowErrorType]

    @classmethod
    def from_row(cls, row: LeadIntake, locale: str) -> ImportRowType:
        lead_id = row.lead_id  # type: ignore[attr-defined]
        outcome = outcome_of(row)
        problems = [] if outcome is RowOutcome.PENDING else row.errors
        return cls(
            row_number=row.row_number or 0,
            outcome=outcome,
            intake_id=strawberry.ID(str(row.id)),
            lead_id=strawberry.ID(str(lead_id)) if lead_id else None,
            errors=[_error(problem, locale) for problem in problems],
        )


def _error(problem: dict[str, str], locale: str) -> ImportRowErrorType:
    code, detail = str(problem.get("code", "")), str(problem.get("detail", ""))
    return ImportRowErrorType(
        field=str(problem.get("field", "")),
        code=code,
        detail=detail,
        message=i18n.message(code, locale, max=detail, reason=detail),
    )


@strawberry.type(name="LeadImport")
class LeadImportType:
    run: strawberry.Private[LeadImport]
    intakes: strawberry.Private[list[LeadIntake]]
    id: strawberry.ID
    status: ImportStatusEnum  # type: ignore[valid-type]
    campaign: str
    total_rows: int
    imported: int = strawberry.field(description="Rows that became new leads.")
    merged: int = strawberry.field(description="Rows folded into an open lead of the same person.")
    rejected: int = strawberry.field(description="Rows held with their errors, or discarded.")
    error: str | None = strawberry.field(description="Why the file could not be read (FAILED).")
    created_at: datetime
    finished_at: datetime | None

    @classmethod
    def from_row(cls, run: LeadImport, intakes: list[LeadIntake]) -> LeadImportType:
        return cls(
            run=run,
            intakes=intakes,
            id=strawberry.ID(str(run.id)),
            status=run.status,
            campaign=run.campaign,
            total_rows=run.total_rows,
            imported=run.imported,
            merged=run.merged,
            rejected=run.rejected,
            error=run.error,
            created_at=run.created_at,
            finished_at=run.finished_at,
        )

    @strawberry.field(description="The rows in file order, each with its outcome and errors.")
    def rows(
        self,
        info: Info,
        outcome: RowOutcomeEnum | None = None,  # type: ignore[valid-type]
    ) -> list[ImportRowType]:
        locale = info.context.locale
        found = [ImportRowType.from_row(r, locale) for r in self.intakes]
        return [r for r in found if outcome is None or r.outcome == outcome]


@strawberry.type
class LeadImportPayload:
    lead_import: LeadImportType | None = None
    errors: list[LeadError] = strawberry.field(default_factory=list)


@strawberry.type
class LeadImportQueries:
    @strawberry.field(
        permission_classes=CHANNELS, description="An Excel/CSV import and its per-row report."
    )
    async def lead_import(self, info: Info, id: strawberry.ID) -> LeadImportType | None:
        try:
            run, intakes = await imports.report(
                principal=info.context.require_principal(), import_id=id_or_nothing(id)
            )
        except ServiceError:
            return None
        return LeadImportType.from_row(run, intakes)


@strawberry.type
class LeadImportMutations:
    @strawberry.mutation(
        permission_classes=CHANNELS,
        description="Import the leads of an uploaded table (POST /uploads, kind=table) in the "
        "background; follow it with leadImport(id:). `campaign` applies to rows naming none.",
    )
    async def import_leads(
        self, info: Info, upload_id: strawberry.ID, campaign: str = ""
    ) -> LeadImportPayload:
        ctx = info.context
        try:
            run = await imports.start(
                principal=ctx.require_principal(),
                upload_id=id_or_nothing(upload_id),
                campaign=campaign,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return LeadImportPayload(errors=user_errors(exc, LeadError, ctx.locale))
        await relay_now(redis=ctx.services.arq, now=ctx.clock.now())
        return LeadImportPayload(lead_import=LeadImportType.from_row(run, []))
