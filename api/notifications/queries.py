"""Notification queries: the caller's inbox, alert trails, dead letters, settings."""

from __future__ import annotations

import strawberry
from tortoise.queryset import QuerySet

from api.auth.permissions import Permission
from api.common.pagination import page_size, paginate
from api.context import Info
from api.graphql.connection import Connection
from api.graphql.permissions import IsAuthenticated, Requires
from api.notifications import configuration, delivery, service, trail
from api.notifications.models import Delivery, Notification
from api.notifications.types import (
    AlertTrailType,
    DeadDelivery,
    NotificationPreferences,
    NotificationSettings,
    NotificationType,
)
from api.org.models import User


@strawberry.type
class NotificationQueries:
    @strawberry.field(
        permission_classes=[IsAuthenticated],
        description="The caller's notifications, newest first.",
    )
    async def notifications(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        unread_only: bool = False,
    ) -> Connection[NotificationType]:
        principal = info.context.require_principal()
        query: QuerySet[Notification] = service.inbox(
            user_id=principal.user_id, unread_only=unread_only
        )
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(
            query, first=size, after=after, order=("created_at", "id"), descending=True
        )
        return Connection.from_page(page, await NotificationType.build(page.items))

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def unread_notification_count(self, info: Info) -> int:
        return await service.unread_count(user_id=info.context.require_principal().user_id)

    @strawberry.field(
        permission_classes=[Requires(Permission.NOTIFICATIONS_TRAIL)],
        description=(
            "Every alert about one object (newest 50): who it reached on which channel, "
            "retries, escalations and acknowledgements."
        ),
    )
    async def notification_trail(
        self, info: Info, subject_type: str, subject_id: str
    ) -> list[AlertTrailType]:
        found = await trail.trail(
            principal=info.context.require_principal(),
            subject_type=subject_type,
            subject_id=subject_id,
        )
        return [AlertTrailType.of(t) for t in found]

    @strawberry.field(
        permission_classes=[Requires(Permission.NOTIFICATIONS_MANAGE)],
        description="Deliveries given up after their last try, most recent first.",
    )
    async def failed_deliveries(
        self, info: Info, first: int | None = None, after: str | None = None
    ) -> Connection[DeadDelivery]:
        principal = info.context.require_principal()
        query: QuerySet[Delivery] = delivery.dead_letters(  # type: ignore[assignment]
            organisation_id=principal.organisation_id
        )
        settings = info.context.settings
        size = page_size(first, default=settings.default_page_size, maximum=settings.max_page_size)
        page = await paginate(
            query.select_related("notification__alert"),
            first=size,
            after=after,
            order=("created_at", "id"),
            descending=True,
        )
        ids = {d.notification.recipient_id for d in page.items}  # type: ignore[attr-defined]
        people = {
            u.id: u
            for u in await User.filter(id__in=list(ids), organisation_id=principal.organisation_id)
        }
        return Connection.from_page(page, [DeadDelivery.of(d, people) for d in page.items])

    @strawberry.field(permission_classes=[IsAuthenticated])
    async def my_notification_preferences(self, info: Info) -> NotificationPreferences:
        principal = info.context.require_principal()
        return NotificationPreferences.of(await configuration.preference(user_id=principal.user_id))

    @strawberry.field(
        permission_classes=[Requires(Permission.NOTIFICATIONS_MANAGE)],
        description="The organisation's channels and defaults (credentials are never shown).",
    )
    async def notification_settings(self, info: Info) -> NotificationSettings:
        org_id = info.context.require_principal().organisation_id
        return NotificationSettings.of(
            await configuration.organisation_policy(organisation_id=org_id),
            await configuration.channel_configs(organisation_id=org_id),
        )
