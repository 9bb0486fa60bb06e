"""The audit log: append to an organisation's hash chain, verify it, schedule verifications."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from enum import Enum, StrEnum
from uuid import UUID, uuid4

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.audit.models import AuditChainHead, AuditEntry, AuditVerification
from api.clock import Clock
from api.jobs import outbox
from api.jobs.models import OutboxMessage
from api.org.models import Organisation

logger = logging.getLogger(__name__)

GENESIS_HASH = "0" * 64
VERIFY_CHAIN_JOB = "audit.verify_chain"
VERIFICATION_REQUESTED = "audit.verification_requested"
VERIFY_BATCH_SIZE = 1000
MAX_REPORTED_PROBLEMS = 1000


class ProblemCode(StrEnum):
    EDITED = "EDITED"
    """The stored hash differs from the hash recomputed from the row."""
    BROKEN_LINK = "BROKEN_LINK"
    """The entry's prev_hash is not the hash of the entry before it."""
    MISSING = "MISSING"
    """Sequence numbers are skipped: rows were deleted."""
    TRUNCATED = "TRUNCATED"
    """The chain head counts more entries than the table holds: the newest rows were deleted."""
    HEAD_MISMATCH = "HEAD_MISMATCH"
    UNEXPECTED_ENTRY = "UNEXPECTED_ENTRY"
    """An entry lies beyond the chain head: it was inserted behind the log's back."""
    """The head does not match the last entry (its hash was rewritten, or the head is gone)."""


@dataclass(frozen=True, slots=True)
class ChainProblem:
    code: ProblemCode
    seq: int
    detail: str

    def as_dict(self) -> dict[str, object]:
        return {"code": self.code.value, "seq": self.seq, "detail": self.detail}


@dataclass(frozen=True, slots=True)
class ChainReport:
    checked_entries: int
    ok: bool
    problems: list[ChainProblem]


async def record(
    *,
    organisation_id: UUID,
    action: str,
    at: datetime,
    actor_id: UUID | None = None,
    subject_type: str = "",
    subject_id: str = "",
    data: Mapping[str, object] | None = None,
) -> AuditEntry:
    """Append one entry to the organisation's chain, inside the caller's transaction.

    ``data`` holds ids, field names, codes and counts only: never personal data values (phone
    numbers, e-mail addresses, names, passwords, tokens), because the log is append-only and can
    never be scrubbed. Record ``{"fields": ["phone"]}``, not the new phone number. Values are
    normalised to JSON (UUIDs, dates and decimals become strings) before hashing.

    The organisation's chain head is locked (``SELECT ... FOR UPDATE``) until the caller's
    transaction ends, so concurrent appends queue up and the chain never forks.
    """
    if at.tzinfo is None:
        raise ValueError("at must be timezone-aware")
    at = at.astimezone(UTC)
    payload = _normalise(dict(data or {}))
    async with in_transaction():
        head = await _locked_head(organisation_id)
        seq = head.last_seq + 1
        digest = entry_hash(
            organisation_id=organisation_id,
            seq=seq,
            at=at,
            actor_id=actor_id,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            data=payload,
            prev_hash=head.last_hash,
        )
        entry = await AuditEntry.create(
            organisation_id=organisation_id,
            seq=seq,
            at=at,
            actor_id=actor_id,
            action=action,
            subject_type=subject_type,
            subject_id=subject_id,
            data=payload,
            prev_hash=head.last_hash,
            hash=digest,
        )
        head.last_seq = seq
        head.last_hash = digest
        await head.save(update_fields=["last_seq", "last_hash"])
    return entry


async def _locked_head(organisation_id: UUID) -> AuditChainHead:
    """The organisation's chain head, locked; created (race-free) at the genesis hash if missing."""
    head = await AuditChainHead.filter(organisation_id=organisation_id).select_for_update().first()
    if head is None:
        # INSERT ... ON CONFLICT DO NOTHING: a concurrent creator wins without aborting us.
        await AuditChainHead.bulk_create(
            [AuditChainHead(organisation_id=organisation_id, last_seq=0, last_hash=GENESIS_HASH)],
            ignore_conflicts=True,
        )
        locked = AuditChainHead.filter(organisation_id=organisation_id).select_for_update()
        head = await locked.get()
    return head


