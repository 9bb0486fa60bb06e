"""Lead import files: Excel and CSV as marketing really sends them, and files that are refused."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from api.leads.tabular import (
    HEADER_ALIASES,
    MAX_BYTES,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_UNCOMPRESSED,
    TableError,
    TableProblem,
    normalise_header,
    read_table,
)

CSV_TEXT = (
    "姓名,手机号,公司名称,预算,来源渠道\r\n"
    "张伟,13800138000,北京星河科技有限公司,30万,百度\r\n"
    "李娜,13900139000,上海仁济医疗器械有限公司,10-50万,展会\r\n"
)
EXPECTED_ROWS = [
    {
        "contact_name": "张伟",
        "phone": "13800138000",
        "company_name": "北京星河科技有限公司",
        "budget": "30万",
    },
    {
        "contact_name": "李娜",
        "phone": "13900139000",
        "company_name": "上海仁济医疗器械有限公司",
        "budget": "10-50万",
    },
]


def _problem(data: bytes) -> TableProblem:
    with pytest.raises(TableError) as caught:
        read_table(data)
    return caught.value.problem


def _xlsx(rows, *, extra_sheet=None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    if extra_sheet is not None:
        other = workbook.create_sheet("第二页")
        for row in extra_sheet:
            other.append(row)
        workbook.active = 1
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _rezip(data: bytes, name: str, change) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == name:
                content = change(content)
            target.writestr(info, content, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


# --- CSV --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        CSV_TEXT.encode("utf-8"),
        CSV_TEXT.encode("utf-8-sig"),
        CSV_TEXT.encode("gb18030"),
        CSV_TEXT.encode("utf-16"),  # Excel's "Unicode text", with its BOM
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "utf-16"],
)
def test_csv_with_chinese_headers_is_read_in_every_encoding_excel_writes(data):
    table = read_table(data)
    assert table.headers == ("姓名", "手机号", "公司名称", "预算", "来源渠道")
    assert table.columns == ("contact_name", "phone", "company_name", "budget", None)
    assert [row.values for row in table.rows] == EXPECTED_ROWS
    assert [row.number for row in table.rows] == [2, 3]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_separated_files_are_sniffed(delimiter):
    text = CSV_TEXT.replace(",", delimiter)
    table = read_table(text.encode())
    assert [row.values for row in table.rows] == EXPECTED_ROWS


def test_a_quoted_cell_may_hold_the_delimiter_and_line_breaks_and_numbers_stay_the_users():
    text = '姓名,备注,城市\n张伟,"要报价,\n下周回电",北京\n\n  李娜 ,,上海\n'
    table = read_table(text.encode())
    assert [(row.number, row.values) for row in table.rows] == [
        (2, {"contact_name": "张伟", "note": "要报价,\n下周回电", "city": "北京"}),
        (5, {"contact_name": "李娜", "city": "上海"}),
    ]


def test_a_title_row_above_the_header_is_skipped():
    text = "2024 教育装备展 线索登记表,,\n\n姓名,手机,城市\n王芳,13812345678,杭州\n"
    table = read_table(text.encode("gb18030"))
    assert table.headers == ("姓名", "手机", "城市")
    assert [(row.number, row.values["city"]) for row in table.rows] == [(4, "杭州")]


def test_when_two_columns_name_one_field_the_first_non_empty_cell_wins():
    text = "手机,电话,姓名\n,010-88886666,张伟\n13800138000,010-88886666,李娜\n"
    table = read_table(text.encode())
    assert table.columns == ("phone", "phone", "contact_name")
    assert [row.values["phone"] for row in table.rows] == ["010-88886666", "13800138000"]


# --- headers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("手机号*", "phone"),
        ("手机号（必填）", "phone"),
        ("手机号【必填】", "phone"),
        ("手 机 号", "phone"),
        ("联系电话：", "phone"),
        (" E-Mail ", "email"),
        ("电子邮箱", "email"),
        ("ＣＡＭＰＡＩＧＮ", "campaign"),
        ("contact_name", "contact_name"),
        ("Contact Name", "contact_name"),
        ("客户姓名", "contact_name"),
        ("企业名称", "company_name"),
        ("单位", "company_name"),
        ("人数", "company_size"),
        ("融资轮次", "funding_stage"),
        ("省份", "region"),
        ("意向产品", "product_line"),
        ("预算范围", "budget"),
        ("来源活动", "campaign"),
        ("备注", "note"),
        ("external_id", "external_id"),
        ("video_watch_seconds", "video_watch_seconds"),
    ],
)
def test_headers_are_recognised_however_they_are_typed(header, field):
    assert HEADER_ALIASES.get(normalise_header(header)) == field


def test_a_header_with_a_unit_is_not_guessed_at():
    # "预算(万元)" holds 30 for 300000 yuan: reading it as budget would be wrong by 10000x.
    assert normalise_header("预算(万元)") not in HEADER_ALIASES


# --- xlsx -------------------------------------------------------------------------------------


def test_an_xlsx_is_read_with_numbers_as_people_typed_them_and_dates_as_iso():
    data = _xlsx(
        [
            ["姓名", "手机号码", "人数", "预算", "签约日期", "跟进时间", "备注", "无关"],
            ["张伟", 13800138000, 120, 300000.0, date(2024, 6, 10), None, "  老客户 ", "x"],
            [None, None, None, None, None, None, None, None],
            ["李娜", "13900139000", 35, 1.5, None, datetime(2024, 6, 11, 9, 30), "=A2", None],
        ],
        extra_sheet=[["姓名"], ["不该读到"]],
    )
    table = read_table(data)
    assert table.columns[:7] == (
        "contact_name",
        "phone",
        "company_size",
        "budget",
        None,
        None,
        "note",
    )
    assert [(row.number, row.values) for row in table.rows] == [
        (
            2,
            {
                "contact_name": "张伟",
                "phone": "13800138000",
                "company_size": "120",
                "budget": "300000",
                "note": "老客户",
            },
        ),
        # The formula has no cached value (never opened in Excel): nothing, not "=A2".
        (
            4,
            {"contact_name": "李娜", "phone": "13900139000", "company_size": "35", "budget": "1.5"},
        ),
    ]


def test_xlsx_cells_of_dates_render_as_iso_text():
    data = _xlsx(
        [["姓名", "活动"], ["张伟", date(2024, 6, 10)], ["李娜", datetime(2024, 6, 11, 9, 30)]]
    )
    assert [row.values["campaign"] for row in read_table(data).rows] == [
        "2024-06-10",
        "2024-06-11T09:30:00",
    ]


def test_a_forged_sheet_dimension_adds_no_phantom_rows_or_columns():
    data = _xlsx([["姓名", "城市"], *([["张伟", "北京"]] * 300)])
    forged = _rezip(
        data,
        "xl/worksheets/sheet1.xml",
        lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml),
    )
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(forged)).read("xl/worksheets/sheet1.xml")
    table = read_table(forged)
    assert table.headers == ("姓名", "城市")
    assert len(table.rows) == 300
    assert table.rows[-1].number == 301


def test_the_format_is_decided_by_content_not_by_a_name():
    # An .xlsx renamed to .txt is still a workbook; a .txt renamed to .xlsx is still text.
    assert read_table(_xlsx([["姓名"], ["张伟"]])).rows[0].values == {"contact_name": "张伟"}
    assert read_table("姓名\n张伟\n".encode()).rows[0].values == {"contact_name": "张伟"}
    assert _problem("会议纪要：下周二讨论预算。\n请各部门准备材料。\n".encode()) is (
        TableProblem.NO_KNOWN_COLUMNS
    )


# --- refused files ----------------------------------------------------------------------------


def test_a_zip_that_is_not_a_workbook_is_unreadable():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("线索.csv", "姓名\n张伟\n")
    assert _problem(buffer.getvalue()) is TableProblem.UNREADABLE


def test_a_zip_that_only_pretends_to_be_a_workbook_is_unreadable():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
    assert _problem(buffer.getvalue()) is TableProblem.UNREADABLE


def test_a_truncated_workbook_is_unreadable():
    data = _xlsx([["姓名"], ["张伟"]])
    assert _problem(data[: len(data) // 2]) is TableProblem.UNREADABLE


def test_a_zip_bomb_is_refused_by_its_declared_size_before_it_is_inflated():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(MAX_UNCOMPRESSED // len(chunk) + 1):
                entry.write(chunk)
    data = buffer.getvalue()
    assert len(data) < MAX_BYTES
    assert _problem(data) is TableProblem.TOO_LARGE


def test_a_file_over_the_byte_limit_is_too_large():
    assert _problem(b"a" * (MAX_BYTES + 1)) is TableProblem.TOO_LARGE


def test_more_than_the_row_limit_is_refused_and_the_limit_itself_is_fine():
    header = "姓名,手机\n"
    at_limit = header + "张伟,13800138000\n" * MAX_ROWS
    assert len(read_table(at_limit.encode()).rows) == MAX_ROWS
    assert _problem((at_limit + "李娜,13900139000\n").encode()) is TableProblem.TOO_MANY_ROWS


def test_more_than_the_column_limit_is_refused_in_csv_and_xlsx():
    headers = ["姓名"] + [f"列{i}" for i in range(MAX_COLUMNS)]
    assert _problem((",".join(headers) + "\n张伟\n").encode()) is TableProblem.TOO_MANY_COLUMNS
    assert _problem(_xlsx([headers, ["张伟"]])) is TableProblem.TOO_MANY_COLUMNS
    assert read_table(_xlsx([headers[:MAX_COLUMNS], ["张伟"]])).rows


def test_a_file_without_a_known_column_is_refused():
    assert _problem("序号,客户来源\n1,百度\n".encode()) is TableProblem.NO_KNOWN_COLUMNS
    assert _problem(_xlsx([["序号", "Foo"], [1, "bar"]])) is TableProblem.NO_KNOWN_COLUMNS


@pytest.mark.parametrize(
    "data",
    [b"", b"\xef\xbb\xbf", b"\r\n\r\n", b" , ,\n", "姓名,手机\n".encode(), "姓名\n\n\n".encode()],
)
def test_an_empty_file_or_a_header_without_rows_is_empty(data):
    assert _problem(data) is TableProblem.EMPTY


def test_an_empty_workbook_is_empty():
    assert _problem(_xlsx([])) is TableProblem.EMPTY


@pytest.mark.parametrize(
    "data",
    [
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512,  # legacy .xls
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
        b"PK\x03\x04garbage",
    ],
)
def test_binary_files_are_unreadable(data):
    assert _problem(data) is TableProblem.UNREADABLE


@settings(max_examples=200)
@given(data=st.binary(max_size=400) | st.binary(max_size=400).map(lambda b: b"PK\x03\x04" + b))
def test_any_bytes_give_a_table_or_a_table_error_and_nothing_else(data):
    try:
        table = read_table(data)
    except TableError:
        return
    assert table.rows
    assert len(table.columns) == len(table.headers)
