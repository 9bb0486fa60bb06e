"""Excel/CSV lead imports through the real API: upload a table, import it, read the report."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import timedelta
from typing import Any
from uuid import UUID

import pytest
from openpyxl import Workbook

import api.leads.jobs  # noqa: F401  (registers the import job with the worker)
from api.jobs.models import OutboxMessage
from api.jobs.relay import relay_due, sweep
from api.leads import imports, intake, tabular
from api.leads.models import ImportStatus, IntakeStatus, Lead, LeadImport, LeadIntake
from api.services import Services
from api.settings import Settings
from api.uploads.models import Upload
from api.uploads.store import LocalMediaStore
from api.worker import run_burst
from tests.factories import World, make_world
from tests.uploads import media

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

HEADER = ["姓名", "手机号", "公司名称", "邮箱", "活动"]
ROWS = [
    ["张三", "13800138000", "上海协和医疗", "", ""],  # row 2: a new lead
    ["张三", "+86 138-0013-8000", "上海协和医疗", "", ""],  # row 3: the same phone: merged
    ["王五", "", "北京和睦家", "", ""],  # row 4: no contact at all
    ["赵六", "12345", "广州中山医疗", "", ""],  # row 5: an invalid phone
    ["钱七", "", "杭州邵逸夫", "qian@shaoyifu.cn", "2026 医疗展"],  # row 6: own campaign
]

IMPORT = """
mutation ($upload: ID!, $campaign: String) {
  importLeads(uploadId: $upload, campaign: $campaign) {
    leadImport { id status totalRows }
    errors { code field message }
  }
}
"""
REPORT = """
query ($id: ID!, $outcome: LeadImportRowOutcome) {
  leadImport(id: $id) {
    id status campaign totalRows imported merged rejected error createdAt finishedAt
    rows(outcome: $outcome) {
      rowNumber outcome intakeId leadId errors { field code detail message }
    }
  }
}
"""
HELD = "query { heldLeadIntakes { id kind status rowNumber errors payload } }"
REPLAY = """
mutation ($id: ID!, $payload: JSON) {
  replayLeadIntake(intakeId: $id, payload: $payload) {
    intake { id status leadId } lead { id } errors { code }
  }
}
"""


def csv_bytes(encoding: str = "utf-8", rows: list[list[str]] | None = None) -> bytes:
    lines = [",".join(cells) for cells in [HEADER, *(ROWS if rows is None else rows)]]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def xlsx_bytes() -> bytes:
    """A workbook as Excel users make them: a title row above the header, a phone as a number."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2026 华东线索"])
    sheet.append(HEADER)
    for cells in ROWS:
        sheet.append([int(c) if c.isdigit() else (c or None) for c in cells])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.fixture
async def world(services: Services) -> World:
    return await make_world()


def worker_settings(services: Services) -> Settings:
    """The worker's settings: its media directory is the one the API writes uploads to."""
    media_store = services.media
    assert isinstance(media_store, LocalMediaStore)
    return replace(services.settings, media_dir=media_store.root)


async def upload(
    api: Any, token: str, data: bytes, *, kind: str = "table", name: str = "leads.csv"
) -> Any:
    return await api.client.post(
        "/uploads",
        data={"kind": kind},
        files={"file": (name, data, "application/octet-stream")},
        headers={"Authorization": f"Bearer {token}"},
    )


async def upload_table(api: Any, token: str, data: bytes, name: str = "leads.csv") -> str:
    response = await upload(api, token, data, name=name)
    assert response.status_code == 201, response.text
    upload_id: str = response.json()["uploadId"]
    return upload_id


async def start_import(api: Any, token: str, upload_id: str, campaign: str = "") -> dict[str, Any]:
    body = await api.graphql(IMPORT, {"upload": upload_id, "campaign": campaign}, token=token)
    assert "errors" not in body, body
    payload: dict[str, Any] = body["data"]["importLeads"]
    return payload


async def run_jobs(services: Services) -> int:
    """Relay what is due, sweep lost jobs, run everything ready; until nothing is left."""
    done = 0
    for _ in range(20):
        now = services.clock.now()
        await relay_due(redis=services.arq, now=now, horizon=timedelta(0))
        await sweep(redis=services.arq, now=now, grace=timedelta(0))
        ran = await run_burst(
            redis=services.arq, settings=worker_settings(services), clock=services.clock
        )
        done += ran
        if not ran:
            break
    return done


