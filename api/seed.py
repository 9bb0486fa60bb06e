"""The demo organisation: an East China medical-device sales team with real-looking customers.

``liuhen demo`` and ``liuhen seed`` call :func:`seed_demo`. It is idempotent: when the demo
organisation (slug ``donghua-med``) exists it only reports what is there. Everything is written
in one transaction, so a failed seed leaves nothing behind.

All people, phone numbers, e-mail addresses, WeChat IDs and bank accounts are fictitious
(phones in the 138-0000-xxxx / 139-0000-xxxx blocks, e-mail under ``.example``). Customer sites
carry GCJ-02 coordinates (the datum of Amap / Tencent maps, which is what a map picker in the
mini-program gives), placed on the customer's campus or street from map knowledge; they are
demo data, not surveyed points.
"""

from __future__ import annotations

import asyncio
import itertools
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from api.auth.passwords import hash_password
from api.customers.models import Contact, ContactKind, Customer, CustomerTier, Datum, Site
from api.onboarding import service as onboarding
from api.org.models import Organisation, Role, ServiceLevel, Team, TeamKind, User

DEMO_SLUG = "donghua-med"
DEMO_PASSWORD = "liuhen-demo-2026"  # noqa: S105 - printed by `liuhen demo`, on purpose
DEMO_ORGANISATION_NAME = "东华医疗器械（上海）有限公司"
DEMO_TIME_ZONE = "Asia/Shanghai"
DEMO_LOCALE = "zh-CN"
DEMO_EMAIL_DOMAIN = "donghua-med.example"
SITE_RADIUS_M = 300  # DOMAIN.md default visit radius

# How logins are listed: top of the tree first, then the sales floor, then the back office.
_ROLE_ORDER = {
    Role.DIRECTOR: 0,
    Role.MANAGER: 1,
    Role.REP: 2,
    Role.ADMIN: 3,
    Role.MARKETING: 4,
    Role.DELIVERY: 5,
    Role.FINANCE: 6,
}


class DemoSeedError(Exception):
    """The demo cannot be seeded (e.g. a demo username is already taken by another org)."""


@dataclass(frozen=True)
class DemoSummary:
    """What the demo organisation holds; ``created`` is False when it already existed."""

    organisation_id: str
    organisation_name: str
    logins: list[tuple[str, str, str]]  # (username, role value, display name)
    counts: dict[str, int]
    created: bool = False


# --------------------------------------------------------------------------- the team tree


@dataclass(frozen=True)
class _TeamSpec:
    key: str
    name: str
    city: str


_REGION_NAME = "华东大区"
_TEAMS = (
    _TeamSpec("sh1", "上海一组", "上海"),
    _TeamSpec("sh2", "上海二组", "上海"),
    _TeamSpec("hz", "杭州组", "杭州"),
)
_REGION_KEY = "region"


# --------------------------------------------------------------------------------- people

_PUBLIC = "公立医院"
_PRIVATE = "民营医院"
_EXAM = "体检中心"
_ALL_INDUSTRIES = (_PUBLIC, _PRIVATE, _EXAM)
_ZH = ("zh",)
_ZH_EN = ("zh", "en")
_JUNIOR, _STANDARD, _SENIOR = ServiceLevel.JUNIOR, ServiceLevel.STANDARD, ServiceLevel.SENIOR


@dataclass(frozen=True)
class _PersonSpec:
    username: str
    display_name: str
    role: Role
    email_local: str  # the e-mail is email_local@DEMO_EMAIL_DOMAIN
    hired_days_ago: int
    team: str | None = None  # a _TeamSpec key, or _REGION_KEY
    reports_to: str | None = None  # username of the manager
    industries: tuple[str, ...] = ()
    languages: tuple[str, ...] = _ZH
    service_level: ServiceLevel = ServiceLevel.STANDARD
    new_hire: bool = False


def _years(years: int, extra_days: int = 0) -> int:
    return years * 365 + extra_days


