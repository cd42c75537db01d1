"""The one Excel writer: rows of plain values in, an .xlsx file out. Used by every export and
by the council action plan's round trip.

Streamed with openpyxl's write-only mode, so any number of rows fits in little memory. One
bold, frozen, filterable header row; dates and datetimes as real date cells in the site's
time zone; every text value stored as a text cell that Excel never evaluates (text that
could be taken for a formula, or an error value, gets a quote prefix; characters XML cannot
hold are dropped). Then a second sheet saying what the file is: who generated it, when, and
whatever else the caller lists.
"""

import datetime
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import IO, Any

from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

DATE_FORMAT = "dd/mm/yyyy"
DATETIME_FORMAT = "dd/mm/yyyy hh:mm"
MONEY_FORMAT = '"£"#,##0.00'
EXCEL_MAX_TEXT = 32767
# Text starting with one of these could be taken for a formula (by Excel when someone edits
# the cell, or by whatever the sheet is pasted into); such text gets a quote prefix.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_ERROR_CODES = frozenset(ERROR_CODES)
_DEFAULT_WIDTHS = {"text": 24, "date": 12, "datetime": 17, "number": 10, "money": 12}

_illegal_search = ILLEGAL_CHARACTERS_RE.search
_illegal_sub = ILLEGAL_CHARACTERS_RE.sub


@dataclass(frozen=True)
class Column:
    """One column of an export. ``kind`` is how its values are written: text, date,
    datetime, number or money. ``personal`` marks people's names and contact details;
    ``special_category`` marks anything about lived experience of seeking sanctuary."""

    key: str
    header: str
    kind: str = "text"
    personal: bool = False
    special_category: bool = False
    width: float | None = None

    def __post_init__(self):
        if self.kind not in _DEFAULT_WIDTHS:
            raise ValueError(f"Unknown column kind {self.kind!r}")


def clean_text(value: str) -> str:
    """Text Excel can hold: no characters XML forbids, at most 32,767 characters."""
    if _illegal_search(value):
        value = _illegal_sub("", value)
    return value[:EXCEL_MAX_TEXT]


class _PreparedCell(Cell):
    """A cell whose type and style we set ourselves. A write-only sheet takes an appended
    `Cell` as it is, after first trying it as a value and formatting its repr for the
    error it then catches: the short repr keeps that cheap."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<PreparedCell>"


class _Styles:
    """The few cell styles an export uses, registered once per workbook and shared."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.bold = self._style(font=Font(bold=True))
        self.quoted = self._style(quotePrefix=True)
        self.date = self._style(number_format=DATE_FORMAT)
        self.datetime = self._style(number_format=DATETIME_FORMAT)
        self.money = self._style(number_format=MONEY_FORMAT)

    def _style(self, **attributes):
        template = Cell(self.sheet, row=1, column=1)
        for name, value in attributes.items():
            setattr(template, name, value)
        return template._style

    def cell(self, sheet, style, data_type: str, value=None) -> _PreparedCell:
        cell = _PreparedCell(sheet, row=1, column=1, style_array=style)
        cell.data_type = data_type
        cell._value = value
        return cell

    def header(self, sheet, text) -> _PreparedCell:
        return self.cell(sheet, self.bold, "s", clean_text(str(text)))


