"""A local HTTP server that plays WeChat's access-token and subscribe-message endpoints.

GET /cgi-bin/token?grant_type=client_credential&appid=&secret= issues "tok-1", "tok-2", ...
with expires_in 7200, or answers 40002 (invalid grant_type), 40013 (invalid appid), 40125
(invalid appsecret). Earlier tokens stay valid until a test expires them (WeChat keeps the old
one valid for five minutes after a refresh).

POST /cgi-bin/message/subscribe/send?access_token=T answers 41001 (access_token missing), 40001
(invalid credential) for an unknown token, 42001 (access_token expired) for an expired one,
40037 (invalid template_id), 47003 (argument invalid: a keyword the template lacks, a value over
its type's limit, a bad miniprogram_state or lang), 41030 (invalid page) when pages are
configured and the page is not one of them, and 43101 (user refuse to accept the msg) when the
user holds no subscription: like one-time subscriptions, each accepted message uses one up.
Success answers ``{"errcode": 0, "errmsg": "ok", "msgid": N}``.

``fail_next`` answers the next requests (optionally only those to "token" or "send") with an
errcode or an HTTP status; ``delay`` holds every answer back.
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections import Counter
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Literal
from urllib.parse import parse_qs, urlparse

Endpoint = Literal["token", "send"]
PATHS: dict[str, Endpoint] = {"/cgi-bin/token": "token", "/cgi-bin/message/subscribe/send": "send"}
LIMITS = {"thing": 20, "phrase": 5, "character_string": 32, "number": 32, "letter": 32}
ERRMSG = {
    -1: "system error",
    40001: "invalid credential, access_token is invalid or not latest",
    40002: "invalid grant_type",
    40013: "invalid appid",
    40037: "invalid template_id",
    40125: "invalid appsecret",
    41001: "access_token missing",
    41030: "invalid page",
    42001: "access_token expired",
    43101: "user refuse to accept the msg",
    45009: "reach max api daily quota limit",
    47003: "argument invalid!",
}
_KEYWORD = re.compile(r"([a-z_]+?)\d+")


@dataclass(frozen=True)
class Received:
    """One request as the server saw it."""

    endpoint: Endpoint
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
    endpoint: Endpoint | None


@dataclass
class FakeWechatMessages:
    """The app's credentials, its templates and users' subscriptions, and what was sent."""

    appid: str
    secret: str
    templates: dict[str, set[str]] = field(default_factory=dict)  # template_id -> keywords
    pages: set[str] | None = None  # None: any page is fine
    subscriptions: Counter[tuple[str, str]] = field(default_factory=Counter)  # (openid, tid)
    url: str = ""
    delay: float = 0.0
    token_fetches: int = 0
    requests: list[Received] = field(default_factory=list)
    messages: list[dict[str, Any]] = field(default_factory=list)  # accepted messages
    _valid: set[str] = field(default_factory=set)
    _expired: set[str] = field(default_factory=set)
    _failures: list[_Failure] = field(default_factory=list)
    _next_msgid: int = 2_000_000_001
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, openid: str, template_id: str, times: int = 1) -> None:
        """The user accepted `template_id` `times` times in wx.requestSubscribeMessage."""
        with self._lock:
            self.subscriptions[(openid, template_id)] += times

    def expire(self, token: str | None = None) -> None:
        """Expire one token (or every token issued so far): sends with it answer 42001."""
        with self._lock:
            tokens = {token} if token is not None else set(self._valid)
            self._valid -= tokens
            self._expired |= tokens

    def fail_next(
        self,
        n: int = 1,
        *,
        errcode: int = -1,
        http_status: int = 200,
        retry_after: int | None = None,
        endpoint: Endpoint | None = None,
    ) -> None:
        """Answer the next `n` requests (to `endpoint`, or any) with an errcode or HTTP status."""
        with self._lock:
            self._failures.extend(
                _Failure(errcode, http_status, retry_after, endpoint) for _ in range(n)
            )

    def _next_failure(self, endpoint: Endpoint) -> _Failure | None:
        with self._lock:
            for index, failure in enumerate(self._failures):
                if failure.endpoint in (None, endpoint):
                    return self._failures.pop(index)
        return None

    def answer(self, received: Received) -> tuple[int, dict[str, str], bytes]:
        self.requests.append(received)
        failure = self._next_failure(received.endpoint)
        if failure is not None and failure.http_status != 200:
            headers = {"Content-Type": "text/html"}
            if failure.retry_after is not None:
                headers["Retry-After"] = str(failure.retry_after)
            return failure.http_status, headers, b"<html>error</html>"
        if failure is not None:
            return _json(_error(failure.errcode))
        if received.endpoint == "token":
            return _json(self._token(received.query))
        return _json(self._send(received.query, received.body))

    def _token(self, query: Mapping[str, str]) -> dict[str, Any]:
        if query.get("grant_type") != "client_credential":
            return _error(40002)
        if query.get("appid") != self.appid:
            return _error(40013)
        if query.get("secret") != self.secret:
            return _error(40125)
        with self._lock:
            self.token_fetches += 1
            token = f"tok-{self.token_fetches}"
            self._valid.add(token)
        return {"access_token": token, "expires_in": 7200}

    def _send(self, query: Mapping[str, str], message: Any) -> dict[str, Any]:
        token = query.get("access_token")
        if not token:
            return _error(41001)
        if token in self._expired:
            return _error(42001)
        if token not in self._valid:
            return _error(40001)
        if not isinstance(message, dict):
            return _error(47003)
        keywords = self.templates.get(str(message.get("template_id")))
        if keywords is None:
            return _error(40037)
        if not _valid_data(message.get("data"), keywords):
            return _error(47003)
        if message.get("miniprogram_state", "formal") not in {"formal", "trial", "developer"}:
            return _error(47003)
        if message.get("lang", "zh_CN") not in {"zh_CN", "en_US", "zh_HK", "zh_TW"}:
            return _error(47003)
        page = message.get("page")
        if (
            page is not None
            and self.pages is not None
            and str(page).split("?")[0] not in self.pages
        ):
            return _error(41030)
        key = (str(message.get("touser")), str(message.get("template_id")))
        with self._lock:
            if self.subscriptions[key] <= 0:
                return _error(43101)
            self.subscriptions[key] -= 1
            msgid = self._next_msgid
            self._next_msgid += 1
            self.messages.append(message)
        return {"errcode": 0, "errmsg": "ok", "msgid": msgid}


def _valid_data(data: Any, keywords: set[str]) -> bool:
    if not isinstance(data, dict) or not data:
        return False
    for keyword, entry in data.items():
        if keyword not in keywords or not isinstance(entry, dict):
            return False
        value = entry.get("value")
        if not isinstance(value, str) or not value:
            return False
        match = _KEYWORD.fullmatch(keyword)
        limit = LIMITS.get(match.group(1)) if match else None
        if limit is not None and len(value) > limit:
            return False
    return True


def _error(errcode: int) -> dict[str, Any]:
    return {"errcode": errcode, "errmsg": f"{ERRMSG.get(errcode, 'error')} rid: 0123-abcd"}


def _json(body: dict[str, Any]) -> tuple[int, dict[str, str], bytes]:
    # WeChat answers JSON with a text/plain content type.
    return 200, {"Content-Type": "text/plain"}, json.dumps(body).encode()


@contextmanager
def running_wechat_messages(appid: str, secret: str) -> Iterator[FakeWechatMessages]:
    """WeChat's token and subscribe-message endpoints on 127.0.0.1 for one mini-program."""
    fake = FakeWechatMessages(appid=appid, secret=secret)

    class Handler(BaseHTTPRequestHandler):
        def _handle(self, method: str) -> None:
            parsed = urlparse(self.path)
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else b""
            endpoint = PATHS.get(parsed.path)
            wanted = "GET" if endpoint == "token" else "POST"
            if endpoint is None or method != wanted:
                self.send_error(404)
                return
            try:
                body: Any = json.loads(raw) if raw else None
            except ValueError:
                body = None
            received = Received(
                endpoint=endpoint,
                method=method,
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

        def do_GET(self) -> None:
            self._handle("GET")

        def do_POST(self) -> None:
            self._handle("POST")

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