# Ordered so that everyone's manager comes before them. Phones follow the order: 138-0000-0001...
# fmt: off
_PEOPLE: tuple[_PersonSpec, ...] = (
    _PersonSpec("director.wang", "王建国", Role.DIRECTOR, "wang.jianguo", _years(11, 40),
                team=_REGION_KEY, industries=_ALL_INDUSTRIES, languages=_ZH_EN,
                service_level=_SENIOR),
    _PersonSpec("manager.li", "李明华", Role.MANAGER, "li.minghua", _years(8, 121),
                team="sh1", reports_to="director.wang", industries=_ALL_INDUSTRIES,
                languages=_ZH_EN, service_level=_SENIOR),
    _PersonSpec("manager.zhao", "赵丽娟", Role.MANAGER, "zhao.lijuan", _years(7, 63),
                team="sh2", reports_to="director.wang", industries=_ALL_INDUSTRIES,
                service_level=_SENIOR),
    _PersonSpec("manager.chen", "陈志强", Role.MANAGER, "chen.zhiqiang", _years(9, 200),
                team="hz", reports_to="director.wang", industries=_ALL_INDUSTRIES,
                service_level=_SENIOR),
    # 上海一组
    _PersonSpec("rep.zhang", "张伟", Role.REP, "zhang.wei", _years(6, 150),
                team="sh1", reports_to="manager.li", industries=(_PUBLIC, _EXAM),
                languages=_ZH_EN, service_level=_SENIOR),
    _PersonSpec("rep.liu", "刘芳", Role.REP, "liu.fang", _years(3, 35),
                team="sh1", reports_to="manager.li", industries=(_PUBLIC,),
                service_level=_STANDARD),
    _PersonSpec("newhire.sun", "孙晓雨", Role.REP, "sun.xiaoyu", 3,
                team="sh1", reports_to="manager.li", industries=(_EXAM,),
                languages=_ZH_EN, service_level=_JUNIOR, new_hire=True),
    # 上海二组
    _PersonSpec("rep.yang", "杨帆", Role.REP, "yang.fan", _years(5, 270),
                team="sh2", reports_to="manager.zhao", industries=(_PUBLIC, _PRIVATE),
                languages=_ZH_EN, service_level=_SENIOR),
    _PersonSpec("rep.huang", "黄婷", Role.REP, "huang.ting", _years(2, 88),
                team="sh2", reports_to="manager.zhao", industries=(_PRIVATE, _EXAM),
                service_level=_STANDARD),
    # 杭州组
    _PersonSpec("rep.zhou", "周杰", Role.REP, "zhou.jie", _years(6, 12),
                team="hz", reports_to="manager.chen", industries=(_PUBLIC, _EXAM),
                languages=_ZH_EN, service_level=_SENIOR),
    _PersonSpec("rep.wu", "吴静", Role.REP, "wu.jing", _years(2, 190),
                team="hz", reports_to="manager.chen", industries=(_PRIVATE, _EXAM),
                service_level=_STANDARD),
    _PersonSpec("newhire.xu", "徐子涵", Role.REP, "xu.zihan", 8,
                team="hz", reports_to="manager.chen", industries=(_PRIVATE,),
                service_level=_JUNIOR, new_hire=True),
    # 运营 / 市场 / 售前 / 财务
    _PersonSpec("admin.zheng", "郑雅琴", Role.ADMIN, "zheng.yaqin", _years(7, 310)),
    _PersonSpec("marketing.he", "何思远", Role.MARKETING, "he.siyuan", _years(4, 55),
                industries=_ALL_INDUSTRIES, languages=_ZH_EN),
    _PersonSpec("delivery.guo", "郭宇航", Role.DELIVERY, "guo.yuhang", _years(5, 20),
                industries=(_PUBLIC, _EXAM)),
    _PersonSpec("finance.ma", "马秀兰", Role.FINANCE, "ma.xiulan", _years(10, 95)),
)
# fmt: on


# ------------------------------------------------------------------------------ customers


@dataclass(frozen=True)
class _ContactSpec:
    name: str
    title: str
    kind: ContactKind
    email_local: str  # the e-mail is email_local@<the customer's email_domain>
    wechat_id: str | None = None


