"""Content-addressed media storage behind a small interface (local directory for now)."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Protocol


class MediaStore(Protocol):
    """Bytes keyed by their SHA-256; writing the same content twice stores it once."""

    async def put(self, data: bytes) -> str:
        """Store ``data``; return its key (hex SHA-256)."""
        ...

    async def get(self, key: str) -> bytes:
        """The bytes stored under ``key``; FileNotFoundError when absent."""
        ...

    async def exists(self, key: str) -> bool: ...


class LocalMediaStore:
    """Files under ``root/ab/cd/<sha256>``, written atomically (temp file + rename)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        root.mkdir(parents=True, exist_ok=True)

    def _path(self, key: str) -> Path:
        if len(key) != 64 or any(c not in "0123456789abcdef" for c in key):
            raise FileNotFoundError(key)
        return self.root / key[:2] / key[2:4] / key

    async def put(self, data: bytes) -> str:
        key = hashlib.sha256(data).hexdigest()
        path = self._path(key)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        return key

    async def get(self, key: str) -> bytes:
        return self._path(key).read_bytes()

    async def exists(self, key: str) -> bool:
        try:
            return self._path(key).exists()
        except FileNotFoundError:
            return False