async def report(api: Any, token: str, import_id: str, outcome: str | None = None) -> Any:
    body = await api.graphql(REPORT, {"id": import_id, "outcome": outcome}, token=token)
    assert "errors" not in body, body
    return body["data"]["leadImport"]


async def imported(api: Any, token: str, data: bytes, campaign: str = "") -> dict[str, Any]:
    """Upload ``data``, import it, run the job; the report."""
    upload_id = await upload_table(api, token, data)
    started = await start_import(api, token, upload_id, campaign)
    assert started["errors"] == [], started
    assert started["leadImport"]["status"] == "PENDING"
    assert await run_jobs(api.services) >= 1
    result: dict[str, Any] = await report(api, token, started["leadImport"]["id"])
    return result


def by_row(result: dict[str, Any]) -> dict[int, dict[str, Any]]:
    return {row["rowNumber"]: row for row in result["rows"]}


def check_report(result: dict[str, Any], first_row: int = 2) -> None:
    """The report of ROWS whose first data row is ``first_row``."""
    assert result["status"] == "DONE"
    assert result["error"] is None
    assert result["finishedAt"] is not None
    assert (result["totalRows"], result["imported"], result["merged"], result["rejected"]) == (
        5,
        2,
        1,
        2,
    )
    rows = by_row(result)
    assert sorted(rows) == list(range(first_row, first_row + 5))
    new, repeat, no_contact, bad_phone, own = (rows[first_row + i] for i in range(5))
    assert (new["outcome"], new["errors"]) == ("IMPORTED", [])
    assert repeat["outcome"] == "MERGED"
    assert repeat["leadId"] == new["leadId"] is not None
    assert no_contact["outcome"] == "REJECTED"
    assert no_contact["leadId"] is None
    assert [e["code"] for e in no_contact["errors"]] == ["NO_CONTACT"]
    assert no_contact["errors"][0]["message"] == "线索至少需要手机号、邮箱或微信号之一"
    assert bad_phone["outcome"] == "REJECTED"
    assert [(e["field"], e["code"]) for e in bad_phone["errors"]] == [("phone", "INVALID_PHONE")]
    assert own["outcome"] == "IMPORTED"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
async def test_a_csv_import_reports_every_row(api, world, encoding):
    token = await api.login(world.marketing.username)
    result = await imported(api, token, csv_bytes(encoding))
    check_report(result)
    leads = await Lead.filter(organisation_id=world.org.id)
    assert len(leads) == 2
    assert {lead.phone for lead in leads} == {"13800138000", None}


async def test_an_xlsx_import_reports_rows_by_their_sheet_row(api, world):
    token = await api.login(world.admin.username)
    result = await imported(api, token, xlsx_bytes())
    check_report(result, first_row=3)  # a title row, then the header


async def test_the_table_upload_is_stored_with_its_type_by_content(api, world):
    token = await api.login(world.marketing.username)
    for data, name, content_type in (
        (csv_bytes(), "leads.xlsx", "text/csv"),
        (csv_bytes("gb18030"), "leads.txt", "text/csv"),
        (xlsx_bytes(), "leads.csv", XLSX_TYPE),
    ):
        response = await upload(api, token, data, name=name)
        assert response.status_code == 201, response.text
        body = response.json()
        assert (body["kind"], body["contentType"], body["size"]) == (
            "table",
            content_type,
            len(data),
        )
        assert "width" not in body and "durationMs" not in body


async def test_the_import_campaign_fills_rows_naming_none(api, world):
    token = await api.login(world.marketing.username)
    result = await imported(api, token, csv_bytes(), campaign=" 春季峰会 ")
    assert result["campaign"] == "春季峰会"
    rows = by_row(result)
    campaigns = {number: (await Lead.get(id=rows[number]["leadId"])).campaign for number in (2, 6)}
    assert campaigns == {2: "春季峰会", 6: "2026 医疗展"}
    held = await LeadIntake.get(id=rows[4]["intakeId"])
    assert held.payload == {
        "contact_name": "王五",
        "company_name": "北京和睦家",
        "campaign": "春季峰会",
    }


