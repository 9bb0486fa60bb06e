"""WeCom (企业微信) group robot: markdown posts, or text posts that @-mention by mobile.

Protocol: POST {base}/cgi-bin/webhook/send?key=KEY with a JSON message; the answer is
``{"errcode": 0, "errmsg": "ok"}`` or an error code. Markdown content is limited to 4096 bytes,
text content to 2048 bytes. Markdown cannot mention by mobile, so a mention goes as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import aiohttp

from notifications.channels.base import (
    ChannelError,
    errcode_of,
    errmsg_of,
    request_json,
    truncate_utf8,
)
from notifications.message import ChannelKind, Outgoing, Recipient

MARKDOWN_MAX_BYTES = 4096
TEXT_MAX_BYTES = 2048
SYSTEM_BUSY = -1
FREQ_OUT_OF_LIMIT = 45009  # 20 messages a minute per robot
RATE_LIMIT_WAIT = timedelta(seconds=60)


@dataclass(frozen=True, slots=True)
class WecomRobotConfig:
    """One group robot: its webhook key and whether to @-mention the recipient."""

    webhook_key: str
    mention: bool = True  # @-mention the recipient by mobile


class WecomRobot:
    """Posts to a WeCom group through its robot webhook."""

    kind: ChannelKind = ChannelKind.WECOM

    def __init__(
        self, config: WecomRobotConfig, *, http: aiohttp.ClientSession, base_url: str
    ) -> None:
        self._config = config
        self._http = http
        self._url = base_url.rstrip("/") + "/cgi-bin/webhook/send"

    def unreachable_reason(self, recipient: Recipient) -> str | None:
        """A group robot can always post; without a mobile it just cannot mention."""
        return None

    def message(self, outgoing: Outgoing) -> dict[str, object]:
        """The JSON message WeCom receives for this delivery."""
        rendered = outgoing.rendered
        mobile = outgoing.recipient.mobile
        if self._config.mention and mobile:
            return {
                "msgtype": "text",
                "text": {
                    "content": truncate_utf8(rendered.text, TEXT_MAX_BYTES),
                    "mentioned_mobile_list": [mobile],
                },
            }
        return {
            "msgtype": "markdown",
            "markdown": {"content": truncate_utf8(rendered.markdown, MARKDOWN_MAX_BYTES)},
        }

    async def send(self, outgoing: Outgoing) -> str | None:
        """Post the message; WeCom gives no message id."""
        body = await request_json(
            self._http,
            "POST",
            self._url,
            kind=self.kind,
            params={"key": self._config.webhook_key},
            json=self.message(outgoing),
            delivery_id=outgoing.delivery_id,
        )
        errcode = errcode_of(body, kind=self.kind)
        if errcode == 0:
            return None
        message = errmsg_of(body, secrets=(self._config.webhook_key, outgoing.recipient.mobile))
        if errcode == FREQ_OUT_OF_LIMIT:
            raise ChannelError(
                f"WECOM_{errcode}", message, retryable=True, retry_after=RATE_LIMIT_WAIT
            )
        raise ChannelError(f"WECOM_{errcode}", message, retryable=errcode == SYSTEM_BUSY)
