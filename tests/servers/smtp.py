"""A local SMTP server (aiosmtpd) that requires STARTTLS, for the e-mail channel's tests.

It presents a certificate issued by its own trustme CA (written to ``.ca_file`` for clients to
trust), refuses mail before STARTTLS with 530 as RFC 3207 servers do, optionally requires AUTH
(PLAIN/LOGIN, only after STARTTLS; wrong credentials get 535), and records every accepted message
as a parsed ``email.message.EmailMessage``. ``fail_next(code, stage=...)`` makes the next RCPT or
DATA command answer with a 4xx (e.g. 451 local error, try again) or 5xx (e.g. 550 mailbox
unavailable) reply. ``running_smtp(starttls=False)`` plays an old relay without STARTTLS.
The controller runs its own event loop in its own thread.
"""

from __future__ import annotations

import email
import email.policy
import socket
import ssl
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import Any, Literal

import trustme
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, LoginPassword, Session

Stage = Literal["RCPT", "DATA"]

_REPLIES = {
    421: "421 4.3.2 Service not available, closing channel",
    450: "450 4.2.1 Mailbox temporarily unavailable",
    451: "451 4.3.0 Local error in processing, try again later",
    452: "452 4.3.1 Insufficient system storage",
    550: "550 5.1.1 Mailbox unavailable",
    552: "552 5.3.4 Message too big",
    553: "553 5.1.3 Mailbox name not allowed",
    554: "554 5.7.1 Transaction failed",
}


@dataclass
class FakeSmtp:
    """What the server received and the knobs that make it refuse."""

    host: str = "127.0.0.1"
    port: int = 0
    ca_file: str = ""
    credentials: tuple[str, str] | None = None
    messages: list[EmailMessage] = field(default_factory=list)
    envelopes: list[tuple[str, list[str]]] = field(default_factory=list)  # (mail from, rcpt tos)
    auth_logins: list[str] = field(default_factory=list)
    _failures: list[tuple[Stage, int]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(self, code: int, *, stage: Stage = "RCPT") -> None:
        """Answer the next `stage` command with `code` (a 4xx or 5xx reply)."""
        with self._lock:
            self._failures.append((stage, code))

    def _failure(self, stage: Stage) -> str | None:
        with self._lock:
            for index, (wanted, code) in enumerate(self._failures):
                if wanted == stage:
                    del self._failures[index]
                    return _REPLIES.get(code, f"{code} Refused")
        return None

    # aiosmtpd handler hooks ------------------------------------------------------------------

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: list[str]
    ) -> str:
        failure = self._failure("RCPT")
        if failure is not None:
            return failure
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        failure = self._failure("DATA")
        if failure is not None:
            return failure
        content = envelope.original_content or envelope.content or b""
        raw = content if isinstance(content, bytes) else content.encode()
        parsed = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(parsed, EmailMessage)
        self.messages.append(parsed)
        self.envelopes.append((str(envelope.mail_from), list(envelope.rcpt_tos)))
        return "250 Message accepted for delivery"

    def authenticate(
        self, server: SMTP, session: Session, envelope: Envelope, mechanism: str, auth_data: Any
    ) -> AuthResult:
        if not isinstance(auth_data, LoginPassword) or self.credentials is None:
            return AuthResult(success=False, handled=False)
        login, password = auth_data.login.decode(), auth_data.password.decode()
        if (login, password) != self.credentials:
            return AuthResult(success=False, handled=False)
        self.auth_logins.append(login)
        return AuthResult(success=True)


class _BoundController(Controller):
    """A Controller listening on a socket bound beforehand, so port 0 picks a free port."""

    def __init__(self, handler: Any, sock: socket.socket, **kwargs: Any) -> None:
        host, port = sock.getsockname()[:2]
        super().__init__(handler, hostname=host, port=port, **kwargs)
        self._sock = sock

    def _create_server(self) -> Any:
        return self.loop.create_server(self._factory_invoker, sock=self._sock)


def _server_tls(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


@contextmanager
def running_smtp(
    *, credentials: tuple[str, str] | None = None, starttls: bool = True
) -> Iterator[FakeSmtp]:
    """An SMTP server on 127.0.0.1 requiring STARTTLS (and AUTH when credentials are given).

    With starttls=False it plays an old relay that offers no STARTTLS (and so no AUTH either).
    """
    if credentials is not None and not starttls:
        raise ValueError("AUTH is only offered after STARTTLS")
    ca = trustme.CA()
    fake = FakeSmtp(credentials=credentials)
    with tempfile.TemporaryDirectory(prefix="liuhen-smtp-") as directory:
        ca_path = Path(directory) / "ca.pem"
        ca.cert_pem.write_to_path(str(ca_path))
        fake.ca_file = str(ca_path)
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        fake.port = sock.getsockname()[1]
        controller = _BoundController(
            fake,
            sock,
            server_hostname="smtp.liuhen.test",
            tls_context=_server_tls(ca) if starttls else None,
            require_starttls=starttls,
            authenticator=fake.authenticate if credentials else None,
            auth_required=credentials is not None,
            auth_require_tls=True,
        )
        controller.start()
        try:
            yield fake
        finally:
            controller.stop()