async def test_rejected_rows_are_held_for_an_admin(api, world):
    token = await api.login(world.marketing.username)
    result = await imported(api, token, csv_bytes())
    rejected = await report(api, token, result["id"], "REJECTED")
    assert [row["rowNumber"] for row in rejected["rows"]] == [4, 5]
    body = await api.graphql(HELD, token=await api.login(world.admin.username))
    held = {i["id"]: i for i in body["data"]["heldLeadIntakes"]}
    assert set(held) == {row["intakeId"] for row in rejected["rows"]}
    for row in rejected["rows"]:
        intake = held[row["intakeId"]]
        assert (intake["kind"], intake["status"], intake["rowNumber"]) == (
            "IMPORT",
            "HELD",
            row["rowNumber"],
        )
        assert [e["code"] for e in intake["errors"]] == [e["code"] for e in row["errors"]]


async def test_running_the_job_again_changes_nothing(api, world):
    token = await api.login(world.marketing.username)
    result = await imported(api, token, csv_bytes())
    leads = await Lead.all().count()
    intakes = await LeadIntake.all().values("id", "status", "lead_id", "merged", "errors")
    api.services.clock.advance(minutes=5)
    again = await imports.run(
        import_id=UUID(result["id"]), clock=api.services.clock, media=api.services.media
    )
    assert again is not None and again.status == ImportStatus.DONE
    assert await Lead.all().count() == leads
    assert await LeadIntake.all().values("id", "status", "lead_id", "merged", "errors") == intakes
    assert await report(api, token, result["id"]) == result  # finishedAt unchanged too
    assert await run_jobs(api.services) == 0  # the job itself ran once


async def test_an_interrupted_run_finishes_what_it_had_not_done(api, world):
    token = await api.login(world.marketing.username)
    result = await imported(api, token, csv_bytes())
    rows = by_row(result)
    leads = await Lead.all().count()
    # Row 6 was never reached; row 5 was stored but not processed when the worker died.
    await LeadIntake.filter(id=rows[6]["intakeId"]).delete()
    await Lead.filter(id=rows[6]["leadId"]).delete()
    await LeadIntake.filter(id=rows[5]["intakeId"]).update(
        status=IntakeStatus.HELD, errors=intake.PROCESSING
    )
    await LeadImport.filter(id=result["id"]).update(status=ImportStatus.RUNNING)
    during = by_row(await report(api, token, result["id"]))
    assert (during[5]["outcome"], during[5]["errors"]) == ("PENDING", [])
    assert 6 not in during
    await imports.run(
        import_id=UUID(result["id"]), clock=api.services.clock, media=api.services.media
    )
    after = await report(api, token, result["id"])
    check_report(after)
    assert by_row(after)[5]["intakeId"] == rows[5]["intakeId"]
    assert await Lead.all().count() == leads


async def test_a_long_import_continues_in_further_runs(api, world, monkeypatch):
    monkeypatch.setattr(imports, "RUN_BUDGET_SECONDS", 0.0)  # one row per run
    token = await api.login(world.marketing.username)
    upload_id = await upload_table(api, token, csv_bytes())
    started = await start_import(api, token, upload_id)
    assert await run_jobs(api.services) >= 5
    check_report(await report(api, token, started["leadImport"]["id"]))
    runs = await OutboxMessage.filter(job_name=imports.IMPORT_JOB).values_list("job_id", flat=True)
    import_id = started["leadImport"]["id"]
    assert sorted(runs) == sorted(
        f"{imports.IMPORT_JOB}:{key}"
        for key in [import_id, *(f"{import_id}:{n}" for n in (3, 4, 5, 6))]
    )


async def test_a_fixed_rejected_row_replayed_becomes_a_lead(api, world):
    token = await api.login(world.marketing.username)
    result = await imported(api, token, csv_bytes())
    bad_phone = by_row(result)[5]
    fixed = {"contact_name": "赵六", "phone": "13912345678", "company_name": "广州中山医疗"}
    body = await api.graphql(REPLAY, {"id": bad_phone["intakeId"], "payload": fixed}, token=token)
    replayed = body["data"]["replayLeadIntake"]
    assert replayed["errors"] == []
    assert replayed["intake"]["status"] == "ACCEPTED"
    assert replayed["lead"]["id"] == replayed["intake"]["leadId"]
    after = await report(api, token, result["id"])
    row = by_row(after)[5]
    assert (row["outcome"], row["leadId"], row["errors"]) == (
        "IMPORTED",
        replayed["lead"]["id"],
        [],
    )
    assert (after["imported"], after["merged"], after["rejected"]) == (3, 1, 1)
    lead = await Lead.get(id=row["leadId"])
    assert (lead.phone, lead.channel) == ("13912345678", "import")


