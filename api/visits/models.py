"""Field visits and their evidence: GPS fixes, photos and their hashes, recordings, audits.

Evidence rows are append-only: a photo or recording once attached is never edited; a manager's
decision is a new :class:`VisitAudit` row. ``Visit`` holds the current verdict (recomputed from
its evidence whenever evidence arrives) and the last audit decision, denormalised for queues.
Findings are stored as JSON lists of ``verification.findings.Finding.to_json()``.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise import fields

from api.common.models import Entity, MutableEntity
from api.customers.models import Customer, Datum, Site
from api.org.models import Organisation, User
from api.uploads.models import Upload


class VisitStatus(StrEnum):
    OPEN = "OPEN"
    CLOSED = "CLOSED"


class VisitVerdict(StrEnum):
    VERIFIED = "VERIFIED"
    SUSPICIOUS = "SUSPICIOUS"
    REJECTED = "REJECTED"
    PENDING = "PENDING"


class AuditDecision(StrEnum):
    APPROVE = "APPROVE"
    REJECT = "REJECT"


class PhotoSource(StrEnum):
    CAMERA = "CAMERA"
    ALBUM = "ALBUM"


class TranscriptSource(StrEnum):
    CLIENT = "CLIENT"
    SERVER = "SERVER"
    NONE = "NONE"


class Emotion(StrEnum):
    POSITIVE = "POSITIVE"
    NEUTRAL = "NEUTRAL"
    RESISTANT = "RESISTANT"


class VerificationPolicyVersion(Entity):
    """One version of an organisation's verification thresholds (only what differs from ours)."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="verification_policies", on_delete=fields.CASCADE
    )
    version = fields.IntField()
    overrides: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    lexicon: dict[str, Any] | None = fields.JSONField(null=True)  # type: ignore[assignment]
    author: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User",
        related_name="authored_verification_policies",
        null=True,
        on_delete=fields.SET_NULL,
    )

    class Meta:
        table = "verification_policy"
        unique_together = (("organisation_id", "version"),)


class Visit(MutableEntity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="visits", on_delete=fields.CASCADE
    )
    rep: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="visits", on_delete=fields.RESTRICT
    )
    customer: fields.ForeignKeyRelation[Customer] = fields.ForeignKeyField(
        "models.Customer", related_name="visits", on_delete=fields.RESTRICT
    )
    site: fields.ForeignKeyRelation[Site] = fields.ForeignKeyField(
        "models.Site", related_name="visits", on_delete=fields.RESTRICT
    )
    code = fields.CharField(max_length=16)  # shown on the watermark: V-<yymmdd>-<6 chars>
    status = fields.CharEnumField(VisitStatus, max_length=8, default=VisitStatus.OPEN)
    verdict = fields.CharEnumField(VisitVerdict, max_length=10, default=VisitVerdict.PENDING)
    score = fields.IntField(default=100)
    policy_version = fields.IntField(default=0)
    started_at = fields.DatetimeField()  # server time: the record
    ended_at = fields.DatetimeField(null=True)
    findings: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]
    device: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    outcome: dict[str, Any] = fields.JSONField(default=dict)  # type: ignore[assignment]
    audit_decision = fields.CharEnumField(AuditDecision, max_length=8, null=True)
    audited_at = fields.DatetimeField(null=True)
    # Place in the managers' audit queue: 0 suspicious, 1 rejected, null not waiting.
    queue_rank = fields.SmallIntField(null=True)

    class Meta:
        table = "visit"
        unique_together = (("organisation_id", "code"),)
        indexes = (
            ("organisation_id", "rep_id", "started_at"),
            ("organisation_id", "queue_rank", "ended_at"),
            ("organisation_id", "site_id", "verdict"),
            ("status", "started_at"),  # the sweep of abandoned visits
        )


class FixKind(StrEnum):
    START = "START"
    END = "END"


