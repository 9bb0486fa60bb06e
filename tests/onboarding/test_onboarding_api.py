"""Onboarding through the API: enrol, test, unlock on events and by the sweep, enforce."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from api.auth.models import PermissionGrant
from api.jobs.models import OutboxMessage
from api.leads.mapping import Channel
from api.leads.models import Lead, LeadStage, LeadStatus
from api.notifications.models import Notification
from api.onboarding import engine
from api.onboarding.models import Enrolment, LevelUnlock, TestAttempt
from api.org.models import User
from tests.factories import make_customer
from tests.leads.support import STAGE_DOCUMENT, run_jobs
from tests.visits.support import DECIDE, END, field, later, position, start

ENROL = """
mutation ($user: ID!, $mentor: ID) {
  enrolHire(userId: $user, mentorId: $mentor) {
    onboarding { enrolmentId level } errors { code field message }
  }
}
"""
ONBOARDING_FIELDS = """
  enrolmentId status trackKey trackVersion hiredOn daysSinceHire level
  mentor { username } user { username }
  levels { number key state grants requirements { kind key needed done met availableAt } }
  nextLevel { number requirements { kind key needed done met availableAt attemptsLeft } }
  tests { key title level passScore attemptsUsed attemptsLeft best passed availableAt
          attemptInProgress canStart }
"""
MINE = f"query {{ myOnboarding {{ {ONBOARDING_FIELDS} }} }}"
SAVE_TEST = """
mutation ($bank: JSON!) {
  saveOnboardingTest(key: "product-basics", title: "产品基础", bank: $bank) {
    test { key version } errors { code message }
  }
}
"""
START_TEST = """
mutation { startOnboardingTest(testKey: "product-basics") {
  attempt { id number questions { id kind prompt points options { id text } } }
  errors { code message }
} }
"""
SUBMIT_TEST = """
mutation ($id: ID!, $answers: [AnswerInput!]!) {
  submitOnboardingTest(attemptId: $id, answers: $answers) {
    attempt { id score passed results { questionId correct } } errors { code message }
  }
}
"""
ATTEMPTS = """
query ($user: ID) { onboardingAttempts(userId: $user) { id testKey score passed } }
"""
LEVEL = """
mutation ($id: ID!, $level: Int!, $reason: String!) {
  {op}(enrolmentId: $id, level: $level, reason: $reason) {
    onboarding { level levels { number state } } errors { code }
  }
}
"""
COHORT = """
query { onboardingCohort { enrolmentId level daysAtLevel held user { username }
  blocking { kind key } } onboardingStats { number reached medianDays waiting } }
