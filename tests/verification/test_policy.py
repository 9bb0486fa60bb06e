"""Per-organisation thresholds: our defaults, overrides validated, only differences stored."""

from __future__ import annotations

from datetime import time

import pytest

from verification.policy import PolicyError, VerificationPolicy


def test_the_defaults_are_domain_md_s():
    policy = VerificationPolicy()
    assert policy.default_site_radius_m == 300
    assert policy.accuracy_widening_cap_m == 200
    assert policy.max_accuracy_m == 500
    assert policy.max_speed_kmh == 150
    assert policy.max_clock_drift_s == 120
    assert (policy.voice_min_s, policy.voice_max_s) == (10, 300)


def test_overrides_round_trip_and_only_differences_are_kept():
    policy = VerificationPolicy.from_overrides({"max_speed_kmh": 120, "working_day_end": "17:30"})
    assert policy.max_speed_kmh == 120.0
    assert policy.working_day_end == time(17, 30)
    assert policy.to_overrides() == {"max_speed_kmh": 120.0, "working_day_end": "17:30"}
    assert VerificationPolicy.from_overrides(policy.to_overrides()) == policy


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"no_such_thing": 1}, "no_such_thing"),
        ({"max_speed_kmh": "fast"}, "max_speed_kmh"),
        ({"max_speed_kmh": True}, "max_speed_kmh"),
        ({"max_speed_kmh": -5}, "max_speed_kmh"),
        ({"replay_decimals": 2.5}, "replay_decimals"),
        ({"voice_min_s": 400}, "voice_max_s"),
        ({"working_day_end": "25:99"}, "working_day_end"),
        ({"far_factor": 0.5}, "far_factor"),
    ],
)
def test_invalid_overrides_name_the_field(overrides, field):
    with pytest.raises(PolicyError) as caught:
        VerificationPolicy.from_overrides(overrides)
    assert caught.value.field == field
