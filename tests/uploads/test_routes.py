"""POST /uploads through the real app: what wx.uploadFile sends, and every bad upload."""

from __future__ import annotations

import hashlib
import logging

import pytest

from api.org.models import Role
from api.services import Services
from api.uploads.models import Upload, UploadKind
from tests.factories import make_user
from tests.uploads import media
from tests.uploads.conftest import (
    BOUNDARY,
    Feed,
    Uploader,
    blobs,
    http_client,
    media_root,
    multipart,
    token_for,
    with_settings,
)

pytestmark = pytest.mark.usefixtures("db")


async def assert_refused(response, status: int, code: str, uploader: Uploader) -> None:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    assert await Upload.all().count() == 0
    assert blobs(media_root(uploader.services)) == []


# -- accepted ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fmt", "filename"), [("jpeg", "tmp_abc.jpg"), ("png", "tmp_abc.png"), ("webp", "x.webp")]
)
async def test_each_photo_format_is_stored_with_its_metadata(uploader, rep, fmt, filename):
    data = media.PHOTOS[fmt]((160, 120))
    response = await uploader.upload(data, "photo", filename=filename, content_type="image/jpeg")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["kind"] == "photo"
    assert body["contentType"] == media.PHOTO_TYPES[fmt]
    assert body["size"] == len(data)
    assert body["sha256"] == hashlib.sha256(data).hexdigest()
    assert (body["width"], body["height"]) == (160, 120)
    assert "durationMs" not in body
    assert body["url"].startswith(f"/media/{body['uploadId']}?exp=")
    upload = await Upload.get(id=body["uploadId"])
    assert upload.uploader_id == rep.id  # type: ignore[attr-defined]
    assert upload.organisation_id == rep.organisation_id  # type: ignore[attr-defined]
    assert upload.kind is UploadKind.PHOTO
    assert (upload.content_type, upload.size, upload.width, upload.height) == (
        media.PHOTO_TYPES[fmt],
        len(data),
        160,
        120,
    )
    assert upload.duration_ms is None
    assert await uploader.services.media.get(upload.sha256) == data


@pytest.mark.parametrize("kind", ["mp3", "aac", "m4a", "wav"])
async def test_each_voice_format_is_stored_with_its_duration(uploader, kind):
    data = media.audio(kind)
    response = await uploader.upload(data, "voice", filename=f"voice.{kind}")
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["kind"] == "voice"
    assert body["contentType"] == media.VOICE_TYPES[kind]
    assert body["size"] == len(data)
    assert 3000 <= body["durationMs"] <= 3100
    assert "width" not in body and "height" not in body
    upload = await Upload.get(id=body["uploadId"])
    assert (upload.kind, upload.duration_ms, upload.width) == (
        UploadKind.VOICE,
        body["durationMs"],
        None,
    )


async def test_the_kind_field_may_follow_the_file(uploader):
    response = await uploader.upload(media.audio("mp3"), "voice", kind_first=False)
    assert response.status_code == 201, response.text
    assert response.json()["kind"] == "voice"


async def test_the_kind_is_read_case_insensitively(uploader):
    response = await uploader.upload(media.jpeg(), " Photo ")
    assert response.status_code == 201, response.text


async def test_same_bytes_uploaded_twice_make_two_uploads_and_one_blob(uploader):
    data = media.jpeg()
    first = await uploader.uploaded(data)
    second = await uploader.uploaded(data)
    assert first["uploadId"] != second["uploadId"]
    assert first["sha256"] == second["sha256"]
    assert await Upload.filter(sha256=first["sha256"]).count() == 2
    assert [p.name for p in blobs(media_root(uploader.services))] == [first["sha256"]]


# -- authentication ---------------------------------------------------------------------------


async def test_without_a_token_it_is_401(uploader):
    response = await uploader.upload(media.jpeg(), anonymous=True)
    await assert_refused(response, 401, "UNAUTHENTICATED", uploader)
    assert response.headers["www-authenticate"] == "Bearer"


async def test_with_a_bad_token_it_is_401(uploader):
    response = await uploader.upload(media.jpeg(), token="not-a-token")
    await assert_refused(response, 401, "UNAUTHENTICATED", uploader)


async def test_with_an_expired_token_it_is_401(uploader, clock):
    clock.advance(seconds=uploader.services.settings.access_token_ttl_seconds + 1)
    response = await uploader.upload(media.jpeg())
    await assert_refused(response, 401, "UNAUTHENTICATED", uploader)


async def test_without_the_upload_permission_it_is_403(uploader, org):
    marketing = await make_user(org, Role.MARKETING)
    token = await token_for(marketing, uploader.services)
    response = await uploader.upload(media.jpeg(), token=token)
    await assert_refused(response, 403, "FORBIDDEN", uploader)


