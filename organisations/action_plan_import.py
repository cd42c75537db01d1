"""Reading a council action plan in the Lewisham layout (a self-contained parser; writing
one back is organisations/action_plan_export.py).

A council keeps its action plan in Excel, one row an action (DOMAIN.md §6). This module is a
leaf: `parse_action_plan` takes the bytes of an .xlsx file and returns an `ActionPlanPreview`
(rows, row errors, file errors, warnings) without touching the database.

Contracts:

- `parse_action_plan` never raises for bad input. A file it cannot use at all gets
  `file_errors` and no rows; a row it cannot read gets `RowError`s (Excel row number, 1-based,
  and the canonical column name) and is left out of `rows`. Import only when `preview.ok`.
- Headings are matched ignoring case, spaces and punctuation, with common aliases; columns may
  come in any order; unknown columns are ignored with a warning. The heading row is the row,
  among the first 15, that names the most known columns. "RAG rating" and "Comments" may each
  be one column holding text such as "Amber – 12/03/2026", two columns ("RAG rating",
  "RAG date"), or a merged heading over two sub-columns ("Rating" | "Date") on a second
  heading row.
"""

import datetime
import itertools
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import WINDOWS_EPOCH, from_excel

# The layout's column headings are the format itself (a council re-imports what we export),
# so they and the main sheet's name are not translated.
COLUMNS: tuple[str, ...] = (
    "Reference",
    "Directorate",
    "Division",
    "Service area",
    "Action",
    "Owner",
    "Milestones",
    "Status",
    "Date added",
    "Date due",
    "RAG rating",
    "RAG date",
    "Comments",
    "Comments date",
)
FIELDS: tuple[str, ...] = (
    "reference",
    "directorate",
    "division",
    "service_area",
    "action",
    "owner",
    "milestones",
    "status",
    "date_added",
    "date_due",
    "rag",
    "rag_date",
    "comments",
    "comments_date",
)
COLUMN_FOR_FIELD: dict[str, str] = dict(zip(FIELDS, COLUMNS, strict=True))
REQUIRED_COLUMNS: tuple[str, ...] = ("Reference", "Directorate", "Action", "Status")
MAX_ROWS = 5000
HEADER_SEARCH_ROWS = 15

_DATE_FIELDS = ("date_added", "date_due", "rag_date", "comments_date")
_TEXT_FIELDS = (
    "reference",
    "directorate",
    "division",
    "service_area",
    "action",
    "owner",
    "milestones",
    "status",
)
_REQUIRED_FIELDS = tuple(f for f in FIELDS if COLUMN_FOR_FIELD[f] in REQUIRED_COLUMNS)
# Beyond this many columns a sheet is not an action plan; it also bounds the work done on
# sheets whose formatting runs out to column XFD.
_MAX_COLUMNS = 200


@dataclass(frozen=True, kw_only=True)
class ActionRow:
    """One action. `source_row` is where it came from in an imported sheet (0 if not imported);
    it is provenance, so it takes no part in equality."""

    reference: str
    directorate: str = ""
    division: str = ""
    service_area: str = ""
    action: str
    owner: str = ""
    milestones: str = ""
    status: str = ""
    date_added: datetime.date | None = None
    date_due: datetime.date | None = None
    rag: str = ""
    rag_date: datetime.date | None = None
    comments: str = ""
    comments_date: datetime.date | None = None
    source_row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class RowError:
    """A problem with one row: `row` as Excel numbers it, `column` one of COLUMNS."""

    row: int
    column: str
    message: str


