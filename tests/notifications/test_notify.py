"""notify(): one alert, a notification per recipient in their language, a delivery per channel."""

from __future__ import annotations

from datetime import timedelta

from api.notifications.models import Alert, AlertEvent, DeliveryStatus, Notification
from api.notifications.service import Subject, notify
from notifications.message import ChannelKind, Urgency
from tests.factories import make_world
from tests.notifications.support import LEAD_ASSIGNED, deliveries_of, run_due_jobs


async def test_a_notification_per_recipient_in_their_language_delivered_in_app(services):
    world = await make_world()
    world.rep_b.locale = "en"
    await world.rep_b.save()
    now = services.clock.now()
    result = await notify(
        organisation_id=world.org.id,
        recipients=[world.rep_a.id, world.rep_b.id],
        template=LEAD_ASSIGNED,
        data={"customer": "协和医院", "due_at": now + timedelta(minutes=15), "lead_id": "L1"},
        now=now,
        subject=Subject("lead", "L1"),
    )
    assert result.created
    zh = await Notification.get(recipient_id=world.rep_a.id)
    en = await Notification.get(recipient_id=world.rep_b.id)
    assert zh.title == "新线索：协和医院"
    assert "10:15" in zh.body  # 02:15 UTC shown in Asia/Shanghai
    assert en.title == "New lead: 协和医院"
    assert en.page == "pages/leads/detail?id=L1"

    in_app = (await deliveries_of(world.rep_a.id))[ChannelKind.IN_APP]
    assert in_app.status is DeliveryStatus.PENDING
    await run_due_jobs(services)
    await in_app.refresh_from_db()
    assert in_app.status is DeliveryStatus.DELIVERED
    assert in_app.attempts == 1
    assert await AlertEvent.filter(alert_id=result.alert.id).count() == 1  # CREATED


async def test_a_repeated_dedupe_key_inside_its_window_sends_once(services):
    world = await make_world()
    now = services.clock.now()
    kwargs = {
        "organisation_id": world.org.id,
        "recipients": [world.rep_a.id],
        "template": LEAD_ASSIGNED,
        "data": {"customer": "A", "due_at": now, "lead_id": "L1"},
        "dedupe_key": "lead:L1:assigned",
        "dedupe_window": timedelta(hours=1),
        "urgency": Urgency.NORMAL,
    }
    first = await notify(now=now, **kwargs)  # type: ignore[arg-type]
    second = await notify(now=now + timedelta(minutes=59), **kwargs)  # type: ignore[arg-type]
    assert not second.created and second.alert.id == first.alert.id
    assert await Notification.filter(recipient_id=world.rep_a.id).count() == 1
    assert (await Alert.get(id=first.alert.id)).duplicates == 1

    third = await notify(now=now + timedelta(minutes=61), **kwargs)  # type: ignore[arg-type]
    assert third.created and third.alert.id != first.alert.id
    assert await Notification.filter(recipient_id=world.rep_a.id).count() == 2
