"""Photo evidence: one safe decode, EXIF capture time and position, perceptual hashes, checks.

:func:`analyse_photo` decodes an upload once (a JPEG in draft mode, at the smallest DCT scale
that still serves ``served_long_side`` pixels) and derives everything from that decode: the
SHA-256 of the original bytes, the EXIF capture time and GPS position, 64-bit perceptual hashes
and the upright RGB image that :mod:`verification.watermark` stamps.

Reuse detection. A perceptual hash is a DCT hash (pHash family): the image in grey,
area-averaged to 32 x 32 cells, 2-D DCT, the 64 lowest frequencies in zigzag order (DC
excluded), one bit per coefficient above their median (every hash has 32 bits set, so
distances are even). It survives re-compression and resizing. Cropping shifts the content, so
an *original* stores several hashes (:attr:`PhotoAnalysis.hashes`): the full frame, the frame
with near-uniform borders trimmed, and 15 crops that cover lost margins of up to ~8% per side,
centred and off-centre (:data:`STORED_CROPS`). A *query* (a new upload looked up against the
stored ones) uses its full frame and its trimmed frame (:attr:`PhotoAnalysis.query_hashes`):
trimming removes the bars and status bar of a screenshot of a photo shown on a phone.
Distances are Hamming distances; :func:`is_reuse` compares the smallest one with the policy.

The database finds candidates by multi-index hashing (:func:`chunks`, :func:`probe_keys`): a
stored hash within ``radius`` bits of a query shares at least one (chunk index, chunk value)
pair with the query's probe keys, by the pigeonhole principle.
"""

from __future__ import annotations

import functools
import hashlib
import io
import itertools
import math
import struct
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone, tzinfo
from typing import Any, Final, Literal, Protocol

import numpy as np
from numpy.typing import NDArray
from PIL import ExifTags, Image, ImageOps

from verification.findings import Finding, FindingCode, Severity
from verification.geo import haversine_m
from verification.policy import VerificationPolicy

__all__ = [
    "CHUNK_BITS",
    "CHUNK_COUNT",
    "STORED_CROPS",
    "PhotoAnalysis",
    "PhotoDecodeError",
    "PhotoFacts",
    "PhotoMetadata",
    "PhotoSource",
    "analyse_photo",
    "best_distance",
    "check_photo",
    "chunks",
    "hamming",
    "is_reuse",
    "perceptual_hash",
    "probe_keys",
    "read_metadata",
    "reuse_finding",
    "to_signed",
    "to_unsigned",
]

PhotoSource = Literal["camera", "album"]
Box = tuple[int, int, int, int]  # left, top, right, bottom in pixels

FORMATS: Final = ("JPEG", "PNG", "WEBP")

HASH_BITS: Final = 64
_MASK64: Final = (1 << HASH_BITS) - 1
HASH_SIDE: Final = 32  # the grey image a hash is computed from is HASH_SIDE x HASH_SIDE
WORK_LONG_SIDE: Final = 384  # hashes are taken from a grey copy whose long side is in [384, 768)
MIN_WORK_SIDE: Final = 64  # ... and whose short side is at least this (small images grow)

# Crops of an original hashed and stored besides its full and trimmed frame, as (left, top,
# right, bottom) fractions cut away: every combination of cutting 0 or 7% from each side. Any
# crop of up to ~8% per side (centred or not) is then within ~3.5% per side of a stored one.
STORED_CROP_CUT: Final = 0.07
STORED_CROPS: Final[tuple[tuple[float, float, float, float], ...]] = tuple(
    (left, top, right, bottom)
    for left, top, right, bottom in itertools.product((0.0, STORED_CROP_CUT), repeat=4)
    if left or top or right or bottom
)

