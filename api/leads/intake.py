"""Leads arriving from outside: channel set-up, signed webhooks, held payloads and their replay.

Every webhook delivery is stored as a :class:`LeadIntake` *before* anything else can fail, so
nothing is lost: a payload that maps and validates becomes a lead (ACCEPTED); one that does not
is HELD with every problem listed, for an admin to fix and replay, or to discard. A delivery
seen before (same channel, same delivery id or signature) is a replay and is refused.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.errors import ServiceError
from api.leads import capture, mapping, signatures
from api.leads.errors import LeadErrorCode as Code
from api.leads.fields import InvalidLead, LeadInput, Problem, clean
from api.leads.models import IntakeStatus, Lead, LeadChannel, LeadIntake

MAX_BODY = 64 * 1024
ROTATION_OVERLAP = timedelta(hours=24)  # the old secret keeps working this long after rotating
MAX_NAME = 100
PROCESSING = [{"field": "", "code": "PROCESSING", "detail": "interrupted while processing"}]


@dataclass(frozen=True, slots=True)
class WebhookReply:
    status: int
    body: dict[str, Any]


def _identity() -> mapping.FieldMapping:
    """Import rows and staff payloads carry our field names already."""
    return mapping.parse_mapping({name: name for name in mapping.LEAD_FIELDS})


def map_payload(rules: Mapping[str, Any] | None, payload: Any) -> LeadInput:
    """A payload through its channel's mapping and our validation; raises InvalidLead."""
    field_mapping = mapping.parse_mapping(rules) if rules is not None else _identity()
    mapped = mapping.apply(field_mapping, payload)
    problems = [
        Problem(p.field, "TOO_LONG" if p.code == "TOO_LONG" else "INVALID_VALUE", p.detail)
        for p in mapped.problems
    ]
    try:
        data = clean(mapped.values)
    except InvalidLead as exc:
        raise InvalidLead([*problems, *exc.problems]) from None
    if problems:
        raise InvalidLead(problems)
    return data


async def receive(
    *,
    channel_key: str,
    body: bytes,
    timestamp: str | None,
    signature: str | None,
    delivery: str | None,
    now: datetime,
) -> tuple[WebhookReply, Lead | None]:
    """Authenticate, store and process one webhook delivery."""
    channel = await LeadChannel.get_or_none(key=channel_key[:40], enabled=True)
    if channel is None:
        return WebhookReply(404, {"error": "CHANNEL_NOT_FOUND"}), None
    if len(body) > MAX_BODY:
        return WebhookReply(413, {"error": "PAYLOAD_TOO_LARGE", "max": MAX_BODY}), None
    keys = [channel.secret]
    if channel.previous_secret and (
        channel.previous_secret_until is None or now < channel.previous_secret_until
    ):
        keys.append(channel.previous_secret)
    try:
        signatures.verify(
            secrets=keys, timestamp=timestamp, signature=signature, body=body, now=now
        )
    except signatures.SignatureError as exc:
        return WebhookReply(401, {"error": f"SIGNATURE_{exc.problem.name}"}), None
    # The replay key is the signature itself: the delivery header is not covered by the HMAC,
    # so a replayed request with a fresh header must still be the same delivery.
    key = signatures.delivery_key(None, signature or "")
    try:
        payload: Any = json.loads(body)
        unreadable = False
    except (UnicodeDecodeError, json.JSONDecodeError):
        payload = {"raw": body.decode("utf-8", "replace")}
        unreadable = True
    intake = LeadIntake(
        organisation_id=channel.organisation_id,  # type: ignore[attr-defined]
        channel_id=channel.id,
        kind=channel.kind,
        delivery_key=key,
        payload=payload,
        status=IntakeStatus.HELD,
        errors=PROCESSING,
        received_at=now,
    )
    await LeadIntake.bulk_create([intake], ignore_conflicts=True)
    stored = await LeadIntake.get(channel_id=channel.id, delivery_key=key)
    if stored.id != intake.id:
        if not _stuck(stored, now):
            return WebhookReply(409, {"error": "REPLAYED", "intakeId": str(stored.id)}), None
        # The first delivery died while being processed (the sender saw an error and retried
        # with the same request): process the stored payload now instead of refusing it.
        return await process(intake=stored, channel=channel, payload=stored.payload, now=now)
    if unreadable:
        errors = [{"field": "", "code": "INVALID_JSON", "detail": "the body is not JSON"}]
        await LeadIntake.filter(id=intake.id).update(errors=errors)
        return WebhookReply(
            202, {"intakeId": str(intake.id), "status": "HELD", "errors": errors}
        ), None
    return await process(intake=stored, channel=channel, payload=payload, now=now)


