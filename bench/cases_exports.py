"""Issue 6: Excel exports.

- The writer against raw openpyxl write-only mode writing the same 10,000 x 30 values in the
  same run: at most 1.25x, and at most 64 MB of extra memory (tracemalloc peak of one run;
  see bench/harness.py).
- The applications export (``EXPORTS["applications"]`` through `export_prepare`, as the
  view does, without the audit entry) for 200 and 2,000 applications: the same constant
  query budget for both.
"""

import datetime
import random
from decimal import Decimal
from io import BytesIO
from zipfile import ZipFile

from django.test import Client
from django.utils import timezone
from openpyxl import Workbook

from accounts.enums import Role
from accounts.models import User
from awards.models import Application
from bench.harness import Case
from core.xlsx import Column
from organisations.models import Membership, Organisation
from reporting.exports import export_prepare, write_export
from tests.factories import UserFactory, published_stream, staff_user

COLUMN_COUNT = 30
# Six kinds of column in turn: three text, a date, a datetime, money.
_KINDS = ["text", "text", "text", "date", "datetime", "money"]
_WORDS = [
    "welcome",
    "sanctuary",
    "school",
    "library",
    "council",
    "refugee",
    "week",
    "pledge",
    "learn",
    "embed",
    "share",
]


def _prepared_rows(count: int) -> tuple[list[list], list[list]]:
    """The same values twice: as the writer gets them from the database (aware datetimes)
    and as raw openpyxl needs them (the same moments as naive London wall-clock time)."""

    london = timezone.get_default_timezone()
    generator = random.Random(6)
    start = datetime.datetime(2026, 1, 5, 9, 0, tzinfo=datetime.UTC)
    aware_rows, naive_rows = [], []
    for n in range(count):
        aware, naive = [], []
        for column in range(COLUMN_COUNT):
            kind = _KINDS[column % len(_KINDS)]
            if kind == "text":
                words = generator.choices(_WORDS, k=generator.randint(1, 6))
                value = " ".join(words).capitalize()
                if n % 97 == column:
                    value = "=" + value  # the odd formula-looking comment
                aware.append(value)
                naive.append(value)
            elif kind == "date":
                value = datetime.date(2026, 1, 1) + datetime.timedelta(days=(n + column) % 700)
                aware.append(value)
                naive.append(value)
            elif kind == "datetime":
                value = start + datetime.timedelta(minutes=37 * n + column)
                aware.append(value)
                naive.append(value.astimezone(london).replace(tzinfo=None))
            else:
                value = Decimal(generator.randint(100, 99999)) / 100
                aware.append(value)
                naive.append(value)
        aware_rows.append(aware)
        naive_rows.append(naive)
    return aware_rows, naive_rows


def xlsx_with_rows(rows: int):
    """The check of a written workbook: an .xlsx file whose sheets hold at least ``rows``
    rows (an export adds a few of its own: the title, the filters, the column headings)."""

    def check(output: BytesIO) -> None:
        with ZipFile(output) as archive:
            sheets = [name for name in archive.namelist() if name.startswith("xl/worksheets/")]
            written = sum(archive.read(name).count(b"<row") for name in sheets)
        assert written >= rows, f"{written} rows written, expected at least {rows}"

    return check


def export_cases(client: Client, scale: int) -> list[Case]:

    size = 10_000 * scale
    aware_rows, naive_rows = _prepared_rows(size)
    columns = [
        Column(f"c{n}", f"Column {n + 1}", kind=_KINDS[n % len(_KINDS)])
        for n in range(COLUMN_COUNT)
    ]
    generated_at = timezone.now()

    def raw_openpyxl():
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet("Data")
        for row in naive_rows:
            sheet.append(row)
        output = BytesIO()
        workbook.save(output)
        return output

    def export_writer():
        output = BytesIO()
        write_export(
            output,
            title="Bench",
            columns=columns,
            rows=aware_rows,
            generated_by="Bench <bench@example.org>",
            generated_at=generated_at,
            filters=[("Status", "Submitted")],
        )
        return output

    # Applications in one stream, for its coordinator: the export's query count must not
    # depend on how many there are.
    now = timezone.make_aware(datetime.datetime(2026, 3, 1, 9, 0))
    lead = UserFactory(email="bench.export.lead@example.org")
    coordinators = {}
    for count in (200 * scale, 2000 * scale):
        stream = published_stream(criteria=3, slug=f"bench-export-{count}")
        version = stream.versions.get()
        organisations = Organisation.objects.bulk_create(
            Organisation(name=f"Export school {count}-{n}", organisation_type="school")
            for n in range(count)
        )
        Membership.objects.bulk_create(
            Membership(organisation=organisation, user=lead, role="lead")
            for organisation in organisations
        )
        Application.objects.bulk_create(
            (
                Application(
                    organisation=organisation,
                    stream=stream,
                    criteria_version=version,
                    status="submitted",
                    reference=f"X{count}-{n:06d}",
                    created_at=now,
                    submitted_at=now - datetime.timedelta(minutes=n),
                )
                for n, organisation in enumerate(organisations)
            ),
            batch_size=1000,
        )
        coordinator = staff_user(Role.STREAM_COORDINATOR, email=f"export{count}@example.org")
        stream.coordinators.add(coordinator)
        coordinators[count] = coordinator.pk

    def applications_export(count: int):
        def run():
            # A fresh user each time, as in a request: roles and scope are looked up again.
            user = User.objects.get(pk=coordinators[count])
            prepared = export_prepare(
                user=user, kind="applications", params={"status": "submitted"}
            )
            rows = prepared.count()
            output = BytesIO()
            write_export(
                output,
                title=str(prepared.spec.title),
                columns=prepared.columns,
                rows=prepared.rows(),
                generated_by=str(user),
                generated_at=generated_at,
                filters=prepared.filter_labels,
            )
            return rows, output

        return run

    def applications_written(count: int):
        def check(outcome) -> None:
            rows, output = outcome
            assert rows == count, f"{rows} applications exported, expected {count}"
            xlsx_with_rows(count)(output)

        return check

    raw_name = f"raw openpyxl write-only, {size:,} x {COLUMN_COUNT}"
    # The user, their roles, their streams, the count, the rows.
    query_budget = 5
    return [
        Case(
            raw_name,
            raw_openpyxl,
            reference=None,
            repeat=5,
            warmup=1,
            check=xlsx_with_rows(size),
        ),
        Case(
            f"XLSX export writer, {size:,} x {COLUMN_COUNT}",
            export_writer,
            reference=raw_name,
            budget_ratio=1.25,
            budget_memory_mb=64,
            repeat=5,
            warmup=1,
            check=xlsx_with_rows(size),
        ),
        *(
            Case(
                f"applications export, {count:,} applications",
                applications_export(count),
                reference=None,
                budget_queries=query_budget,
                repeat=3,
                warmup=1,
                check=applications_written(count),
            )
            for count in coordinators
        ),
    ]
