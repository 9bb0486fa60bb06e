"""E-mail over SMTP with STARTTLS: a plain-text part and an HTML alternative.

The Message-ID is derived from the delivery id, so a retried delivery carries the same id and
mail clients show it once. Refusals with a 5xx code are permanent, 4xx are worth retrying.
"""

from __future__ import annotations

import html
import re
import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formatdate

import aiosmtplib

from notifications.channels.base import DELIVERY_HEADER, ChannelError, scrub
from notifications.message import ChannelKind, Outgoing, Recipient

_DELIVERY_ID = re.compile(r"[A-Za-z0-9._-]{1,128}")


@dataclass(frozen=True, slots=True)
class SmtpConfig:
    """How to reach the outgoing mail server."""

    host: str
    port: int
    sender: str  # "Liuhen <noreply@example.com>"
    username: str | None = None
    password: str | None = None
    starttls: bool = True
    timeout: float = 10.0
    ca_file: str | None = None  # trust this CA bundle; None -> the system's


def message_id(delivery_id: str) -> str:
    """The deterministic Message-ID of a delivery."""
    return f"<{delivery_id}@liuhen>"


def _document(rendered_html: str, locale: str, title: str) -> str:
    return (
        f'<!DOCTYPE html>\n<html lang="{html.escape(locale)}">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{html.escape(title)}</title>\n</head>\n<body>\n{rendered_html}\n</body>\n</html>\n"
    )


class EmailChannel:
    """Sends each notification as one e-mail through an SMTP relay."""

    kind: ChannelKind = ChannelKind.EMAIL

    def __init__(self, config: SmtpConfig) -> None:
        self._config = config
        self._tls: ssl.SSLContext | None = None

    def unreachable_reason(self, recipient: Recipient) -> str | None:
        """NO_EMAIL when the recipient has no address."""
        return "NO_EMAIL" if not recipient.email else None

    def build(self, outgoing: Outgoing) -> EmailMessage:
        """The e-mail for this delivery."""
        if not _DELIVERY_ID.fullmatch(outgoing.delivery_id):
            raise ChannelError(
                "BAD_DELIVERY_ID", "delivery id unfit for a Message-ID", retryable=False
            )
        address = outgoing.recipient.email
        if not address:
            raise ChannelError("NO_EMAIL", "recipient has no e-mail address", retryable=False)
        rendered = outgoing.rendered
        message = EmailMessage()
        try:
            message["Subject"] = rendered.title
            message["From"] = self._config.sender
            message["To"] = address
        except (ValueError, IndexError) as exc:  # a header that would break the message
            raise ChannelError("BAD_ADDRESS", "unusable address header", retryable=False) from exc
        message["Date"] = formatdate(usegmt=True)
        message["Message-ID"] = message_id(outgoing.delivery_id)
        message["Auto-Submitted"] = "auto-generated"
        message["X-Auto-Response-Suppress"] = "All"
        message[DELIVERY_HEADER] = outgoing.delivery_id
        message["Content-Language"] = rendered.locale
        message.set_content(rendered.text)
        message.add_alternative(
            _document(rendered.html, rendered.locale, rendered.title), subtype="html"
        )
        return message

    def _tls_context(self) -> ssl.SSLContext:
        if self._tls is None:
            try:
                self._tls = ssl.create_default_context(cafile=self._config.ca_file)
            except (OSError, ssl.SSLError) as exc:
                raise ChannelError("TLS", "CA bundle unreadable", retryable=False) from exc
        return self._tls

    async def send(self, outgoing: Outgoing) -> str | None:
        """Send the e-mail and return its Message-ID."""
        message = self.build(outgoing)
        config = self._config
        secrets = (config.password, config.username, outgoing.recipient.email)
        try:
            await aiosmtplib.send(
                message,
                hostname=config.host,
                port=config.port,
                username=config.username,
                password=config.password,
                start_tls=config.starttls,
                tls_context=self._tls_context() if config.starttls else None,
                timeout=config.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            refusal = exc.recipients[0] if exc.recipients else None
            code = refusal.code if refusal is not None else 550
            text = refusal.message if refusal is not None else "recipient refused"
            raise _refused(code, text, secrets) from exc
        except aiosmtplib.SMTPResponseException as exc:
            raise _refused(exc.code, exc.message, secrets) from exc
        except ssl.SSLError as exc:
            raise _tls_failed() from exc
        except (aiosmtplib.SMTPTimeoutError, TimeoutError) as exc:
            raise ChannelError(
                "TIMEOUT", "mail server did not answer in time", retryable=True
            ) from exc
        except (aiosmtplib.SMTPConnectError, aiosmtplib.SMTPServerDisconnected, OSError) as exc:
            if isinstance(exc.__cause__ or exc.__context__, ssl.SSLError):
                raise _tls_failed() from exc
            raise ChannelError(
                "CONNECT", f"mail server unreachable ({type(exc).__name__})", retryable=True
            ) from exc
        except aiosmtplib.SMTPException as exc:
            # What is left is the server lacking something we need: STARTTLS, AUTH, SMTPUTF8.
            text = str(exc)
            if "STARTTLS" in text:
                raise ChannelError(
                    "TLS", "mail server does not offer STARTTLS", retryable=False
                ) from exc
            lacking = "SMTP_AUTH" if "AUTH" in text else "SMTP_NOT_SUPPORTED"
            raise ChannelError(lacking, scrub(text, secrets=secrets), retryable=False) from exc
        return message_id(outgoing.delivery_id)


def _tls_failed() -> ChannelError:
    return ChannelError("TLS", "TLS handshake with the mail server failed", retryable=False)


def _refused(code: int, text: str, secrets: tuple[str | None, ...]) -> ChannelError:
    message = f"mail server answered {code}: {scrub(text, secrets=secrets)}"
    if 500 <= code < 600:
        return ChannelError(f"SMTP_{code}", message, retryable=False)
    return ChannelError(f"SMTP_{code}", message, retryable=True)
