"""Templates: registration checks, locales, escaping per form, formatting, caps."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from notifications.templates import (
    TEXT_MAX,
    TITLE_MAX,
    Template,
    TemplateError,
    TemplateRegistry,
    format_value,
)

ASSIGNED = Template(
    name="lead.assigned",
    title={"zh-CN": "新线索：{lead_name}", "en": "New lead: {lead_name}"},
    body={
        "zh-CN": "{assigner}把线索分配给你，请在{due_at}前跟进。",
        "en": "{assigner} assigned you a lead; follow up before {due_at}.",
    },
    fields=(
        ({"zh-CN": "客户", "en": "Customer"}, "customer"),
        ({"zh-CN": "加急", "en": "Urgent"}, "urgent"),
    ),
    page="pages/leads/detail?id={lead_id}",
)
DIGEST = Template(
    name="digest.daily",
    title={"zh-CN": "今日待办", "en": "Today's tasks"},
    body={"zh-CN": "你有{count}项待办：", "en": "You have {count} tasks:"},
    items_key="tasks",
)
DATA: dict[str, object] = {
    "lead_name": "华东电力",
    "assigner": "王经理",
    "due_at": datetime(2026, 11, 24, 8, 30, tzinfo=UTC),  # 16:30 in Shanghai
    "customer": "华东电力集团",
    "urgent": True,
    "lead_id": "ld_7Kq2",
}
EVIL = "[x](http://evil) **b** <script>alert(1)</script> <@all> # h"


@pytest.fixture
def templates() -> TemplateRegistry:
    registry = TemplateRegistry()
    registry.register(ASSIGNED)
    registry.register(DIGEST)
    return registry


def test_renders_every_form_in_chinese(templates: TemplateRegistry) -> None:
    rendered = templates.render("lead.assigned", DATA, locale="zh-CN")

    assert rendered.template == "lead.assigned"
    assert rendered.locale == "zh-CN"
    assert rendered.title == "新线索：华东电力"
    assert rendered.text == (
        "新线索：华东电力\n\n王经理把线索分配给你，请在2026-11-24 16:30前跟进。\n\n"
        "客户: 华东电力集团\n加急: 是"
    )
    assert rendered.markdown == (
        "**新线索：华东电力**\n\n王经理把线索分配给你，请在2026-11-24 16:30前跟进。\n\n"
        "> 客户: 华东电力集团\n> 加急: 是"
    )
    assert rendered.html == (
        "<h1>新线索：华东电力</h1>\n<p>王经理把线索分配给你，请在2026-11-24 16:30前跟进。</p>\n"
        '<table><tr><th align="left">客户</th><td>华东电力集团</td></tr>'
        '<tr><th align="left">加急</th><td>是</td></tr></table>'
    )
    assert rendered.card.title == "新线索：华东电力"
    assert rendered.card.fields == (("客户", "华东电力集团"), ("加急", "是"))
    assert rendered.card.page == "pages/leads/detail?id=ld_7Kq2"
    assert rendered.values["due_at"] == "2026-11-24 16:30"
    assert rendered.values["urgent"] == "是"


def test_renders_english_and_matches_locale_by_prefix(templates: TemplateRegistry) -> None:
    rendered = templates.render("lead.assigned", DATA, locale="en-US")

    assert rendered.locale == "en"
    assert rendered.title == "New lead: 华东电力"
    assert "Customer: 华东电力集团\nUrgent: yes" in rendered.text
    assert templates.render("lead.assigned", DATA, locale="en_GB").locale == "en"


@pytest.mark.parametrize("locale", ["fr", "", "zh", "zh-TW", "english"])
def test_unknown_locales_fall_back_to_chinese(templates: TemplateRegistry, locale: str) -> None:
    assert templates.render("lead.assigned", DATA, locale=locale).locale == "zh-CN"


def test_markdown_values_cannot_inject_links_mentions_or_formatting(
    templates: TemplateRegistry,
) -> None:
    rendered = templates.render(
        "lead.assigned", {**DATA, "lead_name": EVIL, "assigner": EVIL}, locale="zh-CN"
    )

    body = rendered.markdown
    assert "[x](http://evil)" not in body
    assert "\\[x\\](http://evil)" in body
    assert "**b**" not in body.replace("**新线索", "").split("**\n")[-1]
    assert "\\*\\*b\\*\\*" in body
    assert "<script>" not in body and "<@all>" not in body
    assert "\\<script\\>" in body
    assert "\\# h" in body
    # The title is bold as a whole; its value's own asterisks are escaped.
    assert body.startswith("**新线索：\\[x\\](http://evil) \\*\\*b\\*\\*")


def test_markdown_escapes_block_syntax_at_line_starts(templates: TemplateRegistry) -> None:
    rendered = templates.render(
        "lead.assigned",
        {**DATA, "assigner": "a\n- item\n1. first\n> quote\n# head\n==="},
        locale="en",
    )

    lines = rendered.markdown.splitlines()
    assert "\\- item" in lines
    assert "1\\. first" in lines
    assert "\\> quote" in lines
    assert "\\# head" in lines
    assert any(line.startswith("\\=== assigned you") for line in lines)


def test_html_escapes_everything(templates: TemplateRegistry) -> None:
    rendered = templates.render("lead.assigned", {**DATA, "customer": EVIL}, locale="zh-CN")

    assert "<script>" not in rendered.html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in rendered.html
    assert "<td>[x](http://evil) **b** &lt;script&gt;" in rendered.html


def test_plain_text_keeps_values_verbatim(templates: TemplateRegistry) -> None:
    rendered = templates.render("lead.assigned", {**DATA, "customer": EVIL}, locale="zh-CN")

    assert f"客户: {EVIL}" in rendered.text
    assert rendered.card.fields[0] == ("客户", EVIL)


def test_page_values_are_url_quoted(templates: TemplateRegistry) -> None:
    rendered = templates.render("lead.assigned", {**DATA, "lead_id": "a&b=c d"}, locale="zh-CN")

    assert rendered.card.page == "pages/leads/detail?id=a%26b%3Dc%20d"


def test_control_characters_are_removed_but_body_newlines_kept(
    templates: TemplateRegistry,
) -> None:
    rendered = templates.render(
        "lead.assigned",
        {**DATA, "lead_name": "华东\x00电力\n\u202e集团", "assigner": "王\x07经理\n李经理"},
        locale="zh-CN",
    )

    assert rendered.title == "新线索：华东电力 集团"
    assert "王经理\n李经理把线索" in rendered.text
    assert "\x00" not in rendered.html and "\x07" not in rendered.markdown


def test_items_render_as_a_list_in_every_form(templates: TemplateRegistry) -> None:
    data = {"count": 2, "tasks": ["回访华东电力", "<提交>周报"]}

    zh = templates.render("digest.daily", data, locale="zh-CN")
    en = templates.render("digest.daily", data, locale="en")

    assert zh.text == "今日待办\n\n你有2项待办：\n- 回访华东电力\n- <提交>周报"
    assert "- \\<提交\\>周报" in zh.markdown
    assert "<ul><li>回访华东电力</li><li>&lt;提交&gt;周报</li></ul>" in zh.html
    assert zh.values["tasks"] == "回访华东电力、<提交>周报"
    assert en.values["tasks"] == "回访华东电力, <提交>周报"


def test_items_must_be_a_list(templates: TemplateRegistry) -> None:
    with pytest.raises(TemplateError, match="'tasks' must be a list"):
        templates.render("digest.daily", {"count": 1, "tasks": "one"}, locale="zh-CN")


def test_escalation_prefixes_the_title(templates: TemplateRegistry) -> None:
    zh = templates.render("lead.assigned", DATA, locale="zh-CN", escalation_level=2)
    en = templates.render("lead.assigned", DATA, locale="en", escalation_level=1)

    assert zh.title == "【升级·2】新线索：华东电力"
    assert en.title == "[Escalated 1] New lead: 华东电力"
    assert en.text.startswith("[Escalated 1] New lead")
    assert en.markdown.startswith("**\\[Escalated 1\\] New lead")
    assert en.card.title == en.title


def test_title_and_text_are_capped(templates: TemplateRegistry) -> None:
    rendered = templates.render(
        "lead.assigned", {**DATA, "lead_name": "长" * 500, "assigner": "王" * 9000}, locale="zh-CN"
    )

    assert len(rendered.title) == TITLE_MAX
    assert rendered.title.endswith("…")
    assert len(rendered.text) == TEXT_MAX
    assert rendered.text.endswith("…")
    assert len(rendered.markdown) <= TEXT_MAX


def test_datetimes_are_shown_in_the_organisation_time_zone(templates: TemplateRegistry) -> None:
    berlin = templates.render("lead.assigned", DATA, locale="en", time_zone="Europe/Berlin")

    assert berlin.values["due_at"] == "2026-11-24 09:30"
    assert "before 2026-11-24 09:30." in berlin.text


def test_missing_data_names_the_key_without_values(templates: TemplateRegistry) -> None:
    data = {k: v for k, v in DATA.items() if k != "customer"}

    with pytest.raises(TemplateError) as raised:
        templates.render("lead.assigned", data, locale="zh-CN")

    assert "'customer'" in str(raised.value)
    assert "华东" not in str(raised.value)


def test_unknown_template_and_time_zone(templates: TemplateRegistry) -> None:
    with pytest.raises(TemplateError, match="unknown template"):
        templates.render("nope", {}, locale="zh-CN")
    with pytest.raises(TemplateError, match="unknown time zone"):
        templates.render("lead.assigned", DATA, locale="zh-CN", time_zone="Mars/Olympus")


@pytest.mark.parametrize(
    "title",
    ["{lead.name}", "{lead[0]}", "{lead!r}", "{lead:>10}", "{}", "{0}", "{lead", "{lead:{w}}"],
)
def test_unsafe_placeholder_syntax_is_rejected_at_registration(title: str) -> None:
    template = Template(name="bad.one", title={"zh-CN": title, "en": title}, body=ASSIGNED.body)

    with pytest.raises(TemplateError):
        TemplateRegistry().register(template)


@pytest.mark.parametrize(
    "change",
    [
        {"name": "Lead Assigned"},
        {"name": "x" * 65},
        {"title": {"zh-CN": "标题 {a}"}},
        {"title": {"zh-CN": "标题 {a}", "en": "Title {b}"}},
        {"title": {"zh-CN": "标题", "en": "Title", "fr": "Titre"}},
        {"body": {"zh-CN": "", "en": "Body"}},
        {"fields": [({"zh-CN": "客户"}, "customer")]},
        {"fields": [({"zh-CN": "客户", "en": "Customer"}, "customer.name")]},
        {"page": "pages/x?id={id!s}"},
        {"items_key": "tasks[0]"},
    ],
)
def test_malformed_templates_are_rejected(change: dict[str, object]) -> None:
    fields: dict[str, object] = {
        "name": "ok.name",
        "title": {"zh-CN": "标题", "en": "Title"},
        "body": {"zh-CN": "正文", "en": "Body"},
        **change,
    }

    with pytest.raises(TemplateError):
        TemplateRegistry().register(Template(**fields))  # type: ignore[arg-type]


def test_registering_twice(templates: TemplateRegistry) -> None:
    same = Template(
        name=ASSIGNED.name,
        title=dict(ASSIGNED.title),
        body=dict(ASSIGNED.body),
        fields=list(ASSIGNED.fields),
        page=ASSIGNED.page,
    )
    assert templates.register(same) is ASSIGNED
    assert templates.names() == ["digest.daily", "lead.assigned"]

    with pytest.raises(TemplateError, match="already registered"):
        templates.register(Template(name=ASSIGNED.name, title=ASSIGNED.title, body=DIGEST.body))


def test_format_value() -> None:
    shanghai = {"time_zone": "Asia/Shanghai"}
    moment = datetime(2026, 3, 1, 16, 5, tzinfo=UTC)

    assert format_value(moment, locale="zh-CN", **shanghai) == "2026-03-02 00:05"
    assert format_value(datetime(2026, 3, 1, 16, 5), locale="zh-CN", **shanghai) == (
        "2026-03-02 00:05"
    )
    assert format_value(date(2026, 3, 1), locale="en", **shanghai) == "2026-03-01"
    assert format_value(False, locale="zh-CN", **shanghai) == "否"
    assert format_value(True, locale="en-US", **shanghai) == "yes"
    assert format_value(None, locale="en", **shanghai) == "—"
    assert format_value([1, "二", None], locale="zh-CN", **shanghai) == "1、二、—"
    assert format_value([1, 2], locale="en", **shanghai) == "1, 2"
    assert format_value(12.5, locale="en", **shanghai) == "12.5"
