"""Several writes in one round trip: rows that refer to each other, counters, conflicts."""

from __future__ import annotations

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.common.querylog import count_queries
from api.common.writes import Statement, insert, run_together
from api.customers.models import Contact, Customer
from tests.factories import make_org


def _postgres() -> bool:
    return bool(connections.get("default").capabilities.dialect == "postgres")


def _rename(customer: Customer, name: str) -> Statement:
    sql = 'UPDATE "customer" SET "name" = {} WHERE "id" = {}'
    return Statement(
        postgres=sql.format("$1", "$2"),
        sqlite=sql.format("?", "?"),
        values=[name, customer.id],
        sqlite_values=[name, str(customer.id)],
    )


async def test_rows_referring_to_each_other_are_written_in_one_statement_on_postgresql(db):
    org = await make_org()
    renamed = Customer(organisation=org, name="华东电力有限公司")
    await renamed.save()
    customer = Customer(organisation=org, name="华东电力有限公司")
    customer.refresh_company_key()
    contacts = [
        Contact(organisation=org, customer_id=customer.id, name="陈经理", phone="13800000001"),
        Contact(organisation=org, customer_id=customer.id, name="王工", email="wang@example.com"),
    ]

    async with count_queries() as log:
        await run_together([insert([customer]), insert(contacts), _rename(renamed, "华东电力")])

    if _postgres():  # SQLite has no data-modifying CTEs: there they run one by one
        assert log.count == 1
        assert log.statements[0].startswith('WITH w0 AS (INSERT INTO "customer"')
    # The raw statement's placeholders are numbered after the inserts'.
    assert (await Customer.get(id=renamed.id)).name == "华东电力"
    stored = await Customer.get(id=customer.id)
    assert stored.name == "华东电力有限公司"
    assert stored.company_key == customer.company_key != ""
    assert stored.created_at is not None and stored.updated_at is not None  # auto_now columns
    names = await Contact.filter(customer_id=customer.id).order_by("name").values_list("name")
    assert sorted(n for (n,) in names) == sorted(c.name for c in contacts)


async def test_inserted_instances_are_marked_stored_so_save_updates_them(db):
    org = await make_org()
    customer = Customer(organisation=org, name="甲公司")

    await run_together([insert([customer])])
    customer.city = "杭州"
    await customer.save()

    assert await Customer.filter(organisation=org).count() == 1
    assert (await Customer.get(id=customer.id)).city == "杭州"


async def test_ignore_conflicts_skips_the_duplicate_row_and_keeps_the_rest(db):
    org = await make_org()
    first = Customer(organisation=org, name="甲公司")
    await first.save()
    again = Customer(id=first.id, organisation=org, name="乙公司")
    contact = Contact(organisation=org, customer=first, name="陈经理")

    await run_together([insert([again], ignore_conflicts=True), insert([contact])])

    assert (await Customer.get(id=first.id)).name == "甲公司"
    assert await Contact.filter(customer_id=first.id).count() == 1


async def test_a_failing_write_fails_the_whole_transaction(db):
    org = await make_org()
    first = Customer(organisation=org, name="甲公司")
    await first.save()
    clash = Customer(id=first.id, organisation=org, name="乙公司")
    newcomer = Customer(organisation=org, name="丙公司")

    with pytest.raises(IntegrityError):
        async with in_transaction():
            await run_together([insert([newcomer]), insert([clash])])

    assert await Customer.filter(organisation=org).count() == 1


async def test_only_new_instances_of_one_model_are_accepted(db):
    org = await make_org()
    stored = Customer(organisation=org, name="甲公司")
    await stored.save()

    with pytest.raises(ValueError, match="new instances of one model"):
        insert([stored])
    with pytest.raises(ValueError, match="new instances of one model"):
        insert([Customer(organisation=org, name="乙"), Contact(organisation=org, name="丙")])
    assert insert([]) == Statement()
    await run_together([insert([]), Statement()])  # nothing to do is not an error
