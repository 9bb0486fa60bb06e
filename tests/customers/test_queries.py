"""Reading customers: scoped by organisation and role, masked by role, constant SQL per page."""

from __future__ import annotations

from api.audit.models import AuditEntry
from api.common.querylog import count_queries
from api.customers.models import Contact
from tests.factories import make_customer, make_org, make_user, make_world

CUSTOMER = """
query ($id: ID!) { customer(id: $id) { id name owner { username } } }
"""
CUSTOMERS = """
query ($first: Int, $after: String, $filter: CustomerFilterInput) {
  customers(first: $first, after: $after, filter: $filter) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node { name owner { username } contacts { name phone email } sites { name datum radiusM } }
    }
  }
}
"""
CONTACTS = """
query ($id: ID!) {
  customer(id: $id) {
    contacts { id name kind phone email wechatId }
    paymentAccount paymentTerms
  }
}
"""
REVEAL = """
mutation ($id: ID!) {
  revealContact(id: $id) {
    revealed { contact { name } phone email wechatId }
    errors { code field }
  }
}
"""


def _by_name(body, name):
    return next(c for c in body["data"]["customer"]["contacts"] if c["name"] == name)


async def _names(api, token, **variables):
    body = await api.graphql(CUSTOMERS, variables, token=token)
    assert "errors" not in body, body
    return sorted(e["node"]["name"] for e in body["data"]["customers"]["edges"])


async def test_a_rep_cannot_read_another_reps_customer_by_id(api):
    w = await make_world()
    mine = await make_customer(w.org, w.rep_a, "我的医院")
    theirs = await make_customer(w.org, w.rep_a2, "同事的医院")
    token = await api.login(w.rep_a.username)
    assert (await api.graphql(CUSTOMER, {"id": str(mine.id)}, token=token))["data"]["customer"][
        "name"
    ] == "我的医院"
    assert (await api.graphql(CUSTOMER, {"id": str(theirs.id)}, token=token))["data"] == {
        "customer": None
    }


async def test_another_organisations_customer_is_not_found_even_for_its_admin_peer(api):
    w = await make_world()
    other_org = await make_org()
    stranger = await make_customer(other_org, await make_user(other_org), "别家医院")
    token = await api.login(w.admin.username)
    body = await api.graphql(CUSTOMER, {"id": str(stranger.id)}, token=token)
    assert body["data"] == {"customer": None}
    assert await _names(api, token) == []


async def test_malformed_ids_are_simply_not_found(api):
    w = await make_world()
    token = await api.login(w.rep_a.username)
    for bad in ("1", "not-a-uuid", "' OR 1=1 --"):
        assert (await api.graphql(CUSTOMER, {"id": bad}, token=token))["data"] == {"customer": None}


async def test_scopes_rep_own_manager_team_director_region_admin_all(api):
    w = await make_world()
    await make_customer(w.org, w.rep_a, "A1")
    await make_customer(w.org, w.rep_a2, "A2")
    await make_customer(w.org, w.rep_b, "B1")
    await make_customer(w.org, w.admin, "总部直签")
    assert await _names(api, await api.login(w.rep_a.username)) == ["A1"]
    assert await _names(api, await api.login(w.manager_a.username)) == ["A1", "A2"]
    assert await _names(api, await api.login(w.manager_b.username)) == ["B1"]
    assert await _names(api, await api.login(w.director.username)) == ["A1", "A2", "B1"]
    assert await _names(api, await api.login(w.admin.username)) == ["A1", "A2", "B1", "总部直签"]


async def test_search_and_filters(api):
    w = await make_world()
    await make_customer(w.org, w.rep_a, "瑞金医院", industry="公立医院")
    await make_customer(w.org, w.rep_a, "美年体检", industry="体检中心", city="杭州")
    token = await api.login(w.admin.username)
    assert await _names(api, token, filter={"search": "瑞金医"}) == ["瑞金医院"]
    assert await _names(api, token, filter={"search": "瑞金二路"}) == ["瑞金医院", "美年体检"]
    assert await _names(api, token, filter={"industry": "体检中心"}) == ["美年体检"]
    assert await _names(api, token, filter={"city": "杭州"}) == ["美年体检"]
    assert await _names(api, token, filter={"ownerId": str(w.rep_b.id)}) == []


async def test_cursor_pagination_walks_every_customer_once(api):
    w = await make_world()
    for i in range(7):
        await make_customer(w.org, w.rep_a, f"医院{i:02d}")
    token = await api.login(w.rep_a.username)
    seen, after = [], None
    while True:
        body = await api.graphql(CUSTOMERS, {"first": 3, "after": after}, token=token)
        connection = body["data"]["customers"]
        assert connection["totalCount"] == 7
        seen += [e["node"]["name"] for e in connection["edges"]]
        if not connection["pageInfo"]["hasNextPage"]:
            break
        after = connection["pageInfo"]["endCursor"]
    assert seen == [f"医院{i:02d}" for i in range(7)]


async def test_a_page_costs_the_same_number_of_queries_whatever_its_length(api):
    w = await make_world()
    for i in range(30):
        await make_customer(w.org, [w.rep_a, w.rep_a2][i % 2], f"医院{i:02d}")
    token = await api.login(w.manager_a.username)
    counts = {}
    for first in (2, 30):
        async with count_queries() as log:
            body = await api.graphql(CUSTOMERS, {"first": first}, token=token)
        assert len(body["data"]["customers"]["edges"]) == first
        counts[first] = log.count
    assert counts[2] == counts[30]
    assert counts[30] <= 10