# Border trimming (on the grey working copy): a row or column is a bar when this share of its
# pixels is within the tolerance of its median; content runs shorter than MIN_RUN of the side
# that are cut off by bars (a status bar, a home indicator) are trimmed with the bars.
_TRIM_TOLERANCE: Final = 8
_TRIM_UNIFORM_SHARE: Final = 0.97
_TRIM_MIN_RUN: Final = 0.10
_TRIM_MIN_AREA: Final = 0.15  # a smaller remainder is not a photo on a screen: keep the frame
_FEATURELESS_STD: Final = 1.0  # a flatter 32 x 32 grey image hashes to 0

# Multi-index hashing: the 64 bits as CHUNK_COUNT chunks of CHUNK_BITS, most significant first.
CHUNK_COUNT: Final = 4
CHUNK_BITS: Final = HASH_BITS // CHUNK_COUNT
_CHUNK_MASK: Final = (1 << CHUNK_BITS) - 1

# Exceptions Pillow raises for malformed input.
_DECODE_ERRORS: Final[tuple[type[BaseException], ...]] = (
    OSError,
    SyntaxError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    TypeError,
    struct.error,
    zlib.error,
    Image.DecompressionBombError,
    Image.DecompressionBombWarning,
)

_EXIF_TIME_FORMAT: Final = "%Y:%m:%d %H:%M:%S"
_WGS84_NAMES: Final = frozenset({"", "WGS84", "WGS-84", "WGS 84", "WGS_84"})


class PhotoDecodeError(ValueError):
    """The bytes are not a photo that can be decoded safely (type, size, structure)."""


@dataclass(frozen=True, slots=True)
class PhotoMetadata:
    """What a photo's EXIF says: when (naive unless EXIF gives an offset) and where (WGS-84)."""

    taken_at: datetime | None = None
    gps: tuple[float, float] | None = None  # (latitude, longitude), WGS-84
    orientation: int = 1


class PhotoFacts(Protocol):
    """What :func:`check_photo` reads: a :class:`PhotoAnalysis`, a :class:`PhotoMetadata`, or
    the API's stored record of a photo."""

    @property
    def taken_at(self) -> datetime | None: ...

    @property
    def gps(self) -> tuple[float, float] | None: ...


@dataclass(frozen=True, slots=True, eq=False)
class PhotoAnalysis:
    """Everything derived from one decode of an uploaded photo.

    ``width``/``height`` are the original's, as displayed (EXIF orientation applied). ``image``
    is upright RGB without metadata, its long side at least ``served_long_side`` (below twice
    that) unless the original is smaller. ``hashes`` are stored for later lookups,
    ``query_hashes`` are looked up; both are unsigned 64-bit ints, duplicates removed.
    """

    sha256: str
    format: str
    width: int
    height: int
    metadata: PhotoMetadata
    hashes: tuple[int, ...]
    query_hashes: tuple[int, ...]
    image: Image.Image

    @property
    def taken_at(self) -> datetime | None:
        return self.metadata.taken_at

    @property
    def gps(self) -> tuple[float, float] | None:
        return self.metadata.gps


# --- analysis ------------------------------------------------------------------------------------


def analyse_photo(
    data: bytes, *, max_pixels: int, served_long_side: int = 1600, sha256: str | None = None
) -> PhotoAnalysis:
    """Decode ``data`` once and derive hashes, EXIF facts and the image to serve.

    Raises :class:`PhotoDecodeError` for anything but a single-frame JPEG, PNG or WebP of at
    most ``max_pixels`` pixels (checked from the header, before any pixel is decoded).
    ``sha256``: the bytes' digest when the caller already knows it (a content-addressed store).
    """
    if not data:
        raise PhotoDecodeError("empty file")
    if max_pixels <= 0 or served_long_side <= 0:
        raise ValueError("max_pixels and served_long_side must be positive")
    try:
        with Image.open(io.BytesIO(data), formats=FORMATS) as image:
            width, height = _check_header(image, max_pixels)
            image_format = str(image.format)
            _draft(image, "RGB", served_long_side)
            image.load()
            metadata = read_metadata(image)
            upright = _upright_rgb(image, metadata.orientation)
    except PhotoDecodeError:
        raise
    except _DECODE_ERRORS as exc:
        raise PhotoDecodeError(f"cannot decode the photo: {exc}") from exc
    if metadata.orientation in (5, 6, 7, 8):
        width, height = height, width
    served = _shrink(upright, served_long_side)
    query, stored = _hash_sets(_working_grey(served))
    return PhotoAnalysis(
        sha256=sha256 or hashlib.sha256(data).hexdigest(),
        format=image_format,
        width=width,
        height=height,
        metadata=metadata,
        hashes=stored,
        query_hashes=query,
        image=served,
    )


