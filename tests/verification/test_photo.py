"""verification.photo: decoding, EXIF facts, perceptual reuse detection and the photo checks.

Photos are generated here (no binary fixtures): a seeded "place" is a canvas of gradients,
low-frequency noise, shapes and sign-like text; a photo is a view into it with its own
lighting, foreground object and sensor noise. Reuse transformations of one photo must be
flagged; distinct photos of the same place (another viewpoint, light and foreground) must not.
"""

from __future__ import annotations

import functools
import io
import random
import struct
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import ExifTags, Image, ImageDraw, ImageFont

from verification.findings import MESSAGES, FindingCode, Severity
from verification.photo import (
    CHUNK_BITS,
    CHUNK_COUNT,
    PhotoAnalysis,
    PhotoDecodeError,
    PhotoMetadata,
    analyse_photo,
    best_distance,
    check_photo,
    chunks,
    hamming,
    is_reuse,
    perceptual_hash,
    probe_keys,
    reuse_finding,
    to_signed,
    to_unsigned,
)
from verification.policy import VerificationPolicy

POLICY = VerificationPolicy()
SHANGHAI = ZoneInfo("Asia/Shanghai")
MAX_PIXELS = 40_000_000
PHOTO_SIZE = (1200, 900)
SEEDS = range(6)
CHECK_IN = (31.230416, 121.473701)  # WGS-84, central Shanghai

# --- generated scenes ----------------------------------------------------------------------------