@dataclass(frozen=True)
class _SiteSpec:
    name: str
    address: str
    latitude: float  # GCJ-02
    longitude: float  # GCJ-02


@dataclass(frozen=True)
class _CustomerSpec:
    name: str
    industry: str
    size: str
    tier: CustomerTier
    city: str
    owner: str  # username of a rep in the city's team
    payment_terms: str
    payment_account: str
    email_domain: str
    notes: str
    contacts: tuple[_ContactSpec, ...]
    sites: tuple[_SiteSpec, ...]


_BIZ, _TECH, _FIN = ContactKind.BUSINESS, ContactKind.TECHNICAL, ContactKind.FINANCE
_A, _B, _C = CustomerTier.A, CustomerTier.B, CustomerTier.C

# Contacts' phones follow the order: 139-0000-0001...
# fmt: off
_CUSTOMERS: tuple[_CustomerSpec, ...] = (
    # ------------------------------------------------------------------------------ 上海
    _CustomerSpec(
        "上海交通大学医学院附属瑞金医院", _PUBLIC, "大型（2000床以上）", _A, "上海",
        owner="rep.zhang", payment_terms="月结90天", payment_account="6222 0000 0000 1001 017",
        email_domain="ruijin-hosp.example", notes="超声与监护设备年度采购，设备科主导招标。",
        contacts=(
            _ContactSpec("周国平", "设备科科长", _BIZ, "zhou.guoping", "rj_zhougp"),
            _ContactSpec("沈佳", "信息科工程师", _TECH, "shen.jia"),
            _ContactSpec("陆敏", "财务处会计", _FIN, "lu.min"),
        ),
        sites=(
            _SiteSpec("门诊楼", "上海市黄浦区瑞金二路197号", 31.2123, 121.4693),
            _SiteSpec("设备科办公室", "上海市黄浦区瑞金二路197号 科教楼", 31.2115, 121.4686),
        ),
    ),
    _CustomerSpec(
        "复旦大学附属中山医院", _PUBLIC, "大型（2000床以上）", _A, "上海",
        owner="rep.liu", payment_terms="月结90天", payment_account="6222 0000 0000 1002 025",
        email_domain="zs-hosp.example", notes="心内科导管室设备更新项目，预算年内下达。",
        contacts=(
            _ContactSpec("顾建华", "医学装备部主任", _BIZ, "gu.jianhua", "zs_gujh"),
            _ContactSpec("钱磊", "信息中心工程师", _TECH, "qian.lei"),
        ),
        sites=(
            _SiteSpec("门急诊楼", "上海市徐汇区枫林路180号", 31.1990, 121.4550),
            _SiteSpec("医学装备部办公室", "上海市徐汇区枫林路180号 行政楼", 31.1984, 121.4557),
        ),
    ),
    _CustomerSpec(
        "复旦大学附属华山医院", _PUBLIC, "大型（1500床以上）", _A, "上海",
        owner="rep.yang", payment_terms="月结90天", payment_account="6222 0000 0000 1003 033",
        email_domain="huashan-hosp.example", notes="神经外科术中监护设备，关注售后响应时效。",
        contacts=(
            _ContactSpec("汪海燕", "采购办主任", _BIZ, "wang.haiyan", "hs_wanghy"),
            _ContactSpec("蒋立新", "设备科工程师", _TECH, "jiang.lixin"),
            _ContactSpec("韩梅", "财务处", _FIN, "han.mei"),
        ),
        sites=(
            _SiteSpec("门诊楼", "上海市静安区乌鲁木齐中路12号", 31.2165, 121.4437),
        ),
    ),
    _CustomerSpec(
        "上海市第一人民医院（虹口院区）", _PUBLIC, "大型（1500床以上）", _B, "上海",
        owner="rep.huang", payment_terms="月结60天", payment_account="6222 0000 0000 1004 041",
        email_domain="shgh.example", notes="检验科配套耗材为主，设备处年中集中议价。",
        contacts=(
            _ContactSpec("孔德明", "设备处副处长", _BIZ, "kong.deming"),
            _ContactSpec("曹琳", "信息科工程师", _TECH, "cao.lin", "shgh_caolin"),
        ),
        sites=(
            _SiteSpec("门诊楼", "上海市虹口区海宁路100号", 31.2480, 121.4852),
            _SiteSpec("设备处办公室", "上海市虹口区武进路85号", 31.2471, 121.4858),
        ),
    ),
    _CustomerSpec(
        "沪安健康体检中心（静安店）", _EXAM, "中型（日检300人）", _B, "上海",
        owner="rep.zhang", payment_terms="月结60天", payment_account="6222 0000 0000 1005 059",
        email_domain="huan-health.example", notes="连锁体检机构，骨密度与彩超设备三年一换。",
        contacts=(
            _ContactSpec("彭晓东", "运营总监", _BIZ, "peng.xiaodong", "ha_pengxd"),
            _ContactSpec("罗倩", "财务经理", _FIN, "luo.qian"),
        ),
        sites=(
            _SiteSpec("体检中心前台", "上海市静安区南京西路1266号 12楼", 31.2280, 121.4552),
        ),
    ),
    _CustomerSpec(
        "沪北民康医院", _PRIVATE, "中型（床位200张）", _C, "上海",
        owner="rep.huang", payment_terms="月结30天", payment_account="6222 0000 0000 1006 067",
        email_domain="hb-minkang.example", notes="民营综合医院，决策快，对价格敏感。",
        contacts=(
            _ContactSpec("叶志刚", "院长助理", _BIZ, "ye.zhigang", "mk_yezg"),
            _ContactSpec("邵磊", "设备科科长", _TECH, "shao.lei"),
        ),
        sites=(
            _SiteSpec("门诊楼", "上海市静安区天目西路96号", 31.2468, 121.4530),
        ),
    ),
    _CustomerSpec(
        "浦江美仁体检中心（陆家嘴）", _EXAM, "小型（日检120人）", _C, "上海",
        owner="rep.yang", payment_terms="月结30天", payment_account="6222 0000 0000 1007 075",
        email_domain="pj-meiren.example", notes="高端商务体检，企业客户为主，要求英文报告。",
        contacts=(
            _ContactSpec("唐思雨", "采购主管", _BIZ, "tang.siyu", "mr_tangsy"),
        ),
        sites=(
            _SiteSpec("体检中心", "上海市浦东新区世纪大道88号 5楼", 31.2350, 121.5065),
        ),
    ),
    # ------------------------------------------------------------------------------ 杭州
    _CustomerSpec(
        "浙江大学医学院附属第一医院", _PUBLIC, "大型（2500床以上）", _A, "杭州",
        owner="rep.zhou", payment_terms="月结90天", payment_account="6222 0000 0000 2001 013",
        email_domain="zy1-hosp.example", notes="庆春院区影像与监护设备招标，医学工程部牵头。",
        contacts=(
            _ContactSpec("楼建军", "医学工程部主任", _BIZ, "lou.jianjun", "zy_loujj"),
            _ContactSpec("金晓峰", "信息中心工程师", _TECH, "jin.xiaofeng"),
            _ContactSpec("应丽", "财务处", _FIN, "ying.li"),
        ),
        sites=(
            _SiteSpec("门诊楼", "浙江省杭州市上城区庆春路79号", 30.2568, 120.1760),
            _SiteSpec("医学工程部办公室", "浙江省杭州市上城区庆春路79号 行政楼", 30.2562, 120.1767),
        ),
    ),
    _CustomerSpec(
        "浙江省人民医院", _PUBLIC, "大型（2000床以上）", _A, "杭州",
        owner="rep.wu", payment_terms="月结90天", payment_account="6222 0000 0000 2002 021",
        email_domain="zjph.example", notes="朝晖院区，信息科对设备数据接口要求高。",
        contacts=(
            _ContactSpec("俞伟", "设备处处长", _BIZ, "yu.wei"),
            _ContactSpec("郑斌", "信息科工程师", _TECH, "zheng.bin", "zjph_zhengb"),
        ),
        sites=(
            _SiteSpec("朝晖院区门诊楼", "浙江省杭州市拱墅区上塘路158号", 30.2885, 120.1648),
        ),
    ),
    _CustomerSpec(
        "钱塘瑞康健康体检中心", _EXAM, "中型（日检250人）", _B, "杭州",
        owner="rep.zhou", payment_terms="月结60天", payment_account="6222 0000 0000 2003 039",
        email_domain="qt-ruikang.example", notes="钱江新城写字楼内，企业团检为主。",
        contacts=(
            _ContactSpec("方晨", "运营经理", _BIZ, "fang.chen", "rk_fangc"),
            _ContactSpec("许慧", "财务主管", _FIN, "xu.hui"),
        ),
        sites=(
            _SiteSpec("体检中心", "浙江省杭州市上城区富春路290号 3楼", 30.2470, 120.2115),
        ),
    ),
    _CustomerSpec(
        "杭州城东民康医院", _PRIVATE, "中型（床位180张）", _C, "杭州",
        owner="rep.wu", payment_terms="月结30天", payment_account="6222 0000 0000 2004 047",
        email_domain="cd-minkang.example", notes="民营综合医院，新院区筹建中，有整包采购意向。",
        contacts=(
            _ContactSpec("潘伟明", "副院长", _BIZ, "pan.weiming", "cdmk_panwm"),
            _ContactSpec("何亮", "设备科工程师", _TECH, "he.liang"),
        ),
        sites=(
            _SiteSpec("门诊楼", "浙江省杭州市上城区天城路88号", 30.2900, 120.2080),
            _SiteSpec("新院区筹建办", "浙江省杭州市上城区天城路88号 2号楼", 30.2906, 120.2088),
        ),
    ),
    _CustomerSpec(
        "西湖美康体检中心（武林店）", _EXAM, "小型（日检100人）", _C, "杭州",
        owner="rep.zhou", payment_terms="月结30天", payment_account="6222 0000 0000 2005 055",
        email_domain="xh-meikang.example", notes="续约客户，去年采购两台便携彩超。",
        contacts=(
            _ContactSpec("蔡雯", "店长", _BIZ, "cai.wen", "mk_caiwen"),
        ),
        sites=(
            _SiteSpec("体检中心", "浙江省杭州市拱墅区体育场路356号", 30.2712, 120.1680),
        ),
    ),
)
# fmt: on


