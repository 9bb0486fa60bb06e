"""The channel interface, its error, and the HTTP plumbing the webhook channels share."""

from __future__ import annotations

import json as json_module
import re
from collections.abc import Iterable, Mapping
from datetime import timedelta
from typing import Any, Protocol, runtime_checkable

import aiohttp

from notifications.message import ChannelKind, Outgoing, Recipient

DELIVERY_HEADER = "X-Liuhen-Delivery"
MESSAGE_MAX = 200
RETRY_AFTER_MAX = timedelta(days=1)
ELLIPSIS = "…"

_SECRET_QUERY = re.compile(r"((?:key|access_token|sign|secret|appsecret)=)[^&\s\"'<>]+", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_LONG_NUMBER = re.compile(r"\+?\d[\d -]{5,}\d")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


class ChannelError(Exception):
    """A send failed; `code` says why, `retryable` whether trying again later may help."""

    def __init__(
        self,
        code: str,
        message: str,
        *,
        retryable: bool,
        retry_after: timedelta | None = None,
    ) -> None:
        self.code = code
        self.message = _shorten(message, MESSAGE_MAX)
        self.retryable = retryable
        self.retry_after = retry_after
        super().__init__(f"{code}: {self.message}")


@runtime_checkable
class Channel(Protocol):
    """A way to deliver a rendered message to a person."""

    kind: ChannelKind

    def unreachable_reason(self, recipient: Recipient) -> str | None:
        """None when this channel can reach the recipient, else a code such as "NO_EMAIL"."""
        ...

    async def send(self, outgoing: Outgoing) -> str | None:
        """Deliver one message; the external message id if any; raises ChannelError."""
        ...


def scrub(text: str, *, secrets: Iterable[str | None] = ()) -> str:
    """An external error text made safe to keep: no secrets, addresses, numbers; <= 200 chars."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    text = _SECRET_QUERY.sub(r"\1[redacted]", text)
    text = _EMAIL.sub("[address]", text)
    text = _LONG_NUMBER.sub("[number]", text)
    return _shorten(_CONTROL.sub(" ", text).strip(), MESSAGE_MAX)


def truncate_utf8(text: str, limit: int) -> str:
    """Cut text to at most `limit` UTF-8 bytes without splitting a character, marking the cut."""
    encoded = text.encode()
    if len(encoded) <= limit:
        return text
    room = limit - len(ELLIPSIS.encode())
    return encoded[:room].decode(errors="ignore") + ELLIPSIS


def _shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + ELLIPSIS


def retry_after_header(headers: Mapping[str, str]) -> timedelta | None:
    """The Retry-After header in seconds, if the server sent a sensible one."""
    raw = headers.get("Retry-After", "").strip()
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9:
        return None
    return min(timedelta(seconds=int(raw)), RETRY_AFTER_MAX)


async def request_json(
    http: aiohttp.ClientSession,
    method: str,
    url: str,
    *,
    kind: ChannelKind,
    params: Mapping[str, str] | None = None,
    json: object = None,
    delivery_id: str | None = None,
) -> dict[str, Any]:
    """Send one request and return its JSON object, classifying every failure as ChannelError.

    ``http`` is the caller's pooled aiohttp session; its timeout bounds the whole exchange. The
    URL (which may carry a key, token or signature) is never logged or put in an error.
    """
    headers = {DELIVERY_HEADER: delivery_id} if delivery_id is not None else {}
    try:
        async with http.request(
            method, url, params=params, json=json, headers=headers, allow_redirects=False
        ) as response:
            status = response.status
            retry_after = retry_after_header(response.headers) if status >= 400 else None
            raw = await response.read()
    except TimeoutError as exc:
        raise ChannelError("TIMEOUT", f"{kind} did not answer in time", retryable=True) from exc
    except aiohttp.ClientError as exc:
        raise ChannelError(
            "CONNECT", f"{kind} unreachable ({type(exc).__name__})", retryable=True
        ) from exc
    if status == 429 or status >= 500:
        raise ChannelError(
            f"HTTP_{status}",
            f"{kind} answered HTTP {status}",
            retryable=True,
            retry_after=retry_after,
        )
    if status >= 300:
        raise ChannelError(f"HTTP_{status}", f"{kind} answered HTTP {status}", retryable=False)
    try:
        body = json_module.loads(raw)
    except ValueError:
        body = None
    if not isinstance(body, dict):
        raise ChannelError("BAD_RESPONSE", f"{kind} answered without a JSON object", retryable=True)
    return body


def errcode_of(body: Mapping[str, Any], *, kind: ChannelKind) -> int:
    """The errcode of a WeCom/DingTalk/WeChat answer; BAD_RESPONSE when it has none."""
    code = body.get("errcode")
    if isinstance(code, bool) or not isinstance(code, int):
        raise ChannelError("BAD_RESPONSE", f"{kind} answered without an errcode", retryable=True)
    return code


def errmsg_of(body: Mapping[str, Any], *, secrets: Iterable[str | None] = ()) -> str:
    """The errmsg of an answer, scrubbed of secrets and personal data."""
    return scrub(str(body.get("errmsg", "")), secrets=secrets) or "no errmsg"
