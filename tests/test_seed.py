"""The demo organisation: a believable team tree, people, customers with GCJ-02 sites."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from api.auth.passwords import verify_password
from api.customers.models import Contact, Customer, Datum, Site
from api.org.models import Organisation, Role, ServiceLevel, Team, TeamKind, User
from api.seed import DEMO_PASSWORD, DEMO_SLUG, DemoSeedError, DemoSummary, seed_demo

TODAY = date(2026, 11, 24)

# Generous boxes around the two cities (GCJ-02 shifts points only by a few hundred metres).
CITY_BOXES = {"上海": (30.6, 31.6, 120.9, 122.0), "杭州": (30.0, 30.6, 119.8, 120.6)}


async def _counts(org: Organisation) -> dict[str, int]:
    return {
        "organisations": await Organisation.all().count(),
        "teams": await Team.filter(organisation=org).count(),
        "users": await User.filter(organisation=org).count(),
        "customers": await Customer.filter(organisation=org).count(),
        "contacts": await Contact.filter(organisation=org).count(),
        "sites": await Site.filter(organisation=org).count(),
    }


async def test_seed_creates_the_team_tree(db: None) -> None:
    summary = await seed_demo(today=TODAY)
    org = await Organisation.get(slug=DEMO_SLUG)
    assert summary.created
    assert summary.organisation_id == str(org.id)
    assert summary.organisation_name == org.name == "东华医疗器械（上海）有限公司"
    assert (org.time_zone, org.locale) == ("Asia/Shanghai", "zh-CN")

    teams = await Team.filter(organisation=org).prefetch_related("parent")
    roots = [t for t in teams if t.parent is None]
    assert [(t.name, t.kind) for t in roots] == [("华东大区", TeamKind.REGION)]
    root = roots[0]
    assert root.path == f"/{root.id}/"
    children = sorted(t.name for t in teams if t.parent is not None)
    assert children == sorted(["上海一组", "上海二组", "杭州组"])
    for team in teams:
        if team.parent is not None:
            assert team.kind == TeamKind.TEAM
            assert team.path == f"{team.parent.path}{team.id}/"


async def test_seed_creates_the_people(db: None) -> None:
    await seed_demo(today=TODAY)
    org = await Organisation.get(slug=DEMO_SLUG)
    users = await User.filter(organisation=org).prefetch_related("team", "manager__team")
    by_role: dict[Role, list[User]] = {}
    for user in users:
        by_role.setdefault(user.role, []).append(user)

    (director,) = by_role[Role.DIRECTOR]
    assert director.team is not None and director.team.kind == TeamKind.REGION
    assert director.manager is None

    managers = by_role[Role.MANAGER]
    assert len(managers) == 3
    managed_teams = {m.team.id for m in managers if m.team is not None}
    assert len(managed_teams) == 3
    for manager in managers:
        assert manager.manager is not None and manager.manager.id == director.id
        assert manager.team is not None and manager.team.kind == TeamKind.TEAM

    reps = by_role[Role.REP]
    for rep in reps:
        assert rep.team is not None and rep.manager is not None
        # The rep's manager manages the rep's team.
        assert rep.manager.role == Role.MANAGER
        assert rep.manager.team is not None and rep.manager.team.id == rep.team.id
    per_team: dict[str, int] = {}
    for rep in reps:
        assert rep.team is not None
        per_team[rep.team.name] = per_team.get(rep.team.name, 0) + 1
    assert set(per_team) == {"上海一组", "上海二组", "杭州组"}
    assert all(2 <= n <= 3 for n in per_team.values())

    new_hires = [r for r in reps if r.hire_date and r.hire_date >= TODAY - timedelta(days=10)]
    assert len(new_hires) == 2
    for hire in new_hires:
        assert hire.hire_date is not None and hire.hire_date <= TODAY
        assert hire.service_level == ServiceLevel.JUNIOR
        assert hire.in_onboarding
    veterans = [r for r in reps if r not in new_hires]
    assert all(r.hire_date and r.hire_date < TODAY - timedelta(days=365) for r in veterans)
    assert any(r.service_level == ServiceLevel.SENIOR for r in veterans)
    assert not any(r.in_onboarding for r in veterans)

    for role in (Role.ADMIN, Role.MARKETING, Role.DELIVERY, Role.FINANCE):
        assert len(by_role[role]) == 1, role

    usernames = [u.username for u in users]
    assert len(set(usernames)) == len(usernames)
    for user in users:
        assert user.username.isascii() and user.username == user.username.lower()
        assert not user.display_name.isascii()  # a Chinese name
        assert user.hire_date is not None
        assert user.email and user.email.endswith("@donghua-med.example")
        assert user.phone and user.phone.isdigit() and len(user.phone) == 11
    assert len({u.phone for u in users}) == len(users)


async def test_default_today_is_shanghai_today(db: None) -> None:
    await seed_demo()
    hires = await User.filter(username__startswith="newhire.")
    assert len(hires) == 2
    latest = date.today() + timedelta(days=1)  # Shanghai may already be tomorrow
    for hire in hires:
        assert hire.hire_date is not None
        assert latest - timedelta(days=12) <= hire.hire_date <= latest


async def test_customers_have_contacts_and_gcj02_sites_in_their_city(db: None) -> None:
    await seed_demo(today=TODAY)
    org = await Organisation.get(slug=DEMO_SLUG)
    customers = await Customer.filter(organisation=org).prefetch_related("owner__team")
    assert 10 <= len(customers) <= 12
    assert {c.city for c in customers} == {"上海", "杭州"}
    assert {c.industry for c in customers} == {"公立医院", "民营医院", "体检中心"}
    for customer in customers:
        owner = customer.owner
        assert owner is not None and owner.role == Role.REP
        assert owner.team is not None
        assert owner.team.name.startswith(customer.city), (customer.name, owner.team.name)
        assert customer.payment_terms and customer.payment_account
        assert customer.tier in {"A", "B", "C"}

        contacts = await Contact.filter(customer=customer)
        assert 1 <= len(contacts) <= 3, customer.name
        for contact in contacts:
            assert contact.name and contact.title and contact.phone and contact.email
            assert await contact.organisation == org

        sites = await Site.filter(customer=customer)
        assert 1 <= len(sites) <= 2, customer.name
        lat_min, lat_max, lng_min, lng_max = CITY_BOXES[customer.city]
        for site in sites:
            assert site.datum == Datum.GCJ02
            assert site.radius_m == 300
            assert site.city == customer.city
            assert site.address.startswith(("上海市", "浙江省杭州市"))
            # Inside Shanghai or Hangzhou (the brief's box), and the customer's own city.
            assert 30.0 <= site.latitude <= 31.6 and 119.8 <= site.longitude <= 122.0
            assert lat_min <= site.latitude <= lat_max, (customer.name, site.name)
            assert lng_min <= site.longitude <= lng_max, (customer.name, site.name)


async def test_seeding_twice_creates_nothing_new(db: None) -> None:
    first = await seed_demo(today=TODAY)
    org = await Organisation.get(slug=DEMO_SLUG)
    before = await _counts(org)
    second = await seed_demo(today=TODAY + timedelta(days=30))
    assert not second.created
    assert await _counts(org) == before
    assert second.organisation_id == first.organisation_id
    assert second.logins == first.logins
    assert second.counts == first.counts
    assert first.counts == {k: v for k, v in before.items() if k != "organisations"}


async def test_summary_lists_every_login(db: None) -> None:
    summary = await seed_demo(today=TODAY)
    assert isinstance(summary, DemoSummary)
    users = await User.all()
    assert sorted(u for u, _, _ in summary.logins) == sorted(u.username for u in users)
    roles = [role for _, role, _ in summary.logins]
    assert roles[0] == Role.DIRECTOR.value
    assert set(roles) == {r.value for r in Role}
    assert ("director.wang", "director", "王建国") in summary.logins
    with pytest.raises(AttributeError):
        summary.created = False  # type: ignore[misc]


async def test_demo_logins_verify_with_the_demo_password(db: None) -> None:
    await seed_demo(today=TODAY)
    users = await User.all()
    hashes = {u.password_hash for u in users}
    assert len(hashes) == 1  # hashed once, shared: argon2 is slow on purpose
    (password_hash,) = hashes
    assert verify_password(password_hash, DEMO_PASSWORD)
    assert not verify_password(password_hash, "wrong-password")


async def test_custom_password(db: None) -> None:
    await seed_demo(password="another-demo-pass", today=TODAY)
    director = await User.get(username="director.wang")
    assert verify_password(director.password_hash, "another-demo-pass")
    assert not verify_password(director.password_hash, DEMO_PASSWORD)


async def test_refuses_when_a_demo_username_belongs_to_another_org(db: None) -> None:
    other = await Organisation.create(name="Other", slug="other")
    await User.create(organisation=other, username="rep.zhang", display_name="张三", role=Role.REP)
    with pytest.raises(DemoSeedError, match=r"rep\.zhang"):
        await seed_demo(today=TODAY)
    assert not await Organisation.filter(slug=DEMO_SLUG).exists()
    assert await User.all().count() == 1


async def test_new_hires_are_on_the_default_track_with_a_senior_mentor(db: None) -> None:
    from api.onboarding.models import Enrolment, OnboardingTest

    await seed_demo(today=TODAY)
    enrolments = await Enrolment.all().prefetch_related("user", "mentor", "track")
    assert sorted(e.user.username for e in enrolments) == ["newhire.sun", "newhire.xu"]
    for enrolment in enrolments:
        assert enrolment.track.key == "default"
        assert enrolment.mentor is not None and not enrolment.mentor.in_onboarding
        assert enrolment.mentor.team_id == enrolment.user.team_id  # type: ignore[attr-defined]
    # The default track's tests can be taken at once.
    keys = set(await OnboardingTest.all().values_list("key", flat=True))
    assert keys == {"product-basics", "solutions"}
