"""The audit log through the API: admins read it and have the worker verify the chain."""

from __future__ import annotations

from tortoise import connections

from api.worker import run_burst
from tests.factories import make_world

REQUEST = "mutation { requestAuditVerification { job { jobId status } } }"
VERIFICATIONS = "query { auditVerifications { ok checkedEntries problems { code seq } } }"
LOG = """
query ($filter: AuditFilterInput) {
  auditLog(first: 50, filter: $filter) { edges { node { seq action actorId subjectId } } }
}
"""


async def test_admin_requests_a_verification_that_the_worker_runs(api, arq_redis, settings, clock):
    w = await make_world()
    token = await api.login(w.admin.username)
    body = await api.graphql(REQUEST, token=token)
    job = body["data"]["requestAuditVerification"]["job"]
    assert job["status"] == "enqueued"
    assert job["jobId"].startswith("audit.verify_chain:")
    assert await run_burst(redis=arq_redis, settings=settings, clock=clock) >= 1
    body = await api.graphql(VERIFICATIONS, token=token)
    [verification] = body["data"]["auditVerifications"]
    assert verification["ok"] is True
    assert verification["checkedEntries"] >= 2  # the login and the request itself


async def test_verification_through_the_api_reports_a_tampered_row(api, arq_redis, settings, clock):
    w = await make_world()
    token = await api.login(w.admin.username)
    await api.login(w.rep_a.username)
    await connections.get("default").execute_query(
        "UPDATE audit_entry SET action = 'auth.logout' WHERE seq = 2"
    )
    await api.graphql(REQUEST, token=token)
    await run_burst(redis=arq_redis, settings=settings, clock=clock)
    body = await api.graphql(VERIFICATIONS, token=token)
    [verification] = body["data"]["auditVerifications"]
    assert verification["ok"] is False
    assert {"code": "EDITED", "seq": 2} in verification["problems"]


async def test_audit_log_is_newest_first_and_filterable(api):
    w = await make_world()
    token = await api.login(w.admin.username)
    await api.login(w.rep_a.username)
    body = await api.graphql(LOG, token=token)
    seqs = [e["node"]["seq"] for e in body["data"]["auditLog"]["edges"]]
    assert seqs == sorted(seqs, reverse=True)
    body = await api.graphql(LOG, {"filter": {"actorId": str(w.rep_a.id)}}, token=token)
    assert [e["node"]["action"] for e in body["data"]["auditLog"]["edges"]] == ["auth.login"]


async def test_reps_cannot_read_the_audit_log(api):
    w = await make_world()
    body = await api.graphql(LOG, token=await api.login(w.rep_a.username))
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
