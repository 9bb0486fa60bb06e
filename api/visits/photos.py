"""On-site photos: analyse, look for earlier uses, stamp the served copy, store, judge.

The heavy work (one draft decode, hashes, EXIF, watermark) runs in a worker thread under the
process's decode slots. Reuse is looked up among every earlier photo of the organisation by
multi-index hashing: each stored 64-bit hash is split into four 16-bit chunks, each indexed;
a query asks for rows sharing any chunk value within the pigeonhole radius and compares whole
hashes only for those candidates, so lookup cost does not grow with the photo count.
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from PIL import Image
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from api.auth.principal import Principal
from api.customers.models import Customer
from api.errors import ServiceError
from api.org.models import Organisation, User
from api.services import Services
from api.uploads.models import Upload, UploadKind
from api.uploads.service import decode_slot
from api.visits import policy as policies
from api.visits import service
from api.visits.errors import VisitErrorCode as Code
from api.visits.models import (
    FixKind,
    PhotoHash,
    PhotoSource,
    Visit,
    VisitFix,
    VisitPhoto,
    VisitStatus,
)
from verification import photo as photos
from verification.findings import Finding
from verification.watermark import encode_jpeg, stamp_image

MAX_PHOTOS = 9
FEATURELESS = 0
"""The hash of a blank or featureless picture: two such photos say nothing of each other."""


@dataclass(frozen=True, slots=True)
class Match:
    """An earlier photo this one matches, and how closely (0: the same hash)."""

    photo: VisitPhoto
    distance: int


async def evidence_upload(*, principal: Principal, upload_id: UUID, kind: UploadKind) -> Upload:
    """The caller's own upload of this kind, or a ServiceError."""
    upload = await Upload.get_or_none(
        id=upload_id, organisation_id=principal.organisation_id, uploader_id=principal.user_id
    )
    if upload is None:
        raise ServiceError(Code.UPLOAD_NOT_FOUND, field="uploadId")
    if upload.kind is not kind:
        raise ServiceError(Code.UPLOAD_WRONG_KIND, field="uploadId", expected=kind.value)
    return upload


async def analyse(
    data: bytes, services: Services, *, sha256: str | None = None
) -> photos.PhotoAnalysis:
    """Decode once and measure everything, off the event loop; UNREADABLE_MEDIA if it fails."""
    async with decode_slot():
        try:
            return await asyncio.to_thread(
                photos.analyse_photo,
                data,
                max_pixels=services.settings.photo_max_pixels,
                served_long_side=services.settings.photo_served_long_side,
                sha256=sha256,
            )
        except photos.PhotoDecodeError:
            raise ServiceError(Code.UNREADABLE_MEDIA, field="uploadId") from None


async def nearest_earlier(
    *,
    organisation_id: UUID,
    query_hashes: tuple[int, ...],
    radius: int,
    exclude_visit: UUID | None = None,
    rep_ids: Collection[UUID] | None = None,
) -> Match | None:
    """The earliest stored photo within ``radius`` of any of ``query_hashes``, if any: the
    first use of a photo shown again, however many copies came after it. ``rep_ids`` limits
    the answer to those reps' visits (a caller's scope)."""
    query_hashes = tuple(h for h in query_hashes if h != FEATURELESS)
    if not query_hashes:
        return None
    probes: list[set[int]] = [set() for _ in range(photos.CHUNK_COUNT)]
    for h in query_hashes:
        for index, values in enumerate(photos.probe_keys(h, radius)):
            probes[index].update(values)
    if _on_postgres():
        rows = await _candidates_postgres(organisation_id, probes, query_hashes, radius)
    else:
        rows = await _candidates_portable(organisation_id, probes)
    best: dict[UUID, int] = {}
    for photo_id, value in rows:
        distance = photos.best_distance(query_hashes, [photos.to_unsigned(value)])
        if distance <= radius and distance < best.get(photo_id, radius + 1):
            best[photo_id] = distance
    if not best:
        return None
    query = VisitPhoto.filter(id__in=list(best))
    if exclude_visit is not None:
        query = query.exclude(visit_id=exclude_visit)
    if rep_ids is not None:
        query = query.filter(visit__rep_id__in=list(rep_ids))
    found = await query
    if not found:
        return None
    first = min(found, key=lambda p: (p.created_at, best[p.id]))  # where the photo came from
    return Match(photo=first, distance=best[first.id])


def _on_postgres() -> bool:
    return "asyncpg" in type(connections.get("default")).__module__


# One index-only scan per chunk (the indexes INCLUDE value and photo_id), the distance filtered
# in the scan: only matches leave the database, however many rows share a chunk value. The
# chunks are scanned side by side, on as many pooled connections.
_PG_CHUNK_SCAN = (
    "SELECT photo_id, value FROM photo_hash WHERE organisation_id = $1 AND c{i} = ANY($2::int[])"
    " AND ({distance})"
)