"""
BANK = {
    "draw": 2,
    "questions": [
        {
            "id": "sla",
            "kind": "SINGLE",
            "prompt": "分配后首次联系的时限是多久？",
            "options": [
                {"id": "a", "text": "15 分钟"},
                {"id": "b", "text": "2 小时"},
                {"id": "c", "text": "48 小时"},
            ],
            "answer": ["a"],
        },
        {
            "id": "visit",
            "kind": "MULTIPLE",
            "prompt": "一次可信的拜访需要哪些证据？",
            "options": [
                {"id": "gps", "text": "GPS 定位"},
                {"id": "photo", "text": "现场水印照片"},
                {"id": "voice", "text": "语音摘要"},
                {"id": "typed", "text": "事后手填"},
            ],
            "answer": ["gps", "photo", "voice"],
        },
    ],
}
RIGHT = {"sla": ["a"], "visit": ["gps", "photo", "voice"]}


async def _enrolled(api: Any) -> Any:
    """Rep A hired today, enrolled by their manager with rep A2 as mentor; the bank saved."""
    f = await field(api)
    f.admin_token = await api.login(f.world.admin.username)  # type: ignore[attr-defined]
    await User.filter(id=f.world.rep_a.id).update(hire_date=date(2026, 11, 24))
    body = await api.graphql(SAVE_TEST, {"bank": BANK}, token=f.admin_token)  # type: ignore[attr-defined]
    assert body["data"]["saveOnboardingTest"]["errors"] == [], body
    body = await api.graphql(
        ENROL,
        {"user": str(f.world.rep_a.id), "mentor": str(f.world.rep_a2.id)},
        token=f.manager_token,
    )
    assert body["data"]["enrolHire"]["errors"] == [], body
    await run_jobs(api)
    return f


async def _mine(api: Any, f: Any) -> dict[str, Any]:
    f.rep_token = await api.login(f.world.rep_a.username)
    body = await api.graphql(MINE, token=f.rep_token)
    assert "errors" not in body, body
    mine: dict[str, Any] = body["data"]["myOnboarding"]
    return mine


async def _pass_test(api: Any, f: Any, answers: dict[str, list[str]] = RIGHT) -> dict[str, Any]:
    body = await api.graphql(START_TEST, token=f.rep_token)
    attempt = body["data"]["startOnboardingTest"]["attempt"]
    assert attempt is not None, body
    chosen = [{"questionId": q["id"], "optionIds": answers[q["id"]]} for q in attempt["questions"]]
    body = await api.graphql(
        SUBMIT_TEST, {"id": attempt["id"], "answers": chosen}, token=f.rep_token
    )
    submitted: dict[str, Any] = body["data"]["submitOnboardingTest"]
    return submitted


async def _tasks_done(f: Any, *, visits: int = 3, renewals: int = 3) -> None:
    """The hire's records that count: verified visits, renewal leads touched in time."""
    from api.visits.models import Visit, VisitStatus, VisitVerdict

    at = datetime(2026, 11, 24, 3, 0, tzinfo=UTC)
    for index in range(visits):
        await Visit.create(
            organisation=f.world.org,
            rep=f.world.rep_a,
            customer=f.customer,
            site=f.site,
            code=f"V-T{index}",
            status=VisitStatus.CLOSED,
            verdict=VisitVerdict.VERIFIED,
            started_at=at,
            ended_at=at + timedelta(minutes=30),
        )
    customer = await make_customer(f.world.org, f.world.rep_a, name="续约客户")
    for _ in range(renewals):
        await Lead.create(
            organisation=f.world.org,
            customer=customer,
            owner=f.world.rep_a,
            channel=Channel.STAFF,
            status=LeadStatus.ASSIGNED,
            renewal=True,
            assigned_at=at,
            touched_at=at + timedelta(minutes=5),
            last_event_at=at,
        )


async def test_an_enrolled_hire_reaches_level_one_and_everyone_is_told(api):
    f = await _enrolled(api)

    mine = await _mine(api, f)
    assert (mine["status"], mine["level"], mine["trackKey"], mine["trackVersion"]) == (
        "ACTIVE",
        1,
        "default",
        1,
    )
    assert mine["mentor"]["username"] == f.world.rep_a2.username
    assert [level["state"] for level in mine["levels"]] == ["UNLOCKED", "LOCKED", "LOCKED"]
    following = mine["nextLevel"]
    assert following["number"] == 2
    assert {(r["kind"], r["key"], r["needed"], r["met"]) for r in following["requirements"]} == {
        ("TIME", "", 7, False),
        ("TEST", "product-basics", 80, False),
        ("TASK", "VISITS_VERIFIED", 3, False),
        ("TASK", "RENEWAL_LEADS_IN_SLA", 3, False),
    }
    [test] = mine["tests"][:1]
    assert (test["key"], test["canStart"], test["attemptsLeft"]) == ("product-basics", True, 3)
    # The hire, the mentor and the manager are told, once.
    for person in (f.world.rep_a, f.world.rep_a2, f.world.manager_a):
        assert await Notification.filter(recipient_id=person.id).count() == 1
    assert await PermissionGrant.filter(user_id=f.world.rep_a.id).count() == 1


