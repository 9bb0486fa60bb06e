"""POST /webhooks/leads/{channel}: signed deliveries, replays refused, bad payloads kept."""

from __future__ import annotations

from typing import Any

from api.leads.models import IntakeStatus, Lead, LeadIntake
from tests.leads.support import signed

CREATE_CHANNEL = """
mutation ($name: String!) {
  createLeadChannel(kind: WEBSITE, name: $name, campaign: "双11官网") {
    channel { id key kind mapping } secret errors { code field }
  }
}
"""
HELD = "query { heldLeadIntakes { id status payload errors } }"
REPLAY = """
mutation ($id: ID!, $payload: JSON) {
  replayLeadIntake(intakeId: $id, payload: $payload) {
    intake { id status } lead { id status } errors { code }
  }
}
"""


async def _channel(api: Any, world: Any) -> tuple[str, str]:
    token = await api.login(world.admin.username)
    body = await api.graphql(CREATE_CHANNEL, {"name": "官网表单"}, token=token)
    payload = body["data"]["createLeadChannel"]
    assert payload["errors"] == [] and payload["secret"]
    return payload["channel"]["key"], payload["secret"]


async def _post(
    api: Any,
    key: str,
    secret: str,
    body: dict[str, Any] | bytes,
    *,
    at: int | None = None,
    delivery: str | None = None,
) -> Any:
    timestamp = at if at is not None else int(api.services.clock.now().timestamp())
    raw, signature = signed(secret, body, timestamp)
    headers = {
        "X-Liuhen-Timestamp": str(timestamp),
        "X-Liuhen-Signature": signature,
        "Content-Type": "application/json",
    }
    if delivery:
        headers["X-Liuhen-Delivery"] = delivery
    return await api.client.post(f"/webhooks/leads/{key}", content=raw, headers=headers)


def _form_payload() -> dict[str, Any]:
    """A website form posting our field names (the website channel's default mapping)."""
    return {
        "contact_name": "赵女士",
        "phone": "13700137000",
        "company_name": "杭州云帆科技有限公司",
    }


async def test_a_signed_delivery_becomes_a_routed_lead(api: Any) -> None:
    from tests.factories import make_world

    world = await make_world()
    key, secret = await _channel(api, world)
    response = await _post(api, key, secret, _form_payload(), delivery="d-1")
    assert response.status_code == 200, response.text
    body = response.json()
    lead = await Lead.get(id=body["leadId"])
    assert lead.channel == "website" and lead.campaign == "双11官网"
    intake = await LeadIntake.get(id=body["intakeId"])
    assert intake.status == IntakeStatus.ACCEPTED and intake.lead_id == lead.id  # type: ignore[attr-defined]


async def test_a_wrong_signature_is_refused_and_nothing_is_stored(api: Any) -> None:
    from tests.factories import make_world

    world = await make_world()
    key, _ = await _channel(api, world)
    response = await _post(api, key, "not-the-secret", _form_payload())
    assert response.status_code == 401
    assert response.json()["error"] == "SIGNATURE_MISMATCH"
    assert await LeadIntake.all().count() == 0


async def test_a_stale_timestamp_is_refused(api: Any) -> None:
    from tests.factories import make_world

    world = await make_world()
    key, secret = await _channel(api, world)
    old = int(api.services.clock.now().timestamp()) - 600
    response = await _post(api, key, secret, _form_payload(), at=old)
    assert response.status_code == 401 and response.json()["error"] == "SIGNATURE_STALE"


async def test_a_replayed_delivery_is_refused_and_creates_nothing(api: Any) -> None:
    from tests.factories import make_world

    world = await make_world()
    key, secret = await _channel(api, world)
    first = await _post(api, key, secret, _form_payload(), delivery="d-7")
    again = await _post(api, key, secret, _form_payload(), delivery="d-7")
    assert first.status_code == 200 and again.status_code == 409
    assert again.json()["error"] == "REPLAYED"
    assert await Lead.all().count() == 1
    # Without a delivery id, the same signed request is the replay.
    timestamp = int(api.services.clock.now().timestamp())
    other = {**_form_payload(), "x": 1}
    assert (await _post(api, key, secret, other, at=timestamp)).status_code == 200
    assert (await _post(api, key, secret, other, at=timestamp)).status_code == 409


