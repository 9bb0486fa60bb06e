"""DingTalk (钉钉) custom group robot with signed requests (加签).

Protocol: POST {base}/robot/send?access_token=T&timestamp=TS&sign=S with a JSON message, where
S = base64(HMAC-SHA256(key=secret, msg=f"{TS}\\n{secret}")) and TS is the time in milliseconds,
which DingTalk accepts within one hour of its clock. The answer is ``{"errcode": 0, ...}``.
A mention needs both the mobile in ``at.atMobiles`` and the text "@mobile" in the message.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import aiohttp

from notifications.channels.base import (
    ChannelError,
    errcode_of,
    errmsg_of,
    request_json,
)
from notifications.message import ChannelKind, Outgoing, Recipient

SYSTEM_BUSY = -1
SEND_TOO_FAST = 130101  # more than 20 messages a minute
RATE_LIMIT_WAIT = timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class DingtalkRobotConfig:
    """One custom robot: its access token, signing secret and whether to @-mention."""

    access_token: str
    secret: str  # "SEC..." signing secret
    mention: bool = True


def sign(secret: str, timestamp_ms: int) -> str:
    """DingTalk's request signature: base64 of HMAC-SHA256 over "timestamp\\nsecret"."""
    digest = hmac.new(
        secret.encode(), f"{timestamp_ms}\n{secret}".encode(), hashlib.sha256
    ).digest()
    return base64.b64encode(digest).decode()


def _wall_clock_ms() -> int:
    return time.time_ns() // 1_000_000


class DingtalkRobot:
    """Posts markdown to a DingTalk group through a signed custom robot."""

    kind: ChannelKind = ChannelKind.DINGTALK

    def __init__(
        self,
        config: DingtalkRobotConfig,
        *,
        http: aiohttp.ClientSession,
        base_url: str,
        now_ms: Callable[[], int] | None = None,
    ) -> None:
        self._config = config
        self._http = http
        self._url = base_url.rstrip("/") + "/robot/send"
        # The signature is checked against DingTalk's real clock, so no test clock belongs here
        # unless a test server checks it against the same one.
        self._now_ms = now_ms or _wall_clock_ms

    def unreachable_reason(self, recipient: Recipient) -> str | None:
        """A group robot can always post; without a mobile it just cannot mention."""
        return None

    def message(self, outgoing: Outgoing) -> dict[str, object]:
        """The JSON message DingTalk receives for this delivery."""
        rendered = outgoing.rendered
        mobile = outgoing.recipient.mobile if self._config.mention else None
        text = rendered.markdown + (f"\n\n@{mobile}" if mobile else "")
        return {
            "msgtype": "markdown",
            "markdown": {"title": rendered.title, "text": text},
            "at": {"atMobiles": [mobile] if mobile else [], "isAtAll": False},
        }

    async def send(self, outgoing: Outgoing) -> str | None:
        """Post the message; DingTalk gives no message id."""
        timestamp = self._now_ms()
        body = await request_json(
            self._http,
            "POST",
            self._url,
            kind=self.kind,
            params={
                "access_token": self._config.access_token,
                "timestamp": str(timestamp),
                "sign": sign(self._config.secret, timestamp),
            },
            json=self.message(outgoing),
            delivery_id=outgoing.delivery_id,
        )
        errcode = errcode_of(body, kind=self.kind)
        if errcode == 0:
            return None
        message = errmsg_of(
            body,
            secrets=(self._config.access_token, self._config.secret, outgoing.recipient.mobile),
        )
        if errcode == SEND_TOO_FAST:
            raise ChannelError(
                f"DINGTALK_{errcode}", message, retryable=True, retry_after=RATE_LIMIT_WAIT
            )
        raise ChannelError(f"DINGTALK_{errcode}", message, retryable=errcode == SYSTEM_BUSY)