# -- malformed requests -----------------------------------------------------------------------


async def test_empty_file_is_400(uploader):
    await assert_refused(await uploader.upload(b""), 400, "EMPTY_FILE", uploader)


async def test_missing_file_is_400(uploader):
    await assert_refused(await uploader.upload(None), 400, "MISSING_FILE", uploader)


@pytest.mark.parametrize("kind", [None, "", "video", "photo,voice"])
async def test_invalid_kind_is_400(uploader, kind):
    await assert_refused(await uploader.upload(media.jpeg(), kind), 400, "INVALID_KIND", uploader)


async def test_a_file_under_another_field_name_is_missing(uploader):
    other = (
        (
            f"--{BOUNDARY}\r\n"
            'Content-Disposition: form-data; name="image"; filename="a.jpg"\r\n\r\n'
        ).encode()
        + media.jpeg()
        + b"\r\n"
    )
    body = multipart(None, kind="photo", extra_parts=[other])
    await assert_refused(await uploader.post_raw(body), 400, "MISSING_FILE", uploader)


async def test_a_large_text_field_is_malformed(uploader):
    field = (
        (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="note"\r\n\r\n').encode()
        + b"x" * 5000
        + b"\r\n"
    )
    body = multipart(media.jpeg(), extra_parts=[field])
    await assert_refused(await uploader.post_raw(body), 400, "MALFORMED_REQUEST", uploader)


async def test_two_files_are_malformed(uploader):
    second = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="b.jpg"\r\n\r\n'
        ).encode()
        + media.jpeg()
        + b"\r\n"
    )
    body = multipart(media.jpeg(), extra_parts=[second])
    await assert_refused(await uploader.post_raw(body), 400, "MALFORMED_REQUEST", uploader)


async def test_not_multipart_is_malformed(uploader):
    response = await uploader.client.post(
        "/uploads",
        content=media.jpeg(),
        headers={**uploader.auth(), "Content-Type": "image/jpeg"},
    )
    await assert_refused(response, 400, "MALFORMED_REQUEST", uploader)


async def test_unterminated_multipart_is_malformed(uploader):
    body = multipart(media.jpeg())
    await assert_refused(
        await uploader.post_raw(body[: -len("--\r\n") - 40]), 400, "MALFORMED_REQUEST", uploader
    )


# -- wrong type by content --------------------------------------------------------------------


async def test_pdf_as_photo_is_415(uploader):
    pdf = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"
    response = await uploader.upload(pdf, "photo", filename="scan.jpg", content_type="image/jpeg")
    await assert_refused(response, 415, "UNSUPPORTED_TYPE", uploader)


async def test_jpeg_as_voice_is_415(uploader):
    response = await uploader.upload(
        media.jpeg(), "voice", filename="a.mp3", content_type="audio/mpeg"
    )
    await assert_refused(response, 415, "UNSUPPORTED_TYPE", uploader)


async def test_png_renamed_to_mp3_is_judged_by_content(uploader):
    response = await uploader.upload(
        media.png(), "voice", filename="x.mp3", content_type="audio/mpeg"
    )
    await assert_refused(response, 415, "UNSUPPORTED_TYPE", uploader)


async def test_text_renamed_to_jpg_is_judged_by_content(uploader):
    response = await uploader.upload(
        b"hello, I am text\n", "photo", filename="photo.jpg", content_type="image/jpeg"
    )
    await assert_refused(response, 415, "UNSUPPORTED_TYPE", uploader)


async def test_a_png_named_jpg_is_stored_as_png(uploader):
    body = await uploader.uploaded(media.png())
    assert body["contentType"] == "image/png"


async def test_video_as_voice_is_415(uploader):
    response = await uploader.upload(media.video_mp4(), "voice", filename="a.m4a")
    await assert_refused(response, 415, "UNSUPPORTED_TYPE", uploader)


# -- corrupt, bombs, polyglots ----------------------------------------------------------------


async def test_truncated_jpeg_is_corrupt(uploader):
    data = media.jpeg((300, 200))
    await assert_refused(await uploader.upload(data[:-200]), 400, "CORRUPT_FILE", uploader)


