"""Channels, templates, dispatcher with retries, delivery log and preferences.

The API depends on this package, never the other way round. This package is pure: no ORM, no
GraphQL, no imports from ``api``; it does network I/O only in its channel clients.

- ``message``: what travels to a channel (Rendered, Recipient, Outgoing, Urgency, ChannelKind).
- ``templates``: registered templates rendered per locale as text, markdown, HTML and a card.
- ``quiet_hours``, ``retry``, ``escalation``: the timing policies the dispatcher applies.
- ``channels``: WeCom and DingTalk group robots, WeChat subscribe messages and e-mail; the
  in-app channel needs the database and lives in the API.
"""
