"""The outbox: a job is scheduled by the same transaction as the change that needs it."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from tortoise.transactions import in_transaction

from api.jobs import outbox
from api.jobs.models import OutboxMessage, OutboxStatus
from api.org.models import Organisation

pytestmark = pytest.mark.usefixtures("db")


async def test_a_message_is_pending_under_a_deterministic_job_id(clock):
    org = await Organisation.create(name="Acme", slug="acme")
    due = clock.now() + timedelta(hours=2)

    message = await outbox.add(
        job_name="leads.sla_alert",
        args={"lead_id": "L1"},
        due_at=due,
        key="L1:first_contact",
        organisation_id=org.id,
    )

    stored = await OutboxMessage.get(id=message.id)
    assert stored.job_id == "leads.sla_alert:L1:first_contact"
    assert (stored.status, stored.attempts, stored.due_at) == (OutboxStatus.PENDING, 0, due)
    assert stored.args == {"lead_id": "L1"}
    assert stored.organisation_id == org.id  # type: ignore[attr-defined]


async def test_adding_the_same_key_twice_schedules_once(clock):
    first = await outbox.add(job_name="j", args={"n": 1}, due_at=clock.now(), key="event-1")
    second = await outbox.add(
        job_name="j", args={"n": 2}, due_at=clock.now() + timedelta(days=1), key="event-1"
    )

    assert second.id == first.id
    assert second.args == {"n": 1}  # the first one stands, unchanged
    assert await OutboxMessage.all().count() == 1


async def test_a_duplicate_inside_a_transaction_keeps_the_transaction_usable(clock):
    await outbox.add(job_name="j", args={}, due_at=clock.now(), key="event-1")

    async with in_transaction():
        await outbox.add(job_name="j", args={}, due_at=clock.now(), key="event-1")
        await Organisation.create(name="Acme", slug="acme")

    assert await Organisation.filter(slug="acme").exists()
    assert await OutboxMessage.all().count() == 1


async def test_concurrent_adds_of_one_key_schedule_once(clock):
    messages = await asyncio.gather(
        *(outbox.add(job_name="j", args={}, due_at=clock.now(), key="race") for _ in range(10))
    )
    assert len({m.id for m in messages}) == 1
    assert await OutboxMessage.all().count() == 1


async def test_a_rolled_back_business_change_takes_its_job_with_it(clock):
    with pytest.raises(RuntimeError):
        async with in_transaction():
            org = await Organisation.create(name="Acme", slug="acme")
            await outbox.add(
                job_name="j", args={}, due_at=clock.now(), key="k", organisation_id=org.id
            )
            raise RuntimeError("a later rule refused the change")

    assert not await Organisation.filter(slug="acme").exists()
    assert not await OutboxMessage.filter(job_id="j:k").exists()


async def test_a_committed_business_change_keeps_its_job(clock):
    async with in_transaction():
        org = await Organisation.create(name="Acme", slug="acme")
        await outbox.add(job_name="j", args={}, due_at=clock.now(), key="k", organisation_id=org.id)

    assert await OutboxMessage.filter(job_id="j:k", organisation_id=org.id).exists()


@pytest.mark.parametrize(
    ("job_name", "key", "message"),
    [
        ("", "k", "job_name"),
        ("j" * 65, "k", "job_name"),
        ("j", "", "key"),
        ("j", "k" * 127, "at most 128"),
    ],
)
async def test_malformed_names_and_keys_are_refused(clock, job_name, key, message):
    with pytest.raises(ValueError, match=message):
        await outbox.add(job_name=job_name, args={}, due_at=clock.now(), key=key)


async def test_naive_due_times_are_refused(clock):
    with pytest.raises(ValueError, match="timezone-aware"):
        await outbox.add(job_name="j", args={}, due_at=clock.now().replace(tzinfo=None), key="k")
