"""Photos and recordings for visit tests, generated in code (no binary fixtures)."""

from __future__ import annotations

import io
from typing import cast

import av
import numpy as np
from PIL import Image, ImageDraw


def scene(seed: int, size: tuple[int, int] = (1200, 900)) -> Image.Image:
    """A photo-like picture: smooth colour fields, a few shapes and some sensor noise."""
    rng = np.random.default_rng(seed)
    base = rng.integers(0, 256, size=(6, 8, 3), dtype=np.uint8)
    image = Image.fromarray(base).resize(size, Image.Resampling.BICUBIC)
    draw = ImageDraw.Draw(image)
    for _ in range(12):
        x, y = int(rng.integers(0, size[0])), int(rng.integers(0, size[1]))
        w, h = int(rng.integers(40, 300)), int(rng.integers(40, 300))
        colour = tuple(int(c) for c in rng.integers(0, 256, size=3))
        if rng.random() < 0.5:
            draw.rectangle((x, y, x + w, y + h), fill=colour)
        else:
            draw.ellipse((x, y, x + w, y + h), fill=colour)
    pixels = np.asarray(image, dtype=np.int16) + rng.integers(-6, 7, (size[1], size[0], 3))
    return Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))


def jpeg_bytes(image: Image.Image, quality: int = 90, **options: object) -> bytes:
    out = io.BytesIO()
    image.save(out, "JPEG", quality=quality, **options)
    return out.getvalue()


def speech_like(seconds: float, *, seed: int = 1, rate: int = 16_000) -> np.ndarray:
    """Voiced syllables with a gliding pitch, a syllable rhythm and short pauses."""
    rng = np.random.default_rng(seed)
    t = np.arange(int(seconds * rate)) / rate
    pitch = 120 + 50 * np.sin(2 * np.pi * rng.uniform(0.3, 0.9) * t + rng.uniform(0, 6))
    phase = 2 * np.pi * np.cumsum(pitch) / rate
    harmonics = sum(
        np.sin(k * phase) * np.exp(-((k * pitch - 700) ** 2) / 2e5) / k for k in range(1, 25)
    )
    syllables = np.clip(np.sin(2 * np.pi * rng.uniform(3.5, 5) * t), 0, None) ** 0.7
    pauses = (np.sin(2 * np.pi * 0.25 * t + rng.uniform(0, 6)) > -0.7).astype(float)
    noise = rng.normal(0, 0.01, t.size)
    samples: np.ndarray = ((harmonics * syllables * pauses + noise) * 8000).astype(np.int16)
    return samples


def mp3_bytes(samples: np.ndarray, rate: int = 16_000, bitrate: int = 64_000) -> bytes:
    return encoded(samples, "mp3", "libmp3lame", rate=rate, bitrate=bitrate)


def m4a_bytes(samples: np.ndarray, rate: int = 16_000, bitrate: int = 48_000) -> bytes:
    return encoded(samples, "mp4", "aac", rate=rate, bitrate=bitrate)


def encoded(samples: np.ndarray, container: str, codec: str, *, rate: int, bitrate: int) -> bytes:
    """Mono 16-bit samples encoded with PyAV in ``container`` by ``codec``."""
    out = io.BytesIO()
    with av.open(out, "w", format=container) as muxer:
        stream = cast(av.AudioStream, muxer.add_stream(codec, rate=rate))
        stream.bit_rate = bitrate
        frame = av.AudioFrame.from_ndarray(samples.reshape(1, -1), format="s16", layout="mono")
        frame.sample_rate = rate
        for packet in stream.encode(frame):
            muxer.mux(packet)
        for packet in stream.encode(None):
            muxer.mux(packet)
    return out.getvalue()
