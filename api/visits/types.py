"""GraphQL types of visits, their evidence, findings and audits."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any, cast
from uuid import UUID

import strawberry
from strawberry.scalars import JSON

from api.context import Context, Info
from api.customers.types import Datum
from api.graphql.selection import selected_names
from api.uploads.signing import sign_media_url
from api.visits import models, trace
from api.visits.errors import VisitErrorCode
from api.visits.relations import VisitRelations, relations_of
from api.visits.service import final_verdict
from verification.findings import Finding, FindingCode, Severity

if TYPE_CHECKING:
    from api.customers.types import CustomerType, SiteType
    from api.org.types import UserType

VisitVerdict = strawberry.enum(models.VisitVerdict, name="VisitVerdict")
VisitStatus = strawberry.enum(models.VisitStatus, name="VisitStatus")
AuditDecision = strawberry.enum(models.AuditDecision, name="AuditDecision")
PhotoSource = strawberry.enum(models.PhotoSource, name="PhotoSource")
TranscriptSource = strawberry.enum(models.TranscriptSource, name="TranscriptSource")
Emotion = strawberry.enum(models.Emotion, name="Emotion")
FindingCodeEnum = strawberry.enum(FindingCode, name="VisitFindingCode")
SeverityEnum = strawberry.enum(Severity, name="FindingSeverity")
VisitErrorCodeEnum = strawberry.enum(VisitErrorCode, name="VisitErrorCode")


@strawberry.type(name="VisitFinding")
class FindingType:
    code: FindingCodeEnum  # type: ignore[valid-type]
    severity: SeverityEnum  # type: ignore[valid-type]
    message: str
    evidence: str | None = strawberry.field(
        description='What it is about: "gps:start", "gps:end", "photo:<id>", "voice:<id>", '
        '"visit:<id>".'
    )
    params: strawberry.scalars.JSON = strawberry.field(
        description="The numbers behind the message (metres, seconds, the earlier visit...)."
    )

    @classmethod
    def from_json(cls, data: dict[str, Any], locale: str) -> FindingType:
        finding = Finding.from_json(data)
        return cls(
            code=finding.code,
            severity=finding.severity,
            message=finding.message(locale),
            evidence=finding.evidence,
            params=cast(JSON, dict(finding.params)),
        )


def _findings(rows: list[dict[str, Any]], context: Context) -> list[FindingType]:
    return [FindingType.from_json(r, context.locale) for r in rows]


@strawberry.type(name="VisitFix")
class FixType:
    latitude: float
    longitude: float
    datum: Datum  # type: ignore[valid-type]
    wgs84_latitude: float
    wgs84_longitude: float
    accuracy: float
    altitude: float | None
    speed: float | None
    client_time: datetime
    server_time: datetime = strawberry.field(description="The record: when the server got it.")
    findings: list[FindingType]

    @classmethod
    def from_row(cls, row: models.VisitFix, context: Context) -> FixType:
        return cls(
            latitude=row.latitude,
            longitude=row.longitude,
            datum=row.datum,
            wgs84_latitude=row.wgs_latitude,
            wgs84_longitude=row.wgs_longitude,
            accuracy=row.accuracy_m,
            altitude=row.altitude_m,
            speed=row.speed_mps,
            client_time=row.client_time,
            server_time=row.server_time,
            findings=_findings(row.findings, context),
        )


def _signed(upload_id: UUID, context: Context) -> str:
    return sign_media_url(upload_id=upload_id, settings=context.settings, now=context.clock.now())


@strawberry.type(name="VisitPhoto")
class PhotoType:
    id: strawberry.ID
    source: PhotoSource  # type: ignore[valid-type]
    url: str = strawberry.field(
        description="Short-lived signed URL of the server-watermarked copy (no EXIF)."
    )
    taken_at: datetime | None = strawberry.field(description="From the photo's EXIF, if any.")
    width: int
    height: int
    created_at: datetime
    findings: list[FindingType]

    @classmethod
    def from_row(cls, row: models.VisitPhoto, context: Context) -> PhotoType:
        return cls(
            id=strawberry.ID(str(row.id)),
            source=row.source,
            url=_signed(row.served_id, context),  # type: ignore[attr-defined]
            taken_at=row.taken_at,
            width=row.width,
            height=row.height,
            created_at=row.created_at,
            findings=_findings(row.findings, context),
        )


@strawberry.type
class VoiceKeywords:
    category: str = strawberry.field(
        description="COMPETITOR, PRICE_OBJECTION, DECISION_MAKER, BUDGET or NEXT_STEP."
    )
    words: list[str]


@strawberry.type(name="VoiceSummary")
class VoiceSummaryType:
    id: strawberry.ID
    url: str = strawberry.field(description="Short-lived signed URL of the recording.")
    duration_ms: int
    speech_ratio: float
    transcript: str
    transcript_source: TranscriptSource  # type: ignore[valid-type]
    keywords: list[VoiceKeywords]
    emotion: Emotion  # type: ignore[valid-type]
    created_at: datetime
    findings: list[FindingType]

    @classmethod
    def from_row(cls, row: models.VisitRecording, context: Context) -> VoiceSummaryType:
        return cls(
            id=strawberry.ID(str(row.id)),
            url=_signed(row.upload_id, context),  # type: ignore[attr-defined]
            duration_ms=row.duration_ms,
            speech_ratio=row.speech_ratio,
            transcript=row.transcript,
            transcript_source=row.transcript_source,
            keywords=[VoiceKeywords(category=k, words=list(w)) for k, w in row.keywords.items()],
            emotion=row.emotion,
            created_at=row.created_at,
            findings=_findings(row.findings, context),
        )


@strawberry.type(name="VisitAudit")
class AuditType:
    decision: AuditDecision  # type: ignore[valid-type]
    comment: str
    machine_verdict: VisitVerdict  # type: ignore[valid-type]
    decided_at: datetime
    auditor: Annotated[UserType, strawberry.lazy("api.org.types")] | None


@strawberry.type
class VisitOutcome:
    summary: str
    next_step: str
    next_step_due: datetime | None


@strawberry.type(name="Visit")
class VisitType:
    id: strawberry.ID
    code: str = strawberry.field(description="Printed on the watermark of the visit's photos.")
    status: VisitStatus  # type: ignore[valid-type]
    verdict: VisitVerdict = strawberry.field(  # type: ignore[valid-type]
        description="What the visit counts as: a manager's decision overrides the machine's."
    )
    machine_verdict: VisitVerdict  # type: ignore[valid-type]
    score: int
    started_at: datetime
    ended_at: datetime | None
    policy_version: int
    findings: list[FindingType] = strawberry.field(
        description="Every finding of the visit, worst first."
    )
    outcome: VisitOutcome
    rep: Annotated[UserType, strawberry.lazy("api.org.types")] | None
    customer: Annotated[CustomerType, strawberry.lazy("api.customers.types")] | None
    site: Annotated[SiteType, strawberry.lazy("api.customers.types")] | None
    start: FixType | None
    end: FixType | None
    photos: list[PhotoType]
    voice_summaries: list[VoiceSummaryType]
    audits: list[AuditType]

    @classmethod
    async def build(
        cls, rows: list[models.Visit], info: Info, known: VisitRelations | None = None
    ) -> list[VisitType]:
        """Types for ``rows`` with the relations the query selects, loaded page-wide (except
        those ``known`` already)."""
        relations = await relations_of(
            visits=rows,
            wanted=selected_names(info),
            principal=info.context.require_principal(),
            known=known,
        )
        customers = await _customer_types(rows, relations, info)
        return [cls.from_row(row, relations, customers, info.context) for row in rows]

    @classmethod
    def from_row(
        cls,
        row: models.Visit,
        relations: VisitRelations,
        customers: dict[UUID, CustomerType],
        context: Context,
    ) -> VisitType:
        from api.customers.types import SiteType
        from api.org.types import UserType

        fixes = {f.kind: f for f in relations.fixes.get(row.id, [])}
        every = [
            *(f for fix in fixes.values() for f in fix.findings),
            *(f for p in relations.photos.get(row.id, []) for f in p.findings),
            *(f for r in relations.recordings.get(row.id, []) for f in r.findings),
            *row.findings,
        ]
        rank = {Severity.FAIL.value: 0, Severity.WARN.value: 1, Severity.INFO.value: 2}
        every.sort(key=lambda f: rank.get(str(f.get("severity")), 3))
        rep = relations.users.get(row.rep_id)  # type: ignore[attr-defined]
        site = relations.sites.get(row.site_id)  # type: ignore[attr-defined]
        start, end = fixes.get(models.FixKind.START), fixes.get(models.FixKind.END)
        due = row.outcome.get("next_step_due")
        return cls(
            id=strawberry.ID(str(row.id)),
            code=row.code,
            status=row.status,
            verdict=final_verdict(row),
            machine_verdict=row.verdict,
            score=row.score,
            started_at=row.started_at,
            ended_at=row.ended_at,
            policy_version=row.policy_version,
            findings=_findings(every, context),
            outcome=VisitOutcome(
                summary=row.outcome.get("summary", ""),
                next_step=row.outcome.get("next_step", ""),
                next_step_due=datetime.fromisoformat(due) if due else None,
            ),
            rep=UserType.from_row(rep) if rep else None,
            customer=customers.get(row.customer_id),  # type: ignore[attr-defined]
            site=SiteType.from_row(site) if site else None,
            start=FixType.from_row(start, context) if start else None,
            end=FixType.from_row(end, context) if end else None,
            photos=[PhotoType.from_row(p, context) for p in relations.photos.get(row.id, [])],
            voice_summaries=[
                VoiceSummaryType.from_row(r, context) for r in relations.recordings.get(row.id, [])
            ],
            audits=[
                AuditType(
                    decision=a.decision,
                    comment=a.comment,
                    machine_verdict=a.machine_verdict,
                    decided_at=a.created_at,
                    auditor=(
                        UserType.from_row(relations.users[a.auditor_id])  # type: ignore[attr-defined]
                        if a.auditor_id in relations.users  # type: ignore[attr-defined]
                        else None
                    ),
                )
                for a in relations.audits.get(row.id, [])
            ],
        )


async def _customer_types(
    rows: list[models.Visit], relations: VisitRelations, info: Info
) -> dict[UUID, CustomerType]:
    from api.customers.types import CustomerType

    customers = list(relations.customers.values())
    if not customers:
        return {}
    built = await CustomerType.build(customers, info)
    return {UUID(str(c.id)): c for c in built}


@strawberry.type
class VisitError:
    code: VisitErrorCodeEnum  # type: ignore[valid-type]
    field: str | None
    message: str


@strawberry.input
class PositionInput:
    latitude: float
    longitude: float
    accuracy: float = strawberry.field(description="Metres, as wx.getLocation reports it.")
    datum: Datum  # type: ignore[valid-type]
    altitude: float | None = None
    speed: float | None = None
    captured_at: datetime | None = None


@strawberry.input
class WifiInput:
    bssid: str
    ssid: str = ""


@strawberry.input
class DeviceInput:
    model: str = ""
    system: str = ""
    platform: str = ""
    wechat_version: str = ""
    sdk_version: str = ""


@strawberry.input
class StartVisitInput:
    site_id: strawberry.ID
    position: PositionInput
    client_time: datetime
    wifi: list[WifiInput] = strawberry.field(default_factory=list)
    device: DeviceInput | None = None


@strawberry.input
class VisitOutcomeInput:
    summary: str = ""
    next_step: str = ""
    next_step_due: datetime | None = None


@strawberry.input
class VisitFilterInput:
    rep_id: strawberry.ID | None = None
    customer_id: strawberry.ID | None = None
    verdicts: list[VisitVerdict] | None = None  # type: ignore[valid-type]
    started_after: datetime | None = None
    started_before: datetime | None = None


@strawberry.type
class VisitPayload:
    visit: VisitType | None = None
    errors: list[VisitError] = strawberry.field(default_factory=list)


@strawberry.type
class VisitPhotoPayload:
    photo: PhotoType | None = None
    visit: VisitType | None = None
    errors: list[VisitError] = strawberry.field(default_factory=list)


@strawberry.type
class VoiceSummaryPayload:
    voice_summary: VoiceSummaryType | None = None
    visit: VisitType | None = None
    errors: list[VisitError] = strawberry.field(default_factory=list)


MediaMatch = strawberry.enum(trace.MediaMatch, name="MediaMatch")


@strawberry.type
class MediaTrace:
    match: MediaMatch  # type: ignore[valid-type]
    distance: int | None = strawberry.field(
        description="Hamming distance of the perceptual hashes (0..64) for an altered copy."
    )
    visit: VisitType | None
    photo: PhotoType | None
    taken_at: datetime | None = strawberry.field(
        description="When the server received the photo (the record)."
    )
    exif_taken_at: datetime | None = strawberry.field(
        description="The capture time written in the photo's EXIF by the phone, if any."
    )
    taken_by: Annotated[UserType, strawberry.lazy("api.org.types")] | None


@strawberry.type
class VerificationPolicyType:
    version: int
    settings: strawberry.scalars.JSON = strawberry.field(
        description="Every threshold, defaults included."
    )
    lexicon: strawberry.scalars.JSON


@strawberry.type
class VerificationPolicyPayload:
    policy: VerificationPolicyType | None = None
    errors: list[VisitError] = strawberry.field(default_factory=list)
