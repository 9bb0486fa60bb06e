"""Signed media URLs: the signature itself, and GET /media through the real app."""

from __future__ import annotations

import base64
import hashlib
import hmac
import uuid
from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from api.settings import Settings
from api.uploads.signing import (
    media_signature,
    remaining_seconds,
    sign_media_url,
    verify_media_signature,
)
from tests.uploads import media

NOW = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)
SETTINGS = Settings(secret_key="s" * 40, media_url_ttl_seconds=600)


def parts(url: str) -> tuple[str, int, str]:
    split = urlsplit(url)
    query = parse_qs(split.query)
    return split.path, int(query["exp"][0]), query["sig"][0]


# -- the signature ----------------------------------------------------------------------------


def test_url_carries_expiry_and_hmac_of_id_and_expiry():
    upload_id = uuid.uuid4()
    path, exp, sig = parts(sign_media_url(upload_id=upload_id, settings=SETTINGS, now=NOW))
    assert path == f"/media/{upload_id}"
    assert exp == int(NOW.timestamp()) + 600
    # The media key is derived from the secret, never the secret itself (domain separation).
    key = hmac.new(b"s" * 40, b"liuhen/media-url", hashlib.sha256).digest()
    digest = hmac.new(key, f"{upload_id}:{exp}".encode(), hashlib.sha256).digest()
    assert sig == base64.urlsafe_b64encode(digest).rstrip(b"=").decode()
    assert "=" not in sig and "+" not in sig and "/" not in sig


def test_ttl_can_be_chosen_per_url():
    upload_id = uuid.uuid4()
    _, exp, _ = parts(
        sign_media_url(upload_id=upload_id, settings=SETTINGS, now=NOW, ttl=timedelta(seconds=30))
    )
    assert exp == int(NOW.timestamp()) + 30
    with pytest.raises(ValueError):
        sign_media_url(upload_id=upload_id, settings=SETTINGS, now=NOW, ttl=timedelta(0))


def test_signature_verifies_until_it_expires():
    upload_id = uuid.uuid4()
    _, exp, sig = parts(sign_media_url(upload_id=upload_id, settings=SETTINGS, now=NOW))

    def valid(
        at: datetime,
        *,
        upload_id: uuid.UUID = upload_id,
        exp: int = exp,
        sig: str = sig,
        settings: Settings = SETTINGS,
    ) -> bool:
        return verify_media_signature(
            upload_id=upload_id, exp=exp, sig=sig, settings=settings, now=at
        )

    assert valid(NOW)
    assert valid(NOW + timedelta(seconds=599))
    assert not valid(NOW + timedelta(seconds=600))
    assert not valid(NOW, upload_id=uuid.uuid4())
    assert not valid(NOW, exp=exp + 3600)  # extending the expiry breaks the signature
    assert not valid(NOW, sig=sig[:-1] + ("A" if sig[-1] != "A" else "B"))
    assert not valid(NOW, sig="")
    assert not valid(NOW, sig="签名")
    assert not valid(NOW, settings=Settings(secret_key="t" * 40))


def test_remaining_seconds_never_goes_negative():
    exp = int(NOW.timestamp()) + 100
    assert remaining_seconds(exp=exp, now=NOW) == 100
    assert remaining_seconds(exp=exp, now=NOW + timedelta(seconds=500)) == 0


def test_signature_is_deterministic_and_secret_dependent():
    upload_id = uuid.uuid4()
    a = media_signature(upload_id=upload_id, exp=1, secret="a")
    assert a == media_signature(upload_id=upload_id, exp=1, secret="a")
    assert a != media_signature(upload_id=upload_id, exp=1, secret="b")


# -- GET /media/{id} --------------------------------------------------------------------------


@pytest.fixture
async def stored(uploader):
    data = media.jpeg((64, 64))
    body = await uploader.uploaded(data)
    return uuid.UUID(body["uploadId"]), data


def url_for(uploader, upload_id, **kwargs) -> str:
    services = uploader.services
    return sign_media_url(
        upload_id=upload_id, settings=services.settings, now=services.clock.now(), **kwargs
    )


