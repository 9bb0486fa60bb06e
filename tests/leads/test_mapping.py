"""Channel field mappings: what each channel's push becomes, and how bad data is reported."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.leads.mapping import (
    DEFAULT_MAPPINGS,
    LEAD_FIELDS,
    MAX_RULES,
    MAX_STEPS,
    WEBHOOK_CHANNELS,
    Channel,
    MappingError,
    apply,
    parse_budget,
    parse_mapping,
)


def _read(rules, payload):
    return apply(parse_mapping(rules), payload)


# --- default mappings against each channel's real push format ---------------------------------

DOUYIN_CLUE = {
    "clue_id": "7381234567890123456",
    "advertiser_id": 1790000000000000,
    "ad_id": 0,
    "ad_name": "",
    "promotion_id": 7380000000000000001,
    "promotion_name": "教育SaaS-华东-表单0601",
    "module_name": "在线预约表单",
    "clue_type": 0,
    "clue_source": 1,
    "create_time_detail": "2024-06-10 16:02:11",
    "name": "王芳",
    "telephone": "13812345678",
    "email": "",
    "weixin": "wangfang_edu",
    "province_name": "浙江",
    "city_name": "杭州",
    "remark": "想了解排课和家校沟通",
    "remark_dict": {"公司名称": "杭州启明教育科技有限公司", "行业": "教育", "预算": "10-50万"},
    "app_name": "抖音",
}

EXHIBITION_CHECKIN = {
    "checkin_id": "CK-20240610-0042",
    "checked_in_at": "2024-06-10T10:12:00+08:00",
    "event": {"code": "EDU-EXPO-2024", "name": "2024 中国教育装备展"},
    "attendee": {
        "name": "李强",
        "mobile": "139 0000 1111",
        "email": "liqiang@example.com",
        "company": "南京博学培训学校",
        "title": "校长",
        "city": "南京",
    },
    "answers": [
        {"question": "意向产品", "value": "排课系统"},
        {"question": "预算", "value": "30万"},
    ],
}

CALL_400 = {
    "call_sn": "C20240610153012887",
    "tel": "4008001234",
    "ext": "",
    "caller_id": "02584561234",
    "callee_id": "4008001234",
    "start_time": "2024-06-10 15:30:12",
    "end_time": "2024-06-10 15:33:17",
    "call_duration": 185,
    "province": "江苏",
    "city": "南京",
    "state": "1",
}

WECOM_WECHAT_USER: dict[str, Any] = {
    "errcode": 0,
    "errmsg": "ok",
    "external_contact": {
        "external_userid": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
        "name": "李四",
        "type": 1,
        "avatar": "https://wx.qlogo.cn/mmhead/abc/0",
        "gender": 1,
        "unionid": "ozynqsulJFCZ2z1aYeS8h-nuasdAAA",
    },
    "follow_user": [
        {
            "userid": "rocky",
            "remark": "李部长",
            "description": "对接采购事务",
            "createtime": 1525779812,
            "tags": [],
            "remark_corp_name": "腾讯科技",
            "remark_mobiles": ["13800000001", "13000000002"],
            "add_way": 1,
            "state": "expo-2024-hz",
        }
    ],
}

DINGTALK_CUSTOMER = {
    "instanceId": "9P8oAYPYQ1aT7xXxYzAbCd",
    "objectType": "crm_customer_personal",
    "createTime": "2024-06-10T08:00Z",
    "creatorNick": "张三",
    "data": {
        "customer_name": "赵敏",
        "customer_phone": "+86 186 0000 2222",
        "customer_follow_up_status": "新获取",
        "address": "浙江省,杭州市,西湖区,三墩镇,XX路XX号",
        "TextField-K55CWZ2D": "杭州",
    },
    "extendData": {},
}

WEBSITE_FORM = {
    "contact_name": " 陈静 ",
    "phone": "13700001111",
    "email": "chen.jing@example.com",
    "company_name": "成都星图医疗器械有限公司",
    "industry": "medical",
    "employees": "350",
    "company_size": "200-500人",
    "budget": "20万",
    "pricing_page_visits": 3,
    "dwell_seconds": "240",
    "renewal": "否",
    "utm_source": "baidu",  # not a lead field: ignored
}


def test_there_is_a_default_mapping_for_exactly_the_webhook_channels():
    assert set(DEFAULT_MAPPINGS) == WEBHOOK_CHANNELS
    assert Channel.IMPORT not in WEBHOOK_CHANNELS


@pytest.mark.parametrize("channel", sorted(WEBHOOK_CHANNELS))
def test_every_default_mapping_parses(channel):
    assert parse_mapping(DEFAULT_MAPPINGS[channel]).rules


def test_a_douyin_clue_becomes_a_lead_with_its_clue_id_and_form_answers():
    mapped = _read(DEFAULT_MAPPINGS[Channel.DOUYIN], DOUYIN_CLUE)
    assert mapped.problems == ()
    assert mapped.values == {
        "external_id": "7381234567890123456",
        "contact_name": "王芳",
        "phone": "13812345678",
        "wechat_id": "wangfang_edu",
        "region": "浙江",
        "city": "杭州",
        "campaign": "教育SaaS-华东-表单0601",  # ad_name is empty for a promotion-era clue
        "company_name": "杭州启明教育科技有限公司",
        "industry": "教育",
        "budget": 500_000,
        "note": "想了解排课和家校沟通",
    }


def test_an_older_douyin_clue_takes_its_campaign_from_the_ad_name():
    clue = {**DOUYIN_CLUE, "ad_name": "计划-暑期", "promotion_name": None}
    mapped = _read(DEFAULT_MAPPINGS[Channel.DOUYIN], clue)
    assert mapped.values["campaign"] == "计划-暑期"


def test_an_exhibition_check_in_becomes_a_lead_with_its_answers():
    mapped = _read(DEFAULT_MAPPINGS[Channel.EXHIBITION], EXHIBITION_CHECKIN)
    assert mapped.problems == ()
    assert mapped.values == {
        "external_id": "CK-20240610-0042",
        "campaign": "2024 中国教育装备展",
        "contact_name": "李强",
        "phone": "139 0000 1111",
        "email": "liqiang@example.com",
        "company_name": "南京博学培训学校",
        "title": "校长",
        "city": "南京",
        "product_line": "排课系统",
        "budget": 300_000,
    }


def test_a_400_call_record_becomes_a_lead_named_by_its_call():
    mapped = _read(DEFAULT_MAPPINGS[Channel.PHONE_400], CALL_400)
    assert mapped.problems == ()
    assert mapped.values == {
        "external_id": "C20240610153012887",
        "phone": "02584561234",
        "region": "江苏",
        "city": "南京",
    }


def test_a_wecom_wechat_user_takes_phone_and_company_from_the_reps_notes():
    mapped = _read(DEFAULT_MAPPINGS[Channel.WECOM], WECOM_WECHAT_USER)
    assert mapped.problems == ()
    assert mapped.values == {
        "external_id": "woAJ2GCAAAXtWyujaWJHDDGi0mACHAAA",
        "contact_name": "李四",
        "company_name": "腾讯科技",
        "phone": "13800000001",
        "campaign": "expo-2024-hz",
        "note": "对接采购事务",
    }


def test_a_wecom_work_user_takes_the_company_they_registered():
    work_user = {
        **WECOM_WECHAT_USER,
        "external_contact": {
            **WECOM_WECHAT_USER["external_contact"],
            "type": 2,
            "position": "Manager",
            "corp_name": "腾讯",
            "corp_full_name": "腾讯科技有限公司",
        },
    }
    mapped = _read(DEFAULT_MAPPINGS[Channel.WECOM], work_user)
    assert mapped.values["company_name"] == "腾讯科技有限公司"
    assert mapped.values["title"] == "Manager"


def test_a_dingtalk_crm_customer_becomes_a_lead():
    mapped = _read(DEFAULT_MAPPINGS[Channel.DINGTALK], DINGTALK_CUSTOMER)
    assert mapped.problems == ()
    assert mapped.values == {
        "external_id": "9P8oAYPYQ1aT7xXxYzAbCd",
        "contact_name": "赵敏",
        "phone": "+86 186 0000 2222",
    }


def test_a_website_form_posting_our_field_names_is_read_and_typed():
    mapped = _read(DEFAULT_MAPPINGS[Channel.WEBSITE], WEBSITE_FORM)
    assert mapped.problems == ()
    assert mapped.values == {
        "contact_name": "陈静",
        "phone": "13700001111",
        "email": "chen.jing@example.com",
        "company_name": "成都星图医疗器械有限公司",
        "industry": "medical",
        "employees": 350,
        "company_size": "200-500人",
        "budget": 200_000,
        "pricing_page_visits": 3,
        "dwell_seconds": 240,
        "renewal": False,
    }


# --- parsing ----------------------------------------------------------------------------------


def test_the_documented_example_parses_into_paths_tables_and_defaults():
    mapping = parse_mapping(
        {
            "contact_name": "name",
            "phone": "telephone",
            "industry": {"path": "remark_dict.行业", "values": {"教育": "education"}},
            "renewal": {"default": False},
        }
    )
    assert mapping.rules["industry"].paths == (("remark_dict", "行业"),)
    assert mapping.rules["renewal"].default is False
    assert mapping.rules["renewal"].paths == ()
    assert mapping.source["phone"] == "telephone"


def test_numeric_steps_index_lists_and_also_name_numeric_object_keys():
    mapping = parse_mapping({"note": "answers.1.value", "city": "by_id.2"})
    assert mapping.rules["note"].paths == (("answers", 1, "value"),)
    payload = {"answers": [{"value": "a"}, {"value": "b"}], "by_id": {"2": "上海"}}
    assert apply(mapping, payload).values == {"note": "b", "city": "上海"}
    assert apply(mapping, {"answers": [{"value": "a"}]}).values == {}


@pytest.mark.parametrize(
    ("data", "path"),
    [
        ({"salary": "x"}, "salary"),
        ({"note": "a." + ".".join("b" * MAX_STEPS)}, "note"),
        ({"note": "a..b"}, "note"),
        ({"note": ""}, "note"),
        ({"note": 12}, "note"),
        ({"note": {"path": "a", "fallback": "b"}}, "note.fallback"),
        ({"note": {"values": {"a": "b"}}}, "note"),
        ({"note": {"path": ["a", "b", "c", "d", "e"]}}, "note.path"),
        ({"note": {"path": ["a", ""]}}, "note.path[1]"),
        ({"note": {"path": "a", "values": ["a"]}}, "note.values"),
        ({"renewal": {"path": "r", "values": {"是": "maybe"}}}, "renewal.values.是"),
        ({"employees": {"path": "n", "values": {"many": {"n": 1}}}}, "employees.values.many"),
        ({"renewal": {"default": "maybe"}}, "renewal.default"),
        ({"budget": {"default": "面议"}}, "budget.default"),
        ({"note": {"default": None}}, "note.default"),
        ({"note": {"default": "  "}}, "note.default"),
        ({"title": {"default": "x" * 101}}, "title.default"),
        ({f"field{i}": "a" for i in range(MAX_RULES + 1)}, ""),
    ],
)
def test_malformed_mappings_are_refused_naming_the_part_to_fix(data, path):
    with pytest.raises(MappingError) as caught:
        parse_mapping(data)
    assert caught.value.path == path


def test_a_mapping_must_be_an_object():
    with pytest.raises(MappingError):
        parse_mapping(["contact_name"])  # type: ignore[arg-type]


# --- applying: missing values, defaults, translation ------------------------------------------


def test_a_missing_or_blank_source_takes_the_default_or_is_left_out():
    rules = {"renewal": {"path": "r", "default": False}, "note": "n", "city": "c"}
    assert _read(rules, {}).values == {"renewal": False}
    assert _read(rules, {"r": "  ", "n": None, "c": ""}).values == {"renewal": False}
    assert _read(rules, {"r": "是"}).values == {"renewal": True}


def test_a_value_that_cannot_be_read_is_a_problem_not_the_default():
    mapped = _read({"renewal": {"path": "r", "default": False}}, {"r": "maybe"})
    assert mapped.values == {}
    assert [(p.field, p.code) for p in mapped.problems] == [("renewal", "INVALID_BOOLEAN")]
    assert mapped.problems[0].detail.startswith("r: ")


def test_translation_ignores_case_width_and_spaces_and_passes_unknown_values_through():
    rules = {
        "industry": {"path": "i", "values": {"教育": "education", "SaaS": "software"}},
        "renewal": {"path": "r", "values": {"续约": True, "新签": False}},
        "funding_stage": {"path": "f", "values": {"未融资": ""}},
    }
    assert _read(rules, {"i": " 教育 "}).values == {"industry": "education"}
    assert _read(rules, {"i": "ＳＡＡＳ"}).values == {"industry": "software"}
    assert _read(rules, {"i": "医疗"}).values == {"industry": "医疗"}
    assert _read(rules, {"r": "续约"}).values == {"renewal": True}
    assert _read(rules, {"f": "未融资"}).values == {}  # translated to nothing: left out


def test_numbers_translate_by_their_written_form():
    rules = {"product_line": {"path": "p", "values": {"1": "lms", "2": "crm"}}}
    assert _read(rules, {"p": 2}).values == {"product_line": "crm"}
    assert _read(rules, {"p": 2.0}).values == {"product_line": "crm"}


def test_paths_and_values_are_data_never_code():
    rules = {"note": "__class__.__name__", "city": "c"}
    assert _read(rules, {}).values == {}
    assert _read(rules, "text").values == {}
    injected = "__import__('os').system('rm -rf /')"
    assert _read(rules, {"c": injected}).values == {"city": injected}


# --- applying: conversion per field type ------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("  张伟 ", "张伟"),
        (13800138000, "13800138000"),
        (12.0, "12"),
        (12.5, "12.5"),
        (1e300, "1e+300"),
        ("a\x00b", "ab"),
    ],
)
def test_text_is_trimmed_and_numbers_are_written_out(given, expected):
    assert _read({"contact_name": "v"}, {"v": given}).values == {"contact_name": expected}


@pytest.mark.parametrize("given", [{"n": "x"}, ["a"], True, float("nan")])
def test_text_fields_refuse_objects_lists_and_booleans(given):
    mapped = _read({"contact_name": "v"}, {"v": given})
    assert mapped.values == {}
    assert mapped.problems[0].code == "NOT_TEXT"


def test_text_longer_than_the_field_is_a_problem():
    limit = LEAD_FIELDS["title"].max_length
    assert limit is not None
    assert _read({"title": "v"}, {"v": "x" * limit}).values == {"title": "x" * limit}
    mapped = _read({"title": "v"}, {"v": "x" * (limit + 1)})
    assert mapped.values == {}
    assert mapped.problems[0].code == "TOO_LONG"


@pytest.mark.parametrize(
    ("given", "expected"),
    [(12, 12), ("12", 12), ("1,200", 1200), ("12次", 12), ("９５秒", 95), (95.6, 96), ("0", 0)],
)
def test_counts_are_read_from_numbers_and_the_ways_people_write_them(given, expected):
    assert _read({"employees": "v"}, {"v": given}).values == {"employees": expected}


@pytest.mark.parametrize("given", ["twelve", "3分钟", "-4", -4, "1,20", True, [3], 2**40, "1e5"])
def test_counts_that_are_not_plain_non_negative_numbers_are_invalid(given):
    mapped = _read({"employees": "v"}, {"v": given})
    assert mapped.values == {}
    assert mapped.problems[0].code == "INVALID_NUMBER"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (True, True),
        (False, False),
        (1, True),
        (0, False),
        ("true", True),
        ("FALSE", False),
        ("是", True),
        ("否", False),
        ("Yes", True),
        ("no", False),
        ("1", True),
    ],
)
def test_booleans_are_read_from_the_usual_spellings(given, expected):
    assert _read({"renewal": "v"}, {"v": given}).values == {"renewal": expected}


@pytest.mark.parametrize("given", ["maybe", 2, "续约", {"a": 1}])
def test_anything_else_is_not_a_boolean(given):
    assert _read({"renewal": "v"}, {"v": given}).problems[0].code == "INVALID_BOOLEAN"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (300000, 300_000),
        ("300000", 300_000),
        ("30万", 300_000),
        ("10-50万", 500_000),
        ("10万-50万", 500_000),
        ("10万～50万元", 500_000),
        ("50w", 500_000),
        ("50W", 500_000),
        ("1,000,000元", 1_000_000),
        ("100万以上", 1_000_000),
        ("1.5万", 15_000),
        ("约 30 万", 300_000),
        ("20k", 20_000),
        ("10万以下", 100_000),
    ],
)
def test_a_budget_is_stored_as_its_upper_bound_in_yuan(given, expected):
    assert _read({"budget": "v"}, {"v": given}).values == {"budget": expected}


@pytest.mark.parametrize(
    "given", ["面议", "很多", "50-10万", "-5", -5, True, "1" * 70, ["30万"], 10**400, float("inf")]
)
def test_a_budget_that_is_no_amount_is_invalid(given):
    mapped = _read({"budget": "v"}, {"v": given})
    assert mapped.values == {}
    assert mapped.problems[0].code == "INVALID_BUDGET"


@pytest.mark.parametrize(
    ("text", "bounds"),
    [
        ("10-50万", (100_000, 500_000)),
        ("10万-500000", (100_000, 500_000)),
        ("100万以上", (1_000_000, None)),
        (">100万", (1_000_000, None)),
        ("50万以内", (0, 500_000)),
        ("30万", (300_000, 300_000)),
        (300000, (300_000, 300_000)),
        (2.5e5, (250_000, 250_000)),
        ("1亿", (100_000_000, 100_000_000)),
        ("面议", (None, None)),
        ("", (None, None)),
        (10**13, (None, None)),
    ],
)
def test_budget_bounds(text, bounds):
    assert parse_budget(text) == bounds


# --- any payload at all -----------------------------------------------------------------------

JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(10**400), max_value=10**400)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=50),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(st.sampled_from(["a", "b", "0", "1"]), children, max_size=4)
    ),
    max_leaves=20,
)
EVERY_TYPE = {
    name: {"path": ["a.b", "a.0", "b"], "values": {"x": "1", "是": 1}} for name in LEAD_FIELDS
}


@given(payload=JSON)
def test_any_json_payload_is_read_without_raising_and_only_into_the_fields_types(payload):
    mapped = apply(parse_mapping(EVERY_TYPE), payload)
    expected_type = {"str": str, "int": int, "bool": bool, "budget": int}
    for name, value in mapped.values.items():
        assert type(value) is expected_type[LEAD_FIELDS[name].kind]
        if isinstance(value, str):
            assert value == value.strip() and value
    assert {p.field for p in mapped.problems}.isdisjoint(mapped.values)
