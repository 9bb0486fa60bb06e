"""Lead webhook signatures: who is accepted, who is refused, and why."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from api.leads.signatures import (
    DEFAULT_TOLERANCE,
    SignatureError,
    SignatureProblem,
    delivery_key,
    generate_secret,
    sign,
    verify,
)

NOW = datetime(2024, 6, 10, 8, 0, tzinfo=UTC)
T = int(NOW.timestamp())
SECRET = "current-secret"
PREVIOUS = "previous-secret"
BODY = '{"clue_id": "7283", "name": "张伟", "telephone": "13800138000"}'.encode()


def _verify(*, secrets=(SECRET,), timestamp=str(T), signature=None, body=BODY, now=NOW):
    if signature is None:
        signature = sign(SECRET, T, BODY)
    return verify(secrets=secrets, timestamp=timestamp, signature=signature, body=body, now=now)


def _problem(**kwargs) -> SignatureProblem:
    with pytest.raises(SignatureError) as caught:
        _verify(**kwargs)
    return caught.value.problem


def test_the_signature_is_hmac_sha256_of_timestamp_dot_body_in_hex():
    expected = hmac.new(SECRET.encode(), f"{T}.".encode() + BODY, hashlib.sha256).hexdigest()
    assert sign(SECRET, T, BODY) == f"sha256={expected}"


def test_a_correctly_signed_fresh_request_is_accepted_with_its_time_and_secret():
    verified = _verify()
    assert verified.timestamp == NOW
    assert verified.secret_index == 0


def test_a_request_signed_with_another_secret_is_a_mismatch():
    assert _problem(signature=sign("someone-else", T, BODY)) is SignatureProblem.MISMATCH


def test_a_tampered_body_is_a_mismatch():
    tampered = BODY.replace(b"13800138000", b"13900139000")
    assert _problem(body=tampered) is SignatureProblem.MISMATCH


def test_a_replayed_signature_with_a_fresh_timestamp_is_a_mismatch():
    later = T + 60
    assert _problem(timestamp=str(later), now=NOW + timedelta(seconds=60)) is (
        SignatureProblem.MISMATCH
    )


def test_a_request_older_than_the_tolerance_is_stale():
    old = T - int(DEFAULT_TOLERANCE.total_seconds()) - 1
    signature = sign(SECRET, old, BODY)
    assert _problem(timestamp=str(old), signature=signature) is SignatureProblem.STALE


def test_a_request_from_further_than_the_tolerance_in_the_future_is_stale():
    ahead = T + int(DEFAULT_TOLERANCE.total_seconds()) + 1
    signature = sign(SECRET, ahead, BODY)
    assert _problem(timestamp=str(ahead), signature=signature) is SignatureProblem.STALE


def test_a_request_just_inside_the_tolerance_either_way_is_accepted():
    edge = int(DEFAULT_TOLERANCE.total_seconds())
    for moment in (T - edge, T + edge):
        signature = sign(SECRET, moment, BODY)
        assert _verify(timestamp=str(moment), signature=signature).timestamp == (
            datetime.fromtimestamp(moment, UTC)
        )


@pytest.mark.parametrize(("timestamp", "signature"), [(None, "x"), ("", "x"), ("1", None)])
def test_missing_headers_are_reported_as_missing(timestamp, signature):
    with pytest.raises(SignatureError) as caught:
        verify(secrets=[SECRET], timestamp=timestamp, signature=signature, body=BODY, now=NOW)
    assert caught.value.problem is SignatureProblem.MISSING


@pytest.mark.parametrize(
    "signature",
    [
        sign(SECRET, T, BODY).removeprefix("sha256="),  # no scheme
        "sha1=" + "a" * 40,
        "sha256=" + "g" * 64,  # not hex
        "sha256=" + "a" * 63,
        "sha256=" + "a" * 65,
        "sha256=" + "a" * 64 + "\n" + "a",
    ],
)
def test_a_signature_header_not_of_the_form_sha256_hex_is_malformed(signature):
    assert _problem(signature=signature) is SignatureProblem.MALFORMED


@pytest.mark.parametrize(
    "timestamp", ["soon", "1718000000.5", "-1718000000", "0x66", str(T * 1000), "9" * 40]
)
def test_a_timestamp_that_is_not_unix_seconds_is_malformed(timestamp):
    assert _problem(timestamp=timestamp) is SignatureProblem.MALFORMED


def test_an_upper_case_hex_signature_is_the_same_signature():
    assert _verify(signature=sign(SECRET, T, BODY).upper().replace("SHA256=", "sha256="))


def test_during_rotation_the_previous_secret_is_still_accepted_and_named():
    signed_with_previous = sign(PREVIOUS, T, BODY)
    verified = _verify(secrets=(SECRET, PREVIOUS), signature=signed_with_previous)
    assert verified.secret_index == 1
    assert _problem(secrets=(SECRET,), signature=signed_with_previous) is (
        SignatureProblem.MISMATCH
    )


def test_an_empty_secret_authenticates_nothing():
    assert _problem(secrets=("",), signature=sign("", T, BODY)) is SignatureProblem.MISMATCH
    assert _problem(secrets=()) is SignatureProblem.MISMATCH


def test_now_must_carry_a_time_zone():
    with pytest.raises(ValueError, match="timezone"):
        _verify(now=NOW.replace(tzinfo=None))


def test_generated_secrets_are_long_and_unique():
    first, second = generate_secret(), generate_secret()
    assert first != second
    assert len(first) >= 43


@given(body=st.binary(max_size=512), flip=st.integers(min_value=0))
def test_any_body_round_trips_and_any_changed_byte_is_refused(body, flip):
    signature = sign(SECRET, T, body)
    assert verify(secrets=[SECRET], timestamp=str(T), signature=signature, body=body, now=NOW)
    changed = bytearray(body or b"\x00")
    changed[flip % len(changed)] ^= 0x01
    if bytes(changed) != body:
        with pytest.raises(SignatureError):
            verify(
                secrets=[SECRET],
                timestamp=str(T),
                signature=signature,
                body=bytes(changed),
                now=NOW,
            )


def test_the_delivery_key_is_the_senders_delivery_id_when_sane():
    signature = sign(SECRET, T, BODY)
    assert delivery_key("evt_01HZX5", signature) == "evt_01HZX5"
    assert delivery_key("  evt_01HZX5 ", signature) == "evt_01HZX5"
    assert delivery_key("x" * 128, signature) == "x" * 128


@pytest.mark.parametrize("delivery", [None, "", "   ", "x" * 129, "线索-1", "a\nb", "a\x00b"])
def test_without_a_sane_delivery_id_the_key_is_the_signatures_hex_digest(delivery):
    signature = sign(SECRET, T, BODY)
    assert delivery_key(delivery, signature) == signature.removeprefix("sha256=")
    assert delivery_key(delivery, signature.upper().replace("SHA256=", "sha256=")) == (
        signature.removeprefix("sha256=")
    )
