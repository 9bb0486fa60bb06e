"""Creating and changing customers: validated, one transaction, audited, scoped."""

from __future__ import annotations

from typing import Any

from api.audit.models import AuditEntry
from api.customers.models import Contact, Customer, Site
from tests.factories import make_customer, make_world

CREATE = """
mutation ($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer { id name owner { username } contacts { name phone } sites { name datum radiusM } }
    errors { code field message }
  }
}
"""
UPDATE = """
mutation ($id: ID!, $input: UpdateCustomerInput!) {
  updateCustomer(id: $id, input: $input) { customer { name tier } errors { code field } }
}
"""
ADD_SITE = """
mutation ($id: ID!, $input: SiteInput!) {
  addCustomerSite(customerId: $id, input: $input) { site { name radiusM } errors { code field } }
}
"""
VALID: dict[str, Any] = {
    "name": "浙江省人民医院",
    "industry": "公立医院",
    "tier": "A",
    "city": "杭州",
    "contacts": [{"name": "陈科长", "title": "设备科科长", "phone": "+86 138-0000-4321"}],
    "sites": [
        {
            "name": "门诊楼",
            "address": "杭州市拱墅区上塘路158号",
            "latitude": 30.2907,
            "longitude": 120.1639,
            "datum": "GCJ02",
        }
    ],
}


async def test_rep_creates_a_customer_with_contacts_and_sites(api):
    w = await make_world()
    token = await api.login(w.rep_b.username)
    body = await api.graphql(CREATE, {"input": VALID}, token=token)
    payload = body["data"]["createCustomer"]
    assert payload["errors"] == []
    assert payload["customer"]["owner"]["username"] == w.rep_b.username
    assert payload["customer"]["contacts"] == [{"name": "陈科长", "phone": "138****4321"}]
    assert payload["customer"]["sites"] == [{"name": "门诊楼", "datum": "GCJ02", "radiusM": 300}]
    contact = await Contact.get(name="陈科长")
    assert contact.phone == "13800004321"  # normalised
    assert await AuditEntry.filter(action="customer.created").count() == 1


async def test_invalid_nested_input_writes_nothing(api):
    w = await make_world()
    token = await api.login(w.rep_b.username)
    bad = {**VALID, "sites": [{**VALID["sites"][0], "latitude": 123.0}]}
    payload = (await api.graphql(CREATE, {"input": bad}, token=token))["data"]["createCustomer"]
    assert payload["customer"] is None
    assert payload["errors"] == [
        {"code": "INVALID_COORDINATES", "field": "sites.0.latitude", "message": "经纬度无效"}
    ]
    bad_phone = {**VALID, "contacts": [{"name": "x", "phone": "12345"}]}
    payload = (await api.graphql(CREATE, {"input": bad_phone}, token=token))["data"][
        "createCustomer"
    ]
    assert payload["errors"][0]["code"] == "INVALID_PHONE"
    assert await Customer.all().count() == 0
    assert await Contact.all().count() == 0
    assert await Site.all().count() == 0


async def test_radius_outside_bounds_is_refused(api):
    w = await make_world()
    customer = await make_customer(w.org, w.rep_a)
    token = await api.login(w.rep_a.username)
    site = {**VALID["sites"][0], "radiusM": 20000}
    body = await api.graphql(ADD_SITE, {"id": str(customer.id), "input": site}, token=token)
    assert body["data"]["addCustomerSite"]["errors"] == [
        {"code": "INVALID_RADIUS", "field": "radiusM"}
    ]


async def test_rep_cannot_assign_a_customer_to_someone_outside_their_scope(api):
    w = await make_world()
    token = await api.login(w.rep_a.username)
    body = await api.graphql(CREATE, {"input": {**VALID, "ownerId": str(w.rep_b.id)}}, token=token)
    assert body["data"]["createCustomer"]["errors"][0]["code"] == "OWNER_NOT_FOUND"


async def test_manager_can_update_team_customers_but_not_other_teams(api):
    w = await make_world()
    ours = await make_customer(w.org, w.rep_a)
    theirs = await make_customer(w.org, w.rep_b)
    token = await api.login(w.manager_a.username)
    body = await api.graphql(UPDATE, {"id": str(ours.id), "input": {"tier": "A"}}, token=token)
    assert body["data"]["updateCustomer"] == {
        "customer": {"name": ours.name, "tier": "A"},
        "errors": [],
    }
    body = await api.graphql(UPDATE, {"id": str(theirs.id), "input": {"tier": "A"}}, token=token)
    assert body["data"]["updateCustomer"]["errors"] == [
        {"code": "CUSTOMER_NOT_FOUND", "field": "id"}
    ]


