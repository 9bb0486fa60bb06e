"""Validation of uploaded photos and recordings: type by content, structure, safe decoding.

Synchronous and CPU-bound: call it off the event loop. Every refusal is a
``ServiceError(UploadErrorCode.X, field="file", ...)``. Checks run cheapest first:

1. size and emptiness;
2. type by content (:func:`api.uploads.sniff.sniff`), which must be allowed for the kind;
3. structure: the container is walked to where the format says it ends (JPEG's final EOI,
   PNG's IEND, the RIFF length, the last ISO BMFF box, the last MP3/ADTS frame). A file that
   stops early is corrupt; bytes after the end (beyond a little padding) are a polyglot;
4. polyglot signatures (HTML, script, PHP, PDF, ZIP, SVG). Long signatures are searched in the
   whole file; short ones (``<svg``, ZIP headers), which random compressed bytes would contain
   by chance, are searched outside the compressed payload (entropy-coded scans, IDAT, VP8,
   ``mdat``, audio frames), i.e. in metadata segments and trailing bytes, where an embedded
   document would be found by other programs;
5. decoding with Pillow (pixel count checked from the header before any pixel is decoded) or
   PyAV (every audio frame decoded to measure the duration).
"""

from __future__ import annotations

import io
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field

import av
import av.error
from PIL import ExifTags, Image

from api.errors import ServiceError
from api.uploads.errors import UploadErrorCode
from api.uploads.sniff import (
    PHOTO_TYPES,
    PNG_SIGNATURE,
    VOICE_TYPES,
    MediaType,
    adts_frame_length,
    id3v2_end,
    mpeg_audio_frame_length,
    sniff,
)

# Trailing bytes tolerated after a format's end: any amount of NUL padding, or a few bytes.
MAX_TRAILING_BYTES = 16
# How far past a broken audio frame to look for the stream picking up again.
_RESYNC_WINDOW = 64 * 1024

# Searched case-insensitively in the whole file: long enough never to occur by chance.
SIGNATURES_ANYWHERE: tuple[bytes, ...] = (b"<script", b"<html", b"<?php", b"%pdf-", b"<!doctype")
# Searched case-insensitively outside the compressed payload: ZIP local, central and end records.
SIGNATURES_OUTSIDE_PAYLOAD: tuple[bytes, ...] = (
    b"<svg",
    b"pk\x03\x04",
    b"pk\x01\x02",
    b"pk\x05\x06",
)

_PIL_FORMAT = {MediaType.JPEG: "JPEG", MediaType.PNG: "PNG", MediaType.WEBP: "WEBP"}
_AV_FORMAT = {
    MediaType.MP3: "mp3",
    MediaType.AAC: "aac",
    MediaType.M4A: "mov,mp4,m4a,3gp,3g2,mj2",
    MediaType.WAV: "wav",
}
_AV_CODECS = {
    MediaType.MP3: frozenset({"mp3", "mp3float"}),
    MediaType.AAC: frozenset({"aac", "aac_fixed"}),
    MediaType.M4A: frozenset({"aac", "aac_fixed"}),
}
# Demuxers FFmpeg may pick at all: probing can never reach playlist or network demuxers.
_AV_FORMAT_WHITELIST = "mp3,aac,mov,wav"
_TOP_LEVEL_BOXES = (b"moov", b"mdat", b"free", b"skip", b"udta", b"meta", b"wide", b"moof")
_ROTATED_ORIENTATIONS = frozenset({5, 6, 7, 8})

# Exceptions Pillow and PyAV raise for malformed input.
_DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    struct.error,
    zlib.error,
    av.error.FFmpegError,
)


@dataclass(frozen=True, slots=True)
class PhotoInfo:
    media_type: MediaType
    width: int  # as displayed: EXIF orientation applied
    height: int


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    media_type: MediaType
    duration_ms: int


@dataclass(slots=True)
class Layout:
    """Where a file's format says it ends, and which byte ranges hold compressed payload."""

    end: int
    payload: list[tuple[int, int]] = field(default_factory=list)

    def add_payload(self, start: int, stop: int) -> None:
        if self.payload and self.payload[-1][1] == start:
            self.payload[-1] = (self.payload[-1][0], stop)
        elif stop > start:
            self.payload.append((start, stop))

    def outside_payload(self, size: int) -> list[tuple[int, int]]:
        """Byte ranges not covered by payload, trailing bytes included."""
        ranges, pos = [], 0
        for start, stop in self.payload:
            if start > pos:
                ranges.append((pos, start))
            pos = stop
        if size > pos:
            ranges.append((pos, size))
        return ranges


