"""WeCom group robot against a local server speaking the webhook protocol."""

from __future__ import annotations

import logging
import socket
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta

import aiohttp
import pytest

from notifications.channels.base import Channel, ChannelError
from notifications.channels.wecom import WecomRobot, WecomRobotConfig
from notifications.message import ChannelKind, Outgoing, Recipient, Urgency
from notifications.templates import Template, TemplateRegistry
from tests.servers.wecom import FakeWecom, running_wecom

KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa"
MOBILE = "13800138000"
TEMPLATES = TemplateRegistry()
TEMPLATES.register(
    Template(
        name="visit.overdue",
        title={"zh-CN": "拜访逾期：{customer}", "en": "Visit overdue: {customer}"},
        body={"zh-CN": "{rep}的拜访已逾期。", "en": "{rep}'s visit is overdue."},
        fields=(({"zh-CN": "计划时间", "en": "Planned"}, "planned"),),
    )
)


def _outgoing(
    *, mobile: str | None = MOBILE, customer: str = "华东电力", rep: str = "陈"
) -> Outgoing:
    rendered = TEMPLATES.render(
        "visit.overdue",
        {"customer": customer, "rep": rep, "planned": "2026-11-24 10:00"},
        locale="zh-CN",
    )
    recipient = Recipient("u-1", "陈", "zh-CN", mobile, None, None)
    return Outgoing("dlv-0001", rendered, recipient, Urgency.NORMAL)


def _closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@pytest.fixture
def fake() -> Iterator[FakeWecom]:
    with running_wecom({KEY}) as server:
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


def _robot(fake: FakeWecom, http: aiohttp.ClientSession, **config: object) -> WecomRobot:
    settings = {"webhook_key": KEY, **config}
    return WecomRobot(WecomRobotConfig(**settings), http=http, base_url=fake.url)  # type: ignore[arg-type]


async def test_markdown_post_has_the_documented_shape(
    fake: FakeWecom, http: aiohttp.ClientSession
) -> None:
    robot = _robot(fake, http)
    outgoing = _outgoing(mobile=None)

    assert isinstance(robot, Channel)
    assert robot.kind is ChannelKind.WECOM
    assert robot.unreachable_reason(outgoing.recipient) is None
    assert await robot.send(outgoing) is None

    [request] = fake.requests
    assert request.method == "POST"
    assert request.path == "/cgi-bin/webhook/send"
    assert request.query == {"key": KEY}
    assert request.headers["x-liuhen-delivery"] == "dlv-0001"
    assert request.headers["content-type"] == "application/json"
    assert request.body == {
        "msgtype": "markdown",
        "markdown": {"content": outgoing.rendered.markdown},
    }
    assert fake.messages == [request.body]


async def test_a_mention_goes_as_text_with_the_mobile(
    fake: FakeWecom, http: aiohttp.ClientSession
) -> None:
    outgoing = _outgoing()

    await _robot(fake, http).send(outgoing)

    assert fake.messages == [
        {
            "msgtype": "text",
            "text": {"content": outgoing.rendered.text, "mentioned_mobile_list": [MOBILE]},
        }
    ]


async def test_no_mention_when_turned_off(fake: FakeWecom, http: aiohttp.ClientSession) -> None:
    await _robot(fake, http, mention=False).send(_outgoing())

    assert fake.messages[0]["msgtype"] == "markdown"


@pytest.mark.parametrize(("mobile", "limit"), [(MOBILE, 2048), (None, 4096)])
async def test_long_messages_are_cut_to_the_byte_limits(
    fake: FakeWecom, http: aiohttp.ClientSession, mobile: str | None, limit: int
) -> None:
    await _robot(fake, http).send(_outgoing(mobile=mobile, rep="长" * 3000))

    [message] = fake.messages
    content = message[message["msgtype"]]["content"]
    assert limit - 3 <= len(content.encode()) <= limit
    assert content.endswith("…")


@pytest.mark.parametrize(
    ("errcode", "retryable", "retry_after"),
    [
        (-1, True, None),
        (45009, True, timedelta(seconds=60)),
        (40008, False, None),
        (44004, False, None),
        (93004, False, None),
    ],
)
async def test_errcodes_are_classified(
    fake: FakeWecom,
    http: aiohttp.ClientSession,
    errcode: int,
    retryable: bool,
    retry_after: timedelta | None,
) -> None:
    fake.fail_next(errcode=errcode)

    with pytest.raises(ChannelError) as raised:
        await _robot(fake, http).send(_outgoing())

    assert raised.value.code == f"WECOM_{errcode}"
    assert raised.value.retryable is retryable
    assert raised.value.retry_after == retry_after


async def test_an_unknown_key_is_permanent_and_never_shown(
    fake: FakeWecom, http: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    robot = WecomRobot(WecomRobotConfig("wrong-key-123"), http=http, base_url=fake.url)

    with pytest.raises(ChannelError) as raised:
        await robot.send(_outgoing())

    assert raised.value.code == "WECOM_93000"
    assert raised.value.retryable is False
    assert "wrong-key-123" not in str(raised.value)
    assert "wrong-key-123" not in caplog.text
    assert MOBILE not in caplog.text and MOBILE not in str(raised.value)


@pytest.mark.parametrize(
    ("status", "retry_after", "expected"),
    [(500, None, None), (503, "30", timedelta(seconds=30)), (429, "7", timedelta(seconds=7))],
)
async def test_server_errors_and_throttling_are_retryable(
    fake: FakeWecom,
    http: aiohttp.ClientSession,
    status: int,
    retry_after: str | None,
    expected: timedelta | None,
) -> None:
    fake.fail_next(http_status=status, retry_after=int(retry_after) if retry_after else None)

    with pytest.raises(ChannelError) as raised:
        await _robot(fake, http).send(_outgoing())

    assert raised.value.code == f"HTTP_{status}"
    assert raised.value.retryable is True
    assert raised.value.retry_after == expected


async def test_other_client_errors_are_permanent(
    fake: FakeWecom, http: aiohttp.ClientSession
) -> None:
    robot = WecomRobot(WecomRobotConfig(KEY), http=http, base_url=fake.url + "/wrong")

    with pytest.raises(ChannelError) as raised:
        await robot.send(_outgoing())

    assert raised.value.code == "HTTP_404"
    assert raised.value.retryable is False


async def test_a_slow_server_times_out(fake: FakeWecom, impatient: aiohttp.ClientSession) -> None:
    fake.delay = 1.0  # the impatient client waits 0.2 s

    with pytest.raises(ChannelError) as raised:
        await _robot(fake, impatient).send(_outgoing())

    assert raised.value.code == "TIMEOUT"
    assert raised.value.retryable is True


async def test_a_closed_port_is_a_retryable_connect_error(http: aiohttp.ClientSession) -> None:
    robot = WecomRobot(WecomRobotConfig(KEY), http=http, base_url=_closed_port_url())

    with pytest.raises(ChannelError) as raised:
        await robot.send(_outgoing())

    assert raised.value.code == "CONNECT"
    assert raised.value.retryable is True
