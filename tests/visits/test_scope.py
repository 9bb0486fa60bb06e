"""What one person learns of another's visits: nothing beyond their scope, even indirectly."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from api.customers.models import Customer, Site
from api.visits.models import VisitPhoto
from tests.factories import make_customer
from tests.visits.media import jpeg_bytes, scene
from tests.visits.support import (
    PHOTO,
    START,
    TRACE,
    VISIT,
    attach_photo,
    field,
    start,
    start_input,
    upload,
)

VISITS = """
query ($after: DateTime) {
  visits(first: 50, filter: {startedAfter: $after}) { edges { node { id rep { username } } } }
}
"""


async def _rep_b_visit(api, f):
    customer = await make_customer(f.world.org, f.world.rep_b)
    site = await Site.get(customer_id=customer.id)
    now = api.services.clock.now()
    body = await api.graphql(START, {"input": start_input(site, now)}, token=f.other_rep_token)
    return body["data"]["startVisit"]["visit"]


async def test_a_reused_photo_does_not_name_another_reps_visit(api):
    f = await field(api)
    theirs = await _rep_b_visit(api, f)
    original = jpeg_bytes(scene(21))
    await attach_photo(api, f.other_rep_token, theirs["id"], original)
    mine = (await start(api, f))["visit"]
    photo = (await attach_photo(api, f.rep_token, mine["id"], jpeg_bytes(scene(21), 60)))["photo"]
    [reuse] = [x for x in photo["findings"] if x["code"] == "PHOTO_REUSED"]
    assert reuse["params"]["previous_code"] == "***"
    assert theirs["code"] not in reuse["message"]
    # Rep A's manager traces the photo to the visit in their own team, not to rep B's.
    upload_id = await upload(api, f.manager_token, "photo", original, "image/jpeg")
    traced = (await api.graphql(TRACE, {"upload": upload_id}, token=f.manager_token))["data"][
        "traceMedia"
    ]
    assert traced["visit"]["code"] == mine["code"]
    assert traced["takenBy"]["username"] == f.world.rep_a.username
    assert traced["takenAt"] is not None


async def test_a_visits_customer_reassigned_elsewhere_is_no_longer_shown(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    await Customer.filter(id=f.customer.id).update(owner_id=f.world.rep_b.id)
    body = await api.graphql(VISIT, {"id": visit["id"]}, token=f.rep_token)
    assert body["data"]["visit"]["customer"] is None
    assert body["data"]["visit"]["site"]["name"]  # where they were stays part of the visit


async def test_the_visits_list_holds_only_what_the_caller_may_see(api):
    f = await field(api)
    mine = (await start(api, f))["visit"]
    theirs = await _rep_b_visit(api, f)
    shanghai_hour_before = (api.services.clock.now() - timedelta(hours=1)).astimezone(
        __import__("zoneinfo").ZoneInfo("Asia/Shanghai")
    )
    variables = {"after": shanghai_hour_before.isoformat()}
    seen = {}
    for name, token in (
        ("rep", f.rep_token),
        ("manager", f.manager_token),
        ("director", await api.login(f.world.director.username)),
    ):
        body = await api.graphql(VISITS, variables, token=token)
        seen[name] = {e["node"]["id"] for e in body["data"]["visits"]["edges"]}
    assert seen["rep"] == {mine["id"]}
    assert seen["manager"] == {mine["id"]}
    assert seen["director"] == {mine["id"], theirs["id"]}
    later_than_both = (api.services.clock.now() + timedelta(hours=1)).astimezone(
        __import__("zoneinfo").ZoneInfo("America/New_York")
    )
    body = await api.graphql(VISITS, {"after": later_than_both.isoformat()}, token=f.rep_token)
    assert body["data"]["visits"]["edges"] == []


async def test_the_same_photo_sent_twice_at_once_or_again_later_is_one_photo(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    data = jpeg_bytes(scene(23))
    upload_id = await upload(api, f.rep_token, "photo", data, "image/jpeg")
    variables = {"visit": visit["id"], "upload": upload_id, "source": "CAMERA"}
    first, second = await asyncio.gather(
        api.graphql(PHOTO, variables, token=f.rep_token),
        api.graphql(PHOTO, variables, token=f.rep_token),
    )
    ids = {b["data"]["attachVisitPhoto"]["photo"]["id"] for b in (first, second)}
    assert len(ids) == 1
    # The phone lost the answer and uploads the same bytes again: the same photo, no reuse.
    again = await attach_photo(api, f.rep_token, visit["id"], data)
    assert again["photo"]["id"] in ids
    assert again["photo"]["findings"] == []
    assert await VisitPhoto.all().count() == 1


async def test_two_reps_visiting_together_are_not_a_replay_of_each_other(api):
    from tests.visits.support import codes, position

    f = await field(api)
    spot = position(exact=True)
    await start(api, f, position=spot)
    customer = await make_customer(f.world.org, f.world.rep_b)
    site = await Site.get(customer_id=customer.id)
    now = api.services.clock.now()
    body = await api.graphql(
        START, {"input": start_input(site, now, position=spot)}, token=f.other_rep_token
    )
    assert "GPS_REPLAYED" not in codes(body["data"]["startVisit"]["visit"]["findings"])
