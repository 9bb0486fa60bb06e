"""WeChat mini-program subscribe messages (订阅消息) and the access token they need.

Token: GET {base}/cgi-bin/token?grant_type=client_credential&appid=&secret= answers
``{"access_token", "expires_in"}``; it is cached (in Redis when several processes send) until
five minutes before it expires, and a send that finds it expired fetches a new one once.

Send: POST {base}/cgi-bin/message/subscribe/send?access_token=TOKEN with
``{"touser", "template_id", "page", "data": {keyword: {"value"}}, "miniprogram_state", "lang"}``
answers ``{"errcode": 0, "msgid": ...}``. Each keyword type has its own value limits; values
are cut to fit (see KEYWORD_LIMITS).
"""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Protocol

import aiohttp

from notifications.channels.base import (
    ChannelError,
    errcode_of,
    errmsg_of,
    request_json,
)
from notifications.message import ChannelKind, Outgoing, Recipient, Rendered

TOKEN_MARGIN_SECONDS = 300
TOKEN_MIN_TTL_SECONDS = 60
TOKEN_INVALID = frozenset({40001, 40014, 42001})  # invalid, malformed, expired access token
RETRYABLE = frozenset({-1, 45009})  # system busy, frequency limit
TOKEN_RETRYABLE = frozenset({-1, 45009, 45011})  # plus the per-minute token quota
RATE_LIMIT_WAIT = timedelta(seconds=60)
# Characters per keyword type (订阅消息 "参数值内容限制"); None keeps the value as it is.
# A "name" holds 10 Chinese characters or 20 letters: _fit picks the limit by the value's script.
KEYWORD_LIMITS: Mapping[str, int | None] = {
    "thing": 20,
    "name": 10,
    "phrase": 5,
    "character_string": 32,
    "number": 32,
    "letter": 32,
    "symbol": 5,
    "car_number": 8,
    "phone_number": 17,
    "amount": None,
    "time": None,
    "date": None,
}
NAME_ASCII_LIMIT = 20
_ELLIPSIS_TYPES = frozenset({"thing", "name"})  # free text; the others only allow fixed charsets
_KEYWORD = re.compile(r"([a-z_]+?)\d+")
_SPACES = re.compile(r"\s+")
_LANG = {"zh-CN": "zh_CN", "en": "en_US"}
_STATES = frozenset({"formal", "trial", "developer"})


class TokenCache(Protocol):
    """Where access tokens live between sends (shared by processes in production)."""

    async def get(self, key: str) -> str | None:
        """The cached value, or None."""
        ...

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        """Cache a value for ttl_seconds."""
        ...

    async def delete(self, key: str) -> None:
        """Forget a value."""
        ...


class MemoryTokenCache:
    """A token cache in this process's memory, for tests and single-process use."""

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._values: dict[str, tuple[str, float]] = {}

    async def get(self, key: str) -> str | None:
        """The cached value, or None once its ttl has passed."""
        entry = self._values.get(key)
        if entry is None:
            return None
        value, expires_at = entry
        if self._clock() >= expires_at:
            del self._values[key]
            return None
        return value

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        """Cache a value for ttl_seconds."""
        self._values[key] = (value, self._clock() + ttl_seconds)

    async def delete(self, key: str) -> None:
        """Forget a value."""
        self._values.pop(key, None)


class RedisTokenCache:
    """A token cache in Redis (a redis.asyncio.Redis, e.g. arq's ArqRedis), shared by workers."""

    def __init__(self, redis: Any, *, prefix: str = "liuhen:wechat:token:") -> None:
        self._redis = redis
        self._prefix = prefix

    async def get(self, key: str) -> str | None:
        """The cached value, or None."""
        value = await self._redis.get(self._prefix + key)
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    async def set(self, key: str, value: str, ttl_seconds: int) -> None:
        """SET key value EX ttl."""
        await self._redis.set(self._prefix + key, value, ex=ttl_seconds)

    async def delete(self, key: str) -> None:
        """Forget a value."""
        await self._redis.delete(self._prefix + key)


class WechatAccessTokens:
    """The mini-program's access token: cached, fetched once when concurrent callers miss."""

    def __init__(
        self,
        *,
        http: aiohttp.ClientSession,
        base_url: str,
        appid: str,
        secret: str,
        cache: TokenCache,
    ) -> None:
        self._http = http
        self._url = base_url.rstrip("/") + "/cgi-bin/token"
        self._appid = appid
        self._secret = secret
        self._cache = cache
        self._key = appid
        self._lock = asyncio.Lock()

    async def get(self) -> str:
        """A valid access token, from the cache or fetched from WeChat."""
        token = await self._cache.get(self._key)
        if token is not None:
            return token
        async with self._lock:
            token = await self._cache.get(self._key)
            if token is not None:
                return token
            token, ttl = await self._fetch()
            await self._cache.set(self._key, token, ttl)
            return token

    async def invalidate(self, token: str) -> None:
        """Drop `token` if the cache still holds it (another caller may have replaced it)."""
        if await self._cache.get(self._key) == token:
            await self._cache.delete(self._key)

    async def _fetch(self) -> tuple[str, int]:
        body = await request_json(
            self._http,
            "GET",
            self._url,
            kind=ChannelKind.WECHAT,
            params={
                "grant_type": "client_credential",
                "appid": self._appid,
                "secret": self._secret,
            },
        )
        token = body.get("access_token")
        if isinstance(token, str) and token:
            expires_in = body.get("expires_in")
            lifetime = expires_in if isinstance(expires_in, int) else 7200
            return token, max(lifetime - TOKEN_MARGIN_SECONDS, TOKEN_MIN_TTL_SECONDS)
        errcode = errcode_of(body, kind=ChannelKind.WECHAT)
        message = "access token refused: " + errmsg_of(body, secrets=(self._secret,))
        raise ChannelError(
            f"WECHAT_{errcode}",
            message,
            retryable=errcode in TOKEN_RETRYABLE,
            retry_after=RATE_LIMIT_WAIT if errcode in {45009, 45011} else None,
        )