# ----------------------------------------------------------------------------- seeding


def _shanghai_today() -> date:
    return datetime.now(ZoneInfo(DEMO_TIME_ZONE)).date()


async def seed_demo(*, password: str = DEMO_PASSWORD, today: date | None = None) -> DemoSummary:
    """Create the demo organisation once (one transaction) and describe it."""
    existing = await Organisation.get_or_none(slug=DEMO_SLUG)
    if existing is not None:
        return await _summary(existing, created=False)
    demo_usernames = [p.username for p in _PEOPLE]
    taken = [u.username for u in await User.filter(username__in=demo_usernames).only("username")]
    if taken:
        raise DemoSeedError(
            f"demo usernames already used by another organisation: {', '.join(sorted(taken))}"
        )
    today = today or _shanghai_today()
    # argon2 is slow on purpose: one hash, shared by every demo login.
    password_hash = await asyncio.to_thread(hash_password, password)
    try:
        organisation = await _create(password_hash=password_hash, today=today)
    except IntegrityError:
        # Another process seeded at the same moment: report its organisation.
        existing = await Organisation.get_or_none(slug=DEMO_SLUG)
        if existing is None:
            raise
        return await _summary(existing, created=False)
    return await _summary(organisation, created=True)


async def _create(*, password_hash: str, today: date) -> Organisation:
    async with in_transaction() as conn:
        organisation = await Organisation.create(
            name=DEMO_ORGANISATION_NAME,
            slug=DEMO_SLUG,
            time_zone=DEMO_TIME_ZONE,
            locale=DEMO_LOCALE,
            using_db=conn,
        )
        region_id = uuid.uuid4()
        region = await Team.create(
            id=region_id,
            organisation=organisation,
            parent=None,
            name=_REGION_NAME,
            kind=TeamKind.REGION,
            path=f"/{region_id}/",
            using_db=conn,
        )
        teams: dict[str, Team] = {_REGION_KEY: region}
        for spec in _TEAMS:
            team_id = uuid.uuid4()
            teams[spec.key] = await Team.create(
                id=team_id,
                organisation=organisation,
                parent=region,
                name=spec.name,
                kind=TeamKind.TEAM,
                path=f"{region.path}{team_id}/",
                using_db=conn,
            )

        users: dict[str, User] = {}
        for number, person in enumerate(_PEOPLE, start=1):
            users[person.username] = await User.create(
                organisation=organisation,
                team=teams[person.team] if person.team else None,
                manager=users[person.reports_to] if person.reports_to else None,
                username=person.username,
                display_name=person.display_name,
                role=person.role,
                password_hash=password_hash,
                phone=f"1380000{number:04d}",
                email=f"{person.email_local}@{DEMO_EMAIL_DOMAIN}",
                hire_date=today - timedelta(days=person.hired_days_ago),
                industries=list(person.industries),
                languages=list(person.languages),
                service_level=person.service_level,
                locale=DEMO_LOCALE,
                in_onboarding=person.new_hire,
                using_db=conn,
            )

        customers: list[Customer] = []
        contacts: list[Contact] = []
        sites: list[Site] = []
        contact_numbers = itertools.count(1)
        for c in _CUSTOMERS:
            customer = Customer(
                id=uuid.uuid4(),
                organisation=organisation,
                owner=users[c.owner],
                name=c.name,
                industry=c.industry,
                size=c.size,
                tier=c.tier,
                city=c.city,
                payment_terms=c.payment_terms,
                payment_account=c.payment_account,
                notes=c.notes,
            )
            customers.append(customer)
            contacts.extend(
                Contact(
                    organisation=organisation,
                    customer_id=customer.id,
                    name=p.name,
                    title=p.title,
                    kind=p.kind,
                    phone=f"1390000{next(contact_numbers):04d}",
                    email=f"{p.email_local}@{c.email_domain}",
                    wechat_id=p.wechat_id,
                )
                for p in c.contacts
            )
            sites.extend(
                Site(
                    organisation=organisation,
                    customer_id=customer.id,
                    name=s.name,
                    address=s.address,
                    city=c.city,
                    latitude=s.latitude,
                    longitude=s.longitude,
                    datum=Datum.GCJ02,
                    radius_m=SITE_RADIUS_M,
                )
                for s in c.sites
            )
        await Customer.bulk_create(customers, using_db=conn)
        await Contact.bulk_create(contacts, using_db=conn)
        await Site.bulk_create(sites, using_db=conn)
        await _enrol_new_hires(organisation, users)
    return organisation


