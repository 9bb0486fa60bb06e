"""Media files for upload tests, generated in code (no binary fixtures in the repository)."""

from __future__ import annotations

import functools
import io
import math
import random
import struct
import zipfile
import zlib
from fractions import Fraction

import av
import numpy as np
from PIL import Image

SINE_HZ = 440
SAMPLE_RATE = 16000


def photo_image(size: tuple[int, int] = (96, 64), *, seed: int = 7) -> Image.Image:
    """A noisy RGB picture: its compressed data looks like a real photo's (high entropy)."""
    rng = random.Random(seed)
    return Image.frombytes("RGB", size, rng.randbytes(size[0] * size[1] * 3))


def encode_image(image: Image.Image, fmt: str, **options: object) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def jpeg(size: tuple[int, int] = (96, 64), **options: object) -> bytes:
    return encode_image(photo_image(size), "JPEG", quality=85, **options)


def png(size: tuple[int, int] = (96, 64), **options: object) -> bytes:
    return encode_image(photo_image(size), "PNG", **options)


def webp(size: tuple[int, int] = (96, 64), **options: object) -> bytes:
    return encode_image(photo_image(size), "WEBP", quality=80, **options)


PHOTOS = {"jpeg": jpeg, "png": png, "webp": webp}
PHOTO_TYPES = {"jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
VOICE_TYPES = {"mp3": "audio/mpeg", "aac": "audio/aac", "m4a": "audio/mp4", "wav": "audio/wav"}


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(width: int, height: int) -> bytes:
    """A valid 1-bit PNG of width x height white pixels, built row by row: the file stays tiny
    (zeros compress ~1000:1) and neither this builder nor the test holds the pixels."""
    row = b"\x00" * (1 + math.ceil(width / 8))  # filter byte + packed bits
    compressor = zlib.compressobj(9)
    rows_per_block = max(1, (1 << 20) // len(row))
    block = row * rows_per_block
    parts = []
    full, rest = divmod(height, rows_per_block)
    for _ in range(full):
        parts.append(compressor.compress(block))
    parts.append(compressor.compress(row * rest))
    parts.append(compressor.flush())
    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)  # 1-bit greyscale
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", b"".join(parts))
        + _png_chunk(b"IEND", b"")
    )


def jpeg_claiming(width: int, height: int) -> bytes:
    """A small JPEG whose frame header (SOF0) claims another size."""
    data = bytearray(jpeg((32, 32)))
    sof = data.index(b"\xff\xc0")
    data[sof + 5 : sof + 9] = struct.pack(">HH", height, width)
    return bytes(data)


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("payload.html", "<p>hello</p>")
    return buffer.getvalue()


def _sine(count: int, start: int) -> np.ndarray:
    t = np.arange(start, start + count) / SAMPLE_RATE
    return np.asarray(0.3 * np.sin(2 * math.pi * SINE_HZ * t))


@functools.cache
def audio(kind: str, seconds: float = 3.0) -> bytes:
    """A mono 440 Hz sine encoded as mp3, aac (ADTS), m4a (AAC in MP4) or wav (PCM)."""
    container_format, codec = {
        "mp3": ("mp3", "libmp3lame"),
        "aac": ("adts", "aac"),
        "m4a": ("ipod", "aac"),
        "wav": ("wav", "pcm_s16le"),
    }[kind]
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=container_format) as container:
        stream = container.add_stream(codec, rate=SAMPLE_RATE, layout="mono")
        assert isinstance(stream, av.AudioStream)
        sample_format = stream.codec_context.format.name
        total, done, chunk = int(SAMPLE_RATE * seconds), 0, 1024
        while done < total:
            count = min(chunk, total - done)
            frame = av.AudioFrame.from_ndarray(
                _samples(_sine(count, done), sample_format), format=sample_format, layout="mono"
            )
            frame.sample_rate = SAMPLE_RATE
            frame.pts = done
            frame.time_base = Fraction(1, SAMPLE_RATE)
            for packet in stream.encode(frame):
                container.mux(packet)
            done += count
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def _samples(wave: np.ndarray, sample_format: str) -> np.ndarray:
    if sample_format in ("s16", "s16p"):
        return (wave * 32767).astype(np.int16).reshape(1, -1)
    if sample_format == "s32p":
        return (wave * 2147483647).astype(np.int32).reshape(1, -1)
    if sample_format == "fltp":
        return wave.astype(np.float32).reshape(1, -1)
    raise AssertionError(f"no sample conversion for {sample_format}")


@functools.cache
def video_mp4() -> bytes:
    """An MP4 (brand isom) with a video track and an AAC track: not a voice recording."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as container:
        video = container.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 32, 32, "yuv420p"
        sound = container.add_stream("aac", rate=SAMPLE_RATE, layout="mono")
        assert isinstance(sound, av.AudioStream)
        for i in range(10):
            picture = av.VideoFrame.from_ndarray(
                np.full((32, 32, 3), i * 20, dtype=np.uint8), format="rgb24"
            )
            picture.pts = i
            for packet in video.encode(picture):
                container.mux(packet)
        done = 0
        while done < SAMPLE_RATE:
            frame = av.AudioFrame.from_ndarray(
                _samples(_sine(1024, done), "fltp"), format="fltp", layout="mono"
            )
            frame.sample_rate, frame.pts = SAMPLE_RATE, done
            frame.time_base = Fraction(1, SAMPLE_RATE)
            for packet in sound.encode(frame):
                container.mux(packet)
            done += 1024
        for packet in [*video.encode(None), *sound.encode(None)]:
            container.mux(packet)
    return buffer.getvalue()


def empty_wav() -> bytes:
    """A well-formed WAV header with no samples: zero duration."""
    fmt = struct.pack("<HHIIHH", 1, 1, SAMPLE_RATE, SAMPLE_RATE * 2, 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", 0)
    return b"RIFF" + struct.pack("<I", len(body)) + body


def id3_tag(text: str) -> bytes:
    """An ID3v2.3 tag with one TIT2 (title) frame."""
    payload = b"\x00" + text.encode("latin-1")
    frame = b"TIT2" + struct.pack(">I", len(payload)) + b"\x00\x00" + payload
    size = len(frame)
    synchsafe = bytes([(size >> 21) & 0x7F, (size >> 14) & 0x7F, (size >> 7) & 0x7F, size & 0x7F])
    return b"ID3\x03\x00\x00" + synchsafe + frame


def strip_id3(data: bytes) -> bytes:
    """The MP3 frames without the leading ID3v2 tag."""
    assert data.startswith(b"ID3")
    size_bytes = data[6:10]
    size = (size_bytes[0] << 21) | (size_bytes[1] << 14) | (size_bytes[2] << 7) | size_bytes[3]
    return data[10 + size :]