def _check_header(image: Image.Image, max_pixels: int) -> tuple[int, int]:
    width, height = image.size
    if width <= 0 or height <= 0:
        raise PhotoDecodeError("the image has no pixels")
    if width * height > max_pixels:
        raise PhotoDecodeError(f"{width} x {height} pixels exceed the limit of {max_pixels}")
    if getattr(image, "n_frames", 1) != 1:
        raise PhotoDecodeError("animated images are not photos")
    return width, height


def _draft(image: Image.Image, mode: str, long_side: int) -> None:
    """Ask libjpeg for the smallest DCT scale (1/2, 1/4, 1/8) that keeps ``long_side``."""
    if image.format != "JPEG":
        return
    width, height = image.size
    longest = max(width, height)
    if longest < 2 * long_side:
        return
    request = (
        max(1, math.ceil(width * long_side / longest)),
        max(1, math.ceil(height * long_side / longest)),
    )
    image.draft(mode, request)


def _upright_rgb(image: Image.Image, orientation: int) -> Image.Image:
    """Upright RGB without metadata (transparency composited over white); may be ``image``."""
    upright = ImageOps.exif_transpose(image) if orientation != 1 else image
    if upright.mode != "RGB":
        upright = _to_rgb(upright)
    upright.info = {}
    return upright


def _to_rgb(image: Image.Image) -> Image.Image:
    if image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info:
        rgba = image.convert("RGBA")
        return Image.alpha_composite(Image.new("RGBA", rgba.size, "white"), rgba).convert("RGB")
    return image.convert("RGB")


def _shrink(image: Image.Image, long_side: int) -> Image.Image:
    """Reduce by an integer factor while the long side stays at least ``long_side``."""
    factor = max(image.size) // long_side
    return image.reduce(factor) if factor > 1 else image


