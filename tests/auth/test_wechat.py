"""Mini-program login: the code is exchanged with WeChat (a local server speaking its protocol)."""

from __future__ import annotations

import logging

import pytest

from api.auth.models import WechatBinding
from api.org.models import Role
from tests.factories import make_org, make_user
from tests.servers.wechat import FakeWechat, running_wechat

LOGIN_WECHAT = """
mutation ($code: String!, $invitation: String) {
  loginWithWechat(code: $code, invitationCode: $invitation) {
    tokens { accessToken user { username } }
    errors { code field message }
  }
}
"""
INVITE = """
mutation ($userId: ID!) {
  createWechatInvitation(userId: $userId) { code errors { code } }
}
"""


@pytest.fixture
def fake_wechat(settings):
    with running_wechat(settings.wechat_appid, settings.wechat_secret) as fake:
        yield fake


@pytest.fixture
def wechat_base_url(fake_wechat: FakeWechat) -> str:
    return fake_wechat.url


async def _invite(api, admin, user) -> str:
    token = await api.login(admin.username)
    body = await api.graphql(INVITE, {"userId": str(user.id)}, token=token)
    payload = body["data"]["createWechatInvitation"]
    assert payload["errors"] == []
    code: str = payload["code"]
    return code


async def test_first_login_binds_the_openid_through_an_invitation(api, fake_wechat):
    org = await make_org()
    admin = await make_user(org, role=Role.ADMIN)
    rep = await make_user(org, username="chen.rep", password=None)
    invitation = await _invite(api, admin, rep)

    fake_wechat.codes["code-1"] = "openid-chen"
    body = await api.graphql(LOGIN_WECHAT, {"code": "code-1", "invitation": invitation})
    payload = body["data"]["loginWithWechat"]
    assert payload["errors"] == []
    assert payload["tokens"]["user"]["username"] == "chen.rep"
    assert fake_wechat.requests[-1]["js_code"] == "code-1"
    assert await WechatBinding.filter(user_id=rep.id, openid="openid-chen").exists()

    # Later logins need only the code; the invitation cannot be used twice.
    fake_wechat.codes["code-2"] = "openid-chen"
    body = await api.graphql(LOGIN_WECHAT, {"code": "code-2"})
    assert body["data"]["loginWithWechat"]["tokens"]["user"]["username"] == "chen.rep"
    fake_wechat.codes["code-3"] = "openid-stranger"
    body = await api.graphql(LOGIN_WECHAT, {"code": "code-3", "invitation": invitation})
    assert body["data"]["loginWithWechat"]["errors"][0]["code"] == "INVITATION_INVALID"


async def test_unbound_openid_without_invitation_is_told_to_enter_one(api, fake_wechat):
    fake_wechat.codes["code-x"] = "openid-unknown"
    body = await api.graphql(LOGIN_WECHAT, {"code": "code-x"})
    assert body["data"]["loginWithWechat"]["errors"] == [
        {
            "code": "WECHAT_NOT_BOUND",
            "field": "invitationCode",
            "message": "该微信尚未绑定账号，请输入管理员发放的邀请码",
        }
    ]


async def test_invalid_code_reported_by_wechat(api, fake_wechat):
    body = await api.graphql(LOGIN_WECHAT, {"code": "never-issued"})
    assert body["data"]["loginWithWechat"]["errors"][0]["code"] == "WECHAT_CODE_INVALID"
    assert fake_wechat.requests[-1]["grant_type"] == "authorization_code"


async def test_wechat_system_error_is_a_retryable_error(api, fake_wechat):
    fake_wechat.busy = True
    body = await api.graphql(LOGIN_WECHAT, {"code": "any"})
    assert body["data"]["loginWithWechat"]["errors"][0]["code"] == "WECHAT_UNAVAILABLE"


async def test_unreachable_wechat_is_a_retryable_error(api, services):
    # The default wechat_base_url fixture is a closed port in this test module's fixture
    # override; use a client pointing nowhere.
    from api.auth.wechat import WechatClient

    await services.wechat.aclose()
    services.wechat = WechatClient(base_url="http://127.0.0.1:9", appid="a", secret="b", timeout=1)
    body = await api.graphql(LOGIN_WECHAT, {"code": "any"})
    assert body["data"]["loginWithWechat"]["errors"][0]["code"] == "WECHAT_UNAVAILABLE"


async def test_expired_invitation_is_refused(api, fake_wechat, clock, settings):
    org = await make_org()
    admin = await make_user(org, role=Role.ADMIN)
    rep = await make_user(org, password=None)
    invitation = await _invite(api, admin, rep)
    clock.advance(seconds=settings.invitation_ttl_seconds + 1)
    fake_wechat.codes["late"] = "openid-late"
    body = await api.graphql(LOGIN_WECHAT, {"code": "late", "invitation": invitation})
    assert body["data"]["loginWithWechat"]["errors"][0]["code"] == "INVITATION_INVALID"
    assert not await WechatBinding.filter(user_id=rep.id).exists()


async def test_the_app_secret_and_login_code_never_reach_the_logs(
    api, fake_wechat, caplog, settings
):
    caplog.set_level(logging.DEBUG)
    fake_wechat.codes["code-secret"] = "openid-logged"
    await api.graphql(LOGIN_WECHAT, {"code": "code-secret"})
    assert fake_wechat.requests[-1]["secret"] == settings.wechat_secret  # it was sent
    assert "jscode2session" in caplog.text  # and the request was logged
    assert settings.wechat_secret not in caplog.text
    assert "code-secret" not in caplog.text
