"""Each organisation tunes its thresholds and lexicon; every change is a new version."""

from __future__ import annotations

from api.visits.models import Visit
from tests.visits.support import codes, field, position, start
from verification.voice import analyse_transcript

POLICY = "{ verificationPolicy { version settings lexicon } }"
UPDATE = """
mutation ($settings: JSON, $lexicon: JSON) {
  updateVerificationPolicy(settings: $settings, lexicon: $lexicon) {
    policy { version settings }
    errors { code field message }
  }
}
"""


async def test_an_admin_tightens_a_threshold_and_new_visits_are_judged_by_it(api):
    f = await field(api)
    admin = await api.login(f.world.admin.username)
    body = await api.graphql(POLICY, token=admin)
    assert body["data"]["verificationPolicy"]["version"] == 0
    assert body["data"]["verificationPolicy"]["settings"]["max_accuracy_m"] == 500

    body = await api.graphql(UPDATE, {"settings": {"max_accuracy_m": 100}}, token=admin)
    payload = body["data"]["updateVerificationPolicy"]
    assert payload["errors"] == []
    assert payload["policy"]["version"] == 1
    assert payload["policy"]["settings"]["max_accuracy_m"] == 100

    visit = (await start(api, f, position=position(accuracy=150)))["visit"]
    assert "GPS_ACCURACY_POOR" in codes(visit["findings"])
    assert (await Visit.get(id=visit["id"])).policy_version == 1


async def test_invalid_settings_are_refused_with_the_field_named(api):
    f = await field(api)
    admin = await api.login(f.world.admin.username)
    for settings, name in (
        ({"max_speed_kmh": -1}, "max_speed_kmh"),
        ({"nonsense": 1}, "nonsense"),
        ([1, 2], "settings"),
    ):
        body = await api.graphql(UPDATE, {"settings": settings}, token=admin)
        [error] = body["data"]["updateVerificationPolicy"]["errors"]
        assert (error["code"], error["field"]) == ("INVALID_POLICY", name)
    body = await api.graphql(POLICY, token=admin)
    assert body["data"]["verificationPolicy"]["version"] == 0


async def test_only_those_allowed_may_read_or_change_the_policy(api):
    f = await field(api)
    for token in (f.rep_token, f.manager_token):
        body = await api.graphql(UPDATE, {"settings": {"max_speed_kmh": 100}}, token=token)
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_an_organisations_own_competitors_are_heard_in_its_transcripts_only(api):
    from tests.visits.media import mp3_bytes, speech_like
    from tests.visits.support import VOICE, upload

    f = await field(api)
    admin = await api.login(f.world.admin.username)
    lexicon = (await api.graphql(POLICY, token=admin))["data"]["verificationPolicy"]["lexicon"]
    lexicon["keywords"]["COMPETITOR"] = [*lexicon["keywords"]["COMPETITOR"], "迈瑞"]
    body = await api.graphql(UPDATE, {"lexicon": lexicon}, token=admin)
    assert body["data"]["updateVerificationPolicy"]["errors"] == []

    visit = (await start(api, f))["visit"]
    upload_id = await upload(api, f.rep_token, "voice", mp3_bytes(speech_like(15)), "audio/mpeg")
    body = await api.graphql(
        VOICE,
        {"visit": visit["id"], "upload": upload_id, "transcript": "他们在比较迈瑞的机器。"},
        token=f.rep_token,
    )
    keywords = body["data"]["attachVoiceSummary"]["voiceSummary"]["keywords"]
    assert {"category": "COMPETITOR", "words": ["迈瑞"]} in keywords

    # Another organisation's lexicon is untouched.
    from api.visits import policy as policies
    from tests.factories import make_org

    other = await make_org()
    theirs = await policies.current(organisation_id=other.id)
    heard = analyse_transcript("他们在比较迈瑞的机器。", theirs.lexicon)
    assert "迈瑞" not in {w for words in heard.keywords.values() for w in words}


async def test_an_invalid_lexicon_is_refused(api):
    f = await field(api)
    admin = await api.login(f.world.admin.username)
    body = await api.graphql(UPDATE, {"lexicon": {"positive": ["好" * 30]}}, token=admin)
    [error] = body["data"]["updateVerificationPolicy"]["errors"]
    assert (error["code"], error["field"]) == ("INVALID_POLICY", "lexicon.positive[0]")
