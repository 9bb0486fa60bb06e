"""Keys that say two leads are the same customer: normalised phone, e-mail and company name.

Company names are compared after NFKC (full-width letters, digits and brackets become
half-width), case folding, unifying brackets, dropping spaces and punctuation, and removing the
legal form at the end (有限公司, 股份有限公司, Co., Ltd., Inc. ...): "北京星河科技有限公司",
"北京星河科技（有限公司）" and "北京 星河科技 股份有限公司" share one key. A bracketed part
that names a branch (分公司, 办事处, 分部) is kept, because a branch is its own customer site.
"""

from __future__ import annotations

import re
import unicodedata

from api.common.contact_details import normalise_email, normalise_phone

__all__ = ["company_key", "normalise_email", "normalise_phone"]

# Longest first: the longest legal form at the end is removed, repeatedly.
LEGAL_FORMS = tuple(
    sorted(
        {
            "股份有限公司",
            "有限责任公司",
            "有限公司",
            "集团有限公司",
            "集团股份有限公司",
            "集团公司",
            "集团",
            "公司",
            "coltd",
            "coltd.",
            "companylimited",
            "limited",
            "ltd",
            "inc",
            "incorporated",
            "llc",
            "corp",
            "corporation",
            "co",
            "gmbh",
        },
        key=len,
        reverse=True,
    )
)
_FORMS = frozenset(LEGAL_FORMS)
BRANCH_WORDS = ("分公司", "办事处", "分部", "分院", "分店", "branch")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")"})
_NOISE = re.compile(r"[\s.,，。、·&'\"“”‘’\-_/]+")
_BRACKETED = re.compile(r"\(([^()]*)\)")
MAX_NAME = 200


def company_key(name: str) -> str | None:
    """The comparison key of a company name, or None when nothing is left to compare."""
    text = unicodedata.normalize("NFKC", name[:MAX_NAME]).casefold().translate(_BRACKETS)
    text = _BRACKETED.sub(_keep_branch, text)
    text = _NOISE.sub("", text).replace("(", "").replace(")", "")
    changed = True
    while changed and text not in _FORMS:  # a bare legal form stays what it is
        changed = False
        for form in LEGAL_FORMS:
            if text.endswith(form) and len(text) > len(form):
                text = text[: -len(form)]
                changed = True
                break
    return text or None


def _keep_branch(match: re.Match[str]) -> str:
    inner = match.group(1)
    if any(word in inner for word in BRANCH_WORDS):
        return inner
    # A bracketed legal form or region note says nothing of which company it is.
    return "" if _is_noise(inner) else inner


def _is_noise(inner: str) -> bool:
    squeezed = _NOISE.sub("", inner)
    return not squeezed or any(squeezed == form for form in LEGAL_FORMS)


# Free-mail providers: an address there says nothing about the sender's employer. Subdomains
# (vip.163.com, m.yeah.net) count as the provider.
FREE_MAIL_DOMAINS = frozenset(
    {
        "qq.com",
        "foxmail.com",
        "163.com",
        "126.com",
        "188.com",
        "yeah.net",
        "netease.com",
        "139.com",
        "189.cn",
        "wo.cn",
        "wo.com.cn",
        "sina.com",
        "sina.cn",
        "sina.com.cn",
        "sohu.com",
        "tom.com",
        "21cn.com",
        "263.net",
        "aliyun.com",
        "2980.com",
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "outlook.cn",
        "live.com",
        "live.cn",
        "msn.com",
        "icloud.com",
        "me.com",
        "mac.com",
        "yahoo.com",
        "yahoo.com.cn",
        "yahoo.cn",
        "yahoo.com.hk",
        "yahoo.com.tw",
        "yahoo.co.jp",
        "aol.com",
        "mail.com",
        "gmx.com",
        "yandex.com",
        "yandex.ru",
        "proton.me",
        "protonmail.com",
        "zoho.com",
    }
)
_LABEL = re.compile(r"^[^\W_](?:[\w-]*[^\W_])?$")


def is_company_email(email: str) -> bool:
    """Whether an address is valid and at a company's own domain rather than a free-mail one."""
    address = normalise_email(email)
    if address is None:
        return False
    domain = address.rsplit("@", 1)[1].rstrip(".")
    labels = domain.split(".")
    if len(labels) < 2 or labels[-1].isdigit():
        return False
    if not all(len(label) <= 63 and _LABEL.match(label) for label in labels):
        return False
    return not any(".".join(labels[i:]) in FREE_MAIL_DOMAINS for i in range(len(labels) - 1))
