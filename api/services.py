"""Long-lived resources of one process, created in the app lifespan or the worker start-up."""

from __future__ import annotations

from dataclasses import dataclass

from arq.connections import ArqRedis

from api.auth.wechat import WechatClient
from api.clock import Clock
from api.settings import Settings
from api.uploads.store import MediaStore


@dataclass(slots=True)
class Services:
    settings: Settings
    clock: Clock
    arq: ArqRedis
    media: MediaStore
    wechat: WechatClient
