"""Voice checks on audio made here: synthetic speech, tones, noise, encoded with PyAV.

No real speech recording ships with the repository. The speech-like signal is a glottal-pulse
harmonic series whose pitch moves (100-250 Hz, Mandarin-like tone contours) through moving
formant resonances, in syllables at 3-6 per second with consonant noise bursts and pauses
between phrases. When espeak-ng (or espeak) is installed, tests also use its real synthesised
Mandarin; they are skipped otherwise.
"""

from __future__ import annotations

import functools
import io
import random
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime
from fractions import Fraction
from pathlib import Path

import av
import jieba
import numpy as np
import numpy.typing as npt
import pytest
from PIL import Image

from verification.findings import Finding, FindingCode, Severity
from verification.policy import VerificationPolicy
from verification.voice import (
    DEFAULT_LEXICON,
    INDEX_KEYS,
    MAX_TRANSCRIPT_CHARS,
    SAMPLE_RATE,
    Audio,
    Emotion,
    Fingerprint,
    KeywordCategory,
    Lexicon,
    LexiconError,
    NoRecognizer,
    SpeechRecognizer,
    VoiceDecodeError,
    analyse_transcript,
    analyse_voice,
    check_voice,
    compare,
    decode,
    duplicate_finding,
    fingerprint,
    index_keys,
    is_duplicate,
    speech_ratio,
)

Wave = npt.NDArray[np.float64]
POLICY = VerificationPolicy()
CD_RATE = 44_100

# -- audio made in the tests --------------------------------------------------------------------

_VOWELS = (
    (730, 1090, 2440),  # a
    (270, 2290, 3010),  # i
    (300, 870, 2240),  # u
    (530, 1840, 2480),  # e
    (570, 840, 2410),  # o
    (490, 1350, 1690),  # er
)
_BANDWIDTHS = np.array([90.0, 110.0, 170.0])
_CONTROL = 32  # samples per step of the pitch, formant and loudness tracks