def validate_photo(data: bytes, *, max_bytes: int, max_pixels: int) -> PhotoInfo:
    """Accept a JPEG, PNG or WebP photo or raise ServiceError; returns type and dimensions."""
    _check_size(data, max_bytes)
    media_type = sniff(data)
    if media_type not in PHOTO_TYPES:
        raise _error(UploadErrorCode.UNSUPPORTED_TYPE)
    check_structure(data, media_type)
    width, height = _decode_photo(data, media_type, max_pixels=max_pixels)
    return PhotoInfo(media_type=media_type, width=width, height=height)


def validate_voice(data: bytes, *, max_bytes: int, max_seconds: float) -> VoiceInfo:
    """Accept an MP3, AAC (ADTS), M4A or WAV recording or raise ServiceError."""
    _check_size(data, max_bytes)
    media_type = sniff(data)
    if media_type not in VOICE_TYPES:
        raise _error(UploadErrorCode.UNSUPPORTED_TYPE)
    check_structure(data, media_type)
    seconds = _decode_voice(data, media_type, max_seconds=max_seconds)
    duration_ms = round(seconds * 1000)
    if duration_ms <= 0:
        raise _error(UploadErrorCode.CORRUPT_FILE)
    return VoiceInfo(media_type=media_type, duration_ms=duration_ms)


def check_structure(data: bytes, media_type: MediaType) -> Layout:
    """Walk the container: CORRUPT_FILE when it stops early, POLYGLOT for foreign content."""
    layout = _LAYOUTS[media_type](data)
    trailing = data[layout.end :]
    if len(trailing) > MAX_TRAILING_BYTES and trailing.strip(b"\x00"):
        raise _error(UploadErrorCode.POLYGLOT)
    lowered = data.lower()
    for signature in SIGNATURES_ANYWHERE:
        if signature in lowered:
            raise _error(UploadErrorCode.POLYGLOT)
    for start, stop in layout.outside_payload(len(data)):
        for signature in SIGNATURES_OUTSIDE_PAYLOAD:
            if lowered.find(signature, start, stop) >= 0:
                raise _error(UploadErrorCode.POLYGLOT)
    return layout


# -- sizes and errors -------------------------------------------------------------------------


def _error(code: UploadErrorCode, **params: object) -> ServiceError:
    return ServiceError(code, field="file", **params)


def megabytes(size: int) -> str:
    """A byte limit as people read it: 15728640 -> "15", 300000 -> "0.3"."""
    return f"{size / (1024 * 1024):.1f}".removesuffix(".0")


def _check_size(data: bytes, max_bytes: int) -> None:
    if not data:
        raise _error(UploadErrorCode.EMPTY_FILE)
    if len(data) > max_bytes:
        raise _error(UploadErrorCode.FILE_TOO_LARGE, limit_mb=megabytes(max_bytes))


def _corrupt() -> ServiceError:
    return _error(UploadErrorCode.CORRUPT_FILE)


# -- container walkers ------------------------------------------------------------------------


def _jpeg_layout(data: bytes) -> Layout:
    """Segments from SOI to the EOI that ends the image; entropy-coded scans are payload."""
    size, pos = len(data), 2
    layout = Layout(end=0)
    while True:
        if pos >= size or data[pos] != 0xFF:
            raise _corrupt()
        while pos < size and data[pos] == 0xFF:  # fill bytes before a marker
            pos += 1
        if pos >= size:
            raise _corrupt()
        marker = data[pos]
        pos += 1
        if marker == 0xD9:  # EOI
            layout.end = pos
            return layout
        if marker == 0x01 or 0xD0 <= marker <= 0xD7:  # standalone markers
            continue
        if marker in (0x00, 0xD8):
            raise _corrupt()
        if pos + 2 > size:
            raise _corrupt()
        length = int.from_bytes(data[pos : pos + 2], "big")
        if length < 2 or pos + length > size:
            raise _corrupt()
        pos += length
        if marker == 0xDA:  # SOS: entropy-coded data runs to the next real marker
            start = pos
            while True:
                ff = data.find(b"\xff", pos)
                if ff < 0 or ff + 1 >= size:
                    raise _corrupt()
                following = data[ff + 1]
                if following == 0x00 or 0xD0 <= following <= 0xD7:  # stuffing, restart
                    pos = ff + 2
                    continue
                break
            layout.add_payload(start, ff)
            pos = ff


