"""The server's watermark: lines of text in a translucent band, re-encoded without metadata.

The server stamps every served photo itself (server time, position, customer, rep, visit code),
so a client cannot forge the watermark. The output JPEG carries no EXIF, ICC, XMP or comment:
nothing of the original's metadata (its GPS position included) leaves the server with it.

Chinese text needs a CJK font. :func:`cjk_font_path` looks in the usual places
(Noto Sans CJK / Source Han Sans, WenQuanYi, Droid Sans Fallback, PingFang, Microsoft YaHei),
then asks fontconfig (``fc-list :lang=zh``). Without one, Pillow's bundled default font is used:
it draws Latin text, but CJK characters come out as empty boxes.
"""

from __future__ import annotations

import functools
import glob
import io
import math
import shutil
import subprocess
import threading
from collections.abc import Sequence
from typing import Final

from PIL import Image, ImageDraw, ImageFont

__all__ = ["cjk_font_path", "font_renders_cjk", "stamp"]

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont

# Searched in order; a collection (.ttc) picks its Simplified Chinese face when it has one.
_FONT_PATTERNS: Final = (
    "/usr/share/fonts/**/NotoSansCJK*-Regular.tt[co]",
    "/usr/share/fonts/**/NotoSansCJK*.tt[co]",
    "/usr/share/fonts/**/NotoSansSC*.[ot]tf",
    "/usr/share/fonts/**/SourceHanSans*.tt[co]",
    "/usr/share/fonts/**/SourceHanSans*.otf",
    "/usr/share/fonts/**/wqy-microhei.tt[co]",
    "/usr/share/fonts/**/wqy-zenhei.tt[co]",
    "/usr/share/fonts/**/DroidSansFallback*.ttf",
    "/usr/local/share/fonts/**/*CJK*.tt[co]",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "C:/Windows/Fonts/msyh.ttc",
)
_PROBE: Final = "中"  # a Chinese character every CJK font has
_MISSING: Final = "\ue000"  # a private-use code point no font has: drawn as the missing glyph
_SHADE: Final = 0.45  # the band keeps this share of the photo's brightness
_LINE_SPACING: Final = 1.3
_MIN_FONT_PX: Final = 10
# Font objects are cached and shared; FreeType faces are not safe to use from two threads at once
# (stamping runs in worker threads).
_FONT_LOCK: Final = threading.Lock()


def stamp(image: Image.Image, lines: Sequence[str], *, quality: int = 82) -> bytes:
    """``image`` with ``lines`` in a translucent band at the bottom, as a metadata-free JPEG.

    The text is scaled to the image (about 1/40 of its short side) and shrunk to fit its width.
    The input image is not modified; the same input always gives the same bytes.
    """
    return encode_jpeg(stamp_image(image, lines), quality=quality)


def stamp_image(image: Image.Image, lines: Sequence[str]) -> Image.Image:
    """A stamped copy of ``image`` (RGB, no metadata), for callers that also hash it."""
    text = [part for line in lines for part in (line.splitlines() or [""])]
    if not text:
        raise ValueError("nothing to stamp")
    canvas = image.convert("RGB") if image.mode != "RGB" else image.copy()
    canvas.info = {}
    _draw_band(canvas, text)
    return canvas


def encode_jpeg(image: Image.Image, *, quality: int = 82) -> bytes:
    """``image`` as a baseline JPEG without any metadata segment."""
    if not 1 <= quality <= 95:
        raise ValueError("quality must be between 1 and 95")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality, subsampling="4:2:0", optimize=False)
    return buffer.getvalue()


def _draw_band(canvas: Image.Image, lines: Sequence[str]) -> None:
    width, height = canvas.size
    font, size = _fitting_font(lines, width, max(_MIN_FONT_PX, round(min(width, height) / 40)))
    padding = max(2, size // 2)
    line_height = round(size * _LINE_SPACING)
    band_height = min(height, 2 * padding + line_height * len(lines))
    box = (0, height - band_height, width, height)
    band = canvas.crop(box).point(_shade_table())
    draw = ImageDraw.Draw(band)
    with _FONT_LOCK:
        for index, line in enumerate(lines):
            position = (padding, padding + index * line_height)
            draw.text(position, line, fill=(255, 255, 255), font=font)
    canvas.paste(band, box)


def _fitting_font(lines: Sequence[str], width: int, size: int) -> tuple[Font, int]:
    """The font at ``size`` px, smaller when the widest line would not fit ``width``."""
    font = _font(size)
    available = width - 2 * max(2, size // 2)
    with _FONT_LOCK:
        widest = max(font.getlength(line) for line in lines)
    if widest > available > 0:
        size = max(_MIN_FONT_PX, math.floor(size * available / widest))
        font = _font(size)
    return font, size


@functools.cache
def _shade_table() -> list[int]:
    return [round(value * _SHADE) for value in range(256)] * 3


@functools.lru_cache(maxsize=32)
def _font(size: int) -> Font:
    path = cjk_font_path()
    if path is None:
        return ImageFont.load_default(size)
    return ImageFont.truetype(
        path, size, index=_face_index(path), layout_engine=ImageFont.Layout.BASIC
    )


@functools.cache
def cjk_font_path() -> str | None:
    """The first font file found on this machine that draws Chinese, or None."""
    for candidate in (*_known_fonts(), *_fontconfig_fonts()):
        try:
            font = ImageFont.truetype(candidate, 24, index=_face_index(candidate))
        except OSError:
            continue
        if font_renders_cjk(font):
            return candidate
    return None


def _known_fonts() -> list[str]:
    found: list[str] = []
    for pattern in _FONT_PATTERNS:
        found.extend(sorted(glob.glob(pattern, recursive=True)))
    return found


def _fontconfig_fonts() -> list[str]:
    """Files fontconfig lists for Chinese, regular weights first."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listed = subprocess.run(  # noqa: S603 - fixed arguments, no shell, no user input
            [fc_list, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return []
    files = sorted({line.split(":")[0].strip() for line in listed.stdout.splitlines()} - {""})
    heavy = ("Bold", "Black", "Heavy", "Light", "Thin", "Medium")
    return sorted(files, key=lambda name: any(word in name for word in heavy))


@functools.cache
def _face_index(path: str) -> int:
    """In a font collection, the Simplified Chinese face (``... SC``); otherwise 0."""
    if not path.lower().endswith((".ttc", ".otc")):
        return 0
    for index in range(16):
        try:
            family = ImageFont.truetype(path, 12, index=index).getname()[0] or ""
        except OSError:
            break
        if family.endswith(" SC"):
            return index
    return 0


def font_renders_cjk(font: Font) -> bool:
    """Whether ``font`` draws a Chinese character as something else than its missing glyph."""
    return _glyph(font, _PROBE) != _glyph(font, _MISSING)


def _glyph(font: Font, character: str) -> bytes:
    canvas = Image.new("L", (64, 64))
    ImageDraw.Draw(canvas).text((4, 4), character, fill=255, font=font)
    return canvas.tobytes()