@dataclass
class ActionPlanPreview:
    rows: list[ActionRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors and not self.file_errors


# ---------------------------------------------------------------------------
# Headings
# ---------------------------------------------------------------------------


def _normalise(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.casefold())


_HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "reference": (
        "Reference",
        "Ref",
        "Ref no",
        "Reference number",
        "Action reference",
        "Action ref",
        "Action no",
        "Action number",
        "Action ID",
    ),
    "directorate": ("Directorate", "Department"),
    "division": ("Division",),
    "service_area": ("Service area", "Service areas", "Service"),
    "action": ("Action", "Actions", "Action description", "Description", "Action to be taken"),
    "owner": (
        "Owner",
        "Action owner",
        "Lead",
        "Lead officer",
        "Responsible officer",
        "Responsible",
        "Officer",
    ),
    "milestones": ("Milestones", "Milestone", "Key milestones"),
    "status": ("Status", "Action status", "Current status", "Progress status"),
    "date_added": ("Date added", "Added", "Date raised", "Raised", "Date created", "Date opened"),
    "date_due": (
        "Date due",
        "Due date",
        "Due",
        "Due by",
        "Target date",
        "Target completion date",
        "Deadline",
    ),
    "rag": ("RAG rating", "RAG", "RAG status", "RAG rating (with date)", "Rating"),
    "rag_date": ("RAG date", "RAG rating date", "Date of RAG rating", "RAG updated"),
    "comments": (
        "Comments",
        "Comment",
        "Comments (with date)",
        "Progress comments",
        "Progress",
        "Progress update",
        "Latest update",
        "Update",
        "Notes",
    ),
    "comments_date": (
        "Comments date",
        "Comment date",
        "Date of comment",
        "Date of comments",
        "Date of update",
        "Update date",
        "Progress date",
    ),
}
_FIELD_FOR_HEADER: dict[str, str] = {
    _normalise(alias): name for name, aliases in _HEADER_ALIASES.items() for alias in aliases
}

# A heading spanning sub-columns named on the next row: group -> sub-heading -> field.
_SUB_HEADERS: dict[str, dict[str, str]] = {
    "rag": {
        **dict.fromkeys(map(_normalise, ("Rating", "RAG", "RAG rating", "Status")), "rag"),
        **dict.fromkeys(
            map(_normalise, ("Date", "Dated", "As at", "Updated", "Date updated", "RAG date")),
            "rag_date",
        ),
    },
    "comments": {
        **dict.fromkeys(
            map(_normalise, ("Comment", "Comments", "Text", "Update", "Progress", "Notes")),
            "comments",
        ),
        **dict.fromkeys(
            map(_normalise, ("Date", "Dated", "As at", "Updated", "Date updated", "Comment date")),
            "comments_date",
        ),
    },
    "dates": {
        **dict.fromkeys(map(_normalise, ("Added", "Date added", "Raised")), "date_added"),
        **dict.fromkeys(map(_normalise, ("Due", "Date due", "Target", "Target date")), "date_due"),
    },
}
_GROUP_FOR_HEADER: dict[str, str] = {
    **{key: "rag" for key, name in _FIELD_FOR_HEADER.items() if name == "rag"},
    **{key: "comments" for key, name in _FIELD_FOR_HEADER.items() if name == "comments"},
    **dict.fromkeys(map(_normalise, ("Date", "Dates", "Key dates")), "dates"),
}


@dataclass
class _Header:
    columns: dict[str, int]  # field -> 0-based column index
    height: int  # 1, or 2 when sub-headings were used
    ignored: list[tuple[int, str]]  # unknown headings: (column index, text)
    repeated: list[tuple[int, str, str]]  # (column index, text, field already taken)


def _header_text(value: object) -> str:
    return "" if value is None else " ".join(str(value).split())


def _match_header(top: Sequence[object], sub: Sequence[object] | None) -> _Header:
    tops = [_header_text(v) for v in top]
    keys = [_normalise(t) for t in tops]
    width = len(tops)
    subs = [_normalise(_header_text(v)) for v in sub] if sub is not None else []
    subs += [""] * (width - len(subs))
    header = _Header(columns={}, height=1, ignored=[], repeated=[])

    def assign(name: str, col: int) -> None:
        if name in header.columns:
            header.repeated.append((col, tops[col], name))
        else:
            header.columns[name] = col

    col = 0
    while col < width:
        key = keys[col]
        if not key:
            col += 1
            continue
        group = _GROUP_FOR_HEADER.get(key) if sub is not None else None
        if group:
            # A merged heading repeats (once expanded) or leaves blanks to its right.
            end = col + 1
            while end < width and keys[end] in ("", key):
                end += 1
            found = {
                j: _SUB_HEADERS[group][subs[j]]
                for j in range(col, end)
                if subs[j] in _SUB_HEADERS[group]
            }
            if len(set(found.values())) >= 2:
                for j, name in found.items():
                    assign(name, j)
                header.height = 2
                col = end
                continue
        name = _FIELD_FOR_HEADER.get(key)
        if name:
            assign(name, col)
        else:
            header.ignored.append((col, tops[col]))
        col += 1
    return header