@functools.cache
def speech_like(
    seconds: float, *, seed: int, rate: int = SAMPLE_RATE, pitch: tuple[float, float] = (100, 250)
) -> Wave:
    """Speech-like audio: harmonics of a moving pitch shaped by moving formants, in syllables."""
    rng = np.random.default_rng(seed)
    steps = int(seconds * rate) // _CONTROL + 1
    step_s = _CONTROL / rate
    f0, loud, hiss = np.zeros(steps), np.zeros(steps), np.zeros(steps)
    formants = np.zeros((steps, 3))
    pos = int(rng.uniform(0.1, 0.3) / step_s)
    while pos < steps:
        for _ in range(int(rng.integers(3, 9))):  # a phrase of 3-8 syllables, 3-6 per second
            m = min(steps - pos, int(rng.uniform(1 / 6, 1 / 3) / step_s))
            if m <= 0:
                break
            t = np.linspace(0.0, 1.0, m)
            tones = (np.zeros(m), 0.4 * t - 0.2, 0.25 * (2 * t - 1) ** 2 - 0.15, 0.2 - 0.45 * t)
            contour = rng.uniform(*pitch) * (1 + tones[rng.integers(4)])
            f0[pos : pos + m] = np.clip(contour, pitch[0] * 0.8, pitch[1] * 1.2)
            start = np.array(_VOWELS[rng.integers(len(_VOWELS))])
            end = np.array(_VOWELS[rng.integers(len(_VOWELS))])
            formants[pos : pos + m] = start + np.outer(t, end - start)
            onset = min(m, max(1, int(rng.uniform(0.03, 0.07) / step_s)))
            rise = np.clip((t * m - onset) / max(m - onset, 1), 0, 1)
            loud[pos : pos + m] = np.sin(np.pi * rise) ** 0.6 * rng.uniform(0.5, 1.0)
            if rng.random() < 0.6:  # a consonant: a burst of noise before the vowel
                hiss[pos : pos + onset] = np.hanning(onset) * rng.uniform(0.1, 0.3)
            pos += m
        pos += int(rng.uniform(0.2, 0.7) / step_s)  # a pause between phrases
    n = int(seconds * rate)

    def track(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
        return np.repeat(values, _CONTROL, axis=0)[:n]

    phase = 2 * np.pi * np.cumsum(track(f0)) / rate
    out = np.zeros(n)
    for k in range(1, 40):
        fk = k * f0[:, None]
        gain = (1.0 / np.sqrt(1.0 + ((fk - formants) / _BANDWIDTHS) ** 2) / (1, 2, 3)).sum(axis=1)
        gain *= (k * f0 < 0.45 * rate) / k**0.7  # glottal roll-off, nothing above Nyquist
        out += track(gain * loud) * np.sin(k * phase)
    out += np.diff(rng.standard_normal(n), prepend=0.0) * track(hiss) * 3
    out *= 0.5 / np.max(np.abs(out))
    return out + rng.standard_normal(n) * 1e-3  # a -60 dBFS microphone floor


def seconds_of(seconds: float, rate: int = SAMPLE_RATE) -> npt.NDArray[np.float64]:
    return np.arange(int(seconds * rate)) / rate


def tone(seconds: float, hz: float = 440.0) -> Wave:
    return 0.5 * np.sin(2 * np.pi * hz * seconds_of(seconds))


def sweep(seconds: float, low: float = 200.0, high: float = 3000.0) -> Wave:
    t = seconds_of(seconds)
    hz = low * (high / low) ** (t / seconds)
    return 0.5 * np.sin(2 * np.pi * np.cumsum(hz) / SAMPLE_RATE)


def white_noise(seconds: float) -> Wave:
    return 0.2 * np.random.default_rng(1).standard_normal(int(seconds * SAMPLE_RATE))


def pink_noise(seconds: float) -> Wave:
    n = int(seconds * SAMPLE_RATE)
    spectrum = np.fft.rfft(np.random.default_rng(2).standard_normal(n))
    spectrum /= np.sqrt(np.maximum(np.arange(spectrum.size), 1))
    x = np.fft.irfft(spectrum, n)
    return np.asarray(0.3 * x / np.max(np.abs(x)), dtype=np.float64)


def mains_hum(seconds: float) -> Wave:
    t = seconds_of(seconds)
    return sum((0.3 / k * np.sin(2 * np.pi * 50 * k * t) for k in range(1, 12)), np.zeros(t.size))


def buzzer(seconds: float) -> Wave:
    """A 180 Hz sawtooth switched at a syllable-like 4 Hz: periodic, harmonic, but one pitch."""
    t = seconds_of(seconds)
    return 0.3 * ((t * 180.0) % 1.0 - 0.5) * (0.55 + 0.45 * np.sin(2 * np.pi * 4 * t))


def pcm(wave: Wave) -> Audio:
    return Audio((np.clip(wave, -1, 1) * 32767).astype(np.int16))


_FORMATS = {  # kind -> (muxer, encoder)
    "mp3": ("mp3", "libmp3lame"),
    "aac": ("adts", "aac"),
    "m4a": ("ipod", "aac"),
    "wav": ("wav", "pcm_s16le"),
}


def has_encoder(name: str) -> bool:
    try:
        av.codec.Codec(name, "w")
    except av.codec.codec.UnknownCodecError:
        return False
    return True


def needs(*kinds: str) -> pytest.MarkDecorator:
    missing = [_FORMATS[k][1] for k in kinds if not has_encoder(_FORMATS[k][1])]
    return pytest.mark.skipif(bool(missing), reason=f"this PyAV build lacks {missing}")


def encode(
    wave: Wave,
    kind: str,
    *,
    rate: int = SAMPLE_RATE,
    bit_rate: int | None = None,
    stereo: bool = False,
    options: dict[str, str] | None = None,
    path: Path | None = None,
) -> bytes:
    """``wave`` (-1..1 floats at ``rate``) encoded as mp3 / aac (ADTS) / m4a / wav."""
    muxer, codec = _FORMATS[kind]
    target: Path | io.BytesIO = path if path is not None else io.BytesIO()
    layout = "stereo" if stereo else "mono"
    with av.open(target, "w", format=muxer, options=options or {}) as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
        assert isinstance(stream, av.AudioStream)
        if bit_rate:
            stream.bit_rate = bit_rate
        chunk = stream.codec_context.frame_size or 1024
        for start in range(0, wave.size, chunk):
            _mux(container, stream, np.clip(wave[start : start + chunk], -1, 1), start, stereo)
        for packet in stream.encode(None):
            container.mux(packet)
    return target.getvalue() if isinstance(target, io.BytesIO) else target.read_bytes()


def _mux(
    container: av.container.OutputContainer,
    stream: av.AudioStream,
    chunk: Wave,
    start: int,
    stereo: bool,
) -> None:
    fmt = stream.codec_context.format.name
    channels = np.stack([chunk, chunk]) if stereo else chunk.reshape(1, -1)
    layout = "stereo" if stereo else "mono"
    if fmt == "s16":  # packed: samples interleaved in one row
        packed = (channels.T.reshape(1, -1) * 32767).astype(np.int16)
        frame = av.AudioFrame.from_ndarray(packed, format=fmt, layout=layout)
    elif fmt == "s16p":
        frame = av.AudioFrame.from_ndarray((channels * 32767).astype(np.int16), fmt, layout)
    elif fmt == "s32p":
        frame = av.AudioFrame.from_ndarray((channels * (2**31 - 1)).astype(np.int32), fmt, layout)
    elif fmt == "fltp":
        frame = av.AudioFrame.from_ndarray(channels.astype(np.float32), fmt, layout)
    else:
        raise AssertionError(f"no conversion to {fmt}")
    frame.sample_rate = stream.codec_context.sample_rate
    frame.pts = start
    frame.time_base = Fraction(1, frame.sample_rate)
    for packet in stream.encode(frame):
        container.mux(packet)


@functools.cache
def recording(kind: str, seconds: float = 12.0, seed: int = 1) -> bytes:
    return encode(speech_like(seconds, seed=seed), kind)


def video_mp4(*, with_audio: bool) -> bytes:
    buffer = io.BytesIO()
    with av.open(buffer, "w", format="mp4") as container:
        video = container.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 32, 32, "yuv420p"
        sound = container.add_stream("aac", rate=SAMPLE_RATE, layout="mono") if with_audio else None
        for i in range(10):
            image = np.full((32, 32, 3), i * 20, dtype=np.uint8)
            picture = av.VideoFrame.from_ndarray(image, format="rgb24")
            picture.pts = i
            for packet in video.encode(picture):
                container.mux(packet)
        if isinstance(sound, av.AudioStream):
            _mux(container, sound, tone(0.064)[:1024], 0, False)
            for packet in sound.encode(None):
                container.mux(packet)
        for packet in video.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def other_codec(muxer: str, codec: str) -> bytes:
    """One second of tone in another container or codec (FLAC, Opus, ADPCM in WAV)."""
    buffer = io.BytesIO()
    with av.open(buffer, "w", format=muxer) as container:
        stream = container.add_stream(codec, rate=48000 if codec == "libopus" else SAMPLE_RATE)
        assert isinstance(stream, av.AudioStream)
        chunk = stream.codec_context.frame_size or 1024
        wave = np.sin(np.arange(48000) / 10.0) * 0.3
        for start in range(0, wave.size - chunk, chunk):
            _mux(container, stream, wave[start : start + chunk], start, False)
        for packet in stream.encode(None):
            container.mux(packet)
    return buffer.getvalue()


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buffer, "PNG")
    return buffer.getvalue()


