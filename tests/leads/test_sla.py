"""SLA timers with an injected clock: first touch, unviewed leads recycled, working hours."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from api.leads import sla
from api.leads.models import Lead, LeadAssignment, LeadEvent, LeadEventKind
from api.notifications.models import Alert, Notification
from api.org.models import User
from tests.leads.support import BOARD, TOUCH, VIEW, capture, run_jobs, sales


async def _owner(lead_id: str) -> User:
    row = await Lead.get(id=lead_id)
    return await User.get(id=row.owner_id)  # type: ignore[attr-defined]


async def test_first_touch_is_due_15_working_minutes_after_assignment(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    now = api.services.clock.now()
    due = datetime.fromisoformat(lead["firstTouchDueAt"])
    assert due == now + timedelta(minutes=15)
    assert datetime.fromisoformat(lead["viewDueAt"]) == now + timedelta(hours=2)


async def test_a_lead_assigned_on_friday_evening_is_due_on_monday_morning(api: Any) -> None:
    api.services.clock.set(datetime(2026, 11, 27, 9, 50, tzinfo=UTC))  # Fri 17:50 Shanghai
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    assert datetime.fromisoformat(lead["firstTouchDueAt"]) == datetime(
        2026, 11, 30, 1, 5, tzinfo=UTC
    )  # Mon 09:05 Shanghai


async def test_an_untouched_lead_alerts_the_rep_then_climbs_to_the_manager(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    owner = await _owner(lead["id"])
    await api.graphql(VIEW, {"id": lead["id"]}, token=await api.login(owner.username))
    await run_jobs(api)
    api.services.clock.advance(minutes=16)
    assert await sla.sweep(now=api.services.clock.now()) == 1
    assert await sla.sweep(now=api.services.clock.now()) == 0  # idempotent
    row = await Lead.get(id=lead["id"])
    assert row.touch_overdue and row.touch_due_at is None
    alert = await Alert.get(template="lead.first_touch_overdue")
    assert alert.subject_id == f"{lead['id']}:1"  # the lead and its assignment
    api.services.clock.advance(minutes=31)
    await run_jobs(api)
    recipients = await Notification.filter(alert_id=alert.id).values_list("recipient_id", flat=True)
    assert owner.manager_id in recipients  # type: ignore[attr-defined]


async def test_a_touch_in_time_raises_nothing(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    owner = await _owner(lead["id"])
    body = await api.graphql(
        TOUCH, {"id": lead["id"], "kind": "CALL"}, token=await api.login(owner.username)
    )
    touched = body["data"]["touchLead"]["lead"]
    assert touched["touchedAt"] and touched["firstTouchDueAt"] is None
    assert touched["stage"] == "CONTACTED"
    api.services.clock.advance(hours=3)
    assert await sla.sweep(now=api.services.clock.now()) == 0
    assignment = await LeadAssignment.get(lead_id=lead["id"], sequence=1)
    assert assignment.touch_seconds == 0


async def test_a_late_touch_counts_as_overdue_even_before_the_sla_job_fires(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    owner = await _owner(lead["id"])
    api.services.clock.advance(minutes=16)  # past the deadline; no job or sweep has run

    body = await api.graphql(
        TOUCH, {"id": lead["id"], "kind": "CALL"}, token=await api.login(owner.username)
    )

    touched = body["data"]["touchLead"]["lead"]
    assert touched["touchedAt"] and touched["touchOverdue"] is True
    assert await sla.sweep(now=api.services.clock.now()) == 0  # nothing left to alert


async def test_an_unviewed_lead_is_rerouted_and_the_manager_is_told(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    first = await _owner(lead["id"])
    api.services.clock.advance(hours=2, minutes=1)
    await sla.sweep(now=api.services.clock.now())
    row = await Lead.get(id=lead["id"])
    assert row.owner_id not in (None, first.id)  # type: ignore[attr-defined]
    assert row.recycled_count == 1 and row.assignment_sequence == 2
    second = await LeadAssignment.get(lead_id=lead["id"], sequence=2)
    assert second.kind == "REROUTED"
    excluded = second.explanation["excluded"]
    assert isinstance(excluded, list) and str(first.id) in excluded
    alert = await Alert.get(template="lead.recycled")
    recipients = await Notification.filter(alert_id=alert.id).values_list("recipient_id", flat=True)
    assert recipients == [first.manager_id]  # type: ignore[attr-defined]
    kinds = await LeadEvent.filter(lead_id=lead["id"]).values_list("kind", flat=True)
    assert LeadEventKind.UNVIEWED_RECYCLED in kinds
    board = await api.graphql(BOARD, token=await api.login(s.world.manager_a.username))
    assert [r["id"] for r in board["data"]["leadBoard"]["recycled"]] == [lead["id"]]


async def test_the_clock_stops_outside_working_hours(api: Any) -> None:
    api.services.clock.set(datetime(2026, 11, 24, 9, 30, tzinfo=UTC))  # Tue 17:30 Shanghai
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    # First touch was due at 17:45; "not viewed" after 2 working hours: 30 min on Tuesday and
    # 90 on Wednesday from 09:00, so the lead is recycled at 10:30, not during the night.
    assert datetime.fromisoformat(lead["viewDueAt"]) == datetime(2026, 11, 25, 2, 30, tzinfo=UTC)
    api.services.clock.set(datetime(2026, 11, 24, 23, 0, tzinfo=UTC))  # Wed 07:00, before 09:00
    assert await sla.sweep(now=api.services.clock.now()) == 1
    row = await Lead.get(id=lead["id"])
    assert row.touch_overdue and row.recycled_count == 0
    api.services.clock.set(datetime(2026, 11, 25, 2, 29, tzinfo=UTC))  # Wed 10:29
    assert await sla.sweep(now=api.services.clock.now()) == 0
    api.services.clock.set(datetime(2026, 11, 25, 2, 30, tzinfo=UTC))  # Wed 10:30
    assert await sla.sweep(now=api.services.clock.now()) == 1
    assert (await Lead.get(id=lead["id"])).recycled_count == 1


async def test_a_deadline_redis_lost_is_found_by_the_sweep(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    await api.services.arq.flushall()
    api.services.clock.advance(minutes=20)
    ids = await sla.due_lead_ids(now=api.services.clock.now())
    assert [str(i) for i in ids] == [lead["id"]]
    from api.leads.jobs import sweep_sla

    ctx = {"clock": api.services.clock, "redis": api.services.arq}
    assert await sweep_sla(ctx) == 1
    assert (await Lead.get(id=lead["id"])).touch_overdue


async def test_the_deferred_check_acts_at_the_deadline(api: Any) -> None:
    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    from api.leads.jobs import check_sla

    ctx = {"clock": api.services.clock, "redis": api.services.arq}
    await check_sla(ctx, lead["id"])
    assert not (await Lead.get(id=lead["id"])).touch_overdue  # not due yet: nothing
    api.services.clock.advance(minutes=15)
    await check_sla(ctx, lead["id"])
    await check_sla(ctx, lead["id"])
    assert (await Lead.get(id=lead["id"])).touch_overdue
    assert await Alert.filter(template="lead.first_touch_overdue").count() == 1


async def test_an_overdue_alert_stops_climbing_once_the_lead_is_reassigned(api: Any) -> None:
    from tests.leads.support import REASSIGN

    s = await sales(api)
    lead = (await capture(api, s.token("marketing")))["lead"]
    owner = await _owner(lead["id"])
    await api.graphql(VIEW, {"id": lead["id"]}, token=await api.login(owner.username))
    api.services.clock.advance(minutes=16)
    await sla.sweep(now=api.services.clock.now())
    other = s.world.rep_a2 if owner.id == s.world.rep_a.id else s.world.rep_a
    manager = await api.login(s.world.manager_a.username)
    body = await api.graphql(
        REASSIGN, {"id": lead["id"], "user": str(other.id), "reason": "客户要求"}, token=manager
    )
    assert body["data"]["reassignLead"]["errors"] == []
    alert = await Alert.get(template="lead.first_touch_overdue")
    api.services.clock.advance(minutes=31)
    await run_jobs(api)
    alert = await Alert.get(id=alert.id)
    assert alert.resolved_at is not None and alert.level == 0