def _find_header(rows: Sequence[Sequence[object]]) -> tuple[int, _Header] | None:
    """The 0-based index of the heading row among `rows`, and what it maps; None if no row in
    the first HEADER_SEARCH_ROWS names a known column. Ties go to the earlier row."""
    best: tuple[int, _Header] | None = None
    for index in range(min(HEADER_SEARCH_ROWS, len(rows))):
        sub = rows[index + 1] if index + 1 < len(rows) else None
        header = _match_header(rows[index], sub)
        if header.columns and (best is None or len(header.columns) > len(best[1].columns)):
            best = (index, header)
    return best


# ---------------------------------------------------------------------------
# Cell values
# ---------------------------------------------------------------------------


class _UnreadableDate(ValueError):
    pass


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_WEEKDAY_PREFIX = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+")
_TIME = r"(?:[t ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
_ISO_DATE = re.compile(rf"^(\d{{4}})[-/.](\d{{1,2}})[-/.](\d{{1,2}}){_TIME}$")
_NUMERIC_DATE = re.compile(rf"^(\d{{1,2}})[/.\-](\d{{1,2}})[/.\-](\d{{4}}|\d{{2}}){_TIME}$")
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-]+([a-z]+)\.?,?[\s\-]+(\d{4}|\d{2})$")
_MONTH_DAY_YEAR = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\.?[\s\-,]+(\d{4})$")
_SERIAL_TEXT = re.compile(r"^\d{5}(?:\.\d+)?$")
_MAX_SERIAL = 2958465  # 31/12/9999


def _year(text: str) -> int:
    year = int(text)
    if len(text) == 2:  # as strptime's %y does
        return year + (2000 if year < 69 else 1900)
    return year


def _date_or_none(year: int, month: int | None, day: int) -> datetime.date | None:
    if month is None:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _from_serial(value: float, epoch: datetime.datetime) -> datetime.date | None:
    if not 1 <= value <= _MAX_SERIAL:
        return None
    converted = from_excel(value, epoch=epoch)
    return converted.date() if isinstance(converted, datetime.datetime) else None


def parse_date_text(text: str, *, epoch: datetime.datetime = WINDOWS_EPOCH) -> datetime.date | None:
    """Read a date typed as text, day first as in the UK; None if it is not one.

    Accepts 2026-02-01, 01/02/2026, 1/2/26, 01.02.2026, 01-02-2026, 1 Feb 2026,
    1st February 2026, 01-Feb-26, February 1, 2026, Feb 2026 (the 1st of the month), an
    optional leading weekday, and a five-digit Excel serial number.
    """
    text = " ".join(text.split()).casefold()
    text = _WEEKDAY_PREFIX.sub("", text)
    if match := _ISO_DATE.match(text):
        year, month, day = match.groups()
        return _date_or_none(int(year), int(month), int(day))
    if match := _NUMERIC_DATE.match(text):
        day, month, year = match.groups()
        return _date_or_none(_year(year), int(month), int(day))
    if match := _DAY_MONTH_YEAR.match(text):
        day, month, year = match.groups()
        return _date_or_none(_year(year), _MONTHS.get(month), int(day))
    if match := _MONTH_DAY_YEAR.match(text):
        month, day, year = match.groups()
        return _date_or_none(int(year), _MONTHS.get(month), int(day))
    if match := _MONTH_YEAR.match(text):
        month, year = match.groups()
        return _date_or_none(int(year), _MONTHS.get(month), 1)
    if _SERIAL_TEXT.match(text):
        return _from_serial(float(text), epoch)
    return None


def _read_date(value: object, epoch: datetime.datetime) -> datetime.date | None:
    """A date cell's value as a date, None when blank; _UnreadableDate otherwise."""
    if _is_blank(value):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        if (converted := _from_serial(value, epoch)) is not None:
            return converted
    elif isinstance(value, str) and (parsed := parse_date_text(value, epoch=epoch)) is not None:
        return parsed
    raise _UnreadableDate


