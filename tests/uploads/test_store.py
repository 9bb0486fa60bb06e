"""The content-addressed media store and the upload service (storage order, scoping)."""

from __future__ import annotations

import asyncio
import hashlib
import uuid

import pytest

from api.auth.permissions import role_permissions
from api.auth.principal import Principal
from api.errors import ServiceError
from api.org.models import Role, User
from api.uploads.errors import UploadErrorCode
from api.uploads.models import Upload, UploadKind
from api.uploads.service import get_upload, read_media, store_upload
from api.uploads.store import LocalMediaStore, is_media_key
from tests.factories import make_org, make_user
from tests.uploads import media
from tests.uploads.conftest import blobs


def principal_of(user: User) -> Principal:
    return Principal(
        user_id=user.id,
        organisation_id=user.organisation_id,  # type: ignore[attr-defined]
        role=user.role,
        team_id=None,
        team_path=None,
        session_id=uuid.uuid4(),
        permissions=role_permissions(user.role),
    )


# -- LocalMediaStore --------------------------------------------------------------------------


async def test_put_returns_the_sha256_and_get_returns_the_bytes(tmp_path):
    store = LocalMediaStore(tmp_path)
    key = await store.put(b"hello")
    assert key == hashlib.sha256(b"hello").hexdigest()
    assert await store.get(key) == b"hello"
    assert await store.exists(key)
    assert store.path_of(key) == tmp_path / key[:2] / key[2:4] / key


async def test_same_content_is_stored_once(tmp_path):
    store = LocalMediaStore(tmp_path)
    first = await store.put(b"same")
    second = await store.put(b"same")
    assert first == second
    assert blobs(tmp_path) == [store.path_of(first)]


async def test_concurrent_writers_of_the_same_content_leave_one_complete_file(tmp_path):
    store = LocalMediaStore(tmp_path)
    data = media.jpeg((300, 300))
    keys = await asyncio.gather(*(store.put(data) for _ in range(8)))
    assert len(set(keys)) == 1
    assert blobs(tmp_path) == [store.path_of(keys[0])]
    assert await store.get(keys[0]) == data
    assert not [p for p in tmp_path.rglob(".tmp-*")]


@pytest.mark.parametrize(
    "key", ["", "../../etc/passwd", "A" * 64, "g" * 64, "0" * 63, "0" * 65, "0" * 62 + "/x"]
)
async def test_malformed_keys_are_never_paths(tmp_path, key):
    store = LocalMediaStore(tmp_path)
    assert not is_media_key(key)
    assert not await store.exists(key)
    with pytest.raises(FileNotFoundError):
        await store.get(key)


async def test_absent_content_is_file_not_found(tmp_path):
    store = LocalMediaStore(tmp_path)
    key = hashlib.sha256(b"never stored").hexdigest()
    assert not await store.exists(key)
    with pytest.raises(FileNotFoundError):
        await store.get(key)


# -- store_upload / get_upload ----------------------------------------------------------------


async def test_store_upload_writes_the_blob_then_the_row(services, rep):
    data = media.png((30, 20))
    upload = await store_upload(
        principal=principal_of(rep), kind=UploadKind.PHOTO, data=data, services=services
    )
    assert await services.media.exists(upload.sha256)
    row = await Upload.get(id=upload.id)
    assert (row.content_type, row.width, row.height, row.size) == ("image/png", 30, 20, len(data))


async def test_refused_upload_stores_nothing(services, rep):
    with pytest.raises(ServiceError) as caught:
        await store_upload(
            principal=principal_of(rep),
            kind=UploadKind.VOICE,
            data=media.jpeg(),
            services=services,
        )
    assert caught.value.code == UploadErrorCode.UNSUPPORTED_TYPE
    assert await Upload.all().count() == 0
    assert blobs(services.media.root) == []


async def test_a_failing_store_leaves_no_row(services, rep):
    class BrokenStore:
        async def put(self, data: bytes) -> str:
            raise OSError("disk full")

        async def get(self, key: str) -> bytes:
            raise FileNotFoundError(key)

        async def exists(self, key: str) -> bool:
            return False

    services.media = BrokenStore()
    with pytest.raises(OSError):
        await store_upload(
            principal=principal_of(rep), kind=UploadKind.PHOTO, data=media.jpeg(), services=services
        )
    assert await Upload.all().count() == 0


async def test_get_upload_is_scoped_to_the_callers_organisation(services, rep):
    upload = await store_upload(
        principal=principal_of(rep), kind=UploadKind.PHOTO, data=media.jpeg(), services=services
    )
    colleague = await make_user(await rep.organisation, Role.MANAGER)
    stranger = await make_user(await make_org(), Role.ADMIN)
    found = await get_upload(principal=principal_of(colleague), upload_id=upload.id)
    assert found is not None and found.id == upload.id
    assert await get_upload(principal=principal_of(stranger), upload_id=upload.id) is None
    assert await get_upload(principal=principal_of(rep), upload_id=uuid.uuid4()) is None


async def test_get_upload_own_only_keeps_colleagues_uploads_out(services, rep):
    upload = await store_upload(
        principal=principal_of(rep), kind=UploadKind.PHOTO, data=media.jpeg(), services=services
    )
    colleague = await make_user(await rep.organisation, Role.REP)
    mine = await get_upload(principal=principal_of(rep), upload_id=upload.id, own_only=True)
    assert mine is not None
    assert (
        await get_upload(principal=principal_of(colleague), upload_id=upload.id, own_only=True)
        is None
    )


async def test_read_media_returns_nothing_when_the_blob_is_gone(services, rep):
    upload = await store_upload(
        principal=principal_of(rep), kind=UploadKind.PHOTO, data=media.jpeg(), services=services
    )
    assert await read_media(upload_id=upload.id, services=services) is not None
    services.media.path_of(upload.sha256).unlink()
    assert await read_media(upload_id=upload.id, services=services) is None