def entry_hash(
    *,
    organisation_id: UUID | str,
    seq: int,
    at: datetime,
    actor_id: UUID | str | None,
    action: str,
    subject_type: str,
    subject_id: str,
    data: Mapping[str, object],
    prev_hash: str,
) -> str:
    """SHA-256 of the canonical JSON of an entry's columns and the previous entry's hash."""
    content = {
        "organisation_id": str(organisation_id),
        "seq": seq,
        "at": _iso_utc(at),
        "actor_id": None if actor_id is None else str(actor_id),
        "action": action,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "data": data,
        "prev_hash": prev_hash,
    }
    return hashlib.sha256(_canonical_json(content).encode()).hexdigest()


def _hash_of(entry: AuditEntry) -> str:
    return entry_hash(
        organisation_id=entry.organisation_id,  # type: ignore[attr-defined]
        seq=entry.seq,
        at=entry.at,
        actor_id=entry.actor_id,
        action=entry.action,
        subject_type=entry.subject_type,
        subject_id=entry.subject_id,
        data=entry.data,
        prev_hash=entry.prev_hash,
    )


def _iso_utc(at: datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=UTC)
    return at.astimezone(UTC).isoformat(timespec="microseconds")


def _canonical_json(value: object) -> str:
    return json.dumps(
        value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False
    )


def _json_default(value: object) -> object:
    if isinstance(value, datetime):
        return _iso_utc(value)
    if isinstance(value, UUID | date | Decimal):
        return str(value)
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"audit data cannot hold a {type(value).__name__}")


def _normalise(data: dict[str, object]) -> dict[str, object]:
    """``data`` exactly as it will read back from the JSON column."""
    normalised: dict[str, object] = json.loads(
        json.dumps(data, default=_json_default, ensure_ascii=False, allow_nan=False)
    )
    return normalised


async def verify_chain(
    *, organisation_id: UUID, batch_size: int = VERIFY_BATCH_SIZE
) -> ChainReport:
    """Recompute the organisation's chain in seq order, ``batch_size`` rows at a time.

    Entries appended while the walk runs are outside the head read at the start and are left for
    the next run. At most ``MAX_REPORTED_PROBLEMS`` problems are listed.
    """
    head = await AuditChainHead.get_or_none(organisation_id=organisation_id)
    entries = AuditEntry.filter(organisation_id=organisation_id)
    if head is not None:
        entries = entries.filter(seq__lte=head.last_seq)
    problems: list[ChainProblem] = []

    def report(code: ProblemCode, seq: int, detail: str) -> None:
        if len(problems) < MAX_REPORTED_PROBLEMS:
            problems.append(ChainProblem(code=code, seq=seq, detail=detail))

    checked = 0
    last_seq = 0
    last_hash = GENESIS_HASH
    while True:
        batch = await entries.filter(seq__gt=last_seq).order_by("seq").limit(batch_size)
        for entry in batch:
            checked += 1
            if entry.seq != last_seq + 1:
                report(
                    ProblemCode.MISSING,
                    last_seq + 1,
                    f"entries {last_seq + 1}..{entry.seq - 1} are missing",
                )
            if entry.prev_hash != last_hash:
                linked_to = f"entry {last_seq}" if last_seq else "the genesis hash"
                report(ProblemCode.BROKEN_LINK, entry.seq, f"prev_hash does not match {linked_to}")
            if _hash_of(entry) != entry.hash:
                report(ProblemCode.EDITED, entry.seq, "stored hash differs from recomputed hash")
            last_seq = entry.seq
            last_hash = entry.hash
        if len(batch) < batch_size:
            break
    if head is None:
        if checked:
            report(ProblemCode.HEAD_MISMATCH, last_seq, "entries exist but the chain head is gone")
    elif last_seq < head.last_seq:
        report(
            ProblemCode.TRUNCATED,
            last_seq + 1,
            f"head counts {head.last_seq} entries, the last one present is {last_seq}",
        )
    elif head.last_hash != last_hash:
        report(ProblemCode.HEAD_MISMATCH, last_seq, "head hash differs from the last entry's hash")
    if head is not None:
        # A row beyond the head was not appended through record(): forged, and it would also
        # block the next append. Rows appended during the walk are re-checked against the
        # head as it is now.
        current = await AuditChainHead.get(organisation_id=organisation_id)
        beyond = await AuditEntry.filter(
            organisation_id=organisation_id, seq__gt=current.last_seq
        ).values_list("seq", flat=True)
        for seq in sorted(int(str(s)) for s in beyond):
            report(ProblemCode.UNEXPECTED_ENTRY, seq, "entry beyond the chain head")
    return ChainReport(checked_entries=checked, ok=not problems, problems=problems)