_RAG_WORDS = {
    "r": "Red",
    "red": "Red",
    "a": "Amber",
    "amber": "Amber",
    "g": "Green",
    "green": "Green",
}
_FIRST_WORD = re.compile(r"\s*([^\W\d_]+)")
_SECOND_RAG_WORD = re.compile(r"^\s*[/\\&-]\s*(?:red|amber|green|r|a|g)\b", re.IGNORECASE)
_DATE_LEAD_IN = re.compile(r"^(?:as at|as of|updated|on|at)\s+", re.IGNORECASE)
_SEPARATORS = " \t\r\n-–—:,;()[]"


def _split_rag(text: str) -> tuple[str | None, str]:
    """("Amber", "12/03/2026") from "Amber – 12/03/2026"; the rating is None when the first
    word is not a RAG rating. "Amber/Green" counts as its first word."""
    match = _FIRST_WORD.match(text)
    if not match:
        return None, ""
    rating = _RAG_WORDS.get(match.group(1).casefold())
    rest = _SECOND_RAG_WORD.sub("", text[match.end() :]).strip(_SEPARATORS)
    return rating, _DATE_LEAD_IN.sub("", rest)


_DATE_PATTERN = (
    r"\d{4}-\d{1,2}-\d{1,2}"
    r"|\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}"
    r"|\d{1,2}(?:st|nd|rd|th)?[ \-][A-Za-z]{3,9}\.?,?[ \-]\d{2,4}"
    r"|[A-Za-z]{3,9}\.? \d{4}"
)
# Only a date set off at the very end or very start of a comment is taken as its date, so that
# dates mentioned in the prose stay where they are.
_TRAILING_DATE = re.compile(
    rf"(?:[-–—:|\n]\s*|[(\[]\s*)(?P<date>{_DATE_PATTERN})\s*[)\]]?\s*\.?\s*$", re.IGNORECASE
)
_LEADING_DATE = re.compile(
    rf"^\s*(?:[(\[]\s*(?P<bracketed>{_DATE_PATTERN})\s*[)\]]\s*[-–—:|]?"
    rf"|(?P<plain>{_DATE_PATTERN})\s*[-–—:|\n])\s*",
    re.IGNORECASE,
)
_WHOLE_DATE = re.compile(rf"^\s*[(\[]?\s*(?:{_DATE_PATTERN})\s*[)\]]?\s*$", re.IGNORECASE)
_DATE_WINDOW = 40


def _split_dated_comment(text: str, epoch: datetime.datetime) -> tuple[str, datetime.date | None]:
    """("Audit done", 12 Mar 2026) from "Audit done – 12/03/2026" or "12/03/2026: Audit done"."""
    if _WHOLE_DATE.match(text):
        parsed = parse_date_text(text.strip(" ()[]"), epoch=epoch)
        if parsed is not None:
            return "", parsed
    tail_start = max(0, len(text) - _DATE_WINDOW)
    if match := _TRAILING_DATE.search(text, tail_start):
        parsed = parse_date_text(match.group("date"), epoch=epoch)
        if parsed is not None:
            return text[: match.start()].strip(), parsed
    if match := _LEADING_DATE.match(text[:_DATE_WINDOW]):
        parsed = parse_date_text(match["bracketed"] or match["plain"], epoch=epoch)
        if parsed is not None:
            return text[match.end() :].strip(), parsed
    return text, None


def _shown(value: object) -> str:
    text = _text(value)
    return text if len(text) <= 40 else text[:39] + "…"


# ---------------------------------------------------------------------------
# Reading a workbook
# ---------------------------------------------------------------------------


def _choose_sheet(workbook):
    """The sheet called something like "Action plan", else the first worksheet."""
    for sheet in workbook.worksheets:
        if "actionplan" in _normalise(sheet.title):
            return sheet
    return workbook.worksheets[0] if workbook.worksheets else None


def _too_many_rows(count: int, limit: int) -> str:
    return _(
        "The sheet has %(count)s rows; the most we can import at once is %(limit)s. "
        "Split it into smaller files and import each one."
    ) % {"count": f"{count:,}", "limit": f"{limit:,}"}


