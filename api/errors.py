"""Error vocabulary: domain errors for mutation payloads, API errors for the top level."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from tortoise.exceptions import BaseORMException

from api import i18n


class ServiceError(Exception):
    """A business rule refused the request. Services raise it; mutations map it to a payload."""

    def __init__(self, code: StrEnum, field: str | None = None, **params: Any) -> None:
        super().__init__(code.value)
        self.code = code
        self.field = field
        self.params = params


class ApiErrorCode(StrEnum):
    """Codes of top-level GraphQL errors (``extensions.code``)."""

    UNAUTHENTICATED = "UNAUTHENTICATED"
    FORBIDDEN = "FORBIDDEN"
    NOT_FOUND = "NOT_FOUND"
    PAGE_SIZE_LIMIT = "PAGE_SIZE_LIMIT"
    INVALID_CURSOR = "INVALID_CURSOR"
    QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
    TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
    TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
    GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
    GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
    BAD_USER_INPUT = "BAD_USER_INPUT"
    INTERNAL_ERROR = "INTERNAL_ERROR"
    # A permission a new hire has not unlocked yet; ``extensions.unlock`` says what unlocks it.
    PERMISSION_LOCKED = "PERMISSION_LOCKED"


class ApiError(Exception):
    """A top-level error: authentication, permission, limits. Carries a code for clients.

    ``extensions``: machine-readable detail added to the error's ``extensions`` beside its code.
    """

    def __init__(
        self, code: ApiErrorCode, *, extensions: dict[str, Any] | None = None, **params: Any
    ) -> None:
        super().__init__(code.value)
        self.code = code
        self.params = params
        self.extensions = extensions or {}


i18n.register(
    {
        "UNAUTHENTICATED": ("请先登录", "Authentication required"),
        "FORBIDDEN": ("没有执行此操作的权限", "You do not have permission for this"),
        "NOT_FOUND": ("未找到该对象", "Not found"),
        "PAGE_SIZE_LIMIT": (
            "每页最多 {limit} 条，请求了 {requested} 条",
            "At most {limit} items per page, {requested} requested",
        ),
        "INVALID_CURSOR": ("分页游标无效", "Invalid pagination cursor"),
        "QUERY_TOO_DEEP": ("查询嵌套层级过深", "The query is nested too deeply"),
        "TOO_MANY_ALIASES": ("查询中的别名过多", "The query uses too many aliases"),
        "TOO_MANY_TOKENS": ("查询过长", "The query is too long"),
        "GRAPHQL_PARSE_FAILED": ("查询语法错误", "The query could not be parsed"),
        "GRAPHQL_VALIDATION_FAILED": ("查询不符合接口定义", "The query does not match the schema"),
        "BAD_USER_INPUT": ("输入无效", "Invalid input"),
        "PERMISSION_LOCKED": (
            "新人成长路径尚未解锁此权限：达到第{level}级（{level_name}）后开放",
            "Not unlocked yet on your onboarding track: reach level {level} ({level_name})",
        ),
        "INTERNAL_ERROR": (
            "服务器内部错误，请稍后重试",
            "Unexpected error, please try again later",
        ),
    }
)


_VERBOSE_MODULES = ("asyncpg", "sqlite3", "aiosqlite", "pypika", "tortoise")
MAX_ERROR_LENGTH = 200


def describe_error(exc: BaseException) -> str:
    """The exception class and first line of its message, short and free of row values.

    Database and ORM errors may echo column values (a duplicate phone number, an over-long bank
    account), so only their class is kept. Our own exceptions never carry personal data.
    """
    name = type(exc).__name__
    if isinstance(exc, BaseORMException) or type(exc).__module__.startswith(_VERBOSE_MODULES):
        return name
    lines = str(exc).strip().splitlines()
    text = f"{name}: {lines[0]}" if lines else name
    return text[:MAX_ERROR_LENGTH]
