"""The ``notificationAdded`` subscription over a real websocket (uvicorn + graphql-transport-ws).

uvicorn serves the app in the test's event loop on 127.0.0.1; the ``websockets`` client speaks
graphql-transport-ws to it. Notifications are created with ``notify()`` and delivered by the arq
worker in-process (``run_due_jobs``), which publishes on Redis; the subscription re-reads each
row for its subscriber. Receive timeouts are liveness bounds, never timing assertions.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import pytest
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from api.app import create_app
from api.notifications import live
from api.notifications.models import DeliveryStatus, Notification
from api.notifications.service import notify
from notifications.message import ChannelKind
from notifications.templates import Template
from notifications.templates import registry as templates
from tests.factories import make_world
from tests.notifications.support import deliveries_of, run_due_jobs

PROTOCOL = Subprotocol("graphql-transport-ws")
LIVENESS = 5.0  # seconds: a bound on waiting for something that must happen, not a measurement
SUBSCRIPTION = "subscription { notificationAdded { id title body urgency level } }"
LOGOUT = "mutation { logout(everywhere: false) { revokedSessions } }"

templates.register(
    Template(
        name="test.live_ping",
        title={"zh-CN": "实时：{what}", "en": "Live: {what}"},
        body={"zh-CN": "{what} 已发生。", "en": "{what} happened."},
    )
)


@pytest.fixture
async def ws_url(services) -> AsyncIterator[str]:
    """The app served by uvicorn on a free port, in this event loop; stopped cleanly after."""
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(services=services),
            host="127.0.0.1",
            port=0,
            lifespan="off",
            log_level="warning",
        )
    )
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(LIVENESS):
        while not server.started:
            if task.done():
                task.result()  # raise what stopped it
            await asyncio.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await task


async def _receive(ws: ClientConnection) -> dict[str, Any]:
    """The next protocol message (pings answered on the way)."""
    while True:
        raw = await asyncio.wait_for(ws.recv(), LIVENESS)
        message: dict[str, Any] = json.loads(raw)
        if message.get("type") == "ping":
            await ws.send(json.dumps({"type": "pong"}))
            continue
        return message


async def _init(ws: ClientConnection, payload: dict[str, Any] | None = None) -> dict[str, Any]:
    await ws.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
    return await _receive(ws)


async def _listeners(services, user_id: UUID) -> int:
    """How many Redis subscriptions listen to ``user_id``'s live feed."""
    channel = live.channel_of(user_id)
    for name, count in await services.arq.pubsub_numsub(channel):
        if name in (channel, channel.encode()):
            return int(count)
    return 0


async def _wait_for_listeners(services, user_id: UUID, wanted: int) -> None:
    """Poll Redis until ``wanted`` listeners are there (a condition with a liveness bound)."""
    async with asyncio.timeout(LIVENESS):
        while True:
            if await _listeners(services, user_id) == wanted:
                return
            await asyncio.sleep(0.01)


