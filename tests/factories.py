"""Builders of organisations, teams, users and customers for tests (real rows, real hashes)."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from api.auth.passwords import hash_password
from api.customers.models import Contact, ContactKind, Customer, Datum, Site
from api.org.models import Organisation, Role, Team, TeamKind, User

PASSWORD = "correct-horse-battery"
_PASSWORD_HASH = hash_password(PASSWORD)


def _suffix() -> str:
    return uuid.uuid4().hex[:8]


async def make_org(name: str | None = None, **kwargs: Any) -> Organisation:
    suffix = _suffix()
    return await Organisation.create(
        name=name or f"测试医疗 {suffix}", slug=kwargs.pop("slug", f"org-{suffix}"), **kwargs
    )


async def make_team(
    org: Organisation,
    name: str | None = None,
    *,
    parent: Team | None = None,
    kind: TeamKind = TeamKind.TEAM,
) -> Team:
    team_id = uuid.uuid4()
    path = (parent.path if parent else "/") + f"{team_id}/"
    return await Team.create(
        id=team_id,
        organisation=org,
        parent=parent,
        name=name or f"团队 {_suffix()}",
        kind=kind,
        path=path,
    )


async def make_user(
    org: Organisation,
    role: Role = Role.REP,
    *,
    team: Team | None = None,
    manager: User | None = None,
    username: str | None = None,
    password: str | None = PASSWORD,
    **kwargs: Any,
) -> User:
    return await User.create(
        organisation=org,
        role=role,
        team=team,
        manager=manager,
        username=username or f"{role.value}.{_suffix()}",
        display_name=kwargs.pop("display_name", f"测试{role.value}"),
        password_hash=(_PASSWORD_HASH if password == PASSWORD else hash_password(password))
        if password
        else None,
        hire_date=kwargs.pop("hire_date", date(2024, 3, 1)),
        **kwargs,
    )


async def make_customer(
    org: Organisation, owner: User | None, name: str | None = None, **kwargs: Any
) -> Customer:
    customer = await Customer.create(
        organisation=org,
        owner=owner,
        name=name or f"测试医院 {_suffix()}",
        city=kwargs.pop("city", "上海"),
        **kwargs,
    )
    await Contact.create(
        organisation=org,
        customer=customer,
        name="李主任",
        title="设备科科长",
        kind=ContactKind.BUSINESS,
        phone="13800001234",
        email="li.zhuren@hospital.example",
        wechat_id="li_zr_88",
    )
    await Contact.create(
        organisation=org,
        customer=customer,
        name="周工",
        title="信息科工程师",
        kind=ContactKind.TECHNICAL,
        phone="13900005678",
        email="zhou.gong@hospital.example",
    )
    await Site.create(
        organisation=org,
        customer=customer,
        name="门诊楼",
        address="上海市黄浦区瑞金二路197号",
        city="上海",
        latitude=31.2123,
        longitude=121.4693,
        datum=Datum.GCJ02,
        radius_m=300,
    )
    return customer


class World:
    """One organisation with a region, two teams, a director, managers, reps and staff roles."""

    org: Organisation
    region: Team
    team_a: Team
    team_b: Team
    director: User
    manager_a: User
    manager_b: User
    rep_a: User
    rep_a2: User
    rep_b: User
    admin: User
    marketing: User
    delivery: User
    finance: User


async def make_world() -> World:
    w = World()
    w.org = await make_org()
    w.region = await make_team(w.org, "华东大区", kind=TeamKind.REGION)
    w.team_a = await make_team(w.org, "上海一组", parent=w.region)
    w.team_b = await make_team(w.org, "杭州组", parent=w.region)
    w.director = await make_user(w.org, Role.DIRECTOR, team=w.region)
    w.manager_a = await make_user(w.org, Role.MANAGER, team=w.team_a, manager=w.director)
    w.manager_b = await make_user(w.org, Role.MANAGER, team=w.team_b, manager=w.director)
    w.rep_a = await make_user(w.org, Role.REP, team=w.team_a, manager=w.manager_a)
    w.rep_a2 = await make_user(w.org, Role.REP, team=w.team_a, manager=w.manager_a)
    w.rep_b = await make_user(w.org, Role.REP, team=w.team_b, manager=w.manager_b)
    w.admin = await make_user(w.org, Role.ADMIN)
    w.marketing = await make_user(w.org, Role.MARKETING)
    w.delivery = await make_user(w.org, Role.DELIVERY)
    w.finance = await make_user(w.org, Role.FINANCE)
    return w