def _unreadable_file() -> str:
    return _(
        "We could not open this file as an Excel workbook. Save it from Excel as "
        "“Excel Workbook (.xlsx)” and try again."
    )


# Row start tags, with or without a namespace prefix. Text cannot contain "<", and a false
# ":row " in text only over-counts, which costs the exact count below, never a wrong answer.
_ROW_TAGS = (b"<row ", b"<row>", b":row ", b":row>")


def _at_most_rows(data: bytes, *, limit: int) -> bool:
    """Whether all the workbook's worksheets together hold at most `limit` rows: a cheap
    bound, read from the raw XML, that spares a second pass over every ordinary file."""
    total = 0
    with zipfile.ZipFile(BytesIO(data)) as archive:
        for info in archive.infolist():
            name = info.filename
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            with archive.open(info) as stream:
                carry = b""
                while chunk := stream.read(1 << 20):
                    window = carry + chunk
                    total += sum(window.count(tag) for tag in _ROW_TAGS)
                    if total > limit:
                        return False
                    carry = window[-4:]  # shorter than a tag, so no tag is counted twice
    return True


def _count_rows_streaming(data: bytes) -> int | None:
    """Data rows in the file, counted in read-only mode so that an enormous sheet is turned
    away before it is loaded whole. None if no heading row is found (the full read reports
    that). Merged cells are not expanded here, so the
    count can differ slightly from the full read's, which checks the limit again."""
    workbook = load_workbook(BytesIO(data), read_only=True, data_only=True)
    try:
        sheet = _choose_sheet(workbook)
        if sheet is None:
            return None
        rows = sheet.iter_rows(max_col=_MAX_COLUMNS, values_only=True)
        head = list(itertools.islice(rows, HEADER_SEARCH_ROWS + 1))
        found = _find_header(head)
        if found is None:
            return None
        index, header = found
        columns = list(header.columns.values())
        below = itertools.chain(head[index + header.height :], rows)
        return sum(1 for values in below if not _all_blank(values, columns))
    finally:
        workbook.close()


def _all_blank(values: Sequence[object], columns: Sequence[int]) -> bool:
    return all(_is_blank(values[c]) for c in columns if c < len(values))


@dataclass
class _Sheet:
    """What the full read needs from openpyxl, with merged cells already expanded."""

    epoch: datetime.datetime
    heading_row: int  # Excel row number of the (first) heading row
    headings: list[str]  # the texts on that row, for messages
    header: _Header
    rows: list[tuple[int, list[object]]]  # (Excel row number, values by column index)
    section_rows: list[tuple[int, str]]  # section headings across the sheet, skipped


def _read_sheet(data: bytes) -> _Sheet | None:
    workbook = load_workbook(BytesIO(data), data_only=True, keep_links=False)
    sheet = _choose_sheet(workbook)
    if sheet is None:
        return None
    max_row = sheet.max_row
    max_col = min(sheet.max_column, _MAX_COLUMNS)
    head_height = min(HEADER_SEARCH_ROWS + 1, max_row)
    head = [
        list(values)
        for values in sheet.iter_rows(max_row=head_height, max_col=max_col, values_only=True)
    ]
    merged = [
        (cells, sheet.cell(row=cells.min_row, column=cells.min_col).value)
        for cells in sheet.merged_cells.ranges
    ]
    # Among the headings a merged cell's value fills the whole range.
    for cells, value in merged:
        for row in range(cells.min_row, min(cells.max_row, head_height) + 1):
            for col in range(cells.min_col, min(cells.max_col, max_col) + 1):
                head[row - 1][col - 1] = value
    found = _find_header(head)
    if found is None:
        return None
    index, header = found
    first_data_row = index + header.height + 1
    last_col = max(header.columns.values()) + 1

    # Below them, a merged cell fills down its first column only (a directorate merged over
    # its actions); one spanning three or more columns alone on its row is a section heading.
    fill_down: dict[int, list[tuple[int, object]]] = {}
    spanning: dict[int, int] = {}
    for cells, value in merged:
        if cells.max_row < first_data_row:
            continue
        for row in range(max(cells.min_row, first_data_row), min(cells.max_row, max_row) + 1):
            fill_down.setdefault(row, []).append((cells.min_col - 1, value))
        if cells.max_col - cells.min_col >= 2:
            spanning[cells.min_row] = cells.min_col - 1

    rows: list[tuple[int, list[object]]] = []
    section_rows: list[tuple[int, str]] = []
    values_by_row = sheet.iter_rows(
        min_row=first_data_row, max_row=max_row, max_col=last_col, values_only=True
    )
    for number, values in enumerate(values_by_row, start=first_data_row):
        cells = list(values)
        for col, value in fill_down.get(number, ()):
            if col < len(cells):
                cells[col] = value
        if number in spanning:
            present = [col for col, value in enumerate(cells) if not _is_blank(value)]
            if present == [spanning[number]]:
                section_rows.append((number, _text(cells[present[0]])))
                continue
        rows.append((number, cells))

    headings: list[str] = []
    for value in head[index]:
        text = _header_text(value)
        if text and (not headings or headings[-1] != text):  # a merged heading, once
            headings.append(text)
    return _Sheet(
        epoch=workbook.epoch,
        heading_row=index + 1,
        headings=headings,
        header=header,
        rows=rows,
        section_rows=section_rows,
    )


