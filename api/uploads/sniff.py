"""What a file really is, decided by its leading bytes alone (never by its name or a header).

Only the formats we accept are recognised; everything else is ``None``. The checks are
deliberately strict about the bytes each format must start with, so that e.g. an ADTS AAC
stream is never taken for MP3 (both start with an 11-bit frame sync) and an MP4 video is only
taken for audio when its ``ftyp`` box names an audio-capable brand (the decoder then checks the
streams).
"""

from __future__ import annotations

from enum import StrEnum


class MediaType(StrEnum):
    """Accepted media types; the value is the Content-Type the bytes are served with."""

    JPEG = "image/jpeg"
    PNG = "image/png"
    WEBP = "image/webp"
    MP3 = "audio/mpeg"
    AAC = "audio/aac"
    M4A = "audio/mp4"
    WAV = "audio/wav"


PHOTO_TYPES: frozenset[MediaType] = frozenset({MediaType.JPEG, MediaType.PNG, MediaType.WEBP})
VOICE_TYPES: frozenset[MediaType] = frozenset(
    {MediaType.MP3, MediaType.AAC, MediaType.M4A, MediaType.WAV}
)

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# ISO BMFF brands under which phones and recorders write AAC audio (iOS RecorderManager and
# Voice Memos write "M4A "; Android MediaRecorder writes "isom"/"mp42"/"3gp4"...).
AUDIO_BRANDS: frozenset[bytes] = frozenset(
    {
        b"M4A ",
        b"M4B ",
        b"mp41",
        b"mp42",
        b"isom",
        b"iso2",
        b"iso4",
        b"iso5",
        b"iso6",
        b"MSNV",
        b"3gp4",
        b"3gp5",
        b"3gp6",
        b"dash",
    }
)

# MPEG audio Layer III (MP3) header tables, indexed by the header's fields.
_MPEG1, _MPEG2, _MPEG25 = 3, 2, 0
_L3_BITRATES_KBPS: dict[int, tuple[int, ...]] = {
    _MPEG1: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),
    _MPEG2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),
}
_L3_BITRATES_KBPS[_MPEG25] = _L3_BITRATES_KBPS[_MPEG2]
_SAMPLE_RATES: dict[int, tuple[int, int, int]] = {
    _MPEG1: (44100, 48000, 32000),
    _MPEG2: (22050, 24000, 16000),
    _MPEG25: (11025, 12000, 8000),
}
_ADTS_SAMPLE_RATE_INDEXES = 13  # 0..12 are defined


def sniff(data: bytes) -> MediaType | None:
    """The accepted media type ``data`` really is, judged by content only; None otherwise."""
    if data.startswith(b"\xff\xd8\xff"):
        return MediaType.JPEG
    if data.startswith(PNG_SIGNATURE):
        return MediaType.PNG
    if len(data) >= 12 and data.startswith(b"RIFF"):
        form = data[8:12]
        if form == b"WEBP":
            return MediaType.WEBP
        if form == b"WAVE":
            return MediaType.WAV
        return None
    if _is_audio_ftyp(data):
        return MediaType.M4A
    offset = id3v2_end(data, 0)
    if offset:
        # An ID3v2 tag may front either MP3 or ADTS; padding zeros may follow the tag.
        while offset < len(data) and data[offset] == 0:
            offset += 1
    if mpeg_audio_frame_length(data, offset) is not None:
        return MediaType.MP3
    if adts_frame_length(data, offset) is not None:
        return MediaType.AAC
    return None


def id3v2_end(data: bytes, offset: int) -> int:
    """The offset just past an ID3v2 tag starting at ``offset``; 0 when there is none."""
    header = data[offset : offset + 10]
    if len(header) < 10 or not header.startswith(b"ID3"):
        return 0
    version, flags = header[3], header[5]
    if version not in (2, 3, 4) or header[4] == 0xFF:
        return 0
    size_bytes = header[6:10]
    if any(b & 0x80 for b in size_bytes):  # synchsafe integer: 7 bits per byte
        return 0
    size = (size_bytes[0] << 21) | (size_bytes[1] << 14) | (size_bytes[2] << 7) | size_bytes[3]
    footer = 10 if flags & 0x10 else 0
    end = offset + 10 + size + footer
    return end if end <= len(data) else 0


def mpeg_audio_frame_length(data: bytes, offset: int) -> int | None:
    """Length of the MPEG audio Layer III frame whose header is at ``offset``; None if invalid.

    Free-format streams (bitrate index 0) have no computable length and are not accepted.
    """
    header = data[offset : offset + 4]
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version = (header[1] >> 3) & 0b11
    layer = (header[1] >> 1) & 0b11
    if version == 1 or layer != 0b01:  # reserved version; only Layer III (MP3)
        return None
    bitrate_index = header[2] >> 4
    rate_index = (header[2] >> 2) & 0b11
    if bitrate_index in (0, 15) or rate_index == 3:
        return None
    padding = (header[2] >> 1) & 1
    bitrate = _L3_BITRATES_KBPS[version][bitrate_index] * 1000
    sample_rate = _SAMPLE_RATES[version][rate_index]
    coefficient = 144 if version == _MPEG1 else 72
    return coefficient * bitrate // sample_rate + padding


def adts_frame_length(data: bytes, offset: int) -> int | None:
    """Length of the ADTS (AAC) frame whose header is at ``offset``; None if invalid."""
    header = data[offset : offset + 7]
    if len(header) < 7 or header[0] != 0xFF or header[1] & 0xF6 != 0xF0:
        return None  # 12-bit sync, then layer must be 00 (0xFFF1/0xFFF9, or 0xFFF0/0xFFF8 + CRC)
    if (header[2] >> 2) & 0x0F >= _ADTS_SAMPLE_RATE_INDEXES:
        return None
    length = ((header[3] & 0x03) << 11) | (header[4] << 3) | (header[5] >> 5)
    header_length = 7 if header[1] & 0x01 else 9
    return length if length > header_length else None


def _is_audio_ftyp(data: bytes) -> bool:
    if len(data) < 16 or data[4:8] != b"ftyp":
        return False
    box_size = int.from_bytes(data[0:4], "big")
    if box_size < 16 or box_size > len(data):
        return False
    brands = [data[8:12]] + [data[i : i + 4] for i in range(16, box_size - 3, 4)]
    return any(brand in AUDIO_BRANDS for brand in brands)
