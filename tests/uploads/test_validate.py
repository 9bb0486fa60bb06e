"""Photo and voice validation: every accepted format, every way a bad file is refused."""

from __future__ import annotations

import struct
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image, ImageFile

from api.errors import ServiceError
from api.uploads.errors import UploadErrorCode
from api.uploads.sniff import MediaType
from api.uploads.validate import (
    MAX_TRAILING_BYTES,
    PhotoInfo,
    VoiceInfo,
    check_structure,
    megabytes,
    validate_photo,
    validate_voice,
)
from tests.uploads import media

MB = 1024 * 1024
PIXELS = 50_000_000


def photo(data: bytes, *, max_bytes: int = 15 * MB, max_pixels: int = PIXELS) -> PhotoInfo:
    return validate_photo(data, max_bytes=max_bytes, max_pixels=max_pixels)


def voice(data: bytes, *, max_bytes: int = 10 * MB, max_seconds: float = 600) -> VoiceInfo:
    return validate_voice(data, max_bytes=max_bytes, max_seconds=max_seconds)


def refused(call, *args, **kwargs) -> ServiceError:
    with pytest.raises(ServiceError) as caught:
        call(*args, **kwargs)
    assert caught.value.field == "file"
    return caught.value


def code_of(call, *args, **kwargs) -> UploadErrorCode:
    return UploadErrorCode(refused(call, *args, **kwargs).code)


# -- accepted ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("make", "media_type"),
    [(media.jpeg, MediaType.JPEG), (media.png, MediaType.PNG), (media.webp, MediaType.WEBP)],
)
def test_each_photo_format_is_accepted_with_its_dimensions(make, media_type):
    assert photo(make((120, 80))) == PhotoInfo(media_type=media_type, width=120, height=80)


def test_photo_dimensions_are_reported_as_displayed_after_exif_rotation():
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    data = media.encode_image(media.photo_image((120, 80)), "JPEG", exif=exif.tobytes())
    assert photo(data) == PhotoInfo(media_type=MediaType.JPEG, width=80, height=120)


def test_photo_with_ordinary_metadata_is_accepted():
    exif = Image.Exif()
    exif[0x010F] = "Xiaomi"  # Make
    exif[0x0132] = "2026:11:24 10:00:00"  # DateTime
    data = media.encode_image(media.photo_image(), "JPEG", exif=exif.tobytes(), comment=b"IMG_01")
    assert photo(data).media_type is MediaType.JPEG


def test_progressive_jpeg_is_accepted():
    data = media.encode_image(media.photo_image((200, 150)), "JPEG", progressive=True)
    assert photo(data) == PhotoInfo(media_type=MediaType.JPEG, width=200, height=150)


def test_jpeg_with_restart_markers_is_accepted():
    data = media.encode_image(media.photo_image((200, 150)), "JPEG", restart_marker_blocks=1)
    assert b"\xff\xd0" in data
    assert photo(data).width == 200


@pytest.mark.parametrize(
    ("kind", "media_type", "approx_ms"),
    [
        ("mp3", MediaType.MP3, 3000),
        ("aac", MediaType.AAC, 3000),
        ("m4a", MediaType.M4A, 3000),
        ("wav", MediaType.WAV, 3000),
    ],
)
def test_each_voice_format_is_accepted_with_its_duration(kind, media_type, approx_ms):
    info = voice(media.audio(kind))
    assert info.media_type is media_type
    # Encoders add up to one frame of priming/padding (AAC: 1024 samples at 16 kHz = 64 ms).
    assert approx_ms <= info.duration_ms <= approx_ms + 100


def test_mp3_without_id3_tag_is_accepted():
    assert voice(media.strip_id3(media.audio("mp3"))).media_type is MediaType.MP3


def test_adts_behind_an_id3_tag_is_accepted():
    assert voice(media.id3_tag("memo") + media.audio("aac")).media_type is MediaType.AAC


def test_size_limit_is_inclusive():
    data = media.jpeg()
    assert photo(data, max_bytes=len(data)).media_type is MediaType.JPEG
    error = refused(photo, data, max_bytes=len(data) - 1)
    assert error.code == UploadErrorCode.FILE_TOO_LARGE
    assert error.params == {"limit_mb": megabytes(len(data) - 1)}


