"""An organisation's verification thresholds: defaults from DOMAIN.md §1, validated on load.

The API stores one policy per organisation as JSON (only the fields the organisation changed)
and builds a :class:`VerificationPolicy` with :meth:`VerificationPolicy.from_overrides`, which
refuses unknown fields and values out of range with :class:`PolicyError`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import time
from typing import Any


class PolicyError(ValueError):
    """A policy value is unknown, of the wrong type or out of range; ``field`` names it."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class VerificationPolicy:
    # GPS
    default_site_radius_m: float = 300.0  # a site without its own radius
    accuracy_widening_cap_m: float = 200.0  # the radius widens by the reported accuracy, up to this
    far_factor: float = 3.0  # beyond this many allowed radii: not on site at all (FAIL)
    max_accuracy_m: float = 500.0  # worse than this: position cannot be verified
    max_speed_kmh: float = 150.0  # implied speed from the previous check-in
    replay_decimals: int = 6  # identical coordinates at this precision = replay
    signature_fixes: int = 3  # this many fixes with identical accuracy/altitude/speed = virtual app
    max_clock_drift_s: float = 120.0
    # Photos
    photo_time_slack_s: float = 300.0  # EXIF time may precede the visit start by this much
    photo_exif_gps_max_m: float = 500.0
    photo_reuse_max_distance: int = 10  # Hamming distance of 64-bit perceptual hashes
    # Voice
    voice_min_s: float = 10.0
    voice_max_s: float = 300.0
    voice_min_speech_ratio: float = 0.3
    voice_duplicate_similarity: float = 0.35  # fingerprint bit-error rate at or below: duplicate
    # The visit as a whole
    visit_min_minutes: float = 5.0
    visit_end_max_distance_m: float = 500.0
    working_day_end: time = time(18, 0)  # organisation local time
    backfill_window_minutes: float = 5.0
    backfill_min_visits: int = 3
    suspicious_below_score: int = 70  # a score below this is SUSPICIOUS even without a WARN

    @classmethod
    def from_overrides(cls, overrides: Mapping[str, Any]) -> VerificationPolicy:
        """Defaults with ``overrides`` applied; raises PolicyError for anything invalid."""
        names = {f.name: f for f in dataclasses.fields(cls)}
        values: dict[str, Any] = {}
        for name, raw in overrides.items():
            if name not in names:
                raise PolicyError(name, "unknown setting")
            values[name] = _coerce(name, raw, type(getattr(cls(), name)))
        policy = cls(**values)
        policy.validate()
        return policy

    def to_overrides(self) -> dict[str, Any]:
        """The fields that differ from the defaults, JSON-safe (times as "HH:MM")."""
        default = VerificationPolicy()
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value != getattr(default, f.name):
                out[f.name] = value.strftime("%H:%M") if isinstance(value, time) else value
        return out

    def validate(self) -> None:
        positive = (
            "default_site_radius_m",
            "far_factor",
            "max_accuracy_m",
            "max_speed_kmh",
            "max_clock_drift_s",
            "photo_exif_gps_max_m",
            "voice_min_s",
            "voice_max_s",
            "visit_end_max_distance_m",
            "backfill_window_minutes",
        )
        for name in positive:
            if getattr(self, name) <= 0:
                raise PolicyError(name, "must be positive")
        for name in ("accuracy_widening_cap_m", "photo_time_slack_s", "visit_min_minutes"):
            if getattr(self, name) < 0:
                raise PolicyError(name, "must not be negative")
        if self.far_factor < 1:
            raise PolicyError("far_factor", "must be at least 1")
        if not 1 <= self.replay_decimals <= 8:
            raise PolicyError("replay_decimals", "must be between 1 and 8")
        if not 2 <= self.signature_fixes <= 20:
            raise PolicyError("signature_fixes", "must be between 2 and 20")
        if not 0 <= self.photo_reuse_max_distance <= 20:
            raise PolicyError("photo_reuse_max_distance", "must be between 0 and 20")
        if self.voice_max_s <= self.voice_min_s:
            raise PolicyError("voice_max_s", "must be longer than voice_min_s")
        if not 0 <= self.voice_min_speech_ratio <= 1:
            raise PolicyError("voice_min_speech_ratio", "must be between 0 and 1")
        if not 0 < self.voice_duplicate_similarity < 0.5:
            raise PolicyError("voice_duplicate_similarity", "must be between 0 and 0.5")
        if self.backfill_min_visits < 2:
            raise PolicyError("backfill_min_visits", "must be at least 2")
        if not 0 <= self.suspicious_below_score <= 100:
            raise PolicyError("suspicious_below_score", "must be between 0 and 100")


def _coerce(name: str, raw: Any, kind: type) -> Any:
    if kind is time:
        if isinstance(raw, time):
            return raw
        try:
            hours, minutes = str(raw).split(":")
            return time(int(hours), int(minutes))
        except ValueError:
            raise PolicyError(name, 'must be a time "HH:MM"') from None
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise PolicyError(name, "must be a number")
    if kind is int:
        if isinstance(raw, float) and not raw.is_integer():
            raise PolicyError(name, "must be a whole number")
        return int(raw)
    return float(raw)