async def _candidates_postgres(
    organisation_id: UUID, probes: list[set[int]], query_hashes: tuple[int, ...], radius: int
) -> list[tuple[UUID, int]]:
    hashes = [photos.to_signed(h) for h in query_hashes]
    radius_param = 3 + len(hashes)
    distance = " OR ".join(
        f"bit_count((value # ${3 + j}::bigint)::bit(64)) <= ${radius_param}"
        for j in range(len(hashes))
    )
    client = connections.get("default")
    scans = [
        client.execute_query(
            _PG_CHUNK_SCAN.format(i=i, distance=distance),
            [organisation_id, sorted(keys), *hashes, radius],
        )
        for i, keys in enumerate(probes)
        if keys
    ]
    found: list[tuple[UUID, int]] = []
    for _, rows in await asyncio.gather(*scans):
        found.extend((UUID(str(r["photo_id"])), int(r["value"])) for r in rows)
    return found


async def _candidates_portable(
    organisation_id: UUID, probes: list[set[int]]
) -> list[tuple[UUID, int]]:
    condition = Q()
    for index, values in enumerate(probes):
        if values:
            keys: Any = sorted(values)
            condition |= Q(**{f"c{index}__in": keys})
    rows = await PhotoHash.filter(condition, organisation_id=organisation_id).values_list(
        "photo_id", "value"
    )
    return [(UUID(str(photo_id)), int(value)) for photo_id, value in rows]


async def exact_earlier(
    *,
    organisation_id: UUID,
    sha256: str,
    exclude_visit: UUID | None = None,
    rep_ids: Collection[UUID] | None = None,
) -> VisitPhoto | None:
    """The first stored photo whose original or served copy has exactly these bytes."""
    query = VisitPhoto.filter(
        Q(sha256=sha256) | Q(served_sha256=sha256), organisation_id=organisation_id
    )
    if exclude_visit is not None:
        query = query.exclude(visit_id=exclude_visit)
    if rep_ids is not None:
        query = query.filter(visit__rep_id__in=list(rep_ids))
    return await query.order_by("created_at").first()


def stamped_copy(image: Image.Image, lines: list[str]) -> tuple[bytes, tuple[int, ...]]:
    """The served copy's bytes and its whole-frame hash: a copy of the served copy (a
    screenshot of the watermarked photo: the query's trimmed hash) is found again as well as a
    copy of the original. It has no borders to trim, and its crops are left to the original's
    (cutting the band off leaves the photo)."""
    stamped = stamp_image(image, lines)
    return encode_jpeg(stamped), (photos.perceptual_hash(stamped),)


def exif_time(taken_at: datetime | None, zone: ZoneInfo) -> datetime | None:
    """An EXIF capture time as an aware instant: a naive one is the organisation's local time."""
    if taken_at is None:
        return None
    return taken_at if taken_at.tzinfo else taken_at.replace(tzinfo=zone)


def watermark_lines(
    *, now: datetime, zone: ZoneInfo, start: VisitFix, customer: str, rep: str, code: str
) -> list[str]:
    """Server time, position, customer, rep and visit code, as stamped on the served copy."""
    return [
        f"{now.astimezone(zone):%Y-%m-%d %H:%M:%S %Z}",
        f"{start.wgs_latitude:.6f}, {start.wgs_longitude:.6f} (WGS-84 ±{start.accuracy_m:.0f}m)",
        customer[:40],
        f"{rep[:20]} · {code}",
    ]