def test_megabytes_reads_like_people_write_it():
    assert megabytes(15 * MB) == "15"
    assert megabytes(300_000) == "0.3"
    assert megabytes(int(1.5 * MB)) == "1.5"


# -- empty, oversize, wrong type --------------------------------------------------------------


def test_empty_files_are_refused():
    assert code_of(photo, b"") is UploadErrorCode.EMPTY_FILE
    assert code_of(voice, b"") is UploadErrorCode.EMPTY_FILE


def test_oversize_files_are_refused_before_anything_else():
    assert code_of(photo, b"not even an image", max_bytes=4) is UploadErrorCode.FILE_TOO_LARGE
    assert code_of(voice, media.audio("wav"), max_bytes=1000) is UploadErrorCode.FILE_TOO_LARGE


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n",
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04\x01\x00\x00\x00\x00,"
        b"\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;",
        b"just some text renamed to photo.jpg\n",
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
    ],
    ids=["pdf", "gif", "text", "svg"],
)
def test_non_photo_content_is_an_unsupported_photo(data):
    assert code_of(photo, data) is UploadErrorCode.UNSUPPORTED_TYPE


@pytest.mark.parametrize("kind", ["mp3", "aac", "m4a", "wav"])
def test_recordings_are_not_photos(kind):
    assert code_of(photo, media.audio(kind)) is UploadErrorCode.UNSUPPORTED_TYPE


@pytest.mark.parametrize("make", [media.jpeg, media.png, media.webp])
def test_photos_are_not_recordings(make):
    assert code_of(voice, make()) is UploadErrorCode.UNSUPPORTED_TYPE


def test_video_is_not_a_recording():
    assert code_of(voice, media.video_mp4()) is UploadErrorCode.UNSUPPORTED_TYPE


@pytest.mark.parametrize("fmt", ["PNG", "WEBP"])
def test_animations_are_not_photos(fmt):
    frames = [media.photo_image((40, 40), seed=s) for s in range(3)]
    data = media.encode_image(frames[0], fmt, save_all=True, append_images=frames[1:])
    assert code_of(photo, data) is UploadErrorCode.UNSUPPORTED_TYPE


# -- truncated and corrupt --------------------------------------------------------------------


@pytest.mark.parametrize("cut", [2, 20, 200])
@pytest.mark.parametrize("make", [media.jpeg, media.png, media.webp])
def test_truncated_photos_are_corrupt(make, cut):
    data = make((120, 80))
    assert code_of(photo, data[:-cut]) is UploadErrorCode.CORRUPT_FILE


