"""Notification mutations: thin wrappers that call the services and map their errors."""

from __future__ import annotations

import strawberry

from api.auth.permissions import Permission
from api.context import Info
from api.errors import ServiceError
from api.graphql.errors import user_errors
from api.graphql.ids import id_or_nothing
from api.graphql.permissions import IsAuthenticated, Requires
from api.jobs.relay import relay_now
from api.notifications import configuration, delivery, service
from api.notifications.types import (
    AcknowledgeNotificationPayload,
    DeliveryType,
    MarkNotificationsReadPayload,
    NotificationChannelInput,
    NotificationChannelPayload,
    NotificationChannelSettings,
    NotificationError,
    NotificationPreferences,
    NotificationPreferencesInput,
    NotificationPreferencesPayload,
    NotificationSettings,
    NotificationSettingsInput,
    NotificationSettingsPayload,
    NotificationType,
    RetryDeliveryPayload,
    channels_input,
)
from notifications.message import ChannelKind

MANAGE = [Requires(Permission.NOTIFICATIONS_MANAGE)]


@strawberry.type
class NotificationMutations:
    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Mark the caller's notifications read: the given ids, or all when ids is null.",
    )
    async def mark_notifications_read(
        self, info: Info, ids: list[strawberry.ID] | None = None
    ) -> MarkNotificationsReadPayload:
        ctx = info.context
        principal = ctx.require_principal()
        parsed = None
        if ids is not None:
            parsed = [i for i in (id_or_nothing(x) for x in ids) if i is not None]
        try:
            marked = await service.mark_read(
                user_id=principal.user_id, notification_ids=parsed, now=ctx.clock.now()
            )
        except ServiceError as exc:
            return MarkNotificationsReadPayload(
                errors=user_errors(exc, NotificationError, ctx.locale)
            )
        unread = await service.unread_count(user_id=principal.user_id)
        return MarkNotificationsReadPayload(marked=marked, unread_count=unread)

    @strawberry.mutation(
        permission_classes=[IsAuthenticated],
        description="Take charge of the alert behind one of the caller's notifications.",
    )
    async def acknowledge_notification(
        self, info: Info, id: strawberry.ID
    ) -> AcknowledgeNotificationPayload:
        ctx = info.context
        principal = ctx.require_principal()
        try:
            alert = await service.acknowledge(
                user_id=principal.user_id, notification_id=id_or_nothing(id), now=ctx.clock.now()
            )
        except ServiceError as exc:
            return AcknowledgeNotificationPayload(
                errors=user_errors(exc, NotificationError, ctx.locale)
            )
        row = await service.own_notification(
            user_id=principal.user_id, notification_id=id_or_nothing(id)
        )
        assert row is not None
        return AcknowledgeNotificationPayload(notification=NotificationType.of(row, alert))

    @strawberry.mutation(
        permission_classes=MANAGE, description="Send a given-up delivery again, from its first try."
    )
    async def retry_delivery(self, info: Info, id: strawberry.ID) -> RetryDeliveryPayload:
        ctx = info.context
        principal = ctx.require_principal()
        try:
            row = await delivery.retry_delivery(
                organisation_id=principal.organisation_id,
                delivery_id=id_or_nothing(id),
                actor_id=principal.user_id,
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return RetryDeliveryPayload(errors=user_errors(exc, NotificationError, ctx.locale))
        await relay_now(redis=ctx.services.arq, now=ctx.clock.now())
        return RetryDeliveryPayload(delivery=DeliveryType.from_row(row))

    @strawberry.mutation(permission_classes=MANAGE)
    async def update_notification_channel(
        self, info: Info, input: NotificationChannelInput
    ) -> NotificationChannelPayload:
        ctx = info.context
        try:
            row = await configuration.update_channel(
                principal=ctx.require_principal(),
                changes=configuration.ChannelChanges(
                    channel=ChannelKind(input.channel),
                    enabled=input.enabled,
                    webhook_key=input.webhook_key,
                    access_token=input.access_token,
                    secret=input.secret,
                    mention=input.mention,
                    sender=input.sender,
                    miniprogram_state=input.miniprogram_state,
                    wechat_templates=(
                        [
                            configuration.WechatTemplateInput(
                                template=t.template,
                                template_id=t.template_id,
                                keywords=t.keywords if isinstance(t.keywords, dict) else {},
                                page=t.page,
                            )
                            for t in input.wechat_templates
                        ]
                        if input.wechat_templates is not None
                        else None
                    ),
                ),
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return NotificationChannelPayload(
                errors=user_errors(exc, NotificationError, ctx.locale)
            )
        return NotificationChannelPayload(channel=NotificationChannelSettings.of(row.channel, row))

    @strawberry.mutation(permission_classes=MANAGE)
    async def update_notification_settings(
        self, info: Info, input: NotificationSettingsInput
    ) -> NotificationSettingsPayload:
        ctx = info.context
        principal = ctx.require_principal()
        try:
            row = await configuration.update_policy(
                principal=principal,
                changes=configuration.PolicyChanges(
                    channels=channels_input(input.default_channels),
                    quiet_start=input.quiet_start,
                    quiet_end=input.quiet_end,
                    clear_quiet_hours=input.clear_quiet_hours,
                    digest_enabled=input.digest_enabled,
                    digest_time=input.digest_time,
                ),
                now=ctx.clock.now(),
            )
        except ServiceError as exc:
            return NotificationSettingsPayload(
                errors=user_errors(exc, NotificationError, ctx.locale)
            )
        configs = await configuration.channel_configs(organisation_id=principal.organisation_id)
        return NotificationSettingsPayload(settings=NotificationSettings.of(row, configs))

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def update_notification_preferences(
        self, info: Info, input: NotificationPreferencesInput
    ) -> NotificationPreferencesPayload:
        ctx = info.context
        try:
            row = await configuration.update_preference(
                principal=ctx.require_principal(),
                changes=configuration.PreferenceChanges(
                    channels=channels_input(input.channels),
                    reset_channels=input.reset_channels,
                    quiet_hours=input.quiet_hours.value,
                    quiet_start=input.quiet_start,
                    quiet_end=input.quiet_end,
                ),
            )
        except ServiceError as exc:
            return NotificationPreferencesPayload(
                errors=user_errors(exc, NotificationError, ctx.locale)
            )
        return NotificationPreferencesPayload(preferences=NotificationPreferences.of(row))