async def attach_photo(
    *,
    principal: Principal,
    visit_id: UUID,
    upload_id: UUID,
    source: PhotoSource,
    services: Services,
) -> tuple[VisitPhoto, Visit]:
    """Attach an on-site photo to the caller's open visit. A retry answers the photo already
    attached: the same upload, or the same bytes uploaded again, to the same visit."""
    visit = await service.own_visit(principal=principal, visit_id=visit_id)
    upload = await evidence_upload(principal=principal, upload_id=upload_id, kind=UploadKind.PHOTO)
    already = await _attached(visit, upload)
    if already is not None:
        return already, visit
    if visit.status is not VisitStatus.OPEN:
        raise ServiceError(Code.VISIT_CLOSED, field="visitId")
    if await VisitPhoto.filter(visit_id=visit.id).count() >= MAX_PHOTOS:
        raise ServiceError(Code.TOO_MANY_ITEMS, field="uploadId", max=MAX_PHOTOS)
    current = await policies.current(organisation_id=principal.organisation_id)
    analysis = await analyse(
        await services.media.get(upload.sha256), services, sha256=upload.sha256
    )
    now = services.clock.now()
    org = await Organisation.get(id=principal.organisation_id)
    zone = ZoneInfo(org.time_zone)
    start = await VisitFix.get(visit_id=visit.id, kind=FixKind.START)
    evidence = f"photo:{upload.id}"
    findings: list[Finding] = photos.check_photo(
        analysis,
        source="album" if source is PhotoSource.ALBUM else "camera",
        visit_started_at=visit.started_at,
        visit_ended_at=None,
        server_time=now,
        check_in=(start.wgs_latitude, start.wgs_longitude),
        zone=zone,
        policy=current.policy,
        evidence=evidence,
    )
    exact = await exact_earlier(
        organisation_id=principal.organisation_id, sha256=upload.sha256, exclude_visit=visit.id
    )
    match = (
        Match(photo=exact, distance=0)
        if exact is not None
        else await nearest_earlier(
            organisation_id=principal.organisation_id,
            query_hashes=analysis.query_hashes,
            radius=current.policy.photo_reuse_max_distance,
            exclude_visit=visit.id,
        )
    )
    if match is not None:
        earlier = await Visit.get(id=match.photo.visit_id)  # type: ignore[attr-defined]
        finding = photos.reuse_finding(
            previous_code=earlier.code,
            previous_at=earlier.started_at.astimezone(zone).replace(second=0, microsecond=0),
            distance=match.distance,
            evidence=evidence,
        )
        findings.append(await service.earlier_visit_finding(finding, earlier, principal))
    customer = await Customer.get(id=visit.customer_id)  # type: ignore[attr-defined]
    rep = await User.get(id=principal.user_id)
    lines = watermark_lines(
        now=now,
        zone=zone,
        start=start,
        customer=customer.name,
        rep=rep.display_name,
        code=visit.code,
    )
    async with decode_slot():
        served_bytes, served_hashes = await asyncio.to_thread(stamped_copy, analysis.image, lines)
    served_sha = await services.media.put(served_bytes)
    try:
        row, visit = await _store(
            principal=principal,
            visit_id=visit_id,
            upload=upload,
            source=source,
            analysis=analysis,
            served=(served_bytes, served_sha, served_hashes),
            zone=zone,
            findings=findings,
            current=current,
        )
    except IntegrityError:
        # The same upload attached twice at once: the other request stored it.
        row = await VisitPhoto.get(upload_id=upload.id)
    return row, visit


async def _attached(visit: Visit, upload: Upload) -> VisitPhoto | None:
    """The photo this upload (or these very bytes) already is in this visit; UPLOAD_ALREADY_USED
    when the upload belongs to another visit."""
    same = await VisitPhoto.get_or_none(upload_id=upload.id)
    if same is not None and same.visit_id != visit.id:  # type: ignore[attr-defined]
        raise ServiceError(Code.UPLOAD_ALREADY_USED, field="uploadId")
    return same or await VisitPhoto.filter(visit_id=visit.id, sha256=upload.sha256).first()


async def _store(
    *,
    principal: Principal,
    visit_id: UUID,
    upload: Upload,
    source: PhotoSource,
    analysis: photos.PhotoAnalysis,
    served: tuple[bytes, str, tuple[int, ...]],
    zone: ZoneInfo,
    findings: list[Finding],
    current: policies.OrgPolicy,
) -> tuple[VisitPhoto, Visit]:
    served_bytes, served_sha, served_hashes = served
    async with in_transaction():
        visit = await service.own_open_visit(principal=principal, visit_id=visit_id, lock=True)
        if await VisitPhoto.filter(visit_id=visit.id).count() >= MAX_PHOTOS:
            raise ServiceError(Code.TOO_MANY_ITEMS, field="uploadId", max=MAX_PHOTOS)
        served_row = await Upload.create(
            organisation_id=principal.organisation_id,
            uploader_id=principal.user_id,
            kind=UploadKind.PHOTO,
            content_type="image/jpeg",
            sha256=served_sha,
            size=len(served_bytes),
            width=analysis.image.width,
            height=analysis.image.height,
        )
        row = await VisitPhoto.create(
            organisation_id=principal.organisation_id,
            visit_id=visit.id,
            upload_id=upload.id,
            served_id=served_row.id,
            source=source,
            sha256=upload.sha256,
            served_sha256=served_sha,
            taken_at=exif_time(analysis.taken_at, zone),
            exif_latitude=analysis.gps[0] if analysis.gps else None,
            exif_longitude=analysis.gps[1] if analysis.gps else None,
            width=analysis.width,
            height=analysis.height,
            findings=[f.to_json() for f in findings],
        )
        await PhotoHash.bulk_create(
            [
                PhotoHash(
                    organisation_id=principal.organisation_id,
                    photo_id=row.id,
                    value=photos.to_signed(h),
                    **{f"c{i}": c for i, c in enumerate(photos.chunks(h))},
                )
                for h in dict.fromkeys((*analysis.hashes, *served_hashes))
                if h != FEATURELESS
            ]
        )
        await service.rejudge(visit=visit, current=current)
    return row, visit
