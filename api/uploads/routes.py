"""HTTP endpoints of uploads: ``POST /uploads`` (as ``wx.uploadFile`` sends it) and signed media.

``POST /uploads`` takes ``multipart/form-data`` with one file field ``file`` and a form field
``kind`` (``photo`` | ``voice``) and an ``Authorization: Bearer`` header. The body is read as
it streams, counted, and abandoned with 413 as soon as it passes the limit (the declared
Content-Length is checked first, but a client may lie or send chunks). The file's name and
declared Content-Type are ignored: only its bytes decide what it is.

``GET /media/{upload_id}?exp=&sig=`` serves stored bytes to whoever holds a valid, unexpired
signed URL (see :mod:`api.uploads.signing`); it needs no Authorization header.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any
from uuid import UUID

from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from api import i18n
from api.auth.http import AuthenticationFailed, principal_from
from api.auth.permissions import Permission
from api.errors import ApiErrorCode, ServiceError
from api.services import Services
from api.settings import Settings
from api.uploads.errors import UploadErrorCode
from api.uploads.models import Upload, UploadKind
from api.uploads.service import (
    file_too_large,
    max_bytes_for,
    max_upload_bytes,
    read_media,
    store_upload,
)
from api.uploads.signing import remaining_seconds, sign_media_url, verify_media_signature

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

log = logging.getLogger(__name__)

# Room for boundaries, part headers and the small form fields around the file.
MULTIPART_OVERHEAD = 64 * 1024
MAX_FORM_FIELDS = 5
MAX_FIELD_BYTES = 1024
FILE_FIELD = "file"
KIND_FIELD = "kind"
_IGNORED = "\x00ignored"  # never a field name a client can send

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
    UploadErrorCode.FILE_TOO_LARGE: 413,
    UploadErrorCode.UNSUPPORTED_TYPE: 415,
    UploadErrorCode.MEDIA_LINK_INVALID: 403,
}


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
    if not principal.can(Permission.UPLOADS_CREATE):
        return error_response(403, ApiErrorCode.FORBIDDEN, locale)
    try:
        form = await read_upload_form(request, services.settings)
        if form.file is None:
            raise ServiceError(UploadErrorCode.MISSING_FILE, field=FILE_FIELD)
        kind = parse_kind(form.kind)
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
    else:
        body["durationMs"] = upload.duration_ms
    body["url"] = sign_media_url(
        upload_id=upload.id, settings=services.settings, now=services.clock.now()
    )
    return body


@dataclass(slots=True)
class UploadForm:
    file: bytes | None
    kind: str | None


async def read_upload_form(request: Request, settings: Settings) -> UploadForm:
    """Parse the multipart body while counting it; never holds more than the limit."""
    content_type, params = parse_options_header(request.headers.get("content-type"))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise _malformed()
    largest = max_upload_bytes(settings)
    max_body = largest + MULTIPART_OVERHEAD
    declared = request.headers.get("content-length")
    if declared is not None:
        if not re.fullmatch(r"[0-9]{1,20}", declared):
            raise _malformed()
        if int(declared) > max_body:
            raise file_too_large(largest)
    collector = _FormCollector(settings)
    try:
        parser = MultipartParser(boundary, collector.callbacks())
        received = 0
        async for chunk in request.stream():
            received += len(chunk)
            if received > max_body:
                raise file_too_large(largest)
            parser.write(chunk)
        parser.finalize()
    except FormParserError:
        raise _malformed() from None
    if not collector.complete:
        raise _malformed()
    return UploadForm(
        file=bytes(collector.file) if collector.file is not None else None,
        kind=collector.fields.get(KIND_FIELD),
    )


def _malformed() -> ServiceError:
    return ServiceError(UploadErrorCode.MALFORMED_REQUEST)


@dataclass(slots=True)
class _FormCollector:
    """python-multipart callbacks: one file part named ``file``, a few small text fields."""

    settings: Settings
    file: bytearray | None = None
    fields: dict[str, str] = field(default_factory=dict)
    complete: bool = False
    _header_name: bytearray = field(default_factory=bytearray)
    _header_value: bytearray = field(default_factory=bytearray)
    _headers: dict[bytes, bytes] = field(default_factory=dict)
    _part: str | None = None  # "file", a field name, or None while reading headers
    _value: bytearray = field(default_factory=bytearray)
    _parts: int = 0

    def callbacks(self) -> MultipartCallbacks:
        return {
            "on_part_begin": self._on_part_begin,
            "on_header_field": self._on_header_field,
            "on_header_value": self._on_header_value,
            "on_header_end": self._on_header_end,
            "on_headers_finished": self._on_headers_finished,
            "on_part_data": self._on_part_data,
            "on_part_end": self._on_part_end,
            "on_end": self._on_end,
        }

    def _file_limit(self) -> int:
        try:
            return max_bytes_for(
                UploadKind(self.fields.get(KIND_FIELD, "").strip().lower()), self.settings
            )
        except ValueError:
            return max_upload_bytes(self.settings)

    def _on_part_begin(self) -> None:
        self._parts += 1
        if self._parts > MAX_FORM_FIELDS + 1:
            raise _malformed()
        self._headers = {}
        self._part = None
        self._value = bytearray()

    def _on_header_field(self, data: bytes, start: int, end: int) -> None:
        self._header_name.extend(data[start:end])

    def _on_header_value(self, data: bytes, start: int, end: int) -> None:
        self._header_value.extend(data[start:end])

    def _on_header_end(self) -> None:
        self._headers[bytes(self._header_name).lower()] = bytes(self._header_value)
        self._header_name.clear()
        self._header_value.clear()

    def _on_headers_finished(self) -> None:
        disposition, options = parse_options_header(self._headers.get(b"content-disposition"))
        name = options.get(b"name")
        if disposition != b"form-data" or name is None:
            raise _malformed()
        part = name.decode("utf-8", "replace")
        if part == FILE_FIELD:
            if self.file is not None:
                raise _malformed()  # one file per request
            self.file = bytearray()
        elif b"filename" in options:
            part = _IGNORED  # a file under another name: counted, not kept (-> MISSING_FILE)
        elif part in self.fields:
            raise _malformed()  # a repeated field
        self._part = part

    def _on_part_data(self, data: bytes, start: int, end: int) -> None:
        if self._part == _IGNORED:
            return
        if self._part == FILE_FIELD and self.file is not None:
            limit = self._file_limit()
            if len(self.file) + (end - start) > limit:
                raise file_too_large(limit)
            self.file.extend(data[start:end])
            return
        if len(self._value) + (end - start) > MAX_FIELD_BYTES:
            raise _malformed()
        self._value.extend(data[start:end])

    def _on_part_end(self) -> None:
        if self._part is not None and self._part not in (FILE_FIELD, _IGNORED):
            self.fields[self._part] = self._value.decode("utf-8", "replace")
        self._part = None

    def _on_end(self) -> None:
        self.complete = True


# -- GET /media/{upload_id} -------------------------------------------------------------------

_EXP = re.compile(r"[0-9]{1,12}")
_RANGE = re.compile(r"bytes=([0-9]{0,15})-([0-9]{0,15})")


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
