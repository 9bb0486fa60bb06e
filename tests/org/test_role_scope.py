"""Nobody hands out a role that sees more than they do, even holding ``users.manage``.

Marketing, delivery, finance and admin see the whole organisation; a director sees their
region, a manager their team, a rep themselves. A manager or director trusted with user
administration (a ``users.manage`` grant) may only place users inside their own subtree, in
roles that see no more than they do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from uuid import UUID

import pytest

from api.audit.models import AuditEntry
from api.org.models import Role, User
from tests.factories import World, make_user, make_world

if TYPE_CHECKING:
    from tests.conftest import Api

GRANT = """
mutation ($input: GrantPermissionInput!) {
  grantPermission(input: $input) { errors { code field } }
}
"""
CREATE_USER = """
mutation ($input: CreateUserInput!) {
  createUser(input: $input) {
    user { id username role team { name } }
    errors { code field message }
  }
}
"""
UPDATE_USER = """
mutation ($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) {
    user { id role displayName isActive }
    errors { code field message }
  }
}
"""

BEYOND_A_MANAGER = ["MARKETING", "DELIVERY", "FINANCE", "ADMIN", "DIRECTOR"]
ORGANISATION_WIDE = ["MARKETING", "DELIVERY", "FINANCE", "ADMIN"]


async def _allowed_to_manage_users(api: Api, w: World, user: User) -> str:
    """The admin grants ``users.manage`` to ``user``; returns a token of ``user``."""
    body = await api.graphql(
        GRANT,
        {
            "input": {
                "userId": str(user.id),
                "permission": "users.manage",
                "reason": "代管本组成员",
            }
        },
        token=await api.login(w.admin.username),
    )
    assert body["data"]["grantPermission"]["errors"] == [], body
    return await api.login(user.username)


async def _create(api: Api, token: str, **fields: Any) -> dict[str, Any]:
    body = await api.graphql(CREATE_USER, {"input": fields}, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["createUser"]
    return payload


async def _update(api: Api, token: str, user_id: UUID, **fields: Any) -> dict[str, Any]:
    body = await api.graphql(UPDATE_USER, {"id": str(user_id), "input": fields}, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["updateUser"]
    return payload


def _codes(payload: dict[str, Any]) -> list[tuple[str, str | None]]:
    return [(e["code"], e["field"]) for e in payload["errors"]]


@pytest.mark.parametrize("role", BEYOND_A_MANAGER)
async def test_a_manager_who_may_manage_users_cannot_create_a_user_who_sees_more(api, role):
    w = await make_world()
    token = await _allowed_to_manage_users(api, w, w.manager_a)

    payload = await _create(
        api, token, username="new.hire", displayName="新人", role=role, teamId=str(w.team_a.id)
    )

    assert payload["user"] is None
    assert _codes(payload) == [("ROLE_NOT_ALLOWED", "role")]
    assert not await User.filter(username="new.hire").exists()
    assert not await AuditEntry.filter(action="user.created").exists()


@pytest.mark.parametrize("role", BEYOND_A_MANAGER)
async def test_a_manager_who_may_manage_users_cannot_promote_a_rep_to_see_more(api, role):
    w = await make_world()
    token = await _allowed_to_manage_users(api, w, w.manager_a)

    payload = await _update(api, token, w.rep_a.id, role=role)

    assert _codes(payload) == [("ROLE_NOT_ALLOWED", "role")]
    assert (await User.get(id=w.rep_a.id)).role == Role.REP
    assert not await AuditEntry.filter(action="user.role_changed").exists()


async def test_a_manager_cannot_edit_an_organisation_wide_user_placed_in_their_team(api):
    w = await make_world()
    for role in ORGANISATION_WIDE:
        await make_user(w.org, Role(role.lower()), team=w.team_a, username=f"{role.lower()}.a")
    token = await _allowed_to_manage_users(api, w, w.manager_a)

    for role in ORGANISATION_WIDE:
        staff = await User.get(username=f"{role.lower()}.a")
        for change in ({"displayName": "改名"}, {"isActive": False}, {"role": "REP"}):
            payload = await _update(api, token, staff.id, **change)
            assert _codes(payload) == [("ROLE_NOT_ALLOWED", "id")], (role, change)
        stored = await User.get(id=staff.id)
        assert (stored.role.value, stored.is_active) == (role.lower(), True)
    assert not await AuditEntry.filter(action="user.updated").exists()


async def test_a_manager_who_may_manage_users_still_adds_reps_and_managers_to_their_team(api):
    w = await make_world()
    token = await _allowed_to_manage_users(api, w, w.manager_a)

    for username, role in (("a.rep", "REP"), ("a.deputy", "MANAGER")):
        payload = await _create(
            api, token, username=username, displayName="组员", role=role, teamId=str(w.team_a.id)
        )
        assert payload["errors"] == [], role
        assert payload["user"]["team"] == {"name": w.team_a.name}
    payload = await _update(api, token, w.rep_a.id, role="MANAGER")
    assert payload["errors"] == [] and payload["user"]["role"] == "MANAGER"

    # ...but only inside their own subtree, and never without a team.
    outside = await _create(
        api, token, username="b.rep", displayName="外组", role="REP", teamId=str(w.team_b.id)
    )
    assert _codes(outside) == [("TEAM_NOT_FOUND", "teamId")]
    nowhere = await _create(api, token, username="c.rep", displayName="无组", role="MANAGER")
    assert _codes(nowhere) == [("REQUIRED", "teamId")]
    assert not await User.filter(username__in=["b.rep", "c.rep"]).exists()


async def test_a_director_who_may_manage_users_may_add_a_director_in_their_region_only(api):
    w = await make_world()
    token = await _allowed_to_manage_users(api, w, w.director)

    payload = await _create(
        api,
        token,
        username="deputy.director",
        displayName="副总监",
        role="DIRECTOR",
        teamId=str(w.team_b.id),
    )
    assert payload["errors"] == [] and payload["user"]["role"] == "DIRECTOR"
    for role in ORGANISATION_WIDE:
        payload = await _create(
            api, token, username="staff", displayName="职能", role=role, teamId=str(w.region.id)
        )
        assert _codes(payload) == [("ROLE_NOT_ALLOWED", "role")], role
        payload = await _update(api, token, w.rep_b.id, role=role)
        assert _codes(payload) == [("ROLE_NOT_ALLOWED", "role")], role
    assert (await User.get(id=w.rep_b.id)).role == Role.REP


async def test_an_admin_assigns_every_role(api):
    w = await make_world()
    token = await api.login(w.admin.username)

    for role in BEYOND_A_MANAGER:
        payload = await _create(
            api, token, username=f"new.{role.lower()}", displayName="新人", role=role
        )
        assert payload["errors"] == [] and payload["user"]["role"] == role
    payload = await _update(api, token, w.rep_a.id, role="MARKETING")
    assert payload["errors"] == [] and payload["user"]["role"] == "MARKETING"
    payload = await _update(api, token, w.rep_a.id, role="DIRECTOR")
    assert payload["errors"] == [] and payload["user"]["role"] == "DIRECTOR"
