"""End to end over a real socket: uvicorn serves the app, a client logs in and reads customers."""

from __future__ import annotations

import asyncio
import socket

import httpx
import pytest
import uvicorn

from api.app import create_app
from tests.factories import PASSWORD, make_customer, make_world


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture
async def server_url(services):
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            create_app(services=services), host="127.0.0.1", port=port, log_level="warning"
        )
    )
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        await asyncio.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


async def test_a_rep_logs_in_over_http_and_reads_their_customers(server_url):
    w = await make_world()
    await make_customer(w.org, w.rep_a, "瑞金医院")
    await make_customer(w.org, w.rep_b, "浙江省人民医院")
    async with httpx.AsyncClient(base_url=server_url) as client:
        assert (await client.get("/healthz")).json()["status"] == "ok"
        login = await client.post(
            "/graphql",
            json={
                "query": "mutation ($u: String!, $p: String!) { login(username: $u, password: $p)"
                " { tokens { accessToken } errors { code } } }",
                "variables": {"u": w.rep_a.username, "p": PASSWORD},
            },
        )
        token = login.json()["data"]["login"]["tokens"]["accessToken"]
        response = await client.post(
            "/graphql",
            json={
                "query": "{ customers(first: 10) { edges { node { name contacts { phone }"
                " sites { latitude longitude datum } } } } }"
            },
            headers={"Authorization": f"Bearer {token}", "Accept-Language": "zh-CN"},
        )
    assert response.status_code == 200
    edges = response.json()["data"]["customers"]["edges"]
    assert [e["node"]["name"] for e in edges] == ["瑞金医院"]
    assert edges[0]["node"]["sites"][0]["datum"] == "GCJ02"
    assert all("****" in c["phone"] for c in edges[0]["node"]["contacts"])


async def test_graphiql_is_served_on_get_in_development(server_url):
    async with httpx.AsyncClient(base_url=server_url) as client:
        response = await client.get("/graphql", headers={"Accept": "text/html"})
    assert response.status_code == 200
    assert "graphiql" in response.text.lower()
