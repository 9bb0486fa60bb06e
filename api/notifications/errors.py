"""Error codes of notification mutations."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class NotificationErrorCode(StrEnum):
    NOTIFICATION_NOT_FOUND = "NOTIFICATION_NOT_FOUND"
    DELIVERY_NOT_FOUND = "DELIVERY_NOT_FOUND"
    DELIVERY_NOT_DEAD = "DELIVERY_NOT_DEAD"
    NOTHING_TO_ACKNOWLEDGE = "NOTHING_TO_ACKNOWLEDGE"
    INVALID_CHANNEL = "INVALID_CHANNEL"
    INVALID_TIME = "INVALID_TIME"
    CHANNEL_SETTINGS_REQUIRED = "CHANNEL_SETTINGS_REQUIRED"
    TOO_MANY_ITEMS = "TOO_MANY_ITEMS"
    TOO_LONG = "TOO_LONG"


i18n.register(
    {
        "NOTIFICATION_NOT_FOUND": ("未找到该通知", "Notification not found"),
        "DELIVERY_NOT_FOUND": ("未找到该投递记录", "Delivery not found"),
        "DELIVERY_NOT_DEAD": (
            "只有已放弃的投递可以重试",
            "Only a delivery that was given up can be retried",
        ),
        "NOTHING_TO_ACKNOWLEDGE": (
            "该提醒已被确认或已处理",
            "This alert has already been acknowledged or resolved",
        ),
        "INVALID_CHANNEL": ("未知的紧急程度或通知渠道", "Unknown urgency or channel"),
        "INVALID_TIME": ("时间格式应为 HH:MM", "Times must look like HH:MM"),
        "CHANNEL_SETTINGS_REQUIRED": (
            "启用该渠道需要填写 {what}",
            "Enabling this channel requires {what}",
        ),
        "TOO_MANY_ITEMS": ("条目过多（最多 {max} 条）", "Too many items (at most {max})"),
        "TOO_LONG": ("内容过长（最多 {max} 个字符）", "Too long (at most {max} characters)"),
    }
)
