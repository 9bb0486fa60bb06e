"""User administration: admins create and change users; scopes, strangers and self-protection."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any
from uuid import UUID

from api.audit.models import AuditEntry
from api.auth.models import AuthSession, Invitation
from api.auth.passwords import verify_password
from api.org.models import Role, ServiceLevel, User
from tests.factories import make_org, make_team, make_user, make_world

if TYPE_CHECKING:
    from tests.conftest import Api

CREATE_USER = """
mutation ($input: CreateUserInput!) {
  createUser(input: $input) {
    user {
      id username displayName role isActive inOnboarding hireDate industries languages
      serviceLevel phone email team { name } manager { username }
    }
    errors { code field message }
  }
}
"""
UPDATE_USER = """
mutation ($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    user { id username displayName role isActive team { name } manager { username } }
    errors { code field message }
  }
}
"""
USER = "query ($id: ID!) { user(id: $id) { id username role } }"
USERS = """
query ($first: Int, $after: String, $filter: UserFilterInput) {
  users(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes { username }
  }
}
"""
ME = "query { me { user { username } } }"
INVITE = """
mutation ($userId: ID!) {
  createWechatInvitation(userId: $userId) {
    invitation { id expiresAt }
    code
    errors { code field message }
  }
}
"""
LOGIN = """
mutation ($username: String!, $password: String!) {
  login(username: $username, password: $password) { errors { code } }
}
"""
LOGIN_FOR_TOKENS = """
mutation ($username: String!, $password: String!) {
  login(username: $username, password: $password) {
    tokens { accessToken refreshToken }
    errors { code }
  }
}
"""
REFRESH = """
mutation ($token: String!) {
  refreshToken(refreshToken: $token) { tokens { accessToken } errors { code field } }
}
"""
NEW_PASSWORD = "a-long-enough-secret"


def _codes(payload: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["code"], e["field"]) for e in payload["errors"]]


async def _create_user(api: Api, token: str, **fields: Any) -> dict[str, Any]:
    body = await api.graphql(CREATE_USER, {"input": fields}, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["createUser"]
    return payload


async def _update_user(api: Api, token: str, user_id: UUID, **fields: Any) -> dict[str, Any]:
    body = await api.graphql(UPDATE_USER, {"id": str(user_id), "input": fields}, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["updateUser"]
    return payload


async def _usernames(api: Api, token: str, **filter_: Any) -> list[str]:
    body = await api.graphql(USERS, {"filter": filter_ or None, "first": 100}, token=token)
    assert "errors" not in body, body
    return sorted(n["username"] for n in body["data"]["users"]["nodes"])


async def test_admin_creates_a_user_who_can_then_log_in(api, clock):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    team = await make_team(org, "上海一组")
    manager = await make_user(org, Role.MANAGER, team=team, username="li.manager")
    token = await api.login(admin.username)

    payload = await _create_user(
        api,
        token,
        username="  Zhang.San ",
        displayName="张三",
        role="REP",
        teamId=str(team.id),
        managerId=str(manager.id),
        password=NEW_PASSWORD,
        phone="+86 138-0013-8000",
        email="Zhang.San@Example.com",
        hireDate="2026-11-23",
        industries=["医疗器械", " 教育 ", "医疗器械"],
        languages=["zh", "yue"],
        serviceLevel="JUNIOR",
        inOnboarding=True,
    )
    assert payload["errors"] == []
    user = payload["user"]
    assert {k: v for k, v in user.items() if k not in {"id", "phone", "email"}} == {
        "username": "zhang.san",
        "displayName": "张三",
        "role": "REP",
        "isActive": True,
        "inOnboarding": True,
        "hireDate": "2026-11-23",
        "industries": ["医疗器械", "教育"],
        "languages": ["zh", "yue"],
        "serviceLevel": "JUNIOR",
        "team": {"name": "上海一组"},
        "manager": {"username": "li.manager"},
    }
    assert user["phone"] != "13800138000"  # masked for everyone but the user
    row = await User.get(id=user["id"])
    assert (row.phone, row.email) == ("13800138000", "zhang.san@example.com")
    assert (row.hire_date, row.service_level) == (date(2026, 11, 23), ServiceLevel.JUNIOR)
    assert row.password_hash and row.password_hash.startswith("$argon2id$")
    assert verify_password(row.password_hash, NEW_PASSWORD)

    entry = await AuditEntry.get(action="user.created", subject_id=user["id"])
    assert entry.actor_id == admin.id
    data: dict[str, Any] = entry.data
    assert (data["role"], data["team_id"]) == ("rep", str(team.id))
    assert {"phone", "email", "password", "display_name"} <= set(data["fields"])
    for personal in ("13800138000", "example.com", "张三", NEW_PASSWORD):
        assert personal not in str(entry.data)

    assert await api.login("zhang.san", NEW_PASSWORD)


async def test_a_user_without_a_password_gets_a_wechat_invitation(api, clock):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    token = await api.login(admin.username)
    payload = await _create_user(api, token, username="new.hire", displayName="新人", role="REP")
    assert payload["errors"] == []
    user_id = payload["user"]["id"]
    assert (await User.get(id=user_id)).password_hash is None

    body = await api.graphql(INVITE, {"userId": user_id}, token=token)
    invite = body["data"]["createWechatInvitation"]
    assert invite["errors"] == []
    assert len(invite["code"]) == 10
    stored = await Invitation.get(id=invite["invitation"]["id"])
    assert str(stored.user_id) == user_id  # type: ignore[attr-defined]
    assert stored.code_hash != invite["code"]  # only the hash is kept


async def test_a_rep_cannot_create_users(api):
    w = await make_world()
    token = await api.login(w.rep_a.username)
    body = await api.graphql(
        CREATE_USER,
        {"input": {"username": "sneaky", "displayName": "x", "role": "ADMIN"}},
        token=token,
    )
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert body["errors"][0]["message"] == "没有执行此操作的权限"
    assert not await User.filter(username="sneaky").exists()


async def test_usernames_are_unique_across_organisations_whatever_their_case(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    await make_user(await make_org(), username="wang.wu")
    token = await api.login(admin.username)
    payload = await _create_user(api, token, username="Wang.Wu", displayName="王五", role="REP")
    assert payload == {
        "user": None,
        "errors": [{"code": "USERNAME_TAKEN", "field": "username", "message": "该用户名已被使用"}],
    }


async def test_invalid_input_is_refused_with_a_field_and_nothing_is_written(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    token = await api.login(admin.username)
    base = {"username": "ok.user", "displayName": "好人", "role": "REP"}
    cases: list[tuple[dict[str, Any], tuple[str, str]]] = [
        ({"username": "ab"}, ("USERNAME_INVALID", "username")),
        ({"username": "张三"}, ("USERNAME_INVALID", "username")),
        ({"username": "has space"}, ("USERNAME_INVALID", "username")),
        ({"username": "-dash.first"}, ("USERNAME_INVALID", "username")),
        ({"username": "x" * 65}, ("USERNAME_INVALID", "username")),
        ({"displayName": "  "}, ("REQUIRED", "displayName")),
        ({"password": "short"}, ("PASSWORD_TOO_SHORT", "password")),
        # Login reads 256 characters at most: a longer password could never be used.
        ({"password": "p" * 257}, ("TOO_LONG", "password")),
        ({"phone": "12345"}, ("INVALID_PHONE", "phone")),
        ({"email": "not-an-email"}, ("INVALID_EMAIL", "email")),
        ({"industries": [f"tag{i}" for i in range(21)]}, ("TOO_MANY_ITEMS", "industries")),
    ]
    for override, expected in cases:
        payload = await _create_user(api, token, **{**base, **override})
        assert _codes(payload) == [expected], override
    assert not await User.filter(username="ok.user").exists()
    assert not await AuditEntry.filter(action="user.created").exists()


async def test_references_to_another_organisation_are_not_found(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    other = await make_org()
    their_team = await make_team(other, "别家团队")
    their_user = await make_user(other, Role.MANAGER, team=their_team)
    token = await api.login(admin.username)

    assert (await api.graphql(USER, {"id": str(their_user.id)}, token=token))["data"] == {
        "user": None
    }
    assert their_user.username not in await _usernames(api, token)
    payload = await _update_user(api, token, their_user.id, displayName="改名")
    assert _codes(payload) == [("USER_NOT_FOUND", "id")]
    payload = await _update_user(api, token, their_user.id, isActive=False)
    assert _codes(payload) == [("USER_NOT_FOUND", "id")]
    base = {"username": "new.rep", "displayName": "新人", "role": "REP"}
    payload = await _create_user(api, token, **base, teamId=str(their_team.id))
    assert _codes(payload) == [("TEAM_NOT_FOUND", "teamId")]
    payload = await _create_user(api, token, **base, managerId=str(their_user.id))
    assert _codes(payload) == [("MANAGER_NOT_FOUND", "managerId")]
    body = await api.graphql(INVITE, {"userId": str(their_user.id)}, token=token)
    assert _codes(body["data"]["createWechatInvitation"]) == [("USER_NOT_FOUND", "userId")]

    stored = await User.get(id=their_user.id)
    assert (stored.display_name, stored.is_active) == (their_user.display_name, True)
    assert not await User.filter(username="new.rep").exists()


async def test_managers_list_their_subtree_and_reps_are_forbidden(api):
    w = await make_world()
    newbie_team = await make_team(w.org, "上海一组-新人", parent=w.team_a)
    newbie = await make_user(w.org, Role.REP, team=newbie_team, username="a.newbie")

    manager_view = await _usernames(api, await api.login(w.manager_a.username))
    assert manager_view == sorted(
        [w.manager_a.username, w.rep_a.username, w.rep_a2.username, newbie.username]
    )
    director_view = await _usernames(api, await api.login(w.director.username))
    assert w.rep_b.username in director_view and w.admin.username not in director_view
    manager_token = await api.login(w.manager_a.username)
    assert (await api.graphql(USER, {"id": str(w.rep_b.id)}, token=manager_token))["data"] == {
        "user": None
    }

    body = await api.graphql(USERS, token=await api.login(w.rep_a.username))
    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_the_user_list_filters_by_search_role_team_subtree_and_activity(api):
    w = await make_world()
    sub = await make_team(w.org, "上海一组-新人", parent=w.team_a)
    newbie = await make_user(w.org, Role.REP, team=sub, username="zz.newbie", display_name="小周")
    await User.filter(id=w.rep_a2.id).update(is_active=False)
    token = await api.login(w.admin.username)

    assert await _usernames(api, token, search="小周") == [newbie.username]
    assert await _usernames(api, token, search="ZZ.NEW") == [newbie.username]
    assert await _usernames(api, token, role="MANAGER") == sorted(
        [w.manager_a.username, w.manager_b.username]
    )
    assert await _usernames(api, token, teamId=str(w.team_a.id)) == sorted(
        [w.manager_a.username, w.rep_a.username, w.rep_a2.username, newbie.username]
    )
    assert await _usernames(api, token, teamId=str(w.team_a.id), isActive=True) == sorted(
        [w.manager_a.username, w.rep_a.username, newbie.username]
    )
    assert await _usernames(api, token, isActive=False) == [w.rep_a2.username]
    assert await _usernames(api, token, teamId=str((await make_team(await make_org())).id)) == []

    body = await api.graphql(USERS, {"first": 5}, token=token)
    page = body["data"]["users"]
    assert page["totalCount"] == 11 and page["pageInfo"]["hasNextPage"]
    rest = await api.graphql(
        USERS, {"first": 100, "after": page["pageInfo"]["endCursor"]}, token=token
    )
    seen = [n["username"] for n in page["nodes"] + rest["data"]["users"]["nodes"]]
    assert len(seen) == len(set(seen)) == 11


async def test_deactivation_closes_every_session_of_the_user(api, clock):
    w = await make_world()
    phone_token = await api.login(w.rep_a.username)
    desk_token = await api.login(w.rep_a.username)
    assert (await api.graphql(ME, token=phone_token))["data"]["me"]["user"]["username"] == (
        w.rep_a.username
    )
    admin_token = await api.login(w.admin.username)

    payload = await _update_user(api, admin_token, w.rep_a.id, isActive=False)
    assert payload["errors"] == [] and payload["user"]["isActive"] is False

    for token in (phone_token, desk_token):
        body = await api.graphql(ME, token=token)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    sessions = await AuthSession.filter(user_id=w.rep_a.id)
    assert len(sessions) == 2
    assert all(s.revoked_reason == "deactivated" and s.revoked_at == clock.now() for s in sessions)
    body = await api.graphql(
        LOGIN, {"username": w.rep_a.username, "password": "correct-horse-battery"}
    )
    assert body["data"]["login"]["errors"] == [{"code": "ACCOUNT_DISABLED"}]
    entry = await AuditEntry.get(action="user.updated", subject_id=str(w.rep_a.id))
    assert entry.data == {"fields": ["is_active"], "revoked_sessions": 2}
    assert (await api.graphql(ME, token=admin_token))["data"]["me"]["user"]["username"] == (
        w.admin.username
    )
    body = await api.graphql(INVITE, {"userId": str(w.rep_a.id)}, token=admin_token)
    assert _codes(body["data"]["createWechatInvitation"]) == [("USER_INACTIVE", "userId")]


async def test_an_admin_cannot_deactivate_themselves_or_drop_their_own_role(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    token = await api.login(admin.username)
    payload = await _update_user(api, token, admin.id, isActive=False)
    assert _codes(payload) == [("CANNOT_CHANGE_SELF", "isActive")]
    payload = await _update_user(api, token, admin.id, role="REP")
    assert _codes(payload) == [("CANNOT_CHANGE_SELF", "role")]
    stored = await User.get(id=admin.id)
    assert (stored.role, stored.is_active) == (Role.ADMIN, True)
    assert (await api.graphql(ME, token=token))["data"]["me"]["user"]["username"] == admin.username
    # Everything else about themselves they may change.
    payload = await _update_user(api, token, admin.id, displayName="运营小王", role="ADMIN")
    assert payload["errors"] == [] and payload["user"]["displayName"] == "运营小王"


async def test_a_role_change_is_audited_with_both_roles(api):
    w = await make_world()
    token = await api.login(w.admin.username)
    payload = await _update_user(
        api, token, w.rep_a.id, role="MANAGER", displayName="张经理", teamId=str(w.team_b.id)
    )
    assert payload["errors"] == []
    assert payload["user"]["role"] == "MANAGER" and payload["user"]["team"] == {"name": "杭州组"}
    changed = await AuditEntry.get(action="user.role_changed", subject_id=str(w.rep_a.id))
    assert changed.data == {"from": "rep", "to": "manager"}
    assert changed.actor_id == w.admin.id
    updated = await AuditEntry.get(action="user.updated", subject_id=str(w.rep_a.id))
    assert updated.data == {"fields": ["display_name", "role", "team_id"]}
    # Setting the same role again changes nothing and records nothing.
    payload = await _update_user(api, token, w.rep_a.id, role="MANAGER")
    assert payload["errors"] == []
    assert await AuditEntry.filter(action="user.role_changed").count() == 1


async def test_null_empties_a_field_and_a_manager_cannot_report_to_their_own_report(api):
    w = await make_world()
    token = await api.login(w.admin.username)
    payload = await _update_user(api, token, w.manager_a.id, managerId=str(w.rep_a.id))
    assert _codes(payload) == [("MANAGER_CYCLE", "managerId")]
    payload = await _update_user(api, token, w.rep_a.id, managerId=str(w.rep_a.id))
    assert _codes(payload) == [("MANAGER_CYCLE", "managerId")]

    payload = await _update_user(api, token, w.rep_a.id, managerId=None, password=None)
    assert payload["errors"] == [] and payload["user"]["manager"] is None
    stored = await User.get(id=w.rep_a.id)
    assert stored.manager_id is None and stored.password_hash is None  # type: ignore[attr-defined]
    assert stored.team_id == w.team_a.id  # type: ignore[attr-defined] # omitted: unchanged
    entry = await AuditEntry.get(action="user.updated", subject_id=str(w.rep_a.id))
    assert entry.data == {"fields": ["manager_id", "password"]}


async def _login_for_tokens(api: Api, username: str, password: str) -> tuple[str, str]:
    body = await api.graphql(LOGIN_FOR_TOKENS, {"username": username, "password": password})
    payload = body["data"]["login"]
    assert payload["errors"] == [], payload
    return payload["tokens"]["accessToken"], payload["tokens"]["refreshToken"]


async def _refresh_errors(api: Api, refresh_token: str) -> list[dict[str, Any]]:
    body = await api.graphql(REFRESH, {"token": refresh_token})
    errors: list[dict[str, Any]] = body["data"]["refreshToken"]["errors"]
    return errors


async def test_a_password_reset_closes_every_session_of_the_user(api, clock):
    w = await make_world()
    access, refresh = await _login_for_tokens(api, w.rep_a.username, "correct-horse-battery")
    admin_token = await api.login(w.admin.username)

    payload = await _update_user(api, admin_token, w.rep_a.id, password=NEW_PASSWORD)
    assert payload["errors"] == []

    body = await api.graphql(ME, token=access)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    assert [e["code"] for e in await _refresh_errors(api, refresh)] == ["INVALID_REFRESH_TOKEN"]
    session = await AuthSession.get(user_id=w.rep_a.id)
    assert (session.revoked_at, session.revoked_reason) == (clock.now(), "password_changed")
    entry = await AuditEntry.get(action="user.updated", subject_id=str(w.rep_a.id))
    assert entry.data == {"fields": ["password"], "revoked_sessions": 1}
    assert NEW_PASSWORD not in str(entry.data)
    # The new password works; the admin who reset it stays logged in.
    body = await api.graphql(LOGIN, {"username": w.rep_a.username, "password": NEW_PASSWORD})
    assert body["data"]["login"]["errors"] == []
    assert (await api.graphql(ME, token=admin_token))["data"]["me"]["user"]["username"] == (
        w.admin.username
    )


async def test_clearing_a_password_closes_every_session_of_the_user(api, clock):
    w = await make_world()
    access, refresh = await _login_for_tokens(api, w.rep_a.username, "correct-horse-battery")
    admin_token = await api.login(w.admin.username)

    payload = await _update_user(api, admin_token, w.rep_a.id, password=None)
    assert payload["errors"] == []

    body = await api.graphql(ME, token=access)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    assert [e["code"] for e in await _refresh_errors(api, refresh)] == ["INVALID_REFRESH_TOKEN"]
    entry = await AuditEntry.get(action="user.updated", subject_id=str(w.rep_a.id))
    assert entry.data == {"fields": ["password"], "revoked_sessions": 1}


async def test_changing_your_own_password_keeps_only_the_session_you_changed_it_from(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    desk = await api.login(admin.username)
    phone = await api.login(admin.username)

    payload = await _update_user(api, desk, admin.id, password=NEW_PASSWORD)
    assert payload["errors"] == []

    assert (await api.graphql(ME, token=desk))["data"]["me"]["user"]["username"] == (admin.username)
    body = await api.graphql(ME, token=phone)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
    entry = await AuditEntry.get(action="user.updated", subject_id=str(admin.id))
    assert entry.data == {"fields": ["password"], "revoked_sessions": 1}


async def test_a_constraint_failure_other_than_the_username_is_not_reported_as_taken(
    api, monkeypatch
):
    from tortoise.exceptions import IntegrityError

    from api.audit import service as audit

    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    token = await api.login(admin.username)
    record = audit.record

    async def failing_record(**kwargs: Any) -> Any:
        if kwargs["action"] == "user.created":
            raise IntegrityError("UNIQUE constraint failed: audit_entry.seq")
        return await record(**kwargs)

    monkeypatch.setattr(audit, "record", failing_record)

    body = await api.graphql(
        CREATE_USER,
        {"input": {"username": "new.rep", "displayName": "新人", "role": "REP"}},
        token=token,
    )

    assert body["data"] is None
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INTERNAL_ERROR"]
    assert "USERNAME_TAKEN" not in str(body)
    assert not await User.filter(username="new.rep").exists()
