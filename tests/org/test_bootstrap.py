"""`liuhen users create`: a user, and their organisation when missing, in one transaction."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from api.audit.models import AuditEntry
from api.auth.passwords import verify_password
from api.clock import FrozenClock
from api.org.bootstrap import BootstrapError, BootstrapErrorCode, create_user, slug_for
from api.org.models import Organisation, Role, User

PASSWORD = "s3cret-enough"


async def _totals() -> tuple[int, int]:
    return await Organisation.all().count(), await User.all().count()


async def test_creates_the_organisation_when_missing(db: None) -> None:
    user, created = await create_user(
        organisation="Acme Medical", role=Role.ADMIN, username="Ops.Admin", password=PASSWORD
    )
    assert created
    org = await Organisation.get(slug="acme-medical")
    assert org.name == "Acme Medical"
    assert (org.time_zone, org.locale) == ("Asia/Shanghai", "zh-CN")
    stored = await User.get(id=user.id).prefetch_related("organisation")
    assert stored.organisation.id == org.id
    assert stored.username == "ops.admin"
    assert stored.display_name == "ops.admin"
    assert stored.role == Role.ADMIN
    assert verify_password(stored.password_hash, PASSWORD)


async def test_chinese_organisation_name_gets_a_hashed_slug(db: None) -> None:
    _, created = await create_user(
        organisation="东华医疗",
        role=Role.ADMIN,
        username="admin1",
        password=PASSWORD,
        display_name="管理员",
    )
    assert created
    org = await Organisation.get(name="东华医疗")
    assert org.slug == slug_for("东华医疗")
    assert org.slug.startswith("org-") and org.slug.isascii()
    assert (await User.get(username="admin1")).display_name == "管理员"


async def test_reuses_the_organisation_by_slug_or_name(db: None) -> None:
    org = await Organisation.create(name="东华医疗器械（上海）有限公司", slug="donghua-med")
    _, created_by_slug = await create_user(
        organisation="donghua-med", role=Role.MANAGER, username="mgr1", password=PASSWORD
    )
    _, created_by_name = await create_user(
        organisation="东华医疗器械（上海）有限公司",
        role=Role.REP,
        username="rep1",
        password=PASSWORD,
    )
    assert not created_by_slug and not created_by_name
    assert await Organisation.all().count() == 1
    assert await User.filter(organisation=org).count() == 2


async def test_rejects_a_taken_username_and_creates_nothing(db: None) -> None:
    await create_user(organisation="acme", role=Role.ADMIN, username="ops", password=PASSWORD)
    before = await _totals()
    with pytest.raises(BootstrapError) as raised:
        await create_user(
            organisation="Brand New Org", role=Role.REP, username="OPS", password=PASSWORD
        )
    assert raised.value.code == BootstrapErrorCode.USERNAME_TAKEN
    assert "ops" in raised.value.message
    assert await _totals() == before
    assert not await Organisation.filter(name="Brand New Org").exists()


@pytest.mark.parametrize("password", ["", "short", "1234567"])
async def test_rejects_a_short_password_and_creates_nothing(db: None, password: str) -> None:
    with pytest.raises(BootstrapError) as raised:
        await create_user(organisation="acme", role=Role.ADMIN, username="ops", password=password)
    assert raised.value.code == BootstrapErrorCode.PASSWORD_TOO_SHORT
    assert "8" in str(raised.value)
    assert await _totals() == (0, 0)


@pytest.mark.parametrize("username", ["", "a", "ab", "with space", "名字", "-lead", "x" * 65])
async def test_rejects_an_invalid_username(db: None, username: str) -> None:
    with pytest.raises(BootstrapError) as raised:
        await create_user(
            organisation="acme", role=Role.ADMIN, username=username, password=PASSWORD
        )
    assert raised.value.code == BootstrapErrorCode.INVALID_USERNAME
    assert await _totals() == (0, 0)


async def test_rejects_a_password_longer_than_login_reads(db: None) -> None:
    with pytest.raises(BootstrapError) as raised:
        await create_user(organisation="acme", role=Role.ADMIN, username="ops", password="p" * 257)
    assert raised.value.code == BootstrapErrorCode.PASSWORD_TOO_LONG
    assert "256" in str(raised.value)
    assert await _totals() == (0, 0)


async def test_records_the_creation_in_the_audit_log_without_an_actor(db: None) -> None:
    clock = FrozenClock(datetime(2026, 11, 24, 2, 0, tzinfo=UTC))
    user, _ = await create_user(
        organisation="acme", role=Role.ADMIN, username="ops", password=PASSWORD, clock=clock
    )

    entry = await AuditEntry.get(action="user.created")
    assert entry.organisation_id == user.organisation_id  # type: ignore[attr-defined]
    assert (entry.subject_type, entry.subject_id) == ("User", str(user.id))
    assert entry.actor_id is None
    assert entry.at == clock.now()
    assert entry.data == {"role": "admin", "via": "cli"}
    assert PASSWORD not in str(entry.data)


async def test_a_refused_creation_records_nothing(db: None) -> None:
    await create_user(organisation="acme", role=Role.ADMIN, username="ops", password=PASSWORD)
    with pytest.raises(BootstrapError):
        await create_user(organisation="acme", role=Role.REP, username="ops", password=PASSWORD)
    assert await AuditEntry.filter(action="user.created").count() == 1


async def test_rejects_an_empty_organisation(db: None) -> None:
    with pytest.raises(BootstrapError) as raised:
        await create_user(organisation="  ", role=Role.ADMIN, username="ops", password=PASSWORD)
    assert raised.value.code == BootstrapErrorCode.INVALID_ORGANISATION
    assert await _totals() == (0, 0)


async def test_slug_collision_gets_a_suffix(db: None) -> None:
    await Organisation.create(name="Acme (old)", slug="acme")
    _, created = await create_user(
        organisation="ACME", role=Role.ADMIN, username="ops", password=PASSWORD
    )
    assert created
    assert (await Organisation.get(name="ACME")).slug == "acme-2"


def test_slug_for() -> None:
    assert slug_for("  Acme Medical Devices, Inc. ") == "acme-medical-devices-inc"
    assert slug_for("donghua-med") == "donghua-med"
    assert slug_for("东华医疗") == slug_for("东华医疗")
    assert slug_for("东华医疗") != slug_for("东华医药")
    assert slug_for("!!!").startswith("org-")
    assert len(slug_for("a" * 200)) <= 64