def _png_layout(data: bytes) -> Layout:
    """Chunks from IHDR to IEND, CRCs checked; IDAT/fdAT data are payload."""
    size, pos = len(data), len(PNG_SIGNATURE)
    layout = Layout(end=0)
    view = memoryview(data)
    first = True
    while True:
        if pos + 12 > size:
            raise _corrupt()
        length = int.from_bytes(data[pos : pos + 4], "big")
        chunk_type = data[pos + 4 : pos + 8]
        end = pos + 12 + length
        if length > 0x7FFFFFFF or not chunk_type.isalpha() or end > size:
            raise _corrupt()
        if first and chunk_type != b"IHDR":
            raise _corrupt()
        first = False
        if zlib.crc32(view[pos + 4 : end - 4]) != int.from_bytes(data[end - 4 : end], "big"):
            raise _corrupt()
        if chunk_type in (b"IDAT", b"fdAT"):
            layout.add_payload(pos + 8, end - 4)
        pos = end
        if chunk_type == b"IEND":
            layout.end = pos
            return layout


def _riff_layout(data: bytes, payload_chunks: frozenset[bytes]) -> Layout:
    """RIFF chunks up to the length the RIFF header declares."""
    riff_size = int.from_bytes(data[4:8], "little")
    end = 8 + riff_size
    if riff_size < 4 or end > len(data):
        raise _corrupt()
    layout = Layout(end=end)
    pos = 12
    while pos < end:
        if pos + 8 > end:
            raise _corrupt()
        chunk_size = int.from_bytes(data[pos + 4 : pos + 8], "little")
        body_end = pos + 8 + chunk_size
        if body_end > end:
            raise _corrupt()
        if data[pos : pos + 4] in payload_chunks:
            layout.add_payload(pos + 8, body_end)
        pos = min(body_end + (chunk_size & 1), end)  # odd chunks carry a pad byte
    return layout


def _webp_layout(data: bytes) -> Layout:
    return _riff_layout(data, frozenset({b"VP8 ", b"VP8L", b"ALPH", b"ANMF"}))


def _wav_layout(data: bytes) -> Layout:
    return _riff_layout(data, frozenset({b"data"}))


def _bmff_layout(data: bytes) -> Layout:
    """Top-level ISO BMFF boxes; whatever does not parse as a box is trailing data."""
    size, pos = len(data), 0
    layout = Layout(end=0)
    while pos + 8 <= size:
        box_size = int.from_bytes(data[pos : pos + 4], "big")
        box_type = data[pos + 4 : pos + 8]
        header = 8
        if box_size == 1:
            if pos + 16 > size:
                break
            box_size = int.from_bytes(data[pos + 8 : pos + 16], "big")
            header = 16
        elif box_size == 0:  # extends to the end of the file
            box_size = size - pos
        if box_size < header or not all(0x20 <= b <= 0x7E for b in box_type):
            break
        if pos + box_size > size:
            raise _corrupt()
        if box_type == b"mdat":
            layout.add_payload(pos + header, pos + box_size)
        pos += box_size
    if size - pos > MAX_TRAILING_BYTES and any(
        box in data[pos : pos + 16] for box in _TOP_LEVEL_BOXES
    ):
        raise _corrupt()  # a box boundary is off by a few bytes: damaged, not appended
    layout.end = pos
    return layout


def _frames_layout(data: bytes, frame_length: Callable[[bytes, int], int | None]) -> Layout:
    """An optional ID3v2 tag, audio frames back to back, an optional ID3v1 tag."""
    size = len(data)
    pos = id3v2_end(data, 0)
    if pos:
        while pos < size and data[pos] == 0:
            pos += 1
    layout = Layout(end=0)
    frames = 0
    while True:
        length = frame_length(data, pos)
        if length is None:
            break
        if pos + length > size:
            raise _corrupt()  # the last frame was cut off
        layout.add_payload(pos, pos + length)
        pos += length
        frames += 1
    if frames == 0:
        raise _corrupt()
    if data.startswith(b"TAG", pos) and size - pos >= 128:  # ID3v1
        pos += 128
    elif size - pos > MAX_TRAILING_BYTES and _resynchronises(data, pos, frame_length):
        raise _corrupt()  # damaged mid-stream: frames continue after the garbage
    layout.end = pos
    return layout


