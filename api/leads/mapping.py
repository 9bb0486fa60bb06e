"""Channel field mappings: where each lead field sits in a channel's push, and how it is read.

A mapping is JSON that an admin can edit, one rule per lead field::

    {
        "contact_name": "name",
        "phone": "telephone",
        "campaign": {"path": ["promotion_name", "ad_name"]},
        "industry": {"path": "remark_dict.行业", "values": {"教育": "education"}},
        "renewal": {"default": false}
    }

A rule is a dotted path into the payload (numeric steps index lists: ``answers.0.value``), or an
object with ``path`` (one path, or up to ``MAX_ALTERNATIVES`` tried in order), ``values`` (a
translation table for the found value) and ``default`` (used when the payload has nothing
there). :func:`parse_mapping` refuses unknown lead fields, malformed paths, oversized mappings
and translations or defaults that the field could not hold, with :class:`MappingError`, whose
``path`` names the offending part (``industry.values.教育``).

:func:`apply` reads a payload, which may be any JSON at all, and never raises because of it:
what it cannot use becomes a :class:`Problem` and the field is left out. Values are only ever
looked up and converted, never evaluated.

``DEFAULT_MAPPINGS`` follows each channel's real push format: the Douyin / 巨量引擎 clue fields
(``clue_id``, ``name``, ``telephone``, ``remark_dict`` ...), the WeCom 获取客户详情 body
(``external_contact`` plus ``follow_user``), a DingTalk CRM personal-customer record
(``instanceId``, ``data.customer_name``, ``data.customer_phone``), a 400-number call record
(``call_sn``, ``caller_id``, ``start_time``), and, for the website form and the exhibition QR
sign-in, payloads whose shape we define ourselves.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Literal

MAX_RULES = 40
MAX_STEPS = 8
MAX_PATH_LENGTH = 200
MAX_ALTERNATIVES = 4
MAX_VALUES = 200
MAX_VALUE_KEY_LENGTH = 100
MAX_INT = 2**31 - 1
MAX_BUDGET = 10**12  # yuan; more is a typo, not a budget
_MAX_BUDGET_TEXT = 64


class Channel(StrEnum):
    """Where a lead came from."""

    WEBSITE = "website"
    DOUYIN = "douyin"
    EXHIBITION = "exhibition"
    PHONE_400 = "phone_400"
    WECOM = "wecom"
    DINGTALK = "dingtalk"
    MINI_PROGRAM = "mini_program"
    IMPORT = "import"
    STAFF = "staff"


WEBHOOK_CHANNELS: frozenset[Channel] = frozenset(
    {
        Channel.WEBSITE,
        Channel.DOUYIN,
        Channel.EXHIBITION,
        Channel.PHONE_400,
        Channel.WECOM,
        Channel.DINGTALK,
    }
)

FieldKind = Literal["str", "int", "bool", "budget"]
Step = str | int


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """A lead field's type and, for text, the longest value it accepts."""

    kind: FieldKind
    max_length: int | None = None


def _text(max_length: int) -> FieldSpec:
    """A text field of at most ``max_length`` characters."""
    return FieldSpec("str", max_length)


_COUNT = FieldSpec("int")

LEAD_FIELDS: Mapping[str, FieldSpec] = MappingProxyType(
    {
        "contact_name": _text(100),
        "phone": _text(32),
        "email": _text(254),
        "wechat_id": _text(64),
        "title": _text(100),
        "company_name": _text(200),
        "industry": _text(64),
        "company_size": _text(32),  # as given: "50-200人"
        "employees": _COUNT,
        "funding_stage": _text(32),
        "region": _text(64),
        "city": _text(64),
        "product_line": _text(64),
        "budget": FieldSpec("budget"),  # int yuan, the upper bound of what was said
        "campaign": _text(128),
        "external_id": _text(128),  # the sender's id of the lead, e.g. Douyin clue_id
        "pricing_page_visits": _COUNT,
        "whitepaper_downloads": _COUNT,
        "video_watch_seconds": _COUNT,
        "dwell_seconds": _COUNT,
        "language": _text(16),
        "note": _text(2000),
        "renewal": FieldSpec("bool"),
    }
)


