"""Shared helpers of the lead tests: GraphQL documents, a world of reps, running the jobs."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from typing import Any

from api.leads.models import RoutingProfile
from api.worker import run_burst
from tests.factories import World, make_world

LEAD_FIELDS = """
  id channel status stage priority tags pool score mql renewal contactName phone email
  companyName industry firstTouchDueAt viewDueAt handoffDueAt viewedAt touchedAt
  touchOverdue recycledCount customerId owner { username }
  assignment { sequence kind ruleName pool reason explain assignee { username } }
"""
CAPTURE = f"""
mutation ($input: CaptureLeadInput!) {{
  captureLead(input: $input) {{ lead {{ {LEAD_FIELDS} }} merged errors {{ code field message }} }}
}}
"""
LEAD = f"query ($id: ID!) {{ lead(id: $id) {{ {LEAD_FIELDS} timeline {{ kind detail }} }} }}"
VIEW = f"""
mutation ($id: ID!) {{ viewLead(leadId: $id) {{ lead {{ {LEAD_FIELDS} }} errors {{ code }} }} }}
"""
TOUCH = f"""
mutation ($id: ID!, $kind: LeadTouchKind!) {{
  touchLead(leadId: $id, kind: $kind, note: "电话沟通") {{
    lead {{ {LEAD_FIELDS} }} errors {{ code }}
  }}
}}
"""
MY_LEADS = """
query { myLeads(first: 50) { edges { node { id firstTouchDueAt viewDueAt } } } }
"""
REASSIGN = f"""
mutation ($id: ID!, $user: ID!, $reason: String!) {{
  reassignLead(leadId: $id, userId: $user, reason: $reason) {{
    lead {{ {LEAD_FIELDS} }} errors {{ code field message }}
  }}
}}
"""
BOARD = """
query { leadBoard {
  overdue { id touchOverdue owner { username } }
  recycled { id recycledCount owner { username } }
  pool { id }
  goldenHour { user { username } assigned inTime rate status }
} }
"""


@dataclass
class Sales:
    world: World
    tokens: dict[str, str]

    def token(self, who: str) -> str:
        return self.tokens[who]


async def sales(api: Any) -> Sales:
    """The factory world, with rep_b out of the default pool (so routing stays in team A)."""
    world = await make_world()
    await RoutingProfile.create(organisation=world.org, user=world.rep_b, pools=["east"])
    tokens = {}
    for name in ("rep_a", "rep_a2", "rep_b", "manager_a", "manager_b", "admin", "marketing"):
        tokens[name] = await api.login(getattr(world, name).username)
    return Sales(world=world, tokens=tokens)


def lead_input(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "channel": "STAFF",
        "contactName": "王经理",
        "phone": "13800138000",
        "companyName": "上海明德教育科技有限公司",
        "industry": "education",
    }
    data.update(overrides)
    return data


async def capture(api: Any, token: str, **overrides: Any) -> dict[str, Any]:
    body = await api.graphql(CAPTURE, {"input": lead_input(**overrides)}, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["captureLead"]
    return payload


async def run_jobs(api: Any) -> int:
    """Relay due outbox messages and run every job that is ready (as the worker would)."""
    from api.jobs.relay import relay_due

    services = api.services
    await relay_due(redis=services.arq, now=services.clock.now())
    return await run_burst(redis=services.arq, settings=services.settings, clock=services.clock)


def signed(secret: str, body: dict[str, Any] | bytes, timestamp: int) -> tuple[bytes, str]:
    raw = body if isinstance(body, bytes) else json.dumps(body, ensure_ascii=False).encode()
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256)
    return raw, "sha256=" + digest.hexdigest()


STAGE_DOCUMENT = """
mutation ($id: ID!, $stage: LeadStage!) {
  moveLeadStage(leadId: $id, stage: $stage) { lead { id stage } errors { code } }
}
"""
