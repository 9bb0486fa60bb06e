"""Managers' audit of visits: the queue of doubtful visits and the decision on one of them.

A decision is a new :class:`VisitAudit` row (a later decision does not erase an earlier one),
an entry in the organisation's hash-chained audit log, and a message to the rep with the
decision and its reason.
"""

from __future__ import annotations

from uuid import UUID

from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from api.audit import service as audit_log
from api.auth.principal import Principal
from api.clock import Clock
from api.customers.models import Customer
from api.errors import ServiceError
from api.notifications.service import Subject, notify
from api.onboarding import triggers as onboarding
from api.visits import service
from api.visits.errors import VisitErrorCode as Code
from api.visits.models import AuditDecision, Visit, VisitAudit, VisitStatus
from notifications.message import Urgency
from notifications.templates import Template
from notifications.templates import registry as templates

TEMPLATES = {AuditDecision.APPROVE: "visit.approved", AuditDecision.REJECT: "visit.rejected"}
MAX_COMMENT = 1000

for _decision, (_zh, _en) in {
    AuditDecision.APPROVE: ("通过", "approved"),
    AuditDecision.REJECT: ("驳回", "rejected"),
}.items():
    templates.register(
        Template(
            name=TEMPLATES[_decision],
            title={"zh-CN": f"拜访审核{_zh}（{{code}}）", "en": f"Visit {_en} ({{code}})"},
            body={
                "zh-CN": f"你在 {{customer}} 的拜访（{{code}}）审核{_zh}。审核意见：{{comment}}",
                "en": f"Your visit to {{customer}} ({{code}}) was {_en}. Comment: {{comment}}",
            },
            page="pages/visits/detail?id={visit_id}",
        )
    )


async def queue(*, principal: Principal) -> QuerySet[Visit]:
    """Visits waiting for the caller's audit: their team's, never their own; order by
    ``queue_rank`` (suspicious, then rejected), then ``ended_at`` (oldest first)."""
    visits = await service.scoped_visits(principal=principal)
    return visits.filter(queue_rank__isnull=False).exclude(rep_id=principal.user_id)


async def decide(
    *,
    principal: Principal,
    visit_id: UUID,
    decision: AuditDecision,
    comment: str,
    clock: Clock,
) -> Visit:
    """Approve or reject a closed visit of the caller's team with a comment; tell the rep."""
    comment = comment.strip()
    if not comment:
        raise ServiceError(Code.COMMENT_REQUIRED, field="comment")
    if len(comment) > MAX_COMMENT:
        raise ServiceError(Code.TOO_LONG, field="comment", max=MAX_COMMENT)
    now = clock.now()
    async with in_transaction():
        visit = await service.get_visit(principal=principal, visit_id=visit_id)
        if visit is None:
            raise ServiceError(Code.VISIT_NOT_FOUND, field="visitId")
        visit = await Visit.filter(id=visit.id).select_for_update().get()
        if visit.rep_id == principal.user_id:  # type: ignore[attr-defined]
            raise ServiceError(Code.OWN_VISIT, field="visitId")
        if visit.status is not VisitStatus.CLOSED:
            raise ServiceError(Code.NOT_AUDITABLE, field="visitId")
        await VisitAudit.create(
            organisation_id=principal.organisation_id,
            visit_id=visit.id,
            auditor_id=principal.user_id,
            decision=decision,
            comment=comment,
            machine_verdict=visit.verdict,
        )
        visit.audit_decision = decision
        visit.audited_at = now
        visit.queue_rank = None
        await visit.save(update_fields=["audit_decision", "audited_at", "queue_rank", "updated_at"])
        await audit_log.record(
            organisation_id=principal.organisation_id,
            action="visits.audited",
            at=now,
            actor_id=principal.user_id,
            subject_type="visit",
            subject_id=str(visit.id),
            data={"decision": decision.value, "machine_verdict": visit.verdict.value},
        )
        await onboarding.progressed(
            organisation_id=principal.organisation_id,
            user_id=visit.rep_id,  # type: ignore[attr-defined]
            because=f"visit-audit:{visit.id}:{decision.value}",
            now=now,
        )
        customer = await Customer.get(id=visit.customer_id)  # type: ignore[attr-defined]
        await notify(
            organisation_id=principal.organisation_id,
            recipients=[visit.rep_id],  # type: ignore[attr-defined]
            template=TEMPLATES[decision],
            data={
                "code": visit.code,
                "customer": customer.name,
                "comment": comment,
                "visit_id": str(visit.id),
            },
            now=now,
            urgency=Urgency.NORMAL,
            subject=Subject("visit", str(visit.id)),
        )
    return visit
