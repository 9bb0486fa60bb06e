"""verification.watermark: the band is drawn, metadata is gone, the output is reproducible."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import ExifTags, Image, ImageFont

from verification.watermark import cjk_font_path, font_renders_cjk, stamp

LINES = [
    "2026-11-24 10:03:12 (服务器时间)",
    "31.230416, 121.473701 ±12 m",
    "客户：上海明远医疗器械有限公司",
    "销售代表：张伟",
    "拜访编号 V-2026-000123",
]


def textured(size: tuple[int, int] = (800, 600), seed: int = 5) -> Image.Image:
    """A smooth colour gradient with some noise: every pixel differs from its neighbours."""
    width, height = size
    y, x = np.mgrid[0 : 1 : height * 1j, 0 : 1 : width * 1j]
    channels = [200 * x + 30, 180 * y + 40, 120 * (1 - x) * y + 60]
    noise = np.random.default_rng(seed).normal(0, 3, (height, width, 3))
    pixels = np.stack(channels, axis=-1) + noise
    return Image.fromarray(pixels.clip(0, 255).astype(np.uint8))


def with_metadata(image: Image.Image) -> Image.Image:
    """``image`` re-opened from a JPEG carrying EXIF (with GPS), an ICC profile and a comment."""
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "PhoneMaker"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "N"
    gps[ExifTags.GPS.GPSLatitude] = (31.0, 13.0, 49.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif, icc_profile=b"\0" * 128, comment=b"secret")
    reopened = Image.open(io.BytesIO(buffer.getvalue()))
    reopened.load()
    assert {"exif", "icc_profile", "comment"} <= set(reopened.info)
    return reopened


def jpeg_markers(data: bytes) -> list[int]:
    """The markers from SOI up to the first scan (SOS)."""
    assert data[:2] == b"\xff\xd8"
    markers, position = [], 2
    while True:
        assert data[position] == 0xFF
        marker = data[position + 1]
        markers.append(marker)
        if marker == 0xDA:
            return markers
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        position += 2 + length


def decode(data: bytes) -> np.ndarray:
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        return np.asarray(image.convert("RGB"), dtype=float)


def test_the_output_carries_no_exif_icc_xmp_or_comment() -> None:
    data = stamp(with_metadata(textured()), LINES)
    markers = jpeg_markers(data)
    assert 0xE1 not in markers  # APP1: EXIF and XMP
    assert 0xE2 not in markers  # APP2: ICC profile
    assert 0xED not in markers  # APP13: IPTC
    assert 0xFE not in markers  # COM
    assert b"PhoneMaker" not in data and b"secret" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert not image.getexif()
        assert "icc_profile" not in image.info


def test_the_band_at_the_bottom_is_stamped_and_the_rest_kept() -> None:
    image = textured()
    stamped = decode(stamp(image, LINES, quality=95))
    plain = np.asarray(image, dtype=float)
    assert stamped.shape == plain.shape
    top, bottom = slice(0, 300), slice(560, 600)
    assert np.abs(stamped[top] - plain[top]).mean() < 3  # JPEG noise only
    assert stamped[bottom].mean() < plain[bottom].mean() * 0.7  # the translucent dark band
    assert np.abs(stamped[bottom] - plain[bottom]).mean() > 20
    band = stamped[450:600].mean(axis=2)
    assert (band > 200).sum() > 500  # white text in the band


def test_the_band_is_translucent() -> None:
    """The photo still shows through: the band follows the photo's gradient."""
    image = textured()
    stamped = decode(stamp(image, ["x"], quality=95))
    row = stamped[598, :, 0]  # below the text
    assert row[-50:].mean() - row[:50].mean() > 40  # the red gradient runs left to right


def test_the_same_input_gives_the_same_bytes_and_the_input_is_not_modified() -> None:
    image = with_metadata(textured())
    before = image.tobytes()
    first = stamp(image, LINES)
    assert stamp(image, LINES) == first
    assert image.tobytes() == before
    assert "exif" in image.info


def test_quality_changes_the_encoding() -> None:
    image = textured()
    assert len(stamp(image, LINES, quality=40)) < len(stamp(image, LINES, quality=92))
    with pytest.raises(ValueError):
        stamp(image, LINES, quality=0)
    with pytest.raises(ValueError):
        stamp(image, LINES, quality=100)


def test_lines_are_required_and_embedded_newlines_split() -> None:
    image = textured((400, 300))
    with pytest.raises(ValueError):
        stamp(image, [])
    assert stamp(image, ["a\nb"]) == stamp(image, ["a", "b"])


@pytest.mark.parametrize("size", [(1600, 1200), (1200, 1600), (320, 240), (64, 48)])
def test_any_size_and_long_lines_are_stamped(size: tuple[int, int]) -> None:
    image = textured(size)
    long_line = "客户：" + "很长的公司名称" * 12
    stamped = decode(stamp(image, [*LINES, long_line]))
    assert stamped.shape[:2] == size[::-1]


def test_non_rgb_images_are_stamped() -> None:
    for image in (textured().convert("L"), textured().convert("RGBA"), textured().convert("P")):
        assert decode(stamp(image, LINES)).shape == (600, 800, 3)


def test_a_cjk_font_found_on_the_system_draws_chinese() -> None:
    path = cjk_font_path()
    if path is None:
        # Pillow's bundled default font is Latin only: Chinese comes out as missing glyphs.
        assert not font_renders_cjk(ImageFont.load_default(24))
        pytest.skip("no CJK font installed (apt: fonts-noto-cjk or fonts-wqy-microhei)")
    assert font_renders_cjk(ImageFont.truetype(path, 24))
