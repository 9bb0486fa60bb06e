"""Message templates: registered once with checked placeholders, rendered per locale and form.

A template holds one format string per locale for its title and body. Placeholders are plain
names only (``{lead_name}``): no attribute or index access, conversions or format specs, so data
cannot reach into objects and every value goes through :func:`format_value` and the escaping of
the form it lands in (markdown for the robots, HTML for e-mail, nothing for plain text).
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from enum import Enum
from functools import lru_cache
from urllib.parse import quote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from notifications.message import Card, Rendered

LOCALES = ("zh-CN", "en")
DEFAULT_LOCALE = "zh-CN"
TITLE_MAX = 120
TEXT_MAX = 4000
ELLIPSIS = "…"

_NAME = re.compile(r"[a-z0-9_.]{1,64}")
_PLACEHOLDER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_FORMATTER = string.Formatter()
# C0/C1 controls (tab and newline are handled first) and the bidi overrides that reorder text.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Characters that open markdown constructs anywhere in a line; "(" and ")" are harmless once
# "[" and "]" are escaped, and leaving them keeps ordinary text readable.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#~|])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_MD_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


class TemplateError(ValueError):
    """A template is unknown, malformed, or the data does not fit it."""


@dataclass(frozen=True, slots=True)
class Template:
    """A named message with a title and body per locale and optional key/value fields."""

    name: str  # e.g. "lead.assigned"; [a-z0-9_.]+, <= 64 chars
    title: Mapping[str, str]  # locale -> format string; "zh-CN" and "en" are required
    body: Mapping[str, str]  # locale -> format string
    fields: Sequence[tuple[Mapping[str, str], str]] = ()  # (locale -> label, placeholder name)
    page: str | None = None  # mini-program page path format, e.g. "pages/leads/detail?id={id}"
    items_key: str | None = None  # data key holding a list rendered as bullets after the body


def resolve_locale(locale: str) -> str:
    """Map a requested locale ("en-US", "zh_CN", "fr") to a supported one, zh-CN by default."""
    wanted = locale.strip().replace("_", "-").lower()
    if wanted == "en" or wanted.startswith("en-"):
        return "en"
    return DEFAULT_LOCALE


@lru_cache(maxsize=64)
def _zone(time_zone: str) -> ZoneInfo:
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise TemplateError("unknown time zone") from exc


def format_value(value: object, *, time_zone: str, locale: str) -> str:
    """Format one data value as people read it in the locale and time zone."""
    loc = resolve_locale(locale)
    if value is None:
        return "—"
    if isinstance(value, bool):
        if loc == "en":
            return "yes" if value else "no"
        return "是" if value else "否"
    if isinstance(value, datetime):
        # Timestamps are stored in UTC: a naive one is read as UTC.
        aware = value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return aware.astimezone(_zone(time_zone)).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, list | tuple):
        separator = ", " if loc == "en" else "、"
        return separator.join(format_value(v, time_zone=time_zone, locale=loc) for v in value)
    if isinstance(value, Enum) and not isinstance(value, str):
        return format_value(value.value, time_zone=time_zone, locale=loc)
    return str(value)


def truncate(text: str, limit: int) -> str:
    """Cut text to at most `limit` characters, marking a cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[: limit - 1] + ELLIPSIS


def escape_markdown(text: str) -> str:
    """Escape text so it renders literally in markdown: no links, mentions, emphasis, headings."""
    escaped = _MD_INLINE.sub(r"\\\1", text)
    escaped = _MD_LINE_START.sub(r"\1\\\2", escaped)
    return _MD_ORDERED.sub(r"\1\\\2", escaped)


def _clean_multiline(text: str) -> str:
    unified = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    unified = unified.replace("\u2029", "\n").replace("\t", " ")
    return _CONTROL.sub("", unified)


def _clean_line(text: str) -> str:
    return _clean_multiline(text).replace("\n", " ")


def _placeholders(text: object, *, where: str) -> set[str]:
    if not isinstance(text, str):
        raise TemplateError(f"{where}: must be a string")
    try:
        parsed = list(_FORMATTER.parse(text))
    except ValueError as exc:
        raise TemplateError(f"{where}: unbalanced braces") from exc
    names: set[str] = set()
    for _literal, field, spec, conversion in parsed:
        if field is None:
            continue
        if not _PLACEHOLDER.fullmatch(field):
            raise TemplateError(f"{where}: placeholders must be plain names like {{name}}")
        if conversion is not None or spec:
            raise TemplateError(f"{where}: conversions and format specs are not allowed")
        names.add(field)
    return names


def _check_locales(mapping: Mapping[str, str], *, where: str) -> None:
    unknown = sorted(set(mapping) - set(LOCALES))
    if unknown:
        raise TemplateError(f"{where}: unsupported locale {unknown[0]!r}")
    for locale in LOCALES:
        text = mapping.get(locale)
        if not isinstance(text, str) or not text.strip():
            raise TemplateError(f"{where}: text for {locale} is missing")


def _validate(template: Template) -> None:
    name = template.name
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise TemplateError("template names are 1-64 characters of a-z, 0-9, '_' and '.'")
    _check_locales(template.title, where=f"{name}.title")
    _check_locales(template.body, where=f"{name}.body")
    used = {
        locale: _placeholders(template.title[locale], where=f"{name}.title[{locale}]")
        | _placeholders(template.body[locale], where=f"{name}.body[{locale}]")
        for locale in LOCALES
    }
    if used["zh-CN"] != used["en"]:
        differ = sorted(used["zh-CN"] ^ used["en"])
        raise TemplateError(f"{name}: placeholder {differ[0]!r} is not used in every locale")
    for index, (labels, key) in enumerate(template.fields):
        _check_locales(labels, where=f"{name}.fields[{index}]")
        if not isinstance(key, str) or not _PLACEHOLDER.fullmatch(key):
            raise TemplateError(f"{name}.fields[{index}]: the key must be a plain name")
    if template.page is not None:
        _placeholders(template.page, where=f"{name}.page")
    if template.items_key is not None and not _PLACEHOLDER.fullmatch(template.items_key):
        raise TemplateError(f"{name}.items_key: must be a plain name")