async def test_tests_are_graded_on_the_server_and_answers_are_never_sent(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)

    body = await api.graphql(START_TEST, token=f.rep_token)
    attempt = body["data"]["startOnboardingTest"]["attempt"]
    assert "answer" not in str(body).lower()
    assert {q["id"] for q in attempt["questions"]} == {"sla", "visit"}
    schema = await api.graphql('{ __type(name: "OnboardingQuestion") { fields { name } } }')
    assert {f["name"] for f in schema["data"]["__type"]["fields"]} == {
        "id",
        "kind",
        "prompt",
        "points",
        "options",
    }
    wrong = [
        {"questionId": "sla", "optionIds": ["a"]},
        {"questionId": "visit", "optionIds": ["gps", "photo"]},  # not the whole set
    ]
    body = await api.graphql(
        SUBMIT_TEST, {"id": attempt["id"], "answers": wrong}, token=f.rep_token
    )
    graded = body["data"]["submitOnboardingTest"]["attempt"]
    assert (graded["score"], graded["passed"]) == (50, False)
    assert {(r["questionId"], r["correct"]) for r in graded["results"]} == {
        ("sla", True),
        ("visit", False),
    }
    # The cool-down (60 minutes) holds the next attempt back; then it may go again.
    body = await api.graphql(START_TEST, token=f.rep_token)
    assert body["data"]["startOnboardingTest"]["errors"][0]["code"] == "COOLING_DOWN"
    await later(api, f, minutes=61)
    submitted = await _pass_test(api, f)
    assert submitted["attempt"]["passed"] is True
    body = await api.graphql(START_TEST, token=f.rep_token)
    assert body["data"]["startOnboardingTest"]["errors"][0]["code"] == "TEST_ALREADY_PASSED"
    assert await TestAttempt.filter(user_id=f.world.rep_a.id).count() == 2


