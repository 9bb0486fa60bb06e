"""HTTP endpoints of uploads: ``POST /uploads`` (as ``wx.uploadFile`` sends it) and signed media.

``POST /uploads`` takes ``multipart/form-data`` with one file field ``file`` and a form field
``kind`` (``photo`` | ``voice`` | ``table``) and an ``Authorization: Bearer`` header. The body
is read as it streams, counted, and abandoned with 413 as soon as it passes the limit (the
declared Content-Length is checked first, but a client may lie or send chunks). The file's name
and declared Content-Type are ignored: only its bytes decide what it is. A ``table`` is an
Excel/CSV file of leads to import: it needs ``Permission.LEADS_CHANNELS`` (photos and recordings
need ``UPLOADS_CREATE``) and is accepted when :func:`api.leads.tabular.read_table` can read it.

``GET /media/{upload_id}?exp=&sig=`` serves stored bytes to whoever holds a valid, unexpired
signed URL (see :mod:`api.uploads.signing`); it needs no Authorization header.
"""

from __future__ import annotations

import logging
import re
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from api import i18n
from api.auth.http import AuthenticationFailed, principal_from
from api.auth.permissions import Permission
from api.errors import ApiErrorCode, ServiceError
from api.services import Services
from api.uploads.errors import UploadErrorCode
from api.uploads.models import Upload, UploadKind
from api.uploads.multipart import FILE_FIELD, KIND_FIELD, read_upload_form
from api.uploads.service import read_media, store_upload
from api.uploads.signing import remaining_seconds, sign_media_url, verify_media_signature

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

# HTTP status of each refusal (keys compare equal to the codes' string values).
STATUS: dict[str, int] = {
    UploadErrorCode.MALFORMED_REQUEST: 400,
    UploadErrorCode.MISSING_FILE: 400,
    UploadErrorCode.INVALID_KIND: 400,
    UploadErrorCode.EMPTY_FILE: 400,
    UploadErrorCode.CORRUPT_FILE: 400,
    UploadErrorCode.DECOMPRESSION_BOMB: 400,
    UploadErrorCode.POLYGLOT: 400,
    UploadErrorCode.VOICE_TOO_LONG: 400,
    UploadErrorCode.UNREADABLE_TABLE: 400,
    UploadErrorCode.FILE_TOO_LARGE: 413,
    UploadErrorCode.UNSUPPORTED_TYPE: 415,
    UploadErrorCode.MEDIA_LINK_INVALID: 403,
}


_EXP = re.compile(r"[0-9]{1,12}")
_RANGE = re.compile(r"bytes=([0-9]{0,15})-([0-9]{0,15})")


def routes() -> list[BaseRoute]:
    return [
        Route("/uploads", create_upload, methods=["POST"]),
        Route("/media/{upload_id}", serve_media, methods=["GET"]),
    ]


# -- POST /uploads ----------------------------------------------------------------------------


async def create_upload(request: Request) -> Response:
    services: Services = request.app.state.services
    locale = i18n.negotiate(request.headers.get("accept-language"))
    try:
        principal = await principal_from(request, services)
    except AuthenticationFailed:
        principal = None
    if principal is None:
        return error_response(
            401, ApiErrorCode.UNAUTHENTICATED, locale, headers={"WWW-Authenticate": "Bearer"}
        )
    allowed = [kind for kind in UploadKind if principal.can(permission_for(kind))]
    if not allowed:
        return error_response(403, ApiErrorCode.FORBIDDEN, locale)
    try:
        form = await read_upload_form(request, services.settings, allowed)
        if form.file is None:
            raise ServiceError(UploadErrorCode.MISSING_FILE, field=FILE_FIELD)
        kind = parse_kind(form.kind)
        if not principal.can(permission_for(kind)):
            return error_response(403, ApiErrorCode.FORBIDDEN, locale)
        upload = await store_upload(
            principal=principal, kind=kind, data=form.file, services=services
        )
    except ServiceError as exc:
        return error_response(STATUS.get(exc.code, 400), exc.code, locale, **exc.params)
    except ClientDisconnect:
        log.info("upload abandoned by the client: user=%s", principal.user_id)
        return Response(status_code=400)
    except Exception:
        log.exception("upload failed unexpectedly: user=%s", principal.user_id)
        return error_response(500, ApiErrorCode.INTERNAL_ERROR, locale)
    return JSONResponse(upload_payload(upload, services), status_code=201)


