"""Operator bootstrap: create a user (and, when missing, their organisation) from the shell.

Used by ``liuhen users create``: non-interactive, one transaction, nothing written on failure.
"""

from __future__ import annotations

import asyncio
import hashlib
import re
from enum import StrEnum

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from api.audit import service as audit
from api.auth.passwords import MIN_PASSWORD_LENGTH, hash_password
from api.clock import Clock, SystemClock
from api.common.identity import (
    MAX_PASSWORD_LENGTH,
    MAX_USERNAME_LENGTH,
    MIN_USERNAME_LENGTH,
    normalise_username,
    password_problem,
)
from api.org.models import Organisation, Role, User

_SLUG_MAX = 64


class BootstrapErrorCode(StrEnum):
    INVALID_ORGANISATION = "INVALID_ORGANISATION"
    INVALID_USERNAME = "INVALID_USERNAME"
    PASSWORD_TOO_SHORT = "PASSWORD_TOO_SHORT"  # noqa: S105 - an error code
    PASSWORD_TOO_LONG = "PASSWORD_TOO_LONG"  # noqa: S105 - an error code
    USERNAME_TAKEN = "USERNAME_TAKEN"


class BootstrapError(Exception):
    """A refused bootstrap request: a machine-readable ``code`` and a message for the operator."""

    def __init__(self, code: BootstrapErrorCode, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def slug_for(name: str) -> str:
    """A slug for an organisation name: lowercase ascii words joined by hyphens.

    A name that is not plain ascii (e.g. "东华医疗") gets "org-" and a short hash of the name.
    """
    name = name.strip()
    if name.isascii():
        slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:_SLUG_MAX].strip("-")
        if slug:
            return slug
    return "org-" + hashlib.sha256(name.encode()).hexdigest()[:10]


async def create_user(
    *,
    organisation: str,
    role: Role,
    username: str,
    password: str,
    display_name: str | None = None,
    clock: Clock | None = None,
) -> tuple[User, bool]:
    """Create a user in the organisation found by slug or name (created when missing).

    The creation is audited ("user.created", no actor: an operator at the shell).
    Returns the user and whether the organisation was created.
    """
    org_key = organisation.strip()
    if not org_key:
        raise BootstrapError(
            BootstrapErrorCode.INVALID_ORGANISATION, "organisation must not be empty"
        )
    clean_username = normalise_username(username)
    if clean_username is None:
        raise BootstrapError(
            BootstrapErrorCode.INVALID_USERNAME,
            f"username {username.strip().lower()!r} must be "
            f"{MIN_USERNAME_LENGTH}-{MAX_USERNAME_LENGTH} characters: lowercase ascii letters, "
            "digits, '.', '_' or '-', starting with a letter or digit",
        )
    username = clean_username
    problem = password_problem(password)
    if problem is not None:
        limit = (
            f"at least {MIN_PASSWORD_LENGTH}"
            if problem == "PASSWORD_TOO_SHORT"
            else f"at most {MAX_PASSWORD_LENGTH}"
        )
        raise BootstrapError(BootstrapErrorCode(problem), f"password must be {limit} characters")
    # Hash before the transaction: argon2 is slow on purpose and must not hold it open.
    password_hash = await asyncio.to_thread(hash_password, password)
    now = (clock or SystemClock()).now()
    try:
        async with in_transaction() as conn:
            if await User.filter(username=username).using_db(conn).exists():
                raise _username_taken(username)
            org = (
                await Organisation.filter(Q(slug=org_key) | Q(name=org_key))
                .using_db(conn)
                .order_by("created_at")
                .first()
            )
            created = org is None
            if org is None:
                org = await Organisation.create(
                    name=org_key, slug=await _free_slug(slug_for(org_key), conn), using_db=conn
                )
            user = await User.create(
                organisation=org,
                username=username,
                display_name=(display_name or "").strip() or username,
                role=role,
                password_hash=password_hash,
                using_db=conn,
            )
            await audit.record(
                organisation_id=org.id,
                action="user.created",
                at=now,
                actor_id=None,
                subject_type="User",
                subject_id=str(user.id),
                data={"role": role.value, "via": "cli"},
            )
    except IntegrityError as exc:
        # Lost a race with a concurrent create of the same username.
        if await User.filter(username=username).exists():
            raise _username_taken(username) from exc
        raise
    return user, created


def _username_taken(username: str) -> BootstrapError:
    return BootstrapError(
        BootstrapErrorCode.USERNAME_TAKEN, f"username {username!r} is already taken"
    )


async def _free_slug(base: str, conn: BaseDBAsyncClient) -> str:
    """``base``, or ``base-2``, ``base-3``... whichever no organisation uses yet."""
    slug, n = base, 1
    while await Organisation.filter(slug=slug).using_db(conn).exists():
        n += 1
        suffix = f"-{n}"
        slug = base[: _SLUG_MAX - len(suffix)] + suffix
    return slug