async def _enrol_new_hires(organisation: Organisation, users: dict[str, User]) -> None:
    """The new hires on the default track, each mentored by a senior rep of their team."""
    now = datetime.now(UTC)
    track = await onboarding.default_track(organisation.id, now)
    for person in _PEOPLE:
        if not person.new_hire:
            continue
        mentor = next(
            (
                users[p.username]
                for p in _PEOPLE
                if p.team == person.team and p.role is Role.REP and not p.new_hire
            ),
            None,
        )
        await onboarding.enrol_user(
            users[person.username], track, mentor_id=mentor.id if mentor else None, now=now
        )


async def _summary(organisation: Organisation, *, created: bool) -> DemoSummary:
    users = await User.filter(
        organisation=organisation, is_active=True, password_hash__isnull=False
    ).order_by("username")
    users.sort(key=lambda u: (_ROLE_ORDER.get(u.role, len(_ROLE_ORDER)), u.username))
    counts = {
        "teams": await Team.filter(organisation=organisation).count(),
        "users": await User.filter(organisation=organisation).count(),
        "customers": await Customer.filter(organisation=organisation).count(),
        "contacts": await Contact.filter(organisation=organisation).count(),
        "sites": await Site.filter(organisation=organisation).count(),
    }
    return DemoSummary(
        organisation_id=str(organisation.id),
        organisation_name=organisation.name,
        logins=[(u.username, Role(u.role).value, u.display_name) for u in users],
        counts=counts,
        created=created,
    )
