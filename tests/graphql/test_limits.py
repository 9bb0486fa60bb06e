"""Limits and error conventions of the GraphQL endpoint."""

from __future__ import annotations

from tests.factories import make_customer, make_world

DEEP = "query { me { user " + "{ manager " * 9 + "{ username }" + " }" * 9 + " } }"


async def _token(api):
    w = await make_world()
    await make_customer(w.org, w.rep_a)
    return w, await api.login(w.admin.username)


async def test_query_depth_is_limited(api):
    _, token = await _token(api)
    body = await api.graphql(DEEP, token=token)
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "QUERY_TOO_DEEP"


async def test_aliases_are_limited(api, settings):
    _, token = await _token(api)
    aliases = " ".join(f"a{i}: me {{ permissions }}" for i in range(settings.max_aliases + 1))
    body = await api.graphql(f"query {{ {aliases} }}", token=token)
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_ALIASES"


async def test_tokens_are_limited(api, settings):
    _, token = await _token(api)
    fields = " ".join("__typename" for _ in range(settings.max_tokens))
    body = await api.graphql(f"query {{ {fields} }}", token=token)
    assert body["errors"][0]["extensions"]["code"] == "TOO_MANY_TOKENS"


async def test_page_size_is_capped_with_a_clear_error(api, settings):
    _, token = await _token(api)
    query = "query ($n: Int) { customers(first: $n) { edges { node { name } } } }"
    ok = await api.graphql(query, {"n": settings.max_page_size}, token=token)
    assert "errors" not in ok
    body = await api.graphql(query, {"n": settings.max_page_size + 1}, token=token)
    assert body["errors"][0]["extensions"]["code"] == "PAGE_SIZE_LIMIT"
    assert str(settings.max_page_size) in body["errors"][0]["message"]


async def test_invalid_cursor_is_a_coded_error(api):
    _, token = await _token(api)
    body = await api.graphql(
        'query { customers(after: "garbage!") { edges { node { name } } } }', token=token
    )
    assert body["errors"][0]["extensions"]["code"] == "INVALID_CURSOR"


async def test_syntax_and_validation_errors_have_codes(api):
    _, token = await _token(api)
    assert (await api.graphql("query {", token=token))["errors"][0]["extensions"]["code"] == (
        "GRAPHQL_PARSE_FAILED"
    )
    body = await api.graphql("query { nope }", token=token)
    assert body["errors"][0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


async def test_unexpected_errors_are_masked(api, monkeypatch):
    from api.customers import service

    _, token = await _token(api)

    async def explode(**kwargs):
        raise RuntimeError("secret detail: 13800001234")

    monkeypatch.setattr(service, "list_customers", explode)
    body = await api.graphql("query { customers { edges { node { name } } } }", token=token)
    error = body["errors"][0]
    assert error["extensions"] == {"code": "INTERNAL_ERROR"}
    assert "secret" not in error["message"] and "1380000" not in str(body)


async def test_messages_follow_accept_language(api):
    body = await api.graphql("query { me { permissions } }", headers={"Accept-Language": "en"})
    assert body["errors"][0]["message"] == "Authentication required"
    body = await api.graphql("query { me { permissions } }", headers={"Accept-Language": "zh-CN"})
    assert body["errors"][0]["message"] == "请先登录"


async def test_oversized_request_bodies_are_refused(api, settings):
    response = await api.client.post(
        "/graphql",
        content=b'{"query": "' + b" " * settings.max_request_bytes + b'"}',
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.json()["errors"][0]["extensions"]["code"] == "REQUEST_TOO_LARGE"


async def test_healthz_reports_database_and_redis(api):
    response = await api.client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "redis": "ok"}
