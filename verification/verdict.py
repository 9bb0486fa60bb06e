"""The verdict on a visit: an explainable combination of its findings.

Each finding costs points by severity (INFO 0, WARN 15, FAIL 60) from a score of 100. The
verdict follows the worst finding, not the score alone, so that one piece of evidence that
cannot be true is never averaged away by good evidence elsewhere:

- an open visit is PENDING whatever it has so far (the rep still sees every finding);
- a closed visit with any FAIL finding is REJECTED;
- with any WARN finding, or a score below the policy's ``suspicious_below_score``, SUSPICIOUS;
- otherwise VERIFIED.

``reasons`` are the findings that decided the verdict (worst first), for the first line a
person reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from verification.findings import Finding, Severity
from verification.policy import VerificationPolicy

PENALTY = {Severity.INFO: 0, Severity.WARN: 15, Severity.FAIL: 60}
_RANK = {Severity.FAIL: 0, Severity.WARN: 1, Severity.INFO: 2}


class Verdict(StrEnum):
    VERIFIED = "VERIFIED"
    SUSPICIOUS = "SUSPICIOUS"
    REJECTED = "REJECTED"
    PENDING = "PENDING"


@dataclass(frozen=True, slots=True)
class Assessment:
    verdict: Verdict
    score: int  # 0..100
    reasons: tuple[Finding, ...]


def score_of(findings: Sequence[Finding]) -> int:
    """100 minus the penalties of the findings, never below 0."""
    return max(0, 100 - sum(PENALTY[f.severity] for f in findings))


def worst_first(findings: Sequence[Finding]) -> list[Finding]:
    """Findings ordered FAIL, WARN, INFO, keeping their order within a severity."""
    return sorted(findings, key=lambda f: _RANK[f.severity])


def assess(findings: Sequence[Finding], *, closed: bool, policy: VerificationPolicy) -> Assessment:
    """The verdict, score and deciding findings of a visit (``closed``: the rep ended it)."""
    score = score_of(findings)
    fails = tuple(f for f in findings if f.severity is Severity.FAIL)
    warns = tuple(f for f in findings if f.severity is Severity.WARN)
    if not closed:
        return Assessment(Verdict.PENDING, score, fails + warns)
    if fails:
        return Assessment(Verdict.REJECTED, score, fails)
    if warns or score < policy.suspicious_below_score:
        return Assessment(Verdict.SUSPICIOUS, score, warns)
    return Assessment(Verdict.VERIFIED, score, ())
