"""Excel exports: the writer's guarantees, scoping and filters, who may see which columns,
the background path, the audit trail and a query count that does not grow with rows."""

import datetime
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from accounts.enums import Role
from audit.enums import AuditAction
from audit.models import AuditEntry
from awards.models import Application, Decision
from bench.harness import Case, run_cases
from core.xlsx import Column
from organisations.models import LocalCoordinator, Membership, Organisation
from panels.models import (
    Assessment,
    AssessorProfile,
    CriterionJudgement,
    Panel,
    PanelMember,
    Payment,
)
from reporting.enums import ExportStatus
from reporting.exports import EXPORTS, data_export_run, write_export
from reporting.models import DataExport
from tests.conftest import NOW
from tests.factories import UserFactory, published_stream, staff_user

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
GENERATED_AT = timezone.make_aware(datetime.datetime(2026, 7, 1, 14, 30))


# --- Helpers -------------------------------------------------------------------------------


def _write(columns, rows, *, filters=()):
    buffer = BytesIO()
    count = write_export(
        buffer,
        title="Applications",
        columns=columns,
        rows=rows,
        generated_by="Nadia Admin <national.admin@example.org>",
        generated_at=GENERATED_AT,
        filters=list(filters),
    )
    return count, buffer.getvalue()


def _sheet_xml(content: bytes) -> str:
    with zipfile.ZipFile(BytesIO(content)) as archive:
        return "".join(
            archive.read(name).decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
        )


def _content(response) -> bytes:
    return b"".join(response.streaming_content)


def _data(content: bytes) -> list[tuple]:
    sheet = load_workbook(BytesIO(content)).worksheets[0]
    return [tuple(cell.value for cell in row) for row in sheet.iter_rows()]


def _column(content: bytes, header: str) -> list:
    rows = _data(content)
    index = rows[0].index(header)
    return [row[index] for row in rows[1:]]


# --- Fixtures ------------------------------------------------------------------------------


@pytest.fixture
def schools(db):
    return published_stream(criteria=2, slug="schools")


@pytest.fixture
def libraries(db):
    return published_stream(criteria=2, slug="libraries")


def _applications(stream, *, count: int, prefix: str, status="submitted", local_group=None):
    version = stream.versions.get()
    organisations = Organisation.objects.bulk_create(
        Organisation(
            name=f"{prefix} organisation {n}",
            organisation_type="school",
            region="East Midlands",
            local_group=local_group,
        )
        for n in range(count)
    )
    return Application.objects.bulk_create(
        Application(
            organisation=organisation,
            stream=stream,
            criteria_version=version,
            status=status,
            reference=f"{prefix}-{n:04d}",
            created_at=NOW,
            submitted_at=NOW - datetime.timedelta(days=n),
        )
        for n, organisation in enumerate(organisations)
    )


@pytest.fixture
def school_applications(schools, leicester):
    submitted = _applications(schools, count=2, prefix="SCH", local_group=leicester)
    assessed = _applications(
        schools, count=1, prefix="SCH-A", status="in_assessment", local_group=leicester
    )
    lead = UserFactory(email="school.lead@example.org")
    Membership.objects.create(organisation=submitted[0].organisation, user=lead, role="lead")
    return submitted + assessed


@pytest.fixture
def library_applications(libraries):
    return _applications(libraries, count=2, prefix="LIB")


@pytest.fixture
def schools_coordinator(schools):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="schools.coordinator@example.org")
    schools.coordinators.add(coordinator)
    return coordinator


@pytest.fixture
def local_lead(leicester):
    lead = staff_user(Role.LOCAL_COORDINATOR, email="leicester.lead@example.org")
    LocalCoordinator.objects.create(user=lead, local_group=leicester)
    return lead


@pytest.fixture
def judged(schools, school_applications, national_admin):
    """A schools panel (chair, expert, lived-experience assessor) whose members have
    submitted their judgements of one application, and the honoraria paid."""
    application = school_applications[-1]
    panel = Panel.objects.create(stream=schools, name="Spring schools panel")
    Application.objects.filter(pk=application.pk).update(panel=panel)
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    members = []
    for key, role, lived in [
        ("chair", "sector_expert", False),
        ("expert", "peer", False),
        ("lived", "lived_experience", True),
    ]:
        user = staff_user(
            Role.PANEL_MEMBER,
            email=f"{key}@example.org",
            first_name=key.title(),
            last_name="Assessor",
        )
        AssessorProfile.objects.create(user=user, lived_experience=lived)
        member = PanelMember.objects.create(
            panel=panel, user=user, role=role, is_chair=key == "chair"
        )
        assessment = Assessment.objects.create(
            member=member, application=application, submitted_at=NOW
        )
        for criterion in criteria:
            CriterionJudgement.objects.create(
                assessment=assessment,
                criterion=criterion,
                outcome="met",
                comment='=HYPERLINK("http://evil.example","Click")' if lived else "Good.",
            )
        members.append(member)
    # A draft assessment is not exported.
    Assessment.objects.filter(member=members[1]).update(submitted_at=None)
    Payment.objects.create(
        member=members[2],
        kind="honorarium",
        amount=Decimal("75.00"),
        description="Spring panel",
        claimed_on=datetime.date(2026, 3, 10),
        paid_on=datetime.date(2026, 3, 20),
        recorded_by=national_admin,
        recorded_at=NOW,
    )
    return {"panel": panel, "application": application, "members": members}