async def run_verification(
    *, organisation_id: UUID, clock: Clock, request_key: str | None = None
) -> AuditVerification:
    """Verify the organisation's chain and store the result (once per ``request_key``)."""
    if request_key is not None:
        done = await AuditVerification.get_or_none(request_key=request_key)
        if done is not None:
            return done
    report = await verify_chain(organisation_id=organisation_id)
    verification = await AuditVerification.create(
        request_key=request_key,
        organisation_id=organisation_id,
        checked_entries=report.checked_entries,
        ok=report.ok,
        problems=[problem.as_dict() for problem in report.problems],
        finished_at=clock.now(),
    )
    if not report.ok:
        codes = sorted({problem.code.value for problem in report.problems})
        logger.error(
            "audit chain of organisation %s failed verification: %s",
            organisation_id,
            ", ".join(codes),
        )
    return verification


async def request_verification(
    *, organisation_id: UUID, actor_id: UUID | None, clock: Clock
) -> OutboxMessage:
    """Record the request and schedule one verification run, in one transaction."""
    now = clock.now()
    async with in_transaction():
        await record(
            organisation_id=organisation_id,
            action=VERIFICATION_REQUESTED,
            at=now,
            actor_id=actor_id,
            subject_type="organisation",
            subject_id=str(organisation_id),
        )
        return await outbox.add(
            job_name=VERIFY_CHAIN_JOB,
            args={},
            due_at=now,
            key=uuid4().hex,
            organisation_id=organisation_id,
        )


async def schedule_verifications(*, clock: Clock) -> int:
    """Schedule today's verification of each organisation's chain, once per organisation a day."""
    now = clock.now()
    day = now.astimezone(UTC).date().isoformat()
    organisation_ids = await Organisation.all().order_by("id").values_list("id", flat=True)
    for organisation_id in organisation_ids:
        await outbox.add(
            job_name=VERIFY_CHAIN_JOB,
            args={},
            due_at=now,
            key=f"nightly:{organisation_id}:{day}",
            organisation_id=UUID(str(organisation_id)),
        )
    return len(organisation_ids)


def entries(
    *,
    organisation_id: UUID,
    action: str | None = None,
    subject_type: str | None = None,
    subject_id: str | None = None,
    actor_id: UUID | None = None,
) -> QuerySet[AuditEntry]:
    """The organisation's audit entries, filtered; paginate it newest first by ``seq``."""
    query = AuditEntry.filter(organisation_id=organisation_id)
    if action:
        query = query.filter(action=action)
    if subject_type:
        query = query.filter(subject_type=subject_type)
    if subject_id:
        query = query.filter(subject_id=subject_id)
    if actor_id:
        query = query.filter(actor_id=actor_id)
    return query


async def latest_verifications(*, organisation_id: UUID, limit: int) -> list[AuditVerification]:
    return (
        await AuditVerification.filter(organisation_id=organisation_id)
        .order_by("-finished_at")
        .limit(limit)
    )
