"""Reading a ``wx.uploadFile`` multipart body as it streams, never past the size limit."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from python_multipart import MultipartParser
from python_multipart.exceptions import FormParserError
from python_multipart.multipart import parse_options_header
from starlette.requests import Request

from api.errors import ServiceError
from api.settings import Settings
from api.uploads.errors import UploadErrorCode
from api.uploads.models import UploadKind
from api.uploads.service import file_too_large, max_bytes_for, max_upload_bytes

if TYPE_CHECKING:
    from python_multipart.multipart import MultipartCallbacks

# Room for boundaries, part headers and the small form fields around the file.
MULTIPART_OVERHEAD = 64 * 1024
MAX_FORM_FIELDS = 5
MAX_FIELD_BYTES = 1024
FILE_FIELD = "file"
KIND_FIELD = "kind"
_IGNORED = "\x00ignored"  # never a field name a client can send


@dataclass(slots=True)
class UploadForm:
    file: bytes | None
    kind: str | None


async def read_upload_form(
    request: Request, settings: Settings, kinds: Collection[UploadKind] = tuple(UploadKind)
) -> UploadForm:
    """Parse the multipart body while counting it; never holds more than the limit.

    ``kinds``: what the caller may upload; the body may be as large as the largest of them."""
    content_type, params = parse_options_header(request.headers.get("content-type"))
    boundary = params.get(b"boundary")
    if content_type != b"multipart/form-data" or not boundary:
        raise _malformed()
    largest = max_upload_bytes(settings, kinds)
    max_body = largest + MULTIPART_OVERHEAD
    declared = request.headers.get("content-length")
    if declared is not None:
        if not re.fullmatch(r"[0-9]{1,20}", declared):
            raise _malformed()
        if int(declared) > max_body:
            raise file_too_large(largest)
    collector = _FormCollector(settings, largest)
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
    largest: int  # the limit of the largest kind the caller may upload
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
            return self.largest

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