@functools.lru_cache(maxsize=8)
def place(seed: int, size: tuple[int, int] = (1600, 1000)) -> Image.Image:
    """A textured scene: gradient, low-frequency noise, random shapes and sign-like text."""
    rng = random.Random(seed)
    width, height = size
    y = np.linspace(0, 1, height)[:, None, None]
    x = np.linspace(0, 1, width)[None, :, None]
    top, bottom, side = (np.array([rng.randrange(256) for _ in range(3)], float) for _ in "tbs")
    base = top * (1 - y) + bottom * y + (side - 128) * 0.4 * x
    blobs = np.random.default_rng(seed).normal(128, 30, (height // 40 + 2, width // 40 + 2, 3))
    texture = Image.fromarray(blobs.clip(0, 255).astype(np.uint8)).resize(
        size, Image.Resampling.BICUBIC
    )
    scene = Image.fromarray((base + np.asarray(texture, float) - 128).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(scene)
    for _ in range(rng.randint(25, 40)):
        _shape(draw, rng, width, height)
    font = ImageFont.load_default(40)
    for _ in range(rng.randint(3, 6)):
        label = "".join(rng.choice("ABCDEFGHKLMNPRSTXZ0123456789") for _ in range(6))
        position = (rng.uniform(0, width * 0.8), rng.uniform(0, height * 0.9))
        draw.text(position, label, fill=_colour(rng), font=font)
    return scene


def _colour(rng: random.Random) -> tuple[int, int, int]:
    return (rng.randrange(256), rng.randrange(256), rng.randrange(256))


def _shape(draw: ImageDraw.ImageDraw, rng: random.Random, width: int, height: int) -> None:
    kind = rng.choice(["rect", "ellipse", "polygon", "line"])
    cx, cy, s = rng.uniform(0, width), rng.uniform(0, height), rng.uniform(0.03, 0.25) * width
    if kind == "rect":
        box = [cx, cy, cx + s, cy + s * rng.uniform(0.3, 2)]
        draw.rectangle(box, fill=_colour(rng), outline=_colour(rng), width=3)
    elif kind == "ellipse":
        draw.ellipse([cx, cy, cx + s, cy + s * rng.uniform(0.5, 1.5)], fill=_colour(rng))
    elif kind == "polygon":
        corners = rng.randint(3, 6)
        draw.polygon(
            [(cx + rng.uniform(-s, s), cy + rng.uniform(-s, s)) for _ in range(corners)],
            fill=_colour(rng),
        )
    else:
        end = (cx + rng.uniform(-s, s) * 2, cy + rng.uniform(-s, s))
        draw.line([(cx, cy), end], fill=_colour(rng), width=rng.randint(2, 12))


def photo(
    seed: int,
    *,
    view: tuple[float, float] = (0.0, 0.0),
    light: tuple[float, float, float] = (1.0, 1.0, 0.0),
    foreground: int = 1,
    noise: int = 0,
    size: tuple[int, int] = PHOTO_SIZE,
) -> Image.Image:
    """A view (60% of the place's width) shifted by ``view`` (fractions of the view), with
    lighting (gain, gamma, warm tint), a foreground object and sensor noise."""
    scene = place(seed)
    view_w = int(scene.width * 0.6)
    view_h = int(view_w * size[1] / size[0])
    x0 = int(scene.width * 0.2 + view[0] * view_w)
    y0 = int((scene.height - view_h) / 2 + view[1] * view_h)
    image = scene.crop((x0, y0, x0 + view_w, y0 + view_h)).resize(size, Image.Resampling.BICUBIC)
    _foreground(image, foreground)
    gain, gamma, tint = light
    pixels = (np.asarray(image, float) / 255) ** gamma * gain
    pixels[..., 0] *= 1 + tint
    pixels[..., 2] *= 1 - tint
    pixels = pixels * 255 + np.random.default_rng(noise).normal(0, 4, pixels.shape)
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def _foreground(image: Image.Image, seed: int) -> None:
    """A person-like object (body and head) in front of the scene."""
    rng = random.Random(seed * 7919 + 13)
    width, height = image.size
    x, y = rng.uniform(0.2, 0.6) * width, rng.uniform(0.3, 0.6) * height
    s = rng.uniform(0.15, 0.3) * width
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([x, y, x + s, y + s * 1.3], radius=int(s * 0.2), fill=_colour(rng))
    draw.ellipse([x + s * 0.2, y - s * 0.5, x + s * 0.8, y + s * 0.1], fill=_colour(rng))


def original(seed: int) -> Image.Image:
    return photo(seed, foreground=seed * 10 + 1, noise=seed)


def distinct_shots(seed: int) -> list[Image.Image]:
    """Other photos of the same place: viewpoint shifted >= 15%, other light and foreground."""
    views = [(0.18, 0.0), (-0.2, 0.05), (0.0, 0.16), (0.15, -0.15)]
    return [
        photo(
            seed,
            view=view,
            light=(0.75 + 0.1 * k, 1.2 - 0.1 * k, 0.04),
            foreground=seed * 10 + 2 + k,
            noise=100 + k,
        )
        for k, view in enumerate(views)
    ]


# --- transformations -----------------------------------------------------------------------------


def encode(image: Image.Image, fmt: str = "JPEG", **options: object) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG":
        options.setdefault("quality", 90)
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def reopen(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as image:
        return image.convert("RGB")


def crop(image: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    w, h = image.size
    return image.crop(
        (round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom)))
    )


def scale(image: Image.Image, factor: float) -> Image.Image:
    size = (round(image.width * factor), round(image.height * factor))
    return image.resize(size, Image.Resampling.LANCZOS)


def screenshot(
    image: Image.Image,
    *,
    screen: tuple[int, int] = (1080, 2340),
    bar: tuple[int, int, int] = (12, 12, 12),
    status: tuple[int, int, int] = (30, 30, 30),
    seed: int = 1,
) -> Image.Image:
    """``image`` letterboxed on a phone screen: a status bar with clock and icons, near-uniform
    (noisy) bars around the photo, a home indicator at the bottom."""
    sw, sh = screen
    noise = np.random.default_rng(seed).normal(0, 2, (sh, sw, 3))
    shot = Image.fromarray((np.array(bar, float) + noise).clip(0, 255).astype(np.uint8))
    draw = ImageDraw.Draw(shot)
    status_h = int(sh * 0.035)
    draw.rectangle([0, 0, sw, status_h], fill=status)
    ink = (240, 240, 240)
    draw.text(
        (sw * 0.06, status_h * 0.2), "9:41", fill=ink, font=ImageFont.load_default(status_h * 0.6)
    )
    for i in range(3):
        left, right = sw - sw * (0.08 + 0.06 * i), sw - sw * (0.05 + 0.06 * i)
        draw.rectangle([left, status_h * 0.3, right, status_h * 0.7], fill=ink)
    fit = min(sw / image.width, (sh - 2 * status_h) / image.height)
    shown = image.resize(
        (round(image.width * fit), round(image.height * fit)), Image.Resampling.BILINEAR
    )
    shot.paste(shown, ((sw - shown.width) // 2, (sh - shown.height) // 2))
    draw.rounded_rectangle(
        [sw * 0.33, sh * 0.988, sw * 0.67, sh * 0.992], radius=5, fill=(220, 220, 220)
    )
    return shot


Transform = Callable[[Image.Image], bytes]

REUSES: dict[str, Transform] = {
    "recompressed q50": lambda im: encode(im, quality=50),
    "resized to 25%": lambda im: encode(scale(im, 0.25)),
    "cropped 8% each side": lambda im: encode(crop(im, 0.08, 0.08, 0.08, 0.08)),
    "cropped 8% top-left": lambda im: encode(crop(im, 0.08, 0.08, 0, 0)),
    "cropped 8% left only": lambda im: encode(crop(im, 0.08, 0, 0, 0)),
    "cropped off-centre": lambda im: encode(crop(im, 0.02, 0.07, 0.06, 0.01)),
    "screenshot": lambda im: encode(screenshot(im)),
    "screenshot light, scaled, q70": lambda im: encode(
        scale(screenshot(im, bar=(240, 240, 240), status=(250, 250, 250), seed=3), 0.6),
        quality=70,
    ),
    "screenshot landscape PNG": lambda im: encode(
        screenshot(im, screen=(2340, 1080)), "PNG", compress_level=1
    ),
    "cropped, resized 25%, q50": lambda im: encode(
        scale(crop(im, 0.06, 0, 0.02, 0.07), 0.25), quality=50
    ),
    "screenshot of a crop": lambda im: encode(
        screenshot(crop(im, 0.05, 0.05, 0, 0.03)), quality=80
    ),
}


def analyse(data: bytes, served_long_side: int = 1600) -> PhotoAnalysis:
    return analyse_photo(data, max_pixels=MAX_PIXELS, served_long_side=served_long_side)


@functools.lru_cache(maxsize=8)
def stored_hashes(seed: int) -> tuple[int, ...]:
    return analyse(encode(original(seed), quality=92)).hashes


# --- reuse detection -----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("name", list(REUSES))
def test_a_reused_photo_is_flagged(name: str, seed: int) -> None:
    query = analyse(REUSES[name](original(seed)))
    distance = best_distance(query.query_hashes, stored_hashes(seed))
    assert is_reuse(distance, POLICY), f"{name}: distance {distance}"


@pytest.mark.parametrize("seed", SEEDS)
def test_distinct_photos_of_the_same_place_are_not_flagged(seed: int) -> None:
    for index, shot in enumerate(distinct_shots(seed)):
        query = analyse(encode(shot))
        distance = best_distance(query.query_hashes, stored_hashes(seed))
        assert not is_reuse(distance, POLICY), f"view {index}: distance {distance}"


def test_photos_of_other_places_are_far_apart() -> None:
    queries = [analyse(encode(original(seed))).query_hashes for seed in SEEDS]
    for i, query in enumerate(queries):
        for j in range(len(queries)):
            if i != j:
                assert best_distance(query, stored_hashes(j)) > POLICY.photo_reuse_max_distance


def test_an_exact_copy_has_distance_zero_and_the_same_sha256() -> None:
    data = encode(original(0))
    first, second = analyse(data), analyse(data)
    assert first.sha256 == second.sha256 == __import__("hashlib").sha256(data).hexdigest()
    assert best_distance(second.query_hashes, first.hashes) == 0


def test_the_screenshot_is_matched_by_its_trimmed_hash() -> None:
    query = analyse(REUSES["screenshot"](original(0)))
    full, trimmed = query.query_hashes
    stored = stored_hashes(0)
    assert best_distance([trimmed], stored) <= POLICY.photo_reuse_max_distance
    assert best_distance([full], stored) > POLICY.photo_reuse_max_distance


def test_an_original_stores_its_full_frame_first_and_crops_after() -> None:
    analysis = analyse(encode(original(1)))
    assert analysis.hashes[0] == analysis.query_hashes[0]
    assert 12 <= len(analysis.hashes) <= 17
    assert len(set(analysis.hashes)) == len(analysis.hashes)
    assert all(0 <= h < 2**64 for h in analysis.hashes)


def test_tiny_images_are_hashed() -> None:
    analysis = analyse(encode(original(0).resize((24, 18)), "PNG"))
    assert analysis.image.size == (24, 18)
    assert analysis.hashes and analysis.query_hashes[0] != 0


def test_a_featureless_image_hashes_to_zero() -> None:
    assert perceptual_hash(Image.new("L", (100, 80), 128)) == 0


def test_hamming_distance_is_the_same_for_signed_and_unsigned_storage() -> None:
    a, b = 0xFFFF_0000_FFFF_0000, 0x0F0F_0000_FFFF_0001
    assert hamming(a, b) == 9
    assert hamming(to_signed(a), to_signed(b)) == 9
    assert best_distance([a], []) == 64


def test_is_reuse_follows_the_policy() -> None:
    strict = VerificationPolicy.from_overrides({"photo_reuse_max_distance": 4})
    assert is_reuse(10, POLICY)
    assert not is_reuse(12, POLICY)
    assert not is_reuse(6, strict)


# --- storage and multi-index hashing -------------------------------------------------------------

HASHES = st.integers(min_value=0, max_value=2**64 - 1)


@given(HASHES)
def test_signed_storage_round_trips(h: int) -> None:
    signed = to_signed(h)
    assert -(2**63) <= signed < 2**63
    assert to_unsigned(signed) == h


def test_signed_storage_rejects_out_of_range_values() -> None:
    with pytest.raises(ValueError):
        to_signed(-1)
    with pytest.raises(ValueError):
        to_signed(2**64)
    with pytest.raises(ValueError):
        to_unsigned(2**63)
    assert to_signed(2**63) == -(2**63)
    assert to_signed(2**64 - 1) == -1


def test_chunks_split_the_hash_most_significant_first() -> None:
    assert CHUNK_COUNT * CHUNK_BITS == 64
    assert chunks(0x0123_4567_89AB_CDEF) == (0x0123, 0x4567, 0x89AB, 0xCDEF)


@given(
    HASHES,
    st.integers(min_value=0, max_value=20),
    st.lists(st.integers(min_value=0, max_value=63), max_size=20, unique=True),
)
def test_every_hash_within_the_radius_shares_a_probe_key(
    h: int, radius: int, flipped: list[int]
) -> None:
    stored = h
    for bit in flipped[:radius]:
        stored ^= 1 << bit
    keys = probe_keys(h, radius)
    assert len(keys) == CHUNK_COUNT
    assert any(value in set(keys[index]) for index, value in enumerate(chunks(stored)))


def test_probe_keys_for_the_default_radius() -> None:
    keys = probe_keys(0xDEAD_BEEF_0123_4567, POLICY.photo_reuse_max_distance)
    # radius 10 = 2 * 4 + 2: one of the first three chunks differs by <= 2 bits (1 + 16 + 120
    # values each), or the last by <= 1 bit (1 + 16 values)
    assert [len(set(chunk)) for chunk in keys] == [137, 137, 137, 17]
    assert keys[0][0] == 0xDEAD
    assert all(hamming(value, 0xDEAD) <= 2 for value in keys[0])
    assert [len(chunk) for chunk in probe_keys(0, 3)] == [1, 1, 1, 1]
    assert [len(chunk) for chunk in probe_keys(0, 1)] == [1, 1, 0, 0]


# --- decoding ------------------------------------------------------------------------------------


def test_a_12_megapixel_jpeg_is_decoded_at_half_scale() -> None:
    big = Image.new("RGB", (4000, 3000), (90, 120, 150))
    analysis = analyse(encode(big))
    assert (analysis.width, analysis.height) == (4000, 3000)
    assert analysis.image.size == (2000, 1500)
    assert analysis.image.mode == "RGB"
    assert analysis.format == "JPEG"


def test_the_served_image_keeps_at_least_the_served_long_side() -> None:
    image = Image.new("RGB", (3000, 2000), (90, 120, 150))
    assert analyse(encode(image)).image.size == (3000, 2000)  # 1/2 would be below 1600
    assert analyse(encode(image), served_long_side=700).image.size == (750, 500)
    assert analyse(encode(image, "PNG"), served_long_side=700).image.size == (750, 500)
    small = Image.new("RGB", (640, 480), (90, 120, 150))
    assert analyse(encode(small)).image.size == (640, 480)


def test_png_and_webp_photos_are_analysed() -> None:
    image = original(2).resize((600, 450))
    reference = analyse(encode(image))
    for fmt, options in (("PNG", {}), ("WEBP", {"quality": 90})):
        analysis = analyse(encode(image, fmt, **options))
        assert analysis.format == fmt
        assert best_distance(analysis.query_hashes, reference.hashes) <= 2


def test_transparency_is_composited_over_white() -> None:
    image = Image.new("RGBA", (64, 48), (255, 0, 0, 0))
    analysis = analyse(encode(image, "PNG"))
    assert analysis.image.mode == "RGB"
    assert analysis.image.getpixel((10, 10)) == (255, 255, 255)


def test_exif_orientation_is_applied() -> None:
    upright = original(3).resize((600, 800))  # a portrait photo
    stored = upright.transpose(Image.Transpose.ROTATE_90)  # the sensor's landscape pixels
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6  # "rotate 90 degrees clockwise to display"
    analysis = analyse(encode(stored, exif=exif))
    assert (analysis.width, analysis.height) == (600, 800)
    assert analysis.image.size == (600, 800)
    assert analysis.metadata.orientation == 6
    difference = np.abs(np.asarray(analysis.image, float) - np.asarray(upright, float)).mean()
    assert difference < 6
    reference = analyse(encode(upright))
    assert best_distance(analysis.query_hashes, reference.hashes) <= 2


def test_the_served_image_carries_no_metadata() -> None:
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 1
    analysis = analyse(encode(original(0), exif=exif, icc_profile=b"\0" * 64, comment=b"x"))
    assert analysis.image.info == {}


def _jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose frame header (SOF0) claims another size."""
    data = bytearray(encode(Image.new("RGB", (32, 32), "grey")))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def _animated_png() -> bytes:
    frames = [Image.new("RGB", (16, 16), colour) for colour in ("red", "blue")]
    buffer = io.BytesIO()
    frames[0].save(buffer, "PNG", save_all=True, append_images=frames[1:])
    return buffer.getvalue()


BAD_INPUTS: dict[str, Callable[[], bytes]] = {
    "empty": lambda: b"",
    "not an image": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 8,
    "text": lambda: "照片".encode() * 100,
    "truncated JPEG": lambda: encode(original(0))[:30_000],
    "GIF": lambda: encode(Image.new("RGB", (16, 16)), "GIF"),
    "animated PNG": _animated_png,
    "bomb by header (our limit)": lambda: _jpeg_claiming(7_000, 7_000),
    "bomb by header (Pillow's limit)": lambda: _jpeg_claiming(60_000, 60_000),
}


@pytest.mark.parametrize("name", list(BAD_INPUTS))
def test_bad_input_raises_photo_decode_error(name: str) -> None:
    with pytest.raises(PhotoDecodeError):
        analyse(BAD_INPUTS[name]())


def test_the_pixel_limit_is_checked_before_decoding() -> None:
    data = encode(Image.new("RGB", (2000, 1000)))
    with pytest.raises(PhotoDecodeError, match="exceed"):
        analyse_photo(data, max_pixels=1_999_999)
    assert analyse_photo(data, max_pixels=2_000_000).width == 2000
    assert issubclass(PhotoDecodeError, ValueError)


# --- EXIF ----------------------------------------------------------------------------------------


def exif_with(
    *,
    taken: str | None = None,
    offset: str | None = None,
    latitude: tuple[str, tuple[float, float, float]] | None = None,
    longitude: tuple[str, tuple[float, float, float]] | None = None,
) -> Image.Exif:
    exif = Image.Exif()
    details = exif.get_ifd(ExifTags.IFD.Exif)
    if taken is not None:
        details[ExifTags.Base.DateTimeOriginal] = taken
    if offset is not None:
        details[ExifTags.Base.OffsetTimeOriginal] = offset
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    if latitude is not None:
        gps[ExifTags.GPS.GPSLatitudeRef], gps[ExifTags.GPS.GPSLatitude] = latitude
    if longitude is not None:
        gps[ExifTags.GPS.GPSLongitudeRef], gps[ExifTags.GPS.GPSLongitude] = longitude
    return exif


def with_exif(exif: Image.Exif) -> PhotoAnalysis:
    return analyse(encode(Image.new("RGB", (64, 48), "teal"), exif=exif))


def test_exif_capture_time_and_gps_are_read() -> None:
    analysis = with_exif(
        exif_with(
            taken="2026:11:24 10:03:12",
            offset="+08:00",
            latitude=("N", (31.0, 13.0, 49.4976)),
            longitude=("E", (121.0, 28.0, 25.3236)),
        )
    )
    assert analysis.taken_at == datetime(2026, 11, 24, 2, 3, 12, tzinfo=UTC)
    assert analysis.taken_at is not None and analysis.taken_at.utcoffset() == timedelta(hours=8)
    assert analysis.gps == pytest.approx(CHECK_IN, abs=1e-6)


def test_a_capture_time_without_offset_stays_naive() -> None:
    analysis = with_exif(exif_with(taken="2026:11:24 10:03:12"))
    assert analysis.taken_at == datetime(2026, 11, 24, 10, 3, 12)
    assert analysis.taken_at is not None and analysis.taken_at.tzinfo is None


def test_southern_and_western_hemispheres_are_negative() -> None:
    analysis = with_exif(
        exif_with(latitude=("S", (33.0, 52.0, 4.0)), longitude=("W", (70.0, 30.0, 0.0)))
    )
    assert analysis.gps == pytest.approx((-(33 + 52 / 60 + 4 / 3600), -70.5))


@pytest.mark.parametrize(
    "exif",
    [
        exif_with(taken="0000:00:00 00:00:00", offset="+08:00"),
        exif_with(taken="    :  :     :  :  "),
        exif_with(taken="2026:13:40 10:03:12"),
        exif_with(latitude=("N", (91.0, 0.0, 0.0)), longitude=("E", (121.0, 0.0, 0.0))),
        exif_with(latitude=("N", (31.0, 75.0, 0.0)), longitude=("E", (121.0, 0.0, 0.0))),
        exif_with(latitude=("X", (31.0, 0.0, 0.0)), longitude=("E", (121.0, 0.0, 0.0))),
        exif_with(latitude=("N", (0.0, 0.0, 0.0)), longitude=("E", (0.0, 0.0, 0.0))),
        exif_with(latitude=("N", (31.0, 0.0, 0.0))),
        Image.Exif(),
    ],
)
def test_invalid_or_missing_exif_reads_as_absent(exif: Image.Exif) -> None:
    analysis = with_exif(exif)
    assert analysis.taken_at is None
    assert analysis.gps is None


def test_an_invalid_offset_leaves_the_time_naive() -> None:
    analysis = with_exif(exif_with(taken="2026:11:24 10:03:12", offset="+25:00"))
    assert analysis.taken_at == datetime(2026, 11, 24, 10, 3, 12)


# --- checks --------------------------------------------------------------------------------------

START = datetime(2026, 11, 24, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai
END = START + timedelta(minutes=40)
NOW = END + timedelta(minutes=5)


def check(
    facts: PhotoMetadata,
    *,
    source: str = "camera",
    ended: datetime | None = END,
    now: datetime = NOW,
    check_in: tuple[float, float] | None = CHECK_IN,
) -> list[tuple[FindingCode, Severity, dict[str, object]]]:
    findings = check_photo(
        facts,
        source=source,  # type: ignore[arg-type]
        visit_started_at=START,
        visit_ended_at=ended,
        server_time=now,
        check_in=check_in,
        zone=SHANGHAI,
        policy=POLICY,
        evidence="photo:u1",
    )
    for finding in findings:
        assert finding.evidence == "photo:u1"
        for locale in ("zh-CN", "en"):
            finding.message(locale)  # every parameter the message needs is there
    return [(f.code, f.severity, dict(f.params)) for f in findings]


def naive_local(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 11, 24, hour, minute, second)


def test_a_camera_photo_taken_during_the_visit_on_site_has_no_finding() -> None:
    facts = PhotoMetadata(taken_at=naive_local(10, 20), gps=(31.2310, 121.4740))
    assert check(facts) == []
    assert check(PhotoMetadata()) == []


def test_an_album_photo_is_a_warning() -> None:
    assert check(PhotoMetadata(), source="album") == [
        (FindingCode.PHOTO_FROM_ALBUM, Severity.WARN, {})
    ]
    with pytest.raises(ValueError):
        check(PhotoMetadata(), source="gallery")


@pytest.mark.parametrize(
    ("taken_at", "outside"),
    [
        (naive_local(9, 55), False),  # 5 min before the start: within the slack
        (naive_local(9, 54, 59), True),
        (naive_local(10, 45), False),  # end + 5 min
        (naive_local(10, 45, 1), True),
        (datetime(2026, 11, 24, 1, 56, tzinfo=UTC), False),  # aware: 09:56 in Shanghai
        (datetime(2026, 11, 23, 10, 20), True),  # the day before
        (datetime(2026, 11, 24, 10, 20, tzinfo=ZoneInfo("Europe/Paris")), True),  # 17:20 local
    ],
)
def test_the_exif_time_must_fall_within_the_visit(taken_at: datetime, outside: bool) -> None:
    findings = check(PhotoMetadata(taken_at=taken_at))
    if not outside:
        assert findings == []
        return
    shown = taken_at.replace(tzinfo=SHANGHAI) if taken_at.tzinfo is None else taken_at
    expected = {"taken_at": shown.astimezone(SHANGHAI).isoformat(timespec="seconds")}
    assert findings == [(FindingCode.PHOTO_EXIF_TIME_OUTSIDE_VISIT, Severity.WARN, expected)]


def test_a_running_visit_is_bounded_by_the_server_time() -> None:
    running = {"ended": None, "now": START + timedelta(minutes=10)}
    assert check(PhotoMetadata(taken_at=naive_local(10, 15)), **running) == []  # type: ignore[arg-type]
    late = check(PhotoMetadata(taken_at=naive_local(10, 15, 1)), **running)  # type: ignore[arg-type]
    assert [code for code, _, _ in late] == [FindingCode.PHOTO_EXIF_TIME_OUTSIDE_VISIT]
    assert late[0][2] == {"taken_at": "2026-11-24T10:15:01+08:00"}


def test_naive_visit_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        check_photo(
            PhotoMetadata(),
            source="camera",
            visit_started_at=START.replace(tzinfo=None),
            visit_ended_at=None,
            server_time=NOW,
            check_in=None,
            zone=SHANGHAI,
            policy=POLICY,
            evidence="photo:u1",
        )


def test_exif_gps_far_from_the_check_in_is_a_warning() -> None:
    north = (CHECK_IN[0] + 0.01, CHECK_IN[1])  # ~1112 m north
    assert check(PhotoMetadata(gps=north)) == [
        (FindingCode.PHOTO_EXIF_GPS_FAR, Severity.WARN, {"distance_m": 1112})
    ]
    near = (CHECK_IN[0] + 0.004, CHECK_IN[1])  # ~445 m
    assert check(PhotoMetadata(gps=near)) == []
    assert check(PhotoMetadata(gps=north), check_in=None) == []


def test_findings_of_an_analysed_photo_combine() -> None:
    analysis = with_exif(
        exif_with(
            taken="2026:11:20 08:00:00",
            latitude=("N", (39.0, 54.0, 0.0)),
            longitude=("E", (116.0, 23.0, 0.0)),
        )
    )
    codes = [code for code, _, _ in check(analysis, source="album")]  # type: ignore[arg-type]
    assert codes == [
        FindingCode.PHOTO_FROM_ALBUM,
        FindingCode.PHOTO_EXIF_TIME_OUTSIDE_VISIT,
        FindingCode.PHOTO_EXIF_GPS_FAR,
    ]


def test_the_reuse_finding_links_the_earlier_visit() -> None:
    finding = reuse_finding("V-0042", datetime(2026, 11, 2, 3, 4, tzinfo=UTC), 4, "photo:u9")
    assert finding.code is FindingCode.PHOTO_REUSED
    assert finding.severity is Severity.FAIL
    assert finding.evidence == "photo:u9"
    assert finding.params == {
        "previous_code": "V-0042",
        "previous_at": "2026-11-02T03:04:00+00:00",
        "distance": 4,
    }
    assert "V-0042" in finding.message("en") and "V-0042" in finding.message("zh-CN")
    assert FindingCode.PHOTO_REUSED in MESSAGES
