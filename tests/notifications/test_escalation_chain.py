"""Escalation: rep -> manager -> director, each level with its own deadline, until acknowledged."""

from __future__ import annotations

from datetime import timedelta

from api.jobs.models import OutboxMessage
from api.notifications.escalation import escalate, register_subject_check
from api.notifications.models import Alert, AlertEvent, AlertEventKind, Notification
from api.notifications.service import Subject, acknowledge, notify, resolve
from notifications.escalation import EscalationPolicy
from notifications.message import Urgency
from tests.factories import make_world
from tests.notifications.support import LEAD_ASSIGNED, run_due_jobs

POLICY = EscalationPolicy.of_minutes(15, 30, 60)


async def _alert(world, services, subject="lead-1"):
    now = services.clock.now()
    result = await notify(
        organisation_id=world.org.id,
        recipients=[world.rep_a.id],
        template=LEAD_ASSIGNED,
        data={"customer": "协和医院", "due_at": now, "lead_id": subject},
        now=now,
        urgency=Urgency.URGENT,
        escalation=POLICY,
        subject=Subject("lead", subject),
    )
    return result.alert


async def _levels(alert_id):
    rows = await Notification.filter(alert_id=alert_id).prefetch_related("recipient")
    return sorted((n.level, n.recipient.username) for n in rows)


async def test_an_unacknowledged_alert_climbs_three_levels_then_stops(services):
    world = await make_world()
    alert = await _alert(world, services)
    await run_due_jobs(services)
    assert await _levels(alert.id) == [(0, world.rep_a.username)]

    services.clock.advance(minutes=14)
    await run_due_jobs(services)
    assert len(await _levels(alert.id)) == 1  # not yet due

    services.clock.advance(minutes=1)
    await run_due_jobs(services)
    assert await _levels(alert.id) == [(0, world.rep_a.username), (1, world.manager_a.username)]
    manager_note = await Notification.get(alert_id=alert.id, level=1)
    assert manager_note.title.startswith("【升级·1】")

    services.clock.advance(minutes=30)
    await run_due_jobs(services)
    assert (2, world.director.username) in await _levels(alert.id)

    services.clock.advance(minutes=60)
    await run_due_jobs(services)
    assert len(await _levels(alert.id)) == 3  # the director has nobody above
    kinds = [e.kind for e in await AlertEvent.filter(alert_id=alert.id).order_by("at")]
    assert kinds == [
        AlertEventKind.CREATED,
        AlertEventKind.ESCALATED,
        AlertEventKind.ESCALATED,
        AlertEventKind.ESCALATION_EXHAUSTED,
    ]


async def test_acknowledgement_stops_the_chain(services):
    world = await make_world()
    alert = await _alert(world, services)
    services.clock.advance(minutes=15)
    await run_due_jobs(services)
    manager_note = await Notification.get(alert_id=alert.id, level=1)

    await acknowledge(
        user_id=world.manager_a.id, notification_id=manager_note.id, now=services.clock.now()
    )
    services.clock.advance(hours=3)
    await run_due_jobs(services)
    assert len(await _levels(alert.id)) == 2
    stored = await Alert.get(id=alert.id)
    assert stored.acknowledged_by_id == world.manager_a.id  # type: ignore[attr-defined]
    assert stored.next_escalation_at is None


async def test_resolving_the_subject_stops_the_chain(services):
    world = await make_world()
    alert = await _alert(world, services)
    await resolve(
        organisation_id=world.org.id, subject=Subject("lead", "lead-1"), now=services.clock.now()
    )
    services.clock.advance(hours=3)
    await run_due_jobs(services)
    assert len(await _levels(alert.id)) == 1


async def test_a_domain_check_can_report_the_subject_handled(services):
    world = await make_world()
    handled: set[str] = set()

    async def lead_handled(organisation_id, subject_id):
        return subject_id in handled

    register_subject_check("lead", lead_handled)
    try:
        alert = await _alert(world, services, subject="lead-2")
        handled.add("lead-2")
        services.clock.advance(minutes=15)
        await run_due_jobs(services)
        assert len(await _levels(alert.id)) == 1
        assert (await Alert.get(id=alert.id)).resolved_at is not None
    finally:
        register_subject_check("lead", _never)


async def _never(organisation_id, subject_id):
    return False


async def test_running_an_escalation_job_again_notifies_nobody_twice(services):
    world = await make_world()
    alert = await _alert(world, services)
    services.clock.advance(minutes=15)
    await run_due_jobs(services)
    assert len(await _levels(alert.id)) == 2
    # The same level's job again (a duplicate run, a replay after a crash): nothing happens.
    outcome = await escalate(alert_id=alert.id, level=0, now=services.clock.now())
    assert outcome.escalated_to == 0 and outcome.stopped == "stale"
    assert len(await _levels(alert.id)) == 2


async def test_escalation_deadlines_survive_a_redis_flush(services):
    world = await make_world()
    alert = await _alert(world, services)
    await run_due_jobs(services)
    assert await OutboxMessage.filter(job_name="notifications.escalate").count() == 1
    await services.arq.flushdb()  # every queued and deferred job is gone

    services.clock.advance(minutes=15)
    await run_due_jobs(services)  # the sweep re-fires the escalation from the database
    assert len(await _levels(alert.id)) == 2
    services.clock.advance(timedelta(minutes=30))
    await services.arq.flushdb()
    await run_due_jobs(services)
    assert len(await _levels(alert.id)) == 3