async def test_lists_only_ever_show_masked_contact_details(api):
    w = await make_world()
    customer = await make_customer(w.org, w.rep_a)
    body = await api.graphql(
        CONTACTS, {"id": str(customer.id)}, token=await api.login(w.rep_a.username)
    )
    business = _by_name(body, "李主任")
    assert (business["phone"], business["email"], business["wechatId"]) == (
        "138****1234",
        "l***@hospital.example",
        "l***",
    )
    assert body["data"]["customer"]["paymentAccount"] is None
    assert not await AuditEntry.filter(action="personal_data.revealed").exists()


async def test_revealing_one_contact_shows_it_unmasked_and_is_audited(api):
    w = await make_world()
    customer = await make_customer(w.org, w.rep_a)
    token = await api.login(w.rep_a.username)
    listed = await api.graphql(CONTACTS, {"id": str(customer.id)}, token=token)
    contact_id = _by_name(listed, "李主任")["id"]
    body = await api.graphql(REVEAL, {"id": contact_id}, token=token)
    assert body["data"]["revealContact"] == {
        "revealed": {
            "contact": {"name": "李主任"},
            "phone": "13800001234",
            "email": "li.zhuren@hospital.example",
            "wechatId": "li_zr_88",
        },
        "errors": [],
    }
    entry = await AuditEntry.get(action="personal_data.revealed")
    assert (entry.actor_id, entry.subject_id) == (w.rep_a.id, contact_id)
    assert entry.data["fields"] == ["phone", "email", "wechat_id"]
    assert "13800001234" not in str(entry.data)


async def test_a_rep_cannot_reveal_another_reps_contact(api):
    w = await make_world()
    customer = await make_customer(w.org, w.rep_a2)
    listed = await api.graphql(
        CONTACTS, {"id": str(customer.id)}, token=await api.login(w.admin.username)
    )
    contact_id = listed["data"]["customer"]["contacts"][0]["id"]
    body = await api.graphql(REVEAL, {"id": contact_id}, token=await api.login(w.rep_a.username))
    assert body["data"]["revealContact"] == {
        "revealed": None,
        "errors": [{"code": "CONTACT_NOT_FOUND", "field": "id"}],
    }
    assert not await AuditEntry.filter(action="personal_data.revealed").exists()


async def test_marketing_never_sees_contacts_finance_sees_payment_only(api):
    w = await make_world()
    customer = await make_customer(
        w.org, w.rep_a, payment_account="6222020000001234", payment_terms="月结60天"
    )
    marketing_token = await api.login(w.marketing.username)
    marketing = await api.graphql(CONTACTS, {"id": str(customer.id)}, token=marketing_token)
    assert marketing["data"]["customer"] == {
        "contacts": [],
        "paymentAccount": None,
        "paymentTerms": None,
    }
    contact = await Contact.filter(customer_id=customer.id).first()
    assert contact is not None
    body = await api.graphql(REVEAL, {"id": str(contact.id)}, token=marketing_token)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    finance = await api.graphql(
        CONTACTS, {"id": str(customer.id)}, token=await api.login(w.finance.username)
    )
    assert finance["data"]["customer"]["contacts"] == []
    assert finance["data"]["customer"]["paymentAccount"] == "6222020000001234"
    assert finance["data"]["customer"]["paymentTerms"] == "月结60天"
    viewed = await AuditEntry.get(action="personal_data.viewed", actor_id=w.finance.id)
    assert viewed.data["fields"] == [f"Customer:{customer.id}:payment_account"]


async def test_delivery_sees_technical_contacts_and_may_reveal_only_their_email(api):
    w = await make_world()
    customer = await make_customer(w.org, w.rep_a)
    token = await api.login(w.delivery.username)
    body = await api.graphql(CONTACTS, {"id": str(customer.id)}, token=token)
    [technical] = body["data"]["customer"]["contacts"]
    assert {k: technical[k] for k in ("name", "kind", "phone", "email", "wechatId")} == {
        "name": "周工",
        "kind": "TECHNICAL",
        "phone": None,
        "email": "z***@hospital.example",
        "wechatId": None,
    }
    revealed = await api.graphql(REVEAL, {"id": technical["id"]}, token=token)
    assert revealed["data"]["revealContact"]["revealed"] == {
        "contact": {"name": "周工"},
        "phone": None,
        "email": "zhou.gong@hospital.example",
        "wechatId": None,
    }
    business = await Contact.get(customer_id=customer.id, name="李主任")
    refused = await api.graphql(REVEAL, {"id": str(business.id)}, token=token)
    assert refused["data"]["revealContact"]["errors"] == [
        {"code": "CONTACT_NOT_FOUND", "field": "id"}
    ]


async def test_unauthenticated_callers_get_an_error_with_a_code(api):
    body = await api.graphql(CUSTOMERS)
    assert body["data"] is None
    assert body["errors"][0]["extensions"] == {"code": "UNAUTHENTICATED"}
    assert body["errors"][0]["message"] == "请先登录"


async def test_a_long_operation_name_does_not_break_an_audited_read(api):
    w = await make_world()
    customer = await make_customer(w.org, w.rep_a, payment_account="6222020000001234")
    name = "Q" + "x" * 200
    body = await api.graphql(
        f"query {name}($id: ID!) {{ customer(id: $id) {{ paymentAccount }} }}",
        {"id": str(customer.id)},
        token=await api.login(w.finance.username),
    )
    assert body["data"]["customer"]["paymentAccount"] == "6222020000001234"
    entry = await AuditEntry.get(action="personal_data.viewed")
    assert entry.data["operation"] == name[:64]
