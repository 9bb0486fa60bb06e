"""The inbox over GraphQL: list, unread count, mark read, acknowledge, trail; strictly one's own."""

from __future__ import annotations

from api.audit.models import AuditEntry
from api.notifications.models import Alert, Notification
from api.notifications.service import Subject, notify
from notifications.escalation import EscalationPolicy
from notifications.message import Urgency
from tests.factories import make_world
from tests.notifications.support import LEAD_ASSIGNED, run_due_jobs

INBOX = """
query ($unread: Boolean!, $first: Int) {
  unreadNotificationCount
  notifications(unreadOnly: $unread, first: $first) {
    totalCount
    nodes { id title body page urgency level readAt subjectType subjectId needsAcknowledgement }
    pageInfo { hasNextPage endCursor }
  }
}
"""
MARK = """
mutation ($ids: [ID!]) {
  markNotificationsRead(ids: $ids) { marked unreadCount errors { code } }
}
"""
ACK = """
mutation ($id: ID!) {
  acknowledgeNotification(id: $id) {
    notification { id needsAcknowledgement acknowledgedAt readAt }
    errors { code field message }
  }
}
"""
TRAIL = """
query ($type: String!, $id: String!) {
  notificationTrail(subjectType: $type, subjectId: $id) {
    template urgency level acknowledgedAt acknowledgedBy { username } duplicatesSuppressed
    notifications { recipient { username } level readAt
      deliveries { channel status attempts lastError deliveredAt } }
    events { kind level actor { username } }
  }
}
"""


async def _alert(world, services, recipient, lead="L1", escalation=None, dedupe=None):
    now = services.clock.now()
    result = await notify(
        organisation_id=world.org.id,
        recipients=[recipient.id],
        template=LEAD_ASSIGNED,
        data={"customer": "协和医院", "due_at": now, "lead_id": lead},
        now=now,
        urgency=Urgency.URGENT if escalation else Urgency.NORMAL,
        escalation=escalation,
        dedupe_key=dedupe,
        subject=Subject("lead", lead),
    )
    return result.alert


async def test_a_rep_lists_marks_and_counts_only_their_own(api, services):
    world = await make_world()
    for lead in ("L1", "L2", "L3"):
        await _alert(world, services, world.rep_a, lead)
        services.clock.advance(seconds=1)
    await _alert(world, services, world.rep_b, "L9")
    token = await api.login(world.rep_a.username)

    body = await api.graphql(INBOX, {"unread": True, "first": 2}, token=token)
    data = body["data"]
    assert data["unreadNotificationCount"] == 3
    assert data["notifications"]["totalCount"] == 3
    nodes = data["notifications"]["nodes"]
    assert [n["subjectId"] for n in nodes] == ["L3", "L2"]  # newest first
    assert data["notifications"]["pageInfo"]["hasNextPage"]

    other = await Notification.get(recipient_id=world.rep_b.id)
    body = await api.graphql(MARK, {"ids": [nodes[0]["id"], str(other.id)]}, token=token)
    assert body["data"]["markNotificationsRead"] == {"marked": 1, "unreadCount": 2, "errors": []}
    await other.refresh_from_db()
    assert other.read_at is None  # someone else's notification is untouched

    body = await api.graphql(MARK, {"ids": None}, token=token)
    assert body["data"]["markNotificationsRead"]["unreadCount"] == 0
    body = await api.graphql(INBOX, {"unread": True, "first": 10}, token=token)
    assert body["data"]["notifications"]["nodes"] == []


async def test_a_rep_cannot_acknowledge_another_users_notification(api, services):
    world = await make_world()
    await _alert(world, services, world.rep_b, escalation=EscalationPolicy.of_minutes(15))
    theirs = await Notification.get(recipient_id=world.rep_b.id)
    token = await api.login(world.rep_a.username)
    body = await api.graphql(ACK, {"id": str(theirs.id)}, token=token)
    assert body["data"]["acknowledgeNotification"]["errors"][0]["code"] == "NOTIFICATION_NOT_FOUND"
    assert (await Alert.get(id=theirs.alert_id)).acknowledged_at is None  # type: ignore[attr-defined]
    body = await api.graphql(ACK, {"id": "not-an-id"}, token=token)
    assert body["data"]["acknowledgeNotification"]["errors"][0]["code"] == "NOTIFICATION_NOT_FOUND"


