"""``customers(first: 50)`` with owners, contacts and sites: GraphQL versus a plain endpoint.

The limit is a plain starlette route doing the same ORM reads as the GraphQL resolvers (same
bearer-token authentication, same scoped customers query, one query each for contacts, sites and
owners) and serialising the same fields with the same masking through JSONResponse. Both apps
run in this process and are driven through httpx's ASGI transport, interleaved in rounds.
"""

from __future__ import annotations

import asyncio
import json
from collections import defaultdict
from typing import Any
from uuid import UUID

import httpx
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from api.app import create_app
from api.auth.http import bearer_token
from api.auth.permissions import Permission
from api.auth.principal import Principal
from api.auth.service import AuthenticationFailed, authenticate
from api.common.masking import mask_email, mask_phone
from api.common.pagination import encode_cursor
from api.common.querylog import count_queries
from api.customers.models import Contact, ContactKind, Customer, Site
from api.customers.service import scoped_customers
from api.org.models import Role, User
from api.services import Services
from bench.common import (
    BenchEnv,
    Row,
    Table,
    count_graphql_validations,
    interleaved_throughput,
)

NAME = "customers_list"
GOAL_RATIO = 0.6
PAGE_SIZE = 50
COUNTED_PAGE_SIZES = (5, 20, 50, 100)
BASE_URL = "http://bench.liuhen"

QUERY = """
query Customers($first: Int) {
  customers(first: $first) {
    edges {
      node {
        id name industry tier city
        owner { id username displayName }
        contacts { id name title kind phone email }
        sites { id name address latitude longitude datum radiusM }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
"""


# --- the limit: a plain starlette endpoint -------------------------------------------------


def _masked(value: str | None, masked: str, field: str, principal: Principal) -> str | None:
    """The masking rule of ContactType: always masked; delivery sees no phone or WeChat ID."""
    if value is None:
        return None
    if principal.role == Role.DELIVERY and field != "email":
        return None
    return masked


def _contact_json(row: Contact, principal: Principal) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "name": row.name,
        "title": row.title,
        "kind": row.kind.name,
        "phone": _masked(row.phone, mask_phone(row.phone) if row.phone else "", "phone", principal),
        "email": _masked(row.email, mask_email(row.email) if row.email else "", "email", principal),
    }


def _site_json(row: Site) -> dict[str, Any]:
    return {
        "id": str(row.id),
        "name": row.name,
        "address": row.address,
        "latitude": row.latitude,
        "longitude": row.longitude,
        "datum": row.datum.name,
        "radiusM": row.radius_m,
    }


def _owner_json(user: User | None) -> dict[str, Any] | None:
    if user is None:
        return None
    return {"id": str(user.id), "username": user.username, "displayName": user.display_name}


def _error(code: str, status: int) -> JSONResponse:
    return JSONResponse({"errors": [{"extensions": {"code": code}}]}, status_code=status)


async def plain_customers(request: Request) -> JSONResponse:
    services: Services = request.app.state.services
    token = bearer_token(request)
    if token is None:
        return _error("UNAUTHENTICATED", 401)
    try:
        principal = await authenticate(
            access_token=token, clock=services.clock, settings=services.settings
        )
    except AuthenticationFailed:
        return _error("UNAUTHENTICATED", 401)
    if not principal.can(Permission.CUSTOMERS_VIEW):
        return _error("FORBIDDEN", 403)
    first = int(request.query_params.get("first", services.settings.default_page_size))
    if not 0 <= first <= services.settings.max_page_size:
        return _error("PAGE_SIZE_LIMIT", 400)

    org = principal.organisation_id
    query = await scoped_customers(principal=principal)
    rows = await query.order_by("name", "id").limit(first + 1)
    customers: list[Customer] = rows[:first]
    ids = [c.id for c in customers]
    owner_ids = list({c.owner_id for c in customers if c.owner_id})  # type: ignore[attr-defined]
    see_contacts = principal.can(Permission.CONTACTS_VIEW)

    async def contacts() -> list[Contact]:
        if not ids or not see_contacts:
            return []
        return await Contact.filter(customer_id__in=ids, organisation_id=org).order_by("name", "id")

    async def sites() -> list[Site]:
        if not ids:
            return []
        return await Site.filter(customer_id__in=ids, organisation_id=org).order_by("name", "id")

    async def owners() -> list[User]:
        if not owner_ids:
            return []
        return await User.filter(id__in=owner_ids, organisation_id=org)

    # Like CustomerType.build (relations_of), the three reads are dispatched together.
    contact_rows, site_rows, owner_rows = await asyncio.gather(contacts(), sites(), owners())
    contacts_by: dict[UUID, list[Contact]] = defaultdict(list)
    for contact in contact_rows:
        if principal.role != Role.DELIVERY or contact.kind == ContactKind.TECHNICAL:
            contacts_by[contact.customer_id].append(contact)  # type: ignore[attr-defined]
    sites_by: dict[UUID, list[Site]] = defaultdict(list)
    for site in site_rows:
        sites_by[site.customer_id].append(site)  # type: ignore[attr-defined]
    owner_by = {u.id: u for u in owner_rows}

    edges = [
        {
            "node": {
                "id": str(c.id),
                "name": c.name,
                "industry": c.industry,
                "tier": c.tier.name,
                "city": c.city,
                "owner": _owner_json(owner_by.get(c.owner_id)),  # type: ignore[attr-defined]
                "contacts": [_contact_json(r, principal) for r in contacts_by.get(c.id, [])],
                "sites": [_site_json(r) for r in sites_by.get(c.id, [])],
            }
        }
        for c in customers
    ]
    last = customers[-1] if customers else None
    page_info = {
        "hasNextPage": len(rows) > first,
        "endCursor": encode_cursor([last.name, last.id]) if last else None,
    }
    return JSONResponse({"data": {"customers": {"edges": edges, "pageInfo": page_info}}})


