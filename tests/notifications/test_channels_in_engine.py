"""WeChat subscribe messages and e-mail, end to end through notify() and the worker."""

from __future__ import annotations

from dataclasses import replace

from api.auth.models import WechatBinding
from api.notifications.models import DeliveryStatus, NotificationPreference
from api.notifications.service import notify
from notifications.message import ChannelKind, Urgency
from tests.factories import make_world
from tests.notifications.support import LEAD_ASSIGNED, configure, deliveries_of, run_due_jobs
from tests.servers.smtp import running_smtp
from tests.servers.wechat_message import running_wechat_messages


async def _notify(world, services):
    now = services.clock.now()
    await notify(
        organisation_id=world.org.id,
        recipients=[world.rep_a.id],
        template=LEAD_ASSIGNED,
        data={"customer": "协和医院", "due_at": now, "lead_id": "L7"},
        now=now,
        urgency=Urgency.NORMAL,
    )


async def test_a_wechat_subscribe_message_reaches_a_bound_rep(services, settings):
    world = await make_world()
    await WechatBinding.create(
        organisation_id=world.org.id, user=world.rep_a, appid=settings.wechat_appid, openid="o-rep"
    )
    await configure(
        world.org.id,
        ChannelKind.WECHAT,
        templates={
            LEAD_ASSIGNED: {
                "template_id": "TPL-LEAD",
                "keywords": {"thing1": "customer", "time2": "due_at"},
                "page": None,
            }
        },
    )
    with running_wechat_messages(settings.wechat_appid, settings.wechat_secret) as wechat:
        wechat.templates["TPL-LEAD"] = {"thing1", "time2"}
        wechat.subscribe("o-rep", "TPL-LEAD", times=1)
        await _notify(world, services)
        await _notify_again_for_another_lead(world, services)
        await run_due_jobs(services, replace(settings, wechat_api_base=wechat.url))

        [sent] = wechat.messages
        assert sent["touser"] == "o-rep"
        # Whichever went first (the jobs run concurrently) carries its own page and values.
        lead = {"协和医院": "L7", "同仁医院": "L8"}[sent["data"]["thing1"]["value"]]
        assert sent["page"] == f"pages/leads/detail?id={lead}"
        # The rep accepted one message only: the second is refused (43101) and not retried.
    rows = await _wechat_deliveries(world)
    assert sorted(r.status for r in rows) == [DeliveryStatus.DEAD, DeliveryStatus.DELIVERED]
    dead = next(r for r in rows if r.status is DeliveryStatus.DEAD)
    assert dead.last_error.startswith("WECHAT_43101") and dead.attempts == 1
    assert wechat.token_fetches == 1  # the access token is cached (in Redis) across sends


async def _notify_again_for_another_lead(world, services):
    now = services.clock.now()
    await notify(
        organisation_id=world.org.id,
        recipients=[world.rep_a.id],
        template=LEAD_ASSIGNED,
        data={"customer": "同仁医院", "due_at": now, "lead_id": "L8"},
        now=now,
    )


async def _wechat_deliveries(world):
    from api.notifications.models import Delivery

    return await Delivery.filter(
        notification__recipient_id=world.rep_a.id, channel=ChannelKind.WECHAT
    )


async def test_an_email_goes_out_over_starttls_with_text_and_html(services, settings):
    world = await make_world()
    world.rep_a.email = "liu@example.com"
    await world.rep_a.save()
    await configure(world.org.id, ChannelKind.EMAIL)
    await NotificationPreference.create(
        user_id=world.rep_a.id, organisation_id=world.org.id, channels={"normal": ["email"]}
    )
    with running_smtp(credentials=("liuhen", "smtp-pass")) as smtp:
        smtp_settings = replace(
            settings,
            smtp_host=smtp.host,
            smtp_port=smtp.port,
            smtp_username="liuhen",
            smtp_password="smtp-pass",
            smtp_ca_file=smtp.ca_file,
        )
        await _notify(world, services)
        await run_due_jobs(services, smtp_settings)
        [message] = smtp.messages
    delivery = (await deliveries_of(world.rep_a.id))[ChannelKind.EMAIL]
    assert delivery.status is DeliveryStatus.DELIVERED
    assert message["To"] == "liu@example.com"
    assert message["Subject"] == "新线索：协和医院"
    assert message["Message-ID"] == f"<{delivery.id}@liuhen>"
    kinds = sorted(part.get_content_type() for part in message.iter_parts())
    assert kinds == ["text/html", "text/plain"]
    assert smtp.auth_logins == ["liuhen"]


async def test_email_is_skipped_for_someone_without_an_address(services, settings):
    world = await make_world()
    await configure(world.org.id, ChannelKind.EMAIL)
    await NotificationPreference.create(
        user_id=world.rep_a.id, organisation_id=world.org.id, channels={"normal": ["email"]}
    )
    await _notify(world, services)
    row = (await deliveries_of(world.rep_a.id))[ChannelKind.EMAIL]
    assert (row.status, row.last_error) == (DeliveryStatus.SKIPPED, "NO_EMAIL")
