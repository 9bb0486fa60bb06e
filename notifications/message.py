"""What travels from the dispatcher to a channel: a rendered message, its recipient, its urgency."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Urgency(StrEnum):
    """How hard a notification may push: URGENT ignores quiet hours."""

    LOW = "low"
    NORMAL = "normal"
    URGENT = "urgent"


class ChannelKind(StrEnum):
    """The ways a notification can reach a person."""

    IN_APP = "in_app"
    WECOM = "wecom"
    DINGTALK = "dingtalk"
    WECHAT = "wechat"
    EMAIL = "email"


@dataclass(frozen=True, slots=True)
class Card:
    """The structured form of a message, for a UI or a card-capable channel."""

    title: str
    description: str
    fields: tuple[tuple[str, str], ...]  # (label, value) pairs, already localised
    page: str | None  # mini-program page path, e.g. "pages/leads/detail?id=...", or None


@dataclass(frozen=True, slots=True)
class Rendered:
    """One template rendered for one locale in every form a channel may need."""

    template: str
    locale: str  # "zh-CN" or "en"
    title: str
    text: str  # plain text: title line, blank line, body, items, then "label: value" lines
    markdown: str  # "**title**", body with values markdown-escaped, "> label: value" lines
    html: str  # e-mail body fragment: everything escaped, items as <ul>, fields as a table
    card: Card
    values: Mapping[str, str]  # every data value formatted as a string


@dataclass(frozen=True, slots=True)
class Recipient:
    """A person and the addresses the channels may use to reach them."""

    user_id: str
    display_name: str
    locale: str
    mobile: str | None
    email: str | None
    wechat_openid: str | None


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One delivery of a rendered message to one recipient over one channel."""

    delivery_id: str  # stable per delivery: the idempotency key of this send
    rendered: Rendered
    recipient: Recipient
    urgency: Urgency
