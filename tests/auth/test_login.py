"""Password login, token expiry, refresh rotation and logout through the GraphQL API."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from api.audit.models import AuditEntry
from api.auth.models import AuthSession
from tests.factories import PASSWORD, make_org, make_user

LOGIN = """
mutation ($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    tokens { accessToken refreshToken accessTokenExpiresAt user { username role } }
    errors { code field message }
  }
}
"""
REFRESH = """
mutation ($token: String!) {
  refreshToken(refreshToken: $token) {
    tokens { accessToken refreshToken }
    errors { code field message }
  }
}
"""
ME = "query { me { user { username } organisation { name } permissions } }"
LOGOUT = "mutation { logout { revokedSessions } }"


async def test_login_with_the_right_password_returns_tokens_and_me_works(api):
    org = await make_org()
    user = await make_user(org, username="wang.rep")
    body = await api.graphql(LOGIN, {"username": "Wang.Rep ", "password": PASSWORD})
    payload = body["data"]["login"]
    assert payload["errors"] == []
    assert payload["tokens"]["user"] == {"username": "wang.rep", "role": "REP"}
    me = await api.graphql(ME, token=payload["tokens"]["accessToken"])
    assert me["data"]["me"]["user"]["username"] == "wang.rep"
    assert "customers.view" in me["data"]["me"]["permissions"]
    assert await AuditEntry.filter(action="auth.login", actor_id=user.id).count() == 1


async def test_wrong_password_is_refused_with_a_code_and_recorded(api):
    org = await make_org()
    user = await make_user(org, username="li.rep")
    body = await api.graphql(LOGIN, {"username": "li.rep", "password": "wrong-password"})
    assert body["data"]["login"] == {
        "tokens": None,
        "errors": [{"code": "INVALID_CREDENTIALS", "field": None, "message": "用户名或密码错误"}],
    }
    assert await AuditEntry.filter(action="auth.login_failed", subject_id=str(user.id)).count() == 1


async def test_unknown_user_gets_the_same_answer_as_a_wrong_password(api):
    body = await api.graphql(
        LOGIN,
        {"username": "nobody", "password": "whatever-123"},
        headers={"Accept-Language": "en-US,en;q=0.9"},
    )
    assert body["data"]["login"]["errors"] == [
        {"code": "INVALID_CREDENTIALS", "field": None, "message": "Wrong username or password"}
    ]


async def test_disabled_account_cannot_log_in(api):
    org = await make_org()
    await make_user(org, username="gone.rep", is_active=False)
    body = await api.graphql(LOGIN, {"username": "gone.rep", "password": PASSWORD})
    assert body["data"]["login"]["errors"][0]["code"] == "ACCOUNT_DISABLED"


async def test_access_token_expires_after_its_ttl(api, clock, settings):
    org = await make_org()
    user = await make_user(org)
    token = await api.login(user.username)
    clock.advance(seconds=settings.access_token_ttl_seconds - 1)
    assert (await api.graphql(ME, token=token))["data"]["me"] is not None
    clock.advance(seconds=1)
    body = await api.graphql(ME, token=token)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_forged_or_garbage_tokens_are_unauthenticated(api, settings):
    org = await make_org()
    user = await make_user(org)
    token = await api.login(user.username)
    header, payload, signature = token.split(".")
    forged = f"{header}.{payload}.{signature[:-4]}AAAA"
    for bad in (forged, "not-a-jwt", ""):
        body = await api.graphql(ME, token=bad or None)
        assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_refresh_rotates_and_the_spent_token_cannot_be_used_again(api, clock):
    org = await make_org()
    user = await make_user(org)
    first = (await api.graphql(LOGIN, {"username": user.username, "password": PASSWORD}))["data"][
        "login"
    ]["tokens"]
    clock.advance(minutes=20)  # the access token has expired; the refresh token has not
    rotated = (await api.graphql(REFRESH, {"token": first["refreshToken"]}))["data"]["refreshToken"]
    assert rotated["errors"] == []
    assert rotated["tokens"]["refreshToken"] != first["refreshToken"]
    assert (await api.graphql(ME, token=rotated["tokens"]["accessToken"]))["data"]["me"]

    again = (await api.graphql(REFRESH, {"token": first["refreshToken"]}))["data"]["refreshToken"]
    assert again["errors"][0]["code"] == "REFRESH_TOKEN_REUSED"
    # Reuse means the token leaked: the whole session is closed, new tokens included.
    body = await api.graphql(ME, token=rotated["tokens"]["accessToken"])
    assert body["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    after = (await api.graphql(REFRESH, {"token": rotated["tokens"]["refreshToken"]}))["data"]
    assert after["refreshToken"]["errors"][0]["code"] == "INVALID_REFRESH_TOKEN"
    session = await AuthSession.get(user_id=user.id)
    assert session.revoked_reason == "refresh_reuse"


async def test_refresh_token_expires(api, clock, settings):
    org = await make_org()
    user = await make_user(org)
    tokens = (await api.graphql(LOGIN, {"username": user.username, "password": PASSWORD}))["data"][
        "login"
    ]["tokens"]
    clock.advance(timedelta(seconds=settings.refresh_token_ttl_seconds + 1))
    body = await api.graphql(REFRESH, {"token": tokens["refreshToken"]})
    assert body["data"]["refreshToken"]["errors"][0]["code"] == "INVALID_REFRESH_TOKEN"


async def test_logout_revokes_the_session_immediately(api):
    org = await make_org()
    user = await make_user(org)
    token = await api.login(user.username)
    other_device = await api.login(user.username)
    body = await api.graphql(LOGOUT, token=token)
    assert body["data"]["logout"]["revokedSessions"] == 1
    assert (await api.graphql(ME, token=token))["errors"][0]["extensions"]["code"] == (
        "UNAUTHENTICATED"
    )
    assert (await api.graphql(ME, token=other_device))["data"]["me"] is not None


async def test_logout_everywhere_closes_every_session(api):
    org = await make_org()
    user = await make_user(org)
    token = await api.login(user.username)
    other_device = await api.login(user.username)
    body = await api.graphql(
        "mutation { logout(everywhere: true) { revokedSessions } }", token=token
    )
    assert body["data"]["logout"]["revokedSessions"] == 2
    assert (await api.graphql(ME, token=other_device))["data"] is None


async def test_repeated_failures_lock_the_username_even_for_the_right_password(api, settings):
    org = await make_org()
    await make_user(org, username="target.rep")
    other = await make_user(org, username="bystander.rep")
    for _ in range(settings.login_max_failures):
        body = await api.graphql(LOGIN, {"username": "target.rep", "password": "guess-123456"})
        assert body["data"]["login"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    body = await api.graphql(LOGIN, {"username": "target.rep", "password": PASSWORD})
    [error] = body["data"]["login"]["errors"]
    assert error["code"] == "LOGIN_THROTTLED"
    assert "15 分钟" in error["message"]
    # Other users are not affected, and no username is stored in Redis in clear.
    assert (await api.login(other.username)) is not None
    keys = [k.decode() for k in await api.services.arq.keys("liuhen:login-attempts:*")]
    assert keys and not any("target" in k for k in keys)


async def test_a_successful_login_clears_earlier_failures(api, settings):
    org = await make_org()
    user = await make_user(org)
    for _ in range(settings.login_max_failures - 1):
        await api.graphql(LOGIN, {"username": user.username, "password": "guess-123456"})
    await api.login(user.username)
    for _ in range(settings.login_max_failures - 1):
        await api.graphql(LOGIN, {"username": user.username, "password": "guess-123456"})
    assert await api.login(user.username)


async def test_concurrent_guesses_cannot_slip_past_the_limit(api, settings):
    org = await make_org()
    await make_user(org, username="raced.rep")
    guesses = [
        api.graphql(LOGIN, {"username": "raced.rep", "password": f"guess-{i:06d}"})
        for i in range(settings.login_max_failures * 3)
    ]
    bodies = await asyncio.gather(*guesses)
    codes = [b["data"]["login"]["errors"][0]["code"] for b in bodies]
    assert codes.count("INVALID_CREDENTIALS") == settings.login_max_failures
    assert codes.count("LOGIN_THROTTLED") == settings.login_max_failures * 2


async def test_an_operator_can_close_every_session_of_every_organisation(api, clock):
    from api.auth.service import revoke_all_sessions

    first, second = await make_org(), await make_org()
    tokens = [await api.login((await make_user(org)).username) for org in (first, second)]
    assert await revoke_all_sessions(clock=clock) == 2
    for token in tokens:
        assert (await api.graphql(ME, token=token))["errors"][0]["extensions"]["code"] == (
            "UNAUTHENTICATED"
        )
    assert await AuditEntry.filter(action="auth.all_sessions_revoked").count() == 2