def _converter(kind: str, sheet, styles: _Styles, tz: datetime.tzinfo) -> Callable[[Any], Any]:
    """A function from one column's Python values to what the sheet appends.

    Plain text and numbers pass through (openpyxl's fastest path). Values that need a
    style or a forced type go into one cell object per column and style, reused row after
    row: a write-only sheet writes each appended row out before `append` returns, and
    replaces a styled cell rather than reuse it for the next value."""

    def prepared(style, data_type: str) -> _PreparedCell:
        return styles.cell(sheet, style, data_type)

    quoted = prepared(styles.quoted, "s")

    def text(value):
        if value is None:
            return None
        if value.__class__ is not str:
            value = str(value)
        if not value:
            return None
        if _illegal_search(value):
            value = _illegal_sub("", value)
            if not value:
                return None
        if value.startswith(FORMULA_PREFIXES) or value in _ERROR_CODES:
            # Stored as text with a quote prefix: never a formula or an error value.
            quoted._value = value[:EXCEL_MAX_TEXT]
            return quoted
        return value

    if kind == "text":
        return text

    if kind == "number":

        def number(value):
            if value is None or isinstance(value, (int, float, Decimal)):
                return value
            return text(value)

        return number

    if kind == "money":
        money_cell = prepared(styles.money, "n")

        def money(value):
            if value is None:
                return None
            if not isinstance(value, (int, float, Decimal)):
                return text(value)
            money_cell._value = value
            return money_cell

        return money

    date_cell = prepared(styles.date, "d")

    if kind == "date":

        def date(value):
            if value is None:
                return None
            if isinstance(value, datetime.datetime):
                if value.tzinfo is not None:
                    value = value.astimezone(tz)
                value = value.date()
            date_cell._value = value
            return date_cell

        return date

    if kind == "datetime":
        datetime_cell = prepared(styles.datetime, "d")

        def date_time(value):
            if value is None:
                return None
            if not isinstance(value, datetime.datetime):
                date_cell._value = value
                return date_cell
            # Excel has no time zones: write the wall-clock time in the site's zone.
            if value.tzinfo is not None:
                value = value.astimezone(tz).replace(tzinfo=None)
            datetime_cell._value = value
            return datetime_cell

        return date_time

    raise ValueError(f"Unknown column kind {kind!r}")


def _sheet_title(text: str) -> str:
    title = "".join(ch for ch in clean_text(str(text)) if ch not in "[]:*?/\\")
    return title[:31].strip() or "Data"


@dataclass(frozen=True)
class AboutRow:
    """A row of the "about this file" sheet: a label (bold unless ``plain``) and a value
    (text, a number, a date or a datetime, or None)."""

    label: str
    value: Any = None
    plain: bool = False


BLANK = AboutRow("", plain=True)


def write_xlsx(
    fileobj: IO[bytes],
    *,
    title: str,
    creator: str,
    sheet_title: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence],
    about_title: str,
    about: Callable[[int], Sequence[AboutRow]],
) -> int:
    """Write an .xlsx file to ``fileobj`` and return the number of data rows.

    Each row holds one value per column, in column order, on the sheet ``sheet_title``.
    ``about(count)`` gives the rows of the second sheet, ``about_title``, once the data rows
    are counted."""
    tz = timezone.get_default_timezone()
    workbook = Workbook(write_only=True)
    workbook.properties.title = clean_text(str(title))
    workbook.properties.creator = clean_text(str(creator))

    sheet = workbook.create_sheet(_sheet_title(sheet_title))
    styles = _Styles(sheet)
    # Write-only sheets write their views and column widths before the first row.
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        width = column.width or _DEFAULT_WIDTHS[column.kind]
        sheet.column_dimensions[get_column_letter(index)].width = width
    append = sheet.append
    append([styles.header(sheet, column.header) for column in columns])
    converters = [_converter(column.kind, sheet, styles, tz) for column in columns]
    count = 0
    for values in rows:
        append([convert(value) for convert, value in zip(converters, values, strict=True)])
        count += 1
    # ... and their autofilter after the last row, so the range can be set now.
    last_column = get_column_letter(max(len(columns), 1))
    sheet.auto_filter.ref = f"A1:{last_column}{count + 1}"

    sheet = workbook.create_sheet(_sheet_title(about_title))
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 70
    text = _converter("text", sheet, styles, tz)
    moment = _converter("datetime", sheet, styles, tz)
    day = _converter("date", sheet, styles, tz)
    for row in about(count):
        if row is BLANK:
            sheet.append([])
            continue
        label = text(str(row.label)) if row.plain else styles.header(sheet, row.label)
        value = row.value
        if isinstance(value, datetime.datetime):
            cell = moment(value)
        elif isinstance(value, datetime.date):
            cell = day(value)
        elif isinstance(value, (int, float, Decimal)) or value is None:
            cell = value
        else:
            cell = text(str(value))
        sheet.append([label] if cell is None else [label, cell])
    workbook.save(fileobj)
    return count
