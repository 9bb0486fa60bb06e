"""A local HTTP server that plays the WeChat API's jscode2session endpoint."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse


@dataclass
class FakeWechat:
    """Codes it accepts map to openids; anything else answers errcode 40029 like WeChat does."""

    appid: str
    secret: str
    codes: dict[str, str] = field(default_factory=dict)
    busy: bool = False
    requests: list[dict[str, str]] = field(default_factory=list)
    url: str = ""

    def answer(self, query: dict[str, str]) -> dict[str, Any]:
        self.requests.append(query)
        if self.busy:
            return {"errcode": -1, "errmsg": "system error"}
        if query.get("appid") != self.appid or query.get("secret") != self.secret:
            return {"errcode": 40125, "errmsg": "invalid appsecret"}
        if query.get("grant_type") != "authorization_code":
            return {"errcode": 40002, "errmsg": "invalid grant_type"}
        openid = self.codes.pop(query.get("js_code", ""), None)  # a code works once
        if openid is None:
            return {"errcode": 40029, "errmsg": "invalid code"}
        return {"openid": openid, "session_key": "c2Vzc2lvbi1rZXk=", "unionid": f"u-{openid}"}


@contextmanager
def running_wechat(appid: str, secret: str) -> Iterator[FakeWechat]:
    fake = FakeWechat(appid=appid, secret=secret)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            parsed = urlparse(self.path)
            if parsed.path != "/sns/jscode2session":
                self.send_error(404)
                return
            query = {k: v[0] for k, v in parse_qs(parsed.query).items()}
            body = json.dumps(fake.answer(query)).encode()
            self.send_response(200)
            # WeChat answers JSON with a text/plain content type.
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    fake.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()
