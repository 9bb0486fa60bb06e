"""Uploads: validate, store the bytes by content, record who uploaded what; read them back."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from uuid import UUID

from api.auth.principal import Principal
from api.errors import ServiceError
from api.leads import tabular
from api.services import Services
from api.settings import Settings
from api.uploads.errors import UploadErrorCode
from api.uploads.models import Upload, UploadKind
from api.uploads.validate import PhotoInfo, VoiceInfo, megabytes, validate_photo, validate_voice

log = logging.getLogger(__name__)

# Decoding a 50-megapixel photo holds ~150 MB of pixels: a few at a time per process.
MAX_CONCURRENT_DECODES = 2
_decode_slots: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)

CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True, slots=True)
class TableInfo:
    """A lead import file that :func:`api.leads.tabular.read_table` can read."""

    media_type: str  # CSV_TYPE or XLSX_TYPE, decided by the bytes
    rows: int


def max_bytes_for(kind: UploadKind, settings: Settings) -> int:
    """The size limit of one file of this kind."""
    if kind is UploadKind.TABLE:
        return tabular.MAX_BYTES
    return settings.photo_max_bytes if kind is UploadKind.PHOTO else settings.voice_max_bytes


def max_upload_bytes(settings: Settings, kinds: Iterable[UploadKind] = tuple(UploadKind)) -> int:
    """The size limit of the largest of these kinds (by default all): what a request body may
    carry at all from a caller who may upload only these kinds."""
    return max((max_bytes_for(kind, settings) for kind in kinds), default=0)


def file_too_large(limit: int) -> ServiceError:
    return ServiceError(UploadErrorCode.FILE_TOO_LARGE, field="file", limit_mb=megabytes(limit))


async def store_upload(
    *, principal: Principal, kind: UploadKind, data: bytes, services: Services
) -> Upload:
    """Validate the file for its kind, store its bytes once by content, then record the upload.

    The caller must hold ``Permission.UPLOADS_CREATE`` (``Permission.LEADS_CHANNELS`` for a
    table: see :func:`api.uploads.routes.permission_for`). Raises ServiceError(UploadErrorCode.X)
    and stores nothing when the file is refused. The bytes are stored before the row is
    written: a crash in between leaves an unreferenced blob, never a row without bytes.
    """
    settings = services.settings
    try:
        info = await _validate(kind, data, settings)
    except ServiceError as exc:
        log.info(
            "upload refused: code=%s kind=%s user=%s org=%s",
            exc.code,
            kind,
            principal.user_id,
            principal.organisation_id,
        )
        raise
    sha256 = await services.media.put(data)
    upload = await Upload.create(
        organisation_id=principal.organisation_id,
        uploader_id=principal.user_id,
        kind=kind,
        content_type=str(info.media_type),
        sha256=sha256,
        size=len(data),
        width=info.width if isinstance(info, PhotoInfo) else None,
        height=info.height if isinstance(info, PhotoInfo) else None,
        duration_ms=info.duration_ms if isinstance(info, VoiceInfo) else None,
    )
    log.info(
        "upload stored: id=%s kind=%s type=%s size=%d user=%s org=%s",
        upload.id,
        kind,
        info.media_type,
        len(data),
        principal.user_id,
        principal.organisation_id,
    )
    return upload


async def get_upload(
    *, principal: Principal, upload_id: UUID, own_only: bool = False
) -> Upload | None:
    """The upload if it belongs to the caller's organisation (and, with ``own_only``, was
    uploaded by the caller: use it when attaching evidence); None otherwise."""
    query = Upload.filter(id=upload_id, organisation_id=principal.organisation_id)
    if own_only:
        query = query.filter(uploader_id=principal.user_id)
    return await query.first()


async def read_media(*, upload_id: UUID, services: Services) -> tuple[Upload, bytes] | None:
    """An upload and its bytes, unscoped: only for requests that carry a valid media signature."""
    upload = await Upload.get_or_none(id=upload_id)
    if upload is None:
        return None
    try:
        data = await services.media.get(upload.sha256)
    except FileNotFoundError:
        log.error("media missing from the store: upload=%s", upload.id)
        return None
    return upload, data


async def _validate(
    kind: UploadKind, data: bytes, settings: Settings
) -> PhotoInfo | VoiceInfo | TableInfo:
    limit = max_bytes_for(kind, settings)
    if not data:
        raise ServiceError(UploadErrorCode.EMPTY_FILE, field="file")
    if len(data) > limit:
        raise file_too_large(limit)
    async with decode_slot():
        if kind is UploadKind.TABLE:
            return await asyncio.to_thread(validate_table, data)
        if kind is UploadKind.PHOTO:
            return await asyncio.to_thread(
                validate_photo, data, max_bytes=limit, max_pixels=settings.photo_max_pixels
            )
        return await asyncio.to_thread(
            validate_voice, data, max_bytes=limit, max_seconds=settings.voice_max_seconds
        )


def validate_table(data: bytes) -> TableInfo:
    """Accept a file of leads that the import can read (by content, never by name)."""
    try:
        table = tabular.read_table(data)
    except tabular.TableError as exc:  # the byte size was checked before: this is the content
        raise ServiceError(
            UploadErrorCode.UNREADABLE_TABLE, field="file", reason=exc.detail
        ) from None
    media_type = XLSX_TYPE if data.startswith(b"PK\x03\x04") else CSV_TYPE
    return TableInfo(media_type=media_type, rows=len(table.rows))


def decode_slot() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    slot = _decode_slots.get(loop)
    if slot is None:
        slot = _decode_slots[loop] = asyncio.Semaphore(MAX_CONCURRENT_DECODES)
    return slot
