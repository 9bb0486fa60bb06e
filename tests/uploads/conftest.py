"""Upload fixtures: the real app over httpx, a logged-in rep, multipart bodies built by hand."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

from api.app import create_app
from api.auth.service import login_with_password
from api.org.models import Organisation, Role, User
from api.services import Services
from tests.factories import PASSWORD, make_org, make_user

BOUNDARY = "----LiuhenTestBoundary7MA4YWxkTrZu0gW"


def multipart(
    file: bytes | None,
    *,
    kind: str | None = "photo",
    filename: str = "upload.bin",
    content_type: str = "application/octet-stream",
    kind_first: bool = True,
    extra_parts: Iterable[bytes] = (),
) -> bytes:
    """A multipart/form-data body as wx.uploadFile sends it: `file` plus formData `kind`."""
    parts: list[bytes] = []
    kind_part = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="kind"\r\n\r\n{kind}\r\n'.encode()
        if kind is not None
        else b""
    )
    file_part = b""
    if file is not None:
        file_part = (
            (
                f"--{BOUNDARY}\r\n"
                f'Content-Disposition: form-data; name="file"; filename="{filename}"\r\n'
                f"Content-Type: {content_type}\r\n\r\n"
            ).encode()
            + file
            + b"\r\n"
        )
    parts = [kind_part, file_part] if kind_first else [file_part, kind_part]
    return b"".join([*parts, *extra_parts, f"--{BOUNDARY}--\r\n".encode()])


MULTIPART_TYPE = f"multipart/form-data; boundary={BOUNDARY}"


class Feed:
    """A request body delivered in chunks, remembering how much the server pulled."""

    def __init__(self, body: bytes, chunk: int = 16 * 1024) -> None:
        self.body = body
        self.chunk = chunk
        self.sent = 0

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for start in range(0, len(self.body), self.chunk):
            piece = self.body[start : start + self.chunk]
            self.sent += len(piece)
            yield piece


class Uploader:
    """POST /uploads and GET /media through the real ASGI app."""

    def __init__(self, client: httpx.AsyncClient, services: Services, token: str) -> None:
        self.client = client
        self.services = services
        self.token = token

    def auth(self, token: str | None = None) -> dict[str, str]:
        return {"Authorization": f"Bearer {token or self.token}"}

    async def upload(
        self,
        data: bytes | None,
        kind: str | None = "photo",
        *,
        token: str | None = None,
        anonymous: bool = False,
        headers: dict[str, str] | None = None,
        **options: Any,
    ) -> httpx.Response:
        all_headers = {"Content-Type": MULTIPART_TYPE}
        if not anonymous:
            all_headers |= self.auth(token)
        all_headers |= headers or {}
        return await self.client.post(
            "/uploads", content=multipart(data, kind=kind, **options), headers=all_headers
        )

    async def post_raw(
        self, content: bytes | Feed, headers: dict[str, str] | None = None
    ) -> httpx.Response:
        all_headers = {"Content-Type": MULTIPART_TYPE, **self.auth(), **(headers or {})}
        return await self.client.post("/uploads", content=content, headers=all_headers)

    async def uploaded(self, data: bytes, kind: str = "photo") -> dict[str, Any]:
        response = await self.upload(data, kind)
        assert response.status_code == 201, response.text
        body: dict[str, Any] = response.json()
        return body


@asynccontextmanager
async def http_client(services: Services) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(services=services)
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://liuhen.test"
    ) as client:
        yield client


def with_settings(services: Services, **overrides: Any) -> Services:
    """The same resources with some settings changed (e.g. small size limits)."""
    return dataclasses.replace(
        services, settings=dataclasses.replace(services.settings, **overrides)
    )


async def token_for(user: User, services: Services) -> str:
    pair = await login_with_password(
        username=user.username, password=PASSWORD, clock=services.clock, settings=services.settings
    )
    return pair.access_token


@pytest.fixture
async def org(db: None) -> Organisation:
    return await make_org()


@pytest.fixture
async def rep(org: Organisation) -> User:
    return await make_user(org, Role.REP)


@pytest.fixture
async def rep_token(rep: User, services: Services) -> str:
    return await token_for(rep, services)


@pytest.fixture
async def uploader(services: Services, rep_token: str) -> AsyncIterator[Uploader]:
    async with http_client(services) as client:
        yield Uploader(client, services, rep_token)


def blobs(root: Path) -> list[Path]:
    """Stored media files (temporary files excluded)."""
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".tmp-"))


def media_root(services: Services) -> Path:
    root: Path = services.media.root  # type: ignore[attr-defined]
    return root


def new_id() -> uuid.UUID:
    return uuid.uuid4()
