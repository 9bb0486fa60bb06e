"""The team tree: admins create and move teams; paths follow; cycles and strangers are refused."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from api.audit.models import AuditEntry
from api.org.models import Role, Team
from tests.factories import make_org, make_team, make_user, make_world

if TYPE_CHECKING:
    from tests.conftest import Api

CREATE_TEAM = """
mutation ($input: CreateTeamInput!) {
  createTeam(input: $input) {
    team { id name kind parent { id name } }
    errors { code field message }
  }
}
"""
UPDATE_TEAM = """
mutation ($id: ID!, $input: UpdateTeamInput!) {
  updateTeam(id: $id, input: $input) {
    team { id name parent { id } }
    errors { code field message }
  }
}
"""
TEAM = "query ($id: ID!) { team(id: $id) { id name kind parent { name } } }"
TEAMS = "query { teams { name parent { name } } }"


async def _create(
    api: Api,
    token: str,
    name: str,
    parent_id: str | None = None,
    kind: str = "TEAM",
    headers: dict[str, str] | None = None,
) -> dict[str, Any]:
    variables = {"input": {"name": name, "kind": kind, "parentId": parent_id}}
    body = await api.graphql(CREATE_TEAM, variables, token=token, headers=headers)
    payload: dict[str, Any] = body["data"]["createTeam"]
    return payload


async def _create_ok(
    api: Api, token: str, name: str, parent_id: str | None = None, kind: str = "TEAM"
) -> str:
    payload = await _create(api, token, name, parent_id, kind)
    assert payload["errors"] == [], payload
    team_id: str = payload["team"]["id"]
    return team_id


async def _move(api: Api, token: str, team_id: str, parent_id: str | None) -> dict[str, Any]:
    body = await api.graphql(
        UPDATE_TEAM, {"id": team_id, "input": {"parentId": parent_id}}, token=token
    )
    payload: dict[str, Any] = body["data"]["updateTeam"]
    return payload


async def _path(team_id: str) -> str:
    return (await Team.get(id=team_id)).path


async def test_admin_builds_a_tree_whose_paths_list_the_ancestors(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    token = await api.login(admin.username)

    east = await _create_ok(api, token, "华东大区", kind="REGION")
    shanghai = await _create_ok(api, token, "上海一组", east)
    pudong = await _create_ok(api, token, "浦东小组", shanghai)

    assert await _path(east) == f"/{east}/"
    assert await _path(shanghai) == f"/{east}/{shanghai}/"
    assert await _path(pudong) == f"/{east}/{shanghai}/{pudong}/"
    body = await api.graphql(TEAM, {"id": pudong}, token=token)
    assert body["data"]["team"] == {
        "id": pudong,
        "name": "浦东小组",
        "kind": "TEAM",
        "parent": {"name": "上海一组"},
    }
    created = await AuditEntry.filter(action="team.created").order_by("seq")
    assert [e.subject_id for e in created] == [east, shanghai, pudong]
    assert created[2].data == {"parent_id": shanghai}
    assert all(e.actor_id == admin.id for e in created)


async def test_moving_a_team_rewrites_the_path_of_its_whole_subtree(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    token = await api.login(admin.username)
    east = await _create_ok(api, token, "华东大区", kind="REGION")
    south = await _create_ok(api, token, "华南大区", kind="REGION")
    shanghai = await _create_ok(api, token, "上海一组", east)
    pudong = await _create_ok(api, token, "浦东小组", shanghai)
    lujiazui = await _create_ok(api, token, "陆家嘴", pudong)
    untouched = await _create_ok(api, token, "杭州组", east)

    payload = await _move(api, token, shanghai, south)
    assert payload["errors"] == []
    assert payload["team"]["parent"] == {"id": south}
    assert await _path(shanghai) == f"/{south}/{shanghai}/"
    assert await _path(pudong) == f"/{south}/{shanghai}/{pudong}/"
    assert await _path(lujiazui) == f"/{south}/{shanghai}/{pudong}/{lujiazui}/"
    assert await _path(untouched) == f"/{east}/{untouched}/"
    entry = await AuditEntry.get(action="team.updated", subject_id=shanghai)
    assert entry.data == {
        "fields": ["parent"],
        "from_parent_id": east,
        "to_parent_id": south,
        "moved_teams": 3,
    }

    # An explicit null makes the team a root; its subtree follows.
    payload = await _move(api, token, shanghai, None)
    assert payload["errors"] == [] and payload["team"]["parent"] is None
    assert await _path(lujiazui) == f"/{shanghai}/{pudong}/{lujiazui}/"


async def test_a_team_cannot_move_under_itself_or_its_descendants(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    token = await api.login(admin.username)
    east = await _create_ok(api, token, "华东大区", kind="REGION")
    shanghai = await _create_ok(api, token, "上海一组", east)
    pudong = await _create_ok(api, token, "浦东小组", shanghai)

    for parent in (pudong, shanghai, east):
        payload = await _move(api, token, east, parent)
        assert payload["team"] is None
        assert payload["errors"] == [
            {
                "code": "TEAM_CYCLE",
                "field": "parentId",
                "message": "不能把团队移到它自己或它的下级团队之下",
            }
        ]
    assert await _path(pudong) == f"/{east}/{shanghai}/{pudong}/"
    assert not await AuditEntry.filter(action="team.updated").exists()


async def test_renaming_keeps_names_unique_in_the_organisation(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    await make_team(await make_org(), "上海一组")  # the same name elsewhere does not matter
    token = await api.login(admin.username)
    first = await _create_ok(api, token, "上海一组")
    second = await _create_ok(api, token, "上海二组")

    duplicate = await _create(api, token, " 上海一组 ", headers=None)
    assert [e["code"] for e in duplicate["errors"]] == ["TEAM_NAME_TAKEN"]
    body = await api.graphql(
        UPDATE_TEAM,
        {"id": second, "input": {"name": "上海一组"}},
        token=token,
        headers={"Accept-Language": "en"},
    )
    assert body["data"]["updateTeam"]["errors"] == [
        {
            "code": "TEAM_NAME_TAKEN",
            "field": "name",
            "message": "A team with this name already exists",
        }
    ]
    body = await api.graphql(
        UPDATE_TEAM, {"id": first, "input": {"name": "上海 1 组"}}, token=token
    )
    assert body["data"]["updateTeam"]["team"]["name"] == "上海 1 组"
    entry = await AuditEntry.get(action="team.updated", subject_id=first)
    assert entry.data == {"fields": ["name"]}
    assert "上海" not in str(entry.data)


async def test_teams_of_another_organisation_are_not_found(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    mine = await make_team(org, "上海一组")
    other = await make_org()
    theirs = await make_team(other, "别家团队")
    token = await api.login(admin.username)

    body = await api.graphql(TEAM, {"id": str(theirs.id)}, token=token)
    assert body["data"] == {"team": None}
    payload = await _create(api, token, "新团队", str(theirs.id))
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("PARENT_TEAM_NOT_FOUND", "parentId")
    ]
    payload = await _move(api, token, str(theirs.id), str(mine.id))
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("TEAM_NOT_FOUND", "id")]
    payload = await _move(api, token, str(mine.id), str(theirs.id))
    assert [e["code"] for e in payload["errors"]] == ["PARENT_TEAM_NOT_FOUND"]
    assert (await Team.get(id=theirs.id)).path == f"/{theirs.id}/"
    body = await api.graphql(TEAMS, token=token)
    assert body["data"]["teams"] == [{"name": "上海一组", "parent": None}]


async def test_only_team_managers_may_change_the_tree(api):
    w = await make_world()
    for user in (w.rep_a, w.manager_a, w.director):
        token = await api.login(user.username)
        body = await api.graphql(
            CREATE_TEAM, {"input": {"name": "野团队", "parentId": str(w.team_a.id)}}, token=token
        )
        assert body["data"] is None
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert not await Team.filter(name="野团队").exists()


async def test_managers_see_their_own_subtree_of_teams(api):
    w = await make_world()
    sub = await make_team(w.org, "上海一组-新人", parent=w.team_a)
    token = await api.login(w.manager_a.username)
    body = await api.graphql(TEAMS, token=token)
    assert body["data"]["teams"] == [
        {"name": "上海一组", "parent": {"name": "华东大区"}},
        {"name": "上海一组-新人", "parent": {"name": "上海一组"}},
    ]
    assert (await api.graphql(TEAM, {"id": str(w.team_b.id)}, token=token))["data"] == {
        "team": None
    }
    assert (await api.graphql(TEAM, {"id": str(sub.id)}, token=token))["data"]["team"]["name"] == (
        "上海一组-新人"
    )