@dataclass(frozen=True, slots=True)
class WechatTemplateMapping:
    """How one of our templates fills a WeChat subscribe-message template."""

    template_id: str
    # WeChat keyword ("thing1", "time2", ...) -> "title" | "text" | a Rendered.values key
    keywords: Mapping[str, str]
    page: str | None = None  # overrides the rendered card page


@dataclass(frozen=True, slots=True)
class WechatSubscribeConfig:
    """Our template name -> its WeChat template mapping, and the mini-program version to open."""

    templates: Mapping[str, WechatTemplateMapping]
    miniprogram_state: str = "formal"  # formal | trial | developer

    def __post_init__(self) -> None:
        if self.miniprogram_state not in _STATES:
            raise ValueError("miniprogram_state must be formal, trial or developer")


def fit_keyword(keyword: str, value: str) -> str:
    """A value on one line, cut to the limit of the keyword's type ("thing1" -> 20 characters)."""
    line = _SPACES.sub(" ", value).strip()
    match = _KEYWORD.fullmatch(keyword)
    kind = match.group(1) if match else ""
    limit = KEYWORD_LIMITS.get(kind)
    if kind == "name" and line.isascii():
        limit = NAME_ASCII_LIMIT
    if limit is None or len(line) <= limit:
        return line
    if kind in _ELLIPSIS_TYPES:
        return line[: limit - 1] + "…"
    return line[:limit]


def _source_value(rendered: Rendered, source: str) -> str | None:
    if source == "title":
        return rendered.title
    if source == "text":
        return rendered.text
    return rendered.values.get(source)


class WechatSubscribe:
    """Sends mini-program subscribe messages to users who accepted the template."""

    kind: ChannelKind = ChannelKind.WECHAT

    def __init__(
        self,
        config: WechatSubscribeConfig,
        *,
        http: aiohttp.ClientSession,
        base_url: str,
        tokens: WechatAccessTokens,
    ) -> None:
        self._config = config
        self._http = http
        self._url = base_url.rstrip("/") + "/cgi-bin/message/subscribe/send"
        self._tokens = tokens

    def unreachable_reason(self, recipient: Recipient) -> str | None:
        """NO_WECHAT_BINDING when the user never logged in through the mini-program."""
        return "NO_WECHAT_BINDING" if recipient.wechat_openid is None else None

    def message(self, outgoing: Outgoing) -> dict[str, object]:
        """The JSON message WeChat receives for this delivery."""
        rendered = outgoing.rendered
        openid = outgoing.recipient.wechat_openid
        if openid is None:
            raise ChannelError("NO_WECHAT_BINDING", "recipient has no openid", retryable=False)
        mapping = self._config.templates.get(rendered.template)
        if mapping is None:
            raise ChannelError(
                "NO_TEMPLATE_MAPPING",
                f"template {rendered.template!r} has no WeChat mapping",
                retryable=False,
            )
        data: dict[str, dict[str, str]] = {}
        for keyword, source in mapping.keywords.items():
            value = _source_value(rendered, source)
            if value is None:
                raise ChannelError(
                    "BAD_TEMPLATE_MAPPING",
                    f"{rendered.template!r} has no value {source!r} for {keyword!r}",
                    retryable=False,
                )
            data[keyword] = {"value": fit_keyword(keyword, value)}
        message: dict[str, object] = {
            "touser": openid,
            "template_id": mapping.template_id,
            "data": data,
            "miniprogram_state": self._config.miniprogram_state,
            "lang": _LANG.get(rendered.locale, "zh_CN"),
        }
        page = mapping.page or rendered.card.page
        if page:
            message["page"] = page
        return message

    async def send(self, outgoing: Outgoing) -> str | None:
        """Send the message and return WeChat's msgid; an expired token is replaced once."""
        message = self.message(outgoing)
        for attempt in (1, 2):
            token = await self._tokens.get()
            body = await request_json(
                self._http,
                "POST",
                self._url,
                kind=self.kind,
                params={"access_token": token},
                json=message,
                delivery_id=outgoing.delivery_id,
            )
            errcode = errcode_of(body, kind=self.kind)
            if errcode == 0:
                msgid = body.get("msgid")
                return None if msgid is None else str(msgid)
            secrets = (token, outgoing.recipient.wechat_openid)
            if errcode in TOKEN_INVALID:
                await self._tokens.invalidate(token)
                if attempt == 1:
                    continue
                raise ChannelError(
                    f"WECHAT_{errcode}",
                    "access token rejected twice: " + errmsg_of(body, secrets=secrets),
                    retryable=True,
                )
            raise ChannelError(
                f"WECHAT_{errcode}",
                errmsg_of(body, secrets=secrets),
                retryable=errcode in RETRYABLE,
                retry_after=RATE_LIMIT_WAIT if errcode == 45009 else None,
            )
        raise AssertionError("unreachable")  # pragma: no cover
