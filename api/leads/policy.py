"""An organisation's lead policy: SLA minutes, working hours, scoring, MQL; versioned rows.

Defaults are DOMAIN.md §2: first touch within 15 minutes of assignment, not viewed within 2
hours -> recycled (re-routed) and escalated, golden-4-hour first-follow-up rate >= 85% (below
70% the manager steps in), marketing -> sales handoff within 48 hours. Every change is a new
version; a stored version holds the whole policy, so reading it never depends on our defaults
of the day.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.clock import Clock
from api.errors import ServiceError
from api.leads.errors import LeadErrorCode as Code
from api.leads.mapping import Channel
from api.leads.models import LeadPolicyVersion
from api.leads.scoring import DEFAULT_SCORING, ScoringError, ScoringModel, parse_scoring
from api.leads.working_time import (
    DEFAULT_WORKING_HOURS,
    WorkingHours,
    WorkingHoursError,
    parse_working_hours,
)
from api.leads.working_time import to_json as working_hours_json
from api.org.models import Organisation


class UnviewedAction(StrEnum):
    REROUTE = "REROUTE"  # route again, without the rep who let it sleep
    RECYCLE = "RECYCLE"  # back to the sales pool for a manager to hand out


DEFAULT_BYPASS = frozenset(
    {Channel.PHONE_400, Channel.WECOM, Channel.DINGTALK, Channel.MINI_PROGRAM, Channel.STAFF}
)


@dataclass(frozen=True, slots=True)
class LeadPolicy:
    first_touch_minutes: int = 15
    unviewed_minutes: int = 120
    unviewed_action: UnviewedAction = UnviewedAction.REROUTE
    handoff_hours: int = 48
    golden_hours: int = 4
    golden_target: float = 0.85
    golden_intervene_below: float = 0.70
    working_hours_only: bool = True  # SLA clocks run only inside working hours
    working_hours: WorkingHours = DEFAULT_WORKING_HOURS
    default_capacity: int = 30  # open leads a rep may hold unless their profile says otherwise
    fairness_days: int = 7  # the period whose assignments weighted round robin evens out
    match_industry: bool = True  # prefer reps covering the lead's industry
    # Direct conversations (a call, a chat, a rep's own capture) need no marketing qualification.
    mql_bypass_channels: frozenset[Channel] = DEFAULT_BYPASS
    escalation_minutes: tuple[int, ...] = (30, 60)  # an overdue alert climbs after these waits
    scoring: ScoringModel = field(default_factory=lambda: parse_scoring(DEFAULT_SCORING))

    def due(self, start: datetime, minutes: float) -> datetime:
        """The deadline ``minutes`` after ``start``, counting working time if the policy says so."""
        if self.working_hours_only:
            return self.working_hours.add(start, timedelta(minutes=minutes))
        return start + timedelta(minutes=minutes)

    def elapsed(self, start: datetime, end: datetime) -> timedelta:
        """SLA time between two instants (working time if the policy says so)."""
        if self.working_hours_only:
            return self.working_hours.elapsed(start, end)
        return max(end - start, timedelta(0))

    def to_json(self) -> dict[str, Any]:
        return {
            "firstTouchMinutes": self.first_touch_minutes,
            "unviewedMinutes": self.unviewed_minutes,
            "unviewedAction": self.unviewed_action.value,
            "handoffHours": self.handoff_hours,
            "goldenHours": self.golden_hours,
            "goldenTarget": self.golden_target,
            "goldenInterveneBelow": self.golden_intervene_below,
            "workingHoursOnly": self.working_hours_only,
            "workingHours": working_hours_json(self.working_hours),
            "defaultCapacity": self.default_capacity,
            "fairnessDays": self.fairness_days,
            "matchIndustry": self.match_industry,
            "mqlBypassChannels": sorted(c.value for c in self.mql_bypass_channels),
            "escalationMinutes": list(self.escalation_minutes),
            "scoring": dict(self.scoring.source),
        }


_INTS: dict[str, tuple[str, int, int]] = {
    "firstTouchMinutes": ("first_touch_minutes", 1, 24 * 60),
    "unviewedMinutes": ("unviewed_minutes", 5, 7 * 24 * 60),
    "handoffHours": ("handoff_hours", 1, 30 * 24),
    "goldenHours": ("golden_hours", 1, 72),
    "defaultCapacity": ("default_capacity", 1, 10_000),
    "fairnessDays": ("fairness_days", 1, 90),
}
_RATES = {
    "goldenTarget": "golden_target",
    "goldenInterveneBelow": "golden_intervene_below",
}
_BOOLS = {
    "workingHoursOnly": "working_hours_only",
    "matchIndustry": "match_industry",
}


class PolicyError(ValueError):
    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def parse_policy(data: Mapping[str, Any]) -> LeadPolicy:
    """A policy from its JSON (missing keys take the defaults); raises PolicyError."""
    values: dict[str, Any] = {}
    known = {*_INTS, *_RATES, *_BOOLS, "unviewedAction", "workingHours", "mqlBypassChannels"}
    known |= {"escalationMinutes", "scoring"}
    for key in data:
        if key not in known:
            raise PolicyError(key, "unknown setting")
    for key, (name, low, high) in _INTS.items():
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise PolicyError(key, f"must be a whole number from {low} to {high}")
            values[name] = value
    for key, name in _RATES.items():
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                raise PolicyError(key, "must be a rate from 0 to 1")
            values[name] = float(value)
    for key, name in _BOOLS.items():
        if key in data:
            if not isinstance(data[key], bool):
                raise PolicyError(key, "must be true or false")
            values[name] = data[key]
    if "unviewedAction" in data:
        try:
            values["unviewed_action"] = UnviewedAction(data["unviewedAction"])
        except ValueError:
            raise PolicyError("unviewedAction", "must be REROUTE or RECYCLE") from None
    if "workingHours" in data:
        if not isinstance(data["workingHours"], Mapping):
            raise PolicyError("workingHours", "must be an object")
        try:
            values["working_hours"] = parse_working_hours(data["workingHours"])
        except WorkingHoursError as exc:
            raise PolicyError(f"workingHours.{exc.field}", exc.reason) from None
    if "mqlBypassChannels" in data:
        channels = data["mqlBypassChannels"]
        try:
            if not isinstance(channels, list):
                raise ValueError
            values["mql_bypass_channels"] = frozenset(Channel(c) for c in channels)
        except ValueError:
            raise PolicyError("mqlBypassChannels", "must be a list of channel names") from None
    if "escalationMinutes" in data:
        steps = data["escalationMinutes"]
        if (
            not isinstance(steps, list)
            or len(steps) > 5
            or any(
                isinstance(s, bool) or not isinstance(s, int) or not 1 <= s <= 1440 for s in steps
            )
        ):
            raise PolicyError("escalationMinutes", "must be up to 5 waits of 1 to 1440 minutes")
        values["escalation_minutes"] = tuple(steps)
    if "scoring" in data:
        if not isinstance(data["scoring"], Mapping):
            raise PolicyError("scoring", "must be an object")
        try:
            values["scoring"] = parse_scoring(data["scoring"])
        except ScoringError as exc:
            raise PolicyError(f"scoring.{exc.path}", exc.reason) from None
    policy = replace(LeadPolicy(), **values)
    if policy.golden_intervene_below > policy.golden_target:
        raise PolicyError("goldenInterveneBelow", "must not exceed goldenTarget")
    return policy


@dataclass(frozen=True, slots=True)
class OrgLeadPolicy:
    version: int  # 0: nothing stored, our defaults
    policy: LeadPolicy


DEFAULT = OrgLeadPolicy(version=0, policy=LeadPolicy())


async def current(*, organisation_id: UUID) -> OrgLeadPolicy:
    """The organisation's newest lead policy, or our defaults."""
    row = (
        await LeadPolicyVersion.filter(organisation_id=organisation_id).order_by("-version").first()
    )
    if row is None:
        return DEFAULT
    return OrgLeadPolicy(version=row.version, policy=parse_policy(row.values))


