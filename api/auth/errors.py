"""Error codes of authentication and permission mutations."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class AuthErrorCode(StrEnum):
    INVALID_CREDENTIALS = "INVALID_CREDENTIALS"
    ACCOUNT_DISABLED = "ACCOUNT_DISABLED"
    LOGIN_THROTTLED = "LOGIN_THROTTLED"
    INVALID_REFRESH_TOKEN = "INVALID_REFRESH_TOKEN"  # noqa: S105 - an error code
    REFRESH_TOKEN_REUSED = "REFRESH_TOKEN_REUSED"  # noqa: S105 - an error code
    WECHAT_CODE_INVALID = "WECHAT_CODE_INVALID"
    WECHAT_UNAVAILABLE = "WECHAT_UNAVAILABLE"
    WECHAT_NOT_BOUND = "WECHAT_NOT_BOUND"
    WECHAT_ALREADY_BOUND = "WECHAT_ALREADY_BOUND"
    INVITATION_INVALID = "INVITATION_INVALID"
    USER_NOT_FOUND = "USER_NOT_FOUND"
    PERMISSION_UNKNOWN = "PERMISSION_UNKNOWN"
    INVALID_WINDOW = "INVALID_WINDOW"
    GRANT_NOT_FOUND = "GRANT_NOT_FOUND"


i18n.register(
    {
        "INVALID_CREDENTIALS": ("用户名或密码错误", "Wrong username or password"),
        "ACCOUNT_DISABLED": ("账号已停用，请联系管理员", "This account is disabled"),
        "LOGIN_THROTTLED": (
            "登录失败次数过多，请 {minutes} 分钟后再试",
            "Too many failed logins; try again in {minutes} minutes",
        ),
        "INVALID_REFRESH_TOKEN": ("登录已过期，请重新登录", "Session expired, please log in again"),
        "REFRESH_TOKEN_REUSED": (
            "检测到登录凭证被重复使用，已退出该会话，请重新登录",
            "A spent refresh token was presented; the session was closed. Log in again",
        ),
        "WECHAT_CODE_INVALID": ("微信登录凭证无效或已使用", "The WeChat login code is invalid"),
        "WECHAT_UNAVAILABLE": (
            "微信服务暂时不可用，请稍后重试",
            "WeChat is unavailable, retry later",
        ),
        "WECHAT_NOT_BOUND": (
            "该微信尚未绑定账号，请输入管理员发放的邀请码",
            "This WeChat account is not bound yet; enter the invitation code from your admin",
        ),
        "WECHAT_ALREADY_BOUND": ("该账号已绑定其他微信", "This user is bound to another WeChat"),
        "INVITATION_INVALID": ("邀请码无效、已使用或已过期", "The invitation code is invalid"),
        "USER_NOT_FOUND": ("未找到该成员", "User not found"),
        "PERMISSION_UNKNOWN": ("没有这项权限", "Unknown permission"),
        "INVALID_WINDOW": ("结束时间必须晚于开始时间", "The end must be after the start"),
        "GRANT_NOT_FOUND": ("未找到该授权", "Grant not found"),
    }
)
