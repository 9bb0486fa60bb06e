"""An organisation's verification policy and lexicon: versioned rows, newest wins.

Every change is a new version; each visit records the version it was judged by, so editing a
threshold never silently re-judges the past.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.principal import Principal
from api.clock import Clock
from api.errors import ServiceError
from api.org.models import Organisation
from api.visits.errors import VisitErrorCode as Code
from api.visits.models import VerificationPolicyVersion
from verification.policy import PolicyError, VerificationPolicy
from verification.voice import DEFAULT_LEXICON, Lexicon, LexiconError


@dataclass(frozen=True, slots=True)
class OrgPolicy:
    version: int  # 0: nothing stored, our defaults
    policy: VerificationPolicy
    lexicon: Lexicon


DEFAULT = OrgPolicy(version=0, policy=VerificationPolicy(), lexicon=DEFAULT_LEXICON)


async def current(*, organisation_id: UUID) -> OrgPolicy:
    """The organisation's newest policy version, or our defaults."""
    row = (
        await VerificationPolicyVersion.filter(organisation_id=organisation_id)
        .order_by("-version")
        .first()
    )
    if row is None:
        return DEFAULT
    return OrgPolicy(
        version=row.version,
        policy=VerificationPolicy.from_overrides(row.overrides),
        lexicon=Lexicon.from_json(row.lexicon) if row.lexicon is not None else DEFAULT_LEXICON,
    )


def json_object(value: object, field: str) -> Mapping[str, Any] | None:
    """A JSON argument that must be an object (or absent); INVALID_POLICY otherwise."""
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ServiceError(Code.INVALID_POLICY, field=field, reason="an object is expected")
    return value


async def update(
    *,
    principal: Principal,
    overrides: Mapping[str, Any] | None,
    lexicon: Mapping[str, Any] | None,
    clock: Clock,
) -> OrgPolicy:
    """Store a new version: ``None`` keeps that part as it is. Needs ``VISITS_POLICY``."""
    org_id = principal.organisation_id
    async with in_transaction():
        # The organisation's row serialises editors (there may be no policy row to lock yet).
        await Organisation.filter(id=org_id).select_for_update().only("id").first()
        latest = (
            await VerificationPolicyVersion.filter(organisation_id=org_id)
            .select_for_update()
            .order_by("-version")
            .first()
        )
        base_overrides = latest.overrides if latest else {}
        base_lexicon = latest.lexicon if latest else None
        new_overrides = dict(overrides) if overrides is not None else base_overrides
        new_lexicon = dict(lexicon) if lexicon is not None else base_lexicon
        try:
            policy = VerificationPolicy.from_overrides(new_overrides)
            words = Lexicon.from_json(new_lexicon) if new_lexicon is not None else DEFAULT_LEXICON
        except PolicyError as exc:
            raise ServiceError(Code.INVALID_POLICY, field=exc.field, reason=str(exc)) from None
        except LexiconError as exc:
            raise ServiceError(
                Code.INVALID_POLICY, field=f"lexicon.{exc.field}", reason=str(exc)
            ) from None
        version = (latest.version if latest else 0) + 1
        await VerificationPolicyVersion.create(
            organisation_id=org_id,
            version=version,
            overrides=policy.to_overrides(),
            lexicon=words.to_json() if new_lexicon is not None else None,
            author_id=principal.user_id,
        )
        await audit.record(
            organisation_id=org_id,
            action="visits.policy.updated",
            at=clock.now(),
            actor_id=principal.user_id,
            subject_type="verification_policy",
            subject_id=str(version),
            data={"overrides": policy.to_overrides(), "lexicon_changed": lexicon is not None},
        )
    return OrgPolicy(version=version, policy=policy, lexicon=words)
