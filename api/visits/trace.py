"""Tracing a photo back to its visit: the original, our served copy, or an altered copy.

Given any photo shown to the server (uploaded like evidence), find the visit it came from:
its bytes equal an original (ORIGINAL) or a watermarked copy we served (SERVED_COPY), or its
perceptual hash is within the reuse radius of one (ALTERED_COPY: re-compressed, resized,
cropped, screenshotted or edited). Only visits the caller may see are answered; anything else
is NONE, as if it did not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from uuid import UUID

from api.auth.principal import Principal
from api.errors import ServiceError
from api.org.scope import visible_user_ids
from api.services import Services
from api.uploads.models import Upload, UploadKind
from api.visits import photos, service
from api.visits import policy as policies
from api.visits.errors import VisitErrorCode as Code
from api.visits.models import Visit, VisitPhoto


class MediaMatch(StrEnum):
    ORIGINAL = "ORIGINAL"
    SERVED_COPY = "SERVED_COPY"
    ALTERED_COPY = "ALTERED_COPY"
    NONE = "NONE"


@dataclass(frozen=True, slots=True)
class Trace:
    match: MediaMatch
    distance: int | None = None
    photo: VisitPhoto | None = None
    visit: Visit | None = None


NOTHING = Trace(MediaMatch.NONE)


async def trace_media(*, principal: Principal, upload_id: UUID, services: Services) -> Trace:
    """Where the photo behind ``upload_id`` comes from, within the caller's scope."""
    upload = await Upload.get_or_none(id=upload_id, organisation_id=principal.organisation_id)
    if upload is None:
        raise ServiceError(Code.UPLOAD_NOT_FOUND, field="uploadId")
    if upload.kind is not UploadKind.PHOTO:
        raise ServiceError(Code.UPLOAD_WRONG_KIND, field="uploadId", expected="photo")
    org = principal.organisation_id
    visible = await visible_user_ids(principal)  # the caller's scope, searched first
    exact = await photos.exact_earlier(organisation_id=org, sha256=upload.sha256, rep_ids=visible)
    if exact is not None:
        kind = MediaMatch.ORIGINAL if exact.sha256 == upload.sha256 else MediaMatch.SERVED_COPY
        return await _within_scope(principal, Trace(kind, 0, exact))
    analysis = await photos.analyse(
        await services.media.get(upload.sha256), services, sha256=upload.sha256
    )
    current = await policies.current(organisation_id=org)
    match = await photos.nearest_earlier(
        organisation_id=org,
        query_hashes=analysis.query_hashes,
        radius=current.policy.photo_reuse_max_distance,
        rep_ids=visible,
    )
    if match is None:
        return NOTHING
    return await _within_scope(
        principal, Trace(MediaMatch.ALTERED_COPY, match.distance, match.photo)
    )


async def _within_scope(principal: Principal, trace: Trace) -> Trace:
    assert trace.photo is not None
    visit = await service.get_visit(
        principal=principal,
        visit_id=trace.photo.visit_id,  # type: ignore[attr-defined]
    )
    if visit is None:
        return NOTHING
    return Trace(trace.match, trace.distance, trace.photo, visit)