CACHE_SECONDS = 5.0
"""How long a process reuses an organisation's policy for captures (its own edits: at once)."""
_cached: dict[UUID, tuple[float, OrgLeadPolicy]] = {}


async def cached(*, organisation_id: UUID) -> OrgLeadPolicy:
    """:func:`current`, reused for a few seconds: what every capture reads."""
    hit = _cached.get(organisation_id)
    if hit is not None and time.monotonic() - hit[0] < CACHE_SECONDS:
        return hit[1]
    found = await current(organisation_id=organisation_id)
    if len(_cached) > 10_000:
        _cached.clear()
    _cached[organisation_id] = (time.monotonic(), found)
    return found


def forget(organisation_id: UUID) -> None:
    """Drop the cached policy (after a change committed)."""
    _cached.pop(organisation_id, None)


async def update(
    *, principal: Principal, changes: Mapping[str, Any], clock: Clock
) -> OrgLeadPolicy:
    """Store a new version with ``changes`` applied to the newest one; validated as a whole."""
    org_id = principal.organisation_id
    async with in_transaction():
        await Organisation.filter(id=org_id).select_for_update().only("id").first()
        latest = await current(organisation_id=org_id)
        merged = {**latest.policy.to_json(), **changes}
        try:
            policy = parse_policy(merged)
        except PolicyError as exc:
            raise ServiceError(Code.INVALID_LEAD_POLICY, field=exc.field, reason=str(exc)) from None
        version = latest.version + 1
        await LeadPolicyVersion.create(
            organisation_id=org_id,
            version=version,
            values=policy.to_json(),
            created_by_id=principal.user_id,
        )
        await audit.record(
            organisation_id=org_id,
            action="leads.policy.updated",
            at=clock.now(),
            actor_id=principal.user_id,
            subject_type="lead_policy",
            subject_id=str(version),
            data={"changed": sorted(changes)},
        )
    forget(org_id)
    return OrgLeadPolicy(version=version, policy=policy)