# --- The writer ----------------------------------------------------------------------------


def test_write_xlsx_stores_formula_like_text_as_text():
    texts = [
        '=HYPERLINK("http://evil.example","Click")',
        "+1",
        "-2",
        "@SUM(A1:A2)",
        "#N/A",
        "=1+1",
        "plain",
    ]
    columns = [Column("value", "Value"), Column("note", "Note")]

    count, content = _write(columns, [(text, "ok") for text in texts])

    sheet = load_workbook(BytesIO(content)).worksheets[0]
    cells = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert count == len(texts)
    assert [cell.value for cell in cells] == texts
    assert {cell.data_type for cell in cells} == {"s"}
    assert [cell.quotePrefix for cell in cells] == [True] * 6 + [False]
    xml = _sheet_xml(content)
    assert "<f>" not in xml and "<f " not in xml


def test_write_xlsx_strips_characters_xml_cannot_hold():
    count, content = _write([Column("value", "Value")], [("bell\x07 and\x1f nul\x00",)])

    assert _data(content)[1] == ("bell and nul",)


def test_write_xlsx_writes_real_dates_in_local_time():
    columns = [
        Column("day", "Day", kind="date"),
        Column("moment", "Moment", kind="datetime"),
        Column("amount", "Amount", kind="money"),
        Column("count", "Count", kind="number"),
    ]
    # 13:05 UTC in July is 14:05 in London.
    moment = datetime.datetime(2026, 7, 1, 13, 5, tzinfo=datetime.UTC)

    _, content = _write(columns, [(datetime.date(2026, 3, 2), moment, Decimal("75.50"), 3)])

    sheet = load_workbook(BytesIO(content)).worksheets[0]
    day, at, amount, number = next(sheet.iter_rows(min_row=2))
    assert (day.is_date, day.value, day.number_format) == (
        True,
        datetime.datetime(2026, 3, 2),
        "dd/mm/yyyy",
    )
    assert (at.is_date, at.value, at.number_format) == (
        True,
        datetime.datetime(2026, 7, 1, 14, 5),
        "dd/mm/yyyy hh:mm",
    )
    assert (amount.value, amount.data_type, amount.number_format) == (75.5, "n", '"£"#,##0.00')
    assert (number.value, number.data_type) == (3, "n")