# -- decoding -----------------------------------------------------------------------------------


@needs("mp3", "aac", "m4a", "wav")
@pytest.mark.parametrize("kind", ["mp3", "aac", "m4a", "wav"])
def test_decodes_each_recorder_format_to_16k_mono(kind: str) -> None:
    audio = decode(recording(kind), max_seconds=60)
    assert audio.sample_rate == SAMPLE_RATE
    assert audio.samples.dtype == np.int16 and audio.samples.ndim == 1
    assert audio.duration_s == pytest.approx(12.0, abs=0.15)  # encoder priming and padding


@needs("mp3", "m4a")
@pytest.mark.parametrize("kind", ["mp3", "m4a"])
def test_resamples_and_downmixes_44k_stereo(kind: str) -> None:
    wave = speech_like(5, seed=3, rate=CD_RATE)
    stereo = decode(encode(wave, kind, rate=CD_RATE, stereo=True), max_seconds=60).samples
    mono = decode(encode(wave, kind, rate=CD_RATE), max_seconds=60).samples
    assert stereo.size / SAMPLE_RATE == pytest.approx(5.0, abs=0.15)
    assert stereo.size == mono.size
    assert np.corrcoef(stereo, mono)[0, 1] > 0.95  # the same signal, whatever the downmix gain
    assert np.std(stereo) > 0.5 * np.std(mono)


@needs("wav")
def test_refuses_more_than_max_seconds() -> None:
    with pytest.raises(VoiceDecodeError, match="longer than"):
        decode(recording("wav"), max_seconds=5)


@needs("mp3", "aac", "m4a", "wav")
@pytest.mark.parametrize("kind", ["mp3", "aac", "m4a", "wav"])
@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_refuses_truncated_recordings(kind: str, keep: float) -> None:
    data = recording(kind)
    with pytest.raises(VoiceDecodeError):
        decode(data[: int(len(data) * keep)], max_seconds=60)


