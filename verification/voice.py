"""Voice-summary checks (DOMAIN.md §1): decoding, voice activity, fingerprint, transcript.

Everything here is synchronous, CPU-bound and pure (no ORM, no network): the API calls it off
the event loop. An upload is decoded once by :func:`analyse_voice` into 16 kHz mono samples,
giving its duration, its share of speech and an acoustic fingerprint; :func:`check_voice`
turns those into findings. Finding duplicates is the API's part: it stores each recording's
:meth:`Fingerprint.to_bytes` and :func:`index_keys`, fetches the earlier recordings of the
organisation sharing most keys with a new one (and, as a safety net, the rep's latest few),
confirms with :func:`is_duplicate` and reports :func:`duplicate_finding`. Transcripts, from
the client or a :class:`SpeechRecognizer`, give keywords and an emotion signal through
:func:`analyse_transcript` with the organisation's :class:`Lexicon`.
"""

from __future__ import annotations

import bisect
import collections
import functools
import io
import itertools
import math
import threading
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any, Protocol

import av
import av.error
import jieba
import numpy as np
import numpy.typing as npt
import webrtcvad

from verification.findings import Finding, FindingCode, Severity
from verification.policy import VerificationPolicy

SAMPLE_RATE = 16_000

__all__ = [
    "DEFAULT_LEXICON",
    "HOP",
    "INDEX_KEYS",
    "MAX_TRANSCRIPT_CHARS",
    "SAMPLE_RATE",
    "Audio",
    "Emotion",
    "Fingerprint",
    "FrameFeatures",
    "KeywordCategory",
    "Lexicon",
    "LexiconError",
    "NoRecognizer",
    "SpeechRecognizer",
    "TranscriptAnalysis",
    "VoiceAnalysis",
    "VoiceDecodeError",
    "analyse_transcript",
    "analyse_voice",
    "check_voice",
    "compare",
    "decode",
    "duplicate_finding",
    "fingerprint",
    "frame_features",
    "index_keys",
    "is_duplicate",
    "speech_frames",
    "speech_ratio",
]


class VoiceDecodeError(ValueError):
    """The bytes are not a decodable mp3 / aac (ADTS) / m4a / wav voice recording."""


@dataclass(frozen=True, slots=True, eq=False)
class Audio:
    """Decoded mono audio: int16 samples at ``sample_rate`` (16 kHz)."""

    samples: npt.NDArray[np.int16]
    sample_rate: int = SAMPLE_RATE

    @property
    def duration_s(self) -> float:
        return self.samples.size / self.sample_rate


# -- decoding -----------------------------------------------------------------------------------

# Demuxer name for av.open(format=...) -> the codecs a voice recording may carry in it.
_MP3, _AAC, _MOV, _WAV = "mp3", "aac", "mov", "wav"
_CODECS: dict[str, frozenset[str]] = {
    _MP3: frozenset({"mp3", "mp3float"}),
    _AAC: frozenset({"aac", "aac_fixed"}),
    _MOV: frozenset({"aac", "aac_fixed"}),
}
# Even with the demuxer named explicitly, FFmpeg may only ever consider these.
_FORMAT_WHITELIST = "mp3,aac,mov,wav"
_MAX_SAMPLE_RATE = 384_000
_DECODE_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    ValueError,
    EOFError,
    IndexError,
    KeyError,
    av.error.FFmpegError,
)


def decode(data: bytes, *, max_seconds: float) -> Audio:
    """Decode an mp3 / aac (ADTS) / m4a / wav recording to 16 kHz mono int16.

    The demuxer is chosen from the leading bytes (FFmpeg never probes); the file must hold one
    audio track of the expected codec and no video; a truncated or damaged stream, more than
    ``max_seconds`` of audio or no audio at all raise :class:`VoiceDecodeError`.
    """
    fmt = _demuxer(data)
    try:
        with av.open(
            io.BytesIO(data),
            mode="r",
            format=fmt,
            container_options={"format_whitelist": _FORMAT_WHITELIST},
            metadata_errors="ignore",
        ) as container:
            stream = _audio_stream(container, fmt)
            samples = _decode_stream(container, stream, fmt, max_seconds)
    except VoiceDecodeError:
        raise
    except _DECODE_ERRORS as exc:
        raise VoiceDecodeError("damaged or unsupported audio") from exc
    if samples.size == 0:
        raise VoiceDecodeError("no audio")
    return Audio(samples)


def _demuxer(data: bytes) -> str:
    """The demuxer for ``data`` judged by its leading bytes; VoiceDecodeError if none fits."""
    if data[:4] == b"RIFF" and data[8:12] == b"WAVE":
        return _WAV
    if data[4:8] == b"ftyp":
        return _MOV
    offset = _id3v2_end(data)
    while offset < len(data) and data[offset] == 0:  # padding after the tag
        offset += 1
    head = data[offset : offset + 4]
    if len(head) == 4 and head[0] == 0xFF:
        if head[1] & 0xF6 == 0xF0:  # ADTS: 12-bit sync, layer 00
            return _AAC
        if _mp3_frame_length(head) is not None:
            return _MP3
    raise VoiceDecodeError("not an mp3, aac, m4a or wav recording")


def _id3v2_end(data: bytes) -> int:
    if len(data) < 10 or data[:3] != b"ID3" or any(b & 0x80 for b in data[6:10]):
        return 0
    size = (data[6] << 21) | (data[7] << 14) | (data[8] << 7) | data[9]
    return 10 + size + (10 if data[5] & 0x10 else 0)


_MP3_KBPS = {
    3: (0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320),  # MPEG-1
    2: (0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160),  # MPEG-2 and 2.5
}
_MP3_RATES = {3: (44100, 48000, 32000), 2: (22050, 24000, 16000), 0: (11025, 12000, 8000)}


