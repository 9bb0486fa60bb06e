"""Managers audit the doubtful visits of their team; the rep is told the decision and why."""

from __future__ import annotations

from api.audit.models import AuditEntry
from api.notifications.models import Notification
from api.visits.models import VisitAudit
from tests.visits.support import DECIDE, END, QUEUE, VISIT, field, later, position, start


async def _closed_visit(api, f, minutes=20):
    visit = (await start(api, f))["visit"]
    await later(api, f, minutes=minutes)
    body = await api.graphql(END, {"id": visit["id"], "position": position()}, token=f.rep_token)
    return body["data"]["endVisit"]["visit"]


async def test_the_queue_holds_the_teams_suspicious_visits_oldest_first(api):
    f = await field(api)
    first = await _closed_visit(api, f)
    second = await _closed_visit(api, f)
    body = await api.graphql(QUEUE, token=f.manager_token)
    nodes = [e["node"] for e in body["data"]["auditQueue"]["edges"]]
    assert [n["id"] for n in nodes] == [first["id"], second["id"]]
    assert {n["verdict"] for n in nodes} == {"SUSPICIOUS"}
    # Another team's manager sees none of them; a rep may not ask at all.
    other = await api.login(f.world.manager_b.username)
    body = await api.graphql(QUEUE, token=other)
    assert body["data"]["auditQueue"]["edges"] == []
    body = await api.graphql(QUEUE, token=f.rep_token)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_approving_a_visit_counts_it_tells_the_rep_and_leaves_a_trail(api):
    f = await field(api)
    visit = await _closed_visit(api, f)
    body = await api.graphql(
        DECIDE,
        {"id": visit["id"], "decision": "APPROVE", "comment": "客户确认了拜访"},
        token=f.manager_token,
    )
    decided = body["data"]["decideVisitAudit"]
    assert decided["errors"] == []
    assert decided["visit"]["verdict"] == "VERIFIED"
    assert decided["visit"]["machineVerdict"] == "SUSPICIOUS"
    assert decided["visit"]["audits"] == [{"decision": "APPROVE", "comment": "客户确认了拜访"}]
    [message] = await Notification.filter(recipient_id=f.world.rep_a.id)
    assert visit["code"] in message.title
    assert "客户确认了拜访" in message.body
    assert await AuditEntry.filter(action="visits.audited", subject_id=visit["id"]).exists()
    body = await api.graphql(QUEUE, token=f.manager_token)
    assert body["data"]["auditQueue"]["edges"] == []


async def test_a_rejection_needs_a_reason_and_a_later_decision_is_a_new_record(api):
    f = await field(api)
    visit = await _closed_visit(api, f)
    body = await api.graphql(
        DECIDE, {"id": visit["id"], "decision": "REJECT", "comment": "  "}, token=f.manager_token
    )
    assert body["data"]["decideVisitAudit"]["errors"][0]["code"] == "COMMENT_REQUIRED"
    for decision, comment in (("REJECT", "照片与地点不符"), ("APPROVE", "复核后确认")):
        await api.graphql(
            DECIDE,
            {"id": visit["id"], "decision": decision, "comment": comment},
            token=f.manager_token,
        )
    assert await VisitAudit.filter(visit_id=visit["id"]).count() == 2
    body = await api.graphql(VISIT, {"id": visit["id"]}, token=f.rep_token)
    seen = body["data"]["visit"]
    assert seen["verdict"] == "VERIFIED"
    assert [a["decision"] for a in seen["audits"]] == ["REJECT", "APPROVE"]


async def test_nobody_audits_their_own_an_open_or_another_teams_visit(api):
    f = await field(api)
    visit = await _closed_visit(api, f)
    other = await api.login(f.world.manager_b.username)
    body = await api.graphql(
        DECIDE, {"id": visit["id"], "decision": "APPROVE", "comment": "ok"}, token=other
    )
    assert body["data"]["decideVisitAudit"]["errors"][0]["code"] == "VISIT_NOT_FOUND"
    body = await api.graphql(
        DECIDE, {"id": visit["id"], "decision": "APPROVE", "comment": "ok"}, token=f.rep_token
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # A manager's own visit.
    from api.customers.models import Site
    from tests.factories import make_customer
    from tests.visits.support import START, start_input

    own_customer = await make_customer(f.world.org, f.world.manager_a)
    site = await Site.get(customer_id=own_customer.id)
    now = api.services.clock.now()
    body = await api.graphql(START, {"input": start_input(site, now)}, token=f.manager_token)
    own = body["data"]["startVisit"]["visit"]
    body = await api.graphql(
        DECIDE, {"id": own["id"], "decision": "APPROVE", "comment": "ok"}, token=f.manager_token
    )
    assert body["data"]["decideVisitAudit"]["errors"][0]["code"] == "OWN_VISIT"
    director = await api.login(f.world.director.username)
    body = await api.graphql(
        DECIDE, {"id": own["id"], "decision": "APPROVE", "comment": "ok"}, token=director
    )
    assert body["data"]["decideVisitAudit"]["errors"][0]["code"] == "NOT_AUDITABLE"  # still open


async def test_the_managers_morning_digest_counts_the_visits_waiting_for_them(api):
    from datetime import UTC, datetime

    from api.notifications import digest
    from api.visits import digest as visit_digest  # noqa: F401  (the visits' digest line)
    from tests.notifications.support import run_due_jobs

    f = await field(api)
    await _closed_visit(api, f)
    await _closed_visit(api, f)
    api.services.clock.set(datetime(2026, 11, 25, 0, 5, tzinfo=UTC))  # 08:05 the next morning
    await digest.schedule_due(now=api.services.clock.now())
    await run_due_jobs(api.services)
    [line] = await Notification.filter(
        recipient_id=f.world.manager_a.id, alert__template="digest.today"
    )
    assert "2 条拜访待审核" in line.body
    # The director sees their region's queue too; another team's manager has nothing waiting.
    assert await Notification.filter(
        recipient_id=f.world.director.id, alert__template="digest.today"
    ).exists()
    assert not await Notification.filter(
        recipient_id=f.world.manager_b.id, alert__template="digest.today"
    ).exists()