STUCK_AFTER = timedelta(seconds=60)


def _stuck(intake: LeadIntake, now: datetime) -> bool:
    """Held with the processing marker for longer than any capture takes: it was interrupted."""
    return (
        intake.status == IntakeStatus.HELD
        and intake.errors == PROCESSING
        and now - intake.received_at > STUCK_AFTER
    )


async def process(
    *,
    intake: LeadIntake,
    channel: LeadChannel | None,
    payload: Any,
    now: datetime,
    actor_id: UUID | None = None,
) -> tuple[WebhookReply, Lead | None]:
    """Map, validate and capture a stored intake; HELD with its problems when it fails."""
    try:
        data = map_payload(channel.mapping if channel else None, payload)
    except InvalidLead as exc:
        errors = [{"field": p.field, "code": p.code, "detail": p.detail} for p in exc.problems]
        await LeadIntake.filter(id=intake.id).update(
            errors=errors, payload=payload, status=IntakeStatus.HELD
        )
        return WebhookReply(
            202, {"intakeId": str(intake.id), "status": "HELD", "errors": errors}
        ), None
    if channel is not None and channel.campaign and not data.campaign:
        data = replace(data, campaign=channel.campaign)
    async with in_transaction():
        # One processing at a time, and only of a held intake: a double replay, or a replay
        # racing the import job or a discard, captures nothing twice.
        locked = await LeadIntake.filter(id=intake.id).select_for_update().first()
        if locked is None or locked.status != IntakeStatus.HELD:
            return WebhookReply(409, {"error": "NOT_HELD", "intakeId": str(intake.id)}), None
        captured = await capture.capture(
            organisation_id=intake.organisation_id,  # type: ignore[attr-defined]
            data=data,
            source=capture.Source(
                channel=mapping.Channel(intake.kind),
                channel_config_id=channel.id if channel else None,
                intake_id=intake.id,
                captured_by=actor_id,
            ),
            now=now,
        )
        await LeadIntake.filter(id=intake.id).update(
            status=IntakeStatus.ACCEPTED,
            errors=[],
            payload=payload,
            lead_id=captured.lead.id,
            merged=captured.outcome is capture.CaptureOutcome.MERGED,
            resolved_at=now if actor_id else None,
            resolved_by_id=actor_id,
        )
        if actor_id is not None:
            await audit.record(
                organisation_id=intake.organisation_id,  # type: ignore[attr-defined]
                action="leads.intake.replayed",
                at=now,
                actor_id=actor_id,
                subject_type="lead_intake",
                subject_id=str(intake.id),
                data={"lead": str(captured.lead.id)},
            )
    body = {
        "intakeId": str(intake.id),
        "status": "ACCEPTED",
        "leadId": str(captured.lead.id),
        "merged": captured.outcome is capture.CaptureOutcome.MERGED,
    }
    return WebhookReply(200, body), captured.lead


# --- admin: channels and held payloads -------------------------------------------------------


async def channels(*, principal: Principal) -> list[LeadChannel]:
    return await LeadChannel.filter(organisation_id=principal.organisation_id).order_by("name")


async def create_channel(
    *,
    principal: Principal,
    kind: mapping.Channel,
    name: str,
    rules: Mapping[str, Any] | None,
    campaign: str,
    now: datetime,
) -> LeadChannel:
    """A webhook channel with a fresh secret (shown once) and the kind's default mapping."""
    if kind not in mapping.WEBHOOK_CHANNELS:
        raise ServiceError(Code.INVALID_VALUE, field="kind", reason=kind.value)
    name = name.strip()
    if not name or len(name) > MAX_NAME:
        raise ServiceError(Code.TOO_LONG, field="name", max=MAX_NAME)
    chosen = dict(rules) if rules is not None else dict(mapping.DEFAULT_MAPPINGS[kind])
    _check_mapping(chosen)
    async with in_transaction():
        channel = await LeadChannel.create(
            organisation_id=principal.organisation_id,
            kind=kind,
            key=secrets.token_urlsafe(24),
            name=name,
            secret=signatures.generate_secret(),
            mapping=chosen,
            campaign=campaign.strip()[:100],
        )
        await audit.record(
            organisation_id=principal.organisation_id,
            action="leads.channel.created",
            at=now,
            actor_id=principal.user_id,
            subject_type="lead_channel",
            subject_id=str(channel.id),
            data={"kind": kind.value},
        )
    return channel


