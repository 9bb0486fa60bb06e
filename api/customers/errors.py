"""Error codes of customer mutations."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class CustomerErrorCode(StrEnum):
    CUSTOMER_NOT_FOUND = "CUSTOMER_NOT_FOUND"
    CONTACT_NOT_FOUND = "CONTACT_NOT_FOUND"
    SITE_NOT_FOUND = "SITE_NOT_FOUND"
    REQUIRED = "REQUIRED"
    TOO_LONG = "TOO_LONG"
    INVALID_COORDINATES = "INVALID_COORDINATES"
    INVALID_RADIUS = "INVALID_RADIUS"
    INVALID_PHONE = "INVALID_PHONE"
    INVALID_EMAIL = "INVALID_EMAIL"
    OWNER_NOT_FOUND = "OWNER_NOT_FOUND"
    TOO_MANY_ITEMS = "TOO_MANY_ITEMS"
    REVEAL_NOT_ALLOWED = "REVEAL_NOT_ALLOWED"
    PAYMENT_FIELDS_NOT_ALLOWED = "PAYMENT_FIELDS_NOT_ALLOWED"
    SAME_CUSTOMER = "SAME_CUSTOMER"
    CUSTOMER_MERGED = "CUSTOMER_MERGED"
    REASON_REQUIRED = "REASON_REQUIRED"


i18n.register(
    {
        "CUSTOMER_NOT_FOUND": ("未找到该客户", "Customer not found"),
        "CONTACT_NOT_FOUND": ("未找到该联系人", "Contact not found"),
        "SITE_NOT_FOUND": ("未找到该地点", "Site not found"),
        "REQUIRED": ("此项必填", "This field is required"),
        "TOO_LONG": ("内容过长（最多 {max} 个字符）", "Too long (at most {max} characters)"),
        "INVALID_COORDINATES": ("经纬度无效", "Invalid latitude/longitude"),
        "INVALID_RADIUS": (
            "校验半径须在 {min} 到 {max} 米之间",
            "The verification radius must be between {min} and {max} metres",
        ),
        "INVALID_PHONE": ("电话号码格式无效", "Invalid phone number"),
        "INVALID_EMAIL": ("邮箱格式无效", "Invalid e-mail address"),
        "OWNER_NOT_FOUND": (
            "负责人不存在或不在你的权限范围内",
            "Owner not found or not visible to you",
        ),
        "TOO_MANY_ITEMS": ("条目过多（最多 {max} 条）", "Too many items (at most {max})"),
        "PAYMENT_FIELDS_NOT_ALLOWED": (
            "付款账户与账期只能由财务或管理员填写",
            "Only finance and admins may set the payment account and terms",
        ),
        "REVEAL_NOT_ALLOWED": (
            "你的角色不能查看联系人的完整信息",
            "Your role may not see contact details unmasked",
        ),
        # The same texts as api.leads.errors registers: a code has one message everywhere.
        "SAME_CUSTOMER": ("不能把客户合并到自身", "A customer cannot be merged into itself"),
        "CUSTOMER_MERGED": (
            "该客户已被合并到其他客户",
            "This customer has already been merged into another",
        ),
        "REASON_REQUIRED": ("请填写原因", "A reason is required"),
    }
)
