"""The audit log: a hash chain per organisation that exposes any edited or deleted row."""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.audit import service
from api.audit.models import AuditChainHead, AuditEntry, AuditVerification
from api.audit.service import GENESIS_HASH, ProblemCode
from api.clock import FrozenClock
from api.jobs.models import OutboxMessage, OutboxStatus
from api.org.models import Organisation

pytestmark = pytest.mark.usefixtures("db")


async def make_org(slug: str = "acme") -> Organisation:
    return await Organisation.create(name=slug.title(), slug=slug)


async def append(org: Organisation, clock: FrozenClock, count: int) -> list[AuditEntry]:
    entries = []
    for i in range(count):
        clock.advance(seconds=1)
        entries.append(
            await service.record(
                organisation_id=org.id,
                action="customer.updated",
                at=clock.now(),
                subject_type="customer",
                subject_id=f"c{i}",
                data={"fields": ["name"], "n": i},
            )
        )
    return entries


async def raw(sql: str) -> None:
    await connections.get("default").execute_script(sql)


def codes_at(report: service.ChainReport) -> set[tuple[ProblemCode, int]]:
    return {(p.code, p.seq) for p in report.problems}


async def test_entries_are_numbered_from_one_and_linked_from_the_genesis_hash(clock):
    org = await make_org()
    first, second, third = await append(org, clock, 3)

    assert [first.seq, second.seq, third.seq] == [1, 2, 3]
    assert first.prev_hash == GENESIS_HASH
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    head = await AuditChainHead.get(organisation_id=org.id)
    assert (head.last_seq, head.last_hash) == (3, third.hash)


async def test_a_fresh_chain_verifies_ok():
    org = await make_org()
    report = await service.verify_chain(organisation_id=org.id)
    assert report == service.ChainReport(checked_entries=0, ok=True, problems=[])


async def test_stored_entries_verify_exactly_as_written(clock):
    org = await make_org()
    clock.set(datetime(2026, 11, 24, 2, 0, 0, 123456, tzinfo=UTC))
    actor = uuid.uuid4()
    await service.record(
        organisation_id=org.id,
        action="lead.assigned",
        at=clock.now(),
        actor_id=actor,
        subject_type="lead",
        subject_id=str(uuid.uuid4()),
        data={
            "rep": uuid.uuid4(),
            "reason": "就近分配",
            "score": 0.1,
            "nested": {"b": 1, "a": [2]},
        },
    )

    report = await service.verify_chain(organisation_id=org.id)

    assert report.ok, report.problems
    assert report.checked_entries == 1
    stored = await AuditEntry.get(organisation_id=org.id, seq=1)
    assert stored.at == datetime(2026, 11, 24, 2, 0, 0, 123456, tzinfo=UTC)
    assert stored.actor_id == actor


async def test_data_is_normalised_to_json_before_hashing(clock):
    org = await make_org()
    rep = uuid.uuid4()
    entry = await service.record(
        organisation_id=org.id, action="a", at=clock.now(), data={"rep": rep, "ids": (1, 2)}
    )
    assert entry.data == {"rep": str(rep), "ids": [1, 2]}


async def test_naive_timestamps_are_refused():
    org = await make_org()
    with pytest.raises(ValueError, match="timezone-aware"):
        await service.record(organisation_id=org.id, action="a", at=datetime(2026, 1, 1))


async def test_concurrent_appends_never_fork_the_chain(clock):
    org = await make_org()

    await asyncio.gather(
        *(
            service.record(organisation_id=org.id, action="visit.checked_in", at=clock.now())
            for _ in range(20)
        )
    )

    seqs = [e.seq for e in await AuditEntry.filter(organisation_id=org.id).order_by("seq")]
    assert seqs == list(range(1, 21))
    report = await service.verify_chain(organisation_id=org.id)
    assert report.ok, report.problems
    assert report.checked_entries == 20


async def test_an_entry_rolled_back_with_its_transaction_leaves_no_gap(clock):
    org = await make_org()
    await append(org, clock, 1)

    with pytest.raises(RuntimeError):
        async with in_transaction():
            await service.record(organisation_id=org.id, action="rolled.back", at=clock.now())
            raise RuntimeError("business rule failed")
    await append(org, clock, 1)

    assert await AuditEntry.filter(organisation_id=org.id).count() == 2
    assert (await service.verify_chain(organisation_id=org.id)).ok


async def test_an_edited_entry_is_reported_as_edited_at_its_seq(clock):
    org = await make_org()
    await append(org, clock, 5)

    await raw(
        f"""UPDATE audit_entry SET data = '{{"fields":["phone"]}}'
        WHERE organisation_id = '{org.id}' AND seq = 3"""  # noqa: S608
    )
    report = await service.verify_chain(organisation_id=org.id)

    assert not report.ok
    assert codes_at(report) == {(ProblemCode.EDITED, 3)}
    assert report.checked_entries == 5