def _working_grey(image: Image.Image) -> NDArray[np.uint8]:
    """Grey pixels with the long side in [WORK_LONG_SIDE, 2 x WORK_LONG_SIDE) (when the image
    is that large) and the short side at least MIN_WORK_SIDE."""
    grey = image if image.mode == "L" else image.convert("L")
    factor = max(1, max(grey.size) // WORK_LONG_SIDE)
    if factor > 1:
        grey = grey.reduce(factor)
    if min(grey.size) < MIN_WORK_SIDE:
        grow = MIN_WORK_SIDE / min(grey.size)
        size = (math.ceil(grey.width * grow), math.ceil(grey.height * grow))
        grey = grey.resize(size, Image.Resampling.BILINEAR)
    return np.asarray(grey, dtype=np.uint8)


def _unique(hashes: Iterable[int]) -> tuple[int, ...]:
    return tuple(dict.fromkeys(hashes))


# --- EXIF --------------------------------------------------------------------------------------


def read_metadata(image: Image.Image) -> PhotoMetadata:
    """Capture time, GPS position and orientation; unreadable metadata reads as absent."""
    try:
        exif = image.getexif()
        orientation = exif.get(ExifTags.Base.Orientation, 1)
        details = exif.get_ifd(ExifTags.IFD.Exif)
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    except _DECODE_ERRORS:
        return PhotoMetadata()
    return PhotoMetadata(
        taken_at=_capture_time(details),
        gps=_gps_position(gps),
        orientation=orientation if orientation in range(1, 9) else 1,
    )


def _capture_time(details: Mapping[int, Any]) -> datetime | None:
    """DateTimeOriginal with OffsetTimeOriginal, else DateTimeDigitized with its offset."""
    pairs = (
        (ExifTags.Base.DateTimeOriginal, ExifTags.Base.OffsetTimeOriginal),
        (ExifTags.Base.DateTimeDigitized, ExifTags.Base.OffsetTimeDigitized),
    )
    for time_tag, offset_tag in pairs:
        taken = _exif_datetime(details.get(time_tag))
        if taken is not None:
            offset = _exif_offset(details.get(offset_tag))
            return taken if offset is None else taken.replace(tzinfo=offset)
    return None


def _exif_text(value: object) -> str | None:
    if isinstance(value, bytes):
        value = value.decode("ascii", "replace")
    return value.strip("\x00 ") if isinstance(value, str) else None


def _exif_datetime(value: object) -> datetime | None:
    """``"YYYY:MM:DD HH:MM:SS"`` as a naive datetime; None when blank or invalid."""
    text = _exif_text(value)
    if not text or len(text) < 19:
        return None
    try:
        return datetime.strptime(text[:19], _EXIF_TIME_FORMAT)
    except ValueError:
        return None


def _exif_offset(value: object) -> timezone | None:
    """``"+08:00"`` as a fixed offset; None when absent or invalid."""
    text = _exif_text(value)
    if not text or len(text) != 6 or text[0] not in "+-" or text[3] != ":":
        return None
    try:
        hours, minutes = int(text[1:3]), int(text[4:6])
    except ValueError:
        return None
    if hours > 14 or minutes > 59:
        return None
    sign = -1 if text[0] == "-" else 1
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _gps_position(gps: Mapping[int, Any]) -> tuple[float, float] | None:
    """(latitude, longitude) in WGS-84 decimal degrees; None when absent, invalid or (0, 0)."""
    datum = _exif_text(gps.get(ExifTags.GPS.GPSMapDatum)) or ""
    if datum.upper() not in _WGS84_NAMES:
        return None
    latitude = _gps_degrees(gps.get(ExifTags.GPS.GPSLatitude), gps.get(ExifTags.GPS.GPSLatitudeRef))
    longitude = _gps_degrees(
        gps.get(ExifTags.GPS.GPSLongitude), gps.get(ExifTags.GPS.GPSLongitudeRef)
    )
    if latitude is None or longitude is None:
        return None
    if not (-90.0 <= latitude <= 90.0 and -180.0 <= longitude <= 180.0):
        return None
    if latitude == 0.0 and longitude == 0.0:
        return None
    return latitude, longitude


def _gps_degrees(value: object, ref: object) -> float | None:
    """Degrees, minutes, seconds and a hemisphere reference as signed decimal degrees."""
    hemisphere = _exif_text(ref)
    if hemisphere is None or hemisphere.upper() not in ("N", "S", "E", "W"):
        return None
    if not isinstance(value, tuple | list) or len(value) != 3:
        return None
    try:
        degrees, minutes, seconds = (float(part) for part in value)
    except (TypeError, ValueError, ZeroDivisionError):
        return None
    parts_ok = all(math.isfinite(p) and p >= 0 for p in (degrees, minutes, seconds))
    if not parts_ok or minutes >= 60 or seconds >= 60:
        return None
    decimal = degrees + minutes / 60 + seconds / 3600
    return -decimal if hemisphere.upper() in ("S", "W") else decimal


# --- perceptual hashes ---------------------------------------------------------------------------


def _dct_rows(size: int, count: int) -> NDArray[np.float64]:
    """The first ``count`` rows of the orthonormal DCT-II matrix of ``size``."""
    k = np.arange(count, dtype=np.float64)[:, None]
    x = np.arange(size, dtype=np.float64)[None, :]
    matrix = np.cos(np.pi * (2 * x + 1) * k / (2 * size)) * math.sqrt(2 / size)
    matrix[0] /= math.sqrt(2)
    return matrix


def _zigzag(count: int, span: int) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Row and column indices of the ``count`` lowest 2-D frequencies, DC excluded."""
    cells = [(u, v) for u in range(span) for v in range(span) if u or v]
    cells.sort(key=lambda cell: (cell[0] + cell[1], cell[0]))
    chosen = cells[:count]
    return tuple(u for u, _ in chosen), tuple(v for _, v in chosen)


_DCT_SPAN: Final = 9  # 64 zigzag frequencies fit in the 9 x 9 lowest block
_DCT: Final = _dct_rows(HASH_SIDE, _DCT_SPAN)
_ROWS, _COLS = _zigzag(HASH_BITS, _DCT_SPAN)


def perceptual_hash(image: Image.Image) -> int:
    """The 64-bit DCT hash of a whole image (any mode and size); 0 when featureless."""
    pixels = _working_grey(image)
    return _box_hashes(pixels, [(0, 0, pixels.shape[1], pixels.shape[0])])[0]


def _hash_sets(pixels: NDArray[np.uint8]) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """(query hashes, stored hashes) of a working grey image, duplicates removed."""
    height, width = pixels.shape
    full = (0, 0, width, height)
    boxes = [
        full,
        _trimmed_box(pixels) or full,
        *(_crop_box(width, height, c) for c in STORED_CROPS),
    ]
    hashes = _box_hashes(pixels, boxes)
    return _unique(hashes[:2]), _unique(hashes)


def _crop_box(width: int, height: int, cut: tuple[float, float, float, float]) -> Box:
    left, top, right, bottom = cut
    return (
        round(width * left),
        round(height * top),
        round(width * (1 - right)),
        round(height * (1 - bottom)),
    )


def _box_hashes(pixels: NDArray[np.uint8], boxes: Sequence[Box]) -> list[int]:
    """The DCT hash of each box of ``pixels`` (each box at least HASH_SIDE wide and high).

    Every box is area-averaged to HASH_SIDE x HASH_SIDE cells with one summed-area table, so
    all the hashes of a photo cost a few vectorised operations.
    """
    table = np.zeros((pixels.shape[0] + 1, pixels.shape[1] + 1), dtype=np.int32)
    inner = table[1:, 1:]
    np.cumsum(pixels, axis=0, dtype=np.int32, out=inner)
    np.cumsum(inner, axis=1, out=inner)
    corners = np.asarray(boxes, dtype=np.float64)
    steps = np.linspace(0.0, 1.0, HASH_SIDE + 1)
    xs = np.rint(corners[:, [0]] + (corners[:, [2]] - corners[:, [0]]) * steps).astype(np.intp)
    ys = np.rint(corners[:, [1]] + (corners[:, [3]] - corners[:, [1]]) * steps).astype(np.intp)
    summed = table[ys[:, :, None], xs[:, None, :]]
    sums = summed[:, 1:, 1:] - summed[:, :-1, 1:] - summed[:, 1:, :-1] + summed[:, :-1, :-1]
    cells = sums / (np.diff(ys)[:, :, None] * np.diff(xs)[:, None, :])
    values = (_DCT @ cells @ _DCT.T)[:, _ROWS, _COLS]
    bits = values > np.median(values, axis=1, keepdims=True)
    words = np.ascontiguousarray(np.packbits(bits, axis=1)).view(">u8")[:, 0]
    flat = cells.std(axis=(1, 2)) < _FEATURELESS_STD
    return [0 if featureless else int(word) for word, featureless in zip(words, flat, strict=True)]


def _trimmed_box(pixels: NDArray[np.uint8]) -> Box | None:
    """The box inside near-uniform borders (and what they cut off); None when there is none."""
    height, width = pixels.shape
    top, bottom = _content_span(_bar_lines(pixels))
    left, right = _content_span(_bar_lines(np.ascontiguousarray(pixels[top:bottom].T)))
    if (left, top, right, bottom) == (0, 0, width, height):
        return None
    if min(bottom - top, right - left) < HASH_SIDE:
        return None
    if (bottom - top) * (right - left) < _TRIM_MIN_AREA * pixels.size:
        return None
    return left, top, right, bottom


def _bar_lines(pixels: NDArray[np.uint8]) -> NDArray[np.bool_]:
    """For each row of ``pixels``: whether it is near-uniform (part of a bar)."""
    middle = pixels.shape[1] // 2
    median = np.partition(pixels, middle, axis=1)[:, middle : middle + 1].astype(np.int16)
    close = np.abs(pixels.astype(np.int16) - median) <= _TRIM_TOLERANCE
    result: NDArray[np.bool_] = np.count_nonzero(close, axis=1) >= (
        _TRIM_UNIFORM_SHARE * pixels.shape[1]
    )
    return result


def _content_span(bars: NDArray[np.bool_]) -> tuple[int, int]:
    """From the first to the last run of content lines at least MIN_RUN of the side long."""
    size = len(bars)
    min_run = max(1, int(size * _TRIM_MIN_RUN))
    runs: list[tuple[int, int]] = []
    position = 0
    for is_bar, group in itertools.groupby(bars.tolist()):
        length = sum(1 for _ in group)
        if not is_bar and length >= min_run:
            runs.append((position, position + length))
        position += length
    if not runs:
        return 0, size
    return runs[0][0], runs[-1][1]


def hamming(a: int, b: int) -> int:
    """Bits that differ between two 64-bit hashes (signed or unsigned)."""
    return ((a ^ b) & _MASK64).bit_count()


def best_distance(query_hashes: Iterable[int], stored_hashes: Iterable[int]) -> int:
    """The smallest Hamming distance between any query hash and any stored hash."""
    stored = tuple(stored_hashes)
    distances = [hamming(q, s) for q in query_hashes for s in stored]
    return min(distances, default=HASH_BITS)


def is_reuse(distance: int, policy: VerificationPolicy) -> bool:
    """Whether a Hamming distance means the same photo (re-compressed, resized, cropped...)."""
    return distance <= policy.photo_reuse_max_distance


# --- multi-index hashing and storage -------------------------------------------------------------


def to_signed(h: int) -> int:
    """An unsigned 64-bit hash as PostgreSQL BIGINT (two's complement)."""
    if not 0 <= h <= _MASK64:
        raise ValueError(f"{h} is not an unsigned 64-bit value")
    return h - (1 << HASH_BITS) if h >> (HASH_BITS - 1) else h


def to_unsigned(h: int) -> int:
    """A BIGINT read back from the database as the unsigned 64-bit hash."""
    if not -(1 << (HASH_BITS - 1)) <= h < (1 << (HASH_BITS - 1)):
        raise ValueError(f"{h} is not a signed 64-bit value")
    return h & _MASK64


def chunks(h: int) -> tuple[int, ...]:
    """The hash as CHUNK_COUNT unsigned CHUNK_BITS-bit values, most significant first."""
    h &= _MASK64
    return tuple(
        (h >> (CHUNK_BITS * (CHUNK_COUNT - 1 - index))) & _CHUNK_MASK
        for index in range(CHUNK_COUNT)
    )


def probe_keys(h: int, radius: int) -> tuple[tuple[int, ...], ...]:
    """For each chunk index, the chunk values a stored hash within ``radius`` may share.

    Pigeonhole, refined (Norouzi et al., multi-index hashing): with radius = s * CHUNK_COUNT + a
    (0 <= a < CHUNK_COUNT), a stored hash within the radius differs by <= s bits in one of the
    first a + 1 chunks or by <= s - 1 bits in one of the others (else the distances would add
    up to at least radius + 1). So the first a + 1 chunks are probed at s bits, the rest at
    s - 1 (none when s is 0): at radius 10, 137 + 137 + 137 + 17 values instead of 4 x 137.
    """
    if radius < 0:
        raise ValueError("radius must not be negative")
    s, a = divmod(radius, CHUNK_COUNT)
    keys: list[tuple[int, ...]] = []
    for index, value in enumerate(chunks(h)):
        bits = s if index <= a else s - 1
        flips = _flip_masks(min(bits, CHUNK_BITS)) if bits >= 0 else ()
        keys.append(tuple(value ^ mask for mask in flips))
    return tuple(keys)


@functools.cache
def _flip_masks(max_bits: int) -> tuple[int, ...]:
    """Every CHUNK_BITS-bit mask with at most ``max_bits`` bits set, fewest bits first."""
    masks = [0]
    for count in range(1, max_bits + 1):
        for positions in itertools.combinations(range(CHUNK_BITS), count):
            masks.append(sum(1 << p for p in positions))
    return tuple(masks)


# --- checks --------------------------------------------------------------------------------------


def check_photo(
    analysis: PhotoFacts,
    *,
    source: PhotoSource,
    visit_started_at: datetime,
    visit_ended_at: datetime | None,
    server_time: datetime,
    check_in: tuple[float, float] | None,
    zone: tzinfo,
    policy: VerificationPolicy,
    evidence: str,
) -> list[Finding]:
    """Album source, EXIF capture time outside the visit, EXIF position far from the check-in.

    A naive EXIF time is read in the organisation's ``zone``. The window is [start - slack,
    (end, or the server time while the visit runs) + slack]. ``check_in`` is WGS-84
    (latitude, longitude). Reuse is checked by the API after its index lookup
    (:func:`reuse_finding`).
    """
    for name, value in (
        ("visit_started_at", visit_started_at),
        ("visit_ended_at", visit_ended_at),
        ("server_time", server_time),
    ):
        if value is not None and value.utcoffset() is None:
            raise ValueError(f"{name} must be timezone-aware")
    if source not in ("camera", "album"):
        raise ValueError(f"unknown photo source {source!r}")
    findings: list[Finding] = []
    if source == "album":
        findings.append(Finding(FindingCode.PHOTO_FROM_ALBUM, Severity.WARN, {}, evidence))
    end = server_time if visit_ended_at is None else min(visit_ended_at, server_time)
    window = (visit_started_at, end)
    taken_at = _outside(analysis.taken_at, window=window, zone=zone, policy=policy)
    if taken_at is not None:
        code = FindingCode.PHOTO_EXIF_TIME_OUTSIDE_VISIT
        findings.append(Finding(code, Severity.WARN, {"taken_at": taken_at}, evidence))
    distance = _too_far(analysis.gps, check_in, policy)
    if distance is not None:
        code = FindingCode.PHOTO_EXIF_GPS_FAR
        findings.append(Finding(code, Severity.WARN, {"distance_m": distance}, evidence))
    return findings


def _outside(
    taken_at: datetime | None,
    *,
    window: tuple[datetime, datetime],
    zone: tzinfo,
    policy: VerificationPolicy,
) -> str | None:
    """The capture time as shown (ISO 8601 in ``zone``) when it lies outside the window."""
    if taken_at is None:
        return None
    aware = taken_at.replace(tzinfo=zone) if taken_at.utcoffset() is None else taken_at
    slack = timedelta(seconds=policy.photo_time_slack_s)
    if window[0] - slack <= aware <= window[1] + slack:
        return None
    return aware.astimezone(zone).isoformat(timespec="seconds")


def _too_far(
    gps: tuple[float, float] | None,
    check_in: tuple[float, float] | None,
    policy: VerificationPolicy,
) -> int | None:
    """Whole metres from the check-in when beyond the limit (never shown equal to it)."""
    if gps is None or check_in is None:
        return None
    distance = haversine_m(gps[0], gps[1], check_in[0], check_in[1])
    limit = policy.photo_exif_gps_max_m
    if distance <= limit:
        return None
    return max(round(distance), round(limit) + 1)


def reuse_finding(
    previous_code: str, previous_at: datetime, distance: int, evidence: str
) -> Finding:
    """FAIL PHOTO_REUSED: the photo matches one from visit ``previous_code`` at ``previous_at``."""
    params = {
        "previous_code": previous_code,
        "previous_at": previous_at.isoformat(),
        "distance": distance,
    }
    return Finding(FindingCode.PHOTO_REUSED, Severity.FAIL, params, evidence)
