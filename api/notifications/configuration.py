"""Per-organisation channel settings and defaults, and each person's preferences.

Credentials (webhook keys, robot secrets) are write-only: the API says whether one is set,
never what it is, and the audit log records which fields changed, never their values.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.audit.service import record
from api.auth.principal import Principal
from api.errors import ServiceError
from api.notifications import policy
from api.notifications.errors import NotificationErrorCode
from api.notifications.models import ChannelConfig, NotificationPolicy, NotificationPreference
from notifications.message import ChannelKind
from notifications.templates import registry as templates

MAX_SECRET = 200
MAX_TEMPLATES = 50
_KEYWORD = re.compile(r"^[a-z_]{1,24}[0-9]{1,3}$")
MINIPROGRAM_STATES = ("formal", "trial", "developer")
CONFIGURABLE = (ChannelKind.WECOM, ChannelKind.DINGTALK, ChannelKind.WECHAT, ChannelKind.EMAIL)


@dataclass(frozen=True, slots=True)
class WechatTemplateInput:
    template: str
    template_id: str
    keywords: Mapping[str, str]
    page: str | None = None


@dataclass(frozen=True, slots=True)
class ChannelChanges:
    channel: ChannelKind
    enabled: bool
    webhook_key: str | None = None
    access_token: str | None = None
    secret: str | None = None
    mention: bool | None = None
    sender: str | None = None
    miniprogram_state: str | None = None
    wechat_templates: Sequence[WechatTemplateInput] | None = None


@dataclass(frozen=True, slots=True)
class PolicyChanges:
    channels: Mapping[str, Sequence[str]] | None = None
    quiet_start: str | None = None
    quiet_end: str | None = None
    clear_quiet_hours: bool = False
    digest_enabled: bool | None = None
    digest_time: str | None = None


@dataclass(frozen=True, slots=True)
class PreferenceChanges:
    channels: Mapping[str, Sequence[str]] | None = None
    reset_channels: bool = False
    quiet_start: str | None = None
    quiet_end: str | None = None
    quiet_hours: str = "keep"  # keep | set | none (no quiet hours) | default (the organisation's)


async def channel_configs(*, organisation_id: UUID) -> dict[ChannelKind, ChannelConfig]:
    rows = await ChannelConfig.filter(organisation_id=organisation_id)
    return {row.channel: row for row in rows}


async def update_channel(
    *, principal: Principal, changes: ChannelChanges, now: datetime
) -> ChannelConfig:
    """Create or change the organisation's settings of one external channel (audited)."""
    if changes.channel not in CONFIGURABLE:
        raise ServiceError(NotificationErrorCode.INVALID_CHANNEL, "channel")
    async with in_transaction():
        row = (
            await ChannelConfig.filter(
                organisation_id=principal.organisation_id, channel=changes.channel
            )
            .select_for_update()
            .first()
        )
        stored: dict[str, Any] = dict(row.settings) if row else {}
        updated, changed = _merge(changes, stored)
        if changes.enabled:
            _require_complete(changes.channel, updated)
        if row is None:
            row = await ChannelConfig.create(
                organisation_id=principal.organisation_id,
                channel=changes.channel,
                enabled=changes.enabled,
                settings=updated,
            )
        else:
            row.enabled = changes.enabled
            row.settings = updated
            await row.save(update_fields=["enabled", "settings", "updated_at"])
        await record(
            organisation_id=principal.organisation_id,
            action="notifications.channel_changed",
            at=now,
            actor_id=principal.user_id,
            subject_type="notification_channel",
            subject_id=changes.channel.value,
            data={"enabled": changes.enabled, "fields": sorted(changed)},
        )
    return row


def _merge(changes: ChannelChanges, stored: dict[str, Any]) -> tuple[dict[str, Any], set[str]]:
    updated = dict(stored)
    changed: set[str] = set()
    for name in ("webhook_key", "access_token", "secret", "sender"):
        value = getattr(changes, name)
        if value is None:
            continue
        value = value.strip()
        if len(value) > MAX_SECRET:
            raise ServiceError(NotificationErrorCode.TOO_LONG, _camel(name), max=MAX_SECRET)
        updated[name] = value
        changed.add(name)
    if changes.mention is not None:
        updated["mention"] = changes.mention
        changed.add("mention")
    if changes.miniprogram_state is not None:
        if changes.miniprogram_state not in MINIPROGRAM_STATES:
            raise ServiceError(NotificationErrorCode.INVALID_CHANNEL, "miniprogramState")
        updated["miniprogram_state"] = changes.miniprogram_state
        changed.add("miniprogram_state")
    if changes.wechat_templates is not None:
        updated["templates"] = _clean_wechat_templates(changes.wechat_templates)
        changed.add("templates")
    return updated, changed