async def test_a_rep_cannot_import_leads(api, world):
    rep = await api.login(world.rep_a.username)
    response = await upload(api, rep, csv_bytes())
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "FORBIDDEN"
    marketing = await api.login(world.marketing.username)
    upload_id = await upload_table(api, marketing, csv_bytes())
    body = await api.graphql(IMPORT, {"upload": upload_id}, token=rep)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]
    assert body["data"] is None
    assert await LeadImport.all().count() == 0


async def test_marketing_may_upload_tables_but_not_photos(api, world):
    token = await api.login(world.marketing.username)
    response = await upload(api, token, media.jpeg(), kind="photo", name="a.jpg")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "FORBIDDEN"


async def test_a_photo_upload_cannot_be_imported(api, world):
    rep = await api.login(world.rep_a.username)
    response = await upload(api, rep, media.jpeg(), kind="photo", name="a.jpg")
    assert response.status_code == 201, response.text
    admin = await api.login(world.admin.username)
    body = await api.graphql(IMPORT, {"upload": response.json()["uploadId"]}, token=admin)
    payload = body["data"]["importLeads"]
    assert payload["leadImport"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [
        ("UPLOAD_WRONG_KIND", "uploadId")
    ]


async def test_an_unknown_or_foreign_upload_is_not_found(api, world):
    token = await api.login(world.marketing.username)
    other = await make_world()
    foreign = await upload_table(api, await api.login(other.marketing.username), csv_bytes())
    for upload_id in (foreign, "00000000-0000-4000-8000-000000000000", "not-an-id"):
        body = await api.graphql(IMPORT, {"upload": upload_id}, token=token)
        errors = body["data"]["importLeads"]["errors"]
        assert [e["code"] for e in errors] == ["UPLOAD_NOT_FOUND"]


async def test_a_report_is_only_visible_inside_the_organisation(api, world):
    token = await api.login(world.marketing.username)
    result = await imported(api, token, csv_bytes())
    other = await make_world()
    outsider = await api.login(other.admin.username)
    assert await report(api, outsider, result["id"]) is None
    rep = await api.login(world.rep_a.username)
    body = await api.graphql(REPORT, {"id": result["id"]}, token=rep)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"]


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (media.jpeg(), "leads.csv"),
        (media.png(), "leads.xlsx"),
        (media.zip_archive(), "leads.xlsx"),
        (b"%PDF-1.7\n\x00\x01\x02binary", "leads.csv"),
        ("名称,地址\n某医院,上海\n".encode(), "leads.csv"),  # no column names a lead field
        ("姓名,手机号\n".encode(), "leads.csv"),  # a header and no rows
    ],
)
async def test_a_file_that_is_not_a_readable_table_is_refused_by_content(api, world, data, name):
    token = await api.login(world.marketing.username)
    response = await upload(api, token, data, name=name)
    assert response.status_code == 400, response.text
    error = response.json()["error"]
    assert error["code"] == "UNREADABLE_TABLE"
    assert error["message"].startswith("无法读取导入文件：")
    assert await Upload.all().count() == 0


async def test_an_oversized_table_is_refused_for_its_size(api, world):
    token = await api.login(world.marketing.username)
    data = csv_bytes() + b"," * tabular.MAX_BYTES
    response = await upload(api, token, data)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "FILE_TOO_LARGE"


async def test_the_import_fails_when_the_file_is_gone(api, world):
    token = await api.login(world.marketing.username)
    upload_id = await upload_table(api, token, csv_bytes())
    stored = await Upload.get(id=upload_id)
    media_store = api.services.media
    media_store.path_of(stored.sha256).unlink()
    started = await start_import(api, token, upload_id)
    await run_jobs(api.services)
    result = await report(api, token, started["leadImport"]["id"])
    assert result["status"] == "FAILED"
    assert "missing" in result["error"]
    assert result["rows"] == []
    assert result["finishedAt"] is not None