def test_half_a_jpeg_is_corrupt():
    data = media.jpeg((300, 200))
    assert code_of(photo, data[: len(data) // 2]) is UploadErrorCode.CORRUPT_FILE


def test_png_with_a_bad_checksum_is_corrupt():
    data = bytearray(media.png())
    idat = data.index(b"IDAT")
    data[idat + 10] ^= 0xFF
    assert code_of(photo, bytes(data)) is UploadErrorCode.CORRUPT_FILE


def test_jpeg_header_alone_is_corrupt():
    data = media.jpeg()
    sos = data.index(b"\xff\xda")
    assert code_of(photo, data[:sos]) is UploadErrorCode.CORRUPT_FILE


@pytest.mark.parametrize("kind", ["mp3", "aac", "m4a", "wav"])
def test_truncated_recordings_are_corrupt(kind):
    data = media.audio(kind)
    assert code_of(voice, data[: len(data) - 333]) is UploadErrorCode.CORRUPT_FILE


def test_recording_without_samples_is_corrupt():
    assert code_of(voice, media.empty_wav()) is UploadErrorCode.CORRUPT_FILE


def test_id3_tag_without_audio_is_corrupt_or_unsupported():
    assert code_of(voice, media.id3_tag("nothing follows")) is UploadErrorCode.UNSUPPORTED_TYPE


def test_loading_truncated_images_stays_off():
    import api.uploads.validate  # noqa: F401

    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


# -- decompression bombs ----------------------------------------------------------------------


def test_png_bomb_far_beyond_any_limit_is_refused():
    bomb = media.png_bomb(20_000, 20_000)  # 400 megapixels in ~50 KB
    assert len(bomb) < 100_000
    error = refused(photo, bomb)
    assert error.code == UploadErrorCode.DECOMPRESSION_BOMB
    assert error.params == {"max_megapixels": "50"}


def test_png_just_above_our_pixel_limit_is_refused_before_decoding():
    # 64 megapixels: below Pillow's own bomb threshold (89 M), above our default 50 M.
    assert code_of(photo, media.png_bomb(8_000, 8_000)) is UploadErrorCode.DECOMPRESSION_BOMB


def test_jpeg_whose_header_claims_a_huge_size_is_a_bomb():
    assert code_of(photo, media.jpeg_claiming(65_000, 65_000)) is UploadErrorCode.DECOMPRESSION_BOMB


@pytest.mark.parametrize("make", [media.jpeg, media.png, media.webp])
def test_pixel_limit_comes_from_the_caller(make):
    data = make((100, 100))
    assert photo(data, max_pixels=10_000).width == 100
    error = refused(photo, data, max_pixels=9_999)
    assert error.code == UploadErrorCode.DECOMPRESSION_BOMB


# -- polyglots --------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [media.jpeg, media.png, media.webp])
def test_photo_with_a_zip_appended_is_a_polyglot(make):
    assert code_of(photo, make() + media.zip_archive()) is UploadErrorCode.POLYGLOT


@pytest.mark.parametrize("kind", ["mp3", "aac", "m4a", "wav"])
def test_recording_with_a_zip_appended_is_a_polyglot(kind):
    assert code_of(voice, media.audio(kind) + media.zip_archive()) is UploadErrorCode.POLYGLOT


@pytest.mark.parametrize(
    "comment",
    [
        b"<script>alert(document.cookie)</script>",
        b"<SCRIPT SRC=//evil.example/x.js>",
        b"<html><body>hi</body></html>",
        b"<?php system($_GET['c']); ?>",
        b"<!DOCTYPE html>",
        b"%PDF-1.7 embedded",
        b"<svg onload=alert(1)>",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
    ],
)
def test_jpeg_carrying_active_content_in_a_comment_is_a_polyglot(comment):
    data = media.jpeg(comment=comment)
    assert comment[:5] in data
    assert code_of(photo, data) is UploadErrorCode.POLYGLOT


def test_png_carrying_svg_in_a_text_chunk_is_a_polyglot():
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Comment", "<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert code_of(photo, media.png(pnginfo=info)) is UploadErrorCode.POLYGLOT


def test_webp_carrying_html_in_xmp_is_a_polyglot():
    data = media.webp(xmp=b"<x:xmpmeta><html><script>1</script></html></x:xmpmeta>")
    assert code_of(photo, data) is UploadErrorCode.POLYGLOT


def test_zip_inside_a_jpeg_app_segment_is_a_polyglot():
    data = media.jpeg()
    archive = media.zip_archive()
    segment = b"\xff\xe5" + struct.pack(">H", len(archive) + 2) + archive
    assert code_of(photo, data[:2] + segment + data[2:]) is UploadErrorCode.POLYGLOT


def test_html_in_an_id3_tag_is_a_polyglot():
    data = media.id3_tag("<html><script>x</script></html>") + media.strip_id3(media.audio("mp3"))
    assert code_of(voice, data) is UploadErrorCode.POLYGLOT


def test_pdf_appended_after_png_iend_is_a_polyglot():
    assert code_of(photo, media.png() + b"%PDF-1.4 ...") is UploadErrorCode.POLYGLOT


def test_webp_with_data_beyond_its_riff_length_is_a_polyglot():
    assert code_of(photo, media.webp() + b"x" * 100) is UploadErrorCode.POLYGLOT


def test_a_few_bytes_of_padding_are_tolerated():
    assert photo(media.jpeg() + b"\x00" * 4096).media_type is MediaType.JPEG
    assert photo(media.png() + b"\n" * MAX_TRAILING_BYTES).media_type is MediaType.PNG
    assert voice(media.audio("wav") + b"\x00" * 7).media_type is MediaType.WAV
    assert code_of(photo, media.jpeg() + b"\n" * (MAX_TRAILING_BYTES + 1)) is (
        UploadErrorCode.POLYGLOT
    )


def test_short_signatures_inside_compressed_payload_are_not_false_alarms():
    # "<svg" and "PK\x03\x04" occur by chance in large compressed data; only metadata and
    # trailing bytes are searched for them. Plant both inside a JPEG's entropy-coded scan.
    data = bytearray(media.jpeg((200, 150)))
    sos = data.index(b"\xff\xda")
    scan = sos + 2 + struct.unpack(">H", data[sos + 2 : sos + 4])[0] + 40
    data[scan : scan + 8] = b"<svgPK\x03\x04"
    layout = check_structure(bytes(data), MediaType.JPEG)
    assert any(start <= scan < stop for start, stop in layout.payload)


def test_mp3_damaged_mid_stream_is_corrupt_not_a_polyglot():
    data = media.strip_id3(media.audio("mp3"))
    middle = len(data) // 2
    assert code_of(voice, data[:middle] + b"\x00garbage\x00" * 4 + data[middle:]) is (
        UploadErrorCode.CORRUPT_FILE
    )


def test_m4a_with_a_byte_lost_inside_mdat_is_corrupt_not_a_polyglot():
    data = media.audio("m4a")
    mdat = data.index(b"mdat")
    assert code_of(voice, data[: mdat + 100] + data[mdat + 101 :]) is UploadErrorCode.CORRUPT_FILE


# -- duration ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["mp3", "aac", "m4a", "wav"])
def test_recording_longer_than_the_limit_is_refused(kind):
    error = refused(voice, media.audio(kind), max_seconds=2)
    assert error.code == UploadErrorCode.VOICE_TOO_LONG
    assert error.params == {"max_seconds": "2"}


def test_duration_is_measured_by_decoding_not_read_from_headers():
    data = bytearray(media.audio("wav"))
    # Claim a far higher byte rate in the header: a header-based duration would be tiny.
    fmt = data.index(b"fmt ")
    data[fmt + 16 : fmt + 20] = struct.pack("<I", 16000 * 2 * 100)
    assert 2900 <= voice(bytes(data)).duration_ms <= 3100


# -- robustness -------------------------------------------------------------------------------


def mangle(original: bytes, mutations: list[tuple[int, int, int]]) -> bytes:
    """Overwrite, cut, insert or delete bytes at the given positions."""
    data = bytearray(original)
    for position, value, action in mutations:
        if not data:
            break
        position %= len(data)
        if action == 0:
            data[position] = value
        elif action == 1:
            del data[position:]
        elif action == 2:
            data.insert(position, value)
        else:
            del data[position]
    return bytes(data)


def _mutations() -> st.SearchStrategy[tuple[int, int, int]]:
    return st.tuples(st.integers(0, 10_000), st.integers(0, 255), st.integers(0, 3))


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["jpeg", "png", "webp"]), st.lists(_mutations(), min_size=1, max_size=4))
def test_mangled_photos_are_accepted_or_refused_with_a_code(fmt, mutations):
    data = mangle(media.PHOTOS[fmt]((48, 32)), mutations)
    try:
        photo(data)
    except ServiceError as exc:
        assert isinstance(exc.code, UploadErrorCode)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.sampled_from(["mp3", "aac", "m4a", "wav"]), st.lists(_mutations(), min_size=1, max_size=4)
)
def test_mangled_recordings_are_accepted_or_refused_with_a_code(kind, mutations):
    data = mangle(media.audio(kind, 0.5), mutations)
    try:
        voice(data)
    except ServiceError as exc:
        assert isinstance(exc.code, UploadErrorCode)


def test_crc_helper_matches_png_layout():
    # Sanity check of the builder used by the bomb tests: Pillow reads its header.
    bomb = media.png_bomb(64, 64)
    assert zlib.crc32(bomb[12:29]) == struct.unpack(">I", bomb[29:33])[0]
    with Image.open(__import__("io").BytesIO(bomb)) as image:
        assert image.size == (64, 64)
