"""The morning digest: each person's overdue items and items due today, once per local date."""

from __future__ import annotations

from datetime import UTC, datetime

from api.notifications import digest
from api.notifications.models import DigestRun, Notification
from api.notifications.service import Subject, notify
from api.worker import cron_jobs
from notifications.escalation import EscalationPolicy
from notifications.message import Urgency
from tests.factories import make_world
from tests.notifications.support import LEAD_ASSIGNED, run_due_jobs

MORNING = datetime(2026, 11, 25, 0, 5, tzinfo=UTC)  # 08:05 in Shanghai


async def _digests(user):
    return await Notification.filter(recipient_id=user.id, alert__template="digest.today")


async def _waiting_alert(world, services, lead, minutes):
    now = services.clock.now()
    await notify(
        organisation_id=world.org.id,
        recipients=[world.rep_a.id],
        template=LEAD_ASSIGNED,
        data={"customer": "协和医院", "due_at": now, "lead_id": lead},
        now=now,
        urgency=Urgency.URGENT,
        escalation=EscalationPolicy.of_minutes(minutes),
        subject=Subject("lead", lead),
    )


async def test_the_morning_digest_lists_overdue_and_due_today_items(services):
    world = await make_world()
    services.clock.set(datetime(2026, 11, 24, 23, 50, tzinfo=UTC))  # 07:50 local
    await _waiting_alert(world, services, "L1", minutes=10)  # due 08:00 -> overdue at 08:05
    await _waiting_alert(world, services, "L2", minutes=6 * 60)  # due 13:50 today
    await _waiting_alert(world, services, "L3", minutes=3 * 24 * 60)  # due in three days

    services.clock.set(MORNING)
    assert await digest.schedule_due(now=services.clock.now()) == 1
    assert await digest.schedule_due(now=services.clock.now()) == 1  # same run, same job
    await run_due_jobs(services)

    [mine] = await _digests(world.rep_a)
    assert mine.title == "今日待办（2026-11-25）"
    assert "逾期 1 项，今日到期 1 项。" in mine.body
    lines = mine.body.splitlines()
    overdue = next(i for i, line in enumerate(lines) if "【逾期】" in line)
    due = next(i for i, line in enumerate(lines) if "13:50 前" in line)
    assert overdue < due  # overdue first
    assert await _digests(world.rep_b) == []  # nothing to tell: no digest at all
    assert (await DigestRun.get(organisation_id=world.org.id)).sent == 1

    # Later sweeps the same morning send nothing more.
    services.clock.advance(minutes=30)
    await digest.schedule_due(now=services.clock.now())
    await run_due_jobs(services)
    assert len(await _digests(world.rep_a)) == 1


async def test_no_digest_before_the_organisations_digest_time(services):
    world = await make_world()
    await _waiting_alert(world, services, "L1", minutes=10)
    services.clock.set(datetime(2026, 11, 24, 23, 59, tzinfo=UTC))  # 07:59 local
    assert await digest.schedule_due(now=services.clock.now()) == 0


async def test_the_digest_is_a_worker_cron_job():
    assert "notifications.schedule_digests" in {job.name for job in cron_jobs()}


async def test_an_escalation_just_before_the_digest_leaves_the_new_level_out(services):
    world = await make_world()
    services.clock.set(datetime(2026, 11, 24, 23, 50, tzinfo=UTC))
    await _waiting_alert(world, services, "L1", minutes=10)  # one level: the manager is last

    services.clock.set(MORNING)
    await run_due_jobs(services)  # L1 escalates to rep A's manager at 08:00
    await digest.schedule_due(now=services.clock.now())
    await run_due_jobs(services)

    [mine] = await _digests(world.rep_a)
    assert "逾期 1 项，今日到期 0 项。" in mine.body
    # The manager holds the last level, with no deadline left: nothing overdue, nothing due.
    assert await _digests(world.manager_a) == []
    assert (await DigestRun.get(organisation_id=world.org.id)).sent == 1