async def test_an_edited_entry_with_a_recomputed_hash_breaks_the_next_link(clock):
    org = await make_org()
    entries = await append(org, clock, 3)
    forged = entries[1]
    forged_hash = service.entry_hash(
        organisation_id=org.id,
        seq=2,
        at=forged.at,
        actor_id=None,
        action="customer.deleted",
        subject_type=forged.subject_type,
        subject_id=forged.subject_id,
        data=forged.data,
        prev_hash=forged.prev_hash,
    )

    await raw(
        f"""UPDATE audit_entry SET action = 'customer.deleted', hash = '{forged_hash}'
        WHERE organisation_id = '{org.id}' AND seq = 2"""  # noqa: S608
    )
    report = await service.verify_chain(organisation_id=org.id)

    assert codes_at(report) == {(ProblemCode.BROKEN_LINK, 3)}


async def test_rewriting_the_last_entry_and_its_hash_is_caught_by_the_head(clock):
    org = await make_org()
    entries = await append(org, clock, 2)
    last = entries[-1]
    forged_hash = service.entry_hash(
        organisation_id=org.id,
        seq=2,
        at=last.at,
        actor_id=None,
        action="nothing.happened",
        subject_type=last.subject_type,
        subject_id=last.subject_id,
        data=last.data,
        prev_hash=last.prev_hash,
    )

    await raw(
        f"""UPDATE audit_entry SET action = 'nothing.happened', hash = '{forged_hash}'
        WHERE organisation_id = '{org.id}' AND seq = 2"""  # noqa: S608
    )
    report = await service.verify_chain(organisation_id=org.id)

    assert codes_at(report) == {(ProblemCode.HEAD_MISMATCH, 2)}


async def test_a_deleted_middle_entry_is_reported_missing_and_breaks_the_link(clock):
    org = await make_org()
    await append(org, clock, 5)

    await raw(f"DELETE FROM audit_entry WHERE organisation_id = '{org.id}' AND seq = 3")  # noqa: S608
    report = await service.verify_chain(organisation_id=org.id)

    assert codes_at(report) == {(ProblemCode.MISSING, 3), (ProblemCode.BROKEN_LINK, 4)}
    assert report.checked_entries == 4


async def test_a_deleted_first_entry_is_reported_missing(clock):
    org = await make_org()
    await append(org, clock, 3)

    await raw(f"DELETE FROM audit_entry WHERE organisation_id = '{org.id}' AND seq = 1")  # noqa: S608
    report = await service.verify_chain(organisation_id=org.id)

    assert codes_at(report) == {(ProblemCode.MISSING, 1), (ProblemCode.BROKEN_LINK, 2)}


async def test_deleting_the_newest_entries_is_reported_as_truncated(clock):
    org = await make_org()
    await append(org, clock, 5)

    await raw(f"DELETE FROM audit_entry WHERE organisation_id = '{org.id}' AND seq >= 4")  # noqa: S608
    report = await service.verify_chain(organisation_id=org.id)

    assert codes_at(report) == {(ProblemCode.TRUNCATED, 4)}
    assert report.checked_entries == 3


async def test_deleting_the_whole_chain_is_reported_as_truncated(clock):
    org = await make_org()
    await append(org, clock, 2)

    await raw(f"DELETE FROM audit_entry WHERE organisation_id = '{org.id}'")  # noqa: S608
    report = await service.verify_chain(organisation_id=org.id)

    assert codes_at(report) == {(ProblemCode.TRUNCATED, 1)}


async def test_problems_are_found_across_batch_boundaries(clock):
    org = await make_org()
    await append(org, clock, 10)

    await raw(f"DELETE FROM audit_entry WHERE organisation_id = '{org.id}' AND seq = 4")  # noqa: S608
    await raw(
        f"""UPDATE audit_entry SET subject_id = 'x'
        WHERE organisation_id = '{org.id}' AND seq = 9"""  # noqa: S608
    )
    report = await service.verify_chain(organisation_id=org.id, batch_size=3)

    assert report.checked_entries == 9
    assert codes_at(report) == {
        (ProblemCode.MISSING, 4),
        (ProblemCode.BROKEN_LINK, 5),
        (ProblemCode.EDITED, 9),
    }


async def test_tampering_in_one_organisation_leaves_another_chain_valid(clock):
    org_a = await make_org("alpha")
    org_b = await make_org("beta")
    await append(org_a, clock, 3)
    await append(org_b, clock, 3)

    await raw(f"DELETE FROM audit_entry WHERE organisation_id = '{org_b.id}' AND seq = 2")  # noqa: S608

    assert (await service.verify_chain(organisation_id=org_a.id)).ok
    assert not (await service.verify_chain(organisation_id=org_b.id)).ok


async def test_chains_of_different_organisations_are_numbered_independently(clock):
    org_a = await make_org("alpha")
    org_b = await make_org("beta")
    await append(org_a, clock, 2)
    (entry,) = await append(org_b, clock, 1)
    assert (entry.seq, entry.prev_hash) == (1, GENESIS_HASH)