class MappingError(ValueError):
    """A field mapping is malformed; ``path`` says where."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path or 'mapping'}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Problem:
    """A payload value that could not become a lead field; the field is left out."""

    field: str
    code: str  # NOT_TEXT, TOO_LONG, INVALID_NUMBER, INVALID_BOOLEAN, INVALID_BUDGET
    detail: str


@dataclass(frozen=True, slots=True)
class Mapped:
    """Lead field values read from one payload, and what could not be read."""

    values: Mapping[str, object]
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """Where one lead field comes from: the first path present, translated, else the default."""

    paths: tuple[tuple[Step, ...], ...]
    values: Mapping[str, object]
    default: object | None  # already converted for the field; None: no default


@dataclass(frozen=True, slots=True)
class FieldMapping:
    """A parsed mapping: one rule per lead field, and the JSON it was parsed from."""

    rules: Mapping[str, Source]
    source: Mapping[str, Any]


class _Refused(Exception):
    """A value the field cannot hold; becomes a Problem or a MappingError."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(detail)
        self.code = code
        self.detail = detail


_MISSING = object()
_INDEX = re.compile(r"0|[1-9][0-9]{0,5}")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_TRUE = frozenset({"true", "1", "yes", "y", "是", "on"})
_FALSE = frozenset({"false", "0", "no", "n", "否", "off"})
# Units a count may carry without changing its scale ("12次", "95秒"); "3分钟" is refused.
_COUNT_UNITS = "次|秒|s|人|个|名|家|份|回|遍|篇|页"
_COUNT_TEXT = re.compile(rf"(\d{{1,3}}(?:,\d{{3}})+|\d{{1,15}})(\.\d{{1,6}})?(?:{_COUNT_UNITS})?")

# ---------------------------------------------------------------------------------------------
# parsing


def parse_mapping(data: Mapping[str, Any]) -> FieldMapping:
    """Parse and validate a channel's field mapping; raises MappingError."""
    if not isinstance(data, Mapping):
        raise MappingError("", "must be an object")
    if len(data) > MAX_RULES:
        raise MappingError("", f"more than {MAX_RULES} fields")
    rules: dict[str, Source] = {}
    for target, rule in data.items():
        if not isinstance(target, str) or target not in LEAD_FIELDS:
            raise MappingError(str(target), "not a lead field")
        rules[target] = _parse_rule(target, rule)
    return FieldMapping(rules=MappingProxyType(rules), source=data)


def _parse_rule(target: str, rule: Any) -> Source:
    """One field's rule: a path string, or an object with path / values / default."""
    if isinstance(rule, str):
        return Source(paths=(_parse_path(rule, target),), values={}, default=None)
    if not isinstance(rule, Mapping):
        raise MappingError(target, 'must be a path or an object with "path" and/or "default"')
    unknown = set(rule) - {"path", "values", "default"}
    if unknown:
        raise MappingError(_join(target, min(map(str, unknown))), "unknown key")
    if "path" not in rule and "default" not in rule:
        raise MappingError(target, 'needs "path" or "default"')
    paths = _parse_paths(rule["path"], _join(target, "path")) if "path" in rule else ()
    values = _parse_values(target, rule["values"]) if "values" in rule else {}
    default = _parse_default(target, rule["default"]) if "default" in rule else None
    return Source(paths=paths, values=MappingProxyType(values), default=default)


def _parse_paths(data: Any, where: str) -> tuple[tuple[Step, ...], ...]:
    """One dotted path, or a list of alternatives tried in order."""
    if isinstance(data, str):
        return (_parse_path(data, where),)
    if not isinstance(data, list) or not 1 <= len(data) <= MAX_ALTERNATIVES:
        raise MappingError(where, f"must be a path or a list of 1 to {MAX_ALTERNATIVES} paths")
    return tuple(_parse_path(item, f"{where}[{i}]") for i, item in enumerate(data))


def _parse_path(text: Any, where: str) -> tuple[Step, ...]:
    """A dotted path: non-empty steps, numeric ones index lists."""
    if not isinstance(text, str) or not text or len(text) > MAX_PATH_LENGTH:
        raise MappingError(where, f"must be a dotted path of at most {MAX_PATH_LENGTH} characters")
    steps = text.split(".")
    if len(steps) > MAX_STEPS:
        raise MappingError(where, f"more than {MAX_STEPS} steps")
    if any(not step.strip() for step in steps):
        raise MappingError(where, "empty step")
    return tuple(int(step) if _INDEX.fullmatch(step) else step for step in steps)


