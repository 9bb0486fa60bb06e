"""WeChat mini-program login: exchange a ``wx.login`` code for the user's openid.

Protocol: GET {base}/sns/jscode2session?appid=&secret=&js_code=&grant_type=authorization_code
answers JSON ``{"openid", "session_key", "unionid"?}`` or ``{"errcode", "errmsg"}``.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx


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