async def test_an_unknown_channel_is_not_found(api: Any) -> None:
    response = await _post(api, "no-such-channel", "s", _form_payload())
    assert response.status_code == 404


async def test_a_malformed_payload_is_kept_and_can_be_fixed_and_replayed(api: Any) -> None:
    from tests.factories import make_world

    world = await make_world()
    key, secret = await _channel(api, world)
    broken = {**_form_payload(), "phone": "12"}
    response = await _post(api, key, secret, broken, delivery="bad-1")
    assert response.status_code == 202
    assert response.json()["status"] == "HELD"
    assert {e["code"] for e in response.json()["errors"]} == {"INVALID_PHONE"}
    token = await api.login(world.admin.username)
    held = (await api.graphql(HELD, token=token))["data"]["heldLeadIntakes"]
    assert len(held) == 1 and held[0]["payload"] == broken
    not_json = await _post(api, key, secret, b"name=1&phone=2", delivery="bad-2")
    assert not_json.status_code == 202
    body = await api.graphql(REPLAY, {"id": held[0]["id"], "payload": _form_payload()}, token=token)
    replay = body["data"]["replayLeadIntake"]
    assert replay["errors"] == [] and replay["intake"]["status"] == "ACCEPTED"
    assert replay["lead"] is not None
    again = await api.graphql(REPLAY, {"id": held[0]["id"]}, token=token)
    assert again["data"]["replayLeadIntake"]["errors"][0]["code"] == "INTAKE_NOT_HELD"


async def test_a_replay_with_a_fresh_delivery_header_is_still_a_replay(api: Any) -> None:
    from tests.factories import make_world

    world = await make_world()
    key, secret = await _channel(api, world)
    timestamp = int(api.services.clock.now().timestamp())
    first = await _post(api, key, secret, _form_payload(), at=timestamp, delivery="a")
    again = await _post(api, key, secret, _form_payload(), at=timestamp, delivery="b")
    assert first.status_code == 200 and again.status_code == 409


async def test_a_rotated_secret_works_for_a_day_then_stops(api: Any) -> None:
    from datetime import timedelta

    from tests.factories import make_world

    world = await make_world()
    key, old = await _channel(api, world)
    token = await api.login(world.admin.username)
    rotate = """
    mutation ($id: ID!) { updateLeadChannel(channelId: $id, rotateSecret: true) {
      secret errors { code } } }
    """
    channels = await api.graphql("query { leadChannels { id } }", token=token)
    channel_id = channels["data"]["leadChannels"][0]["id"]
    new = (await api.graphql(rotate, {"id": channel_id}, token=token))["data"]
    assert new["updateLeadChannel"]["secret"] not in (None, old)
    assert (await _post(api, key, old, _form_payload())).status_code == 200
    api.services.clock.advance(timedelta(hours=25))
    late = await _post(api, key, old, {**_form_payload(), "phone": "13611112222"})
    assert late.status_code == 401


async def test_marketing_fixes_held_payloads_without_seeing_phone_numbers(api: Any) -> None:
    from tests.factories import make_world

    world = await make_world()
    key, secret = await _channel(api, world)
    payload = {**_form_payload(), "email": "not-an-email", "wechat_id": "zhao_wx"}
    assert (await _post(api, key, secret, payload)).status_code == 202
    marketing = await api.login(world.marketing.username)
    held = (await api.graphql(HELD, token=marketing))["data"]["heldLeadIntakes"][0]
    assert held["payload"]["phone"] == "137****7000"
    assert held["payload"]["wechat_id"] == "z***"
    admin = await api.login(world.admin.username)
    held = (await api.graphql(HELD, token=admin))["data"]["heldLeadIntakes"][0]
    assert held["payload"]["phone"] == "13700137000"