def _parse_values(target: str, data: Any) -> dict[str, object]:
    """A translation table: payload value -> what the lead field gets."""
    where = _join(target, "values")
    if not isinstance(data, Mapping) or len(data) > MAX_VALUES:
        raise MappingError(where, f"must be an object of at most {MAX_VALUES} entries")
    table: dict[str, object] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not key.strip() or len(key) > MAX_VALUE_KEY_LENGTH:
            raise MappingError(where, f"keys must be 1 to {MAX_VALUE_KEY_LENGTH} characters")
        _check_convertible(target, value, _join(where, key))
        table[_table_key(key)] = value
    return table


def _parse_default(target: str, value: Any) -> object:
    """A default converted for its field now, so a bad one is refused when saved."""
    where = _join(target, "default")
    converted = _check_convertible(target, value, where)
    if converted is None:
        raise MappingError(where, "must not be empty")
    return converted


def _check_convertible(target: str, value: Any, where: str) -> object | None:
    """The value converted for the field; MappingError if the field cannot hold it."""
    if not isinstance(value, str | int | float | bool):
        raise MappingError(where, "must be a string, a number or true/false")
    try:
        return _convert(LEAD_FIELDS[target], value)
    except _Refused as refused:
        raise MappingError(where, refused.detail) from None


def _join(path: str, part: str) -> str:
    """``path.part``."""
    return f"{path}.{part}" if path else part


# ---------------------------------------------------------------------------------------------
# applying


def apply(mapping: FieldMapping, payload: Any) -> Mapped:
    """Read the lead fields out of a payload; what cannot be read becomes a Problem."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for target, source in mapping.rules.items():
        path, raw = _find(source, payload)
        if raw is not _MISSING and source.values:
            raw = _translate(source.values, raw)
        try:
            value = None if raw is _MISSING else _convert(LEAD_FIELDS[target], raw)
        except _Refused as refused:
            problems.append(Problem(target, refused.code, f"{_path_text(path)}: {refused.detail}"))
            continue
        if value is None:
            value = source.default
        if value is not None:
            values[target] = value
    return Mapped(values=values, problems=tuple(problems))


def _find(source: Source, payload: Any) -> tuple[tuple[Step, ...], Any]:
    """The first path with a non-blank value, and that value (or the missing sentinel)."""
    for path in source.paths:
        value = _lookup(payload, path)
        if value is not _MISSING and not _is_blank(value):
            return path, value
    return (), _MISSING


def _lookup(payload: Any, path: Sequence[Step]) -> Any:
    """The value at a path through objects and lists, or a sentinel when any step is missing."""
    value = payload
    for step in path:
        if isinstance(value, Mapping):
            key = step if isinstance(step, str) else str(step)
            if key not in value:
                return _MISSING
            value = value[key]
        elif isinstance(value, list | tuple) and isinstance(step, int) and step < len(value):
            value = value[step]
        else:
            return _MISSING
    return value


def _is_blank(value: Any) -> bool:
    """None and whitespace-only text count as absent."""
    return value is None or (isinstance(value, str) and not value.strip())


def _translate(table: Mapping[str, object], raw: Any) -> Any:
    """The table's replacement for a scalar value; anything not in the table passes through."""
    if not isinstance(raw, str | int | float | bool):
        return raw
    key = _table_key(_scalar_text(raw))
    return table.get(key, raw)


def _table_key(text: str) -> str:
    """How translation keys compare: width, case and surrounding spaces ignored."""
    return unicodedata.normalize("NFKC", text).strip().casefold()


def _scalar_text(value: str | int | float | bool) -> str:
    """A scalar as the text a sender would have meant."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int) and value.bit_length() > 64:
        return ""  # no translation key is that long, and str() of a huge int may refuse
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _path_text(path: Sequence[Step]) -> str:
    """A path as the admin wrote it."""
    return ".".join(str(step) for step in path) or "default"


# ---------------------------------------------------------------------------------------------
# converting


def _convert(spec: FieldSpec, value: Any) -> object | None:
    """The value as the field's type; None when it is empty; raises _Refused."""
    if spec.kind == "str":
        return _as_text(value, spec.max_length or 0)
    if spec.kind == "int":
        return _as_count(value)
    if spec.kind == "bool":
        return _as_bool(value)
    return _as_budget(value)