async def test_acknowledging_marks_read_and_cannot_happen_twice(api, services):
    world = await make_world()
    await _alert(world, services, world.rep_a, escalation=EscalationPolicy.of_minutes(15))
    mine = await Notification.get(recipient_id=world.rep_a.id)
    token = await api.login(
        world.rep_a.username,
    )
    body = await api.graphql(
        ACK, {"id": str(mine.id)}, token=token, headers={"Accept-Language": "en"}
    )
    payload = body["data"]["acknowledgeNotification"]
    assert payload["errors"] == []
    assert payload["notification"]["needsAcknowledgement"] is False
    assert payload["notification"]["readAt"] is not None
    assert payload["notification"]["acknowledgedAt"] is not None
    assert (await Notification.get(id=mine.id)).read_at is not None

    again = await api.graphql(
        ACK, {"id": str(mine.id)}, token=token, headers={"Accept-Language": "en"}
    )
    error = again["data"]["acknowledgeNotification"]["errors"][0]
    assert error["code"] == "NOTHING_TO_ACKNOWLEDGE"
    assert error["message"] == "This alert has already been acknowledged or resolved"


async def test_the_trail_answers_what_happened_to_an_alert(api, services):
    world = await make_world()
    await _alert(
        world, services, world.rep_a, escalation=EscalationPolicy.of_minutes(15, 30), dedupe="d1"
    )
    await _alert(
        world, services, world.rep_a, escalation=EscalationPolicy.of_minutes(15, 30), dedupe="d1"
    )
    await run_due_jobs(services)
    services.clock.advance(minutes=15)
    await run_due_jobs(services)
    manager_note = await Notification.get(recipient_id=world.manager_a.id)
    manager = await api.login(world.manager_a.username)
    await api.graphql(ACK, {"id": str(manager_note.id)}, token=manager)

    body = await api.graphql(TRAIL, {"type": "lead", "id": "L1"}, token=manager)
    [alert] = body["data"]["notificationTrail"]
    assert alert["duplicatesSuppressed"] == 1
    assert alert["acknowledgedBy"]["username"] == world.manager_a.username
    assert [(n["recipient"]["username"], n["level"]) for n in alert["notifications"]] == [
        (world.rep_a.username, 0),
        (world.manager_a.username, 1),
    ]
    rep_in_app = alert["notifications"][0]["deliveries"][0]
    assert rep_in_app["channel"] == "IN_APP" and rep_in_app["status"] == "DELIVERED"
    assert [e["kind"] for e in alert["events"]] == ["CREATED", "ESCALATED", "ACKNOWLEDGED"]
    assert alert["events"][2]["actor"]["username"] == world.manager_a.username

    # Another team's manager sees nothing of it; a rep may not ask at all.
    other = await api.login(world.manager_b.username)
    body = await api.graphql(TRAIL, {"type": "lead", "id": "L1"}, token=other)
    assert body["data"]["notificationTrail"] == []
    rep = await api.login(world.rep_a.username)
    body = await api.graphql(TRAIL, {"type": "lead", "id": "L1"}, token=rep)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    # Admins see the whole organisation.
    admin = await api.login(world.admin.username)
    body = await api.graphql(TRAIL, {"type": "lead", "id": "L1"}, token=admin)
    assert len(body["data"]["notificationTrail"]) == 1