async def _subscribe(ws: ClientConnection, services, user_id: UUID, op_id: str = "1") -> None:
    """Start ``notificationAdded`` and wait until its Redis listener is in place.

    The server subscribes to the user's Redis channel once the operation's generator starts;
    a notification published before that would reach nobody, so wait for the listener (a
    readiness condition polled with a liveness bound, not a sleep standing in for it).
    """
    await ws.send(
        json.dumps({"id": op_id, "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
    )
    await _wait_for_listeners(services, user_id, 1)


async def _notify(services, org_id: UUID, user_id: UUID, what: str) -> Notification:
    """notify() ``user_id``, then deliver it as the worker would; their new notification."""
    result = await notify(
        organisation_id=org_id,
        recipients=[user_id],
        template="test.live_ping",
        data={"what": what},
        now=services.clock.now(),
    )
    await run_due_jobs(services)
    return await Notification.get(alert_id=result.alert.id, recipient_id=user_id)


async def _closed_with(ws: ClientConnection) -> int | None:
    """Wait for the server to close the connection; its close code."""
    with pytest.raises(ConnectionClosed):
        await _receive(ws)
    return ws.close_code


async def test_a_delivered_notification_is_pushed_to_its_recipient(services, api, ws_url):
    world = await make_world()
    token = await api.login(world.rep_a.username)
    async with connect(ws_url, subprotocols=[PROTOCOL]) as ws:
        assert ws.subprotocol == PROTOCOL
        assert (await _init(ws, {"Authorization": f"Bearer {token}"}))["type"] == "connection_ack"
        await _subscribe(ws, services, world.rep_a.id)

        sent = await _notify(services, world.org.id, world.rep_a.id, "签到")

        message = await _receive(ws)
        assert message["type"] == "next", message
        assert message["id"] == "1"
        assert "errors" not in message["payload"], message
        pushed = message["payload"]["data"]["notificationAdded"]
        assert pushed == {
            "id": str(sent.id),
            "title": "实时：签到",
            "body": sent.body,
            "urgency": "NORMAL",
            "level": 0,
        }
        assert "签到 已发生。" in pushed["body"]
        in_app = (await deliveries_of(world.rep_a.id))[ChannelKind.IN_APP]
        assert in_app.status is DeliveryStatus.DELIVERED
        assert in_app.external_id == "live:1"  # one listener: this connection
    # Closing the websocket ends the operation and releases its Redis subscription.
    await _wait_for_listeners(services, world.rep_a.id, 0)


async def test_another_users_notification_is_not_pushed(services, api, ws_url):
    world = await make_world()
    token = await api.login(world.rep_a.username)
    async with connect(ws_url, subprotocols=[PROTOCOL]) as ws:
        assert (await _init(ws, {"Authorization": f"Bearer {token}"}))["type"] == "connection_ack"
        await _subscribe(ws, services, world.rep_a.id)

        other = await _notify(services, world.org.id, world.rep_b.id, "别人的")
        # Even an id of someone else's notification arriving on rep_a's channel is not shown:
        # the subscription re-reads every id within the subscriber's own scope.
        await live.publish(services.arq, user_id=world.rep_a.id, notification_id=other.id)
        own = await _notify(services, world.org.id, world.rep_a.id, "自己的")

        message = await _receive(ws)
        assert message["type"] == "next", message
        pushed = message["payload"]["data"]["notificationAdded"]
        assert pushed["id"] == str(own.id)
        assert pushed["title"] == "实时：自己的"


@pytest.mark.parametrize("payload", [None, {"Authorization": "Bearer not-a-token"}])
async def test_a_connection_without_a_valid_token_is_closed_with_4403(services, ws_url, payload):
    await make_world()
    async with connect(ws_url, subprotocols=[PROTOCOL]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": payload or {}}))
        assert await _closed_with(ws) == 4403


async def test_a_garbage_authorization_header_without_a_payload_is_closed_with_4403(
    services, ws_url
):
    await make_world()
    headers = {"Authorization": "Bearer garbage.garbage.garbage"}
    async with connect(ws_url, subprotocols=[PROTOCOL], additional_headers=headers) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": {}}))
        assert await _closed_with(ws) == 4403


async def test_the_authorization_header_of_the_handshake_authenticates(services, api, ws_url):
    world = await make_world()
    token = await api.login(world.rep_a.username)
    headers = {"Authorization": f"Bearer {token}"}
    async with connect(ws_url, subprotocols=[PROTOCOL], additional_headers=headers) as ws:
        assert (await _init(ws))["type"] == "connection_ack"
        await _subscribe(ws, services, world.rep_a.id)
        sent = await _notify(services, world.org.id, world.rep_a.id, "握手")
        message = await _receive(ws)
        assert message["type"] == "next", message
        assert message["payload"]["data"]["notificationAdded"]["id"] == str(sent.id)


async def test_the_stream_completes_after_logout(services, api, ws_url):
    world = await make_world()
    token = await api.login(world.rep_a.username)
    async with connect(ws_url, subprotocols=[PROTOCOL]) as ws:
        assert (await _init(ws, {"Authorization": f"Bearer {token}"}))["type"] == "connection_ack"
        await _subscribe(ws, services, world.rep_a.id)

        first = await _notify(services, world.org.id, world.rep_a.id, "登出前")
        message = await _receive(ws)
        assert message["type"] == "next"
        assert message["payload"]["data"]["notificationAdded"]["id"] == str(first.id)

        body = await api.graphql(LOGOUT, token=token)
        assert body["data"]["logout"]["revokedSessions"] == 1, body

        await _notify(services, world.org.id, world.rep_a.id, "登出后")
        assert await _receive(ws) == {"type": "complete", "id": "1"}
        await _wait_for_listeners(services, world.rep_a.id, 0)


async def test_a_subscription_started_after_logout_on_the_same_connection_is_refused(
    services, api, ws_url
):
    world = await make_world()
    token = await api.login(world.rep_a.username)
    async with connect(ws_url, subprotocols=[PROTOCOL]) as ws:
        assert (await _init(ws, {"Authorization": f"Bearer {token}"}))["type"] == "connection_ack"
        body = await api.graphql(LOGOUT, token=token)
        assert body["data"]["logout"]["revokedSessions"] == 1, body

        await ws.send(
            json.dumps({"id": "1", "type": "subscribe", "payload": {"query": SUBSCRIPTION}})
        )
        refused = await _receive(ws)  # nothing is published: only the refusal can arrive
        assert refused["id"] == "1", refused
        assert refused["type"] in {"error", "complete", "next"}, refused
        assert refused["type"] != "next" or refused["payload"].get("errors"), refused