def _as_text(value: Any, max_length: int) -> str | None:
    """Trimmed text; numbers are written out; empty is None."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Refused("NOT_TEXT", f"expected text, got {_describe(value)}")
    if isinstance(value, int) and value.bit_length() > 64:
        raise _Refused("NOT_TEXT", "number too large")
    if isinstance(value, float) and not math.isfinite(value):
        raise _Refused("NOT_TEXT", f"expected text, got {value}")
    text = _CONTROL.sub("", _scalar_text(value)).strip()
    if len(text) > max_length:
        raise _Refused("TOO_LONG", f"{len(text)} characters, at most {max_length}")
    return text or None


def _as_count(value: Any) -> int | None:
    """A non-negative whole number from 12, 12.0, "12", "1,200" or "12次"."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Refused("INVALID_NUMBER", f"expected a number, got {_describe(value)}")
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().casefold().replace(" ", "")
        if not text:
            return None
        match = _COUNT_TEXT.fullmatch(text)
        if match is None:
            raise _Refused("INVALID_NUMBER", f"expected a number, got {_describe(value)}")
        number = _round(Decimal(match.group(1).replace(",", "") + (match.group(2) or "")))
    elif isinstance(value, float):
        if not math.isfinite(value) or abs(value) > MAX_INT:
            raise _Refused("INVALID_NUMBER", f"expected a number, got {value}")
        number = _round(Decimal(value))
    else:
        number = value
    if not 0 <= number <= MAX_INT:
        raise _Refused("INVALID_NUMBER", f"{number} is out of range 0..{MAX_INT}")
    return number


def _as_bool(value: Any) -> bool | None:
    """true/false, 1/0, yes/no, 是/否 (any case or width)."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        key = _table_key(value)
        if not key:
            return None
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
    raise _Refused("INVALID_BOOLEAN", f"expected true or false, got {_describe(value)}")


def _as_budget(value: Any) -> int | None:
    """A budget in whole yuan: the upper bound of what was said, or its lower bound if open."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Refused("INVALID_BUDGET", f"expected an amount, got {_describe(value)}")
    if isinstance(value, str) and not value.strip():
        return None
    low, high = parse_budget(value)
    amount = high if high is not None else low
    if amount is None:
        raise _Refused("INVALID_BUDGET", f"not an amount in yuan: {_describe(value)}")
    return amount


