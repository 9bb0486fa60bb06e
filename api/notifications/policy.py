"""Which channels reach a person for an urgency, and when: organisation defaults + preferences."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from uuid import UUID

from api.errors import ServiceError
from api.notifications.errors import NotificationErrorCode
from api.notifications.models import NotificationPolicy, NotificationPreference
from notifications.message import ChannelKind, Urgency
from notifications.quiet_hours import QuietHours, parse_hhmm

DEFAULT_CHANNELS: dict[Urgency, tuple[ChannelKind, ...]] = {
    Urgency.LOW: (ChannelKind.IN_APP,),
    Urgency.NORMAL: (ChannelKind.IN_APP, ChannelKind.WECHAT),
    Urgency.URGENT: (
        ChannelKind.IN_APP,
        ChannelKind.WECHAT,
        ChannelKind.WECOM,
        ChannelKind.DINGTALK,
        ChannelKind.EMAIL,
    ),
}
DEFAULT_QUIET_START = "22:00"
DEFAULT_QUIET_END = "08:00"
DEFAULT_DIGEST_TIME = "08:00"


@dataclass(frozen=True, slots=True)
class Choice:
    """The channels (in-app always first) and quiet hours that apply to one person."""

    channels: tuple[ChannelKind, ...]
    quiet: QuietHours | None


def quiet_hours(start: str | None, end: str | None) -> QuietHours | None:
    """Stored "HH:MM" pair -> quiet hours; None when unset or empty."""
    if not start or not end:
        return None
    window = QuietHours(parse_hhmm(start), parse_hhmm(end))
    return None if window.start == window.end else window


def channels_for(
    urgency: Urgency,
    *,
    policy: NotificationPolicy | None,
    preference: NotificationPreference | None,
) -> tuple[ChannelKind, ...]:
    """In-app, then the person's choice for this urgency, else the organisation's, else ours."""
    chosen: Sequence[str] | None = None
    if preference is not None and urgency.value in preference.channels:
        chosen = preference.channels[urgency.value]
    elif policy is not None and urgency.value in policy.channels:
        chosen = policy.channels[urgency.value]
    kinds = [ChannelKind(c) for c in chosen] if chosen is not None else DEFAULT_CHANNELS[urgency]
    ordered = [ChannelKind.IN_APP, *(k for k in kinds if k is not ChannelKind.IN_APP)]
    return tuple(dict.fromkeys(ordered))


def choose(
    urgency: Urgency,
    *,
    policy: NotificationPolicy | None,
    preference: NotificationPreference | None,
) -> Choice:
    """Channels and quiet hours for one person."""
    if preference is not None and preference.quiet_hours_set:
        quiet = quiet_hours(preference.quiet_start, preference.quiet_end)
    elif policy is not None:
        quiet = quiet_hours(policy.quiet_start, policy.quiet_end)
    else:
        quiet = quiet_hours(DEFAULT_QUIET_START, DEFAULT_QUIET_END)
    return Choice(channels_for(urgency, policy=policy, preference=preference), quiet)


def clean_channels(value: Mapping[str, Sequence[str]], *, field: str) -> dict[str, list[str]]:
    """Validate an urgency -> channels mapping from the API (in-app is implied, never removed)."""
    cleaned: dict[str, list[str]] = {}
    for urgency_name, kinds in value.items():
        try:
            urgency = Urgency(urgency_name)
            parsed = [ChannelKind(k) for k in kinds]
        except ValueError as exc:
            raise ServiceError(NotificationErrorCode.INVALID_CHANNEL, field) from exc
        cleaned[urgency.value] = list(dict.fromkeys(k.value for k in parsed))
    return cleaned


def clean_time(value: str | None, *, field: str) -> str | None:
    """A "HH:MM" local time, or None."""
    if value is None or value == "":
        return None
    try:
        parsed = parse_hhmm(value)
    except ValueError as exc:
        raise ServiceError(NotificationErrorCode.INVALID_TIME, field) from exc
    return parsed.strftime("%H:%M")


async def policy_of(organisation_id: UUID) -> NotificationPolicy | None:
    """The organisation's stored policy, if it has one (defaults apply otherwise)."""
    return await NotificationPolicy.get_or_none(organisation_id=organisation_id)


async def preferences_of(user_ids: Sequence[UUID]) -> dict[UUID, NotificationPreference]:
    rows = await NotificationPreference.filter(user_id__in=list(user_ids))
    return {UUID(str(row.user_id)): row for row in rows}  # type: ignore[attr-defined]