async def test_an_entry_beyond_the_head_is_reported_as_forged(clock):
    org = await make_org()
    await append(org, clock, 2)
    # record() inserts a row and moves the head in one transaction, so a committed row past
    # the head was written behind the log's back.
    await raw(
        f"""INSERT INTO audit_entry (id, created_at, organisation_id, seq, at, action,
        subject_type, subject_id, data, prev_hash, hash)
        VALUES ('{uuid.uuid4()}', '2026-11-24 02:00:00+00:00', '{org.id}', 3,
        '2026-11-24 02:00:00+00:00', 'x', '', '', '{{}}', 'p', 'h')"""  # noqa: S608
    )
    report = await service.verify_chain(organisation_id=org.id)
    assert not report.ok
    assert report.checked_entries == 2
    assert [(p.code, p.seq) for p in report.problems] == [(ProblemCode.UNEXPECTED_ENTRY, 3)]


async def test_a_forged_entry_past_the_head_blocks_the_next_append(clock):
    org = await make_org()
    await append(org, clock, 1)
    await raw(
        f"""INSERT INTO audit_entry (id, created_at, organisation_id, seq, at, action,
        subject_type, subject_id, data, prev_hash, hash)
        VALUES ('{uuid.uuid4()}', '2026-11-24 02:00:00+00:00', '{org.id}', 2,
        '2026-11-24 02:00:00+00:00', 'x', '', '', '{{}}', 'p', 'h')"""  # noqa: S608
    )
    with pytest.raises(IntegrityError):
        await append(org, clock, 1)


async def test_run_verification_stores_a_passing_result(clock):
    org = await make_org()
    await append(org, clock, 3)

    verification = await service.run_verification(organisation_id=org.id, clock=clock)

    stored = await AuditVerification.get(id=verification.id)
    assert (stored.ok, stored.checked_entries, stored.problems) == (True, 3, [])
    assert stored.finished_at == clock.now()


async def test_run_verification_stores_problems_and_logs_only_ids_and_codes(clock, caplog):
    org = await make_org()
    await append(org, clock, 3)
    await raw(f"DELETE FROM audit_entry WHERE organisation_id = '{org.id}' AND seq = 3")  # noqa: S608

    with caplog.at_level(logging.ERROR, logger="api.audit.service"):
        verification = await service.run_verification(organisation_id=org.id, clock=clock)

    assert not verification.ok
    assert verification.problems == [
        {
            "code": "TRUNCATED",
            "seq": 3,
            "detail": "head counts 3 entries, the last one present is 2",
        }
    ]
    (logged,) = caplog.records
    assert logged.getMessage() == (
        f"audit chain of organisation {org.id} failed verification: TRUNCATED"
    )


async def test_request_verification_records_the_request_and_schedules_one_run(clock):
    org = await make_org()
    actor = uuid.uuid4()

    message = await service.request_verification(
        organisation_id=org.id, actor_id=actor, clock=clock
    )

    entry = await AuditEntry.get(organisation_id=org.id)
    assert (entry.action, entry.actor_id, entry.subject_id) == (
        "audit.verification_requested",
        actor,
        str(org.id),
    )
    assert message.job_name == "audit.verify_chain"
    assert message.status == OutboxStatus.PENDING
    assert message.due_at == clock.now()
    assert message.organisation_id == org.id  # type: ignore[attr-defined]


async def test_each_verification_request_is_a_separate_run(clock):
    org = await make_org()
    first = await service.request_verification(organisation_id=org.id, actor_id=None, clock=clock)
    second = await service.request_verification(organisation_id=org.id, actor_id=None, clock=clock)
    assert first.job_id != second.job_id
    assert await OutboxMessage.filter(organisation_id=org.id).count() == 2


async def test_a_verification_request_rolled_back_leaves_neither_entry_nor_job(clock):
    org = await make_org()
    with pytest.raises(RuntimeError):
        async with in_transaction():
            await service.request_verification(organisation_id=org.id, actor_id=None, clock=clock)
            raise RuntimeError("the mutation failed later")

    assert await AuditEntry.filter(organisation_id=org.id).count() == 0
    assert await OutboxMessage.filter(organisation_id=org.id).count() == 0


async def test_nightly_scheduling_adds_one_run_per_organisation_and_day(clock):
    alpha = await make_org("alpha")
    beta = await make_org("beta")

    assert await service.schedule_verifications(clock=clock) == 2
    assert await service.schedule_verifications(clock=clock) == 2  # a re-run of the cron
    assert await OutboxMessage.filter(job_name="audit.verify_chain").count() == 2
    assert {m.organisation_id for m in await OutboxMessage.all()} == {alpha.id, beta.id}  # type: ignore[attr-defined]

    clock.advance(timedelta(days=1))
    await service.schedule_verifications(clock=clock)
    assert await OutboxMessage.filter(job_name="audit.verify_chain").count() == 4