class VisitFix(Entity):
    """A GPS fix as the phone reported it, with its WGS-84 conversion and what was found."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="visit_fixes", on_delete=fields.CASCADE
    )
    visit: fields.ForeignKeyRelation[Visit] = fields.ForeignKeyField(
        "models.Visit", related_name="fixes", on_delete=fields.CASCADE
    )
    rep: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="visit_fixes", on_delete=fields.RESTRICT
    )
    kind = fields.CharEnumField(FixKind, max_length=5)
    latitude = fields.FloatField()
    longitude = fields.FloatField()
    datum = fields.CharEnumField(Datum, max_length=8)
    wgs_latitude = fields.FloatField()
    wgs_longitude = fields.FloatField()
    # The reported coordinates in micro-degrees: exact-match replay lookups by index.
    lat_e6 = fields.BigIntField()
    lon_e6 = fields.BigIntField()
    accuracy_m = fields.FloatField()
    altitude_m = fields.FloatField(null=True)
    speed_mps = fields.FloatField(null=True)
    client_time = fields.DatetimeField()
    server_time = fields.DatetimeField()
    bssids: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    findings: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]

    class Meta:
        table = "visit_fix"
        unique_together = (("visit_id", "kind"),)
        indexes = (("organisation_id", "lat_e6", "lon_e6"), ("rep_id", "server_time"))


class VisitPhoto(Entity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="visit_photos", on_delete=fields.CASCADE
    )
    visit: fields.ForeignKeyRelation[Visit] = fields.ForeignKeyField(
        "models.Visit", related_name="photos", on_delete=fields.CASCADE, db_index=True
    )
    upload: fields.OneToOneRelation[Upload] = fields.OneToOneField(
        "models.Upload", related_name="visit_photo", on_delete=fields.RESTRICT
    )
    served: fields.OneToOneRelation[Upload] = fields.OneToOneField(
        "models.Upload", related_name="served_photo", on_delete=fields.RESTRICT
    )
    source = fields.CharEnumField(PhotoSource, max_length=6)
    sha256 = fields.CharField(max_length=64, db_index=True)  # of the original
    served_sha256 = fields.CharField(max_length=64, db_index=True)
    taken_at = fields.DatetimeField(null=True)  # EXIF, when present
    exif_latitude = fields.FloatField(null=True)
    exif_longitude = fields.FloatField(null=True)
    width = fields.IntField()
    height = fields.IntField()
    findings: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]

    class Meta:
        table = "visit_photo"


class PhotoHash(Entity):
    """One 64-bit perceptual hash of a stored photo, split into chunks for multi-index lookup."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="photo_hashes", on_delete=fields.CASCADE
    )
    photo: fields.ForeignKeyRelation[VisitPhoto] = fields.ForeignKeyField(
        "models.VisitPhoto", related_name="hashes", on_delete=fields.CASCADE, db_index=True
    )
    value = fields.BigIntField()  # signed 64-bit
    c0 = fields.IntField()
    c1 = fields.IntField()
    c2 = fields.IntField()
    c3 = fields.IntField()

    class Meta:
        table = "photo_hash"
        indexes = (
            ("organisation_id", "c0"),
            ("organisation_id", "c1"),
            ("organisation_id", "c2"),
            ("organisation_id", "c3"),
        )


class VisitRecording(Entity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="visit_recordings", on_delete=fields.CASCADE
    )
    visit: fields.ForeignKeyRelation[Visit] = fields.ForeignKeyField(
        "models.Visit", related_name="recordings", on_delete=fields.CASCADE, db_index=True
    )
    upload: fields.OneToOneRelation[Upload] = fields.OneToOneField(
        "models.Upload", related_name="visit_recording", on_delete=fields.RESTRICT
    )
    duration_ms = fields.IntField()
    speech_ratio = fields.FloatField()
    transcript = fields.TextField(default="")
    transcript_source = fields.CharEnumField(TranscriptSource, max_length=6)
    keywords: dict[str, list[str]] = fields.JSONField(default=dict)  # type: ignore[assignment]
    emotion = fields.CharEnumField(Emotion, max_length=9)
    fingerprint = fields.BinaryField()
    findings: list[dict[str, Any]] = fields.JSONField(default=list)  # type: ignore[assignment]

    class Meta:
        table = "visit_recording"


class RecordingKey(Entity):
    """A coarse fingerprint key of a recording: candidates for the duplicate comparison."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="recording_keys", on_delete=fields.CASCADE
    )
    recording: fields.ForeignKeyRelation[VisitRecording] = fields.ForeignKeyField(
        "models.VisitRecording", related_name="keys", on_delete=fields.CASCADE, db_index=True
    )
    key = fields.BigIntField()

    class Meta:
        table = "recording_key"
        indexes = (("organisation_id", "key"),)


class VisitAudit(Entity):
    """A manager's decision on a visit; append-only (a later decision is a new row)."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="visit_audits", on_delete=fields.CASCADE
    )
    visit: fields.ForeignKeyRelation[Visit] = fields.ForeignKeyField(
        "models.Visit", related_name="audits", on_delete=fields.CASCADE, db_index=True
    )
    auditor: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="visit_audits_decided", on_delete=fields.RESTRICT
    )
    decision = fields.CharEnumField(AuditDecision, max_length=8)
    comment = fields.TextField()
    machine_verdict = fields.CharEnumField(VisitVerdict, max_length=10)

    class Meta:
        table = "visit_audit"
