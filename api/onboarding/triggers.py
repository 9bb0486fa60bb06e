"""What other capabilities call when something a hire did may unlock a level.

Called inside the caller's transaction: when the user is an active hire, an evaluation is
scheduled through the outbox (once per event), so it runs only if the event commits. The
engine recounts from the records, so an event that turns out not to count unlocks nothing.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from api.onboarding.models import Enrolment, EnrolmentStatus
from api.onboarding.service import schedule_evaluation


async def progressed(*, organisation_id: UUID, user_id: UUID, because: str, now: datetime) -> None:
    """``user_id`` did something that may count (``because``: a stable key of the event)."""
    if await Enrolment.exists(user_id=user_id, status=EnrolmentStatus.ACTIVE):
        await schedule_evaluation(
            organisation_id=organisation_id, user_id=user_id, because=because, now=now
        )