async def test_marketing_cannot_create_customers(api):
    w = await make_world()
    body = await api.graphql(CREATE, {"input": VALID}, token=await api.login(w.marketing.username))
    assert body["data"] is None
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_over_long_text_is_a_field_error_and_never_logged(api, caplog):
    w = await make_world()
    token = await api.login(w.rep_b.username)
    account = "6222" * 30
    body = await api.graphql(CREATE, {"input": {**VALID, "paymentAccount": account}}, token=token)
    assert body["data"]["createCustomer"]["errors"][0]["code"] == "TOO_LONG"
    assert body["data"]["createCustomer"]["errors"][0]["field"] == "paymentAccount"
    for field, value in (("industry", "x" * 65), ("size", "x" * 33), ("city", "x" * 65)):
        body = await api.graphql(CREATE, {"input": {**VALID, field: value}}, token=token)
        assert body["data"]["createCustomer"]["errors"][0] == {
            "code": "TOO_LONG",
            "field": field,
            "message": body["data"]["createCustomer"]["errors"][0]["message"],
        }
    assert account not in caplog.text
    assert await Customer.all().count() == 0


async def test_only_roles_that_see_payment_details_may_write_them(api):
    w = await make_world()
    rep = await api.login(w.rep_b.username)
    body = await api.graphql(
        CREATE, {"input": {**VALID, "paymentAccount": "6222020000009999"}}, token=rep
    )
    assert body["data"]["createCustomer"]["errors"][0]["code"] == "PAYMENT_FIELDS_NOT_ALLOWED"
    assert body["data"]["createCustomer"]["errors"][0]["field"] == "paymentAccount"
    created = await api.graphql(CREATE, {"input": VALID}, token=rep)
    customer_id = created["data"]["createCustomer"]["customer"]["id"]
    finance = await api.login(w.finance.username)
    body = await api.graphql(
        UPDATE, {"id": customer_id, "input": {"paymentTerms": "月结60天"}}, token=finance
    )
    # Finance sees every customer but is not a sales role: it can't edit customers at all.
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    admin = await api.login(w.admin.username)
    body = await api.graphql(
        UPDATE, {"id": customer_id, "input": {"paymentTerms": "月结60天"}}, token=admin
    )
    assert body["data"]["updateCustomer"]["errors"] == []


UPDATE_CONTACT = """
mutation ($id: ID!, $input: ContactInput!) {
  updateCustomerContact(id: $id, input: $input) { contact { name } errors { code field } }
}
"""
UPDATE_SITE = """
mutation ($id: ID!, $input: SiteInput!) {
  updateCustomerSite(id: $id, input: $input) { site { name } errors { code field } }
}
"""
ADD_CONTACT = """
mutation ($id: ID!, $input: ContactInput!) {
  addCustomerContact(customerId: $id, input: $input) { contact { name } errors { code field } }
}
"""


async def test_a_rep_cannot_touch_another_reps_contacts_or_sites(api):
    w = await make_world()
    mine = await make_customer(w.org, w.rep_a)
    theirs = await make_customer(w.org, w.rep_a2)
    their_contact = await Contact.filter(customer_id=theirs.id).first()
    their_site = await Site.get(customer_id=theirs.id)
    my_contact = await Contact.filter(customer_id=mine.id).first()
    assert their_contact is not None and my_contact is not None
    token = await api.login(w.rep_a.username)
    site_input = {**VALID["sites"][0], "name": "改名"}

    body = await api.graphql(
        UPDATE_CONTACT, {"id": str(their_contact.id), "input": {"name": "改名"}}, token=token
    )
    assert body["data"]["updateCustomerContact"]["errors"] == [
        {"code": "CONTACT_NOT_FOUND", "field": "contactId"}
    ]
    body = await api.graphql(
        UPDATE_SITE, {"id": str(their_site.id), "input": site_input}, token=token
    )
    assert body["data"]["updateCustomerSite"]["errors"] == [
        {"code": "SITE_NOT_FOUND", "field": "siteId"}
    ]
    body = await api.graphql(
        ADD_CONTACT, {"id": str(theirs.id), "input": {"name": "新人"}}, token=token
    )
    assert body["data"]["addCustomerContact"]["errors"] == [
        {"code": "CUSTOMER_NOT_FOUND", "field": "id"}
    ]
    assert (await Contact.get(id=their_contact.id)).name == their_contact.name
    assert (await Site.get(id=their_site.id)).name == their_site.name

    body = await api.graphql(
        UPDATE_CONTACT, {"id": str(my_contact.id), "input": {"name": "改名"}}, token=token
    )
    assert body["data"]["updateCustomerContact"] == {"contact": {"name": "改名"}, "errors": []}
