"""Sessions, rotating refresh tokens, WeChat bindings, invitations and permission grants."""

from __future__ import annotations

from tortoise import fields

from api.common.models import Entity
from api.org.models import Organisation, User


class AuthSession(Entity):
    """One login: a family of refresh tokens; revoking it logs the device out at once."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="auth_sessions", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="auth_sessions", on_delete=fields.CASCADE
    )
    method = fields.CharField(max_length=16)
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)
    revoked_reason = fields.CharField(max_length=32, null=True)

    class Meta:
        table = "auth_session"


class RefreshToken(Entity):
    """A refresh token, stored only as its SHA-256; used once, then replaced."""

    session: fields.ForeignKeyRelation[AuthSession] = fields.ForeignKeyField(
        "models.AuthSession", related_name="refresh_tokens", on_delete=fields.CASCADE
    )
    token_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "refresh_token"


class WechatBinding(Entity):
    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="wechat_bindings", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="wechat_bindings", on_delete=fields.CASCADE
    )
    appid = fields.CharField(max_length=64)
    openid = fields.CharField(max_length=128)
    unionid = fields.CharField(max_length=128, null=True)

    class Meta:
        table = "wechat_binding"
        # One WeChat account per user and app, and one user per WeChat account.
        unique_together = (("appid", "openid"), ("user", "appid"))


class Invitation(Entity):
    """An admin's invitation for a user to bind their WeChat account; single use."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="invitations", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="invitations", on_delete=fields.CASCADE
    )
    created_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    code_hash = fields.CharField(max_length=64, unique=True)
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation"


class PermissionGrant(Entity):
    """A permission granted to one user beyond their role, valid inside a time window."""

    organisation: fields.ForeignKeyRelation[Organisation] = fields.ForeignKeyField(
        "models.Organisation", related_name="permission_grants", on_delete=fields.CASCADE
    )
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="permission_grants", on_delete=fields.CASCADE
    )
    permission = fields.CharField(max_length=64)
    valid_from = fields.DatetimeField()
    valid_until = fields.DatetimeField(null=True)
    reason = fields.CharField(max_length=300, default="")
    granted_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )
    revoked_at = fields.DatetimeField(null=True)
    revoked_by: fields.ForeignKeyNullableRelation[User] = fields.ForeignKeyField(
        "models.User", related_name=False, null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "permission_grant"
        indexes = (("user", "permission"),)
