"""Starting and ending a visit through the API: GPS findings at once, a verdict at the end."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from api.customers.models import Site
from api.visits.jobs import close_abandoned_visits
from api.visits.models import Visit, VisitFix
from api.worker import cron_jobs
from tests.factories import make_customer
from tests.visits.support import (
    END,
    SITE_GCJ,
    START,
    VISIT,
    codes,
    field,
    later,
    position,
    start,
    start_input,
)


async def test_a_wgs84_fix_at_a_gcj02_site_is_on_site_after_datum_conversion(api):
    f = await field(api)
    payload = await start(api, f)
    assert payload["errors"] == []
    visit = payload["visit"]
    assert visit["status"] == "OPEN"
    assert visit["verdict"] == "PENDING"
    assert visit["code"].startswith("V-")
    [on_site] = [x for x in visit["findings"] if x["code"] == "GPS_ON_SITE"]
    assert on_site["severity"] == "INFO"
    assert on_site["params"]["distance_m"] < 30  # a naive comparison would say ~480 m
    assert visit["start"]["datum"] == "WGS84"


async def test_a_fix_far_from_the_site_fails_at_once(api):
    f = await field(api)
    payload = await start(api, f, position=position(31.30, 121.50))  # ~10 km north
    assert "GPS_FAR_FROM_SITE" in codes(payload["visit"]["findings"])
    far = next(x for x in payload["visit"]["findings"] if x["code"] == "GPS_FAR_FROM_SITE")
    assert far["severity"] == "FAIL"
    assert "米" in far["message"]  # zh-CN by default


async def test_findings_speak_english_with_accept_language(api):
    f = await field(api)
    now = api.services.clock.now()
    body = await api.graphql(
        START,
        {"input": start_input(f.site, now, position=position(accuracy=800))},
        token=f.rep_token,
        headers={"Accept-Language": "en"},
    )
    poor = next(
        x
        for x in body["data"]["startVisit"]["visit"]["findings"]
        if x["code"] == "GPS_ACCURACY_POOR"
    )
    assert "cannot be verified" in poor["message"]


async def test_a_gcj02_fix_at_the_site_is_on_site_too(api):
    f = await field(api)
    payload = await start(api, f, position=position(*SITE_GCJ, datum="GCJ02"))
    assert "GPS_ON_SITE" in codes(payload["visit"]["findings"])


async def test_the_phone_clock_is_not_the_record(api):
    f = await field(api)
    now = api.services.clock.now()
    payload = await start(api, f, clientTime=(now - timedelta(minutes=30)).isoformat())
    assert "CLOCK_DRIFT" in codes(payload["visit"]["findings"])
    row = await Visit.get(id=payload["visit"]["id"])
    assert row.started_at == now


async def test_a_second_open_visit_is_refused(api):
    f = await field(api)
    first = await start(api, f)
    second = await start(api, f)
    assert second["visit"] is None
    assert second["errors"][0]["code"] == "VISIT_ALREADY_OPEN"
    assert first["visit"]["code"] in second["errors"][0]["message"]


async def test_bad_positions_are_refused_and_nothing_is_written(api):
    f = await field(api)
    for bad, code in (
        (position(91, 121, exact=True), "INVALID_POSITION"),
        (position(0, 0, exact=True), "INVALID_POSITION"),
        (position(accuracy=-1), "INVALID_ACCURACY"),
    ):
        payload = await start(api, f, position=bad)
        assert payload["errors"][0]["code"] == code, payload
    assert await Visit.all().count() == 0
    assert await VisitFix.all().count() == 0


async def test_another_reps_site_is_not_found(api):
    f = await field(api)
    now = api.services.clock.now()
    body = await api.graphql(START, {"input": start_input(f.site, now)}, token=f.other_rep_token)
    assert body["data"]["startVisit"]["errors"][0]["code"] == "SITE_NOT_FOUND"


async def test_ending_a_visit_without_evidence_makes_it_suspicious(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    await later(api, f, minutes=20)
    body = await api.graphql(
        END,
        {
            "id": visit["id"],
            "position": position(),
            "outcome": {"summary": "介绍新款超声", "nextStep": "下周演示"},
        },
        token=f.rep_token,
    )
    ended = body["data"]["endVisit"]["visit"]
    assert ended["status"] == "CLOSED"
    assert ended["verdict"] == "SUSPICIOUS"
    assert {"VISIT_MISSING_PHOTO", "VISIT_MISSING_VOICE"} <= codes(ended["findings"])
    assert ended["outcome"]["nextStep"] == "下周演示"
    # Worst first: the WARN findings come before the INFO ones.
    severities = [x["severity"] for x in ended["findings"]]
    assert severities == sorted(severities, key=["FAIL", "WARN", "INFO"].index)


async def test_a_short_visit_that_ends_far_away_is_flagged(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    await later(api, f, minutes=2)
    body = await api.graphql(
        END, {"id": visit["id"], "position": position(31.23, 121.47)}, token=f.rep_token
    )
    found = codes(body["data"]["endVisit"]["visit"]["findings"])
    assert {"VISIT_TOO_SHORT", "VISIT_END_FAR_FROM_START"} <= found


async def test_ending_again_answers_the_closed_visit_and_nothing_can_be_added(api):
    from tests.visits.media import jpeg_bytes, scene
    from tests.visits.support import PHOTO, upload

    f = await field(api)
    visit = (await start(api, f))["visit"]
    first = await api.graphql(END, {"id": visit["id"]}, token=f.rep_token)
    await later(api, f, minutes=1)
    again = await api.graphql(END, {"id": visit["id"]}, token=f.rep_token)  # a phone's retry
    assert again["data"]["endVisit"]["errors"] == []
    ended = again["data"]["endVisit"]["visit"]["endedAt"]
    assert ended == first["data"]["endVisit"]["visit"]["endedAt"]
    upload_id = await upload(api, f.rep_token, "photo", jpeg_bytes(scene(3)), "image/jpeg")
    body = await api.graphql(
        PHOTO, {"visit": visit["id"], "upload": upload_id, "source": "CAMERA"}, token=f.rep_token
    )
    assert body["data"]["attachVisitPhoto"]["errors"][0]["code"] == "VISIT_CLOSED"


async def test_a_rep_cannot_read_or_end_another_reps_visit_by_id(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    body = await api.graphql(VISIT, {"id": visit["id"]}, token=f.other_rep_token)
    assert body["data"]["visit"] is None
    body = await api.graphql(END, {"id": visit["id"]}, token=f.other_rep_token)
    assert body["data"]["endVisit"]["errors"][0]["code"] == "VISIT_NOT_FOUND"
    # Their manager sees it, with its evidence.
    body = await api.graphql(VISIT, {"id": visit["id"]}, token=f.manager_token)
    assert body["data"]["visit"]["rep"]["username"] == f.world.rep_a.username


async def test_staff_roles_without_a_visit_permission_are_refused(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    token = await api.login(f.world.marketing.username)
    body = await api.graphql(VISIT, {"id": visit["id"]}, token=token)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_an_abandoned_visit_is_closed_by_the_periodic_job(api):
    f = await field(api)
    visit = (await start(api, f))["visit"]
    await later(api, f, hours=11, minutes=59)
    assert await close_abandoned_visits({"clock": api.services.clock}) == 0
    await later(api, f, minutes=2)
    assert await close_abandoned_visits({"clock": api.services.clock}) == 1
    row = await Visit.get(id=visit["id"])
    assert row.status == "CLOSED"
    assert "VISIT_MISSING_END_POSITION" in {x["code"] for x in row.findings}
    assert await close_abandoned_visits({"clock": api.services.clock}) == 0  # idempotent
    # The rep may start the next visit.
    assert (await start(api, f))["errors"] == []


async def test_the_job_runs_in_the_worker_every_few_minutes():
    assert "visits.close_abandoned" in {job.name for job in cron_jobs()}


async def test_two_check_ins_at_once_open_one_visit(api):
    f = await field(api)
    now = api.services.clock.now()
    first, second = await asyncio.gather(
        api.graphql(START, {"input": start_input(f.site, now)}, token=f.rep_token),
        api.graphql(START, {"input": start_input(f.site, now)}, token=f.rep_token),
    )
    outcomes = [b["data"]["startVisit"] for b in (first, second)]
    assert sorted(bool(o["visit"]) for o in outcomes) == [False, True]
    assert [e["code"] for o in outcomes for e in o["errors"]] == ["VISIT_ALREADY_OPEN"]
    assert await Visit.filter(status="OPEN").count() == 1


async def test_three_bare_visits_at_the_end_of_the_day_are_all_rejected(api):
    f = await field(api)
    api.services.clock.set(datetime(2026, 11, 24, 9, 56, tzinfo=UTC))  # 17:56 in Shanghai
    await later(api, f, seconds=0)
    ids = []
    for _ in range(3):
        visit = (await start(api, f))["visit"]
        await later(api, f, seconds=40)
        body = await api.graphql(
            END, {"id": visit["id"], "position": position()}, token=f.rep_token
        )
        ids.append(body["data"]["endVisit"]["visit"]["id"])
    rows = {str(v.id): v for v in await Visit.filter(id__in=ids)}
    assert {rows[i].verdict for i in ids} == {"REJECTED"}
    for i in ids:
        assert "VISIT_BACKFILL_PATTERN" in {x["code"] for x in rows[i].findings}


async def test_the_same_coordinates_sent_again_are_a_replay(api):
    f = await field(api)
    first = await start(api, f, position=position(exact=True))
    await api.graphql(END, {"id": first["visit"]["id"]}, token=f.rep_token)
    await later(api, f, hours=3)
    second = await start(api, f, position=position(exact=True))
    assert "GPS_REPLAYED" in codes(second["visit"]["findings"])


async def test_another_reps_coordinates_sent_again_are_a_replay_too(api):
    f = await field(api)
    await start(api, f, position=position(exact=True))
    customer = await make_customer(f.world.org, f.world.rep_b)
    site = await Site.get(customer_id=customer.id)
    await later(api, f, hours=1)
    now = api.services.clock.now()
    body = await api.graphql(
        START,
        {"input": start_input(site, now, position=position(exact=True))},
        token=f.other_rep_token,
    )
    assert "GPS_REPLAYED" in codes(body["data"]["startVisit"]["visit"]["findings"])