def test_write_xlsx_header_is_bold_frozen_and_filtered():
    columns = [Column("a", "First"), Column("b", "Second", width=40), Column("c", "Third")]

    _, content = _write(columns, [("1", "2", "3")] * 3)

    workbook = load_workbook(BytesIO(content))
    sheet = workbook.worksheets[0]
    assert workbook.sheetnames == ["Applications", "About this export"]
    assert [cell.value for cell in sheet[1]] == ["First", "Second", "Third"]
    assert all(cell.font.b for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:C4"
    assert sheet.column_dimensions["B"].width == 40


def test_write_xlsx_about_sheet_says_who_when_and_which_filters():
    _, content = _write(
        [Column("a", "First")], [("x",), ("y",)], filters=[("Status", "=Submitted")]
    )

    about = load_workbook(BytesIO(content))["About this export"]
    rows = [tuple(cell.value for cell in row) for row in about.iter_rows()]
    assert rows[:4] == [
        ("Export", "Applications"),
        ("Generated by", "Nadia Admin <national.admin@example.org>"),
        ("Generated at", datetime.datetime(2026, 7, 1, 14, 30)),
        ("Rows", 2),
    ]
    assert ("Status", "=Submitted") in rows
    assert "<f>" not in _sheet_xml(content)


def test_write_xlsx_many_rows_keep_their_own_values():
    """Styled cells are reused from row to row: each row must still get its own values."""
    columns = [Column("d", "Day", kind="date"), Column("t", "Text"), Column("m", "£", "money")]
    rows = [
        (datetime.date(2026, 1, 1) + datetime.timedelta(days=n), f"={n}", Decimal(n))
        for n in range(50)
    ]

    _, content = _write(columns, rows)

    assert _data(content)[1:] == [
        (datetime.datetime(2026, 1, 1) + datetime.timedelta(days=n), f"={n}", n) for n in range(50)
    ]


# --- The applications export ---------------------------------------------------------------


def test_export_applications_downloads_with_date_in_name(
    client, national_admin, school_applications, library_applications
):
    client.force_login(national_admin)

    response = client.get("/workspace/exports/applications.xlsx")

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith('attachment; filename="applications-')
    assert response["Content-Disposition"].endswith('.xlsx"')
    content = _content(response)
    assert _data(content)[0] == (
        "Reference",
        "Organisation",
        "Stream",
        "Local group",
        "Region",
        "Status",
        "Submitted",
        "Decision",
        "Decided",
        "Panel",
        "Lead's email",
    )
    assert sorted(_column(content, "Reference")) == sorted(
        a.reference for a in school_applications + library_applications
    )
    first = next(row for row in _data(content) if row[0] == "SCH-0000")
    assert first[3:7] == (
        "Leicester City of Sanctuary",
        "East Midlands",
        "Submitted",
        datetime.datetime(2026, 3, 2),
    )
    assert first[10] == "school.lead@example.org"


def test_export_applications_honours_the_queue_filters(
    client, national_admin, school_applications, library_applications
):
    client.force_login(national_admin)

    response = client.get("/workspace/exports/applications.xlsx?status=in_assessment&page=2")

    content = _content(response)
    assert _column(content, "Reference") == ["SCH-A-0000"]
    about = load_workbook(BytesIO(content))["About this export"]
    assert ("Status", "In assessment") in [
        tuple(cell.value for cell in row) for row in about.iter_rows()
    ]


def test_export_applications_includes_decision(client, national_admin, school_applications):
    application = school_applications[-1]
    Decision.objects.create(
        application=application, outcome="award", decided_by=national_admin, decided_at=NOW
    )
    client.force_login(national_admin)

    content = _content(client.get("/workspace/exports/applications.xlsx?q=SCH-A"))

    assert _data(content)[1][7:9] == ("Award", datetime.datetime(2026, 3, 2))


def test_export_applications_is_scoped_to_the_coordinators_stream(
    client, schools_coordinator, school_applications, library_applications
):
    client.force_login(schools_coordinator)

    content = _content(client.get("/workspace/exports/applications.xlsx"))

    assert sorted(_column(content, "Reference")) == ["SCH-0000", "SCH-0001", "SCH-A-0000"]


def test_export_applications_chosen_columns_in_chosen_order(
    client, schools_coordinator, school_applications
):
    client.force_login(schools_coordinator)

    content = _content(
        client.get("/workspace/exports/applications.xlsx?columns=status,reference&q=SCH-A")
    )

    assert _data(content) == [("Status", "Reference"), ("In assessment", "SCH-A-0000")]


def test_local_coordinator_gets_no_personal_columns(client, local_lead, school_applications):
    client.force_login(local_lead)

    content = _content(client.get("/workspace/exports/applications.xlsx"))

    assert "Lead's email" not in _data(content)[0]
    assert len(_data(content)) == 4


@pytest.mark.parametrize("column", ["lead_email", "no_such_column"])
def test_column_the_user_may_not_see_is_refused_and_nothing_audited(
    client, local_lead, school_applications, column
):
    client.force_login(local_lead)

    response = client.get(f"/workspace/exports/applications.xlsx?columns=reference,{column}")

    assert response.status_code == 400
    assert f"You cannot export the column ‘{column}’" in response.content.decode()
    assert response["Content-Type"].startswith("text/html")
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT_CREATED).exists()


def test_invalid_filter_is_refused(client, national_admin, school_applications):
    client.force_login(national_admin)

    response = client.get("/workspace/exports/applications.xlsx?status=nonsense")

    assert response.status_code == 400
    assert "Status" in response.content.decode()
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT_CREATED).exists()


def test_export_writes_one_audit_entry(client, schools_coordinator, school_applications):
    client.force_login(schools_coordinator)

    client.get("/workspace/exports/applications.xlsx?status=submitted&columns=reference")

    entry = AuditEntry.objects.get(action=AuditAction.EXPORT_CREATED)
    assert (entry.actor, entry.organisation, entry.application, entry.note) == (
        schools_coordinator,
        None,
        None,
        "applications",
    )
    assert entry.data == {"rows": 2, "filters": {"status": "submitted"}, "columns": ["reference"]}


