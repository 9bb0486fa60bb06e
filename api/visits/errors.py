"""Error codes of visit mutations."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class VisitErrorCode(StrEnum):
    VISIT_NOT_FOUND = "VISIT_NOT_FOUND"
    SITE_NOT_FOUND = "SITE_NOT_FOUND"
    UPLOAD_NOT_FOUND = "UPLOAD_NOT_FOUND"
    UPLOAD_WRONG_KIND = "UPLOAD_WRONG_KIND"
    UPLOAD_ALREADY_USED = "UPLOAD_ALREADY_USED"
    UNREADABLE_MEDIA = "UNREADABLE_MEDIA"
    INVALID_POSITION = "INVALID_POSITION"
    INVALID_ACCURACY = "INVALID_ACCURACY"
    INVALID_TIMESTAMP = "INVALID_TIMESTAMP"
    TOO_LONG = "TOO_LONG"
    TOO_MANY_ITEMS = "TOO_MANY_ITEMS"
    VISIT_ALREADY_OPEN = "VISIT_ALREADY_OPEN"
    VISIT_CLOSED = "VISIT_CLOSED"
    NOT_YOUR_VISIT = "NOT_YOUR_VISIT"
    NOT_AUDITABLE = "NOT_AUDITABLE"
    OWN_VISIT = "OWN_VISIT"
    COMMENT_REQUIRED = "COMMENT_REQUIRED"
    INVALID_POLICY = "INVALID_POLICY"


i18n.register(
    {
        "VISIT_NOT_FOUND": ("未找到该拜访", "Visit not found"),
        "UPLOAD_NOT_FOUND": ("未找到该上传文件", "Upload not found"),
        "UPLOAD_WRONG_KIND": (
            "上传文件类型不符（需要{expected}）",
            "Wrong kind of upload ({expected} expected)",
        ),
        "UPLOAD_ALREADY_USED": (
            "该文件已用于另一条拜访",
            "This upload already belongs to another visit",
        ),
        "UNREADABLE_MEDIA": ("文件无法解码", "The file cannot be decoded"),
        "INVALID_POSITION": ("定位无效", "Invalid position"),
        "INVALID_ACCURACY": ("定位精度无效", "Invalid position accuracy"),
        "INVALID_TIMESTAMP": ("时间须带时区", "Times must carry a time zone"),
        "VISIT_ALREADY_OPEN": (
            "你还有一条未结束的拜访（{visit_code}），请先结束",
            "You still have an open visit ({visit_code}); end it first",
        ),
        "VISIT_CLOSED": ("拜访已结束，不能再修改", "The visit has ended and cannot change"),
        "NOT_YOUR_VISIT": ("只能操作自己的拜访", "Only your own visits can be changed"),
        "NOT_AUDITABLE": (
            "只有已结束且存疑或被驳回的拜访可以审核",
            "Only ended visits that are suspicious or rejected can be audited",
        ),
        "OWN_VISIT": ("不能审核自己的拜访", "You cannot audit your own visit"),
        "COMMENT_REQUIRED": ("请填写审核意见", "A comment is required"),
        "INVALID_POLICY": ("校验规则无效：{reason}", "Invalid verification policy: {reason}"),
    }
)
