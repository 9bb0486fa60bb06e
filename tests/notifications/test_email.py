"""E-mail over STARTTLS with AUTH against a local aiosmtpd server."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest
import trustme

from notifications.channels.base import ChannelError
from notifications.channels.email import EmailChannel, SmtpConfig
from notifications.message import ChannelKind, Outgoing, Recipient, Urgency
from notifications.templates import Template, TemplateRegistry
from tests.servers.smtp import FakeSmtp, running_smtp

USER, PASSWORD = "liuhen-bot", "s3cret-smtp-password"
ADDRESS = "chen.rep@customer.example"
TEMPLATES = TemplateRegistry()
TEMPLATES.register(
    Template(
        name="digest.daily",
        title={"zh-CN": "今日待办：{count}项", "en": "Today: {count} tasks"},
        body={"zh-CN": "{name}，你好：", "en": "Hello {name},"},
        fields=(({"zh-CN": "团队", "en": "Team"}, "team"),),
        items_key="tasks",
    )
)


def _outgoing(*, email: str | None = ADDRESS, delivery_id: str = "dlv-0004") -> Outgoing:
    rendered = TEMPLATES.render(
        "digest.daily",
        {"count": 2, "name": "陈", "team": "华东<一组>", "tasks": ["回访客户", "提交周报"]},
        locale="zh-CN",
    )
    recipient = Recipient("u-4", "陈", "zh-CN", None, email, None)
    return Outgoing(delivery_id, rendered, recipient, Urgency.LOW)


@pytest.fixture
def smtp() -> Iterator[FakeSmtp]:
    with running_smtp(credentials=(USER, PASSWORD)) as server:
        yield server


def _channel(smtp: FakeSmtp, **changes: object) -> EmailChannel:
    settings: dict[str, object] = {
        "host": smtp.host,
        "port": smtp.port,
        "sender": "Liuhen <noreply@liuhen.example>",
        "username": USER,
        "password": PASSWORD,
        "ca_file": smtp.ca_file,
        "timeout": 5.0,
        **changes,
    }
    return EmailChannel(SmtpConfig(**settings))  # type: ignore[arg-type]


async def test_mail_goes_over_starttls_with_auth_in_two_parts(smtp: FakeSmtp) -> None:
    channel = _channel(smtp)
    outgoing = _outgoing()

    assert channel.kind is ChannelKind.EMAIL
    assert channel.unreachable_reason(outgoing.recipient) is None
    assert await channel.send(outgoing) == "<dlv-0004@liuhen>"

    assert smtp.auth_logins == [USER]
    assert smtp.envelopes == [("noreply@liuhen.example", [ADDRESS])]
    [message] = smtp.messages
    assert message["Subject"] == "今日待办：2项"
    assert message["From"] == "Liuhen <noreply@liuhen.example>"
    assert message["To"] == ADDRESS
    assert message["Message-ID"] == "<dlv-0004@liuhen>"
    assert message["Auto-Submitted"] == "auto-generated"
    assert message["X-Liuhen-Delivery"] == "dlv-0004"
    assert message.get_content_type() == "multipart/alternative"
    plain = message.get_body(("plain",))
    html = message.get_body(("html",))
    assert plain is not None and html is not None
    # SMTP carries text with CRLF line ends.
    assert plain.get_content().replace("\r\n", "\n").rstrip("\n") == outgoing.rendered.text
    html_text = html.get_content()
    assert html_text.startswith("<!DOCTYPE html>")
    assert outgoing.rendered.html in html_text
    assert "华东&lt;一组&gt;" in html_text


async def test_a_retried_delivery_keeps_its_message_id(smtp: FakeSmtp) -> None:
    channel = _channel(smtp)

    first = await channel.send(_outgoing())
    second = await channel.send(_outgoing())

    assert first == second == "<dlv-0004@liuhen>"
    assert [m["Message-ID"] for m in smtp.messages] == [first, second]


def test_without_an_address_the_channel_cannot_reach() -> None:
    channel = EmailChannel(SmtpConfig("127.0.0.1", 25, "noreply@liuhen.example"))
    assert channel.unreachable_reason(_outgoing(email=None).recipient) == "NO_EMAIL"


@pytest.mark.parametrize(("code", "stage"), [(451, "RCPT"), (450, "RCPT"), (452, "DATA")])
async def test_temporary_refusals_are_retryable(smtp: FakeSmtp, code: int, stage: str) -> None:
    smtp.fail_next(code, stage=stage)  # type: ignore[arg-type]

    with pytest.raises(ChannelError) as raised:
        await _channel(smtp).send(_outgoing())

    assert raised.value.code == f"SMTP_{code}"
    assert raised.value.retryable is True
    assert smtp.messages == []


@pytest.mark.parametrize(("code", "stage"), [(550, "RCPT"), (553, "RCPT"), (554, "DATA")])
async def test_permanent_refusals_are_not_retried(smtp: FakeSmtp, code: int, stage: str) -> None:
    smtp.fail_next(code, stage=stage)  # type: ignore[arg-type]

    with pytest.raises(ChannelError) as raised:
        await _channel(smtp).send(_outgoing())

    assert raised.value.code == f"SMTP_{code}"
    assert raised.value.retryable is False
    assert ADDRESS not in str(raised.value)


async def test_wrong_credentials_are_permanent_and_not_shown(smtp: FakeSmtp) -> None:
    with pytest.raises(ChannelError) as raised:
        await _channel(smtp, password="wrong-password").send(_outgoing())

    assert raised.value.code == "SMTP_535"
    assert raised.value.retryable is False
    assert "wrong-password" not in str(raised.value)


async def test_an_untrusted_certificate_is_a_permanent_tls_error(smtp: FakeSmtp) -> None:
    other_ca = trustme.CA()
    with other_ca.cert_pem.tempfile() as other_ca_file, pytest.raises(ChannelError) as raised:
        await _channel(smtp, ca_file=other_ca_file).send(_outgoing())

    assert raised.value.code == "TLS"
    assert raised.value.retryable is False
    assert smtp.messages == []


async def test_plain_text_sessions_are_refused_by_the_server(smtp: FakeSmtp) -> None:
    with pytest.raises(ChannelError) as raised:
        await _channel(smtp, starttls=False, username=None, password=None).send(_outgoing())

    assert raised.value.code == "SMTP_530"  # 530 Must issue a STARTTLS command first
    assert raised.value.retryable is False


async def test_a_server_without_starttls_is_never_used_in_clear_text() -> None:
    with running_smtp(starttls=False) as plain:
        with pytest.raises(ChannelError) as raised:
            await _channel(plain, username=None, password=None).send(_outgoing())
        assert plain.messages == []

    assert raised.value.code == "TLS"
    assert raised.value.retryable is False


async def test_a_missing_ca_bundle_is_a_permanent_tls_error(smtp: FakeSmtp) -> None:
    with pytest.raises(ChannelError) as raised:
        await _channel(smtp, ca_file="/nonexistent/ca.pem").send(_outgoing())

    assert (raised.value.code, raised.value.retryable) == ("TLS", False)


async def test_a_closed_port_is_a_retryable_connect_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    channel = EmailChannel(SmtpConfig("127.0.0.1", port, "noreply@liuhen.example", timeout=2))

    with pytest.raises(ChannelError) as raised:
        await channel.send(_outgoing())

    assert raised.value.code == "CONNECT"
    assert raised.value.retryable is True


async def test_a_silent_server_times_out() -> None:
    with socket.socket() as listener:  # accepts connections but never greets
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        channel = EmailChannel(SmtpConfig("127.0.0.1", port, "noreply@liuhen.example", timeout=0.2))

        with pytest.raises(ChannelError) as raised:
            await channel.send(_outgoing())

    assert raised.value.code == "TIMEOUT"
    assert raised.value.retryable is True


async def test_unusable_delivery_ids_and_addresses_are_permanent(smtp: FakeSmtp) -> None:
    with pytest.raises(ChannelError, match="BAD_DELIVERY_ID"):
        await _channel(smtp).send(_outgoing(delivery_id="a b@c"))
    with pytest.raises(ChannelError, match="BAD_ADDRESS"):
        await _channel(smtp).send(_outgoing(email="x@example.com\r\nBcc: y@example.com"))
    assert smtp.messages == []