def permission_for(kind: UploadKind) -> Permission:
    """What the uploader must hold: photos and recordings are field work, tables lead imports."""
    return Permission.LEADS_CHANNELS if kind is UploadKind.TABLE else Permission.UPLOADS_CREATE


def parse_kind(value: str | None) -> UploadKind:
    try:
        return UploadKind((value or "").strip().lower())
    except ValueError:
        raise ServiceError(UploadErrorCode.INVALID_KIND, field=KIND_FIELD) from None


def upload_payload(upload: Upload, services: Services) -> dict[str, Any]:
    kind = UploadKind(upload.kind)
    body: dict[str, Any] = {
        "uploadId": str(upload.id),
        "kind": kind.value,
        "contentType": upload.content_type,
        "size": upload.size,
        "sha256": upload.sha256,
    }
    if kind is UploadKind.PHOTO:
        body["width"] = upload.width
        body["height"] = upload.height
    elif kind is UploadKind.VOICE:
        body["durationMs"] = upload.duration_ms
    body["url"] = sign_media_url(
        upload_id=upload.id, settings=services.settings, now=services.clock.now()
    )
    return body


async def serve_media(request: Request) -> Response:
    services: Services = request.app.state.services
    locale = i18n.negotiate(request.headers.get("accept-language"))
    try:
        upload_id = UUID(request.path_params["upload_id"])
    except ValueError:
        return error_response(404, ApiErrorCode.NOT_FOUND, locale)
    exp_text = request.query_params.get("exp", "")
    sig = request.query_params.get("sig", "")
    now = services.clock.now()
    if not (
        _EXP.fullmatch(exp_text)
        and sig
        and verify_media_signature(
            upload_id=upload_id, exp=int(exp_text), sig=sig, settings=services.settings, now=now
        )
    ):
        return error_response(403, UploadErrorCode.MEDIA_LINK_INVALID, locale)
    found = await read_media(upload_id=upload_id, services=services)
    if found is None:
        return error_response(404, ApiErrorCode.NOT_FOUND, locale)
    upload, data = found
    headers = {
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; sandbox",
        "Content-Disposition": "inline",
        "Cache-Control": f"private, max-age={remaining_seconds(exp=int(exp_text), now=now)}",
        "Referrer-Policy": "no-referrer",
        "Accept-Ranges": "bytes",
    }
    size = len(data)
    try:
        wanted = _byte_range(request.headers.get("range"), size)
    except _RangeNotSatisfiable:
        headers["Content-Range"] = f"bytes */{size}"
        return Response(status_code=416, headers=headers)
    if wanted is None:
        return Response(data, media_type=upload.content_type, headers=headers)
    first, last = wanted
    headers["Content-Range"] = f"bytes {first}-{last}/{size}"
    return Response(
        data[first : last + 1], status_code=206, media_type=upload.content_type, headers=headers
    )


class _RangeNotSatisfiable(Exception):
    pass


def _byte_range(header: str | None, size: int) -> tuple[int, int] | None:
    """A single ``bytes=`` range as (first, last) inclusive; None to send everything (no
    header, several ranges or syntax we ignore). Raises _RangeNotSatisfiable past the end."""
    if not header:
        return None
    match = _RANGE.fullmatch(header.strip())
    if match is None:
        return None
    first_text, last_text = match.groups()
    if not first_text:
        if not last_text:
            return None
        suffix = int(last_text)
        if suffix == 0 or size == 0:
            raise _RangeNotSatisfiable
        return max(0, size - suffix), size - 1
    first = int(first_text)
    if last_text and int(last_text) < first:
        return None  # syntactically invalid: ignored
    if first >= size:
        raise _RangeNotSatisfiable
    last = int(last_text) if last_text else size - 1
    return first, min(last, size - 1)


# -- responses --------------------------------------------------------------------------------


def error_response(
    status: int,
    code: StrEnum,
    locale: str,
    *,
    headers: dict[str, str] | None = None,
    **params: object,
) -> JSONResponse:
    """``{"error": {"code", "message"}}`` in the caller's language."""
    return JSONResponse(
        {"error": {"code": code.value, "message": i18n.message(code.value, locale, **params)}},
        status_code=status,
        headers=headers,
    )