# --- Panel judgements and payments ---------------------------------------------------------


def test_panel_judgements_export_for_national_admin_names_lived_experience(
    client, national_admin, judged
):
    client.force_login(national_admin)

    content = _content(client.get("/workspace/exports/panel_judgements.xlsx"))

    rows = _data(content)
    assert rows[0] == (
        "Application",
        "Panel",
        "Panel member",
        "Lived experience",
        "Round",
        "Criterion",
        "Judgement",
        "Comment",
        "Submitted at",
    )
    # The expert's assessment is not submitted: only the chair's and the lived-experience
    # assessor's judgements, two criteria each.
    assert [(row[2], row[3]) for row in rows[1:]] == [
        ("Chair Assessor", "No"),
        ("Chair Assessor", "No"),
        ("Lived Assessor", "Yes"),
        ("Lived Assessor", "Yes"),
    ]
    assert rows[3][7] == '=HYPERLINK("http://evil.example","Click")'
    assert rows[1][8] == datetime.datetime(2026, 3, 2, 10, 0)
    assert "<f>" not in _sheet_xml(content)


def test_special_category_column_only_for_national_admins(client, schools_coordinator, judged):
    client.force_login(schools_coordinator)

    default = _content(client.get("/workspace/exports/panel_judgements.xlsx"))
    refused = client.get("/workspace/exports/panel_judgements.xlsx?columns=lived_experience")

    assert "Lived experience" not in _data(default)[0]
    assert "Panel member" in _data(default)[0]
    assert refused.status_code == 400
    assert "You cannot export the column ‘lived_experience’" in refused.content.decode()


def test_panel_judgements_scoped_to_coordinators_applications(client, libraries, judged):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="libraries@example.org")
    libraries.coordinators.add(coordinator)
    client.force_login(coordinator)

    content = _content(client.get("/workspace/exports/panel_judgements.xlsx"))

    assert len(_data(content)) == 1


def test_payments_export_for_finance(client, national_admin, judged):
    client.force_login(national_admin)

    content = _content(client.get("/workspace/exports/payments.xlsx?paid=yes"))

    sheet = load_workbook(BytesIO(content)).worksheets[0]
    rows = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert rows == [
        ("Panel", "Panel member", "Email", "Type", "Amount", "What for", "Claimed on", "Paid on"),
        (
            "Spring schools panel",
            "Lived Assessor",
            "lived@example.org",
            "Honorarium",
            75,
            "Spring panel",
            datetime.datetime(2026, 3, 10),
            datetime.datetime(2026, 3, 20),
        ),
    ]
    assert sheet["E2"].number_format == '"£"#,##0.00'


def test_payments_export_not_for_local_coordinators(client, local_lead, judged):
    client.force_login(local_lead)

    assert client.get("/workspace/exports/payments.xlsx").status_code == 404


# --- Who may export at all -----------------------------------------------------------------


@pytest.mark.parametrize("who", ["applicant_lead", "panel_member"])
@pytest.mark.parametrize(
    "path",
    [
        "/workspace/exports/applications.xlsx",
        "/workspace/exports/panel_judgements.xlsx",
        "/workspace/exports/payments.xlsx",
        "/workspace/exports/",
        "/workspace/exports/no_such_kind.xlsx",
    ],
)
def test_applicants_and_panel_members_get_404(client, request, who, path):
    client.force_login(request.getfixturevalue(who))

    assert client.get(path).status_code == 404


# --- Large exports in the background -------------------------------------------------------


