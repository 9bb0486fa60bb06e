"""Voice summaries: duration and speech measured, duplicates found across re-encoding,
keywords and emotion read from the transcript; bad recordings refused."""

from __future__ import annotations

import numpy as np

from api.visits.models import VisitRecording
from tests.visits.media import m4a_bytes, mp3_bytes, speech_like
from tests.visits.support import END, VOICE, codes, field, later, position, start, upload


async def _attach(api, f, visit, data, transcript=None, content_type="audio/mpeg"):
    upload_id = await upload(api, f.rep_token, "voice", data, content_type)
    body = await api.graphql(
        VOICE,
        {"visit": visit["id"], "upload": upload_id, "transcript": transcript},
        token=f.rep_token,
    )
    assert "errors" not in body, body
    return body["data"]["attachVoiceSummary"]


async def test_a_spoken_summary_gives_keywords_emotion_and_no_doubt(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    payload = await _attach(
        api,
        f,
        visit,
        mp3_bytes(speech_like(40)),
        transcript="张院长对方案很满意，预算已经批了，下周三来演示。",
    )
    assert payload["errors"] == []
    summary = payload["voiceSummary"]
    assert 39_000 <= summary["durationMs"] <= 41_000
    assert summary["speechRatio"] > 0.3
    assert summary["transcriptSource"] == "CLIENT"
    assert summary["emotion"] == "POSITIVE"
    assert {k["category"] for k in summary["keywords"]} >= {"DECISION_MAKER", "BUDGET", "NEXT_STEP"}
    assert codes(summary["findings"]) == set()


async def test_a_resistant_customer_is_heard(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    payload = await _attach(
        api,
        f,
        visit,
        mp3_bytes(speech_like(20, seed=2)),
        transcript="客户说价格太贵了，不满意，已经在用友商的产品。",
    )
    summary = payload["voiceSummary"]
    assert summary["emotion"] == "RESISTANT"
    assert "PRICE_OBJECTION" in {k["category"] for k in summary["keywords"]}


async def test_silence_a_tone_and_a_short_clip_are_findings(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    rate = 16_000
    t = np.arange(30 * rate) / rate
    silence = np.zeros(30 * rate, dtype=np.int16)
    tone = (np.sin(2 * np.pi * 440 * t) * 8000).astype(np.int16)
    for samples, expected in (
        (silence, {"VOICE_NO_SPEECH"}),
        (tone, {"VOICE_NO_SPEECH"}),
        (speech_like(4, seed=3), {"VOICE_TOO_SHORT"}),
    ):
        summary = (await _attach(api, f, visit, mp3_bytes(samples), transcript="好"))[
            "voiceSummary"
        ]
        assert expected <= codes(summary["findings"]), expected
    # Three recordings are the most a visit takes.
    fourth = await _attach(api, f, visit, mp3_bytes(speech_like(15, seed=4)))
    assert fourth["errors"][0]["code"] == "TOO_MANY_ITEMS"
    await api.graphql(END, {"id": visit["id"], "position": position()}, token=f.rep_token)
    await later(api, f, hours=2)
    visit = (await start(api, f))["visit"]
    no_text = await _attach(api, f, visit, mp3_bytes(speech_like(15, seed=4)))
    assert payload_codes(no_text) == {"VOICE_NO_TRANSCRIPT"}
    assert no_text["voiceSummary"]["transcriptSource"] == "NONE"


def payload_codes(payload):
    return codes(payload["voiceSummary"]["findings"])


async def test_a_recording_sent_again_re_encoded_is_a_duplicate(api):
    f = await field(api)
    first = (await start(api, f))["visit"]
    samples = speech_like(30, seed=5)
    await _attach(api, f, first, mp3_bytes(samples, bitrate=128_000), transcript="介绍产品")
    await api.graphql(END, {"id": first["id"], "position": position()}, token=f.rep_token)
    await later(api, f, hours=3)
    second = (await start(api, f))["visit"]
    copy = await _attach(api, f, second, m4a_bytes(samples), "介绍产品", "audio/mp4")
    [duplicate] = [x for x in copy["voiceSummary"]["findings"] if x["code"] == "VOICE_DUPLICATE"]
    assert duplicate["severity"] == "FAIL"
    assert first["code"] in duplicate["message"]
    # A different recording of the same length is not.
    other = await _attach(api, f, second, mp3_bytes(speech_like(30, seed=6)), "另一段")
    assert "VOICE_DUPLICATE" not in payload_codes(other)


async def test_a_photo_as_a_recording_or_an_overlong_transcript_is_refused(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    photo = await upload(api, f.rep_token, "photo", _tiny_jpeg(), "image/jpeg")
    body = await api.graphql(
        VOICE, {"visit": visit["id"], "upload": photo, "transcript": None}, token=f.rep_token
    )
    assert body["data"]["attachVoiceSummary"]["errors"][0]["code"] == "UPLOAD_WRONG_KIND"
    body = await api.graphql(
        VOICE,
        {"visit": visit["id"], "upload": photo, "transcript": "x" * 6000},
        token=f.rep_token,
    )
    assert body["data"]["attachVoiceSummary"]["errors"][0]["code"] == "TOO_LONG"
    assert await VisitRecording.all().count() == 0


def _tiny_jpeg() -> bytes:
    from tests.visits.media import jpeg_bytes, scene

    return jpeg_bytes(scene(1, (320, 240)))
