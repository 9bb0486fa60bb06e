"""A lead's captured fields: checked and normalised the same way whatever the channel.

Webhooks and import rows arrive as mapped values (``api.leads.mapping.apply``), staff capture as
typed GraphQL input; both end here, in :func:`clean`, which either returns a :class:`LeadInput`
or raises :class:`InvalidLead` listing every problem (so a held payload shows them all at once).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from api.leads.identity import (
    company_key,
    is_company_email,
    normalise_email,
    normalise_phone,
)

TEXT_LIMITS: dict[str, int] = {
    "contact_name": 100,
    "title": 100,
    "wechat_id": 64,
    "language": 16,
    "company_name": 200,
    "industry": 64,
    "company_size": 32,
    "funding_stage": 32,
    "region": 64,
    "city": 64,
    "product_line": 64,
    "campaign": 100,
    "external_id": 64,
    "note": 2000,
}
BEHAVIOUR = ("pricing_page_visits", "whitepaper_downloads", "video_watch_seconds", "dwell_seconds")
MAX_COUNT = 10_000_000
MAX_BUDGET = 10**13

_ROUNDS: dict[str, int] = {
    "none": 0,
    "无": 0,
    "未融资": 0,
    "angel": 1,
    "天使": 1,
    "seed": 1,
    "种子": 1,
    "prea": 1,
    "a": 2,
    "a+": 2,
    "preb": 2,
    "b": 3,
    "b+": 3,
    "c": 4,
    "c+": 4,
    "d": 5,
    "d+": 5,
    "d及以上": 5,
    "e": 5,
    "f": 5,
    "preipo": 6,
    "ipo": 7,
    "listed": 7,
    "public": 7,
    "上市": 7,
    "已上市": 7,
}


def funding_round(stage: str) -> int:
    """0 none, 1 angel/seed, 2 A, 3 B, 4 C, 5 D and later, 6 pre-IPO, 7 listed (0 if unknown)."""
    key = re.sub(r"[\s\-_]|series|round|轮|融资", "", stage.casefold())
    return _ROUNDS.get(key, 0)


@dataclass(frozen=True, slots=True)
class Problem:
    field: str
    code: str  # a LeadErrorCode value
    detail: str = ""


class InvalidLead(ValueError):
    """The lead cannot be captured as it is; ``problems`` says everything that is wrong."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(", ".join(f"{p.field}: {p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class LeadInput:
    contact_name: str = ""
    title: str = ""
    phone: str | None = None
    email: str | None = None
    wechat_id: str | None = None
    language: str = ""
    company_name: str = ""
    industry: str = ""
    company_size: str = ""
    employees: int | None = None
    funding_stage: str = ""
    region: str = ""
    city: str = ""
    product_line: str = ""
    budget: int | None = None
    campaign: str = ""
    external_id: str | None = None
    note: str = ""
    renewal: bool = False
    behaviour: Mapping[str, int] = field(default_factory=dict)

    @property
    def funding_round(self) -> int:
        return funding_round(self.funding_stage)

    @property
    def company_key(self) -> str:
        return (company_key(self.company_name) or "") if self.company_name else ""

    def as_json(self) -> dict[str, Any]:
        """The input as stored with a held intake (replayable through :func:`clean`)."""
        data = asdict(self)
        data["behaviour"] = dict(self.behaviour)
        return {k: v for k, v in data.items() if v not in (None, "", {}, False)}


def clean(values: Mapping[str, Any]) -> LeadInput:
    """Check and normalise mapped lead values; raises InvalidLead with every problem."""
    problems: list[Problem] = []
    out: dict[str, Any] = {}
    for name, limit in TEXT_LIMITS.items():
        raw = values.get(name)
        if raw is None:
            continue
        text = str(raw).strip()
        if len(text) > limit:
            problems.append(Problem(name, "TOO_LONG", str(limit)))
        elif text:
            out[name] = text
    phone = values.get("phone")
    if phone not in (None, ""):
        normalised = normalise_phone(str(phone))
        if normalised is None:
            problems.append(Problem("phone", "INVALID_PHONE"))
        else:
            out["phone"] = normalised
    email = values.get("email")
    if email not in (None, ""):
        normalised = normalise_email(str(email))
        if normalised is None:
            problems.append(Problem("email", "INVALID_EMAIL"))
        else:
            out["email"] = normalised
    for name, limit in (("employees", MAX_COUNT), ("budget", MAX_BUDGET)):
        number = _whole(values.get(name), name, limit, problems)
        if number is not None:
            out[name] = number
    behaviour: dict[str, int] = {}
    nested = values.get("behaviour")
    source = nested if isinstance(nested, Mapping) else values
    for name in BEHAVIOUR:
        number = _whole(source.get(name), name, MAX_COUNT, problems)
        if number is not None:
            behaviour[name] = number
    out["behaviour"] = behaviour
    renewal = values.get("renewal")
    if renewal is not None and not isinstance(renewal, bool):
        problems.append(Problem("renewal", "INVALID_VALUE", "true or false"))
    out["renewal"] = renewal is True
    no_contact = not (out.get("phone") or out.get("email") or out.get("wechat_id"))
    if no_contact and not any(p.field in ("phone", "email") for p in problems):
        problems.append(Problem("phone", "NO_CONTACT"))
    if not (out.get("contact_name") or out.get("company_name")):
        problems.append(Problem("contact_name", "NO_NAME"))
    if problems:
        raise InvalidLead(problems)
    return LeadInput(**out)


def _whole(raw: Any, name: str, limit: int, problems: list[Problem]) -> int | None:
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= limit:
        problems.append(Problem(name, "INVALID_VALUE", f"a whole number from 0 to {limit}"))
        return None
    return raw


def routing_view(data: LeadInput, *, channel: str, tags: list[str], score: int) -> dict[str, Any]:
    """The lead as routing conditions and scoring see it (the dotted fields of the rules)."""
    return {
        "channel": channel,
        "campaign": data.campaign,
        "renewal": data.renewal,
        "product_line": data.product_line,
        "budget": data.budget,
        "tags": tags,
        "score": score,
        "company": {
            "name": data.company_name,
            "industry": data.industry,
            "employees": data.employees,
            "funding_stage": data.funding_stage,
            "funding_round": data.funding_round,
            "region": data.region,
            "city": data.city,
        },
        "behaviour": {name: data.behaviour.get(name, 0) for name in BEHAVIOUR},
        "contact": {
            "has_phone": data.phone is not None,
            "has_email": data.email is not None,
            "company_email": data.email is not None and is_company_email(data.email),
            "language": data.language,
        },
    }
