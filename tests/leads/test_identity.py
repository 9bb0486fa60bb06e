"""One customer per real customer: the same phone, e-mail or company, however it was typed."""

from __future__ import annotations

import pytest

from api.leads.identity import company_key, is_company_email, normalise_phone


@pytest.mark.parametrize(
    "typed",
    [
        "北京星河科技有限公司",
        "北京星河科技（有限公司）",
        "北京 星河科技 股份有限公司",
        "北京星河科技有限责任公司",
        "北京星河科技集团有限公司",
        "ＢＥＩＪＩＮＧ星河科技有限公司".replace("ＢＥＩＪＩＮＧ", "北京"),
        "北京星河科技",
    ],
)
def test_legal_forms_spaces_and_brackets_do_not_make_another_company(typed):
    assert company_key(typed) == "北京星河科技"


def test_latin_names_lose_their_legal_form_and_case():
    assert company_key("Acme Medical Co., Ltd.") == company_key("ACME MEDICAL LIMITED")
    assert company_key("Acme Medical Inc") == "acmemedical"


def test_a_branch_is_its_own_customer_and_different_companies_stay_apart():
    head = company_key("上海仁济医疗器械有限公司")
    branch = company_key("上海仁济医疗器械有限公司（浦东分公司）")
    assert branch != head
    assert branch == company_key("上海仁济医疗器械有限公司(浦东分公司)")
    assert company_key("上海仁济医疗") != company_key("上海仁和医疗")


def test_nothing_left_is_no_key():
    assert company_key("有限公司") == "有限公司"  # a bare legal form is kept, not emptied
    assert company_key("  ") is None


@pytest.mark.parametrize(
    "typed", ["138 0013 8000", "+86 138-0013-8000", "008613800138000", "8613800138000"]
)
def test_chinese_mobile_formats_are_one_number(typed):
    assert normalise_phone(typed) == "13800138000"


@pytest.mark.parametrize(
    "email",
    [
        "zhangsan@qq.com",
        "zhangsan@vip.qq.com",
        "zhangsan@foxmail.com",
        "ZhangSan@163.COM",
        "zhangsan@126.com",
        "zhangsan@yeah.net",
        "zhangsan@139.com",
        "zhangsan@sina.com",
        "zhangsan@sina.cn",
        "zhangsan@sohu.com",
        "zhangsan@aliyun.com",
        "zhangsan@189.cn",
        "zhangsan@wo.cn",
        "zhangsan@gmail.com",
        "zhangsan@hotmail.com",
        "zhangsan@outlook.com",
        "zhangsan@live.com",
        "zhangsan@icloud.com",
        "zhangsan@me.com",
        "zhangsan@yahoo.com",
        "zhangsan@vip.163.com",
        " zhangsan@qq.com. ",
    ],
)
def test_free_mail_addresses_are_not_company_email(email):
    assert not is_company_email(email)


@pytest.mark.parametrize(
    "email",
    [
        "zhangsan@xinghe-tech.com",
        "Li.Si@Renji-Med.COM.CN",
        "wangwu@sales.xinghe.cn",
        "zhaoliu@qqmusic-partner.com",  # only the provider's own domain is free mail
        "sunqi@my163.com",
        "张三@星河科技.中国",
    ],
)
def test_addresses_at_other_domains_are_company_email(email):
    assert is_company_email(email)


@pytest.mark.parametrize(
    "email",
    ["", "zhangsan", "zhangsan@", "@xinghe.com", "a@b@xinghe.com", "a@xinghe..com", "a@-x.com"],
)
def test_invalid_addresses_are_not_company_email(email):
    assert not is_company_email(email)
