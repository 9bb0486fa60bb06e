"""Fair, load-aware assignment: weighted shares over many leads, capacity as a hard limit."""

from __future__ import annotations

import random
from collections import Counter

from api.leads.balancing import Candidate, Skipped, choose


def test_the_rep_furthest_behind_their_weighted_share_gets_the_lead():
    reps = [Candidate("a", 1, 0, 50), Candidate("b", 2, 0, 50)]
    choice = choose(reps, assigned={"a": 1, "b": 1})
    assert choice.rep_id == "b"  # (1+1)/2 < (1+1)/1
    assert choice.eligible == ("a", "b")


def test_absent_full_and_zero_weight_reps_are_skipped_and_said_so():
    reps = [
        Candidate("away", 1, 0, 50, available=False),
        Candidate("full", 1, 50, 50),
        Candidate("none", 0, 0, 50),
        Candidate("ok", 1, 49, 50),
    ]
    choice = choose(reps, assigned={})
    assert choice.rep_id == "ok"
    assert choice.skipped == {
        "away": Skipped.ABSENT,
        "full": Skipped.AT_CAPACITY,
        "none": Skipped.ZERO_WEIGHT,
    }
    assert choose(reps[:3], assigned={}).rep_id is None


def test_ten_thousand_leads_follow_the_weights_and_nobody_exceeds_capacity():
    rng = random.Random(2026)
    weights = {"r1": 1.0, "r2": 1.0, "r3": 2.0, "r4": 3.0, "r5": 1.5}
    capacity = {"r1": 30, "r2": 30, "r3": 60, "r4": 80, "r5": 40}
    open_leads = Counter[str]()
    assigned = Counter[str]()
    for _ in range(10_000):
        # Leads close over time: each open lead closes with some chance before the next.
        for rep in list(open_leads):
            closed = sum(rng.random() < 0.02 for _ in range(open_leads[rep]))
            open_leads[rep] -= closed
        reps = [Candidate(r, w, open_leads[r], capacity[r]) for r, w in weights.items()]
        choice = choose(reps, assigned=assigned)
        assert choice.rep_id is not None
        assigned[choice.rep_id] += 1
        open_leads[choice.rep_id] += 1
        assert open_leads[choice.rep_id] <= capacity[choice.rep_id]
    total = sum(weights.values())
    for rep, weight in weights.items():
        share = assigned[rep] / 10_000
        assert abs(share - weight / total) <= 0.03, (rep, share, weight / total)


def test_a_rep_at_capacity_gets_nothing_more_until_leads_close():
    rng = random.Random(7)
    capacity = {"busy": 10, "other": 500}
    open_leads = Counter[str]()
    assigned = Counter[str]()
    at_capacity_seen = False
    for _ in range(2_000):
        for rep in list(open_leads):
            open_leads[rep] -= sum(rng.random() < 0.01 for _ in range(open_leads[rep]))
        reps = [Candidate(r, 1.0, open_leads[r], capacity[r]) for r in capacity]
        choice = choose(reps, assigned=assigned)
        assert choice.rep_id is not None
        at_capacity_seen |= choice.skipped.get("busy") is Skipped.AT_CAPACITY
        assigned[choice.rep_id] += 1
        open_leads[choice.rep_id] += 1
        assert open_leads["busy"] <= capacity["busy"]
    assert at_capacity_seen
    assert assigned["other"] > assigned["busy"]
