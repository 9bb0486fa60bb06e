"""Type by content: magic bytes decide, names and declared types never do."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from api.uploads.sniff import (
    PHOTO_TYPES,
    VOICE_TYPES,
    MediaType,
    adts_frame_length,
    id3v2_end,
    mpeg_audio_frame_length,
    sniff,
)
from tests.uploads import media


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (media.jpeg, MediaType.JPEG),
        (media.png, MediaType.PNG),
        (media.webp, MediaType.WEBP),
    ],
)
def test_photos_are_recognised(make, expected):
    data = make()
    assert sniff(data) is expected
    assert expected in PHOTO_TYPES


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("mp3", MediaType.MP3),
        ("aac", MediaType.AAC),
        ("m4a", MediaType.M4A),
        ("wav", MediaType.WAV),
    ],
)
def test_recordings_are_recognised(kind, expected):
    assert sniff(media.audio(kind)) is expected
    assert expected in VOICE_TYPES


def test_mp3_without_id3_tag_is_recognised_by_frame_sync():
    frames = media.strip_id3(media.audio("mp3"))
    assert frames[:2] in (b"\xff\xfb", b"\xff\xf3", b"\xff\xe3", b"\xff\xf2")
    assert sniff(frames) is MediaType.MP3


def test_adts_is_not_taken_for_mp3():
    data = media.audio("aac")
    assert data[:2] in (b"\xff\xf1", b"\xff\xf9")
    assert mpeg_audio_frame_length(data, 0) is None
    assert sniff(data) is MediaType.AAC


def test_id3_tag_in_front_of_adts_is_aac():
    assert sniff(media.id3_tag("memo") + media.audio("aac")) is MediaType.AAC


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"hello, this is plain text named photo.jpg",
        b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n",
        b"GIF89a\x01\x00\x01\x00\x80\x00\x00",
        b"BM" + b"\x00" * 64,
        b"PK\x03\x04" + b"\x00" * 64,
        b"<svg xmlns='http://www.w3.org/2000/svg'></svg>",
        b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic",  # an iPhone HEIC photo
        b"\x00\x00\x00\x14ftypavif\x00\x00\x00\x00avif",
        b"RIFF\x24\x00\x00\x00AVI LIST",
        b"ID3\x03\x00\x00\x00\x00\x00\x00not audio after the tag",
        b"\xff\xfd\x90\x00" + b"\x00" * 64,  # MPEG-1 Layer II: not MP3
        b"\xff\xfb\xf0\x00" + b"\x00" * 64,  # bitrate index 15 is invalid
        b"\xff\xfb\x0c\x00" + b"\x00" * 64,  # sample-rate index 3 is reserved
        b"OggS\x00\x02" + b"\x00" * 32,
        b"fLaC\x00\x00\x00\x22",
        b"\xff\xd8",  # too short to be a JPEG
    ],
)
def test_other_content_is_not_recognised(data):
    assert sniff(data) is None


def test_mp4_with_an_audio_brand_is_taken_for_m4a_and_left_to_the_decoder():
    # A video MP4 carries the same brands as an audio one; the decoder refuses its video track.
    assert sniff(media.video_mp4()) is MediaType.M4A


def test_mp3_frame_length_follows_the_header():
    # MPEG-1 Layer III, 128 kbit/s, 44.1 kHz: 144 * 128000 / 44100 = 417 bytes (+1 padded).
    assert mpeg_audio_frame_length(b"\xff\xfb\x90\x00", 0) == 417
    assert mpeg_audio_frame_length(b"\xff\xfb\x92\x00", 0) == 418
    # MPEG-2 Layer III, 64 kbit/s, 16 kHz: 72 * 64000 / 16000 = 288 bytes.
    assert mpeg_audio_frame_length(b"\xff\xf3\x88\x00", 0) == 288


def test_adts_frame_length_is_read_from_the_header():
    data = media.audio("aac")
    length = adts_frame_length(data, 0)
    assert length is not None and 7 < length < 2048
    assert adts_frame_length(data, length) is not None  # the next frame follows immediately


def test_id3v2_tag_length_uses_synchsafe_integers():
    tag = media.id3_tag("x" * 300)
    assert id3v2_end(tag + b"rest", 0) == len(tag)
    assert id3v2_end(b"ID3\x03\x00\x00\x00\x00\x80\x00", 0) == 0  # high bit set: not synchsafe
    assert id3v2_end(b"ID3\x03\x00\x00\x00\x00\x7f\x7f", 0) == 0  # claims more than there is


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64))
def test_sniff_never_fails_on_arbitrary_bytes(data):
    assert sniff(data) is None or isinstance(sniff(data), MediaType)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"RIFF", b"ID3", b"\xff\xf1"]),
    st.binary(max_size=64),
)
def test_sniff_never_fails_on_truncated_headers(prefix, rest):
    result = sniff(prefix + rest)
    assert result is None or isinstance(result, MediaType)