def _check_mapping(rules: Mapping[str, Any]) -> None:
    try:
        mapping.parse_mapping(rules)
    except mapping.MappingError as exc:
        raise ServiceError(Code.INVALID_MAPPING, field=exc.path, reason=str(exc)) from None


async def _channel(principal: Principal, channel_id: UUID) -> LeadChannel:
    channel = await LeadChannel.get_or_none(
        id=channel_id, organisation_id=principal.organisation_id
    )
    if channel is None:
        raise ServiceError(Code.CHANNEL_NOT_FOUND, field="channelId")
    return channel


async def update_channel(
    *,
    principal: Principal,
    channel_id: UUID,
    rules: Mapping[str, Any] | None,
    enabled: bool | None,
    rotate_secret: bool,
    now: datetime,
) -> LeadChannel:
    """Change the mapping, switch the channel on/off, or rotate its secret (old one still valid)."""
    async with in_transaction():
        channel = await _channel(principal, channel_id)
        changed = []
        if rules is not None:
            _check_mapping(rules)
            channel.mapping = dict(rules)
            changed.append("mapping")
        if enabled is not None:
            channel.enabled = enabled
            changed.append("enabled")
        if rotate_secret:
            channel.previous_secret = channel.secret
            channel.previous_secret_until = now + ROTATION_OVERLAP
            channel.secret = signatures.generate_secret()
            changed += ["secret", "previous_secret", "previous_secret_until"]
        if changed:
            await channel.save(update_fields=[*changed, "updated_at"])
            await audit.record(
                organisation_id=principal.organisation_id,
                action="leads.channel.updated",
                at=now,
                actor_id=principal.user_id,
                subject_type="lead_channel",
                subject_id=str(channel.id),
                data={"changed": changed},
            )
    return channel


async def held(*, principal: Principal, limit: int = 100) -> list[LeadIntake]:
    """Payloads waiting for an admin, newest first."""
    return (
        await LeadIntake.filter(organisation_id=principal.organisation_id, status=IntakeStatus.HELD)
        .order_by("-received_at")
        .limit(limit)
    )


async def _held_intake(principal: Principal, intake_id: UUID) -> LeadIntake:
    intake = await LeadIntake.get_or_none(id=intake_id, organisation_id=principal.organisation_id)
    if intake is None:
        raise ServiceError(Code.INTAKE_NOT_FOUND, field="intakeId")
    if intake.status != IntakeStatus.HELD:
        raise ServiceError(Code.INTAKE_NOT_HELD, field="intakeId")
    return intake


async def replay(
    *, principal: Principal, intake_id: UUID, payload: Any | None, now: datetime
) -> tuple[LeadIntake, Lead | None]:
    """Run a held payload again, as stored or as the admin fixed it."""
    intake = await _held_intake(principal, intake_id)
    channel = None
    if intake.channel_id is not None:  # type: ignore[attr-defined]
        channel = await LeadChannel.get_or_none(id=intake.channel_id)  # type: ignore[attr-defined]
    reply, lead = await process(
        intake=intake,
        channel=channel,
        payload=payload if payload is not None else intake.payload,
        now=now,
        actor_id=principal.user_id,
    )
    if reply.status == 409:
        raise ServiceError(Code.INTAKE_NOT_HELD, field="intakeId")
    return await LeadIntake.get(id=intake.id), lead


async def discard(*, principal: Principal, intake_id: UUID, now: datetime) -> LeadIntake:
    """Mark a held payload as junk (kept, never processed)."""
    async with in_transaction():
        intake = await _held_intake(principal, intake_id)
        changed = await LeadIntake.filter(id=intake.id, status=IntakeStatus.HELD).update(
            status=IntakeStatus.DISCARDED, resolved_at=now, resolved_by_id=principal.user_id
        )
        if not changed:
            raise ServiceError(Code.INTAKE_NOT_HELD, field="intakeId")
        await audit.record(
            organisation_id=principal.organisation_id,
            action="leads.intake.discarded",
            at=now,
            actor_id=principal.user_id,
            subject_type="lead_intake",
            subject_id=str(intake.id),
        )
    return await LeadIntake.get(id=intake.id)
