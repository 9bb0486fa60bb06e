"""Short-lived signed media URLs: ``/media/<id>?exp=<unix>&sig=<HMAC>``.

A mini-program ``<image>`` or audio player cannot send an Authorization header, so the URL itself
carries the permission: an HMAC-SHA256 over ``"<upload_id>:<exp>"`` with a media key derived
from the service secret (HMAC(secret, "liuhen/media-url")), so a media signature can never be
confused with any other use of the secret; valid until ``exp`` (seconds since the epoch) by the
service's injected clock.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import math
from datetime import datetime, timedelta
from urllib.parse import urlencode
from uuid import UUID

from api.settings import Settings

MEDIA_PATH_PREFIX = "/media/"


def media_key(secret: str) -> bytes:
    """The key for media URLs only, derived from the service secret."""
    return hmac.new(secret.encode("utf-8"), b"liuhen/media-url", hashlib.sha256).digest()


def media_signature(*, upload_id: UUID, exp: int, secret: str) -> str:
    """URL-safe base64 (unpadded) HMAC-SHA256 of ``"<upload_id>:<exp>"`` under the media key."""
    digest = hmac.new(
        media_key(secret), f"{upload_id}:{exp}".encode("ascii"), hashlib.sha256
    ).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def media_url_expiry(*, settings: Settings, now: datetime, ttl: timedelta | None = None) -> int:
    """The ``exp`` of a URL signed at ``now``: now + ttl (default: the configured media TTL)."""
    seconds = settings.media_url_ttl_seconds if ttl is None else ttl.total_seconds()
    if seconds <= 0:
        raise ValueError("a media URL needs a positive time to live")
    return math.floor(now.timestamp()) + math.ceil(seconds)


def sign_media_url(
    *, upload_id: UUID, settings: Settings, now: datetime, ttl: timedelta | None = None
) -> str:
    """The path (with query) under which the upload's bytes can be fetched until it expires."""
    exp = media_url_expiry(settings=settings, now=now, ttl=ttl)
    sig = media_signature(upload_id=upload_id, exp=exp, secret=settings.secret_key)
    return f"{MEDIA_PATH_PREFIX}{upload_id}?{urlencode({'exp': exp, 'sig': sig})}"


def verify_media_signature(
    *, upload_id: UUID, exp: int, sig: str, settings: Settings, now: datetime
) -> bool:
    """True when ``sig`` was made by us for this upload and ``exp``, and ``now`` is before exp."""
    expected = media_signature(upload_id=upload_id, exp=exp, secret=settings.secret_key)
    genuine = hmac.compare_digest(expected.encode("ascii"), sig.encode("utf-8", "replace"))
    return genuine and now.timestamp() < exp


def remaining_seconds(*, exp: int, now: datetime) -> int:
    """Whole seconds a URL expiring at ``exp`` stays valid after ``now`` (0 when expired)."""
    return max(0, math.floor(exp - now.timestamp()))
