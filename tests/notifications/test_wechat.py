"""WeChat subscribe messages against a local server playing WeChat's token and send APIs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import aiohttp
import pytest
from arq.connections import ArqRedis

from notifications.channels.base import ChannelError
from notifications.channels.wechat import (
    MemoryTokenCache,
    RedisTokenCache,
    WechatAccessTokens,
    WechatSubscribe,
    WechatSubscribeConfig,
    WechatTemplateMapping,
    fit_keyword,
)
from notifications.message import ChannelKind, Outgoing, Recipient, Urgency
from notifications.templates import Template, TemplateRegistry
from tests.servers.wechat_message import FakeWechatMessages, running_wechat_messages

APPID = "wx1234567890abcdef"
SECRET = "0123456789abcdef0123456789abcdef"
OPENID = "oAbC-openid-of-chen"
TEMPLATE_ID = "tpl-lead-assigned"
TEMPLATES = TemplateRegistry()
TEMPLATES.register(
    Template(
        name="lead.assigned",
        title={"zh-CN": "新线索：{customer}", "en": "New lead: {customer}"},
        body={"zh-CN": "请在{due_at}前跟进。", "en": "Follow up before {due_at}."},
        page="pages/leads/detail?id={lead_id}",
    )
)
TEMPLATES.register(
    Template(
        name="digest.daily",
        title={"zh-CN": "日报", "en": "Digest"},
        body={"zh-CN": "正文", "en": "Body"},
    )
)
MAPPING = WechatTemplateMapping(
    template_id=TEMPLATE_ID,
    keywords={"thing1": "customer", "time2": "due_at", "phrase3": "status", "thing4": "title"},
)
CONFIG = WechatSubscribeConfig(templates={"lead.assigned": MAPPING})


def _outgoing(
    *, customer: str = "华东电力", locale: str = "zh-CN", openid: str | None = OPENID
) -> Outgoing:
    rendered = TEMPLATES.render(
        "lead.assigned",
        {
            "customer": customer,
            "due_at": "2026-11-24 16:30",
            "lead_id": "ld_7Kq2",
            "status": "待跟进",
        },
        locale=locale,
    )
    recipient = Recipient("u-3", "陈", locale, None, None, openid)
    return Outgoing("dlv-0003", rendered, recipient, Urgency.NORMAL)


@pytest.fixture
def fake() -> Iterator[FakeWechatMessages]:
    with running_wechat_messages(APPID, SECRET) as server:
        server.templates[TEMPLATE_ID] = {"thing1", "time2", "phrase3", "thing4"}
        server.subscribe(OPENID, TEMPLATE_ID, times=5)
        yield server


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    # Generous: a loaded CI machine must not turn a normal exchange into a timeout. The timeout
    # tests use their own impatient session.
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=10)) as client:
        yield client


@pytest.fixture
async def impatient() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=0.2)) as client:
        yield client


def _tokens(
    fake: FakeWechatMessages, http: aiohttp.ClientSession, **kwargs: str
) -> WechatAccessTokens:
    return WechatAccessTokens(
        http=http,
        base_url=fake.url,
        appid=kwargs.get("appid", APPID),
        secret=kwargs.get("secret", SECRET),
        cache=MemoryTokenCache(),
    )


def _channel(
    fake: FakeWechatMessages,
    http: aiohttp.ClientSession,
    tokens: WechatAccessTokens | None = None,
    config: WechatSubscribeConfig = CONFIG,
) -> WechatSubscribe:
    return WechatSubscribe(
        config, http=http, base_url=fake.url, tokens=tokens or _tokens(fake, http)
    )


async def test_send_has_the_documented_shape_and_returns_the_msgid(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    channel = _channel(fake, http)
    outgoing = _outgoing()

    assert channel.kind is ChannelKind.WECHAT
    msgid = await channel.send(outgoing)

    assert msgid == "2000000001"
    token_request, send_request = fake.requests
    assert token_request.method == "GET"
    assert token_request.query == {
        "grant_type": "client_credential",
        "appid": APPID,
        "secret": SECRET,
    }
    assert send_request.method == "POST"
    assert send_request.path == "/cgi-bin/message/subscribe/send"
    assert send_request.query == {"access_token": "tok-1"}
    assert send_request.headers["x-liuhen-delivery"] == "dlv-0003"
    assert send_request.body == {
        "touser": OPENID,
        "template_id": TEMPLATE_ID,
        "page": "pages/leads/detail?id=ld_7Kq2",
        "data": {
            "thing1": {"value": "华东电力"},
            "time2": {"value": "2026-11-24 16:30"},
            "phrase3": {"value": "待跟进"},
            "thing4": {"value": "新线索：华东电力"},
        },
        "miniprogram_state": "formal",
        "lang": "zh_CN",
    }


async def test_english_page_override_and_state(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    mapping = WechatTemplateMapping(TEMPLATE_ID, {"thing1": "text"}, page="pages/home/index")
    config = WechatSubscribeConfig({"lead.assigned": mapping}, miniprogram_state="trial")

    await _channel(fake, http, config=config).send(_outgoing(locale="en"))

    [message] = fake.messages
    assert message["lang"] == "en_US"
    assert message["page"] == "pages/home/index"
    assert message["miniprogram_state"] == "trial"
    assert message["data"]["thing1"]["value"] == "New lead: 华东电力 Foll…"


async def test_values_are_cut_to_the_keyword_limits(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    await _channel(fake, http).send(
        _outgoing(customer="上海浦东新区某某某某大型国有企业集团有限公司")
    )

    [message] = fake.messages
    assert message["data"]["thing1"]["value"] == "上海浦东新区某某某某大型国有企业集团有…"
    assert len(message["data"]["thing1"]["value"]) == 20


def test_fit_keyword_by_type() -> None:
    assert fit_keyword("thing9", "a\nb\tc") == "a b c"
    assert fit_keyword("phrase3", "已经完成了跟进") == "已经完成了"
    assert fit_keyword("character_string2", "x" * 40) == "x" * 32
    assert fit_keyword("number5", "1" * 40) == "1" * 32
    assert fit_keyword("symbol1", "+-*/%^&") == "+-*/%"
    assert fit_keyword("name6", "欧阳" * 8) == "欧阳欧阳欧阳欧阳欧…"
    assert fit_keyword("name6", "Alexander Graham Bell Jr") == "Alexander Graham Be…"
    assert fit_keyword("time2", "2026-11-24 16:30 ~ 2026-11-24 18:30") == (
        "2026-11-24 16:30 ~ 2026-11-24 18:30"
    )
    assert fit_keyword("date7", "2026-11-24") == "2026-11-24"


async def test_the_token_is_fetched_once_and_cached(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    channel = _channel(fake, http)

    await asyncio.gather(*(channel.send(_outgoing()) for _ in range(4)))
    await channel.send(_outgoing())

    assert fake.token_fetches == 1
    assert {r.query.get("access_token") for r in fake.requests if r.endpoint == "send"} == {"tok-1"}
    assert len(fake.messages) == 5


async def test_the_cache_expires_five_minutes_before_the_token(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    now = [1000.0]
    tokens = WechatAccessTokens(
        http=http,
        base_url=fake.url,
        appid=APPID,
        secret=SECRET,
        cache=MemoryTokenCache(clock=lambda: now[0]),
    )

    assert await tokens.get() == "tok-1"
    now[0] += 7200 - 300 - 1
    assert await tokens.get() == "tok-1"
    now[0] += 1
    assert await tokens.get() == "tok-2"


async def test_an_expired_token_is_refreshed_and_the_send_retried_once(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    channel = _channel(fake, http)
    await channel.send(_outgoing())
    fake.expire("tok-1")

    assert await channel.send(_outgoing()) == "2000000002"

    sends = [r.query["access_token"] for r in fake.requests if r.endpoint == "send"]
    assert sends == ["tok-1", "tok-1", "tok-2"]
    assert fake.token_fetches == 2


async def test_a_token_rejected_twice_is_retryable(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    fake.fail_next(2, errcode=40001, endpoint="send")

    with pytest.raises(ChannelError) as raised:
        await _channel(fake, http).send(_outgoing())

    assert raised.value.code == "WECHAT_40001"
    assert raised.value.retryable is True
    assert fake.token_fetches == 2
    assert "tok-" not in str(raised.value)


async def test_invalidate_keeps_a_token_another_caller_already_replaced(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    tokens = _tokens(fake, http)
    assert await tokens.get() == "tok-1"

    await tokens.invalidate("tok-0")
    assert await tokens.get() == "tok-1"
    await tokens.invalidate("tok-1")
    assert await tokens.get() == "tok-2"


async def test_a_user_without_a_subscription_is_permanent(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    fake.subscriptions.clear()

    with pytest.raises(ChannelError) as raised:
        await _channel(fake, http).send(_outgoing())

    assert raised.value.code == "WECHAT_43101"
    assert raised.value.retryable is False
    assert OPENID not in str(raised.value)


async def test_one_time_subscriptions_are_used_up(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    fake.subscriptions.clear()
    fake.subscribe(OPENID, TEMPLATE_ID, times=1)
    channel = _channel(fake, http)

    await channel.send(_outgoing())
    with pytest.raises(ChannelError, match="WECHAT_43101"):
        await channel.send(_outgoing())


async def test_an_unknown_template_id_and_a_bad_page_are_permanent(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    fake.templates.clear()
    with pytest.raises(ChannelError) as raised:
        await _channel(fake, http).send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("WECHAT_40037", False)

    fake.templates[TEMPLATE_ID] = {"thing1", "time2", "phrase3", "thing4"}
    fake.pages = {"pages/home/index"}
    with pytest.raises(ChannelError) as raised:
        await _channel(fake, http).send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("WECHAT_41030", False)


async def test_missing_mapping_binding_or_value(
    fake: FakeWechatMessages, http: aiohttp.ClientSession
) -> None:
    channel = _channel(fake, http)
    digest = TEMPLATES.render("digest.daily", {}, locale="zh-CN")
    recipient = Recipient("u-3", "陈", "zh-CN", None, None, OPENID)

    with pytest.raises(ChannelError) as raised:
        await channel.send(Outgoing("dlv-9", digest, recipient, Urgency.LOW))
    assert (raised.value.code, raised.value.retryable) == ("NO_TEMPLATE_MAPPING", False)

    unbound = _outgoing(openid=None)
    assert channel.unreachable_reason(unbound.recipient) == "NO_WECHAT_BINDING"
    assert channel.unreachable_reason(_outgoing().recipient) is None
    with pytest.raises(ChannelError, match="NO_WECHAT_BINDING"):
        await channel.send(unbound)

    broken = WechatSubscribeConfig(
        {"lead.assigned": WechatTemplateMapping(TEMPLATE_ID, {"thing1": "nope"})}
    )
    with pytest.raises(ChannelError, match="BAD_TEMPLATE_MAPPING"):
        await _channel(fake, http, config=broken).send(_outgoing())
    assert fake.requests == []  # nothing was sent, not even a token request


@pytest.mark.parametrize(
    ("errcode", "retryable", "retry_after"),
    [
        (-1, True, None),
        (45009, True, timedelta(seconds=60)),
        (47003, False, None),
        (40037, False, None),
        (41030, False, None),
        (40003, False, None),
    ],
)
async def test_send_errcodes_are_classified(
    fake: FakeWechatMessages,
    http: aiohttp.ClientSession,
    errcode: int,
    retryable: bool,
    retry_after: timedelta | None,
) -> None:
    fake.fail_next(errcode=errcode, endpoint="send")

    with pytest.raises(ChannelError) as raised:
        await _channel(fake, http).send(_outgoing())

    assert raised.value.code == f"WECHAT_{errcode}"
    assert raised.value.retryable is retryable
    assert raised.value.retry_after == retry_after


@pytest.mark.parametrize(
    ("credentials", "errcode", "retryable"),
    [
        ({"appid": "wx-other"}, 40013, False),
        ({"secret": "wrong-secret-value"}, 40125, False),
        ({}, -1, True),
        ({}, 40164, False),
    ],
)
async def test_token_errors_are_classified_without_leaking_the_secret(
    fake: FakeWechatMessages,
    http: aiohttp.ClientSession,
    caplog: pytest.LogCaptureFixture,
    credentials: dict[str, str],
    errcode: int,
    retryable: bool,
) -> None:
    caplog.set_level(logging.DEBUG)
    if not credentials:
        fake.fail_next(errcode=errcode, endpoint="token")

    with pytest.raises(ChannelError) as raised:
        await _channel(fake, http, tokens=_tokens(fake, http, **credentials)).send(_outgoing())

    assert raised.value.code == f"WECHAT_{errcode}"
    assert raised.value.retryable is retryable
    for secret in (SECRET, "wrong-secret-value"):
        assert secret not in str(raised.value)
        assert secret not in caplog.text


async def test_tokens_never_reach_the_logs(
    fake: FakeWechatMessages, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    await _channel(fake, http).send(_outgoing())

    assert "tok-1" not in caplog.text
    assert SECRET not in caplog.text


async def test_http_errors_and_timeouts(
    fake: FakeWechatMessages, http: aiohttp.ClientSession, impatient: aiohttp.ClientSession
) -> None:
    channel = _channel(fake, http)
    fake.fail_next(http_status=503, retry_after=20, endpoint="send")
    with pytest.raises(ChannelError) as raised:
        await channel.send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("HTTP_503", True)
    assert raised.value.retry_after == timedelta(seconds=20)

    fake.delay = 1.0  # the impatient client waits 0.2 s
    with pytest.raises(ChannelError) as raised:
        await _channel(fake, impatient).send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("TIMEOUT", True)


async def test_the_redis_cache_shares_tokens_between_instances(
    fake: FakeWechatMessages, http: aiohttp.ClientSession, arq_redis: ArqRedis
) -> None:
    def tokens() -> WechatAccessTokens:
        return WechatAccessTokens(
            http=http,
            base_url=fake.url,
            appid=APPID,
            secret=SECRET,
            cache=RedisTokenCache(arq_redis),
        )

    assert await tokens().get() == "tok-1"
    assert await tokens().get() == "tok-1"  # a second process finds it in Redis
    assert fake.token_fetches == 1
    ttl = await arq_redis.ttl(f"liuhen:wechat:token:{APPID}")
    assert 7200 - 300 - 5 <= ttl <= 7200 - 300

    await tokens().invalidate("tok-1")
    assert await tokens().get() == "tok-2"
