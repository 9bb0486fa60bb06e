"""Channel clients built from an organisation's stored configuration and the process settings.

A :class:`ChannelHub` lives as long as its process (API or worker): it owns the pooled HTTP
client every webhook channel shares and the WeChat access-token cache (in Redis, so all workers
share one token). In-app delivery is not an external client: it publishes to the live feed.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from typing import Any
from uuid import UUID

import aiohttp
from arq.connections import ArqRedis

from api.notifications.models import ChannelConfig
from api.settings import WEBHOOK_SENDS_PER_BATCH, Settings
from notifications.channels.base import Channel
from notifications.channels.dingtalk import DingtalkRobot, DingtalkRobotConfig
from notifications.channels.email import EmailChannel, SmtpConfig
from notifications.channels.wechat import (
    RedisTokenCache,
    WechatAccessTokens,
    WechatSubscribe,
    WechatSubscribeConfig,
    WechatTemplateMapping,
)
from notifications.channels.wecom import WecomRobot, WecomRobotConfig
from notifications.message import ChannelKind

NOT_CONFIGURED = "CHANNEL_NOT_CONFIGURED"
BATCHES_IN_FLIGHT = 2
"""Batches one process sends at once over one external channel (over all organisations)."""
SENDS_PER_BATCH: dict[ChannelKind, int] = {ChannelKind.EMAIL: 2}
"""Sends in flight at once within a batch: an SMTP server gets few sessions, webhooks more."""
DEFAULT_SENDS_PER_BATCH = WEBHOOK_SENDS_PER_BATCH  # Settings.validate bounds batch time with it
HTTP_CONNECTIONS = 3 * BATCHES_IN_FLIGHT * DEFAULT_SENDS_PER_BATCH  # WeCom, DingTalk, WeChat
CONFIG_TTL_SECONDS = 10.0
"""How long a worker reuses an organisation's channel settings before reading them again."""


class ChannelHub:
    """Builds the channel client for one organisation's configuration row."""

    def __init__(self, *, settings: Settings, redis: ArqRedis) -> None:
        self.settings = settings
        # Enough connections for every send the batch slots allow, so none waits for the pool.
        self.http = aiohttp.ClientSession(
            connector=aiohttp.TCPConnector(limit=HTTP_CONNECTIONS),
            timeout=aiohttp.ClientTimeout(total=settings.notification_timeout_seconds),
        )
        self._batch_slots = {kind: asyncio.Semaphore(BATCHES_IN_FLIGHT) for kind in ChannelKind}
        self._tokens = WechatAccessTokens(
            http=self.http,
            base_url=settings.wechat_api_base,
            appid=settings.wechat_appid,
            secret=settings.wechat_secret,
            cache=RedisTokenCache(redis),
        )
        self._configs: dict[tuple[UUID, ChannelKind], tuple[float, Channel | None]] = {}

    async def channel_for(self, *, organisation_id: UUID, kind: ChannelKind) -> Channel | None:
        """The organisation's client for ``kind`` (settings re-read every few seconds)."""
        key = (organisation_id, kind)
        cached = self._configs.get(key)
        now = time.monotonic()
        if cached is not None and now - cached[0] < CONFIG_TTL_SECONDS:
            return cached[1]
        config = await ChannelConfig.get_or_none(organisation_id=organisation_id, channel=kind)
        channel = self.build(config) if config is not None else None
        self._configs[key] = (now, channel)
        return channel

    def batch_slot(self, kind: ChannelKind) -> asyncio.Semaphore:
        """Held while a batch over ``kind`` is claimed and sent.

        It bounds what one process has in flight per channel, so a claimed row waits for at most
        its own batch (well inside the claim lease) and never for a pool of connections; a stalled
        receiver ties up only its own channel's slots.
        """
        return self._batch_slots[kind]

    @staticmethod
    def sends_per_batch(kind: ChannelKind) -> int:
        return SENDS_PER_BATCH.get(kind, DEFAULT_SENDS_PER_BATCH)

    async def aclose(self) -> None:
        await self.http.close()

    def email_available(self) -> bool:
        return bool(self.settings.smtp_host)

    def build(self, config: ChannelConfig) -> Channel | None:
        """The client for ``config``; None when it is disabled or incomplete."""
        if not config.enabled:
            return None
        return self._build(config.channel, config.settings)

    def _build(self, kind: ChannelKind, data: Mapping[str, Any]) -> Channel | None:
        s = self.settings
        if kind is ChannelKind.WECOM and data.get("webhook_key"):
            return WecomRobot(
                WecomRobotConfig(
                    webhook_key=str(data["webhook_key"]), mention=bool(data.get("mention", True))
                ),
                http=self.http,
                base_url=s.wecom_api_base,
            )
        if kind is ChannelKind.DINGTALK and data.get("access_token") and data.get("secret"):
            return DingtalkRobot(
                DingtalkRobotConfig(
                    access_token=str(data["access_token"]),
                    secret=str(data["secret"]),
                    mention=bool(data.get("mention", True)),
                ),
                http=self.http,
                base_url=s.dingtalk_api_base,
            )
        if kind is ChannelKind.WECHAT and s.wechat_appid:
            return WechatSubscribe(
                wechat_config(data), http=self.http, base_url=s.wechat_api_base, tokens=self._tokens
            )
        if kind is ChannelKind.EMAIL and self.email_available():
            return EmailChannel(
                SmtpConfig(
                    host=s.smtp_host,
                    port=s.smtp_port,
                    sender=str(data.get("sender") or s.smtp_sender),
                    username=s.smtp_username or None,
                    password=s.smtp_password or None,
                    starttls=s.smtp_starttls,
                    timeout=s.notification_timeout_seconds,
                    ca_file=s.smtp_ca_file or None,
                )
            )
        return None


def wechat_config(data: Mapping[str, Any]) -> WechatSubscribeConfig:
    """Stored WeChat settings -> the channel's configuration."""
    templates = {
        str(name): WechatTemplateMapping(
            template_id=str(m["template_id"]),
            keywords={str(k): str(v) for k, v in dict(m.get("keywords", {})).items()},
            page=m.get("page") or None,
        )
        for name, m in dict(data.get("templates", {})).items()
    }
    return WechatSubscribeConfig(
        templates=templates, miniprogram_state=str(data.get("miniprogram_state", "formal"))
    )
