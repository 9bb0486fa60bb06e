"""DingTalk signed robot against a local server that checks signatures like DingTalk."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import socket
import time
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import aiohttp
import pytest

from notifications.channels.base import ChannelError
from notifications.channels.dingtalk import DingtalkRobot, DingtalkRobotConfig, sign
from notifications.message import ChannelKind, Outgoing, Recipient, Urgency
from notifications.templates import Template, TemplateRegistry
from tests.servers.dingtalk import FakeDingtalk, running_dingtalk

TOKEN = "b2a6c1d0e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1"
SECRET = "SEC2c3f5a1d6e4b7c8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2"
MOBILE = "13900139000"
TEMPLATES = TemplateRegistry()
TEMPLATES.register(
    Template(
        name="sla.breached",
        title={"zh-CN": "超时提醒：{lead}", "en": "SLA breached: {lead}"},
        body={"zh-CN": "线索{lead}已超时未跟进。", "en": "Lead {lead} was not followed up."},
        fields=(({"zh-CN": "负责人", "en": "Owner"}, "owner"),),
    )
)


def _outgoing(*, mobile: str | None = MOBILE) -> Outgoing:
    rendered = TEMPLATES.render(
        "sla.breached", {"lead": "华东电力", "owner": "陈"}, locale="zh-CN", escalation_level=1
    )
    recipient = Recipient("u-2", "王经理", "zh-CN", mobile, None, None)
    return Outgoing("dlv-0002", rendered, recipient, Urgency.URGENT)


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


@pytest.fixture
def fake() -> Iterator[FakeDingtalk]:
    with running_dingtalk({TOKEN: SECRET}) as server:
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


def _robot(
    fake: FakeDingtalk,
    http: aiohttp.ClientSession,
    *,
    secret: str = SECRET,
    mention: bool = True,
    now_ms: int | None = None,
) -> DingtalkRobot:
    return DingtalkRobot(
        DingtalkRobotConfig(TOKEN, secret, mention=mention),
        http=http,
        base_url=fake.url,
        now_ms=(lambda: now_ms) if now_ms is not None else None,
    )


def test_sign_matches_dingtalks_documented_algorithm() -> None:
    timestamp = 1_700_000_000_000
    expected = base64.b64encode(
        hmac.new(SECRET.encode(), f"{timestamp}\n{SECRET}".encode(), hashlib.sha256).digest()
    ).decode()
    assert sign(SECRET, timestamp) == expected


async def test_signed_markdown_with_a_mention(
    fake: FakeDingtalk, http: aiohttp.ClientSession
) -> None:
    robot = _robot(fake, http)
    outgoing = _outgoing()

    assert robot.kind is ChannelKind.DINGTALK
    assert robot.unreachable_reason(outgoing.recipient) is None
    assert await robot.send(outgoing) is None

    [request] = fake.requests
    assert request.path == "/robot/send"
    assert set(request.query) == {"access_token", "timestamp", "sign"}
    assert request.query["access_token"] == TOKEN
    assert abs(int(request.query["timestamp"]) - _now_ms()) < 60_000
    assert request.query["sign"] == sign(SECRET, int(request.query["timestamp"]))
    assert request.headers["x-liuhen-delivery"] == "dlv-0002"
    assert request.body == {
        "msgtype": "markdown",
        "markdown": {
            "title": "【升级·1】超时提醒：华东电力",
            "text": outgoing.rendered.markdown + f"\n\n@{MOBILE}",
        },
        "at": {"atMobiles": [MOBILE], "isAtAll": False},
    }
    assert fake.messages == [request.body]


@pytest.mark.parametrize(("mobile", "mention"), [(None, True), (MOBILE, False)])
async def test_without_a_mention(
    fake: FakeDingtalk, http: aiohttp.ClientSession, mobile: str | None, mention: bool
) -> None:
    outgoing = _outgoing(mobile=mobile)

    await _robot(fake, http, mention=mention).send(outgoing)

    [message] = fake.messages
    assert message["markdown"]["text"] == outgoing.rendered.markdown
    assert message["at"] == {"atMobiles": [], "isAtAll": False}


async def test_a_wrong_secret_fails_the_signature_check(
    fake: FakeDingtalk, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    with pytest.raises(ChannelError) as raised:
        await _robot(fake, http, secret="SECwrong").send(_outgoing())

    assert raised.value.code == "DINGTALK_310000"
    assert raised.value.retryable is False
    assert "sign not match" in str(raised.value)
    assert fake.messages == []
    for secret in (TOKEN, "SECwrong", fake.requests[0].query["sign"]):
        assert secret not in caplog.text and secret not in str(raised.value)


async def test_a_timestamp_over_an_hour_off_is_refused(
    fake: FakeDingtalk, http: aiohttp.ClientSession
) -> None:
    two_hours_ago = _now_ms() - 2 * 3_600_000

    with pytest.raises(ChannelError) as raised:
        await _robot(fake, http, now_ms=two_hours_ago).send(_outgoing())

    assert raised.value.code == "DINGTALK_310000"
    assert "invalid timestamp" in str(raised.value)


async def test_the_signature_uses_the_injected_clock(
    fake: FakeDingtalk, http: aiohttp.ClientSession
) -> None:
    fake.clock_ms = lambda: 1_700_000_000_000 + 59 * 60_000

    await _robot(fake, http, now_ms=1_700_000_000_000).send(_outgoing())

    assert fake.requests[0].query["timestamp"] == "1700000000000"
    assert len(fake.messages) == 1


async def test_an_unknown_token_is_permanent(
    fake: FakeDingtalk, http: aiohttp.ClientSession
) -> None:
    robot = DingtalkRobot(DingtalkRobotConfig("nope", SECRET), http=http, base_url=fake.url)

    with pytest.raises(ChannelError) as raised:
        await robot.send(_outgoing())

    assert raised.value.code == "DINGTALK_300001"
    assert raised.value.retryable is False


async def test_security_keywords_are_enforced(http: aiohttp.ClientSession) -> None:
    with (
        running_dingtalk({TOKEN: SECRET}, keywords=("留痕",)) as fake,
        pytest.raises(ChannelError) as raised,
    ):
        await _robot(fake, http).send(_outgoing())
    assert raised.value.code == "DINGTALK_310000"
    assert "keywords" in str(raised.value)


@pytest.mark.parametrize(
    ("errcode", "retryable", "retry_after"),
    [
        (130101, True, timedelta(seconds=60)),
        (-1, True, None),
        (400013, False, None),
        (400101, False, None),
    ],
)
async def test_errcodes_are_classified(
    fake: FakeDingtalk,
    http: aiohttp.ClientSession,
    errcode: int,
    retryable: bool,
    retry_after: timedelta | None,
) -> None:
    fake.fail_next(errcode=errcode)

    with pytest.raises(ChannelError) as raised:
        await _robot(fake, http).send(_outgoing())

    assert raised.value.code == f"DINGTALK_{errcode}"
    assert raised.value.retryable is retryable
    assert raised.value.retry_after == retry_after


async def test_http_errors_timeouts_and_refused_connections(
    fake: FakeDingtalk, http: aiohttp.ClientSession, impatient: aiohttp.ClientSession
) -> None:
    fake.fail_next(http_status=502, retry_after=12)
    with pytest.raises(ChannelError) as raised:
        await _robot(fake, http).send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("HTTP_502", True)
    assert raised.value.retry_after == timedelta(seconds=12)

    fake.fail_next(http_status=403)
    with pytest.raises(ChannelError) as raised:
        await _robot(fake, http).send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("HTTP_403", False)

    fake.delay = 1.0  # the impatient client waits 0.2 s
    with pytest.raises(ChannelError) as raised:
        await _robot(fake, impatient).send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("TIMEOUT", True)
    fake.delay = 0

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"
    robot = DingtalkRobot(DingtalkRobotConfig(TOKEN, SECRET), http=http, base_url=closed)
    with pytest.raises(ChannelError) as raised:
        await robot.send(_outgoing())
    assert (raised.value.code, raised.value.retryable) == ("CONNECT", True)
