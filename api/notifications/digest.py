"""The morning digest: each person's overdue items and items due today, in one message.

Domains plug their items in with :func:`register_provider`; a provider answers for many people
at once (one query per provider, not one per person)::

    async def overdue_leads(*, organisation_id, users, now, day_end):
        ...  # -> {user_id: [DigestItem, ...]}

    register_provider("leads", overdue_leads)

A cron job (:func:`schedule_due`) records one :class:`DigestRun` per organisation and local date
once the organisation's digest time has come, and puts its sending in the outbox; sending is
idempotent per person and date (the dedupe key), so a re-run never sends a digest twice.
"""

from __future__ import annotations

from collections.abc import Awaitable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from api.jobs import outbox
from api.notifications import policy
from api.notifications.models import DigestRun, Notification, NotificationPolicy
from api.notifications.service import Subject, notify
from api.org.models import Organisation, Role, User
from notifications.message import Urgency
from notifications.quiet_hours import parse_hhmm
from notifications.templates import Template
from notifications.templates import registry as templates

SEND_JOB = "notifications.send_digests"
TEMPLATE = "digest.today"
CATCH_UP = timedelta(hours=4)
"""A worker that was down at digest time still sends the digest up to this much later."""
MAX_ITEMS = 20
DIGEST_ROLES = (Role.REP, Role.MANAGER, Role.DIRECTOR)


@dataclass(frozen=True, slots=True)
class DigestItem:
    title: str  # already in the person's language, no personal data beyond what they may see
    due_at: datetime | None
    overdue: bool
    subject_type: str = ""
    subject_id: str = ""


class DigestProvider(Protocol):
    def __call__(
        self,
        *,
        organisation_id: UUID,
        users: Sequence[User],
        now: datetime,
        day_end: datetime,
    ) -> Awaitable[Mapping[UUID, list[DigestItem]]]: ...


_providers: dict[str, DigestProvider] = {}


def register_provider(name: str, provider: DigestProvider) -> None:
    """Add a domain's items to every digest."""
    _providers[name] = provider


templates.register(
    Template(
        name=TEMPLATE,
        title={"zh-CN": "今日待办（{date}）", "en": "Today ({date})"},
        body={
            "zh-CN": "逾期 {overdue} 项，今日到期 {due_today} 项。",
            "en": "{overdue} overdue, {due_today} due today.",
        },
        page="pages/today/index",
        items_key="items",
    )
)


async def schedule_due(*, now: datetime) -> int:
    """Record and schedule today's digest of every organisation whose digest time has come."""
    policies = {p.organisation_id: p for p in await NotificationPolicy.all()}  # type: ignore[attr-defined]
    scheduled = 0
    for org in await Organisation.all():
        org_policy = policies.get(org.id)
        if org_policy is not None and not org_policy.digest_enabled:
            continue
        at = parse_hhmm(org_policy.digest_time if org_policy else policy.DEFAULT_DIGEST_TIME)
        zone = ZoneInfo(org.time_zone)
        local_now = now.astimezone(zone)
        due = datetime.combine(local_now.date(), at, tzinfo=zone)
        if not due <= local_now < due + CATCH_UP:
            continue
        async with in_transaction():
            await DigestRun.bulk_create(
                [DigestRun(organisation_id=org.id, local_date=local_now.date())],
                ignore_conflicts=True,
            )
            run = await DigestRun.get(organisation_id=org.id, local_date=local_now.date())
            await outbox.add(
                job_name=SEND_JOB,
                args={"run_id": str(run.id)},
                due_at=now,
                key=str(run.id),
                organisation_id=org.id,
            )
        scheduled += 1
    return scheduled


async def send_organisation_digests(*, run_id: UUID, now: datetime) -> int:
    """Send the digests of one run; how many people got one (people with nothing get none)."""
    run = await DigestRun.get_or_none(id=run_id).prefetch_related("organisation")
    if run is None or run.finished_at is not None:
        return 0
    org: Organisation = run.organisation
    zone = ZoneInfo(org.time_zone)
    day_end = datetime.combine(run.local_date + timedelta(days=1), time(0), tzinfo=zone)
    users = await User.filter(organisation_id=org.id, is_active=True, role__in=DIGEST_ROLES)
    items: dict[UUID, list[DigestItem]] = {u.id: [] for u in users}
    for provider in _providers.values():
        found = await provider(organisation_id=org.id, users=users, now=now, day_end=day_end)
        for user_id, user_items in found.items():
            if user_id in items:
                items[user_id].extend(user_items)
    sent = 0
    async with in_transaction():
        for user in users:
            mine = items[user.id]
            if not mine:
                continue
            mine.sort(key=lambda i: (not i.overdue, i.due_at or day_end))
            result = await notify(
                organisation_id=org.id,
                recipients=[user.id],
                template=TEMPLATE,
                data={
                    "date": run.local_date,
                    "overdue": sum(1 for i in mine if i.overdue),
                    "due_today": sum(1 for i in mine if not i.overdue),
                    "items": [_line(i, user.locale, zone) for i in mine[:MAX_ITEMS]],
                },
                now=now,
                urgency=Urgency.LOW,
                dedupe_key=f"digest:{user.id}:{run.local_date.isoformat()}",
                subject=Subject("digest", run.local_date.isoformat()),
            )
            sent += int(result.created)
        await DigestRun.filter(id=run.id).update(finished_at=now, sent=sent)
    return sent


def _line(item: DigestItem, locale: str, zone: ZoneInfo) -> str:
    when = item.due_at.astimezone(zone).strftime("%H:%M") if item.due_at else ""
    if locale == "en":
        tag = "[overdue] " if item.overdue else ""
        return f"{tag}{item.title}" + (f" (due {when})" if when and not item.overdue else "")
    tag = "【逾期】" if item.overdue else ""
    return f"{tag}{item.title}" + (f"（{when} 前）" if when and not item.overdue else "")


async def unacknowledged_alerts(
    *, organisation_id: UUID, users: Sequence[User], now: datetime, day_end: datetime
) -> dict[UUID, list[DigestItem]]:
    """The engine's own items: alerts waiting for the person's acknowledgement.

    One statement reads each notification with its alert, so the two come from one snapshot:
    an escalation committing mid-read cannot pair a new level's row with the old deadline.
    """
    rows = await Notification.filter(
        organisation_id=organisation_id,
        recipient_id__in=[u.id for u in users],
        alert__escalation__isnull=False,
        alert__acknowledged_at__isnull=True,
        alert__resolved_at__isnull=True,
    ).values(
        "alert_id",
        "recipient_id",
        "level",
        "title",
        alert_level="alert__level",
        deadline="alert__next_escalation_at",
    )
    found: dict[UUID, list[DigestItem]] = {}
    for row in rows:
        deadline: datetime | None = row["deadline"]
        overdue = row["level"] < row["alert_level"] or (deadline is not None and deadline <= now)
        if not overdue and (deadline is None or deadline >= day_end):
            continue
        found.setdefault(UUID(str(row["recipient_id"])), []).append(
            DigestItem(
                title=row["title"],
                due_at=deadline,
                overdue=overdue,
                subject_type="alert",
                subject_id=str(row["alert_id"]),
            )
        )
    return found


register_provider("notifications", unacknowledged_alerts)
