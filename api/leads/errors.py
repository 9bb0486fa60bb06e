"""Error codes of lead mutations and webhooks."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class LeadErrorCode(StrEnum):
    LEAD_NOT_FOUND = "LEAD_NOT_FOUND"
    CUSTOMER_NOT_FOUND = "CUSTOMER_NOT_FOUND"
    USER_NOT_FOUND = "USER_NOT_FOUND"
    CHANNEL_NOT_FOUND = "CHANNEL_NOT_FOUND"
    INTAKE_NOT_FOUND = "INTAKE_NOT_FOUND"
    IMPORT_NOT_FOUND = "IMPORT_NOT_FOUND"
    RULE_SET_NOT_FOUND = "RULE_SET_NOT_FOUND"
    UPLOAD_NOT_FOUND = "UPLOAD_NOT_FOUND"
    UPLOAD_WRONG_KIND = "UPLOAD_WRONG_KIND"
    NO_CONTACT = "NO_CONTACT"
    NO_NAME = "NO_NAME"
    INVALID_PHONE = "INVALID_PHONE"
    INVALID_EMAIL = "INVALID_EMAIL"
    INVALID_VALUE = "INVALID_VALUE"
    TOO_LONG = "TOO_LONG"
    TOO_MANY_ITEMS = "TOO_MANY_ITEMS"
    INVALID_RULES = "INVALID_RULES"
    INVALID_LEAD_POLICY = "INVALID_LEAD_POLICY"
    INVALID_MAPPING = "INVALID_MAPPING"
    REASON_REQUIRED = "REASON_REQUIRED"
    NOT_YOUR_LEAD = "NOT_YOUR_LEAD"
    LEAD_CLOSED = "LEAD_CLOSED"
    ASSIGNEE_NOT_PERMITTED = "ASSIGNEE_NOT_PERMITTED"
    ALREADY_ASSIGNED = "ALREADY_ASSIGNED"
    RULE_SET_NOT_DRAFT = "RULE_SET_NOT_DRAFT"
    INTAKE_NOT_HELD = "INTAKE_NOT_HELD"
    SAME_CUSTOMER = "SAME_CUSTOMER"
    CUSTOMER_MERGED = "CUSTOMER_MERGED"
    INVALID_STAGE = "INVALID_STAGE"
    UNREADABLE_TABLE = "UNREADABLE_TABLE"


i18n.register(
    {
        "LEAD_NOT_FOUND": ("未找到该线索", "Lead not found"),
        "CUSTOMER_NOT_FOUND": ("未找到该客户", "Customer not found"),
        "USER_NOT_FOUND": ("未找到该成员", "User not found"),
        "CHANNEL_NOT_FOUND": ("未找到该线索渠道", "Lead channel not found"),
        "INTAKE_NOT_FOUND": ("未找到该推送记录", "Intake record not found"),
        "IMPORT_NOT_FOUND": ("未找到该导入任务", "Import not found"),
        "RULE_SET_NOT_FOUND": ("未找到该分配规则版本", "Routing rule set not found"),
        "UPLOAD_NOT_FOUND": ("未找到该上传文件", "Upload not found"),
        "UPLOAD_WRONG_KIND": (
            "上传文件类型不符（需要{expected}）",
            "Wrong kind of upload ({expected} expected)",
        ),
        "NO_CONTACT": (
            "线索至少需要手机号、邮箱或微信号之一",
            "A lead needs a phone number, an e-mail address or a WeChat ID",
        ),
        "NO_NAME": ("线索需要联系人姓名或公司名称", "A lead needs a contact or company name"),
        "INVALID_PHONE": ("电话号码格式无效", "Invalid phone number"),
        "INVALID_EMAIL": ("邮箱格式无效", "Invalid e-mail address"),
        "INVALID_VALUE": ("取值无效：{reason}", "Invalid value: {reason}"),
        "TOO_LONG": ("内容过长（最多 {max} 个字符）", "Too long (at most {max} characters)"),
        "TOO_MANY_ITEMS": ("条目过多（最多 {max} 条）", "Too many items (at most {max})"),
        "INVALID_RULES": ("分配规则无效：{reason}", "Invalid routing rules: {reason}"),
        "INVALID_LEAD_POLICY": ("线索规则无效：{reason}", "Invalid lead policy: {reason}"),
        "INVALID_MAPPING": ("字段映射无效：{reason}", "Invalid field mapping: {reason}"),
        "REASON_REQUIRED": ("请填写原因", "A reason is required"),
        "NOT_YOUR_LEAD": ("只能操作分配给自己的线索", "Only leads assigned to you can be changed"),
        "LEAD_CLOSED": ("线索已关闭", "The lead is closed"),
        "ASSIGNEE_NOT_PERMITTED": (
            "该成员当前的权限不能接收这条线索（{missing}）",
            "This person may not receive this lead yet ({missing})",
        ),
        "ALREADY_ASSIGNED": ("线索已分配给该成员", "The lead is already assigned to this person"),
        "RULE_SET_NOT_DRAFT": (
            "只能启用草稿状态的规则版本",
            "Only a draft rule set can be activated",
        ),
        "INTAKE_NOT_HELD": (
            "只有待处理的推送记录可以重放或丢弃",
            "Only held intake records can be replayed or discarded",
        ),
        "SAME_CUSTOMER": ("不能把客户合并到自身", "A customer cannot be merged into itself"),
        "CUSTOMER_MERGED": (
            "该客户已被合并到其他客户",
            "This customer has already been merged into another",
        ),
        "INVALID_STAGE": (
            "线索阶段不能从{current}变为{wanted}",
            "A lead cannot move from {current} to {wanted}",
        ),
        "UNREADABLE_TABLE": (
            "无法读取导入文件：{reason}",
            "The import file is unreadable: {reason}",
        ),
    }
)