async def test_truncated_recording_is_corrupt(uploader):
    data = media.audio("m4a")
    response = await uploader.upload(data[: len(data) // 2], "voice")
    await assert_refused(response, 400, "CORRUPT_FILE", uploader)


async def test_decompression_bomb_is_400(uploader):
    response = await uploader.upload(media.png_bomb(20_000, 20_000), "photo")
    await assert_refused(response, 400, "DECOMPRESSION_BOMB", uploader)
    assert "50" in response.json()["error"]["message"]


async def test_pixel_limit_comes_from_settings(services, rep_token):
    small = with_settings(services, photo_max_pixels=10_000)
    async with http_client(small) as client:
        uploader = Uploader(client, small, rep_token)
        await assert_refused(
            await uploader.upload(media.png((101, 100))), 400, "DECOMPRESSION_BOMB", uploader
        )
        assert (await uploader.upload(media.png((100, 100)))).status_code == 201


async def test_jpeg_with_a_zip_appended_is_a_polyglot(uploader):
    response = await uploader.upload(media.jpeg() + media.zip_archive())
    await assert_refused(response, 400, "POLYGLOT", uploader)


async def test_jpeg_with_script_in_a_comment_is_a_polyglot(uploader):
    response = await uploader.upload(media.jpeg(comment=b"<script>alert(1)</script>"))
    await assert_refused(response, 400, "POLYGLOT", uploader)


async def test_recording_longer_than_allowed_is_400(services, rep_token):
    short = with_settings(services, voice_max_seconds=2.0)
    async with http_client(short) as client:
        uploader = Uploader(client, short, rep_token)
        response = await uploader.upload(media.audio("wav"), "voice")
        await assert_refused(response, 400, "VOICE_TOO_LONG", uploader)


# -- size limits while reading ----------------------------------------------------------------

PHOTO_LIMIT = 200_000
VOICE_LIMIT = 100_000


@pytest.fixture
async def limited(services: Services, rep_token: str):
    small = with_settings(services, photo_max_bytes=PHOTO_LIMIT, voice_max_bytes=VOICE_LIMIT)
    async with http_client(small) as client:
        yield Uploader(client, small, rep_token)


def oversized_body(size: int, kind: str = "photo") -> bytes:
    # Starts like a JPEG; it is refused for its size before anyone looks at it.
    return multipart(b"\xff\xd8\xff\xe0" + b"\x00" * (size - 4), kind=kind)


async def test_declared_content_length_over_the_cap_is_refused_unread(limited):
    body = oversized_body(4 * PHOTO_LIMIT)
    feed = Feed(body)
    response = await limited.post_raw(feed, headers={"Content-Length": str(len(body))})
    await assert_refused(response, 413, "FILE_TOO_LARGE", limited)
    assert feed.sent == 0
    assert "0.2 MB" in response.json()["error"]["message"]


async def test_a_lying_content_length_does_not_get_past_the_counter(limited):
    body = oversized_body(20 * PHOTO_LIMIT)
    feed = Feed(body)
    response = await limited.post_raw(feed, headers={"Content-Length": "1000"})
    await assert_refused(response, 413, "FILE_TOO_LARGE", limited)
    assert feed.sent < PHOTO_LIMIT + 100_000  # stopped soon after the limit, not at the end


async def test_a_chunked_body_is_counted_as_it_streams(limited):
    body = oversized_body(20 * PHOTO_LIMIT)
    feed = Feed(body)
    response = await limited.post_raw(feed)  # no Content-Length: chunked transfer
    await assert_refused(response, 413, "FILE_TOO_LARGE", limited)
    assert feed.sent < PHOTO_LIMIT + 100_000


async def test_the_voice_limit_applies_to_voice_uploads(limited):
    # Under the photo limit (the request cap) but over the voice limit.
    for kind_first in (True, False):
        body = multipart(b"\xff\xfb\x90\x00" * 30_000, kind="voice", kind_first=kind_first)
        response = await limited.post_raw(body)
        await assert_refused(response, 413, "FILE_TOO_LARGE", limited)
        assert "0.1 MB" in response.json()["error"]["message"]


async def test_a_photo_under_its_limit_passes_the_counter(limited):
    response = await limited.upload(media.jpeg((200, 200)))
    assert response.status_code == 201, response.text


# -- messages and logs ------------------------------------------------------------------------


async def test_messages_follow_accept_language(uploader):
    zh = await uploader.upload(b"")
    en = await uploader.upload(b"", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert zh.json()["error"]["message"] == "文件为空"
    assert en.json()["error"]["message"] == "The file is empty"


async def test_logs_carry_ids_and_codes_never_names_or_contents(uploader, rep, caplog):
    caplog.set_level(logging.DEBUG, logger="api.uploads")
    secret_name = "客户张三的合同.jpg"
    ok = await uploader.upload(media.jpeg(comment=b"JFIFCOMMENT"), filename=secret_name)
    bad = await uploader.upload(b"private text", filename=secret_name)
    assert (ok.status_code, bad.status_code) == (201, 415)
    text = caplog.text
    assert ok.json()["uploadId"] in text
    assert "UNSUPPORTED_TYPE" in text
    assert str(rep.id) in text
    for leaked in (secret_name, "private text", "JFIFCOMMENT", rep.display_name, rep.username):
        assert leaked not in text
