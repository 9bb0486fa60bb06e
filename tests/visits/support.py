"""Shared helpers of the visit tests: the GraphQL documents and a rep standing at a site."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from api.customers.models import Customer, Site
from tests.factories import World, make_customer, make_world

# The factory's site: 门诊楼, picked on a Chinese map (GCJ-02).
SITE_GCJ = (31.2123, 121.4693)
# The same spot as a phone's GPS reports it (WGS-84): GCJ-02 minus its offset (~500 m here).
SITE_WGS = (31.214226, 121.464750)

VISIT_FIELDS = """
  id code status verdict machineVerdict score startedAt endedAt
  findings { code severity message evidence params }
  start { latitude longitude datum wgs84Latitude wgs84Longitude accuracy serverTime }
  end { latitude longitude }
  photos { id source url takenAt findings { code severity } }
  voiceSummaries { id durationMs speechRatio transcript emotion keywords { category words } }
  rep { username } customer { name } site { name }
  audits { decision comment machineVerdict auditor { username } }
  outcome { summary nextStep nextStepDue }
"""
START = f"""
mutation ($input: StartVisitInput!) {{
  startVisit(input: $input) {{ visit {{ {VISIT_FIELDS} }} errors {{ code field message }} }}
}}
"""
END = f"""
mutation ($id: ID!, $position: PositionInput, $outcome: VisitOutcomeInput) {{
  endVisit(visitId: $id, position: $position, outcome: $outcome) {{
    visit {{ {VISIT_FIELDS} }} errors {{ code field message }}
  }}
}}
"""
VISIT = f"query ($id: ID!) {{ visit(id: $id) {{ {VISIT_FIELDS} }} }}"
PHOTO = """
mutation ($visit: ID!, $upload: ID!, $source: PhotoSource!) {
  attachVisitPhoto(visitId: $visit, uploadId: $upload, source: $source) {
    photo { id source url takenAt width height findings { code severity message params } }
    visit { id verdict score }
    errors { code field message }
  }
}
"""
VOICE = """
mutation ($visit: ID!, $upload: ID!, $transcript: String) {
  attachVoiceSummary(visitId: $visit, uploadId: $upload, transcript: $transcript) {
    voiceSummary {
      id durationMs speechRatio transcript transcriptSource emotion
      keywords { category words } findings { code severity message }
    }
    visit { id verdict score }
    errors { code field message }
  }
}
"""
QUEUE = """
query { auditQueue(first: 20) { edges { node { id code verdict rep { username } } } } }
"""
DECIDE = """
mutation ($id: ID!, $decision: AuditDecision!, $comment: String!) {
  decideVisitAudit(visitId: $id, decision: $decision, comment: $comment) {
    visit { id verdict machineVerdict audits { decision comment } }
    errors { code field message }
  }
}
"""
TRACE = """
query ($upload: ID!) {
  traceMedia(uploadId: $upload) {
    match distance takenAt exifTakenAt takenBy { username } visit { id code } photo { id }
  }
}
"""


_jitter = random.Random(20261124)


def position(
    lat: float = SITE_WGS[0],
    lon: float = SITE_WGS[1],
    *,
    accuracy: float | None = None,
    datum: str = "WGS84",
    altitude: float | None = None,
    speed: float | None = 0.0,
    exact: bool = False,
) -> dict[str, Any]:
    """A fix like a real phone's: a few metres of noise and a varying accuracy and altitude,
    unless ``exact`` (replays and virtual-location apps send the same numbers every time)."""
    if not exact:
        lat += _jitter.uniform(-0.00008, 0.00008)
        lon += _jitter.uniform(-0.00008, 0.00008)
    return {
        "latitude": round(lat, 6) if exact else lat,
        "longitude": round(lon, 6) if exact else lon,
        "accuracy": accuracy if accuracy is not None else round(_jitter.uniform(15, 40), 1),
        "datum": datum,
        "altitude": altitude if altitude is not None else round(_jitter.uniform(8, 20), 1),
        "speed": speed,
    }


def start_input(site: Site, now: datetime, **overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "siteId": str(site.id),
        "position": position(),
        "clientTime": now.isoformat(),
        "device": {"model": "iPhone 15", "system": "iOS 18.1"},
    }
    data.update(overrides)
    return data


@dataclass
class Field:
    world: World
    customer: Customer
    site: Site
    rep_token: str
    other_rep_token: str
    manager_token: str


async def field(api: Any) -> Field:
    """A world where rep A owns a customer with one site, and the tokens of the people."""
    world = await make_world()
    customer = await make_customer(world.org, world.rep_a, name="协和医院")
    site = await Site.get(customer_id=customer.id)
    return Field(
        world=world,
        customer=customer,
        site=site,
        rep_token=await api.login(world.rep_a.username),
        other_rep_token=await api.login(world.rep_b.username),
        manager_token=await api.login(world.manager_a.username),
    )


async def start(api: Any, f: Field, **overrides: Any) -> dict[str, Any]:
    now = api.services.clock.now()
    body = await api.graphql(
        START, {"input": start_input(f.site, now, **overrides)}, token=f.rep_token
    )
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["startVisit"]
    return payload


def codes(findings: list[dict[str, Any]]) -> set[str]:
    return {f["code"] for f in findings}


async def later(api: Any, f: Field, **delta: float) -> None:
    """Advance the clock; log everyone in again (access tokens live 15 minutes)."""
    api.services.clock.advance(**delta)
    f.rep_token = await api.login(f.world.rep_a.username)
    f.other_rep_token = await api.login(f.world.rep_b.username)
    f.manager_token = await api.login(f.world.manager_a.username)


async def upload(api: Any, token: str, kind: str, data: bytes, content_type: str) -> str:
    """POST /uploads as wx.uploadFile does; the upload's id."""
    name = "photo.jpg" if kind == "photo" else "voice.mp3"
    response = await api.client.post(
        "/uploads",
        data={"kind": kind},
        files={"file": (name, data, content_type)},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 201, response.text
    upload_id: str = response.json()["uploadId"]
    return upload_id


async def attach_photo(
    api: Any, token: str, visit_id: str, data: bytes, source: str = "CAMERA"
) -> dict[str, Any]:
    upload_id = await upload(api, token, "photo", data, "image/jpeg")
    variables = {"visit": visit_id, "upload": upload_id, "source": source}
    body = await api.graphql(PHOTO, variables, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["attachVisitPhoto"]
    payload["uploadId"] = upload_id
    return payload
