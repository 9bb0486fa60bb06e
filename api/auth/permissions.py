"""The permission catalogue: named permissions, the sets each role holds by default."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from api.org.models import Role


class Permission(StrEnum):
    CUSTOMERS_VIEW = "customers.view"
    CUSTOMERS_EDIT = "customers.edit"
    CONTACTS_VIEW = "contacts.view"
    CONTACTS_REVEAL = "contacts.reveal"
    PAYMENT_VIEW = "customers.payment.view"
    USERS_VIEW = "users.view"
    USERS_MANAGE = "users.manage"
    TEAMS_MANAGE = "teams.manage"
    PERMISSIONS_GRANT = "permissions.grant"
    AUDIT_VIEW = "audit.view"
    JOBS_MANAGE = "jobs.manage"
    UPLOADS_CREATE = "uploads.create"
    NOTIFICATIONS_TRAIL = "notifications.trail"
    NOTIFICATIONS_MANAGE = "notifications.manage"
    VISITS_CREATE = "visits.create"
    VISITS_AUDIT = "visits.audit"
    VISITS_POLICY = "visits.policy"
    LEADS_VIEW = "leads.view"
    LEADS_CAPTURE = "leads.capture"
    LEADS_MANAGE = "leads.manage"
    LEADS_ROUTING = "leads.routing"
    LEADS_CHANNELS = "leads.channels"
    CUSTOMERS_MERGE = "customers.merge"
    ONBOARDING_MANAGE = "onboarding.manage"
    ONBOARDING_COACH = "onboarding.coach"
    # Unlocked step by step for new hires by the onboarding capability.
    LEADS_RENEWAL_LOW_RISK = "leads.renewal_low_risk"
    LEADS_ALL = "leads.all"
    QUOTES_STANDARD = "quotes.standard"
    PROPOSALS_CUSTOM = "proposals.custom"


DESCRIPTIONS: dict[Permission, tuple[str, str]] = {
    Permission.CUSTOMERS_VIEW: ("查看客户", "View customers"),
    Permission.CUSTOMERS_EDIT: ("新建和编辑客户", "Create and edit customers"),
    Permission.CONTACTS_VIEW: ("查看联系人（脱敏）", "View contacts (masked)"),
    Permission.CONTACTS_REVEAL: (
        "查看联系人完整信息（留审计）",
        "Reveal contact details (audited)",
    ),
    Permission.PAYMENT_VIEW: ("查看付款账户与账期", "View payment account and terms"),
    Permission.USERS_VIEW: ("查看成员", "View users"),
    Permission.USERS_MANAGE: ("管理成员", "Manage users"),
    Permission.TEAMS_MANAGE: ("管理团队", "Manage teams"),
    Permission.PERMISSIONS_GRANT: ("授予与收回权限", "Grant and revoke permissions"),
    Permission.AUDIT_VIEW: ("查看与校验审计日志", "View and verify the audit log"),
    Permission.JOBS_MANAGE: (
        "查看与重试失败的后台任务",
        "Inspect and retry failed background jobs",
    ),
    Permission.UPLOADS_CREATE: ("上传照片与录音", "Upload photos and recordings"),
    Permission.NOTIFICATIONS_TRAIL: (
        "查看提醒的投递、升级与确认记录",
        "See what happened to alerts: deliveries, escalations, acknowledgements",
    ),
    Permission.NOTIFICATIONS_MANAGE: (
        "配置通知渠道并重试失败的投递",
        "Configure notification channels and retry failed deliveries",
    ),
    Permission.VISITS_CREATE: ("登记客户拜访", "Record customer visits"),
    Permission.VISITS_AUDIT: (
        "审核团队的拜访并追溯照片来源",
        "Audit the team's visits and trace photos",
    ),
    Permission.VISITS_POLICY: ("配置拜访校验规则与关键词库", "Configure visit checks and lexicon"),
    Permission.LEADS_VIEW: ("查看线索", "View leads"),
    Permission.LEADS_CAPTURE: ("录入线索", "Capture leads"),
    Permission.LEADS_MANAGE: (
        "管理团队线索：看板、改派、黄金4小时跟进率",
        "Manage the team's leads: board, reassignment, golden-hour rates",
    ),
    Permission.LEADS_ROUTING: (
        "配置线索分配规则、时效与评分",
        "Configure lead routing rules, SLAs and scoring",
    ),
    Permission.LEADS_CHANNELS: (
        "配置线索渠道、导入线索、处理推送失败的线索",
        "Configure lead channels, import leads, fix and replay failed payloads",
    ),
    Permission.CUSTOMERS_MERGE: ("合并重复客户", "Merge duplicate customers"),
    Permission.ONBOARDING_MANAGE: (
        "编辑新人成长路径与题库",
        "Edit onboarding tracks and question banks",
    ),
    Permission.ONBOARDING_COACH: (
        "带教新人：加入成长路径、查看进度、手动解锁或暂缓等级",
        "Coach new hires: enrol them, follow progress, unlock or hold back levels by hand",
    ),
    Permission.LEADS_RENEWAL_LOW_RISK: ("接收低风险续约线索", "Receive low-risk renewal leads"),
    Permission.LEADS_ALL: ("接收全部线索", "Receive all leads"),
    Permission.QUOTES_STANDARD: ("发起标准产品报价", "Issue standard product quotes"),
    Permission.PROPOSALS_CUSTOM: ("发起定制方案协作", "Request custom-proposal collaboration"),
}

_SALES = {
    Permission.CUSTOMERS_VIEW,
    Permission.CUSTOMERS_EDIT,
    Permission.CONTACTS_VIEW,
    Permission.CONTACTS_REVEAL,
    Permission.UPLOADS_CREATE,
    Permission.VISITS_CREATE,
    Permission.LEADS_VIEW,
    Permission.LEADS_CAPTURE,
    Permission.LEADS_RENEWAL_LOW_RISK,
    Permission.LEADS_ALL,
    Permission.QUOTES_STANDARD,
    Permission.PROPOSALS_CUSTOM,
}

_LEADERS = {
    Permission.USERS_VIEW,
    Permission.NOTIFICATIONS_TRAIL,
    Permission.VISITS_AUDIT,
    Permission.LEADS_MANAGE,
    Permission.CUSTOMERS_MERGE,
    Permission.ONBOARDING_COACH,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.REP: frozenset(_SALES),
    Role.MANAGER: frozenset(_SALES | _LEADERS),
    Role.DIRECTOR: frozenset(_SALES | _LEADERS),
    Role.MARKETING: frozenset(
        {
            Permission.CUSTOMERS_VIEW,
            Permission.LEADS_VIEW,
            Permission.LEADS_CAPTURE,
            Permission.LEADS_CHANNELS,
        }
    ),
    Role.DELIVERY: frozenset({Permission.CUSTOMERS_VIEW, Permission.CONTACTS_VIEW}),
    Role.FINANCE: frozenset({Permission.CUSTOMERS_VIEW, Permission.PAYMENT_VIEW}),
    Role.ADMIN: frozenset(Permission),
}

# Held back from a rep who is still in onboarding until a grant unlocks them.
ONBOARDING_LOCKED: frozenset[Permission] = frozenset(
    {
        Permission.LEADS_ALL,
        Permission.QUOTES_STANDARD,
        Permission.PROPOSALS_CUSTOM,
    }
)


# What an onboarding level may grant: what onboarding holds back, and the low-risk renewal
# leads a hire starts with. A track can never hand out anything else (no escalation).
ONBOARDING_GRANTABLE: frozenset[Permission] = ONBOARDING_LOCKED | {
    Permission.LEADS_RENEWAL_LOW_RISK
}


def role_permissions(role: Role) -> frozenset[Permission]:
    return ROLE_PERMISSIONS[role]


def parse_permission(name: str) -> Permission | None:
    try:
        return Permission(name)
    except ValueError:
        return None


def effective_permissions(
    role: Role, *, in_onboarding: bool, granted: Iterable[str]
) -> frozenset[Permission]:
    """Role set, minus what onboarding holds back, plus the user's active grants."""
    base = role_permissions(role)
    if in_onboarding:
        base = base - ONBOARDING_LOCKED
    extra = {p for p in (parse_permission(g) for g in granted) if p is not None}
    return frozenset(base | extra)