def _parse_row(
    *, number: int, cells: Sequence[object], columns: dict[str, int], epoch: datetime.datetime
) -> tuple[ActionRow | None, list[RowError]]:
    values = {name: cells[col] if col < len(cells) else None for name, col in columns.items()}
    errors: list[RowError] = []

    def cell(name: str) -> str:
        return f"{get_column_letter(columns[name] + 1)}{number}"

    texts = {name: _text(values.get(name)) for name in _TEXT_FIELDS}
    if not texts["reference"]:
        errors.append(
            RowError(
                number,
                COLUMN_FOR_FIELD["reference"],
                _("Cell %(cell)s is empty: every action needs a reference.")
                % {"cell": cell("reference")},
            )
        )
    if not texts["action"]:
        errors.append(
            RowError(
                number,
                COLUMN_FOR_FIELD["action"],
                _("Cell %(cell)s is empty: every row needs the action itself.")
                % {"cell": cell("action")},
            )
        )

    dates: dict[str, datetime.date | None] = dict.fromkeys(_DATE_FIELDS)
    for name in _DATE_FIELDS:
        if name not in columns:
            continue
        try:
            dates[name] = _read_date(values[name], epoch)
        except _UnreadableDate:
            errors.append(
                RowError(
                    number,
                    COLUMN_FOR_FIELD[name],
                    _(
                        "We could not read “%(value)s” in cell %(cell)s as a date. "
                        "Use a date such as 01/02/2026 or 1 Feb 2026."
                    )
                    % {"value": _shown(values[name]), "cell": cell(name)},
                )
            )

    rag = ""
    rag_text = _text(values.get("rag"))
    if rag_text:
        rating, rest = _split_rag(rag_text)
        if rating is None:
            errors.append(
                RowError(
                    number,
                    COLUMN_FOR_FIELD["rag"],
                    _(
                        "We could not read “%(value)s” in cell %(cell)s as a RAG rating. "
                        "Use Red, Amber or Green."
                    )
                    % {"value": _shown(rag_text), "cell": cell("rag")},
                )
            )
        else:
            rag = rating
            # A date typed after the rating ("Amber – 12/03/2026") counts when the sheet has
            # no RAG date of its own for the row.
            if rest and any(c.isdigit() for c in rest) and dates["rag_date"] is None:
                embedded = parse_date_text(rest, epoch=epoch)
                if embedded is None:
                    errors.append(
                        RowError(
                            number,
                            COLUMN_FOR_FIELD["rag"],
                            _(
                                "We could not read the date “%(value)s” in cell %(cell)s. "
                                "Write the rating then the date, such as “Amber – 12/03/2026”."
                            )
                            % {"value": _shown(rest), "cell": cell("rag")},
                        )
                    )
                else:
                    dates["rag_date"] = embedded

    comments = _text(values.get("comments"))
    if comments and "comments_date" not in columns:
        comments, dates["comments_date"] = _split_dated_comment(comments, epoch)

    if errors:
        return None, errors
    return (
        ActionRow(
            **texts,
            date_added=dates["date_added"],
            date_due=dates["date_due"],
            rag=rag,
            rag_date=dates["rag_date"],
            comments=comments,
            comments_date=dates["comments_date"],
            source_row=number,
        ),
        [],
    )