async def test_attempts_run_out_and_the_manager_is_needed(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    wrong = {"sla": ["b"], "visit": ["typed"]}
    for _ in range(3):
        assert (await _pass_test(api, f, wrong))["attempt"]["passed"] is False
        await later(api, f, minutes=61)
    body = await api.graphql(START_TEST, token=f.rep_token)
    assert body["data"]["startOnboardingTest"]["errors"][0]["code"] == "NO_ATTEMPTS_LEFT"


async def test_level_two_unlocks_at_local_midnight_of_day_seven_by_the_sweep(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    await _pass_test(api, f)
    await _tasks_done(f)
    await run_jobs(api)  # the pass's evaluation: everything but the time holds
    assert (await _mine(api, f))["level"] == 1

    # 2026-11-30 23:59 in Shanghai is day 6; 2026-12-01 00:00 is day 7.
    api.services.clock.set(datetime(2026, 11, 30, 15, 59, tzinfo=UTC))
    assert (
        await engine.evaluate(await engine.active_enrolments(), now=api.services.clock.now()) == []
    )
    api.services.clock.set(datetime(2026, 11, 30, 16, 0, tzinfo=UTC))
    [unlocked] = await engine.evaluate(
        await engine.active_enrolments(), now=api.services.clock.now()
    )
    assert unlocked.levels == (2,)
    mine = await _mine(api, f)
    assert mine["level"] == 2
    granted = set(
        await PermissionGrant.filter(user_id=f.world.rep_a.id, revoked_at=None).values_list(
            "permission", flat=True
        )
    )
    assert {"quotes.standard", "leads.all"} <= granted


async def test_passing_the_last_requirement_unlocks_through_the_event_job_once(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    await _tasks_done(f)
    api.services.clock.set(datetime(2026, 12, 2, 2, 0, tzinfo=UTC))
    await later(api, f, minutes=1)

    await _pass_test(api, f)
    await run_jobs(api)  # onboarding.evaluate for the pass
    # The same event again, the sweep and a direct evaluation: still one unlock.
    now = api.services.clock.now()
    await engine.evaluate_user(f.world.rep_a.id, now=now)
    await engine.evaluate(await engine.active_enrolments(), now=now)

    enrolment = await Enrolment.get(user_id=f.world.rep_a.id)
    assert await LevelUnlock.filter(enrolment_id=enrolment.id).count() == 2
    assert await PermissionGrant.filter(user_id=f.world.rep_a.id).count() == 3  # 1 + 2
    assert await Notification.filter(recipient_id=f.world.manager_a.id).count() == 2


async def test_an_approved_visit_and_a_touched_lead_schedule_an_evaluation(api):
    f = await _enrolled(api)
    await later(api, f, minutes=1)
    visit = (await start(api, f))["visit"]
    await later(api, f, minutes=20)
    await api.graphql(END, {"id": visit["id"], "position": position()}, token=f.rep_token)
    await api.graphql(
        DECIDE, {"id": visit["id"], "decision": "APPROVE", "comment": "确认"}, token=f.manager_token
    )
    keys = set(
        await OutboxMessage.filter(job_name="onboarding.evaluate").values_list("job_id", flat=True)
    )
    assert f"onboarding.evaluate:{f.world.rep_a.id}:visit:{visit['id']}" in keys
    assert f"onboarding.evaluate:{f.world.rep_a.id}:visit-audit:{visit['id']}:APPROVE" in keys
    await run_jobs(api)
    mine = await _mine(api, f)
    visits = next(r for r in mine["nextLevel"]["requirements"] if r["key"] == "VISITS_VERIFIED")
    assert visits["done"] == 1


async def test_a_held_level_stays_locked_until_released_and_a_revoked_one_for_good(api):
    f = await _enrolled(api)
    enrolment = await Enrolment.get(user_id=f.world.rep_a.id)
    f.rep_token = await api.login(f.world.rep_a.username)
    await _pass_test(api, f)
    await _tasks_done(f)
    body = await api.graphql(
        LEVEL.replace("{op}", "holdOnboardingLevel"),
        {"id": str(enrolment.id), "level": 2, "reason": "客户投诉，需复盘"},
        token=f.manager_token,
    )
    assert body["data"]["holdOnboardingLevel"]["errors"] == [], body
    api.services.clock.set(datetime(2026, 12, 2, 2, 0, tzinfo=UTC))
    assert await engine.evaluate([enrolment.id], now=api.services.clock.now()) == []
    await later(api, f, minutes=1)
    body = await api.graphql(
        LEVEL.replace("{op}", "releaseOnboardingLevel"),
        {"id": str(enrolment.id), "level": 2, "reason": "复盘完成"},
        token=f.manager_token,
    )
    assert body["data"]["releaseOnboardingLevel"]["errors"] == []
    await run_jobs(api)
    assert (await _mine(api, f))["level"] == 2

    body = await api.graphql(
        LEVEL.replace("{op}", "revokeOnboardingLevel"),
        {"id": str(enrolment.id), "level": 2, "reason": "报价违规"},
        token=f.manager_token,
    )
    assert body["data"]["revokeOnboardingLevel"]["onboarding"]["level"] == 1
    assert await engine.evaluate([enrolment.id], now=api.services.clock.now()) == []
    assert not await PermissionGrant.filter(
        user_id=f.world.rep_a.id, permission="quotes.standard", revoked_at=None
    ).exists()
    # Another team's manager cannot touch this hire.
    other = await api.login(f.world.manager_b.username)
    body = await api.graphql(
        LEVEL.replace("{op}", "grantOnboardingLevel"),
        {"id": str(enrolment.id), "level": 2, "reason": "x"},
        token=other,
    )
    assert body["data"]["grantOnboardingLevel"]["errors"][0]["code"] == "ENROLMENT_NOT_FOUND"


async def test_a_locked_mutation_answers_permission_locked_with_what_unlocks_it(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    customer = await make_customer(f.world.org, f.world.rep_a, name="续约客户")
    lead = await Lead.create(
        organisation=f.world.org,
        customer=customer,
        owner=f.world.rep_a,
        channel=Channel.STAFF,
        status=LeadStatus.ASSIGNED,
        stage=LeadStage.DEMO,
        renewal=True,
        tags=["low_risk"],
        last_event_at=api.services.clock.now(),
    )

    body = await api.graphql(
        STAGE_DOCUMENT, {"id": str(lead.id), "stage": "QUOTE"}, token=f.rep_token
    )

    [error] = body["errors"]
    assert error["extensions"]["code"] == "PERMISSION_LOCKED"
    unlock = error["extensions"]["unlock"]
    assert (unlock["permission"], unlock["level"], unlock["state"]) == (
        "quotes.standard",
        2,
        "LOCKED",
    )
    assert {r["kind"] for r in unlock["requirements"]} == {"TIME", "TEST", "TASK"}
    assert (await Lead.get(id=lead.id)).stage is LeadStage.DEMO
    # Granted by hand, the same mutation goes through.
    enrolment = await Enrolment.get(user_id=f.world.rep_a.id)
    await api.graphql(
        LEVEL.replace("{op}", "grantOnboardingLevel"),
        {"id": str(enrolment.id), "level": 2, "reason": "老员工转岗"},
        token=f.manager_token,
    )
    f.rep_token = await api.login(f.world.rep_a.username)
    body = await api.graphql(
        STAGE_DOCUMENT, {"id": str(lead.id), "stage": "QUOTE"}, token=f.rep_token
    )
    assert body["data"]["moveLeadStage"]["lead"]["stage"] == "QUOTE"


async def test_routing_offers_a_hire_only_what_their_level_allows(api):
    from api.leads import assign
    from api.leads.policy import DEFAULT

    f = await _enrolled(api)
    now = api.services.clock.now()

    def flags() -> Any:
        return next(r for r in reps if r.id == str(f.world.rep_a.id))

    reps, _ = await assign.candidates(
        organisation_id=f.world.org.id, policy=DEFAULT.policy, now=now
    )
    assert (flags().receives_all, flags().receives_low_risk_renewal) == (False, True)
    enrolment = await Enrolment.get(user_id=f.world.rep_a.id)
    await api.graphql(
        LEVEL.replace("{op}", "grantOnboardingLevel"),
        {"id": str(enrolment.id), "level": 2, "reason": "提前通过"},
        token=f.manager_token,
    )
    reps, _ = await assign.candidates(
        organisation_id=f.world.org.id, policy=DEFAULT.policy, now=now
    )
    assert flags().receives_all is True


async def test_a_hire_cannot_read_another_hires_attempts(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    await _pass_test(api, f)

    for who in ("rep_a2", "manager_b"):
        token = await api.login(getattr(f.world, who).username)
        body = await api.graphql(ATTEMPTS, {"user": str(f.world.rep_a.id)}, token=token)
        assert body["errors"][0]["extensions"]["code"] == "NOT_FOUND", who
    body = await api.graphql(ATTEMPTS, {"user": str(f.world.rep_a.id)}, token=f.manager_token)
    assert [a["passed"] for a in body["data"]["onboardingAttempts"]] == [True]
    body = await api.graphql(ATTEMPTS, token=f.rep_token)
    assert len(body["data"]["onboardingAttempts"]) == 1


async def test_the_manager_sees_who_is_stuck_where_and_time_to_level(api):
    f = await _enrolled(api)
    await later(api, f, days=3)

    body = await api.graphql(COHORT, token=f.manager_token)

    [member] = body["data"]["onboardingCohort"]
    assert (member["user"]["username"], member["level"], member["daysAtLevel"]) == (
        f.world.rep_a.username,
        1,
        3,
    )
    assert {(b["kind"], b["key"]) for b in member["blocking"]} >= {("TEST", "product-basics")}
    stats = body["data"]["onboardingStats"]
    assert stats[0] == {"number": 1, "reached": 1, "medianDays": 0.0, "waiting": 0}
    assert stats[1]["waiting"] == 1
    other = await api.login(f.world.manager_b.username)
    body = await api.graphql(COHORT, token=other)
    assert body["data"]["onboardingCohort"] == []
    body = await api.graphql(COHORT, token=f.rep_token)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_editing_a_track_does_not_change_an_enrolled_hires_version(api):
    from api.onboarding.definitions import DEFAULT_TRACK

    f = await _enrolled(api)
    edited = {"levels": [dict(level) for level in DEFAULT_TRACK["levels"]]}
    edited["levels"][1]["min_days"] = 3
    body = await api.graphql(
        """mutation ($d: JSON!) { saveOnboardingTrack(key: "default", name: "新版", definition: $d)
           { track { version } errors { code } } }""",
        {"d": edited},
        token=f.admin_token,
    )
    assert body["data"]["saveOnboardingTrack"]["track"]["version"] == 2
    mine = await _mine(api, f)
    assert mine["trackVersion"] == 1
    assert mine["levels"][1]["requirements"][0]["needed"] == 7
    body = await api.graphql(
        """mutation { saveOnboardingTrack(key: "default", name: "坏", definition: {levels: []})
           { track { version } errors { code message } } }""",
        token=f.admin_token,
    )
    [error] = body["data"]["saveOnboardingTrack"]["errors"]
    assert error["code"] == "INVALID_TRACK" and "levels" in error["message"]


async def test_when_only_the_day_is_missing_an_evaluation_waits_for_local_midnight(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    await _tasks_done(f)
    await _pass_test(api, f)
    await run_jobs(api)  # the pass's evaluation: only day 7 is missing

    wake = await OutboxMessage.get(
        job_id=f"onboarding.evaluate:{f.world.rep_a.id}:day:2:2026-11-30"
    )
    assert wake.due_at == datetime(2026, 11, 30, 16, 0, tzinfo=UTC)  # 00:00 in Shanghai
    api.services.clock.set(datetime(2026, 11, 30, 16, 0, 1, tzinfo=UTC))
    await run_jobs(api)  # no sweep: the deferred job itself
    assert (await _mine(api, f))["level"] == 2


async def test_only_reps_are_enrolled_by_someone_else_with_a_mentor_in_scope(api):
    f = await _enrolled(api)
    manager, admin = f.manager_token, f.admin_token
    cases = [
        (admin, f.world.marketing.id, None, "NOT_A_REP"),
        (manager, f.world.manager_a.id, None, "OWN_ONBOARDING"),
        (manager, f.world.rep_b.id, None, "USER_NOT_FOUND"),  # another team's rep
        (manager, f.world.rep_a2.id, f.world.rep_b.id, "USER_NOT_FOUND"),  # and mentor
        (manager, f.world.rep_a.id, None, "ALREADY_ENROLLED"),
    ]
    for token, user, mentor, code in cases:
        body = await api.graphql(
            ENROL, {"user": str(user), "mentor": str(mentor) if mentor else None}, token=token
        )
        assert body["data"]["enrolHire"]["errors"][0]["code"] == code, (user, code)


async def test_nobody_coaches_their_own_onboarding(api):
    f = await _enrolled(api)
    enrolment = await Enrolment.get(user_id=f.world.rep_a.id)
    await PermissionGrant.create(
        organisation=f.world.org,
        user=f.world.rep_a,
        permission="onboarding.coach",
        valid_from=api.services.clock.now(),
    )
    f.rep_token = await api.login(f.world.rep_a.username)
    body = await api.graphql(
        LEVEL.replace("{op}", "grantOnboardingLevel"),
        {"id": str(enrolment.id), "level": 3, "reason": "我自己"},
        token=f.rep_token,
    )
    assert body["data"]["grantOnboardingLevel"]["errors"][0]["code"] == "OWN_ONBOARDING"


async def test_a_hold_placed_while_the_engine_evaluated_wins(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    await _pass_test(api, f)
    await _tasks_done(f)
    api.services.clock.set(datetime(2026, 12, 2, 2, 0, tzinfo=UTC))
    now = api.services.clock.now()
    enrolment = await Enrolment.get(user_id=f.world.rep_a.id)
    [assessed] = await engine.assess([enrolment.id], now=now)
    assert assessed.evaluation.to_unlock == (2,)

    manager = await api.login(f.world.manager_a.username)
    body = await api.graphql(
        LEVEL.replace("{op}", "holdOnboardingLevel"),
        {"id": str(enrolment.id), "level": 2, "reason": "先复盘"},
        token=manager,
    )
    assert body["data"]["holdOnboardingLevel"]["errors"] == []
    assert await engine.unlock(assessed.hire, (2,), now=now) is None
    assert not await LevelUnlock.filter(enrolment_id=enrolment.id, number=2).exists()


async def test_tracks_and_banks_are_checked_before_they_are_stored(api):
    f = await _enrolled(api)
    save = """mutation ($k: String!, $d: JSON!) {
      saveOnboardingTrack(key: $k, name: "路径", definition: $d) {
        track { version } errors { code field }
      }
    }"""
    asks_unknown_test = {
        "levels": [{"key": "one", "name": "一", "tests": [{"test": "nobank", "pass_score": 60}]}]
    }
    cases = [
        ("Bad Key", {"levels": [{"key": "one", "name": "一"}]}, ("INVALID_VALUE", "key")),
        ("x" * 40, {"levels": [{"key": "one", "name": "一"}]}, ("INVALID_VALUE", "key")),
        ("mine", asks_unknown_test, ("TEST_NOT_FOUND", "definition")),
    ]
    for key, definition, expected in cases:
        body = await api.graphql(save, {"k": key, "d": definition}, token=f.admin_token)
        [error] = body["data"]["saveOnboardingTrack"]["errors"]
        assert (error["code"], error["field"]) == expected, key


async def test_a_graduated_hire_sees_their_record_and_takes_no_more_tests(api):
    f = await _enrolled(api)
    f.rep_token = await api.login(f.world.rep_a.username)
    await _pass_test(api, f)
    enrolment = await Enrolment.get(user_id=f.world.rep_a.id)
    for level in (2, 3):
        await api.graphql(
            LEVEL.replace("{op}", "grantOnboardingLevel"),
            {"id": str(enrolment.id), "level": level, "reason": "转岗老员工"},
            token=f.manager_token,
        )

    mine = await _mine(api, f)

    assert (mine["status"], mine["level"], mine["nextLevel"]) == ("COMPLETED", 3, None)
    basics = next(t for t in mine["tests"] if t["key"] == "product-basics")
    assert (basics["passed"], basics["best"], basics["canStart"]) == (True, 100, False)
    assert not (await User.get(id=f.world.rep_a.id)).in_onboarding


async def test_a_hire_touching_a_lead_in_time_schedules_an_evaluation_that_counts_it(api):
    from tests.leads.support import TOUCH

    f = await _enrolled(api)
    customer = await make_customer(f.world.org, f.world.rep_a, name="续约客户")
    now = api.services.clock.now()
    lead = await Lead.create(
        organisation=f.world.org,
        customer=customer,
        owner=f.world.rep_a,
        channel=Channel.STAFF,
        status=LeadStatus.ASSIGNED,
        renewal=True,
        tags=["low_risk"],
        assigned_at=now,
        touch_due_at=now + timedelta(minutes=15),
        assignment_sequence=1,
        last_event_at=now,
    )
    f.rep_token = await api.login(f.world.rep_a.username)

    body = await api.graphql(TOUCH, {"id": str(lead.id), "kind": "CALL"}, token=f.rep_token)

    assert body["data"]["touchLead"]["errors"] == []
    assert await OutboxMessage.exists(
        job_id=f"onboarding.evaluate:{f.world.rep_a.id}:touched:{lead.id}:1"
    )
    await run_jobs(api)
    mine = await _mine(api, f)
    renewals = next(
        r for r in mine["nextLevel"]["requirements"] if r["key"] == "RENEWAL_LEADS_IN_SLA"
    )
    assert renewals["done"] == 1