async def test_signed_url_serves_the_bytes_without_authorization(uploader, stored):
    upload_id, data = stored
    response = await uploader.client.get(url_for(uploader, upload_id))
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "image/jpeg"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"] == "default-src 'none'; sandbox"
    assert response.headers["content-disposition"] == "inline"
    ttl = uploader.services.settings.media_url_ttl_seconds
    assert response.headers["cache-control"] == f"private, max-age={ttl}"


async def test_the_upload_response_carries_a_working_url(uploader):
    data = media.audio("mp3")
    body = await uploader.uploaded(data, "voice")
    response = await uploader.client.get(body["url"])
    assert response.status_code == 200
    assert response.content == data
    assert response.headers["content-type"] == "audio/mpeg"


async def test_cache_lifetime_is_what_remains_of_the_url(uploader, stored, clock):
    upload_id, _ = stored
    url = url_for(uploader, upload_id)
    clock.advance(seconds=250)
    response = await uploader.client.get(url)
    ttl = uploader.services.settings.media_url_ttl_seconds
    assert response.headers["cache-control"] == f"private, max-age={ttl - 250}"


async def test_expired_url_is_403(uploader, stored, clock):
    upload_id, _ = stored
    url = url_for(uploader, upload_id)
    clock.advance(seconds=uploader.services.settings.media_url_ttl_seconds + 1)
    response = await uploader.client.get(url)
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "MEDIA_LINK_INVALID"


async def test_url_is_dead_at_the_exact_expiry(uploader, stored, clock):
    upload_id, _ = stored
    url = url_for(uploader, upload_id, ttl=timedelta(seconds=60))
    clock.advance(seconds=60)
    assert (await uploader.client.get(url)).status_code == 403


async def test_tampered_signature_is_403(uploader, stored):
    upload_id, _ = stored
    path, exp, sig = parts(url_for(uploader, upload_id))
    forged = sig[:-2] + ("AA" if not sig.endswith("AA") else "BB")
    response = await uploader.client.get(path, params={"exp": exp, "sig": forged})
    assert response.status_code == 403


async def test_extended_expiry_is_403(uploader, stored):
    upload_id, _ = stored
    path, exp, sig = parts(url_for(uploader, upload_id))
    response = await uploader.client.get(path, params={"exp": exp + 86400, "sig": sig})
    assert response.status_code == 403


async def test_signature_of_one_upload_does_not_open_another(uploader, stored):
    upload_id, _ = stored
    other = await uploader.uploaded(media.png())
    _, exp, sig = parts(url_for(uploader, upload_id))
    response = await uploader.client.get(
        f"/media/{other['uploadId']}", params={"exp": exp, "sig": sig}
    )
    assert response.status_code == 403


@pytest.mark.parametrize(
    "query", ["", "?exp=9999999999", "?sig=abc", "?exp=abc&sig=abc", "?exp=-1&sig=x"]
)
async def test_missing_or_malformed_signature_is_403(uploader, stored, query):
    upload_id, _ = stored
    assert (await uploader.client.get(f"/media/{upload_id}{query}")).status_code == 403


async def test_unknown_upload_with_a_valid_signature_is_404(uploader):
    response = await uploader.client.get(url_for(uploader, uuid.uuid4()))
    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"


async def test_malformed_id_is_404(uploader):
    assert (await uploader.client.get("/media/not-a-uuid?exp=1&sig=x")).status_code == 404


async def test_byte_ranges_are_served_for_audio_players(uploader):
    data = media.audio("m4a")
    body = await uploader.uploaded(data, "voice")
    url = body["url"]
    partial = await uploader.client.get(url, headers={"Range": "bytes=100-199"})
    assert partial.status_code == 206
    assert partial.content == data[100:200]
    assert partial.headers["content-range"] == f"bytes 100-199/{len(data)}"
    assert partial.headers["content-type"] == "audio/mp4"
    tail = await uploader.client.get(url, headers={"Range": "bytes=-10"})
    assert (tail.status_code, tail.content) == (206, data[-10:])
    rest = await uploader.client.get(url, headers={"Range": f"bytes={len(data) - 5}-"})
    assert rest.content == data[-5:]
    beyond = await uploader.client.get(url, headers={"Range": f"bytes={len(data)}-"})
    assert beyond.status_code == 416
    assert beyond.headers["content-range"] == f"bytes */{len(data)}"
    several = await uploader.client.get(url, headers={"Range": "bytes=0-1,5-6"})
    assert (several.status_code, several.content) == (200, data)
