"""Permission grants: time windows, scope, the catalogue, and an audit entry for every change."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from api.audit.models import AuditEntry
from api.auth.models import PermissionGrant
from api.auth.permissions import Permission
from api.org.models import Role, User
from tests.factories import make_org, make_user, make_world

if TYPE_CHECKING:
    from tests.conftest import Api

GRANT = """
mutation ($input: GrantPermissionInput!) {
  grantPermission(input: $input) {
    grant {
      id permission validFrom validUntil reason revokedAt
      user { username }
      grantedBy { username }
    }
    errors { code field message }
  }
}
"""
REVOKE = """
mutation ($id: ID!) {
  revokePermissionGrant(grantId: $id) {
    grant { id revokedAt }
    errors { code field message }
  }
}
"""
USER_PERMISSIONS = """
query ($userId: ID!) {
  userPermissions(userId: $userId) {
    user { username }
    permissions
    grants { id permission validUntil }
  }
}
"""
CATALOGUE = "query { permissionCatalogue { name description roles } }"
ME = "query { me { permissions } }"
UPDATE_USER = """
mutation ($id: ID!, $input: UpdateUserInput!) {
  updateUser(id: $id, input: $input) { errors { code field } }
}
"""


def _iso(at: datetime) -> str:
    return at.isoformat()


async def _grant(
    api: Api, token: str, user: User, permission: str = "leads.all", **extra: Any
) -> dict[str, Any]:
    variables = {
        "input": {
            "userId": str(user.id),
            "permission": permission,
            "reason": "试用期提前解锁",
            **extra,
        }
    }
    body = await api.graphql(GRANT, variables, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["grantPermission"]
    return payload


async def _permissions(api: Api, token: str, user: User) -> Any:
    body = await api.graphql(USER_PERMISSIONS, {"userId": str(user.id)}, token=token)
    assert "errors" not in body, body
    return body["data"]["userPermissions"]


async def test_a_grant_counts_only_inside_its_validity_window(api, clock):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    hire = await make_user(org, Role.REP, in_onboarding=True)
    token = await api.login(admin.username)
    start, end = clock.now() + timedelta(hours=1), clock.now() + timedelta(days=7)

    payload = await _grant(api, token, hire, validFrom=_iso(start), validUntil=_iso(end))
    assert payload["errors"] == []
    grant = payload["grant"]
    assert grant["permission"] == "leads.all"
    assert (grant["user"], grant["grantedBy"]) == (
        {"username": hire.username},
        {"username": admin.username},
    )
    assert grant["revokedAt"] is None

    before = await _permissions(api, token, hire)
    assert "leads.all" not in before["permissions"] and before["grants"] == []
    assert (
        "leads.all"
        not in (await api.graphql(ME, token=await api.login(hire.username)))["data"]["me"][
            "permissions"
        ]
    )

    clock.set(start)
    token = await api.login(admin.username)
    inside = await _permissions(api, token, hire)
    assert "leads.all" in inside["permissions"]
    assert [g["id"] for g in inside["grants"]] == [grant["id"]]
    hire_token = await api.login(hire.username)
    assert "leads.all" in (await api.graphql(ME, token=hire_token))["data"]["me"]["permissions"]

    clock.set(end)
    token = await api.login(admin.username)
    after = await _permissions(api, token, hire)
    assert "leads.all" not in after["permissions"] and after["grants"] == []


async def test_a_revoked_grant_stops_counting_and_both_changes_are_audited(api, clock):
    w = await make_world()
    token = await api.login(w.admin.username)
    payload = await _grant(api, token, w.rep_a, permission="users.view")
    grant_id = payload["grant"]["id"]
    assert "users.view" in (await _permissions(api, token, w.rep_a))["permissions"]

    granted = await AuditEntry.get(action="permissions.granted", subject_id=str(w.rep_a.id))
    assert granted.actor_id == w.admin.id
    assert granted.data["grant_id"] == grant_id and granted.data["permission"] == "users.view"

    clock.advance(minutes=5)
    body = await api.graphql(REVOKE, {"id": grant_id}, token=token)
    payload = body["data"]["revokePermissionGrant"]
    assert payload["errors"] == [] and payload["grant"]["revokedAt"] is not None
    assert "users.view" not in (await _permissions(api, token, w.rep_a))["permissions"]
    revoked = await AuditEntry.get(action="permissions.revoked", subject_id=str(w.rep_a.id))
    assert revoked.data == {"grant_id": grant_id, "permission": "users.view"}

    # Revoking again changes nothing and records nothing.
    body = await api.graphql(REVOKE, {"id": grant_id}, token=token)
    assert body["data"]["revokePermissionGrant"]["errors"] == []
    assert await AuditEntry.filter(action="permissions.revoked").count() == 1


async def test_every_permission_change_leaves_an_audit_entry(api, clock):
    w = await make_world()
    token = await api.login(w.admin.username)
    grant_id = (await _grant(api, token, w.rep_b, permission="audit.view"))["grant"]["id"]
    await api.graphql(REVOKE, {"id": grant_id}, token=token)
    body = await api.graphql(
        UPDATE_USER, {"id": str(w.rep_b.id), "input": {"role": "MANAGER"}}, token=token
    )
    assert body["data"]["updateUser"]["errors"] == []
    entries = await AuditEntry.filter(subject_id=str(w.rep_b.id)).order_by("seq")
    actions = [e.action for e in entries]
    assert [a for a in actions if not a.startswith("auth.")] == [
        "permissions.granted",
        "permissions.revoked",
        "user.updated",
        "user.role_changed",
    ]


async def test_an_admin_cannot_reach_another_organisations_users_or_grants(api):
    org = await make_org()
    admin = await make_user(org, Role.ADMIN)
    other = await make_org()
    other_admin = await make_user(other, Role.ADMIN)
    stranger = await make_user(other, Role.REP)
    their_grant = await _grant(api, await api.login(other_admin.username), stranger)
    token = await api.login(admin.username)

    payload = await _grant(api, token, stranger)
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [("USER_NOT_FOUND", "userId")]
    body = await api.graphql(REVOKE, {"id": their_grant["grant"]["id"]}, token=token)
    assert [(e["code"], e["field"]) for e in body["data"]["revokePermissionGrant"]["errors"]] == [
        ("GRANT_NOT_FOUND", "grantId")
    ]
    assert await _permissions(api, token, stranger) is None
    assert await PermissionGrant.filter(user_id=stranger.id).count() == 1
    assert await PermissionGrant.filter(user_id=stranger.id, revoked_at=None).count() == 1
    assert not await AuditEntry.filter(
        organisation_id=org.id, action__startswith="permissions."
    ).exists()


async def test_grants_are_refused_with_a_code_for_bad_requests(api, clock):
    w = await make_world()
    token = await api.login(w.admin.username)
    cases = [
        ({"permission": "leads.everything"}, ("PERMISSION_UNKNOWN", "permission")),
        ({"reason": "  "}, ("REQUIRED", "reason")),
        (
            {"validFrom": _iso(clock.now()), "validUntil": _iso(clock.now() - timedelta(days=1))},
            ("INVALID_WINDOW", "validUntil"),
        ),
    ]
    for extra, expected in cases:
        payload = await _grant(api, token, w.rep_a, **extra)
        assert [(e["code"], e["field"]) for e in payload["errors"]] == [expected], extra
    payload = await _grant(api, token, w.admin)
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("CANNOT_CHANGE_SELF", "userId")
    ]
    assert not await PermissionGrant.all().exists()

    body = await api.graphql(
        GRANT,
        {"input": {"userId": str(w.rep_a.id), "permission": "nope", "reason": "x"}},
        token=token,
        headers={"Accept-Language": "en"},
    )
    assert body["data"]["grantPermission"]["errors"][0]["message"] == "Unknown permission"


async def test_only_holders_of_permissions_grant_may_grant_or_revoke(api):
    w = await make_world()
    grant_id = (await _grant(api, await api.login(w.admin.username), w.rep_a))["grant"]["id"]
    for user in (w.rep_a2, w.manager_a, w.director, w.finance):
        token = await api.login(user.username)
        body = await api.graphql(
            GRANT,
            {"input": {"userId": str(w.rep_a.id), "permission": "audit.view", "reason": "x"}},
            token=token,
        )
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
        body = await api.graphql(REVOKE, {"id": grant_id}, token=token)
        assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert await PermissionGrant.filter(revoked_at=None).count() == 1


async def test_managers_read_the_permissions_of_their_own_team_only(api):
    w = await make_world()
    token = await api.login(w.manager_a.username)
    mine = await _permissions(api, token, w.rep_a)
    assert mine["user"] == {"username": w.rep_a.username}
    assert "customers.view" in mine["permissions"] and "users.manage" not in mine["permissions"]
    assert await _permissions(api, token, w.rep_b) is None
    body = await api.graphql(
        USER_PERMISSIONS, {"userId": str(w.rep_a2.id)}, token=await api.login(w.rep_a.username)
    )
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


async def test_the_catalogue_is_described_in_the_callers_language(api):
    w = await make_world()
    token = await api.login(w.rep_a.username)
    zh = (await api.graphql(CATALOGUE, token=token))["data"]["permissionCatalogue"]
    en = (await api.graphql(CATALOGUE, token=token, headers={"Accept-Language": "en"}))["data"][
        "permissionCatalogue"
    ]
    assert [p["name"] for p in zh] == [p.value for p in Permission]
    by_name = {p["name"]: p for p in zh}
    assert by_name["contacts.reveal"]["description"] == "查看联系人完整信息（留审计）"
    assert {p["name"]: p["description"] for p in en}["contacts.reveal"] == (
        "Reveal contact details (audited)"
    )
    assert by_name["permissions.grant"]["roles"] == ["ADMIN"]
    assert "REP" in by_name["leads.all"]["roles"]
    body = await api.graphql(CATALOGUE)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["UNAUTHENTICATED"]
