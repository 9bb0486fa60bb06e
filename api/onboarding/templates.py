"""The messages onboarding sends: a level unlocked, held back, revoked."""

from __future__ import annotations

from notifications.templates import Template
from notifications.templates import registry as templates

PAGE = "pages/onboarding/index?user={user_id}"

UNLOCKED = templates.register(
    Template(
        name="onboarding.level_unlocked",
        title={
            "zh-CN": "{hire} 解锁了第{level}级：{level_name}",
            "en": "{hire} reached level {level}: {level_name}",
        },
        body={
            "zh-CN": "{hire} 已达到第{level}级（{level_name}），新开放的权限：{permissions}。",
            "en": "{hire} reached level {level} ({level_name}); newly allowed: {permissions}.",
        },
        page=PAGE,
    )
)
HELD = templates.register(
    Template(
        name="onboarding.level_held",
        title={"zh-CN": "第{level}级暂缓解锁", "en": "Level {level} held back"},
        body={
            "zh-CN": "{manager} 暂缓了 {hire} 的第{level}级（{level_name}）：{reason}",
            "en": "{manager} held back level {level} ({level_name}) for {hire}: {reason}",
        },
        page=PAGE,
    )
)
REVOKED = templates.register(
    Template(
        name="onboarding.level_revoked",
        title={"zh-CN": "第{level}级权限已收回", "en": "Level {level} revoked"},
        body={
            "zh-CN": "{manager} 收回了 {hire} 的第{level}级（{level_name}）：{reason}",
            "en": "{manager} revoked level {level} ({level_name}) for {hire}: {reason}",
        },
        page=PAGE,
    )
)