SETTINGS = """
mutation ($input: NotificationChannelInput!) {
  updateNotificationChannel(input: $input) {
    channel { channel enabled hasWebhookKey hasSecret hasAccessToken mention }
    errors { code field message }
  }
}
"""
PREFS = """
mutation ($input: NotificationPreferencesInput!) {
  updateNotificationPreferences(input: $input) {
    preferences { channels { urgency channels } quietHoursOwn quietStart quietEnd }
    errors { code field }
  }
}
"""
DEFAULTS = """
mutation ($input: NotificationSettingsInput!) {
  updateNotificationSettings(input: $input) {
    settings { quietStart quietEnd digestTime defaultChannels { urgency channels }
      channels { channel enabled hasWebhookKey } }
    errors { code field }
  }
}
"""


async def test_admins_configure_channels_without_ever_reading_the_secrets(api, services):
    world = await make_world()
    admin = await api.login(world.admin.username)
    missing = await api.graphql(
        SETTINGS,
        {"input": {"channel": "DINGTALK", "enabled": True, "accessToken": "t"}},
        token=admin,
    )
    error = missing["data"]["updateNotificationChannel"]["errors"][0]
    assert (error["code"], error["field"]) == ("CHANNEL_SETTINGS_REQUIRED", "secret")

    body = await api.graphql(
        SETTINGS,
        {"input": {"channel": "DINGTALK", "enabled": True, "accessToken": "t", "secret": "SECx"}},
        token=admin,
    )
    channel = body["data"]["updateNotificationChannel"]["channel"]
    assert channel == {
        "channel": "DINGTALK",
        "enabled": True,
        "hasWebhookKey": False,
        "hasSecret": True,
        "hasAccessToken": True,
        "mention": True,
    }
    # Changing one setting keeps the stored secrets.
    body = await api.graphql(
        SETTINGS, {"input": {"channel": "DINGTALK", "enabled": True, "mention": False}}, token=admin
    )
    assert body["data"]["updateNotificationChannel"]["channel"]["hasSecret"] is True
    entry = await AuditEntry.filter(action="notifications.channel_changed").order_by("-seq").first()
    assert entry is not None and entry.data == {"enabled": True, "fields": ["mention"]}
    assert "SECx" not in str(await AuditEntry.all().values_list("data", flat=True))

    rep = await api.login(world.rep_a.username)
    body = await api.graphql(
        SETTINGS, {"input": {"channel": "WECOM", "enabled": True, "webhookKey": "k"}}, token=rep
    )
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_people_choose_their_channels_and_quiet_hours(api, services):
    world = await make_world()
    rep = await api.login(world.rep_a.username)
    body = await api.graphql(
        PREFS,
        {
            "input": {
                "channels": [{"urgency": "NORMAL", "channels": ["EMAIL"]}],
                "quietHours": "SET",
                "quietStart": "21:30",
                "quietEnd": "7:00",
            }
        },
        token=rep,
    )
    prefs = body["data"]["updateNotificationPreferences"]["preferences"]
    assert prefs["channels"] == [{"urgency": "NORMAL", "channels": ["EMAIL"]}]
    assert (prefs["quietHoursOwn"], prefs["quietStart"], prefs["quietEnd"]) == (
        True,
        "21:30",
        "07:00",
    )

    bad = await api.graphql(
        PREFS,
        {"input": {"quietHours": "SET", "quietStart": "25:00", "quietEnd": "07:00"}},
        token=rep,
    )
    assert bad["data"]["updateNotificationPreferences"]["errors"] == [
        {"code": "INVALID_TIME", "field": "quietStart"}
    ]

    admin = await api.login(world.admin.username)
    body = await api.graphql(
        DEFAULTS,
        {
            "input": {
                "quietStart": "22:30",
                "quietEnd": "07:30",
                "digestTime": "08:15",
                "defaultChannels": [{"urgency": "LOW", "channels": ["IN_APP", "EMAIL"]}],
            }
        },
        token=admin,
    )
    settings = body["data"]["updateNotificationSettings"]["settings"]
    assert (settings["quietStart"], settings["quietEnd"], settings["digestTime"]) == (
        "22:30",
        "07:30",
        "08:15",
    )
    assert {"urgency": "LOW", "channels": ["IN_APP", "EMAIL"]} in settings["defaultChannels"]
