"""Telling a rep about a lead assigned to them: one alert per assignment, on the timeline."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from tortoise.transactions import in_transaction

from api.leads import templates
from api.leads.models import Lead, LeadEvent, LeadEventKind, LeadPriority
from api.notifications.service import Subject, notify
from notifications.message import Urgency

URGENCY = {
    LeadPriority.LOW: Urgency.NORMAL,
    LeadPriority.NORMAL: Urgency.NORMAL,
    LeadPriority.HIGH: Urgency.URGENT,
    LeadPriority.URGENT: Urgency.URGENT,
}
PRIORITY_WORDS = {
    LeadPriority.LOW: "低优先级",
    LeadPriority.NORMAL: "",
    LeadPriority.HIGH: "高优先级",
    LeadPriority.URGENT: "紧急",
}


async def notify_assignment(*, lead_id: UUID, sequence: int, now: datetime) -> bool:
    """Notify the assignee of assignment ``sequence`` unless the lead has moved on since.

    The alert's dedupe key is the assignment, so a re-run sends nothing twice; the NOTIFIED
    event on the timeline names the alert, whose trail shows every delivery attempt.
    """
    async with in_transaction():
        lead = await Lead.filter(id=lead_id).select_for_update().first()
        if lead is None or lead.assignment_sequence != sequence or lead.owner_id is None:  # type: ignore[attr-defined]
            return False
        owner: UUID = lead.owner_id  # type: ignore[attr-defined]
        result = await notify(
            organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
            recipients=[owner],
            template=templates.ASSIGNED.name,
            data={
                "lead_id": str(lead.id),
                "lead": lead.company_name or lead.contact_name,
                "priority": PRIORITY_WORDS[lead.priority],
                "due_at": lead.touch_due_at,
            },
            now=now,
            urgency=URGENCY[lead.priority],
            dedupe_key=f"lead.assigned:{lead.id}:{sequence}",
            subject=Subject("lead", str(lead.id)),
        )
        if result.created:
            await LeadEvent.create(
                organisation_id=lead.organisation_id,  # type: ignore[attr-defined]
                lead_id=lead.id,
                kind=LeadEventKind.NOTIFIED,
                at=now,
                detail={"alert": str(result.alert.id), "to": str(owner), "assignment": sequence},
            )
    return result.created
