"""Voice summaries: decode, measure speech, find duplicates, read the transcript, judge.

Decoding, voice activity and the fingerprint run in a worker thread. Duplicates are looked up
by the fingerprint's coarse index keys (indexed), then compared in full for the candidates
only. A transcript comes from the client (WeChat speech plugin) or, when it sends none, from
the configured server ASR engine (``LIUHEN_ASR_ENGINE``; none by default).
"""

from __future__ import annotations

import asyncio
import importlib
from functools import cache
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.functions import Count
from tortoise.transactions import in_transaction

from api.auth.principal import Principal
from api.errors import ServiceError
from api.org.models import Organisation
from api.services import Services
from api.uploads.models import UploadKind
from api.uploads.service import decode_slot
from api.visits import policy as policies
from api.visits import service
from api.visits.errors import VisitErrorCode as Code
from api.visits.models import (
    Emotion,
    RecordingKey,
    TranscriptSource,
    Visit,
    VisitRecording,
    VisitStatus,
)
from api.visits.photos import evidence_upload
from verification import voice
from verification.findings import Finding
from verification.policy import VerificationPolicy

MAX_RECORDINGS = 3
MAX_TRANSCRIPT = 5000
MAX_CANDIDATES = 20
MIN_SHARED_KEYS = 2
REP_LATEST = 5


@cache
def recognizer(spec: str) -> voice.SpeechRecognizer:
    """The server ASR engine named ``"package.module:factory"``; no engine for ``""``."""
    if not spec:
        return voice.NoRecognizer()
    module_name, _, attribute = spec.partition(":")
    factory = getattr(importlib.import_module(module_name), attribute)
    engine: voice.SpeechRecognizer = factory()
    return engine


def _analyse(
    data: bytes, *, max_seconds: float, policy: VerificationPolicy, asr: str, text: str
) -> tuple[voice.VoiceAnalysis, str, TranscriptSource]:
    analysis = voice.analyse_voice(data, max_seconds=max_seconds)
    if text:
        return analysis, text, TranscriptSource.CLIENT
    heard = recognizer(asr).transcribe(analysis.audio)
    if heard:
        return analysis, heard[:MAX_TRANSCRIPT], TranscriptSource.SERVER
    return analysis, "", TranscriptSource.NONE


async def duplicate_of(
    *,
    organisation_id: UUID,
    rep_id: UUID,
    fingerprint: voice.Fingerprint,
    policy: VerificationPolicy,
    exclude_visit: UUID | None = None,
) -> VisitRecording | None:
    """An earlier recording of the organisation this one duplicates, if any.

    Candidates: the recordings sharing the most coarse keys (at least ``MIN_SHARED_KEYS``), and
    the rep's own latest recordings (a low-bitrate or re-recorded copy may share few keys).
    """
    keys = voice.index_keys(fingerprint)
    shared: list[Any] = []
    if keys:
        shared = (
            await RecordingKey.filter(organisation_id=organisation_id, key__in=keys)
            .annotate(shared=Count("id"))
            .group_by("recording_id")
            .filter(shared__gte=MIN_SHARED_KEYS)
            .order_by("-shared")
            .limit(MAX_CANDIDATES)
            .values_list("recording_id", flat=True)
        )
    latest = (
        await VisitRecording.filter(organisation_id=organisation_id, visit__rep_id=rep_id)
        .order_by("-created_at")
        .limit(REP_LATEST)
        .values_list("id", flat=True)
    )
    ids = list(dict.fromkeys([*shared, *latest]))
    for row in (
        await VisitRecording.filter(id__in=ids)
        .exclude(visit_id=exclude_visit)
        .order_by("created_at")
    ):
        earlier = voice.Fingerprint.from_bytes(row.fingerprint)
        if voice.is_duplicate(fingerprint, earlier, policy):
            return row
    return None