def _canonical(template: Template) -> tuple[object, ...]:
    return (
        template.name,
        dict(template.title),
        dict(template.body),
        [(dict(labels), key) for labels, key in template.fields],
        template.page,
        template.items_key,
    )


def _required_keys(template: Template, locale: str) -> set[str]:
    keys = _placeholders(template.title[locale], where="title") | _placeholders(
        template.body[locale], where="body"
    )
    keys.update(key for _labels, key in template.fields)
    if template.page is not None:
        keys |= _placeholders(template.page, where="page")
    if template.items_key is not None:
        keys.add(template.items_key)
    return keys


def _escalation_prefix(level: int, locale: str) -> str:
    if level <= 0:
        return ""
    return f"[Escalated {level}] " if locale == "en" else f"【升级·{level}】"


class TemplateRegistry:
    """Templates by name; domains register theirs at import time, the dispatcher renders."""

    def __init__(self) -> None:
        self._templates: dict[str, Template] = {}

    def register(self, template: Template) -> Template:
        """Check a template's names and placeholders and add it; re-registering it is a no-op."""
        _validate(template)
        existing = self._templates.get(template.name)
        if existing is not None:
            if _canonical(existing) != _canonical(template):
                raise TemplateError(f"template {template.name!r} is already registered")
            return existing
        self._templates[template.name] = template
        return template

    def get(self, name: str) -> Template:
        """The template registered under `name`."""
        try:
            return self._templates[name]
        except KeyError:
            raise TemplateError(f"unknown template {name!r}") from None

    def names(self) -> list[str]:
        """Every registered template name, sorted."""
        return sorted(self._templates)

    def render(
        self,
        name: str,
        data: Mapping[str, object],
        *,
        locale: str,
        time_zone: str = "Asia/Shanghai",
        escalation_level: int = 0,
    ) -> Rendered:
        """Render a template with `data` in every form, in the recipient's locale and zone."""
        template = self.get(name)
        loc = resolve_locale(locale)
        if escalation_level < 0:
            raise TemplateError("escalation level must not be negative")
        missing = sorted(_required_keys(template, loc) - set(data))
        if missing:
            raise TemplateError(f"template {name!r}: missing data key {missing[0]!r}")

        values = {
            key: _clean_multiline(format_value(value, time_zone=time_zone, locale=loc))
            for key, value in data.items()
        }
        line_values = {key: value.replace("\n", " ") for key, value in values.items()}
        items = self._items(template, data, time_zone=time_zone, locale=loc)
        fields = tuple((labels[loc], line_values[key]) for labels, key in template.fields)

        title = truncate(
            _escalation_prefix(escalation_level, loc)
            + _clean_line(template.title[loc].format_map(line_values)),
            TITLE_MAX,
        )
        body = template.body[loc].format_map(values)
        body_block = "\n".join([body, *(f"- {item}" for item in items)]).strip("\n")
        field_block = "\n".join(f"{label}: {value}" for label, value in fields)
        text = truncate("\n\n".join(b for b in (title, body_block, field_block) if b), TEXT_MAX)

        md_body = template.body[loc].format_map(
            {key: escape_markdown(value) for key, value in values.items()}
        )
        md_body_block = "\n".join([md_body, *(f"- {escape_markdown(i)}" for i in items)])
        md_fields = "\n".join(f"> {label}: {escape_markdown(value)}" for label, value in fields)
        markdown = truncate(
            "\n\n".join(
                b
                for b in (f"**{escape_markdown(title)}**", md_body_block.strip("\n"), md_fields)
                if b
            ),
            TEXT_MAX,
        )

        page = None
        if template.page is not None:
            page = template.page.format_map({k: quote(v, safe="") for k, v in line_values.items()})
        card = Card(
            title=title,
            description=truncate(body_block, TEXT_MAX),
            fields=fields,
            page=page,
        )
        return Rendered(
            template=name,
            locale=loc,
            title=title,
            text=text,
            markdown=markdown,
            html=_html(title, body, items, fields),
            card=card,
            values=values,
        )

    @staticmethod
    def _items(
        template: Template, data: Mapping[str, object], *, time_zone: str, locale: str
    ) -> list[str]:
        if template.items_key is None:
            return []
        raw = data[template.items_key]
        if not isinstance(raw, list | tuple):
            raise TemplateError(f"data key {template.items_key!r} must be a list")
        return [_clean_line(format_value(item, time_zone=time_zone, locale=locale)) for item in raw]


def _html(title: str, body: str, items: list[str], fields: tuple[tuple[str, str], ...]) -> str:
    esc = html.escape
    parts = [f"<h1>{esc(title)}</h1>"]
    if body.strip():
        parts.append("<p>" + esc(body.strip("\n")).replace("\n", "<br>\n") + "</p>")
    if items:
        parts.append("<ul>" + "".join(f"<li>{esc(item)}</li>" for item in items) + "</ul>")
    if fields:
        rows = "".join(
            f'<tr><th align="left">{esc(label)}</th><td>{esc(value)}</td></tr>'
            for label, value in fields
        )
        parts.append(f"<table>{rows}</table>")
    return "\n".join(parts)


registry = TemplateRegistry()
