"""Error codes of onboarding mutations."""

from __future__ import annotations

from enum import StrEnum

from api import i18n


class OnboardingErrorCode(StrEnum):
    USER_NOT_FOUND = "USER_NOT_FOUND"
    LEAD_NOT_FOUND = "LEAD_NOT_FOUND"
    ENROLMENT_NOT_FOUND = "ENROLMENT_NOT_FOUND"
    NOT_ENROLLED = "NOT_ENROLLED"
    ALREADY_ENROLLED = "ALREADY_ENROLLED"
    TRACK_NOT_FOUND = "TRACK_NOT_FOUND"
    TEST_NOT_FOUND = "TEST_NOT_FOUND"
    ATTEMPT_NOT_FOUND = "ATTEMPT_NOT_FOUND"
    DRILL_NOT_FOUND = "DRILL_NOT_FOUND"
    INVALID_TRACK = "INVALID_TRACK"
    INVALID_BANK = "INVALID_BANK"
    INVALID_ANSWER = "INVALID_ANSWER"
    INVALID_PATH = "INVALID_PATH"
    INVALID_LEVEL = "INVALID_LEVEL"
    INVALID_VALUE = "INVALID_VALUE"
    REASON_REQUIRED = "REASON_REQUIRED"
    TEST_NOT_IN_TRACK = "TEST_NOT_IN_TRACK"
    TEST_ALREADY_PASSED = "TEST_ALREADY_PASSED"
    NO_ATTEMPTS_LEFT = "NO_ATTEMPTS_LEFT"
    COOLING_DOWN = "COOLING_DOWN"
    ATTEMPT_IN_PROGRESS = "ATTEMPT_IN_PROGRESS"
    ATTEMPT_SUBMITTED = "ATTEMPT_SUBMITTED"
    LEVEL_ALREADY_UNLOCKED = "LEVEL_ALREADY_UNLOCKED"
    LEVEL_NOT_UNLOCKED = "LEVEL_NOT_UNLOCKED"
    LEVEL_ALREADY_HELD = "LEVEL_ALREADY_HELD"
    LEVEL_NOT_HELD = "LEVEL_NOT_HELD"
    NO_WON_LEADS = "NO_WON_LEADS"
    DRILL_SUBMITTED = "DRILL_SUBMITTED"
    NOT_A_REP = "NOT_A_REP"
    OWN_ONBOARDING = "OWN_ONBOARDING"


i18n.register(
    {
        "USER_NOT_FOUND": ("未找到该成员", "User not found"),
        "LEAD_NOT_FOUND": ("未找到该线索", "Lead not found"),
        "ENROLMENT_NOT_FOUND": ("未找到该新人的成长路径", "Onboarding enrolment not found"),
        "NOT_ENROLLED": ("你不在新人成长路径中", "You are not on an onboarding track"),
        "ALREADY_ENROLLED": ("该成员已在成长路径中", "This person is already enrolled"),
        "TRACK_NOT_FOUND": ("未找到该成长路径", "Onboarding track not found"),
        "TEST_NOT_FOUND": ("未找到该测试", "Test not found"),
        "ATTEMPT_NOT_FOUND": ("未找到该次测试", "Test attempt not found"),
        "DRILL_NOT_FOUND": ("未找到该次流程穿越演练", "Walkthrough drill not found"),
        "INVALID_TRACK": ("成长路径无效：{reason}", "Invalid onboarding track: {reason}"),
        "INVALID_BANK": ("题库无效：{reason}", "Invalid question bank: {reason}"),
        "INVALID_ANSWER": ("答案无效：{reason}", "Invalid answer: {reason}"),
        "INVALID_PATH": ("操作路径无效：{reason}", "Invalid path: {reason}"),
        "INVALID_LEVEL": ("没有这一级", "No such level"),
        "INVALID_VALUE": ("取值无效：{reason}", "Invalid value: {reason}"),
        "REASON_REQUIRED": ("请填写原因", "A reason is required"),
        "TEST_NOT_IN_TRACK": ("你的成长路径不包含该测试", "Your track does not include this test"),
        "TEST_ALREADY_PASSED": ("你已通过该测试", "You have passed this test already"),
        "NO_ATTEMPTS_LEFT": (
            "测试次数已用完，请联系主管",
            "No attempts left; ask your manager",
        ),
        "COOLING_DOWN": ("请于 {available_at} 后再试", "Try again after {available_at}"),
        "ATTEMPT_IN_PROGRESS": ("你有一次未提交的测试", "You have an attempt in progress"),
        "ATTEMPT_SUBMITTED": ("该次测试已提交", "This attempt was submitted already"),
        "LEVEL_ALREADY_UNLOCKED": ("这一级已解锁", "This level is unlocked already"),
        "LEVEL_NOT_UNLOCKED": ("这一级尚未解锁", "This level is not unlocked"),
        "LEVEL_ALREADY_HELD": ("这一级已被暂缓", "This level is held back already"),
        "LEVEL_NOT_HELD": ("这一级没有被暂缓", "This level is not held back"),
        "NO_WON_LEADS": ("还没有可用于演练的赢单线索", "No won lead to replay yet"),
        "DRILL_SUBMITTED": ("该次演练已提交", "This drill was submitted already"),
        "NOT_A_REP": ("只有销售代表可以加入新人成长路径", "Only sales reps can be enrolled"),
        "OWN_ONBOARDING": (
            "不能处理自己的成长路径",
            "You cannot act on your own onboarding",
        ),
    }
)
