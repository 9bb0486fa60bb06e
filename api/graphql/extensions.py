"""Schema extensions: limits, caches, error codes and masking, audit of personal-data views."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Iterator
from typing import Any

from graphql import GraphQLError
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    SchemaExtension,
    ValidationCache,
)

from api import i18n
from api.audit import service as audit
from api.errors import ApiError, ApiErrorCode, describe_error
from api.settings import Settings

log = logging.getLogger("api.graphql")

# graphql-core and strawberry report limits as plain validation errors; recognise them by text.
_LIMIT_MESSAGES = (
    ("exceeds maximum operation depth", ApiErrorCode.QUERY_TOO_DEEP),
    ("aliases found", ApiErrorCode.TOO_MANY_ALIASES),
    ("contains more than", ApiErrorCode.TOO_MANY_TOKENS),
)


def classify(error: GraphQLError) -> tuple[ApiErrorCode, dict[str, Any]] | None:
    """The code of an error we may show, or None for an unexpected one (to be masked)."""
    original = error.original_error
    if isinstance(original, ApiError):
        return original.code, original.params
    if original is None:
        for fragment, code in _LIMIT_MESSAGES:
            if fragment in error.message:
                return code, {}
        if error.message.startswith("Syntax Error"):
            return ApiErrorCode.GRAPHQL_PARSE_FAILED, {}
        return ApiErrorCode.GRAPHQL_VALIDATION_FAILED, {}
    return None


class ErrorCodes(SchemaExtension):
    """Gives every error ``extensions.code`` and a localised message; masks the unexpected.

    Errors are reshaped in place: parse errors are thrown through the operation and validation
    errors leave it before a result exists; the same error objects end up in the response.
    """

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        locale = getattr(context.context, "locale", i18n.ZH)
        try:
            yield
        except GraphQLError as thrown:  # parse errors are thrown through the operation
            _shape(thrown, locale)
            raise
        errors = list(context.pre_execution_errors or [])
        if context.result is not None and context.result.errors:
            errors += context.result.errors
        for error in {id(e): e for e in errors}.values():
            _shape(error, locale)


def _shape(error: GraphQLError, locale: str) -> None:
    if error.extensions and "code" in error.extensions:
        return  # already shaped
    classified = classify(error)
    if classified is None:
        original = error.original_error
        # The traceback, but the message only through describe_error: ORM errors echo values.
        log.error(
            "unexpected error in %s: %s\n%s",
            ".".join(str(p) for p in error.path or []) or "operation",
            describe_error(original) if original else error.message[:200],
            "".join(traceback.format_tb(original.__traceback__)) if original else "",
        )
        code, detail = ApiErrorCode.INTERNAL_ERROR, None
        params: dict[str, Any] = {}
        error.original_error = None
    else:
        code, params = classified
        detail = error.message if error.original_error is None else None
    message = i18n.message(code.value, locale, **params)
    if detail and code in {
        ApiErrorCode.GRAPHQL_PARSE_FAILED,
        ApiErrorCode.GRAPHQL_VALIDATION_FAILED,
    }:
        message = f"{message}: {detail}"
    error.message = message
    original = error.original_error
    extra = original.extensions if isinstance(original, ApiError) else {}
    error.extensions = {"code": code.value, **extra}


class PersonalDataAudit(SchemaExtension):
    """After each operation, one audit entry lists every unmasked personal field it showed."""

    async def on_operation(self) -> Any:  # type: ignore[override]
        yield
        context = self.execution_context.context
        views = getattr(context, "personal_data_views", None)
        principal = getattr(context, "principal", None)
        if not views or principal is None:
            return
        subjects = sorted({f"{v.subject_type}:{v.subject_id}:{v.field}" for v in views})
        operation = self.execution_context.operation_name
        await audit.record(
            organisation_id=principal.organisation_id,
            action="personal_data.viewed",
            at=context.clock.now(),
            actor_id=principal.user_id,
            subject_type="Operation",
            # The operation name is client text: kept short, in the data, never as a key.
            data={"fields": subjects, "operation": (operation or "")[:64]},
        )
        views.clear()


def extensions_for(
    settings: Settings,
) -> list[Callable[[], SchemaExtension] | type[SchemaExtension]]:
    # The limit rules are built once: the validation cache keys on the rule classes, and a
    # limiter constructed per request would make a new class each time (and never hit).
    limits = [
        *QueryDepthLimiter(max_depth=settings.max_query_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
    ]
    extensions: list[Callable[[], SchemaExtension] | type[SchemaExtension]] = [
        lambda: ParserCache(maxsize=512),
        lambda: ValidationCache(maxsize=512),
        lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
        lambda: AddValidationRules(limits),
        ErrorCodes,
        PersonalDataAudit,
    ]
    if not settings.introspection:
        extensions.append(DisableIntrospection)
    return extensions
