"""A local HTTP server that plays a DingTalk (钉钉) custom robot with signed requests (加签).

POST /robot/send?access_token=T&timestamp=TS&sign=S with a JSON message. Like DingTalk it answers
300001 (token is not exist) for an unknown access token, 310000 when the timestamp is more than
one hour away from its clock ("invalid timestamp") or the signature is not
base64(HMAC-SHA256(secret, f"{TS}\\n{secret}")) ("sign not match"), and 310000 "keywords not in
content" when the robot has security keywords and the message contains none of them. Malformed
messages (unknown msgtype, missing title/text/content) get 40035 here. Accepted messages answer
``{"errcode": 0, "errmsg": "ok"}`` and are recorded. ``fail_next`` answers the next requests
with an errcode (-1 system busy, 130101 send too fast, ...) or an HTTP status; ``delay`` holds
every answer back. ``clock_ms`` is the server's clock, real time unless a test sets it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

HOUR_MS = 3_600_000
ERRMSG = {
    -1: "系统繁忙",
    130101: "send too fast, exceed 20 times per minute",
    300001: "token is not exist",
    40035: "缺少参数 json",
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


def _wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


@dataclass
class FakeDingtalk:
    """Robots it knows (access token -> signing secret) and what they received."""

    robots: dict[str, str]
    keywords: tuple[str, ...] = ()
    clock_ms: Callable[[], int] = _wall_clock_ms
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
            return failure.http_status, headers, b"<html>error</html>"
        if failure is not None:
            return _json(failure.errcode, ERRMSG.get(failure.errcode, "error"))
        return _json(*self._check(received))

    def _check(self, received: Received) -> tuple[int, str]:
        query = received.query
        secret = self.robots.get(query.get("access_token", ""))
        if secret is None:
            return 300001, ERRMSG[300001]
        timestamp = query.get("timestamp", "")
        if not timestamp.isdigit() or abs(self.clock_ms() - int(timestamp)) > HOUR_MS:
            return 310000, "invalid timestamp"
        expected = base64.b64encode(
            hmac.new(secret.encode(), f"{timestamp}\n{secret}".encode(), hashlib.sha256).digest()
        ).decode()
        if not hmac.compare_digest(expected, query.get("sign", "")):
            return 310000, "sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2]"
        content = _content(received.body)
        if content is None:
            return 40035, ERRMSG[40035]
        if self.keywords and not any(k in content for k in self.keywords):
            return 310000, "keywords not in content"
        self.messages.append(received.body)
        return 0, "ok"


def _content(message: Any) -> str | None:
    """The text DingTalk would show, or None when the message is malformed."""
    if not isinstance(message, Mapping):
        return None
    msgtype = message.get("msgtype")
    part = message.get(msgtype) if isinstance(msgtype, str) else None
    if not isinstance(part, Mapping):
        return None
    if msgtype == "markdown":
        title, text = part.get("title"), part.get("text")
        if isinstance(title, str) and title and isinstance(text, str) and text:
            return title + "\n" + text
        return None
    if msgtype == "text":
        content = part.get("content")
        return content if isinstance(content, str) and content else None
    return None


def _json(errcode: int, errmsg: str) -> tuple[int, dict[str, str], bytes]:
    body = json.dumps({"errcode": errcode, "errmsg": errmsg}).encode()
    return 200, {"Content-Type": "application/json;charset=utf-8"}, body


@contextmanager
def running_dingtalk(
    robots: Mapping[str, str], *, keywords: tuple[str, ...] = ()
) -> Iterator[FakeDingtalk]:
    """A DingTalk robot endpoint on 127.0.0.1 for the given access token -> secret pairs."""
    fake = FakeDingtalk(robots=dict(robots), keywords=keywords)

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            parsed = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if parsed.path != "/robot/send":
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
