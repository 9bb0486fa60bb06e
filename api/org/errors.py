"""Error codes of organisation administration: teams, users, invitations, permission grants."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class OrgErrorCode(StrEnum):
    TEAM_NOT_FOUND = "TEAM_NOT_FOUND"
    PARENT_TEAM_NOT_FOUND = "PARENT_TEAM_NOT_FOUND"
    TEAM_CYCLE = "TEAM_CYCLE"
    TEAM_TOO_DEEP = "TEAM_TOO_DEEP"
    TEAM_NAME_TAKEN = "TEAM_NAME_TAKEN"
    USER_NOT_FOUND = "USER_NOT_FOUND"
    MANAGER_NOT_FOUND = "MANAGER_NOT_FOUND"
    MANAGER_CYCLE = "MANAGER_CYCLE"
    USERNAME_INVALID = "USERNAME_INVALID"
    USERNAME_TAKEN = "USERNAME_TAKEN"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"  # noqa: S105 - an error code
    ROLE_NOT_ALLOWED = "ROLE_NOT_ALLOWED"
    CANNOT_CHANGE_SELF = "CANNOT_CHANGE_SELF"
    USER_INACTIVE = "USER_INACTIVE"
    PERMISSION_NOT_HELD = "PERMISSION_NOT_HELD"
    # Shared with other domains (registered with the same texts).
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    TOO_MANY_ITEMS = "TOO_MANY_ITEMS"
    INVALID_PHONE = "INVALID_PHONE"
    INVALID_EMAIL = "INVALID_EMAIL"
    # Raised by the auth service for grants; mapped one to one.
    PERMISSION_UNKNOWN = "PERMISSION_UNKNOWN"
    INVALID_WINDOW = "INVALID_WINDOW"
    GRANT_NOT_FOUND = "GRANT_NOT_FOUND"


i18n.register(
    {
        "TEAM_NOT_FOUND": ("未找到该团队", "Team not found"),
        "PARENT_TEAM_NOT_FOUND": ("未找到上级团队", "Parent team not found"),
        "TEAM_CYCLE": (
            "不能把团队移到它自己或它的下级团队之下",
            "A team cannot be moved under itself or one of its sub-teams",
        ),
        "TEAM_TOO_DEEP": (
            "团队层级过深（最多 {max} 层）",
            "The team tree is too deep (at most {max} levels)",
        ),
        "TEAM_NAME_TAKEN": ("已有同名团队", "A team with this name already exists"),
        "USER_NOT_FOUND": ("未找到该成员", "User not found"),
        "MANAGER_NOT_FOUND": (
            "主管不存在或不在你的权限范围内",
            "Manager not found or not visible to you",
        ),
        "MANAGER_CYCLE": (
            "主管不能是本人或其下属",
            "The manager cannot be the user or someone reporting to them",
        ),
        "USERNAME_INVALID": (
            "用户名须为 3 到 64 位小写字母、数字、点、下划线或连字符，并以字母或数字开头",
            "The username must be 3 to 64 lowercase letters, digits, dots, underscores or "
            "hyphens, starting with a letter or digit",
        ),
        "USERNAME_TAKEN": ("该用户名已被使用", "This username is already taken"),
        "PASSWORD_TOO_SHORT": (
            "密码至少 {min} 位",
            "The password must have at least {min} characters",
        ),
        "ROLE_NOT_ALLOWED": (
            "不能设置或修改权限或可见范围超出你自己的角色",
            "You cannot assign or change a role that can do or see more than you",
        ),
        "CANNOT_CHANGE_SELF": (
            "不能停用自己的账号、修改自己的角色或给自己授权",
            "You cannot deactivate yourself, change your own role or grant yourself permissions",
        ),
        "USER_INACTIVE": ("该成员已停用", "This user is deactivated"),
        "PERMISSION_NOT_HELD": (
            "不能授予你自己没有的权限",
            "You cannot grant a permission you do not hold",
        ),
        "REQUIRED": ("此项必填", "This field is required"),
        "TOO_LONG": ("内容过长（最多 {max} 个字符）", "Too long (at most {max} characters)"),
        "TOO_MANY_ITEMS": ("条目过多（最多 {max} 条）", "Too many items (at most {max})"),
        "INVALID_PHONE": ("电话号码格式无效", "Invalid phone number"),
        "INVALID_EMAIL": ("邮箱格式无效", "Invalid e-mail address"),
        "PERMISSION_UNKNOWN": ("没有这项权限", "Unknown permission"),
        "INVALID_WINDOW": ("结束时间必须晚于开始时间", "The end must be after the start"),
        "GRANT_NOT_FOUND": ("未找到该授权", "Grant not found"),
    }
)