def _resynchronises(
    data: bytes, start: int, frame_length: Callable[[bytes, int], int | None]
) -> bool:
    """Whether two consecutive valid frames appear after ``start`` (within a short window)."""
    pos = start
    stop = min(len(data), start + _RESYNC_WINDOW)
    while (pos := data.find(b"\xff", pos, stop)) >= 0:
        length = frame_length(data, pos)
        if length is not None and frame_length(data, pos + length) is not None:
            return True
        pos += 1
    return False


_LAYOUTS: dict[MediaType, Callable[[bytes], Layout]] = {
    MediaType.JPEG: _jpeg_layout,
    MediaType.PNG: _png_layout,
    MediaType.WEBP: _webp_layout,
    MediaType.WAV: _wav_layout,
    MediaType.M4A: _bmff_layout,
    MediaType.MP3: lambda data: _frames_layout(data, mpeg_audio_frame_length),
    MediaType.AAC: lambda data: _frames_layout(data, adts_frame_length),
}


# -- decoders ---------------------------------------------------------------------------------


def _decode_photo(data: bytes, media_type: MediaType, *, max_pixels: int) -> tuple[int, int]:
    """Decode every pixel; the pixel count is checked from the header before decoding."""
    expected = _PIL_FORMAT[media_type]
    try:
        with Image.open(io.BytesIO(data), formats=[expected]) as image:
            if image.format != expected:
                raise _error(UploadErrorCode.UNSUPPORTED_TYPE)
            width, height = image.size
            if width <= 0 or height <= 0:
                raise _corrupt()
            if width * height > max_pixels:
                raise _error(
                    UploadErrorCode.DECOMPRESSION_BOMB, max_megapixels=f"{max_pixels / 1e6:g}"
                )
            if getattr(image, "n_frames", 1) != 1:  # animations are not photos
                raise _error(UploadErrorCode.UNSUPPORTED_TYPE)
            image.load()
            orientation = _orientation(image)
    except ServiceError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _error(
            UploadErrorCode.DECOMPRESSION_BOMB, max_megapixels=f"{max_pixels / 1e6:g}"
        ) from exc
    except _DECODE_ERRORS as exc:
        raise _corrupt() from exc
    if orientation in _ROTATED_ORIENTATIONS:
        return height, width
    return width, height


def _orientation(image: Image.Image) -> int:
    """EXIF orientation (1 when absent or unreadable: bad metadata does not spoil a photo)."""
    try:
        value = image.getexif().get(ExifTags.Base.Orientation, 1)
    except _DECODE_ERRORS:
        return 1
    return value if isinstance(value, int) else 1


def _codec_allowed(media_type: MediaType, codec: str) -> bool:
    allowed = _AV_CODECS.get(media_type)
    return codec.startswith("pcm_") if allowed is None else codec in allowed


def _decode_voice(data: bytes, media_type: MediaType, *, max_seconds: float) -> float:
    """Decode every audio frame; the duration is the decoded samples over the sample rate."""
    try:
        with av.open(
            io.BytesIO(data),
            mode="r",
            container_options={"format_whitelist": _AV_FORMAT_WHITELIST},
            metadata_errors="ignore",
        ) as container:
            if container.format.name != _AV_FORMAT[media_type]:
                raise _error(UploadErrorCode.UNSUPPORTED_TYPE)
            streams = container.streams
            if len(streams.audio) != 1 or len(streams.video) > 0:
                raise _error(UploadErrorCode.UNSUPPORTED_TYPE)
            stream = streams.audio[0]
            # None when FFmpeg has no decoder for the track's codec (the stubs omit it).
            context: av.AudioCodecContext | None = stream.codec_context
            if context is None or not _codec_allowed(media_type, context.name):
                raise _error(UploadErrorCode.UNSUPPORTED_TYPE)
            seconds = 0.0
            for frame in container.decode(stream):
                if frame.sample_rate <= 0:
                    raise _corrupt()
                seconds += frame.samples / frame.sample_rate
                if seconds > max_seconds:
                    raise _error(UploadErrorCode.VOICE_TOO_LONG, max_seconds=f"{max_seconds:g}")
    except ServiceError:
        raise
    except _DECODE_ERRORS as exc:
        raise _corrupt() from exc
    return seconds
