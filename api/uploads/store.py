"""Content-addressed media storage behind a small interface (local directory for now)."""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol

_HEX = frozenset("0123456789abcdef")


class MediaStore(Protocol):
    """Bytes keyed by their SHA-256; writing the same content twice stores it once."""

    async def put(self, data: bytes) -> str:
        """Store ``data`` durably; return its key (hex SHA-256)."""
        ...

    async def get(self, key: str) -> bytes:
        """The bytes stored under ``key``; FileNotFoundError when absent."""
        ...

    async def exists(self, key: str) -> bool: ...


def is_media_key(key: str) -> bool:
    """A well-formed key: 64 lowercase hex digits."""
    return len(key) == 64 and all(c in _HEX for c in key)


class LocalMediaStore:
    """Files under ``root/ab/cd/<sha256>``.

    Writes go to a temporary file in the target directory, are fsynced, then renamed into
    place, and the directory is fsynced: once ``put`` returns, the bytes survive a crash, so a
    database row written afterwards never points at missing content. Concurrent writers of the
    same content race harmlessly (both renames install identical bytes). File I/O runs in a
    worker thread so that large files do not stall the event loop.
    """

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def path_of(self, key: str) -> Path:
        if not is_media_key(key):
            raise FileNotFoundError(key)
        return self.root / key[:2] / key[2:4] / key

    async def put(self, data: bytes) -> str:
        key = hashlib.sha256(data).hexdigest()
        await asyncio.to_thread(self._write, self.path_of(key), data)
        return key

    async def get(self, key: str) -> bytes:
        return await asyncio.to_thread(self.path_of(key).read_bytes)

    async def exists(self, key: str) -> bool:
        if not is_media_key(key):
            return False
        return await asyncio.to_thread(self.path_of(key).is_file)

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        if path.is_file() and path.stat().st_size == len(data):
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory handles
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover - file systems that refuse to fsync a directory
        pass
    finally:
        os.close(fd)