@needs("m4a")
def test_refuses_truncated_m4a_with_index_in_front(tmp_path: Path) -> None:
    path = tmp_path / "faststart.m4a"
    data = encode(speech_like(12, seed=1), "m4a", options={"movflags": "faststart"}, path=path)
    assert data[:64].find(b"moov") > 0  # the sample index precedes the audio
    decode(data, max_seconds=60)
    with pytest.raises(VoiceDecodeError, match="truncated"):
        decode(data[: len(data) // 2], max_seconds=60)


def _garbage() -> dict[str, bytes]:
    noise = random.Random(5).randbytes(6000)
    return {
        "empty": b"",
        "random bytes": noise,
        "mp3 frame sync then garbage": b"\xff\xfb\x90\x64" + noise,
        "adts sync then garbage": b"\xff\xf1\x50\x80" + noise,
        "RIFF WAVE header then garbage": b"RIFF\x00\x10\x00\x00WAVE" + noise,
        "ftyp M4A then garbage": b"\x00\x00\x00\x18ftypM4A \x00\x00\x00\x00isom" + noise,
        "ID3 tag then nothing": b"ID3\x03\x00\x00\x00\x00\x00\x05abcde",
        "text": "今天拜访了客户".encode() * 100,
    }


@pytest.mark.parametrize("name", list(_garbage()))
def test_refuses_garbage(name: str) -> None:
    with pytest.raises(VoiceDecodeError):
        decode(_garbage()[name], max_seconds=60)


@pytest.mark.parametrize("with_audio", [True, False])
def test_refuses_video(with_audio: bool) -> None:
    with pytest.raises(VoiceDecodeError):
        decode(video_mp4(with_audio=with_audio), max_seconds=60)


@pytest.mark.parametrize(
    ("muxer", "codec"), [("flac", "flac"), ("ogg", "libopus"), ("wav", "adpcm_ms")]
)
def test_refuses_other_audio_types(muxer: str, codec: str) -> None:
    if not has_encoder(codec):
        pytest.skip(f"this PyAV build lacks {codec}")
    with pytest.raises(VoiceDecodeError):
        decode(other_codec(muxer, codec), max_seconds=60)


def test_refuses_an_image() -> None:
    with pytest.raises(VoiceDecodeError, match="not an mp3"):
        decode(png(), max_seconds=60)


@needs("aac")
def test_refuses_a_stream_that_switches_channels() -> None:
    """A damaged ADTS header turning mono into stereo mid-stream (PyAV's FIFO would overrun)."""
    data = bytearray(recording("aac"))
    frames, pos = [], 0
    while pos + 7 <= len(data) and data[pos] == 0xFF:
        frames.append(pos)
        pos += ((data[pos + 3] & 3) << 11) | (data[pos + 4] << 3) | (data[pos + 5] >> 5)
    middle = frames[len(frames) // 2]
    data[middle + 3] = (data[middle + 3] & 0x3F) | (2 << 6)  # channel configuration 1 -> 2
    with pytest.raises(VoiceDecodeError, match="mid-stream"):
        decode(bytes(data), max_seconds=60)


@needs("mp3", "aac", "m4a", "wav")
def test_damaged_recordings_decode_or_raise_voice_decode_error() -> None:
    """Random damage anywhere: the decoder either copes or raises VoiceDecodeError, never else."""
    rng = random.Random(7)
    sources = [recording(kind, 4.0) for kind in ("mp3", "aac", "m4a", "wav")]
    for _ in range(200):
        data = bytearray(rng.choice(sources))
        for _ in range(rng.randint(1, 12)):
            data[rng.randrange(min(len(data), rng.choice([64, 4096, len(data)])))] = rng.randrange(
                256
            )
        if rng.random() < 0.3:
            cut = rng.randrange(len(data))
            del data[cut : cut + rng.randint(1, 2000)]
        try:
            analysis = analyse_voice(bytes(data), max_seconds=10)
        except VoiceDecodeError:
            continue
        assert 0.0 <= analysis.speech_ratio <= 1.0


@needs("wav")
@pytest.mark.parametrize("samples", [1, 479, 1023, 3000])
def test_very_short_recordings(samples: int) -> None:
    data = encode(speech_like(1, seed=1)[:samples], "wav")
    analysis = analyse_voice(data, max_seconds=60)
    assert analysis.speech_ratio == 0.0
    assert analysis.fingerprint.values.size == 0
    findings = check_voice(analysis, transcript="好", policy=POLICY, evidence="voice:1")
    assert _codes(findings) == [
        (FindingCode.VOICE_TOO_SHORT, Severity.WARN),
        (FindingCode.VOICE_NO_SPEECH, Severity.FAIL),
    ]


# -- voice activity -----------------------------------------------------------------------------

NOT_SPEECH = {
    "digital silence": lambda s: np.zeros(int(s * SAMPLE_RATE)),
    "microphone hiss": lambda s: (
        np.random.default_rng(3).standard_normal(int(s * SAMPLE_RATE)) * 1e-4
    ),
    "440 Hz tone": tone,
    "150 Hz tone": lambda s: tone(s, 150.0),
    "tone sweep": sweep,
    "beeping tone": lambda s: tone(s, 300.0) * (np.sin(2 * np.pi * 2 * seconds_of(s)) > 0),
    "white noise": white_noise,
    "pink noise": pink_noise,
    "noise bursts": lambda s: white_noise(s) * (np.sin(2 * np.pi * 3 * seconds_of(s)) > 0.3),
    "mains hum": mains_hum,
    "buzzer": buzzer,
}


@pytest.mark.parametrize("name", list(NOT_SPEECH))
def test_no_speech_in_silence_tones_noise_and_hum(name: str) -> None:
    ratio = speech_ratio(pcm(NOT_SPEECH[name](12.0)))
    assert ratio < 0.05, ratio


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("pitch", [(85.0, 140.0), (100.0, 250.0), (160.0, 300.0)])
def test_speech_like_audio_is_speech(seed: int, pitch: tuple[float, float]) -> None:
    ratio = speech_ratio(pcm(speech_like(12, seed=seed, pitch=pitch)))
    assert ratio > 0.6, ratio


def test_quiet_and_noisy_speech_is_still_speech() -> None:
    speech = speech_like(12, seed=4)
    assert speech_ratio(pcm(speech * 0.05)) > POLICY.voice_min_speech_ratio  # peaks at -32 dBFS
    noisy = speech + 0.1 * pink_noise(12)
    assert speech_ratio(pcm(noisy)) > POLICY.voice_min_speech_ratio


@needs("mp3")
def test_speech_survives_a_low_bitrate_encoding() -> None:
    data = encode(speech_like(12, seed=5), "mp3", bit_rate=32000)
    assert analyse_voice(data, max_seconds=60).speech_ratio > 0.6


ESPEAK = shutil.which("espeak-ng") or shutil.which("espeak")
SENTENCES = (
    "今天拜访了王总，他觉得价格有点高，下周我们约个时间给老板做演示，预算大概五十万。",
    "客户对我们的方案很满意，希望尽快安排试用，然后讨论合同细节和交付时间。",
)


@functools.cache
def spoken(sentence: str) -> bytes:
    """A WAV of espeak's Mandarin (formant-synthesised, but real phonetics and prosody)."""
    assert ESPEAK is not None
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "spoken.wav"  # a file, not stdout: stdout's WAV has no length
        command = [ESPEAK, "-v", "cmn", "-w", str(path), sentence]
        subprocess.run(command, check=True, timeout=60, capture_output=True)  # noqa: S603
        return path.read_bytes()


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng / espeak is not installed")
@pytest.mark.parametrize("sentence", SENTENCES)
def test_synthesised_mandarin_is_speech(sentence: str) -> None:
    analysis = analyse_voice(spoken(sentence), max_seconds=60)
    assert analysis.speech_ratio > POLICY.voice_min_speech_ratio


# -- findings -----------------------------------------------------------------------------------


def _codes(findings: list[Finding]) -> list[tuple[FindingCode, Severity]]:
    return [(f.code, f.severity) for f in findings]


@needs("mp3")
def test_a_good_recording_with_a_transcript_has_no_findings() -> None:
    analysis = analyse_voice(recording("mp3"), max_seconds=300)
    findings = check_voice(analysis, transcript="客户很满意", policy=POLICY, evidence="voice:1")
    assert findings == []


@needs("wav")
def test_short_long_silent_and_untranscribed_recordings() -> None:
    silent = analyse_voice(encode(np.zeros(5 * SAMPLE_RATE), "wav"), max_seconds=300)
    findings = check_voice(silent, transcript=" ", policy=POLICY, evidence="voice:1")
    assert _codes(findings) == [
        (FindingCode.VOICE_TOO_SHORT, Severity.WARN),
        (FindingCode.VOICE_NO_SPEECH, Severity.FAIL),
        (FindingCode.VOICE_NO_TRANSCRIPT, Severity.INFO),
    ]
    assert findings[0].params == {"duration_s": 5.0, "limit_s": 10}
    assert findings[1].params == {"speech_pct": 0}
    assert findings[0].evidence == "voice:1"
    assert findings[0].message("en") == "The recording lasts 5.0 s, shorter than 10 s."
    assert findings[1].message() == "录音中语音占比 0%，几乎没有人声。"

    strict = VerificationPolicy.from_overrides({"voice_max_s": 11})
    long = analyse_voice(recording("wav"), max_seconds=300)
    findings = check_voice(long, transcript=None, policy=strict, evidence="voice:2")
    assert _codes(findings) == [
        (FindingCode.VOICE_TOO_LONG, Severity.WARN),
        (FindingCode.VOICE_NO_TRANSCRIPT, Severity.INFO),
    ]
    assert findings[0].params == {"duration_s": 12.0, "limit_s": 11}


def test_duplicate_finding() -> None:
    at = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)
    finding = duplicate_finding(previous_code="V-1024", previous_at=at, evidence="voice:9")
    assert (finding.code, finding.severity) == (FindingCode.VOICE_DUPLICATE, Severity.FAIL)
    assert finding.params == {"previous_code": "V-1024", "previous_at": "2025-03-04T09:30:00+00:00"}
    assert "V-1024" in finding.message("en")
    with pytest.raises(ValueError, match="timezone-aware"):
        duplicate_finding(previous_code="V-1", previous_at=datetime(2025, 3, 4), evidence="voice:9")


def test_no_recognizer_is_a_speech_recognizer() -> None:
    recognizer: SpeechRecognizer = NoRecognizer()
    assert recognizer.transcribe(pcm(speech_like(2, seed=1))) is None


# -- fingerprint --------------------------------------------------------------------------------


def _fp(data: bytes) -> Fingerprint:
    return analyse_voice(data, max_seconds=300).fingerprint


@functools.cache
def original() -> Fingerprint:
    """The reference recording: 20 s of speech at 44.1 kHz, losslessly stored."""
    return _fp(encode(speech_like(20, seed=11, rate=CD_RATE), "wav", rate=CD_RATE))


def _copies() -> dict[str, tuple[tuple[str, ...], Callable[[Wave], bytes]]]:
    """Name -> (formats needed, how to make the copy from the 44.1 kHz wave)."""
    return {
        "mp3 128k": (("mp3",), lambda x: encode(x, "mp3", rate=CD_RATE, bit_rate=128000)),
        "mp3 128k -> 64k at 16 kHz": (("mp3",), _mp3_128_then_64),
        "wav -> aac": (("aac",), lambda x: encode(x, "aac", rate=CD_RATE, bit_rate=48000)),
        "wav -> m4a 24k": (("m4a",), lambda x: encode(x, "m4a", rate=CD_RATE, bit_rate=24000)),
        "resampled to 16 kHz": (("wav",), lambda x: encode(_to_16k(x), "wav")),
        "10 dB quieter": (("mp3",), lambda x: encode(x * 0.316, "mp3", rate=CD_RATE)),
        "6 dB louder": (("m4a",), lambda x: encode(x * 2.0, "m4a", rate=CD_RATE)),
        "0.8 s of silence in front": (("mp3",), _lead_in),
        "first second cut": (("aac",), lambda x: encode(x[CD_RATE:], "aac", rate=CD_RATE)),
    }


def _to_16k(x: Wave) -> Wave:
    return decode(encode(x, "wav", rate=CD_RATE), max_seconds=300).samples / 32768.0


def _mp3_128_then_64(x: Wave) -> bytes:
    first = decode(encode(x, "mp3", rate=CD_RATE, bit_rate=128000), max_seconds=300)
    return encode(first.samples / 32768.0, "mp3", bit_rate=64000)


def _lead_in(x: Wave) -> bytes:
    return encode(np.concatenate([np.zeros(int(0.8 * CD_RATE)), x]), "mp3", rate=CD_RATE)


@pytest.mark.parametrize("name", list(_copies()))
def test_a_re_encoded_copy_is_a_duplicate(name: str) -> None:
    kinds, make = _copies()[name]
    if not all(has_encoder(_FORMATS[k][1]) for k in kinds):
        pytest.skip(f"this PyAV build cannot encode {kinds}")
    copy = _fp(make(speech_like(20, seed=11, rate=CD_RATE)))
    ber = compare(original(), copy)
    assert ber < 0.15, ber  # measured 0.01-0.10; the policy's limit is 0.35
    assert compare(copy, original()) == pytest.approx(ber)
    assert is_duplicate(original(), copy, POLICY)
    shared = set(index_keys(original())) & set(index_keys(copy))
    assert len(shared) >= 5, shared


@needs("mp3")
def test_different_recordings_are_not_duplicates() -> None:
    others = [
        _fp(encode(speech_like(20, seed=seed, rate=CD_RATE, pitch=pitch), "mp3", rate=CD_RATE))
        for seed, pitch in [(12, (100.0, 250.0)), (13, (100.0, 250.0)), (14, (160.0, 300.0))]
    ]
    copy = _fp(encode(speech_like(20, seed=11, rate=CD_RATE), "mp3", rate=CD_RATE))
    copy_keys = set(index_keys(original())) & set(index_keys(copy))
    for other in [*others, _fp(encode(speech_like(20, seed=11, pitch=(85, 140)), "mp3"))]:
        ber = compare(original(), other)
        assert ber > 0.4, ber  # measured 0.46-0.49
        assert not is_duplicate(original(), other, POLICY)
        shared = set(index_keys(original())) & set(index_keys(other))
        assert len(shared) < len(copy_keys) // 2


@needs("m4a")
def test_an_excerpt_from_the_middle_is_a_duplicate() -> None:
    wave = speech_like(40, seed=21)
    whole = _fp(encode(wave, "wav"))
    excerpt = _fp(encode(wave[15 * SAMPLE_RATE : 30 * SAMPLE_RATE], "m4a", bit_rate=32000))
    assert compare(whole, excerpt) < 0.15
    assert compare(excerpt, whole) < 0.15


def test_silence_is_no_ones_duplicate() -> None:
    quiet = fingerprint(pcm(np.zeros(12 * SAMPLE_RATE)))
    assert not quiet.values.any()
    assert compare(quiet, quiet) == 0.5
    assert index_keys(quiet) == []


@needs("mp3")
def test_the_policy_sets_the_limit() -> None:
    copy = _fp(encode(speech_like(20, seed=11, rate=CD_RATE), "mp3", rate=CD_RATE, bit_rate=32000))
    strict = VerificationPolicy.from_overrides({"voice_duplicate_similarity": 0.001})
    assert is_duplicate(original(), copy, POLICY)
    assert not is_duplicate(original(), copy, strict)


@pytest.mark.skipif(ESPEAK is None, reason="espeak-ng / espeak is not installed")
@needs("mp3")
def test_synthesised_mandarin_duplicates() -> None:
    first, second = (_fp(spoken(sentence)) for sentence in SENTENCES)
    again = decode(spoken(SENTENCES[0]), max_seconds=60)
    copy = _fp(encode(again.samples / 32768.0 * 0.5, "mp3", bit_rate=32000))
    assert compare(first, copy) < 0.15
    assert compare(first, second) > 0.4


def test_fingerprint_serialisation() -> None:
    fp = original()
    data = fp.to_bytes()
    assert len(data) == 4 + 4 * fp.values.size  # 4 bytes per 11 ms hop
    assert fp.duration_s == pytest.approx(20.0, abs=0.5)  # less the smoothing's edges
    back = Fingerprint.from_bytes(data)
    assert back.values.dtype == np.uint32
    assert np.array_equal(back.values, fp.values)
    assert compare(back, fp) == 0.0
    assert index_keys(back) == index_keys(fp)
    for bad in [b"", b"LHF1\x00\x01", b"XXXX" + data[4:]]:
        with pytest.raises(ValueError, match="fingerprint"):
            Fingerprint.from_bytes(bad)


def test_index_keys_fit_a_bigint_column() -> None:
    keys = index_keys(original())
    assert len(keys) == INDEX_KEYS
    assert keys == sorted(set(keys))
    assert all(0 <= key < 2**32 for key in keys)


# -- transcripts --------------------------------------------------------------------------------

REPORT = (
    "今天拜访了王总，他说价格高了点，友商报价更低。他们老板下周拍板，年度预算五十万。"
    "我们约了下周二做演示，客户对方案很满意。"
)


def test_keywords_per_category() -> None:
    found = analyse_transcript(REPORT).keywords
    assert found == {
        KeywordCategory.COMPETITOR: ["友商"],
        KeywordCategory.PRICE_OBJECTION: ["价格高"],
        KeywordCategory.DECISION_MAKER: ["老板", "拍板"],
        KeywordCategory.BUDGET: ["年度预算"],
        KeywordCategory.NEXT_STEP: ["报价", "下周", "约", "演示", "方案"],
    }


def test_punctuation_spaces_and_emoji_between_words() -> None:
    text = "客户 说：\n\t“价格高”😀 但是 OK,老板 下周 拍板  ① ＡＢＣ 50%预算"
    found = analyse_transcript(text).keywords
    assert found[KeywordCategory.PRICE_OBJECTION] == ["价格高"]
    assert found[KeywordCategory.DECISION_MAKER] == ["老板", "拍板"]
    assert found[KeywordCategory.BUDGET] == ["预算"]


def test_words_jieba_would_split_are_found() -> None:
    assert jieba.Tokenizer().lcut("价格高了点")[:2] == ["价格", "高"]
    found = analyse_transcript("价格高了点").keywords
    assert found[KeywordCategory.PRICE_OBJECTION] == ["价格高"]


def test_words_inside_other_words_are_not_found() -> None:
    found = analyse_transcript(
        "老板娘说大约三点到"
    ).keywords  # 老板娘: the boss's wife; 大约: about
    assert found[KeywordCategory.DECISION_MAKER] == []
    assert found[KeywordCategory.NEXT_STEP] == []


@pytest.mark.parametrize(
    ("text", "emotion", "positive", "resistant"),
    [
        ("客户非常认可，很期待合作", Emotion.POSITIVE, ["认可", "期待"], []),
        ("客户说不需要，以后再说", Emotion.RESISTANT, [], ["不需要", "以后再说"]),
        ("客户听完介绍，说回去商量", Emotion.NEUTRAL, [], []),
        ("对方案不满意", Emotion.RESISTANT, [], ["不满意"]),
        ("不是很满意，没那么喜欢", Emotion.RESISTANT, [], ["不是很满意", "没那么喜欢"]),
        ("对我们的产品不感兴趣", Emotion.RESISTANT, [], ["不感兴趣"]),
        ("客户没兴趣", Emotion.RESISTANT, [], ["没兴趣"]),
        ("并不认可", Emotion.RESISTANT, [], ["并不认可"]),
        ("效果不错，没问题", Emotion.POSITIVE, ["不错", "没问题"], []),
        ("满意，但觉得太麻烦", Emotion.NEUTRAL, ["满意"], ["太麻烦"]),
        ("不拒绝", Emotion.NEUTRAL, [], []),
    ],
)
def test_emotion_and_negation(
    text: str, emotion: Emotion, positive: list[str], resistant: list[str]
) -> None:
    result = analyse_transcript(text)
    assert (result.emotion, result.positive_words, result.resistant_words) == (
        emotion,
        positive,
        resistant,
    )
    assert -1.0 <= result.emotion_score <= 1.0


def test_a_negated_price_objection_is_none() -> None:
    assert (
        analyse_transcript("价格不贵，也不算太贵").keywords[KeywordCategory.PRICE_OBJECTION] == []
    )
    assert analyse_transcript("真的太贵了").keywords[KeywordCategory.PRICE_OBJECTION] == ["太贵"]


def test_case_and_width_do_not_matter() -> None:
    lexicon = Lexicon.from_json({"keywords": {"COMPETITOR": ["Salesforce", "ＳＡＰ"]}})
    found = analyse_transcript("客户在用SAP，也看了salesforce", lexicon).keywords
    assert found[KeywordCategory.COMPETITOR] == ["ＳＡＰ", "Salesforce"]


def test_transcript_length_is_capped() -> None:
    filler = "嗯" * (MAX_TRANSCRIPT_CHARS - 2)
    assert analyse_transcript(filler + "老板").keywords[KeywordCategory.DECISION_MAKER] == ["老板"]
    assert analyse_transcript(filler + "。老板").keywords[KeywordCategory.DECISION_MAKER] == []


def test_analysis_as_json() -> None:
    data = analyse_transcript("客户很满意，老板下周拍板").to_json()
    assert data["emotion"] == "POSITIVE" and data["emotionScore"] == 1.0
    assert data["keywords"]["DECISION_MAKER"] == ["老板", "拍板"]
    assert data["positiveWords"] == ["满意"] and data["resistantWords"] == []


# -- lexicons -----------------------------------------------------------------------------------


def test_lexicon_json_round_trip_and_defaults() -> None:
    assert Lexicon.from_json(DEFAULT_LEXICON.to_json()) == DEFAULT_LEXICON
    assert Lexicon.from_json({}) == DEFAULT_LEXICON
    edited = Lexicon.from_json(
        {"keywords": {"COMPETITOR": [" 蓝鲸科技 ", "蓝鲸科技", "白鲨"]}, "negators": []}
    )
    assert edited.words(KeywordCategory.COMPETITOR) == ("蓝鲸科技", "白鲨")
    assert edited.negators == ()
    assert edited.positive == DEFAULT_LEXICON.positive
    assert edited.words(KeywordCategory.BUDGET) == DEFAULT_LEXICON.words(KeywordCategory.BUDGET)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ([], "lexicon"),
        ({"emotions": []}, "emotions"),
        ({"keywords": []}, "keywords"),
        ({"keywords": {"WEATHER": []}}, "keywords.WEATHER"),
        ({"positive": "满意"}, "positive"),
        ({"positive": ["满意", 3]}, "positive[1]"),
        ({"positive": ["满意", "  "]}, "positive[1]"),
        ({"resistant": ["一" * 21]}, "resistant[0]"),
        ({"negators": ["不 是"]}, "negators[0]"),
        ({"negators": ["不\x00是"]}, "negators[0]"),
        ({"keywords": {"BUDGET": [f"词{i}" for i in range(201)]}}, "keywords.BUDGET"),
        (
            {"keywords": {c.value: [f"{c.value}{i}" for i in range(199)] for c in KeywordCategory}},
            "lexicon",
        ),
        ({"resistant": ["满意"]}, "resistant"),
    ],
)
def test_lexicon_validation(data: object, field: str) -> None:
    with pytest.raises(LexiconError) as caught:
        Lexicon.from_json(data)
    assert caught.value.field == field


