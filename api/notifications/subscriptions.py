"""The live feed of the caller's new notifications (GraphQL over graphql-transport-ws)."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from uuid import UUID

import strawberry

from api.auth.models import AuthSession
from api.context import Info
from api.graphql.permissions import IsAuthenticated
from api.notifications import live, service
from api.notifications.types import NotificationType


@strawberry.type
class NotificationSubscriptions:
    @strawberry.subscription(
        permission_classes=[IsAuthenticated],
        description=(
            "Each new notification of the caller as it is delivered in-app. The stream ends when "
            "the caller's session is closed (logout, deactivation)."
        ),
    )
    async def notification_added(self, info: Info) -> AsyncGenerator[NotificationType, None]:
        ctx = info.context
        principal = ctx.require_principal()
        if not await _session_open(principal.session_id):
            return  # the websocket outlived its login: no new stream on it
        async for notification_id in live.listen(ctx.services.arq, user_id=principal.user_id):
            if notification_id is None:  # idle tick: end the stream once the session is closed
                if not await _session_open(principal.session_id):
                    return
                continue
            if not await _session_open(principal.session_id):
                return
            row = await service.own_notification(
                user_id=principal.user_id, notification_id=notification_id
            )
            if row is not None:
                yield (await NotificationType.build([row]))[0]


async def _session_open(session_id: UUID) -> bool:
    return await AuthSession.filter(id=session_id, revoked_at__isnull=True).exists()