def _mp3_frame_length(header: bytes) -> int | None:
    """Length of the MPEG-1/2/2.5 Layer III frame with this 4-byte header; None if invalid."""
    if len(header) < 4 or header[0] != 0xFF or header[1] & 0xE0 != 0xE0:
        return None
    version, layer = (header[1] >> 3) & 3, (header[1] >> 1) & 3
    bitrate_index, rate_index = header[2] >> 4, (header[2] >> 2) & 3
    if version == 1 or layer != 1 or bitrate_index in (0, 15) or rate_index == 3:
        return None
    kbps = _MP3_KBPS[3 if version == 3 else 2][bitrate_index]
    coefficient = 144 if version == 3 else 72
    return coefficient * kbps * 1000 // _MP3_RATES[version][rate_index] + ((header[2] >> 1) & 1)


def _audio_stream(container: av.container.InputContainer, fmt: str) -> av.AudioStream:
    """The one audio stream, of an allowed codec; VoiceDecodeError otherwise."""
    streams = container.streams
    if len(streams.audio) != 1 or len(streams.video) > 0 or len(streams) != 1:
        raise VoiceDecodeError("not a single audio track")
    stream = streams.audio[0]
    context: av.AudioCodecContext | None = stream.codec_context
    if context is None:
        raise VoiceDecodeError("no decoder for the audio track")
    allowed = _CODECS.get(fmt)
    name = context.name
    if not (name.startswith("pcm_") if allowed is None else name in allowed):
        raise VoiceDecodeError(f"unexpected codec {name}")
    return stream


def _decode_stream(
    container: av.container.InputContainer, stream: av.AudioStream, fmt: str, max_seconds: float
) -> npt.NDArray[np.int16]:
    """Decode every packet (checking each is whole) and resample to 16 kHz mono int16.

    Decoded frames are gathered in a FIFO and resampled a second at a time: resampling each
    ~1000-sample frame on its own costs more than decoding it.
    """
    resampler = av.AudioResampler(format="s16", layout="mono", rate=SAMPLE_RATE)
    fifo = av.AudioFifo()
    chunks: list[npt.NDArray[np.int16]] = []
    seconds = 0.0
    shape: tuple[str, str, int] | None = None
    for packet in container.demux(stream):
        if packet.size and (packet.is_corrupt or (fmt == _MP3 and _short_mp3_packet(packet))):
            raise VoiceDecodeError("truncated audio")
        for frame in packet.decode():
            # A damaged header can switch channels or rate mid-stream; PyAV's FIFO would then
            # overrun its buffers, so refuse before writing.
            shape = shape or (frame.format.name, frame.layout.name, frame.sample_rate)
            if (frame.format.name, frame.layout.name, frame.sample_rate) != shape:
                raise VoiceDecodeError("audio format changes mid-stream")
            if not 0 < frame.sample_rate <= _MAX_SAMPLE_RATE:
                raise VoiceDecodeError("bad sample rate")
            seconds += frame.samples / frame.sample_rate
            if seconds > max_seconds:
                raise VoiceDecodeError(f"longer than {max_seconds:g} s")
            frame.pts = None  # the FIFO would insist on contiguous timestamps
            fifo.write(frame)
            if fifo.samples >= frame.sample_rate:
                chunks.extend(_resample(resampler, fifo.read()))
    chunks.extend(_resample(resampler, fifo.read()))
    chunks.extend(_resample(resampler, None))
    if not chunks:
        return np.zeros(0, dtype=np.int16)
    return np.concatenate(chunks).astype(np.int16, copy=False)


def _resample(
    resampler: av.AudioResampler, frame: av.AudioFrame | None
) -> list[npt.NDArray[np.int16]]:
    return [
        out.to_ndarray().reshape(-1).astype(np.int16, copy=False)
        for out in resampler.resample(frame)
    ]


def _short_mp3_packet(packet: av.Packet[av.AudioStream]) -> bool:
    """Whether an mp3 packet holds less than the frame its header announces (a cut-off end)."""
    data = bytes(packet)
    expected = _mp3_frame_length(data[:4])
    return expected is not None and len(data) < expected


# -- spectrogram shared by voice activity and fingerprint --------------------------------------

_FRAME = 1024  # 64 ms analysis frames (15.6 Hz bins) ...
HOP = 176  # ... every 11 ms
_WINDOW = np.hanning(_FRAME).astype(np.float32)


def _spectrogram(samples: npt.NDArray[np.int16]) -> npt.NDArray[np.float32]:
    """Power spectra (rows: 11 ms hops) of Hann-windowed 64 ms frames; short input is padded."""
    x = samples.astype(np.float32) * np.float32(1.0 / 32768.0)
    if x.size < _FRAME:
        x = np.pad(x, (0, _FRAME - x.size))
    frames = np.lib.stride_tricks.sliding_window_view(x, _FRAME)[::HOP]
    spectrum = np.fft.rfft(frames * _WINDOW, axis=1)
    return np.asarray(spectrum.real**2 + spectrum.imag**2, dtype=np.float32)


# -- voice activity -----------------------------------------------------------------------------