def test_a_lexicon_built_in_code_is_validated_too() -> None:
    with pytest.raises(LexiconError, match="each category"):
        Lexicon(keywords=(), positive=(), resistant=(), negators=())
    keywords = DEFAULT_LEXICON.keywords
    with pytest.raises(LexiconError, match="empty"):
        Lexicon(keywords=keywords, positive=("",), resistant=(), negators=())


def test_organisations_lexicons_do_not_leak_into_each_other() -> None:
    """老板电器 is a kitchen-appliance brand: a competitor for one organisation, while another
    organisation's reps saying 老板 mean the boss."""
    appliances = Lexicon.from_json({"keywords": {"COMPETITOR": ["老板电器"]}})
    text = "老板电器的方案我们看过了"
    before = analyse_transcript(text).keywords
    theirs = analyse_transcript(text, appliances).keywords
    after = analyse_transcript(text).keywords
    assert theirs[KeywordCategory.COMPETITOR] == ["老板电器"]
    assert theirs[KeywordCategory.DECISION_MAKER] == []
    assert before == after
    assert after[KeywordCategory.DECISION_MAKER] == ["老板"]
    assert after[KeywordCategory.COMPETITOR] == []
    assert "老板电器" not in jieba.dt.FREQ  # jieba's global dictionary is untouched
