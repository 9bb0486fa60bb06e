"""A local HTTP server that plays a WeCom (企业微信) group robot webhook.

POST /cgi-bin/webhook/send?key=KEY with a JSON message, answered like WeCom does:
``{"errcode": 0, "errmsg": "ok"}``, or 93000 (invalid webhook url: unknown key), 40008 (invalid
message type), 44004 (empty content), 40058 (content over 2048 bytes for text, 4096 bytes for
markdown), 40035 (invalid parameter, e.g. a malformed mentioned_mobile_list). ``fail_next``
answers the next requests with a given errcode (-1 system busy, 45009 api freq out of limit, ...)
or HTTP status; ``delay`` holds every answer back, to test client timeouts.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

LIMITS = {"text": 2048, "markdown": 4096}
ERRMSG = {
    -1: "system busy",
    45009: "api freq out of limit",
    93000: "invalid webhook url, hint: [1700000000_1_abcdef]",
    40008: "invalid message type",
    44004: "empty content",
    40058: "content exceed max length",
    40035: "invalid parameter",
}


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]  # names in lower case
    body: Any


@dataclass
class _Failure:
    errcode: int
    http_status: int
    retry_after: int | None


@dataclass
class FakeWecom:
    """Webhook keys it knows, what it received, and knobs to make it fail or stall."""

    keys: set[str]
    url: str = ""
    delay: float = 0.0
    requests: list[Received] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)  # accepted messages
    _failures: list[_Failure] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def fail_next(
        self,
        n: int = 1,
        *,
        errcode: int = -1,
        http_status: int = 200,
        retry_after: int | None = None,
    ) -> None:
        """Answer the next `n` requests with `errcode` (HTTP 200) or with `http_status`."""
        with self._lock:
            self._failures.extend(_Failure(errcode, http_status, retry_after) for _ in range(n))

    def _next_failure(self) -> _Failure | None:
        with self._lock:
            return self._failures.pop(0) if self._failures else None

    def answer(self, received: Received) -> tuple[int, dict[str, str], bytes]:
        self.requests.append(received)
        failure = self._next_failure()
        if failure is not None and failure.http_status != 200:
            headers = {"Content-Type": "text/html"}
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after)
            return failure.http_status, headers, b"<html>upstream error</html>"
        if failure is not None:
            return _json(_error(failure.errcode))
        return _json(self._check(received))

    def _check(self, received: Received) -> dict[str, Any]:
        if received.query.get("key") not in self.keys:
            return _error(93000)
        message = received.body
        if not isinstance(message, dict):
            return _error(40035)
        msgtype = message.get("msgtype")
        if msgtype not in LIMITS:
            return _error(40008)
        part = message.get(msgtype)
        content = part.get("content") if isinstance(part, dict) else None
        if not isinstance(content, str) or not content:
            return _error(44004)
        if len(content.encode()) > LIMITS[msgtype]:
            return _error(40058)
        mentioned = part.get("mentioned_mobile_list", []) if isinstance(part, dict) else []
        if not isinstance(mentioned, list) or not all(isinstance(m, str) for m in mentioned):
            return _error(40035)
        self.messages.append(message)
        return {"errcode": 0, "errmsg": "ok"}


def _error(errcode: int) -> dict[str, Any]:
    return {"errcode": errcode, "errmsg": ERRMSG.get(errcode, "error")}


def _json(body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    return 200, {"Content-Type": "application/json; charset=UTF-8"}, json.dumps(body).encode()


@contextmanager
def running_wecom(keys: Iterable[str]) -> Iterator[FakeWecom]:
    """A WeCom robot webhook on 127.0.0.1 accepting the given keys."""
    fake = FakeWecom(keys=set(keys))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            parsed = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if parsed.path != "/cgi-bin/webhook/send":
                self.send_error(404)
                return
            try:
                body: Any = json.loads(raw)
            except ValueError:
                body = None
            received = Received(
                method="POST",
                path=parsed.path,
                query={k: v[0] for k, v in parse_qs(parsed.query).items()},
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
            )
            status, headers, payload = fake.answer(received)
            if fake.delay:
                time.sleep(fake.delay)
            try:
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)
            except OSError:  # the client gave up waiting
                pass

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
