"""Lead import files: .xlsx workbooks and CSV text, read safely into rows of lead fields.

The format is decided by the bytes, never by the file name: a zip archive holding
``xl/workbook.xml`` is a workbook; anything else is CSV text, decoded as UTF-8 (with or without
BOM), UTF-16 with BOM (Excel's "Unicode text"), then GB18030 (Excel on Chinese Windows), with the
delimiter sniffed among comma, tab and semicolon.

The header is the first non-empty row that names a known column; up to
``HEADER_SEARCH_ROWS - 1`` title rows above it ("2024 展会线索") are skipped. Headers are
compared after NFKC, case folding and removing spaces, punctuation and a "(必填)" note, so
"手机号*", "手机号（必填）" and "手 机 号" are all ``phone``. Columns that name no lead field are
kept in ``headers`` but ignored. Blank rows are skipped; each :class:`Row` keeps the row or line
number the user sees in the file.

Safety: the byte size is checked first; a workbook's declared uncompressed size is checked
against ``MAX_UNCOMPRESSED`` before openpyxl reads it (zipfile never inflates an entry past its
declared size, so the declaration bounds the work); openpyxl runs read-only, formulas give their
cached values, only the first sheet is read, at most ``MAX_COLUMNS + 1`` columns per row, and
reading stops after ``MAX_ROWS + 1`` data rows. Everything that fails to read is
:class:`TableError` with ``UNREADABLE``.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
import unicodedata
import zipfile
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from openpyxl import load_workbook

from api.leads.mapping import LEAD_FIELDS

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
MAX_COLUMNS = 60
MAX_UNCOMPRESSED = 60 * 1024 * 1024
HEADER_SEARCH_ROWS = 5
DELIMITERS = (",", "\t", ";")

_ZIP_MAGIC = b"PK\x03\x04"
_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # legacy .xls (OLE2)
_WORKBOOK = "xl/workbook.xml"

RowStream = Generator[tuple[int, list[str]], None, None]
_ANNOTATION = re.compile(r"[(\[【](?:必填|选填|可选|非必填|required|optional)[)\]】]")


class TableProblem(StrEnum):
    """Why an import file was refused."""

    TOO_LARGE = "too_large"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_MANY_COLUMNS = "too_many_columns"
    UNREADABLE = "unreadable"
    EMPTY = "empty"
    NO_KNOWN_COLUMNS = "no_known_columns"


class TableError(ValueError):
    """An import file cannot be used; ``problem`` says why, ``detail`` says more."""

    def __init__(self, problem: TableProblem, detail: str) -> None:
        super().__init__(f"{problem}: {detail}")
        self.problem = problem
        self.detail = detail


@dataclass(frozen=True, slots=True)
class Row:
    """One data row: its number as the user sees it in the file, and its lead field values."""

    number: int
    values: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Table:
    """The header as written, the lead field of each column (None: ignored), and the rows."""

    columns: tuple[str | None, ...]
    headers: tuple[str, ...]
    rows: tuple[Row, ...]


def normalise_header(text: str) -> str:
    """How headers compare: NFKC, case folded, notes, spaces and punctuation removed."""
    value = _ANNOTATION.sub("", unicodedata.normalize("NFKC", text).casefold())
    return "".join(ch for ch in value if unicodedata.category(ch)[0] not in "PSZC")


_ALIASES: Mapping[str, Sequence[str]] = {
    "contact_name": ("姓名", "联系人", "客户姓名", "name"),
    "phone": ("手机", "手机号", "手机号码", "电话", "联系电话", "mobile"),
    "email": ("邮箱", "电子邮箱", "email", "e-mail"),
    "wechat_id": ("微信", "微信号", "wechat"),
    "title": ("职位", "职务"),
    "company_name": ("公司", "公司名称", "企业名称", "单位", "company"),
    "industry": ("行业",),
    "company_size": ("规模", "公司规模", "人数"),
    "funding_stage": ("融资阶段", "融资轮次"),
    "region": ("地区", "省份", "区域"),
    "city": ("城市",),
    "product_line": ("产品线", "意向产品"),
    "budget": ("预算", "预算范围"),
    "campaign": ("活动", "来源活动", "campaign"),
    "note": ("备注",),
}

HEADER_ALIASES: Mapping[str, str] = MappingProxyType(
    {normalise_header(name): name for name in LEAD_FIELDS}
    | {normalise_header(alias): field for field, aliases in _ALIASES.items() for alias in aliases}
)


def read_table(data: bytes) -> Table:
    """Read an .xlsx or CSV import file into lead field rows; raises TableError."""
    if len(data) > MAX_BYTES:
        raise TableError(TableProblem.TOO_LARGE, f"{len(data)} bytes, at most {MAX_BYTES}")
    rows = _xlsx_rows(data) if data.startswith(_ZIP_MAGIC) else _csv_rows(data)
    try:
        return _build(rows)
    finally:
        rows.close()


# ---------------------------------------------------------------------------------------------
# building the table


def _build(rows: RowStream) -> Table:
    """Find the header, then collect the data rows below it."""
    header = _find_header(rows)
    headers, columns = tuple(header), tuple(HEADER_ALIASES.get(normalise_header(h)) for h in header)
    found: list[Row] = []
    for number, cells in rows:
        if not any(cells):
            continue
        if len(found) == MAX_ROWS:
            raise TableError(TableProblem.TOO_MANY_ROWS, f"more than {MAX_ROWS} rows")
        found.append(Row(number=number, values=_values(columns, cells)))
    if not found:
        raise TableError(TableProblem.EMPTY, "no rows below the header")
    return Table(columns=columns, headers=headers, rows=tuple(found))


def _find_header(rows: RowStream) -> list[str]:
    """The first non-empty row naming a known column, among the first few non-empty rows."""
    seen = 0
    for _number, cells in rows:
        header = _trim(cells)
        if not header:
            continue
        if any(normalise_header(cell) in HEADER_ALIASES for cell in header):
            if len(header) > MAX_COLUMNS:
                raise TableError(TableProblem.TOO_MANY_COLUMNS, f"more than {MAX_COLUMNS} columns")
            return header
        seen += 1
        if seen == HEADER_SEARCH_ROWS:
            break
    if not seen:
        raise TableError(TableProblem.EMPTY, "the file has no rows")
    raise TableError(TableProblem.NO_KNOWN_COLUMNS, "no column header names a lead field")


def _trim(cells: list[str]) -> list[str]:
    """The cells without trailing empty ones."""
    end = len(cells)
    while end and not cells[end - 1]:
        end -= 1
    return cells[:end]


def _values(columns: Sequence[str | None], cells: Sequence[str]) -> dict[str, str]:
    """Lead field -> cell text; the first non-empty column wins when two name one field."""
    values: dict[str, str] = {}
    for field, cell in zip(columns, cells, strict=False):
        if field is not None and cell and field not in values:
            values[field] = cell
    return values


# ---------------------------------------------------------------------------------------------
# .xlsx


def _xlsx_rows(data: bytes) -> RowStream:
    """Numbered rows of the first worksheet, as stripped text."""
    _check_archive(data)
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as error:
        raise TableError(TableProblem.UNREADABLE, "not a readable .xlsx workbook") from error
    try:
        if not workbook.worksheets:
            raise TableError(TableProblem.EMPTY, "the workbook has no worksheet")
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a forged <dimension> must not make us pad rows to XFD1048576
        cells = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
        number = 0
        while True:
            row = _next_row(cells)
            if row is None:
                return
            number += 1
            yield number, [_cell_text(value) for value in row]
    finally:
        workbook.close()


def _check_archive(data: bytes) -> None:
    """Refuse a zip that is not a workbook, or that would inflate past MAX_UNCOMPRESSED."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as error:
        raise TableError(TableProblem.UNREADABLE, "a damaged zip archive") from error
    if not any(entry.filename == _WORKBOOK for entry in entries):
        raise TableError(TableProblem.UNREADABLE, "a zip archive, not an .xlsx workbook")
    inflated = sum(entry.file_size for entry in entries)
    if inflated > MAX_UNCOMPRESSED:
        raise TableError(
            TableProblem.TOO_LARGE, f"{inflated} bytes uncompressed, at most {MAX_UNCOMPRESSED}"
        )