async def attach_voice(
    *,
    principal: Principal,
    visit_id: UUID,
    upload_id: UUID,
    transcript: str | None,
    services: Services,
) -> tuple[VisitRecording, Visit]:
    """Attach a voice summary to the caller's open visit (idempotent for the same upload)."""
    text = (transcript or "").strip()
    if len(text) > MAX_TRANSCRIPT:
        raise ServiceError(Code.TOO_LONG, field="transcript", max=MAX_TRANSCRIPT)
    visit = await service.own_visit(principal=principal, visit_id=visit_id)
    upload = await evidence_upload(principal=principal, upload_id=upload_id, kind=UploadKind.VOICE)
    already = await VisitRecording.get_or_none(upload_id=upload.id)
    if already is not None:
        if already.visit_id != visit.id:  # type: ignore[attr-defined]
            raise ServiceError(Code.UPLOAD_ALREADY_USED, field="uploadId")
        return already, visit
    same_bytes = await VisitRecording.filter(
        visit_id=visit.id, upload__sha256=upload.sha256
    ).first()
    if same_bytes is not None:
        return same_bytes, visit  # the same recording uploaded again by a retrying phone
    if visit.status is not VisitStatus.OPEN:
        raise ServiceError(Code.VISIT_CLOSED, field="visitId")
    if await VisitRecording.filter(visit_id=visit.id).count() >= MAX_RECORDINGS:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="uploadId", max=MAX_RECORDINGS)
    current = await policies.current(organisation_id=principal.organisation_id)
    data = await services.media.get(upload.sha256)
    async with decode_slot():
        try:
            analysis, text, source = await asyncio.to_thread(
                _analyse,
                data,
                max_seconds=services.settings.voice_max_seconds,
                policy=current.policy,
                asr=services.settings.asr_engine,
                text=text,
            )
        except voice.VoiceDecodeError:
            raise ServiceError(Code.UNREADABLE_MEDIA, field="uploadId") from None
    evidence = f"voice:{upload.id}"
    findings: list[Finding] = voice.check_voice(
        analysis, transcript=text or None, policy=current.policy, evidence=evidence
    )
    earlier = await duplicate_of(
        organisation_id=principal.organisation_id,
        rep_id=principal.user_id,
        exclude_visit=visit.id,
        fingerprint=analysis.fingerprint,
        policy=current.policy,
    )
    if earlier is not None:
        earlier_visit = await Visit.get(id=earlier.visit_id)  # type: ignore[attr-defined]
        org = await Organisation.get(id=principal.organisation_id)
        finding = voice.duplicate_finding(
            previous_code=earlier_visit.code,
            previous_at=earlier_visit.started_at.astimezone(ZoneInfo(org.time_zone)).replace(
                second=0, microsecond=0
            ),
            evidence=evidence,
        )
        findings.append(await service.earlier_visit_finding(finding, earlier_visit, principal))
    reading = voice.analyse_transcript(text, current.lexicon) if text else None
    try:
        async with in_transaction():
            visit = await service.own_open_visit(principal=principal, visit_id=visit_id, lock=True)
            if await VisitRecording.filter(visit_id=visit.id).count() >= MAX_RECORDINGS:
                raise ServiceError(Code.TOO_MANY_ITEMS, field="uploadId", max=MAX_RECORDINGS)
            row = await VisitRecording.create(
                organisation_id=principal.organisation_id,
                visit_id=visit.id,
                upload_id=upload.id,
                duration_ms=round(analysis.duration_s * 1000),
                speech_ratio=round(analysis.speech_ratio, 3),
                transcript=text,
                transcript_source=source,
                keywords={str(k): list(v) for k, v in reading.keywords.items()} if reading else {},
                emotion=Emotion(reading.emotion.value) if reading else Emotion.NEUTRAL,
                fingerprint=analysis.fingerprint.to_bytes(),
                findings=[f.to_json() for f in findings],
            )
            await RecordingKey.bulk_create(
                [
                    RecordingKey(
                        organisation_id=principal.organisation_id, recording_id=row.id, key=k
                    )
                    for k in sorted(set(voice.index_keys(analysis.fingerprint)))
                ]
            )
            await service.rejudge(visit=visit, current=current)
    except IntegrityError:
        # The same upload attached twice at once: the other request stored it.
        row = await VisitRecording.get(upload_id=upload.id)
    return row, visit