def _round(number: Decimal) -> int:
    """Nearest whole number, halves away from zero."""
    return int(number.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _describe(value: Any) -> str:
    """A short, safe description of a payload value for a problem message."""
    if isinstance(value, str):
        return repr(value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "null"
    if isinstance(value, bool | float) or (isinstance(value, int) and value.bit_length() < 64):
        return str(value)
    return type(value).__name__


# ---------------------------------------------------------------------------------------------
# budgets

_UNITS: Mapping[str, int] = MappingProxyType(
    {"": 1, "千": 1_000, "k": 1_000, "万": 10_000, "w": 10_000, "百万": 1_000_000, "亿": 10**8}
)
_AMOUNT = r"(\d{1,13}(?:\.\d{1,4})?)(百万|万|亿|千|w|k)?"
_RANGE = re.compile(rf"{_AMOUNT}(?:-|~|至|到|—|–){_AMOUNT}")
_ABOVE = re.compile(rf"(?:{_AMOUNT}(?:及以上|以上|起|\+))|(?:(?:>=|>|≥|大于|超过|不低于){_AMOUNT})")
_BELOW = re.compile(rf"(?:{_AMOUNT}(?:及以下|以下|以内))|(?:(?:<=|<|≤|小于|低于|不超过){_AMOUNT})")
_SINGLE = re.compile(_AMOUNT)
_BUDGET_NOISE = re.compile(r"人民币|rmb|cny|元|¥|大约|约|左右|预算|[\s,]")


def parse_budget(text: str | int | float) -> tuple[int | None, int | None]:
    """(low, high) in yuan from 300000, "30万", "10-50万", "50w", "100万以上" ...; (None, None)."""
    if isinstance(text, bool):
        return None, None
    if isinstance(text, int | float):
        amount = _yuan(Decimal(text)) if _in_budget_range(text) else None
        return amount, amount
    if not isinstance(text, str) or len(text) > _MAX_BUDGET_TEXT:
        return None, None
    cleaned = _BUDGET_NOISE.sub("", unicodedata.normalize("NFKC", text).casefold())
    return _budget_bounds(cleaned)


def _in_budget_range(number: int | float) -> bool:
    """Whether a number is a finite amount Decimal can take without fuss."""
    if isinstance(number, float) and not math.isfinite(number):
        return False
    return 0 <= number <= MAX_BUDGET


def _budget_bounds(text: str) -> tuple[int | None, int | None]:
    """Bounds from cleaned budget text; (None, None) when it is no amount."""
    if match := _RANGE.fullmatch(text):
        low_unit = match.group(2) or match.group(4) or ""  # "10-50万": 10 means 10万
        low = _amount(match.group(1), low_unit)
        high = _amount(match.group(3), match.group(4) or "")
        if low is None or high is None or low > high:
            return None, None
        return low, high
    if match := _ABOVE.fullmatch(text):
        return _one_sided(match), None
    if match := _BELOW.fullmatch(text):
        high = _one_sided(match)
        return (0, high) if high is not None else (None, None)
    if match := _SINGLE.fullmatch(text):
        amount = _amount(match.group(1), match.group(2) or "")
        return amount, amount
    return None, None


def _one_sided(match: re.Match[str]) -> int | None:
    """The amount of "100万以上" or ">100万": groups 1-2 or 3-4 of the pattern."""
    if match.group(1) is not None:
        return _amount(match.group(1), match.group(2) or "")
    return _amount(match.group(3), match.group(4) or "")


def _amount(number: str, unit: str) -> int | None:
    """``number`` × ``unit`` in whole yuan, or None if out of range."""
    return _yuan(Decimal(number) * _UNITS[unit])


def _yuan(amount: Decimal) -> int | None:
    """A whole-yuan amount within 0..MAX_BUDGET, or None."""
    if amount < 0 or amount > MAX_BUDGET:
        return None
    return _round(amount)


# ---------------------------------------------------------------------------------------------
# defaults per channel

DEFAULT_MAPPINGS: Mapping[Channel, Mapping[str, Any]] = MappingProxyType(
    {
        # Our own web form posts our field names.
        Channel.WEBSITE: {name: name for name in LEAD_FIELDS},
        # 巨量引擎 / 飞鱼 clue push. remark_dict holds the advertiser's own form questions,
        # keyed by their labels: adjust those paths to the labels of your form.
        Channel.DOUYIN: {
            "external_id": "clue_id",
            "contact_name": "name",
            "phone": "telephone",
            "email": "email",
            "wechat_id": "weixin",
            "region": "province_name",
            "city": "city_name",
            "campaign": {"path": ["promotion_name", "ad_name", "module_name"]},
            "company_name": "remark_dict.公司名称",
            "industry": "remark_dict.行业",
            "budget": "remark_dict.预算",
            "note": "remark",
        },
        # QR sign-in at a booth: the sign-in tool posts the attendee and the answers to the
        # sign-in form in order (0: product of interest, 1: budget).
        Channel.EXHIBITION: {
            "external_id": "checkin_id",
            "campaign": "event.name",
            "contact_name": "attendee.name",
            "phone": "attendee.mobile",
            "email": "attendee.email",
            "company_name": "attendee.company",
            "title": "attendee.title",
            "city": "attendee.city",
            "product_line": "answers.0.value",
            "budget": "answers.1.value",
        },
        # A 400-number call record: the caller is the lead; the call id names the lead.
        Channel.PHONE_400: {
            "external_id": "call_sn",
            "phone": "caller_id",
            "region": "province",
            "city": "city",
        },
        # WeCom 获取客户详情: the contact and the rep's record of them (follow_user).
        # corp_full_name is only set for WeCom users; a WeChat user's company is what the rep
        # noted. state is the "contact me" QR code's channel parameter.
        Channel.WECOM: {
            "external_id": "external_contact.external_userid",
            "contact_name": "external_contact.name",
            "title": "external_contact.position",
            "company_name": {
                "path": [
                    "external_contact.corp_full_name",
                    "follow_user.0.remark_corp_name",
                    "external_contact.corp_name",
                ]
            },
            "phone": "follow_user.0.remark_mobiles.0",
            "campaign": "follow_user.0.state",
            "note": "follow_user.0.description",
        },
        # DingTalk CRM personal-customer record; its other fields have per-company keys
        # (TextField-K55CWZ2D ...) and must be added by the admin.
        Channel.DINGTALK: {
            "external_id": "instanceId",
            "contact_name": "data.customer_name",
            "phone": "data.customer_phone",
        },
    }
)
