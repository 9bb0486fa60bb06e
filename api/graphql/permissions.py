"""Strawberry permission classes: declared on fields, never checked inline in resolvers."""

from __future__ import annotations

from functools import cache
from typing import Any

from strawberry.permission import BasePermission

from api.auth.permissions import Permission
from api.context import Info
from api.errors import ApiError, ApiErrorCode


class IsAuthenticated(BasePermission):
    message = "UNAUTHENTICATED"

    def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
        info.context.require_principal()
        return True


@cache
def Requires(*permissions: Permission) -> type[BasePermission]:
    """A permission class admitting callers that hold every one of ``permissions``."""

    class _Requires(BasePermission):
        message = "FORBIDDEN"

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            principal = info.context.require_principal()
            if not all(principal.can(p) for p in permissions):
                raise ApiError(ApiErrorCode.FORBIDDEN)
            return True

    _Requires.__name__ = "Requires_" + "_".join(p.name for p in permissions)
    return _Requires


@cache
def RequiresAny(*permissions: Permission) -> type[BasePermission]:
    """A permission class admitting callers that hold at least one of ``permissions``."""

    class _RequiresAny(BasePermission):
        message = "FORBIDDEN"

        def has_permission(self, source: Any, info: Info, **kwargs: Any) -> bool:
            principal = info.context.require_principal()
            if not any(principal.can(p) for p in permissions):
                raise ApiError(ApiErrorCode.FORBIDDEN)
            return True

    _RequiresAny.__name__ = "RequiresAny_" + "_".join(p.name for p in permissions)
    return _RequiresAny
