"""End to end over a real socket: a rep checks in, uploads a photo and a voice summary through
``/uploads`` as ``wx.uploadFile`` would, attaches them, ends the visit; the manager sees the
evidence and traces the photo."""

from __future__ import annotations

import io

import httpx
from PIL import Image

from api.customers.models import Site
from tests.e2e.test_http import server_url  # noqa: F401  (the fixture)
from tests.factories import PASSWORD, make_customer, make_world
from tests.visits.media import jpeg_bytes, mp3_bytes, scene, speech_like
from tests.visits.support import PHOTO, SITE_WGS, START, TRACE, VISIT, VOICE, position

LOGIN = (
    "mutation ($u: String!, $p: String!) { login(username: $u, password: $p)"
    " { tokens { accessToken } errors { code } } }"
)
END = """
mutation ($id: ID!, $position: PositionInput) {
  endVisit(visitId: $id, position: $position) {
    visit { id verdict score findings { code severity } } errors { code }
  }
}
"""


async def _login(client, username):
    body = (
        await client.post(
            "/graphql", json={"query": LOGIN, "variables": {"u": username, "p": PASSWORD}}
        )
    ).json()
    return {"Authorization": f"Bearer {body['data']['login']['tokens']['accessToken']}"}


async def _gql(client, headers, query, variables):
    response = await client.post(
        "/graphql", json={"query": query, "variables": variables}, headers=headers
    )
    body = response.json()
    assert "errors" not in body, body
    return body["data"]


async def _upload(client, headers, kind, name, data, content_type):
    response = await client.post(
        "/uploads",
        data={"kind": kind},
        files={"file": (name, data, content_type)},
        headers=headers,
    )
    assert response.status_code == 201, response.text
    return response.json()["uploadId"]


async def test_a_visit_end_to_end_over_http(server_url, services):  # noqa: F811
    w = await make_world()
    customer = await make_customer(w.org, w.rep_a, "协和医院")
    site = await Site.get(customer_id=customer.id)
    async with httpx.AsyncClient(base_url=server_url, timeout=30) as client:
        rep = await _login(client, w.rep_a.username)
        started = await _gql(
            client,
            rep,
            START,
            {
                "input": {
                    "siteId": str(site.id),
                    "position": position(*SITE_WGS),
                    "clientTime": services.clock.now().isoformat(),
                }
            },
        )
        visit = started["startVisit"]["visit"]
        assert visit["status"] == "OPEN"

        original = jpeg_bytes(scene(1))
        photo_id = await _upload(client, rep, "photo", "tmp_1.jpg", original, "image/jpeg")
        attached = (
            await _gql(
                client, rep, PHOTO, {"visit": visit["id"], "upload": photo_id, "source": "CAMERA"}
            )
        )["attachVisitPhoto"]
        assert attached["errors"] == []
        served = await client.get(attached["photo"]["url"])
        assert served.status_code == 200
        assert served.headers["content-type"] == "image/jpeg"
        stamped = Image.open(io.BytesIO(served.content))
        assert not stamped.getexif()  # the served copy carries no metadata
        assert served.content != original

        voice_id = await _upload(
            client, rep, "voice", "summary.mp3", mp3_bytes(speech_like(25)), "audio/mpeg"
        )
        summary = (
            await _gql(
                client,
                rep,
                VOICE,
                {
                    "visit": visit["id"],
                    "upload": voice_id,
                    "transcript": "王主任说价格太贵，预算要等院长拍板，我们下周约演示。",
                },
            )
        )["attachVoiceSummary"]
        assert summary["errors"] == []
        found = {k["category"] for k in summary["voiceSummary"]["keywords"]}
        assert {"PRICE_OBJECTION", "BUDGET", "NEXT_STEP"} <= found

        services.clock.advance(minutes=12)
        rep = await _login(client, w.rep_a.username)
        ended = (
            await _gql(client, rep, END, {"id": visit["id"], "position": position(*SITE_WGS)})
        )["endVisit"]
        assert ended["errors"] == []
        assert ended["visit"]["verdict"] == "VERIFIED", ended["visit"]["findings"]

        manager = await _login(client, w.manager_a.username)
        seen = (await _gql(client, manager, VISIT, {"id": visit["id"]}))["visit"]
        assert seen["photos"][0]["url"].startswith("/media/")
        assert seen["voiceSummaries"][0]["transcript"].startswith("王主任")

        # The manager shows the server a screenshot-like copy of the served photo.
        copy = Image.open(io.BytesIO(served.content)).resize((600, 450))
        copy_id = await _upload(
            client, manager, "photo", "copy.jpg", jpeg_bytes(copy, 60), "image/jpeg"
        )
        traced = (await _gql(client, manager, TRACE, {"upload": copy_id}))["traceMedia"]
        assert traced["match"] == "ALTERED_COPY"
        assert traced["visit"]["code"] == visit["code"]
        assert traced["takenBy"]["username"] == w.rep_a.username
