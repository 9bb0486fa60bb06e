"""Each organisation tunes its thresholds and lexicon; every change is a new version."""

from __future__ import annotations

from api.visits.models import Visit
from tests.visits.support import codes, field, position, start

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