_VAD_FRAME = 480  # 30 ms at 16 kHz, one webrtcvad frame
_VAD_MODE = 2
_MIN_LEVEL_DB = -60.0  # dBFS; quieter frames are silence whatever else they look like
_ABOVE_FLOOR_DB = 6.0  # a voiced frame stands this far above the recording's quiet frames
_FLOOR_PERCENTILE = 10.0
_MIN_PERIODICITY = 0.2  # autocorrelation peak at an 80-400 Hz pitch period (see _periodicity)
_MAX_TONALITY = 0.8  # share of the spectrum within a tone's main lobe around its peak
_TONE_HALF_WIDTH = 3  # bins (+-47 Hz): a windowed tone's main lobe
_MONOTONE_SHARE = 0.8  # more voiced frames than this at one pitch: a machine
_MONOTONE_SEMITONES = 0.25  # "one pitch": within this of the median
_MONOTONE_MIN_FRAMES = 10
_HANGOVER_FRAMES = 5  # consonants and onsets within 150 ms of a voiced frame count as speech
_ACF_SIZE = 512  # the autocorrelation of the 0-4 kHz spectrum: lags step by 2 samples
_ACF_BINS = _ACF_SIZE // 2 + 1
_ACF_LAGS = slice(SAMPLE_RATE // 400 // 2, SAMPLE_RATE // 80 // 2 + 1)  # 80-400 Hz pitch
_HIGH_PASS_BINS = 70 * _FRAME // SAMPLE_RATE + 1
_TONE_BINS = slice(80 * _FRAME // SAMPLE_RATE, 4000 * _FRAME // SAMPLE_RATE)
_WINDOW_ACF = np.fft.irfft(np.abs(np.fft.rfft(_WINDOW.astype(np.float64))[:_ACF_BINS]) ** 2)
_WINDOW_ACF = _WINDOW_ACF[_ACF_LAGS] / _WINDOW_ACF[0]


@dataclass(frozen=True, slots=True, eq=False)
class FrameFeatures:
    """Per-30-ms-frame measures behind :func:`speech_ratio` (exposed for tests and tuning)."""

    vad: npt.NDArray[np.bool_]  # webrtcvad's decision
    level_db: npt.NDArray[np.float64]  # dBFS
    periodicity: npt.NDArray[np.float64]  # 0..1
    pitch_lag: npt.NDArray[np.float64]  # samples; meaningful where periodicity is high
    tonality: npt.NDArray[np.float64]  # 0..1


def frame_features(audio: Audio) -> FrameFeatures:
    """The measures of each 30 ms frame of ``audio``."""
    return _frame_features(audio.samples, _spectrogram(audio.samples))


def _frame_features(
    samples: npt.NDArray[np.int16], power: npt.NDArray[np.float32]
) -> FrameFeatures:
    count = samples.size // _VAD_FRAME
    frames = samples[: count * _VAD_FRAME].reshape(count, _VAD_FRAME)
    vad = webrtcvad.Vad(_VAD_MODE)
    decisions = np.fromiter(
        (vad.is_speech(frame.tobytes(), SAMPLE_RATE) for frame in frames), np.bool_, count
    )
    x = frames.astype(np.float32) * np.float32(1.0 / 32768.0)
    level = 10.0 * np.log10(np.mean(x * x, axis=1, dtype=np.float64) + 1e-12)
    # The 64 ms spectrogram frame centred nearest each 30 ms frame's centre.
    centres = np.arange(count) * _VAD_FRAME + (_VAD_FRAME - _FRAME) // 2
    rows = np.clip(np.rint(centres / HOP).astype(np.int64), 0, power.shape[0] - 1)
    spectra = power[rows]
    periodicity, lag = _periodicity(spectra)
    return FrameFeatures(decisions, level, periodicity, lag, _tonality(spectra))


def _periodicity(
    power: npt.NDArray[np.float32],
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Highest autocorrelation peak at an 80-400 Hz pitch period (0..1) and its lag in samples.

    The autocorrelation is that of the 70-4000 Hz spectrum compressed to power ** 1/3 (a
    "generalised autocorrelation"), so that rumble and pink noise, which correlate at short
    lags without any pitch, do not count; it is corrected for the window (Boersma 1993), only
    its local maxima count, and the lag is refined between the 2-sample steps by a parabola.
    """
    spectrum = np.cbrt(power[:, :_ACF_BINS])
    spectrum[:, :_HIGH_PASS_BINS] = 0.0
    acf = np.fft.irfft(spectrum, n=_ACF_SIZE, axis=1)
    around = acf[:, _ACF_LAGS.start - 1 : _ACF_LAGS.stop + 1]
    left, inner, right = around[:, :-2], around[:, 1:-1], around[:, 2:]
    peaks = (inner >= left) & (inner >= right)
    corrected = np.where(peaks, inner / (acf[:, :1] + 1e-12) / _WINDOW_ACF, 0.0)
    best = corrected.argmax(axis=1)
    rows = np.arange(best.size)
    strength = np.clip(corrected[rows, best], 0.0, 1.0)
    a, b, c = left[rows, best], inner[rows, best], right[rows, best]
    curvature = a - 2.0 * b + c
    shift = np.where(curvature < 0, 0.5 * (a - c) / np.where(curvature < 0, curvature, -1.0), 0.0)
    lag = (best + _ACF_LAGS.start + np.clip(shift, -0.5, 0.5)) * (_FRAME // _ACF_SIZE)
    return strength.astype(np.float64), lag.astype(np.float64)


def _tonality(power: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """Share of 80-4000 Hz power within a tone's main lobe around the strongest bin."""
    band = power[:, _TONE_BINS]
    peak = np.clip(band.argmax(axis=1), _TONE_HALF_WIDTH, band.shape[1] - _TONE_HALF_WIDTH - 1)
    lobe_bins = peak[:, None] + np.arange(-_TONE_HALF_WIDTH, _TONE_HALF_WIDTH + 1)
    lobe = np.take_along_axis(band, lobe_bins, axis=1).sum(axis=1, dtype=np.float64)
    return np.asarray(lobe / (band.sum(axis=1, dtype=np.float64) + 1e-20), dtype=np.float64)


def speech_ratio(audio: Audio) -> float:
    """Share of 30 ms frames holding speech, 0..1.

    A frame is voiced when webrtcvad calls it speech, it stands clear of the recording's quiet
    floor (steady hum, tones and noise never do), it is periodic at a pitch period (noise is
    not), its spectrum is not a single line (a tone's is) and its pitch is not the one nearly
    all voiced frames share (a buzzer's is); frames within 150 ms of a voiced frame that
    webrtcvad also calls speech count too (consonants, onsets).
    """
    return _speech_ratio(frame_features(audio))


def _speech_ratio(features: FrameFeatures) -> float:
    if features.vad.size == 0:
        return 0.0
    return float(speech_frames(features).mean())


def speech_frames(features: FrameFeatures) -> npt.NDArray[np.bool_]:
    """The frames :func:`speech_ratio` counts as speech."""
    level = features.level_db
    if level.size == 0:
        return np.zeros(0, dtype=np.bool_)
    floor = float(np.percentile(level, _FLOOR_PERCENTILE))
    active = features.vad & (level > _MIN_LEVEL_DB) & (level > floor + _ABOVE_FLOOR_DB)
    voiced = (
        active & (features.periodicity >= _MIN_PERIODICITY) & (features.tonality <= _MAX_TONALITY)
    )
    machine = _monotone(features.pitch_lag, voiced)
    speech = active & _near(voiced & ~machine) & ~_near(machine)
    return np.asarray(speech, dtype=np.bool_)


def _near(frames: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Frames within the hangover (150 ms) of a marked frame."""
    kernel = np.ones(2 * _HANGOVER_FRAMES + 1, dtype=np.int32)
    counts = np.convolve(frames.astype(np.int32), kernel)  # "full": also right for few frames
    return np.asarray(counts[_HANGOVER_FRAMES : _HANGOVER_FRAMES + frames.size] > 0)


def _monotone(lag: npt.NDArray[np.float64], voiced: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
    """Frames at the one pitch nearly all voiced frames share: a buzzer or hum, not a voice.

    A voice's pitch moves from syllable to syllable, even a flat reading voice's; when more than
    80% of the voiced frames lie within a quarter semitone of their median pitch, those frames
    are a machine's.
    """
    none = np.zeros_like(voiced)
    if int(voiced.sum()) < _MONOTONE_MIN_FRAMES:
        return none
    distance = np.abs(np.log2(lag / np.median(lag[voiced])))
    machine = voiced & (distance <= _MONOTONE_SEMITONES / 12.0)
    if machine.sum() <= _MONOTONE_SHARE * voiced.sum():
        return none
    return np.asarray(machine, dtype=np.bool_)


# -- fingerprint --------------------------------------------------------------------------------

_FP_BANDS = 33  # 32 differences of adjacent bands -> 32 bits
_FP_LOW_HZ, _FP_HIGH_HZ = 300.0, 3000.0
_FP_SMOOTH = 8  # hops per box of the (box * box = triangular) time smoothing, ~180 ms in all
_FP_QUIET_DB = 35.0  # hops this far below the loud hops carry no bits (value 0)
_FP_MAGIC = b"LHF1"
_FP_MAX_VALUES = 1 << 20  # about 3.2 hours


@dataclass(frozen=True, slots=True, eq=False)
class Fingerprint:
    """32-bit sub-fingerprints, one per 11 ms hop; 0 marks a quiet hop that carries no bits."""

    values: npt.NDArray[np.uint32]

    @property
    def duration_s(self) -> float:
        return self.values.size * HOP / SAMPLE_RATE

    def to_bytes(self) -> bytes:
        """``LHF1`` then the values as little-endian uint32 (4 bytes per 11 ms)."""
        return _FP_MAGIC + self.values.astype("<u4").tobytes()

    @classmethod
    def from_bytes(cls, data: bytes) -> Fingerprint:
        """Parse :meth:`to_bytes`; ValueError when ``data`` is not a fingerprint."""
        body = data[len(_FP_MAGIC) :]
        if not data.startswith(_FP_MAGIC) or len(body) % 4:
            raise ValueError("not a voice fingerprint")
        if len(body) // 4 > _FP_MAX_VALUES:
            raise ValueError("voice fingerprint too long")
        return cls(np.frombuffer(body, dtype="<u4").astype(np.uint32))


def _band_edges() -> npt.NDArray[np.intp]:
    """First FFT bin of each of 33 log-spaced bands over 300-3000 Hz, and the end bin."""
    hz = np.geomspace(_FP_LOW_HZ, _FP_HIGH_HZ, _FP_BANDS + 1)
    edges = np.rint(hz * _FRAME / SAMPLE_RATE).astype(np.intp)
    assert np.all(np.diff(edges) > 0), "every band needs at least one bin"
    return edges


_BAND_EDGES = _band_edges()
_BIT_WEIGHTS = np.left_shift(1, np.arange(_FP_BANDS - 2, -1, -1, dtype=np.uint64))


def fingerprint(audio: Audio) -> Fingerprint:
    """Haitsma-Kalker sub-fingerprints of ``audio``: robust to re-encoding, resampling, gain.

    Bit m of hop n is the sign of the change from hop n-1 to hop n of the energy difference
    between bands m and m+1 (33 log-spaced bands over 300-3000 Hz, energies smoothed over
    ~180 ms). Signs of energy differences ignore gain and survive lossy coding; quiet hops
    (pauses) are set to 0 and ignored by :func:`compare`, as their bits would be coding noise.
    """
    return _fingerprint(_spectrogram(audio.samples))


def _fingerprint(power: npt.NDArray[np.float32]) -> Fingerprint:
    energy = _smooth(np.add.reduceat(power[:, : _BAND_EDGES[-1]], _BAND_EDGES[:-1], axis=1))
    if energy.shape[0] < 2:
        return Fingerprint(np.zeros(0, dtype=np.uint32))
    diff = energy[:, :-1] - energy[:, 1:]
    bits = (diff[1:] - diff[:-1]) > 0
    values = (bits.astype(np.uint64) @ _BIT_WEIGHTS).astype(np.uint32)
    total = energy.sum(axis=1)
    quiet = total < np.percentile(total, 90) * 10.0 ** (-_FP_QUIET_DB / 10.0)
    values[quiet[1:] | quiet[:-1]] = 0
    return Fingerprint(values)


def _smooth(energy: npt.NDArray[np.float32]) -> npt.NDArray[np.float64]:
    """Triangular moving average over time (two box filters), without edge rows."""
    out = energy.astype(np.float64)
    for _ in range(2):
        cumulative = np.cumsum(out, axis=0)
        out = cumulative[_FP_SMOOTH:] - cumulative[:-_FP_SMOOTH]
    return out


_FP_MAX_SHIFT = 136  # hops (1.5 s) of leading silence or trim searched exhaustively
_FP_COARSE_STEP = 4  # the exhaustive search compares every 4th hop (bits change slowly) ...
_FP_REFINE = 3  # ... then these best offsets on every hop
_FP_VOTES = 3  # offsets where this many exact sub-fingerprints line up are tried too
_FP_MIN_OVERLAP = 273  # hops (3 s) of sound both recordings must share to be compared
_FP_UNRELATED = 0.5


def compare(a: Fingerprint, b: Fingerprint) -> float:
    """Lowest bit-error rate between ``a`` and ``b`` over alignments, 0 (same) .. 0.5 (unrelated).

    Alignments tried: every offset within 1.5 s (leading silence, trimming), first on every 4th
    hop, the best few then on all hops; and offsets where identical sub-fingerprints line up (a
    re-encoded copy keeps many exactly), which also finds an excerpt taken from the middle.
    Only hops loud in both count; less than 3 s of them in common is unrelated (0.5).
    """
    x, y = a.values, b.values
    coarse = sorted(
        range(-_FP_MAX_SHIFT, _FP_MAX_SHIFT + 1),
        key=lambda offset: _bit_error_rate(x, y, offset, _FP_COARSE_STEP),
    )[:_FP_REFINE]
    voted = [o + d for o in _voted_offsets(x, y) for d in range(-2, 3)]
    return min((_bit_error_rate(x, y, o) for o in {*coarse, *voted}), default=_FP_UNRELATED)


def is_duplicate(a: Fingerprint, b: Fingerprint, policy: VerificationPolicy) -> bool:
    """Whether one recording is a (re-encoded, trimmed, louder or quieter) copy of the other."""
    return compare(a, b) <= policy.voice_duplicate_similarity


def _bit_error_rate(
    x: npt.NDArray[np.uint32], y: npt.NDArray[np.uint32], offset: int, step: int = 1
) -> float:
    """BER of x[i + offset] against y[i] over every ``step``-th hop loud in both (else 0.5)."""
    if offset >= 0:
        x = x[offset:]
    else:
        y = y[-offset:]
    n = min(x.size, y.size)
    x, y = x[:n:step], y[:n:step]
    both = (x != 0) & (y != 0)
    count = int(np.count_nonzero(both))
    if count * step < _FP_MIN_OVERLAP:
        return _FP_UNRELATED
    return int(np.bitwise_count(x[both] ^ y[both]).sum()) / (32 * count)


def _voted_offsets(x: npt.NDArray[np.uint32], y: npt.NDArray[np.uint32]) -> list[int]:
    """Offsets (x index - y index) at which several identical sub-fingerprints line up."""
    x_values, x_first = np.unique(x, return_index=True)
    y_values, y_first = np.unique(y, return_index=True)
    common, in_x, in_y = np.intersect1d(x_values, y_values, True, return_indices=True)
    loud = common != 0
    offsets = x_first[in_x[loud]] - y_first[in_y[loud]]
    if offsets.size == 0:
        return []
    low = int(offsets.min())
    votes = np.convolve(np.bincount(offsets - low), np.ones(3, dtype=np.int64), mode="same")
    best = np.argsort(votes)[::-1][:_FP_REFINE]
    return [int(i) + low for i in best if votes[i] >= _FP_VOTES]


# -- index keys ---------------------------------------------------------------------------------

INDEX_KEYS = 64  # keys per recording
_KEY_SHIFT = 8  # keys drop the 8 bits of the highest bands


def index_keys(fp: Fingerprint) -> list[int]:
    """Up to 64 keys (0 <= key < 2**32, fit a bigint) to find candidate duplicates by.

    A key is a hash of the 24 low-band bits (300-1700 Hz, which lossy coding keeps best) of a
    sub-fingerprint that repeats on the next hop: a steady stretch, the likeliest to survive
    re-encoding unchanged. The 64 smallest hashes are kept (a bottom-k sketch: which keys are
    kept does not depend on where the recording starts or ends). Measured on 10-30 s of
    synthetic speech: a re-encoded copy shares 19-58 keys (mp3), 3-27 (AAC at 24-48 kb/s,
    trimmed, louder or quieter); unrelated recordings 0-6 (mean 1). Store the keys per
    recording, fetch the recordings sharing the most keys (at least 2) with a new one, and
    confirm each with :func:`compare`.
    """
    coarse = fp.values >> np.uint32(_KEY_SHIFT)
    steady = (fp.values[1:] != 0) & (fp.values[:-1] != 0) & (coarse[1:] == coarse[:-1])
    hashes = np.unique(_mix32(coarse[1:][steady]))
    return [int(h) for h in hashes[:INDEX_KEYS]]


def _mix32(values: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """A fixed 32-bit integer hash (the "lowbias32" finaliser): spreads similar values apart."""
    v = values.astype(np.uint64)
    mask = np.uint64(0xFFFFFFFF)
    v ^= v >> np.uint64(16)
    v = (v * np.uint64(0x7FEB352D)) & mask
    v ^= v >> np.uint64(15)
    v = (v * np.uint64(0x846CA68B)) & mask
    v ^= v >> np.uint64(16)
    return v.astype(np.uint32)


# -- analysis and findings ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class VoiceAnalysis:
    """What one decoding of a recording yields; ``audio`` is kept for a server-side ASR."""

    duration_s: float
    speech_ratio: float
    fingerprint: Fingerprint
    audio: Audio = field(repr=False)


def analyse_voice(data: bytes, *, max_seconds: float) -> VoiceAnalysis:
    """Decode ``data`` once and measure duration, speech ratio and fingerprint.

    Raises :class:`VoiceDecodeError` for anything but a whole mp3 / aac / m4a / wav recording
    of at most ``max_seconds``.
    """
    audio = decode(data, max_seconds=max_seconds)
    power = _spectrogram(audio.samples)
    return VoiceAnalysis(
        duration_s=audio.duration_s,
        speech_ratio=_speech_ratio(_frame_features(audio.samples, power)),
        fingerprint=_fingerprint(power),
        audio=audio,
    )


def check_voice(
    analysis: VoiceAnalysis,
    *,
    transcript: str | None,
    policy: VerificationPolicy,
    evidence: str,
) -> list[Finding]:
    """Duration out of bounds (WARN), too little speech (FAIL), no transcript (INFO)."""
    findings: list[Finding] = []
    duration = analysis.duration_s
    if duration < policy.voice_min_s:
        params = {"duration_s": _down(duration), "limit_s": _number(policy.voice_min_s)}
        findings.append(Finding(FindingCode.VOICE_TOO_SHORT, Severity.WARN, params, evidence))
    elif duration > policy.voice_max_s:
        params = {"duration_s": _up(duration), "limit_s": _number(policy.voice_max_s)}
        findings.append(Finding(FindingCode.VOICE_TOO_LONG, Severity.WARN, params, evidence))
    if analysis.speech_ratio < policy.voice_min_speech_ratio:
        params = {"speech_pct": math.floor(analysis.speech_ratio * 100)}
        findings.append(Finding(FindingCode.VOICE_NO_SPEECH, Severity.FAIL, params, evidence))
    if transcript is None or not transcript.strip():
        findings.append(Finding(FindingCode.VOICE_NO_TRANSCRIPT, Severity.INFO, {}, evidence))
    return findings


def duplicate_finding(*, previous_code: str, previous_at: datetime, evidence: str) -> Finding:
    """VOICE_DUPLICATE (FAIL): the recording copies the one of visit ``previous_code``."""
    if previous_at.tzinfo is None or previous_at.utcoffset() is None:
        raise ValueError("previous_at must be timezone-aware")
    params = {"previous_code": previous_code, "previous_at": previous_at.isoformat()}
    return Finding(FindingCode.VOICE_DUPLICATE, Severity.FAIL, params, evidence)


def _down(value: float) -> float:
    """A duration below its limit, to 0.1 s rounded down: it never reads as the limit itself."""
    return math.floor(value * 10) / 10


def _up(value: float) -> float:
    """A duration above its limit, to 0.1 s rounded up."""
    return math.ceil(value * 10) / 10


def _number(value: float) -> int | float:
    """A policy value as people write it: 10 rather than 10.0."""
    return int(value) if float(value).is_integer() else value


# -- server-side speech recognition -------------------------------------------------------------


class SpeechRecognizer(Protocol):
    """A speech-to-text engine; synchronous and CPU-bound (the API runs it off the event loop)."""

    def transcribe(self, audio: Audio) -> str | None:
        """The transcript of ``audio`` (16 kHz mono), or None when there is none."""
        ...


class NoRecognizer:
    """The default: no server-side ASR; the transcript comes from the client or not at all."""

    def transcribe(self, audio: Audio) -> str | None:
        return None


# -- transcript analysis ------------------------------------------------------------------------

MAX_TRANSCRIPT_CHARS = 10_000  # about half an hour of speech; the rest of a longer text is ignored
MAX_WORD_CHARS = 20
MAX_WORDS_PER_LIST = 200
MAX_WORDS = 1_000


class KeywordCategory(StrEnum):
    COMPETITOR = "COMPETITOR"
    PRICE_OBJECTION = "PRICE_OBJECTION"
    DECISION_MAKER = "DECISION_MAKER"
    BUDGET = "BUDGET"
    NEXT_STEP = "NEXT_STEP"


class Emotion(StrEnum):
    """积极 positive / 中性 neutral / 抵触 resistant."""

    POSITIVE = "POSITIVE"
    NEUTRAL = "NEUTRAL"
    RESISTANT = "RESISTANT"


class LexiconError(ValueError):
    """A lexicon list or word is unknown, malformed or too long; ``field`` names it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


Words = tuple[str, ...]
_EMOTION_LISTS = ("positive", "resistant", "negators")


@dataclass(frozen=True, slots=True)
class Lexicon:
    """An organisation's words: keyword categories, emotion words and negators.

    Validated on construction (LexiconError); stored per organisation as :meth:`to_json` and
    read back, or from an edited copy, with :meth:`from_json`. Matching ignores case and
    full-/half-width differences.
    """

    keywords: tuple[tuple[KeywordCategory, Words], ...]
    positive: Words
    resistant: Words
    negators: Words

    def __post_init__(self) -> None:
        categories = [category for category, _ in self.keywords]
        if sorted(categories) != sorted(KeywordCategory):
            raise LexiconError("keywords", "needs each category exactly once")
        lists = [(f"keywords.{c}", words) for c, words in self.keywords]
        lists += [(name, getattr(self, name)) for name in _EMOTION_LISTS]
        for name, words in lists:
            _check_words(name, words)
        if sum(len(words) for _, words in lists) > MAX_WORDS:
            raise LexiconError("lexicon", f"more than {MAX_WORDS} words in all")
        both = set(map(_normalise, self.positive)) & set(map(_normalise, self.resistant))
        if both:
            raise LexiconError("resistant", f"「{sorted(both)[0]}」 is also a positive word")

    def words(self, category: KeywordCategory) -> Words:
        return dict(self.keywords)[category]

    def to_json(self) -> dict[str, Any]:
        return {
            "keywords": {category.value: list(words) for category, words in self.keywords},
            "positive": list(self.positive),
            "resistant": list(self.resistant),
            "negators": list(self.negators),
        }

    @classmethod
    def from_json(cls, data: Any) -> Lexicon:
        """A lexicon from JSON; words are trimmed and de-duplicated, a list left out keeps the
        default's. Raises LexiconError naming the offending list or word."""
        if not isinstance(data, Mapping):
            raise LexiconError("lexicon", "must be an object")
        unknown = set(data) - {"keywords", *_EMOTION_LISTS}
        if unknown:
            raise LexiconError(str(sorted(unknown)[0]), "unknown list")
        keywords = data.get("keywords", {})
        if not isinstance(keywords, Mapping):
            raise LexiconError("keywords", "must be an object")
        for name in keywords:
            if name not in KeywordCategory.__members__:
                raise LexiconError(f"keywords.{name}", "unknown category")
        default = DEFAULT_LEXICON

        def read(field: str, key: str, source: Mapping[str, Any], fallback: Words) -> Words:
            return _read_words(field, source[key]) if key in source else fallback

        return cls(
            keywords=tuple(
                (c, read(f"keywords.{c}", c.value, keywords, default.words(c)))
                for c in KeywordCategory
            ),
            positive=read("positive", "positive", data, default.positive),
            resistant=read("resistant", "resistant", data, default.resistant),
            negators=read("negators", "negators", data, default.negators),
        )


def _read_words(field: str, raw: Any) -> Words:
    """Words from JSON: a list of valid words, trimmed, first spelling of each kept."""
    if not isinstance(raw, list):
        raise LexiconError(field, "must be a list of words")
    if len(raw) > MAX_WORDS_PER_LIST:
        raise LexiconError(field, f"more than {MAX_WORDS_PER_LIST} words")
    words: dict[str, str] = {}
    for index, word in enumerate(raw):
        if not isinstance(word, str):
            raise LexiconError(f"{field}[{index}]", "must be a string")
        word = word.strip()
        _check_word(f"{field}[{index}]", word)
        words.setdefault(_normalise(word), word)
    return tuple(words.values())


def _check_words(field: str, words: Words) -> None:
    """At most 200 valid words."""
    if not isinstance(words, tuple):
        raise LexiconError(field, "must be a tuple of words")
    if len(words) > MAX_WORDS_PER_LIST:
        raise LexiconError(field, f"more than {MAX_WORDS_PER_LIST} words")
    for index, word in enumerate(words):
        _check_word(f"{field}[{index}]", word)


def _check_word(where: str, word: object) -> None:
    """A word is 1-20 characters without spaces or control characters."""
    if not isinstance(word, str) or not word:
        raise LexiconError(where, "must not be empty")
    if len(word) > MAX_WORD_CHARS:
        raise LexiconError(where, f"longer than {MAX_WORD_CHARS} characters")
    if any(ch.isspace() or not ch.isprintable() for ch in word):
        raise LexiconError(where, "must not contain spaces or control characters")


def _normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


DEFAULT_LEXICON = Lexicon(
    keywords=(
        (
            KeywordCategory.COMPETITOR,
            ("友商", "竞品", "竞争对手", "对手", "别家", "其他厂家", "其他品牌", "同行", "竞对"),
        ),
        (
            KeywordCategory.PRICE_OBJECTION,
            (
                "太贵", "贵了", "价格高", "价格太高", "报价高", "报价太高", "便宜点", "便宜一点",
                "降价", "打折", "折扣", "优惠", "超预算", "性价比低", "成本太高",
            ),
        ),
        (
            KeywordCategory.DECISION_MAKER,
            (
                "老板", "总经理", "老总", "董事长", "负责人", "拍板", "决策人", "领导",
                "采购经理", "总监", "签字", "审批",
            ),
        ),
        (
            KeywordCategory.BUDGET,
            ("预算", "经费", "资金", "费用", "投入", "年度预算", "预算审批"),
        ),
        (
            KeywordCategory.NEXT_STEP,
            (
                "下周", "下次", "明天", "后天", "约", "约个时间", "再约", "演示", "报价",
                "方案", "试用", "合同", "回访", "跟进", "样品", "测试",
            ),
        ),
    ),
    positive=(
        "满意", "认可", "感兴趣", "有兴趣", "兴趣", "喜欢", "不错", "很好", "挺好", "同意",
        "支持", "期待", "愿意", "没问题", "放心", "靠谱", "推荐", "签约", "下单", "信任",
    ),
    resistant=(
        "不需要", "不感兴趣", "不考虑", "再说吧", "以后再说", "没时间", "不合适", "拒绝",
        "算了", "投诉", "没必要", "不靠谱", "失望", "生气", "敷衍", "太麻烦", "别来了",
    ),
    negators=(
        "不", "没", "没有", "别", "不太", "不是", "不算", "并不", "并没有", "不会", "不想", "毫无",
    ),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class TranscriptAnalysis:
    """Keywords found per category (lexicon spelling, first-seen order) and the emotion signal.

    ``emotion_score`` runs from -1 (only resistant words) to 1 (only positive words);
    ``positive_words`` / ``resistant_words`` are the phrases that decided it as they appear in
    the text (a negated positive word such as 不满意 counts as resistant).
    """

    keywords: dict[KeywordCategory, list[str]]
    emotion: Emotion
    emotion_score: float
    positive_words: list[str]
    resistant_words: list[str]

    def to_json(self) -> dict[str, Any]:
        return {
            "keywords": {category.value: words for category, words in self.keywords.items()},
            "emotion": self.emotion.value,
            "emotionScore": self.emotion_score,
            "positiveWords": self.positive_words,
            "resistantWords": self.resistant_words,
        }


_EMOTION_THRESHOLD = 0.2  # |score| above this is positive / resistant
# Degree words that may stand between a negator and the word it negates: 不是很满意, 没那么喜欢.
_DEGREE_WORDS = frozenset(
    {"很", "太", "那么", "这么", "特别", "非常", "十分", "怎么", "是", "都", "也", "还", "太过"}
)
_POSITIVE, _RESISTANT = "+", "-"  # roles of emotion words beside the keyword categories
_NEGATED_AWAY = frozenset({KeywordCategory.PRICE_OBJECTION})  # 不贵 is no price objection


def analyse_transcript(text: str, lexicon: Lexicon = DEFAULT_LEXICON) -> TranscriptAnalysis:
    """Keywords and emotion of a transcript (at most MAX_TRANSCRIPT_CHARS are read).

    The text is cut with a jieba tokenizer that knows the lexicon's words; a word counts where
    it starts and ends on token boundaries (so 老板 is not found in 老板娘), longer words first.
    A positive word right after a negator (degree words may stand between: 不是很满意) or
    glued to one in a single token (不感兴趣) counts as resistant; a negated resistant word
    counts as neither, and a negated price objection (不贵) is none.
    """
    matcher = _matcher(lexicon)
    normal = _normalise(text[:MAX_TRANSCRIPT_CHARS])
    tokens = [t for t in matcher.tokenizer.lcut(normal, HMM=True) if t]
    starts = list(itertools.accumulate((len(t) for t in tokens), initial=0))
    keywords: dict[KeywordCategory, list[str]] = {c: [] for c in KeywordCategory}
    positive: list[str] = []
    resistant: list[str] = []
    for hit in matcher.find(normal, starts):
        negator = hit.negator
        if negator is None:
            negator = _negator_before(hit.start, tokens, starts, matcher.negators)
        roles = matcher.roles[hit.word]
        for role in roles:
            if isinstance(role, KeywordCategory) and (negator is None or role not in _NEGATED_AWAY):
                _add(keywords[role], matcher.spelling[hit.word])
        phrase = normal[hit.start if negator is None else negator : hit.end]
        if _POSITIVE in roles:
            (positive if negator is None else resistant).append(phrase)
        elif _RESISTANT in roles and negator is None:
            resistant.append(phrase)
    score = _emotion_score(len(positive), len(resistant))
    return TranscriptAnalysis(keywords, _emotion(score), score, positive, resistant)


def _add(words: list[str], word: str) -> None:
    if word not in words:
        words.append(word)


def _emotion_score(positive: int, resistant: int) -> float:
    total = positive + resistant
    return round((positive - resistant) / total, 3) if total else 0.0


def _emotion(score: float) -> Emotion:
    if score > _EMOTION_THRESHOLD:
        return Emotion.POSITIVE
    if score < -_EMOTION_THRESHOLD:
        return Emotion.RESISTANT
    return Emotion.NEUTRAL


def _negator_before(
    start: int, tokens: list[str], starts: list[int], negators: frozenset[str]
) -> int | None:
    """Where a negator token before the token at ``start`` begins (degree words may intervene)."""
    index = bisect.bisect_left(starts, start)
    for previous in range(index - 1, max(index - 3, -1), -1):
        token = tokens[previous]
        if token in negators:
            return starts[previous]
        if token not in _DEGREE_WORDS:
            return None
    return None


@dataclass(frozen=True, slots=True)
class _Hit:
    word: str  # normalised lexicon word
    start: int
    end: int
    negator: int | None = None  # where a negator glued to the word in one token starts

    @property
    def first(self) -> int:
        return self.start if self.negator is None else self.negator


@dataclass(frozen=True, slots=True, eq=False)
class _Matcher:
    """A lexicon compiled for matching: normalised words, their roles, its tokenizer."""

    tokenizer: Any  # jieba.Tokenizer
    roles: dict[str, frozenset[KeywordCategory | str]]
    spelling: dict[str, str]  # normalised -> the lexicon's spelling
    negators: frozenset[str]
    longest_first: tuple[str, ...]

    def find(self, text: str, starts: list[int]) -> list[_Hit]:
        """Occurrences on token boundaries, longest words first, never overlapping, in order."""
        boundaries = set(starts)
        taken = bytearray(len(text))
        hits: list[_Hit] = []
        for word in self.longest_first:
            position = text.find(word)
            while position >= 0:
                end = position + len(word)
                hit = self._hit(word, position, end, boundaries, starts, text)
                if hit is not None and not any(taken[hit.first : end]):
                    taken[hit.first : end] = b"\x01" * (end - hit.first)
                    hits.append(hit)
                position = text.find(word, position + 1)
        return sorted(hits, key=lambda hit: hit.start)

    def _hit(
        self, word: str, start: int, end: int, boundaries: set[int], starts: list[int], text: str
    ) -> _Hit | None:
        if end not in boundaries:
            return None
        if start in boundaries:
            return _Hit(word, start, end)
        # Inside a token: count it only as a positive word glued to a negator (不感兴趣).
        token_start = starts[bisect.bisect_right(starts, start) - 1]
        if _POSITIVE in self.roles.get(word, ()) and text[token_start:start] in self.negators:
            return _Hit(word, start, end, negator=token_start)
        return None


@functools.lru_cache(maxsize=64)
def _matcher(lexicon: Lexicon) -> _Matcher:
    roles: dict[str, set[KeywordCategory | str]] = {}
    spelling: dict[str, str] = {}
    lists: list[tuple[KeywordCategory | str, Words]] = [*lexicon.keywords]
    lists += [(_POSITIVE, lexicon.positive), (_RESISTANT, lexicon.resistant)]
    for role, words in lists:
        for word in words:
            roles.setdefault(_normalise(word), set()).add(role)
            spelling.setdefault(_normalise(word), word)
    negators = frozenset(map(_normalise, lexicon.negators))
    return _Matcher(
        tokenizer=_tokenizer(frozenset(roles) | negators),
        roles={word: frozenset(r) for word, r in roles.items()},
        spelling=spelling,
        negators=negators,
        longest_first=tuple(sorted(roles, key=lambda word: (-len(word), word))),
    )


_BASE_LOCK = threading.Lock()
_BASE: list[tuple[dict[str, int], int]] = []


def _base_dictionary() -> tuple[dict[str, int], int]:
    """jieba's default dictionary (word -> frequency, total), loaded once and never changed."""
    with _BASE_LOCK:
        if not _BASE:
            base = jieba.Tokenizer()
            base.initialize()
            _BASE.append((base.FREQ, base.total))
        return _BASE[0]


@functools.lru_cache(maxsize=32)
def _tokenizer(words: frozenset[str]) -> Any:
    """A private jieba tokenizer knowing ``words`` on top of the default dictionary.

    The default dictionary is shared read-only under a ChainMap whose first map takes this
    tokenizer's additions: neither jieba's global tokenizer nor another organisation's sees them.
    """
    frequencies, total = _base_dictionary()
    tokenizer = jieba.Tokenizer()
    tokenizer.FREQ = collections.ChainMap({}, frequencies)
    tokenizer.total = total
    tokenizer.initialized = True
    for word in sorted(words):
        tokenizer.add_word(word)
    return tokenizer