def _clean_wechat_templates(items: Sequence[WechatTemplateInput]) -> dict[str, Any]:
    if len(items) > MAX_TEMPLATES:
        raise ServiceError(NotificationErrorCode.TOO_MANY_ITEMS, "wechatTemplates", max=50)
    known = set(templates.names())
    cleaned: dict[str, Any] = {}
    for i, item in enumerate(items):
        where = f"wechatTemplates.{i}"
        if item.template not in known:
            raise ServiceError(NotificationErrorCode.INVALID_CHANNEL, f"{where}.template")
        if not item.template_id.strip() or len(item.template_id) > 64:
            raise ServiceError(NotificationErrorCode.TOO_LONG, f"{where}.templateId", max=64)
        if not item.keywords or len(item.keywords) > 10:
            raise ServiceError(NotificationErrorCode.TOO_MANY_ITEMS, f"{where}.keywords", max=10)
        for keyword, source in item.keywords.items():
            if not _KEYWORD.match(keyword) or not source or len(source) > 64:
                raise ServiceError(NotificationErrorCode.INVALID_CHANNEL, f"{where}.keywords")
        if item.page is not None and len(item.page) > 200:
            raise ServiceError(NotificationErrorCode.TOO_LONG, f"{where}.page", max=200)
        cleaned[item.template] = {
            "template_id": item.template_id.strip(),
            "keywords": dict(item.keywords),
            "page": item.page,
        }
    return cleaned


def _require_complete(kind: ChannelKind, data: Mapping[str, Any]) -> None:
    needed = {
        ChannelKind.WECOM: ("webhook_key",),
        ChannelKind.DINGTALK: ("access_token", "secret"),
    }.get(kind, ())
    missing = [_camel(n) for n in needed if not data.get(n)]
    if missing:
        raise ServiceError(
            NotificationErrorCode.CHANNEL_SETTINGS_REQUIRED, missing[0], what=", ".join(missing)
        )


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


async def organisation_policy(*, organisation_id: UUID) -> NotificationPolicy:
    """The stored policy, or an unsaved one holding the defaults."""
    row = await policy.policy_of(organisation_id)
    return row or NotificationPolicy(
        organisation_id=organisation_id,
        channels={u.value: [c.value for c in cs] for u, cs in policy.DEFAULT_CHANNELS.items()},
        quiet_start=policy.DEFAULT_QUIET_START,
        quiet_end=policy.DEFAULT_QUIET_END,
        digest_enabled=True,
        digest_time=policy.DEFAULT_DIGEST_TIME,
    )


async def update_policy(
    *, principal: Principal, changes: PolicyChanges, now: datetime
) -> NotificationPolicy:
    """Change the organisation's defaults (audited)."""
    async with in_transaction():
        row = await organisation_policy(organisation_id=principal.organisation_id)
        changed: list[str] = []
        if changes.channels is not None:
            row.channels = {
                **row.channels,
                **policy.clean_channels(changes.channels, field="channels"),
            }
            changed.append("channels")
        if changes.clear_quiet_hours:
            row.quiet_start = row.quiet_end = None
            changed.append("quiet_hours")
        elif changes.quiet_start is not None or changes.quiet_end is not None:
            row.quiet_start, row.quiet_end = _quiet_pair(changes.quiet_start, changes.quiet_end)
            changed.append("quiet_hours")
        if changes.digest_enabled is not None:
            row.digest_enabled = changes.digest_enabled
            changed.append("digest_enabled")
        if changes.digest_time is not None:
            row.digest_time = policy.clean_time(changes.digest_time, field="digestTime") or "08:00"
            changed.append("digest_time")
        await row.save()
        await record(
            organisation_id=principal.organisation_id,
            action="notifications.policy_changed",
            at=now,
            actor_id=principal.user_id,
            subject_type="notification_policy",
            subject_id=str(row.id),
            data={"fields": changed},
        )
    return row


def _quiet_pair(start: str | None, end: str | None) -> tuple[str, str]:
    cleaned_start = policy.clean_time(start, field="quietStart")
    cleaned_end = policy.clean_time(end, field="quietEnd")
    if cleaned_start is None:
        raise ServiceError(NotificationErrorCode.INVALID_TIME, "quietStart")
    if cleaned_end is None:
        raise ServiceError(NotificationErrorCode.INVALID_TIME, "quietEnd")
    return cleaned_start, cleaned_end


async def preference(*, user_id: UUID) -> NotificationPreference | None:
    return await NotificationPreference.get_or_none(user_id=user_id)


async def update_preference(
    *, principal: Principal, changes: PreferenceChanges
) -> NotificationPreference:
    """Change the caller's own channel choices and quiet hours."""
    async with in_transaction():
        row = await NotificationPreference.filter(user_id=principal.user_id).first()
        if row is None:
            row = NotificationPreference(
                user_id=principal.user_id, organisation_id=principal.organisation_id
            )
        if changes.reset_channels:
            row.channels = {}
        if changes.channels is not None:
            row.channels = {
                **row.channels,
                **policy.clean_channels(changes.channels, field="channels"),
            }
        if changes.quiet_hours == "set":
            row.quiet_start, row.quiet_end = _quiet_pair(changes.quiet_start, changes.quiet_end)
            row.quiet_hours_set = True
        elif changes.quiet_hours == "none":
            row.quiet_start = row.quiet_end = None
            row.quiet_hours_set = True
        elif changes.quiet_hours == "default":
            row.quiet_start = row.quiet_end = None
            row.quiet_hours_set = False
        await row.save()
    return row