def plain_app(services: Services) -> Starlette:
    app = Starlette(routes=[Route("/customers", plain_customers, methods=["GET"])])
    app.state.services = services
    return app


# --- the benchmark ---------------------------------------------------------------------------


class Clients:
    def __init__(self, env: BenchEnv, graphql: httpx.AsyncClient, plain: httpx.AsyncClient):
        self.env = env
        self.graphql_client = graphql
        self.plain_client = plain

    async def graphql(self, first: int = PAGE_SIZE) -> bytes:
        response = await self.graphql_client.post(
            "/graphql",
            json={"query": QUERY, "variables": {"first": first}},
            headers=self.env.auth_headers,
        )
        return _checked(response)

    async def plain(self, first: int = PAGE_SIZE) -> bytes:
        response = await self.plain_client.get(
            "/customers", params={"first": first}, headers=self.env.auth_headers
        )
        return _checked(response)


def _checked(response: httpx.Response) -> bytes:
    if response.status_code != 200 or b'"errors"' in response.content:
        raise RuntimeError(f"unexpected response {response.status_code}: {response.text[:500]}")
    return response.content


def _field_count(value: Any) -> int:
    """How many fields a GraphQL response resolved (every key of every object)."""
    if isinstance(value, dict):
        return len(value) + sum(_field_count(v) for v in value.values())
    if isinstance(value, list):
        return sum(_field_count(v) for v in value)
    return 0


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "BELOW GOAL"


async def run(env: BenchEnv, *, requests: int) -> Table:
    table = Table(f"customers(first: {PAGE_SIZE}) with owner, contacts and sites")
    graphql_transport = httpx.ASGITransport(app=create_app(services=env.services))
    plain_transport = httpx.ASGITransport(app=plain_app(env.services))
    async with (
        httpx.AsyncClient(transport=graphql_transport, base_url=BASE_URL) as graphql_client,
        httpx.AsyncClient(transport=plain_transport, base_url=BASE_URL) as plain_client,
    ):
        clients = Clients(env, graphql_client, plain_client)

        # Both endpoints must answer the same thing, or the comparison means nothing.
        graphql_data = json.loads(await clients.graphql())["data"]
        plain_data = json.loads(await clients.plain())["data"]
        edges = graphql_data["customers"]["edges"]
        if graphql_data != plain_data:
            raise RuntimeError("the plain endpoint does not answer the same data as GraphQL")
        contacts = sum(len(e["node"]["contacts"]) for e in edges)
        sites = sum(len(e["node"]["sites"]) for e in edges)

        # SQL statements per request, for several page sizes.
        graphql_counts: dict[int, int] = {}
        plain_counts: dict[int, int] = {}
        for first in COUNTED_PAGE_SIZES:
            async with count_queries() as log:
                await clients.graphql(first)
            graphql_counts[first] = log.count
            async with count_queries() as log:
                await clients.plain(first)
            plain_counts[first] = log.count

        # Is the validation of the (unchanged) query cached across requests?
        repeats = 10
        async with count_graphql_validations() as validations:
            for _ in range(repeats):
                await clients.graphql()

        print(f"  timing {requests} requests each (interleaved rounds) ...", flush=True)
        results = await interleaved_throughput(
            {"graphql": clients.graphql, "plain": clients.plain}, requests=requests
        )

    ours, limit = results["graphql"], results["plain"]
    ratio = ours.per_second / limit.per_second
    table.rows.append(
        Row(
            "throughput (req/s)",
            f"{ours.per_second:.1f}",
            f"{limit.per_second:.1f}",
            f"{ratio:.2f}",
            f">= {GOAL_RATIO}",
            _verdict(ratio >= GOAL_RATIO),
        )
    )
    table.rows.append(
        Row(
            "mean latency (ms)",
            f"{ours.mean_ms:.2f}",
            f"{limit.mean_ms:.2f}",
            f"{ours.mean_ms / limit.mean_ms:.2f}",
            "",
            "",
        )
    )
    constant = len(set(graphql_counts.values())) == 1
    for first in COUNTED_PAGE_SIZES:
        g, p = graphql_counts[first], plain_counts[first]
        table.rows.append(
            Row(
                f"SQL statements, first: {first}",
                str(g),
                str(p),
                f"{g / p:.2f}" if p else "-",
                "constant",
                _verdict(constant),
            )
        )
    table.notes.append(
        f"page of {len(edges)} customers, {contacts} contacts, {sites} sites "
        f"({_field_count(graphql_data)} GraphQL fields); both endpoints answer the same data"
    )
    if validations[0] >= 0:
        cached = "cached" if validations[0] == 0 else "NOT cached (ValidationCache misses)"
        table.notes.append(
            f"GraphQL validation ran {validations[0]} times in {repeats} identical requests: "
            + cached
        )
    table.notes.append(
        f"{ours.requests} sequential requests each over httpx.ASGITransport, same process"
    )
    table.notes.append(
        "limit: plain starlette route, same auth + ORM reads + masking, JSONResponse"
    )
    return table