def _next_row(cells: Iterator[tuple[Any, ...]]) -> tuple[Any, ...] | None:
    """The next row from openpyxl, None at the end; any failure is UNREADABLE."""
    try:
        return next(cells)
    except StopIteration:
        return None
    except Exception as error:
        raise TableError(TableProblem.UNREADABLE, "the worksheet cannot be read") from error


def _cell_text(value: object) -> str:
    """A cell as the text the user sees: 12 not 12.0, dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _float_text(value)
    if isinstance(value, datetime):
        if value.time() == time(0) and value.tzinfo is None:
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value).strip()


def _float_text(value: float) -> str:
    """Integers without ".0", others to Excel's 15 significant digits."""
    if not math.isfinite(value):
        return ""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return format(value, ".15g")


# ---------------------------------------------------------------------------------------------
# CSV


def _csv_rows(data: bytes) -> RowStream:
    """Numbered records of CSV text (the line each starts on), as stripped text."""
    text = _decode(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_sniff(text))
    start = 1
    try:
        for record in reader:
            yield start, [cell.strip() for cell in record]
            start = reader.line_num + 1
    except csv.Error as error:
        raise TableError(TableProblem.UNREADABLE, f"line {start}: {error}") from error


def _decode(data: bytes) -> str:
    """CSV bytes as text: UTF-8 (BOM or not), UTF-16 with BOM, else GB18030."""
    if data.startswith(_XLS_MAGIC):
        raise TableError(TableProblem.UNREADABLE, "a legacy .xls file: save it as .xlsx")
    if data.startswith(codecs.BOM_UTF8):
        encodings: tuple[str, ...] = ("utf-8-sig",)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            break
        return text
    raise TableError(TableProblem.UNREADABLE, "neither an .xlsx workbook nor CSV text")


def _sniff(text: str) -> str:
    """The delimiter most used on the first line that uses any: comma, tab or semicolon."""
    lines = (line for line in io.StringIO(text) if line.strip())
    for _, line in zip(range(HEADER_SEARCH_ROWS), lines, strict=False):
        counts = {delimiter: _count_unquoted(line, delimiter) for delimiter in DELIMITERS}
        best = max(DELIMITERS, key=lambda delimiter: counts[delimiter])
        if counts[best]:
            return best
    return ","


def _count_unquoted(line: str, delimiter: str) -> int:
    """How often the delimiter occurs outside double quotes."""
    count, quoted = 0, False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            count += 1
    return count