def parse_action_plan(*, data: bytes, max_rows: int = MAX_ROWS) -> ActionPlanPreview:
    """Read an uploaded action plan (.xlsx) into a preview; never raises for bad input.

    A file-level problem (not a workbook, no heading row, a required column missing, no rows,
    more than `max_rows` rows) gives `file_errors` and no rows: nothing is half-imported.
    Row problems give `errors` and leave the row out of `rows`.
    """
    preview = ActionPlanPreview()
    # openpyxl raises a wide and undocumented range of exceptions on damaged files (zip,
    # XML, KeyError, ValueError, ...); any of them means "not a workbook we can read".
    try:
        streamed_count = None
        if not _at_most_rows(data, limit=max_rows + 1):
            streamed_count = _count_rows_streaming(data)
    except Exception:
        preview.file_errors.append(_unreadable_file())
        return preview
    if streamed_count is not None and streamed_count > max_rows:
        preview.file_errors.append(_too_many_rows(streamed_count, max_rows))
        return preview
    try:
        sheet = _read_sheet(data)
    except Exception:
        preview.file_errors.append(_unreadable_file())
        return preview
    if sheet is None:
        preview.file_errors.append(
            _(
                "We could not find the column headings in the first %(rows)s rows. "
                "The sheet needs columns called %(columns)s."
            )
            % {"rows": HEADER_SEARCH_ROWS, "columns": ", ".join(REQUIRED_COLUMNS)}
        )
        return preview

    header = sheet.header
    missing = [COLUMN_FOR_FIELD[f] for f in _REQUIRED_FIELDS if f not in header.columns]
    if missing:
        preview.file_errors.append(
            _(
                "The sheet is missing these required columns: %(missing)s. "
                "The column headings we found on row %(row)s are: %(found)s."
            )
            % {
                "missing": ", ".join(missing),
                "row": sheet.heading_row,
                "found": ", ".join(sheet.headings),
            }
        )
        return preview

    for col, text in header.ignored:
        preview.warnings.append(
            _("Column %(column)s (“%(heading)s”) is not part of the action plan and was ignored.")
            % {"column": get_column_letter(col + 1), "heading": text}
        )
    for col, text, name in header.repeated:
        preview.warnings.append(
            _(
                "Column %(column)s (“%(heading)s”) was ignored: the sheet already has a "
                "%(existing)s column."
            )
            % {
                "column": get_column_letter(col + 1),
                "heading": text,
                "existing": COLUMN_FOR_FIELD[name],
            }
        )
    for number, text in sheet.section_rows:
        preview.warnings.append(
            _("Row %(row)s (“%(text)s”) looks like a section heading and was skipped.")
            % {"row": number, "text": _shown(text)}
        )

    columns = header.columns
    mapped = list(columns.values())
    data_rows = [(number, cells) for number, cells in sheet.rows if not _all_blank(cells, mapped)]
    if len(data_rows) > max_rows:
        preview.file_errors.append(_too_many_rows(len(data_rows), max_rows))
        return preview
    if not data_rows:
        preview.file_errors.append(
            _("The sheet has column headings on row %(row)s but no actions below them.")
            % {"row": sheet.heading_row}
        )
        return preview

    reference_col = columns["reference"]
    first_seen: dict[str, int] = {}
    for number, cells in data_rows:
        row, errors = _parse_row(number=number, cells=cells, columns=columns, epoch=sheet.epoch)
        reference = _text(cells[reference_col]) if reference_col < len(cells) else ""
        key = reference.casefold()
        if key and key in first_seen:
            errors.insert(
                0,
                RowError(
                    number,
                    COLUMN_FOR_FIELD["reference"],
                    _(
                        "The reference “%(reference)s” is also used on row %(row)s. "
                        "Each action needs its own reference."
                    )
                    % {"reference": _shown(reference), "row": first_seen[key]},
                ),
            )
        elif key:
            first_seen[key] = number
        if errors:
            preview.errors.extend(errors)
        elif row is not None:
            preview.rows.append(row)
    return preview
