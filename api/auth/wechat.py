"""WeChat mini-program login: exchange a ``wx.login`` code for the user's openid.

Protocol: GET {base}/sns/jscode2session?appid=&secret=&js_code=&grant_type=authorization_code
answers JSON ``{"openid", "session_key", "unionid"?}`` or ``{"errcode", "errmsg"}``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import httpx

_SECRET_QUERY = re.compile(r"((?:secret|js_code|access_token)=)[^&\s\"']+")


class RedactSecrets(logging.Filter):
    """httpx logs every request URL at INFO; the AppSecret and login code travel in the query."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.args:
            record.args = tuple(
                _SECRET_QUERY.sub(r"\1[redacted]", str(a)) if isinstance(a, str | httpx.URL) else a
                for a in (record.args if isinstance(record.args, tuple) else (record.args,))
            )
        record.msg = _SECRET_QUERY.sub(r"\1[redacted]", str(record.msg))
        return True


_REDACT = RedactSecrets()


@dataclass(frozen=True, slots=True)
class WechatIdentity:
    openid: str
    unionid: str | None


class WechatError(Exception):
    """WeChat refused the code (``errcode`` from the API) or could not be reached (-2)."""

    def __init__(self, errcode: int, errmsg: str) -> None:
        super().__init__(f"{errcode}: {errmsg}")
        self.errcode = errcode
        self.errmsg = errmsg

    @property
    def is_invalid_code(self) -> bool:
        # 40029 invalid code, 40163 code already used
        return self.errcode in {40029, 40163}


class WechatClient:
    def __init__(
        self,
        *,
        base_url: str,
        appid: str,
        secret: str,
        timeout: float = 5.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.appid = appid
        self._secret = secret
        httpx_logger = logging.getLogger("httpx")
        if _REDACT not in httpx_logger.filters:
            httpx_logger.addFilter(_REDACT)
        self._client = httpx.AsyncClient(base_url=base_url, timeout=timeout, transport=transport)

    async def code_to_identity(self, code: str) -> WechatIdentity:
        try:
            response = await self._client.get(
                "/sns/jscode2session",
                params={
                    "appid": self.appid,
                    "secret": self._secret,
                    "js_code": code,
                    "grant_type": "authorization_code",
                },
            )
            body = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise WechatError(-2, type(exc).__name__) from exc
        if not isinstance(body, dict):
            raise WechatError(-2, "unexpected response")
        errcode = int(body.get("errcode") or 0)
        if errcode != 0 or not body.get("openid"):
            raise WechatError(errcode or -2, str(body.get("errmsg", "no openid")))
        unionid = body.get("unionid")
        return WechatIdentity(openid=str(body["openid"]), unionid=str(unionid) if unionid else None)

    async def aclose(self) -> None:
        await self._client.aclose()
