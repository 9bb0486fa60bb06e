"""What a check found: a code, a severity, parameters for its message, and the evidence it is about.

Every finding code has a zh-CN and an English message; the parameters fill the message and are
also returned to clients as data (distances in metres, seconds, the earlier visit a photo came
from). Findings are values: checks return them, the verdict combines them, storage keeps them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    """How much a finding weighs against a visit.

    INFO: evidence that holds up or context worth showing (no penalty);
    WARN: doubtful, a manager should look (the visit becomes SUSPICIOUS);
    FAIL: evidence of cheating or evidence that cannot be true (the visit is REJECTED).
    """

    INFO = "info"
    WARN = "warn"
    FAIL = "fail"


class FindingCode(StrEnum):
    # GPS
    GPS_ON_SITE = "GPS_ON_SITE"
    GPS_OUT_OF_RANGE = "GPS_OUT_OF_RANGE"
    GPS_FAR_FROM_SITE = "GPS_FAR_FROM_SITE"
    GPS_ACCURACY_POOR = "GPS_ACCURACY_POOR"
    GPS_IMPOSSIBLE_TRAVEL = "GPS_IMPOSSIBLE_TRAVEL"
    GPS_REPLAYED = "GPS_REPLAYED"
    GPS_VIRTUAL_LOCATION = "GPS_VIRTUAL_LOCATION"
    CLOCK_DRIFT = "CLOCK_DRIFT"
    WIFI_MATCHED = "WIFI_MATCHED"
    WIFI_UNKNOWN = "WIFI_UNKNOWN"
    # Photos
    PHOTO_FROM_ALBUM = "PHOTO_FROM_ALBUM"
    PHOTO_EXIF_TIME_OUTSIDE_VISIT = "PHOTO_EXIF_TIME_OUTSIDE_VISIT"
    PHOTO_EXIF_GPS_FAR = "PHOTO_EXIF_GPS_FAR"
    PHOTO_REUSED = "PHOTO_REUSED"
    # Voice
    VOICE_TOO_SHORT = "VOICE_TOO_SHORT"
    VOICE_TOO_LONG = "VOICE_TOO_LONG"
    VOICE_NO_SPEECH = "VOICE_NO_SPEECH"
    VOICE_DUPLICATE = "VOICE_DUPLICATE"
    VOICE_NO_TRANSCRIPT = "VOICE_NO_TRANSCRIPT"
    # The visit as a whole
    VISIT_TOO_SHORT = "VISIT_TOO_SHORT"
    VISIT_END_FAR_FROM_START = "VISIT_END_FAR_FROM_START"
    VISIT_BACKFILL_PATTERN = "VISIT_BACKFILL_PATTERN"
    VISIT_MISSING_PHOTO = "VISIT_MISSING_PHOTO"
    VISIT_MISSING_VOICE = "VISIT_MISSING_VOICE"
    VISIT_MISSING_END_POSITION = "VISIT_MISSING_END_POSITION"


# code -> (zh-CN, en); str.format placeholders are filled from Finding.params.
MESSAGES: dict[FindingCode, tuple[str, str]] = {
    FindingCode.GPS_ON_SITE: (
        "定位在客户地点 {distance_m} 米内（允许 {allowed_m} 米）。",
        "Position {distance_m} m from the customer site (allowed {allowed_m} m).",
    ),
    FindingCode.GPS_OUT_OF_RANGE: (
        "定位距客户地点 {distance_m} 米，超出允许范围 {allowed_m} 米。",
        "Position is {distance_m} m from the customer site, beyond the allowed {allowed_m} m.",
    ),
    FindingCode.GPS_FAR_FROM_SITE: (
        "定位距客户地点 {distance_m} 米，远超允许范围 {allowed_m} 米，不在现场。",
        "Position is {distance_m} m from the customer site, far beyond the allowed {allowed_m} m:"
        " not on site.",
    ),
    FindingCode.GPS_ACCURACY_POOR: (
        "定位精度 {accuracy_m} 米，差于 {limit_m} 米，无法确认位置。",
        "Reported accuracy {accuracy_m} m is worse than {limit_m} m: position cannot be verified.",
    ),
    FindingCode.GPS_IMPOSSIBLE_TRAVEL: (
        "距上次签到 {distance_km} 公里、间隔 {minutes} 分钟，需时速 {speed_kmh} 公里，不可能到达。",
        "{distance_km} km from the previous check-in in {minutes} min needs {speed_kmh} km/h:"
        " impossible travel.",
    ),
    FindingCode.GPS_REPLAYED: (
        "坐标与 {previous_at} 的一次签到完全相同（精确到小数点后 6 位），疑为重放。",
        "Coordinates identical to 6 decimals with a check-in at {previous_at}: replayed position.",
    ),
    FindingCode.GPS_VIRTUAL_LOCATION: (
        "最近 {count} 次定位的精度、海拔和速度完全不变，符合虚拟定位软件特征。",
        "The last {count} fixes share exactly the same accuracy, altitude and speed, the"
        " signature of a virtual-location app.",
    ),
    FindingCode.CLOCK_DRIFT: (
        "手机时间与服务器相差 {drift_s} 秒（允许 {limit_s} 秒），以服务器时间为准。",
        "Phone clock differs from the server by {drift_s} s (allowed {limit_s} s); server time"
        " is the record.",
    ),
    FindingCode.WIFI_MATCHED: (
        "附近 Wi-Fi 与该客户以往已核实拜访中出现的 {matched} 个热点一致。",
        "{matched} nearby Wi-Fi access points match those seen at this customer's verified visits.",
    ),
    FindingCode.WIFI_UNKNOWN: (
        "附近 Wi-Fi 与该客户以往已核实拜访中出现的 {known} 个热点均不一致。",
        "None of the nearby Wi-Fi access points match the {known} seen at this customer's"
        " verified visits.",
    ),
    FindingCode.PHOTO_FROM_ALBUM: (
        "照片来自相册，而非现场拍摄。",
        "The photo was picked from the album, not taken on site.",
    ),
    FindingCode.PHOTO_EXIF_TIME_OUTSIDE_VISIT: (
        "照片拍摄时间 {taken_at} 不在拜访时段内。",
        "The photo was taken at {taken_at}, outside the visit.",
    ),
    FindingCode.PHOTO_EXIF_GPS_FAR: (
        "照片自带的拍摄位置距签到点 {distance_m} 米。",
        "The photo's own GPS position is {distance_m} m from the check-in.",
    ),
    FindingCode.PHOTO_REUSED: (
        "照片与 {previous_at} 的拜访（{previous_code}）中的照片相同或为其修改版。",
        "The photo is the same as, or an altered copy of, a photo from visit {previous_code}"
        " at {previous_at}.",
    ),
    FindingCode.VOICE_TOO_SHORT: (
        "录音时长 {duration_s} 秒，短于 {limit_s} 秒。",
        "The recording lasts {duration_s} s, shorter than {limit_s} s.",
    ),
    FindingCode.VOICE_TOO_LONG: (
        "录音时长 {duration_s} 秒，长于 {limit_s} 秒。",
        "The recording lasts {duration_s} s, longer than {limit_s} s.",
    ),
    FindingCode.VOICE_NO_SPEECH: (
        "录音中语音占比 {speech_pct}%，几乎没有人声。",
        "Speech fills {speech_pct}% of the recording: almost no voice.",
    ),
    FindingCode.VOICE_DUPLICATE: (
        "录音与 {previous_at} 的拜访（{previous_code}）中的录音相同。",
        "The recording duplicates the one from visit {previous_code} at {previous_at}.",
    ),
    FindingCode.VOICE_NO_TRANSCRIPT: (
        "没有录音文字稿，无法提取关键词。",
        "No transcript: keywords cannot be extracted.",
    ),
    FindingCode.VISIT_TOO_SHORT: (
        "拜访仅持续 {minutes} 分钟，短于 {limit_minutes} 分钟。",
        "The visit lasted {minutes} min, shorter than {limit_minutes} min.",
    ),
    FindingCode.VISIT_END_FAR_FROM_START: (
        "结束位置距开始位置 {distance_m} 米。",
        "The visit ended {distance_m} m from where it started.",
    ),
    FindingCode.VISIT_BACKFILL_PATTERN: (
        "下班前 {window_minutes} 分钟内集中录入了 {count} 条无佐证的拜访，符合补录造假特征。",
        "{count} visits without evidence were entered in the last {window_minutes} min of the"
        " working day: the end-of-day backfill pattern.",
    ),
    FindingCode.VISIT_MISSING_PHOTO: (
        "拜访没有现场照片。",
        "The visit has no on-site photo.",
    ),
    FindingCode.VISIT_MISSING_VOICE: (
        "拜访没有语音总结。",
        "The visit has no voice summary.",
    ),
    FindingCode.VISIT_MISSING_END_POSITION: (
        "结束拜访时没有定位。",
        "The visit was ended without a position.",
    ),
}

LOCALES = ("zh-CN", "en")


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing a check found.

    ``params`` hold JSON-safe values (str, int, float, bool) that fill the message; ``evidence``
    names what the finding is about, e.g. ``"gps:start"``, ``"photo:<upload id>"``,
    ``"voice:<upload id>"``, ``"visit:<visit id>"``.
    """

    code: FindingCode
    severity: Severity
    params: Mapping[str, Any] = field(default_factory=dict)
    evidence: str | None = None

    def message(self, locale: str = "zh-CN") -> str:
        zh, en = MESSAGES[self.code]
        template = en if locale.startswith("en") else zh
        return template.format(**self.params)

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code.value,
            "severity": self.severity.value,
            "params": dict(self.params),
            "evidence": self.evidence,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Finding:
        return cls(
            code=FindingCode(data["code"]),
            severity=Severity(data["severity"]),
            params=dict(data.get("params") or {}),
            evidence=data.get("evidence"),
        )
