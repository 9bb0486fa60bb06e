"""The live feed: a Redis pub/sub channel per person that the GraphQL subscription listens to.

Publishing happens in the in-app delivery job, after the notification is committed, so a
subscriber never sees a notification that a rolled-back transaction took back. Only the
notification's id travels through Redis; the subscriber re-reads the row with its own scope.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from uuid import UUID

from redis.asyncio import Redis

PREFIX = "liuhen:notifications:"


def channel_of(user_id: UUID) -> str:
    return f"{PREFIX}{user_id}"


async def publish(redis: Redis, *, user_id: UUID, notification_id: UUID) -> int:
    """Tell ``user_id``'s open connections about a new notification; how many listened."""
    listeners: int = await redis.publish(channel_of(user_id), str(notification_id))
    return listeners


async def publish_many(redis: Redis, items: Sequence[tuple[UUID, UUID]]) -> list[int]:
    """:func:`publish` for many ``(user_id, notification_id)`` pairs in one round trip."""
    async with redis.pipeline(transaction=False) as pipe:
        for user_id, notification_id in items:
            pipe.publish(channel_of(user_id), str(notification_id))
        listeners = await pipe.execute()
    return [int(n) for n in listeners]


IDLE_TICK_SECONDS = 30.0


async def listen(redis: Redis, *, user_id: UUID) -> AsyncIterator[UUID | None]:
    """Notification ids published for ``user_id`` from now on, until the caller stops.

    Yields None after each :data:`IDLE_TICK_SECONDS` without a message, so the caller can check
    that it should still be listening (its session may have been closed).
    """
    pubsub = redis.pubsub(ignore_subscribe_messages=True)
    await pubsub.subscribe(channel_of(user_id))
    try:
        while True:
            message = await pubsub.get_message(timeout=IDLE_TICK_SECONDS)
            if message is None:
                yield None
                continue
            data = message.get("data")
            raw = data.decode() if isinstance(data, bytes) else str(data)
            try:
                yield UUID(raw)
            except ValueError:
                continue
    finally:
        await pubsub.unsubscribe()
        await pubsub.aclose()  # type: ignore[no-untyped-call]
