"""The verdict follows the worst finding; the score explains how much was wrong."""

from __future__ import annotations

from verification.findings import Finding, FindingCode, Severity
from verification.policy import VerificationPolicy
from verification.verdict import Verdict, assess, score_of, worst_first

POLICY = VerificationPolicy()
ON_SITE = Finding(FindingCode.GPS_ON_SITE, Severity.INFO, {"distance_m": 12, "allowed_m": 325})
DRIFT = Finding(FindingCode.CLOCK_DRIFT, Severity.WARN, {"drift_s": 600, "limit_s": 120})
REUSED = Finding(
    FindingCode.PHOTO_REUSED,
    Severity.FAIL,
    {"previous_code": "V-241101-AAAAAA", "previous_at": "2024-11-01 10:00"},
)


def test_an_open_visit_is_pending_whatever_it_has():
    assert assess([REUSED], closed=False, policy=POLICY).verdict is Verdict.PENDING
    assert assess([], closed=False, policy=POLICY).verdict is Verdict.PENDING


def test_a_closed_visit_with_only_good_evidence_is_verified():
    result = assess([ON_SITE], closed=True, policy=POLICY)
    assert (result.verdict, result.score, result.reasons) == (Verdict.VERIFIED, 100, ())


def test_one_doubtful_finding_makes_it_suspicious():
    result = assess([ON_SITE, DRIFT], closed=True, policy=POLICY)
    assert result.verdict is Verdict.SUSPICIOUS
    assert result.reasons == (DRIFT,)
    assert result.score == 85


def test_evidence_that_cannot_be_true_rejects_even_among_good_evidence():
    result = assess([ON_SITE, ON_SITE, DRIFT, REUSED], closed=True, policy=POLICY)
    assert result.verdict is Verdict.REJECTED
    assert result.reasons == (REUSED,)


def test_a_low_score_alone_is_suspicious_when_the_policy_says_so():
    strict = VerificationPolicy(suspicious_below_score=101)
    assert assess([ON_SITE], closed=True, policy=strict).verdict is Verdict.SUSPICIOUS


def test_the_score_never_goes_below_zero_and_findings_sort_worst_first():
    assert score_of([REUSED, REUSED, DRIFT]) == 0
    assert worst_first([ON_SITE, DRIFT, REUSED]) == [REUSED, DRIFT, ON_SITE]


def test_every_finding_has_both_messages_filled_from_its_params():
    text = REUSED.message("en")
    assert "V-241101-AAAAAA" in text
    assert "V-241101-AAAAAA" in REUSED.message("zh-CN")
    assert Finding.from_json(REUSED.to_json()) == REUSED