def test_large_export_is_prepared_in_background_and_emailed(
    client,
    settings,
    schools_coordinator,
    school_applications,
    django_capture_on_commit_callbacks,
):
    settings.EXPORT_INLINE_MAX_ROWS = 2
    client.force_login(schools_coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get("/workspace/exports/applications.xlsx?region=East")

    assert response.status_code == 302
    assert response["Location"] == "/workspace/exports/"
    export = DataExport.objects.get()
    assert (export.requested_by, export.kind, export.status, export.row_count) == (
        schools_coordinator,
        "applications",
        ExportStatus.READY,
        3,
    )
    assert export.params["query"] == {"region": "East"}
    assert [message.to for message in mail.outbox] == [["schools.coordinator@example.org"]]
    assert f"/workspace/exports/{export.pk}/download/" in mail.outbox[0].body
    entry = AuditEntry.objects.get(action=AuditAction.EXPORT_CREATED)
    assert entry.data["rows"] == 3
    assert entry.data["filters"] == {"region": "East"}

    page = client.get("/workspace/exports/")
    assert "We are preparing your file; we will email you when it is ready." in (
        page.content.decode()
    )
    assert f"/workspace/exports/{export.pk}/download/" in page.content.decode()

    download = client.get(f"/workspace/exports/{export.pk}/download/")
    assert download.status_code == 200
    assert download["Content-Type"] == XLSX
    assert sorted(_column(_content(download), "Reference")) == [
        "SCH-0000",
        "SCH-0001",
        "SCH-A-0000",
    ]


def test_only_the_requester_downloads_a_prepared_export(
    client, settings, schools_coordinator, national_admin, school_applications
):
    settings.EXPORT_INLINE_MAX_ROWS = 0
    other = staff_user(Role.STREAM_COORDINATOR, email="other.coordinator@example.org")
    client.force_login(schools_coordinator)
    client.get("/workspace/exports/applications.xlsx")
    export = DataExport.objects.get()

    data_export_run(export=export, now=NOW, base_url="http://testserver")

    seen = {}
    for user in [schools_coordinator, other, national_admin]:
        client.force_login(user)
        seen[user.email] = client.get(f"/workspace/exports/{export.pk}/download/").status_code
    assert seen == {
        "schools.coordinator@example.org": 200,
        "other.coordinator@example.org": 404,
        "national.admin@example.org": 404,
    }


def test_background_export_fails_when_the_user_lost_the_right(
    client, settings, schools_coordinator, school_applications
):
    settings.EXPORT_INLINE_MAX_ROWS = 0
    client.force_login(schools_coordinator)
    client.get("/workspace/exports/applications.xlsx?columns=lead_email")
    schools_coordinator.groups.clear()
    export = DataExport.objects.select_related("requested_by").get()

    data_export_run(export=export, now=NOW, base_url="http://testserver")

    export.refresh_from_db()
    assert (export.status, bool(export.file)) == (ExportStatus.FAILED, False)
    assert export.error == "You may no longer export this list."
    assert not AuditEntry.objects.filter(action=AuditAction.EXPORT_CREATED).exists()


# --- Query count ---------------------------------------------------------------------------


def _export_queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
        _content(response)
    assert response.status_code == 200
    return len(queries)


def test_query_count_does_not_grow_with_rows(client, schools_coordinator, schools, judged):
    client.force_login(schools_coordinator)
    applications_few = _export_queries(client, "/workspace/exports/applications.xlsx")
    judgements_few = _export_queries(client, "/workspace/exports/panel_judgements.xlsx")
    payments_few = _export_queries(client, "/workspace/exports/payments.xlsx")

    more = _applications(schools, count=47, prefix="MORE")
    lead = UserFactory()
    Membership.objects.bulk_create(
        Membership(organisation=application.organisation, user=lead, role="lead")
        for application in more
    )
    panel = judged["panel"]
    criteria = list(judged["application"].criteria_version.criteria.all())
    for n, application in enumerate(more[:10]):
        user = staff_user(Role.PANEL_MEMBER, email=f"extra{n}@example.org")
        member = PanelMember.objects.create(panel=panel, user=user, role="peer")
        assessment = Assessment.objects.create(
            member=member, application=application, submitted_at=NOW
        )
        CriterionJudgement.objects.bulk_create(
            CriterionJudgement(assessment=assessment, criterion=c, outcome="met") for c in criteria
        )
        Payment.objects.create(
            member=member,
            kind="expenses",
            amount=Decimal("12.40"),
            recorded_by=schools_coordinator,
            recorded_at=NOW,
        )

    assert Application.objects.count() == 50
    assert _export_queries(client, "/workspace/exports/applications.xlsx") == applications_few
    assert _export_queries(client, "/workspace/exports/panel_judgements.xlsx") == judgements_few
    assert _export_queries(client, "/workspace/exports/payments.xlsx") == payments_few


def test_every_export_kind_has_unique_column_keys_and_a_title():
    for kind, spec in EXPORTS.items():
        keys = [column.key for column in spec.columns]
        assert len(keys) == len(set(keys)), kind
        assert str(spec.title)


def test_bench_memory_budget_is_judged(db):

    def allocate():
        return bytearray(3 * 1024 * 1024)

    cases = [
        Case("small", lambda: bytearray(1024), reference=None, budget_memory_mb=1, repeat=1),
        Case("large", allocate, reference=None, budget_memory_mb=1, repeat=1),
        Case("unmeasured", allocate, reference=None, repeat=1),
    ]

    small, large, unmeasured = run_cases(cases)

    assert (small.ok, large.ok, unmeasured.ok) == (True, False, True)
    assert 2.9 < large.memory_mb < 3.5
    assert unmeasured.memory_mb is None
