"""Error codes of uploads and media links, with the messages people see."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class UploadErrorCode(StrEnum):
    MALFORMED_REQUEST = "MALFORMED_REQUEST"
    MISSING_FILE = "MISSING_FILE"
    INVALID_KIND = "INVALID_KIND"
    EMPTY_FILE = "EMPTY_FILE"
    FILE_TOO_LARGE = "FILE_TOO_LARGE"
    UNSUPPORTED_TYPE = "UNSUPPORTED_TYPE"
    CORRUPT_FILE = "CORRUPT_FILE"
    DECOMPRESSION_BOMB = "DECOMPRESSION_BOMB"
    POLYGLOT = "POLYGLOT"
    VOICE_TOO_LONG = "VOICE_TOO_LONG"
    MEDIA_LINK_INVALID = "MEDIA_LINK_INVALID"
    UNREADABLE_TABLE = "UNREADABLE_TABLE"


i18n.register(
    {
        "MALFORMED_REQUEST": (
            "上传请求格式错误，请使用 multipart/form-data 上传一个名为 file 的文件",
            "Malformed upload: send multipart/form-data with one file field named 'file'",
        ),
        "MISSING_FILE": ("请选择要上传的文件", "No file was uploaded (field 'file')"),
        "INVALID_KIND": (
            "上传类型必须是 photo（照片）、voice（录音）或 table（导入表格）",
            "The upload kind must be 'photo', 'voice' or 'table'",
        ),
        "EMPTY_FILE": ("文件为空", "The file is empty"),
        "FILE_TOO_LARGE": (
            "文件过大，最大 {limit_mb} MB",
            "The file is too large (limit {limit_mb} MB)",
        ),
        "UNSUPPORTED_TYPE": (
            "不支持的文件类型：照片仅支持 JPEG、PNG、WebP，录音仅支持 MP3、AAC、M4A、WAV",
            "Unsupported file type: photos must be JPEG, PNG or WebP; "
            "recordings MP3, AAC, M4A or WAV",
        ),
        "CORRUPT_FILE": (
            "文件已损坏或不完整，请重新拍摄或录制后上传",
            "The file is damaged or incomplete; take or record it again",
        ),
        "DECOMPRESSION_BOMB": (
            "图片像素过多，最多 {max_megapixels} 百万像素",
            "The image has too many pixels (at most {max_megapixels} megapixels)",
        ),
        "POLYGLOT": (
            "文件中夹带了其他内容，已拒绝",
            "The file carries embedded content of another kind and was refused",
        ),
        "VOICE_TOO_LONG": (
            "录音过长，最长 {max_seconds} 秒",
            "The recording is too long (at most {max_seconds} seconds)",
        ),
        "MEDIA_LINK_INVALID": (
            "媒体链接无效或已过期，请刷新后重试",
            "The media link is invalid or has expired; refresh and try again",
        ),
        # The same code and texts as api.leads.errors (one catalogue: the texts must match).
        "UNREADABLE_TABLE": (
            "无法读取导入文件：{reason}",
            "The import file is unreadable: {reason}",
        ),
    }
)
