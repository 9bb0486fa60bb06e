"""``POST /webhooks/leads/{channel}``: leads from website forms, Douyin, exhibitions, 400 lines,
WeCom and DingTalk, each signed with its channel's HMAC secret (see ``api.leads.signatures``).

Answers: 200 accepted (with the lead id), 202 held (stored with its problems for an admin),
401 bad or stale signature, 404 unknown channel, 409 replayed delivery, 413 too large.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from api.jobs.relay import relay_now
from api.leads import intake, sla
from api.leads.signatures import DELIVERY_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER
from api.services import Services


async def receive_lead(request: Request) -> Response:
    services: Services = request.app.state.services
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > intake.MAX_BODY:
        return JSONResponse({"error": "PAYLOAD_TOO_LARGE", "max": intake.MAX_BODY}, 413)
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > intake.MAX_BODY:
            return JSONResponse({"error": "PAYLOAD_TOO_LARGE", "max": intake.MAX_BODY}, 413)
    now = services.clock.now()
    reply, lead = await intake.receive(
        channel_key=request.path_params["channel"],
        body=bytes(body),
        timestamp=request.headers.get(TIMESTAMP_HEADER),
        signature=request.headers.get(SIGNATURE_HEADER),
        delivery=request.headers.get(DELIVERY_HEADER),
        now=now,
    )
    if lead is not None:
        await relay_now(redis=services.arq, now=services.clock.now())
        await sla.schedule(services.arq, lead, now=services.clock.now())
    return JSONResponse(reply.body, reply.status)


def routes() -> list[Route]:
    return [Route("/webhooks/leads/{channel}", receive_lead, methods=["POST"])]
