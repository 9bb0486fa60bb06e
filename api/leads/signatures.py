"""Lead webhook signatures: each channel signs its pushes with a shared HMAC secret.

A sender signs ``f"{timestamp}.".encode() + body`` with HMAC-SHA256 under the channel's secret
and sends::

    X-Liuhen-Timestamp: 1718000000
    X-Liuhen-Signature: sha256=<64 hex digits>
    X-Liuhen-Delivery:  <its own unique id for this delivery, optional>

:func:`verify` accepts the request when the timestamp lies within ``tolerance`` of now (either
way) and the signature matches one of the channel's secrets: the current one and, while a
rotation is under way, the previous one. Anything else raises :class:`SignatureError`, whose
``problem`` says which check failed. Binding the timestamp into the signed text stops an old
request from being replayed with a fresh timestamp; :func:`delivery_key` names a delivery so
the caller can refuse a replay inside the tolerance window.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from secrets import token_urlsafe

SIGNATURE_HEADER = "X-Liuhen-Signature"
TIMESTAMP_HEADER = "X-Liuhen-Timestamp"
DELIVERY_HEADER = "X-Liuhen-Delivery"
DEFAULT_TOLERANCE = timedelta(minutes=5)
SCHEME = "sha256="
MAX_DELIVERY_LENGTH = 128

# Unix seconds, at most 11 digits (year 5138): anything longer is milliseconds or nonsense.
_TIMESTAMP = re.compile(r"[0-9]{1,11}")
_SIGNATURE = re.compile(r"sha256=([0-9a-fA-F]{64})")
_DELIVERY = re.compile(rf"[\x20-\x7e]{{1,{MAX_DELIVERY_LENGTH}}}")


class SignatureProblem(StrEnum):
    """Which check a webhook request failed."""

    MISSING = "missing"
    MALFORMED = "malformed"
    STALE = "stale"
    MISMATCH = "mismatch"


class SignatureError(ValueError):
    """A webhook request is not authentic; ``problem`` says why."""

    def __init__(self, problem: SignatureProblem, detail: str) -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Verified:
    """An authentic request: when it was signed and which secret signed it (0 = current)."""

    timestamp: datetime
    secret_index: int


def generate_secret() -> str:
    """A new random channel secret: 32 bytes, URL-safe base64."""
    return token_urlsafe(32)


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The signature header value for a body sent at ``timestamp`` (unix seconds)."""
    return SCHEME + _digest(secret, timestamp, body)


def verify(
    *,
    secrets: Sequence[str],
    timestamp: str | None,
    signature: str | None,
    body: bytes,
    now: datetime,
    tolerance: timedelta = DEFAULT_TOLERANCE,
) -> Verified:
    """Check a request's timestamp and signature against the channel's secrets."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not timestamp or not signature:
        missing = TIMESTAMP_HEADER if not timestamp else SIGNATURE_HEADER
        raise SignatureError(SignatureProblem.MISSING, f"no {missing} header")
    seconds = _parse_timestamp(timestamp)
    provided = _parse_signature(signature)
    signed_at = datetime.fromtimestamp(seconds, UTC)
    if abs(now - signed_at) > tolerance:
        raise SignatureError(
            SignatureProblem.STALE, f"signed at {signed_at.isoformat()}, outside {tolerance}"
        )
    index = _matching_secret(secrets, seconds, body, provided)
    if index is None:
        raise SignatureError(SignatureProblem.MISMATCH, "signature does not match")
    return Verified(timestamp=signed_at, secret_index=index)


def delivery_key(delivery: str | None, signature: str) -> str:
    """What replay detection stores: the sender's delivery id if sane, else the signature."""
    if delivery is not None:
        candidate = delivery.strip()
        if _DELIVERY.fullmatch(candidate):
            return candidate
    value = signature.strip()
    if value.startswith(SCHEME):
        value = value[len(SCHEME) :]
    return value.lower()


def _digest(secret: str, timestamp: int, body: bytes) -> str:
    """Hex HMAC-SHA256 of ``"<timestamp>." + body`` under the secret."""
    message = f"{timestamp}.".encode() + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def _parse_timestamp(text: str) -> int:
    """Unix seconds from the header, or MALFORMED."""
    value = text.strip()
    if not _TIMESTAMP.fullmatch(value):
        raise SignatureError(SignatureProblem.MALFORMED, f"{TIMESTAMP_HEADER} is not unix seconds")
    return int(value)


def _parse_signature(text: str) -> str:
    """The lower-case hex digest from ``sha256=<hex>``, or MALFORMED."""
    match = _SIGNATURE.fullmatch(text.strip())
    if match is None:
        raise SignatureError(
            SignatureProblem.MALFORMED, f"{SIGNATURE_HEADER} must be sha256=<64 hex digits>"
        )
    return match.group(1).lower()


def _matching_secret(
    secrets: Sequence[str], timestamp: int, body: bytes, provided: str
) -> int | None:
    """Index of the first secret whose signature matches; every secret is checked."""
    found: int | None = None
    for index, secret in enumerate(secrets):
        if not secret:  # an unset secret must never authenticate anything
            continue
        expected = _digest(secret, timestamp, body)
        if hmac.compare_digest(expected, provided) and found is None:
            found = index
    return found
