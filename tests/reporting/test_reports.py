"""Reports for national staff and coordinators: the figures on a known dataset, scoping, the
page, its query budget, and the chart geometry."""

import datetime
import os
import re
import time
import xml.etree.ElementTree as ElementTree

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format

from accounts.enums import Role
from awards.enums import ApplicationStatus, AwardStatus
from awards.models import Application, Award, Decision
from awards.models.awards import new_certificate_number
from awards.services import applications as application_services
from core import charts
from organisations.models import LocalCoordinator, Organisation
from reporting import reports
from tests.conftest import NOW
from tests.factories import organisation_with_team, published_stream, staff_user

TODAY = datetime.date(2026, 3, 2)


def at(year: int, month: int, day: int) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


# --- A small known dataset --------------------------------------------------------------------


@pytest.fixture
def streams(db):
    return {
        "schools": published_stream(slug="schools", sort_order=1),
        "libraries": published_stream(slug="libraries", sort_order=2),
    }


def _application(organisation, stream, *, user, status, submitted_at):
    application = application_services.application_start(
        organisation=organisation, stream=stream, user=user, now=NOW
    )
    # Arranging history directly: the workflow itself is tested in test_workflow.py.
    Application.objects.filter(pk=application.pk).update(status=status, submitted_at=submitted_at)
    application.refresh_from_db()
    return application


def _award(organisation, stream, *, user, submitted, decided, awarded_on, expires_on, status):
    application = _application(
        organisation, stream, user=user, status=ApplicationStatus.AWARDED, submitted_at=submitted
    )
    Decision.objects.create(
        application=application, outcome="award", decided_by=user, decided_at=decided
    )
    return Award.objects.create(
        organisation=organisation,
        stream=stream,
        application=application,
        criteria_version=application.criteria_version,
        certificate_number=new_certificate_number("SOS", awarded_on.year),
        awarded_on=awarded_on,
        expires_on=expires_on,
        status=status,
    )


def build_dataset(streams, leicester, *, user, suffix=""):
    """Schools: four awards (one lapsed) and one submitted application; libraries: one award,
    one application in assessment; plus a draft and an application withdrawn before
    submission, which no report counts."""
    schools, libraries = streams["schools"], streams["libraries"]

    def organisation(name, *, nation="england", region="East Midlands", local_group=None):
        return organisation_with_team(
            name=f"{name}{suffix}", nation=nation, region=region, local_group=local_group
        )

    riverside = organisation("Riverside Primary", local_group=leicester)
    hillside = organisation("Hillside Academy")
    oakfield = organisation("Oakfield School", region="London")
    brook = organisation("Brook Infants")
    glasgow = organisation("Glasgow Libraries", nation="scotland", region="Glasgow")
    meadow = organisation("Meadow School", region="London", local_group=leicester)
    aberdeen = organisation("Aberdeen Libraries", nation="scotland", region="")
    cardiff = organisation("Cardiff School", nation="wales", region="South Wales")

    active, due, lapsed = AwardStatus.ACTIVE, AwardStatus.RENEWAL_DUE, AwardStatus.LAPSED
    d = datetime.date
    _award(riverside, schools, user=user, submitted=at(2023, 1, 1), decided=at(2023, 1, 11),
           awarded_on=d(2023, 4, 1), expires_on=d(2026, 4, 1), status=active)  # fmt: skip
    _award(hillside, schools, user=user, submitted=at(2023, 1, 1), decided=at(2023, 1, 21),
           awarded_on=d(2023, 4, 20), expires_on=d(2026, 4, 20), status=due)  # fmt: skip
    _award(oakfield, schools, user=user, submitted=at(2024, 1, 1), decided=at(2024, 2, 10),
           awarded_on=d(2024, 6, 1), expires_on=d(2027, 6, 1), status=active)  # fmt: skip
    _award(brook, schools, user=user, submitted=at(2023, 1, 1), decided=at(2023, 1, 31),
           awarded_on=d(2023, 3, 15), expires_on=d(2026, 3, 15), status=lapsed)  # fmt: skip
    _award(glasgow, libraries, user=user, submitted=at(2023, 8, 1), decided=at(2023, 8, 8),
           awarded_on=d(2023, 9, 1), expires_on=d(2026, 9, 1), status=active)  # fmt: skip
    _application(meadow, schools, user=user, status=ApplicationStatus.SUBMITTED,
                 submitted_at=at(2026, 2, 1))  # fmt: skip
    _application(aberdeen, libraries, user=user, status=ApplicationStatus.IN_ASSESSMENT,
                 submitted_at=at(2025, 11, 1))  # fmt: skip
    _application(cardiff, schools, user=user, status=ApplicationStatus.DRAFT, submitted_at=None)
    _application(cardiff, libraries, user=user, status=ApplicationStatus.WITHDRAWN,
                 submitted_at=None)  # fmt: skip


@pytest.fixture
def dataset(streams, leicester, national_admin):
    build_dataset(streams, leicester, user=national_admin)
    return streams


@pytest.fixture
def schools_coordinator(streams):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="schools.coordinator@example.org")
    streams["schools"].coordinators.add(coordinator)
    return coordinator


@pytest.fixture
def local_lead(leicester):
    lead = staff_user(Role.LOCAL_COORDINATOR, email="leicester.lead@example.org")
    LocalCoordinator.objects.create(user=lead, local_group=leicester)
    return lead


def _statuses(user, **filters) -> dict[str, int]:
    return {
        row.status: row.count
        for row in reports.applications_by_status(user=user, **filters)
        if row.count
    }


def _renewals(user, **filters) -> dict[str, int]:
    return {
        row.month.strftime("%Y-%m"): row.count
        for row in reports.renewals_due_by_month(user=user, today=TODAY, **filters)
        if row.count
    }


def _coverage(user, **filters) -> list[tuple[str, str, int, int]]:
    return [
        (row.nation, row.region, row.with_current_award, row.with_application)
        for row in reports.coverage_by_region(user=user, **filters)
    ]


# --- The figures --------------------------------------------------------------------------------


def test_awards_by_stream_and_year_counts_every_award_made(dataset, national_admin):
    result = reports.awards_by_stream_and_year(user=national_admin)

    assert result.years == [2023, 2024]
    assert result.series() == [("Schools", [3, 1]), ("Libraries", [1, 0])]
    assert result.total == 5


def test_awards_by_stream_and_year_filters_by_stream_and_years(dataset, national_admin):
    result = reports.awards_by_stream_and_year(
        user=national_admin, stream=dataset["schools"], year_from=2024, year_to=2025
    )

    assert (result.years, result.series()) == ([2024, 2025], [("Schools", [1, 0])])


def test_applications_by_status_counts_submitted_applications_only(dataset, national_admin):
    rows = reports.applications_by_status(user=national_admin)

    assert _statuses(national_admin) == {"awarded": 5, "submitted": 1, "in_assessment": 1}
    assert [row.label for row in rows][:3] == [
        "Submitted",
        "Returned for more information",
        "Resubmitted",
    ]
    assert "draft" not in {row.status for row in rows}


def test_applications_by_status_years_are_years_of_submission(dataset, national_admin):
    assert _statuses(national_admin, year_from=2025) == {"submitted": 1, "in_assessment": 1}


def test_renewals_due_by_month_counts_current_awards_over_twelve_months(dataset, national_admin):
    months = reports.renewals_due_by_month(user=national_admin, today=TODAY)

    assert [months[0].month, months[-1].month] == [
        datetime.date(2026, 3, 1),
        datetime.date(2027, 2, 1),
    ]
    # The lapsed award (March 2026) and the one expiring in June 2027 are not due.
    assert _renewals(national_admin) == {"2026-04": 2, "2026-09": 1}


def test_median_days_per_stream_and_overall(dataset, national_admin):
    result = reports.median_days_submission_to_decision(user=national_admin)

    # Schools took 10, 20, 40 and 30 days (an even count: the mean of the middle two).
    assert result.rows == [
        reports.StreamMedian(stream="Schools", median_days=25.0, decisions=4),
        reports.StreamMedian(stream="Libraries", median_days=7.0, decisions=1),
    ]
    assert (result.median_days, result.decisions) == (20.0, 5)


def test_median_days_odd_and_even_counts(streams, national_admin):
    schools = streams["schools"]

    def decided_after(days: int):
        organisation = organisation_with_team(name=f"School {days}")
        _award(organisation, schools, user=national_admin, submitted=at(2025, 1, 1),
               decided=at(2025, 1, 1) + datetime.timedelta(days=days),
               awarded_on=datetime.date(2025, 6, 1), expires_on=datetime.date(2028, 6, 1),
               status=AwardStatus.ACTIVE)  # fmt: skip

    for days in (5, 9, 100):
        decided_after(days)
    odd = reports.median_days_submission_to_decision(user=national_admin).median_days
    decided_after(12)
    even = reports.median_days_submission_to_decision(user=national_admin).median_days

    assert (odd, even) == (9.0, 10.5)


def test_median_days_leaves_out_applications_resubmitted_since_their_decision(
    dataset, national_admin
):
    Application.objects.filter(organisation__name="Glasgow Libraries").update(
        submitted_at=at(2023, 9, 1)
    )

    result = reports.median_days_submission_to_decision(user=national_admin)

    assert [row.stream for row in result.rows] == ["Schools"]


def test_median_days_years_are_years_of_decision(dataset, national_admin):
    result = reports.median_days_submission_to_decision(user=national_admin, year_from=2024)

    assert result.rows == [reports.StreamMedian(stream="Schools", median_days=40.0, decisions=1)]


@pytest.fixture
def process_time_zone(request):
    """The process's TZ (what C's localtime, and so SQLite's, reads) for one test."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = request.param
    time.tzset()
    yield request.param
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def _decided(stream, *, user, name, submitted, decided):
    _award(organisation_with_team(name=name), stream, user=user, submitted=submitted,
           decided=decided, awarded_on=datetime.date(2025, 9, 1),
           expires_on=datetime.date(2028, 9, 1), status=AwardStatus.ACTIVE)  # fmt: skip


def utc(year: int, month: int, day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(year, month, day, hour, minute, tzinfo=datetime.UTC)


@pytest.mark.parametrize(
    ("submitted", "decided", "days"),
    [
        # 23:30 UTC on a BST day is 00:30 the next day in London: one day less than in UTC.
        (utc(2025, 6, 10, 23, 30), utc(2025, 6, 13, 10), 2.0),
        # The same on a GMT day is still the same day in London.
        (utc(2025, 1, 10, 23, 30), utc(2025, 1, 13, 10), 3.0),
        # A decision recorded at 23:30 UTC on a BST day falls on the next day in London.
        (utc(2025, 6, 10, 10), utc(2025, 6, 12, 23, 30), 3.0),
        # Across the change to BST (30 March 2025): from the 29th to the 31st in London.
        (utc(2025, 3, 29, 23, 30), utc(2025, 3, 30, 23, 30), 2.0),
        # Decided the same London day, after a submission late in the UTC evening.
        (utc(2025, 7, 1, 23, 5), utc(2025, 7, 2, 9), 0.0),
    ],
)
# SQLite counts days with its own date functions when the process's TZ (which Django sets to
# TIME_ZONE) is the site's, and with Django's otherwise: the same days either way.
@pytest.mark.parametrize("process_time_zone", ["Europe/London", "UTC"], indirect=True)
def test_median_days_are_calendar_days_in_the_site_time_zone(
    streams, national_admin, process_time_zone, submitted, decided, days
):
    _decided(streams["schools"], user=national_admin, name="Riverside Primary",
             submitted=submitted, decided=decided)  # fmt: skip

    result = reports.median_days_submission_to_decision(user=national_admin)

    assert result == reports.MedianDays(
        rows=[reports.StreamMedian(stream="Schools", median_days=days, decisions=1)],
        median_days=days,
        decisions=1,
    )


def test_median_days_even_counts_per_stream_and_overall(streams, national_admin):
    taken = {"schools": [3, 8], "libraries": [21, 4]}
    for slug, all_days in taken.items():
        for days in all_days:
            _decided(streams[slug], user=national_admin, name=f"{slug} {days}",
                     submitted=at(2025, 1, 6),
                     decided=at(2025, 1, 6) + datetime.timedelta(days=days))  # fmt: skip

    result = reports.median_days_submission_to_decision(user=national_admin)

    # Overall 3, 4, 8 and 21: the middle two come from different streams.
    assert result == reports.MedianDays(
        rows=[
            reports.StreamMedian(stream="Schools", median_days=5.5, decisions=2),
            reports.StreamMedian(stream="Libraries", median_days=12.5, decisions=2),
        ],
        median_days=6.0,
        decisions=4,
    )


def test_median_days_with_no_decisions(streams, national_admin):
    result = reports.median_days_submission_to_decision(user=national_admin)

    assert result == reports.MedianDays(rows=[], median_days=None, decisions=0)


def test_median_days_query_count_does_not_grow_with_the_decisions(streams, national_admin):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            reports.median_days_submission_to_decision(user=national_admin)
        return len(captured)

    queries()  # the user's roles are looked up once and kept on the user
    for slug in ("schools", "libraries"):
        _decided(streams[slug], user=national_admin, name=f"First {slug}",
                 submitted=at(2025, 1, 6), decided=at(2025, 1, 9))  # fmt: skip
    two = queries()
    for n in range(6):
        _decided(streams["libraries" if n % 2 else "schools"], user=national_admin,
                 name=f"School {n}", submitted=at(2025, 1, 6),
                 decided=at(2025, 1, 10 + n))  # fmt: skip
    eight = queries()

    # Two streams: the medians per stream, then overall (one query on SQLite).
    assert two == eight <= 2


def test_coverage_by_region(dataset, national_admin):
    assert _coverage(national_admin) == [
        ("england", "East Midlands", 2, 3),
        ("england", "London", 1, 2),
        ("scotland", "Glasgow", 1, 1),
        ("scotland", "", 0, 1),
    ]


def test_coverage_by_region_counts_each_organisation_once(dataset, national_admin):
    # Riverside Primary, awarded in schools, applies and is awarded in libraries too.
    riverside = Organisation.objects.get(name="Riverside Primary")
    _award(riverside, dataset["libraries"], user=national_admin, submitted=at(2024, 1, 1),
           decided=at(2024, 2, 1), awarded_on=datetime.date(2024, 3, 1),
           expires_on=datetime.date(2027, 3, 1), status=AwardStatus.ACTIVE)  # fmt: skip

    assert _coverage(national_admin)[0] == ("england", "East Midlands", 2, 3)


def test_coverage_by_region_for_one_stream(dataset, national_admin):
    assert _coverage(national_admin, stream=dataset["libraries"]) == [
        ("scotland", "Glasgow", 1, 1),
        ("scotland", "", 0, 1),
    ]


# --- Scoping ------------------------------------------------------------------------------------


def test_stream_coordinator_sees_only_their_streams_figures(dataset, schools_coordinator):
    awards = reports.awards_by_stream_and_year(user=schools_coordinator)
    medians = reports.median_days_submission_to_decision(user=schools_coordinator)

    assert awards.series() == [("Schools", [3, 1])]
    assert _statuses(schools_coordinator) == {"awarded": 4, "submitted": 1}
    assert _renewals(schools_coordinator) == {"2026-04": 2}
    assert [row.stream for row in medians.rows] == ["Schools"]
    assert _coverage(schools_coordinator) == [
        ("england", "East Midlands", 2, 3),
        ("england", "London", 1, 2),
    ]


def test_local_coordinator_sees_only_their_groups_figures(dataset, local_lead):
    awards = reports.awards_by_stream_and_year(user=local_lead)

    assert (awards.years, awards.series()) == ([2023], [("Schools", [1])])
    assert _statuses(local_lead) == {"awarded": 1, "submitted": 1}
    assert _coverage(local_lead) == [
        ("england", "East Midlands", 1, 1),
        ("england", "London", 0, 1),
    ]


@pytest.mark.parametrize("who", ["applicant_lead", "panel_member", "local_group_editor"])
def test_reports_are_refused_to_people_who_coordinate_nothing(who, request, client, dataset):
    user = request.getfixturevalue(who)
    client.force_login(user)

    assert client.get("/workspace/reports/").status_code == 404
    with pytest.raises(PermissionDenied):
        reports.applications_by_status(user=user)


def test_reports_send_anonymous_visitors_to_sign_in(client, db):
    response = client.get("/workspace/reports/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


# --- The page -----------------------------------------------------------------------------------


def _reports_section(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_reports_page_shows_each_chart_with_its_table(client, dataset, national_admin):
    # The page counts renewals from the real date: make sure one falls due soon.
    expires_on = timezone.localdate() + datetime.timedelta(days=40)
    _award(organisation_with_team(name="Lakeside School"), dataset["schools"],
           user=national_admin, submitted=at(2025, 1, 1), decided=at(2025, 2, 1),
           awarded_on=expires_on - datetime.timedelta(days=3 * 365), expires_on=expires_on,
           status=AwardStatus.ACTIVE)  # fmt: skip
    client.force_login(national_admin)

    response = client.get("/workspace/reports/")
    main = _reports_section(response.content.decode())

    assert response.status_code == 200
    assert main.count('<svg class="sa-chart__svg"') == 5
    assert main.count('role="img"') == 5
    assert main.count('<table class="sa-table sa-chart__table">') == 5
    for chart_id in ["awards", "statuses", "renewals", "median-days", "coverage"]:
        assert f'aria-labelledby="chart-{chart_id}-title chart-{chart_id}-desc"' in main
        assert f'<title id="chart-{chart_id}-title">' in main
        assert f'<desc id="chart-{chart_id}-desc">' in main
    assert "style=" not in main
    assert "<script" not in main
    this_month = date_format(timezone.localdate(), "F Y")
    assert f'<th class="sa-table__header" scope="row">{this_month}</th>' in main


def test_reports_page_says_no_data_yet_instead_of_an_empty_chart(client, streams, national_admin):
    client.force_login(national_admin)

    main = _reports_section(client.get("/workspace/reports/").content.decode())

    assert main.count("No data yet.") == 5
    assert "<svg" not in main


def test_reports_page_filters_by_stream_and_year(client, dataset, national_admin):
    client.force_login(national_admin)
    libraries = dataset["libraries"].pk

    main = _reports_section(
        client.get(f"/workspace/reports/?stream={libraries}&year_from=2023").content.decode()
    )

    column = '<th class="sa-table__header sa-table__cell--numeric" scope="col">{}</th>'
    assert column.format("Libraries") in main
    assert column.format("Schools") not in main


def test_reports_page_offers_a_stream_coordinator_only_their_streams(
    client, dataset, schools_coordinator
):
    client.force_login(schools_coordinator)
    libraries = dataset["libraries"].pk

    response = client.get(f"/workspace/reports/?stream={libraries}")
    main = _reports_section(response.content.decode())

    assert response.context["form"].errors["stream"]
    assert f'value="{libraries}"' not in main
    assert "Libraries" not in re.sub(
        r'<div class="sa-error-summary".*?</div>', "", main, flags=re.S
    )


def test_reports_page_query_count_does_not_grow_with_the_data(
    client, streams, leicester, national_admin
):
    build_dataset(streams, leicester, user=national_admin)
    client.force_login(national_admin)
    client.get("/workspace/reports/")  # warm caches (session, site, pages)

    with CaptureQueriesContext(connection) as small:
        assert client.get("/workspace/reports/").status_code == 200
    build_dataset(streams, leicester, user=national_admin, suffix=" (copy)")
    with CaptureQueriesContext(connection) as doubled:
        assert client.get("/workspace/reports/").status_code == 200

    assert len(doubled) == len(small)


def test_queue_links_to_the_reports(client, national_admin):
    client.force_login(national_admin)

    assert 'href="/workspace/reports/"' in client.get("/workspace/").content.decode()


# --- Charts -------------------------------------------------------------------------------------


def test_bar_chart_longest_bar_spans_the_plot_and_zero_is_drawn_as_zero():
    chart = charts.bar_chart(title="Applications", rows=[("A", 5), ("B", 10), ("C", 0)])

    widths = [row.bars[0].width for row in chart.rows]
    plot_width = chart.plot_right - chart.plot_left
    assert widths == [plot_width / 2, plot_width, 0]
    assert [row.bars[0].value_label for row in chart.rows] == ["5", "10", "0"]
    assert [tick.label for tick in chart.ticks] == ["0", "5", "10"]
    assert chart.ticks[-1].x == chart.plot_right
    assert chart.table_rows == [["A", "5"], ["B", "10"], ["C", "0"]]


@pytest.mark.parametrize(
    ("maximum", "integer", "ticks"),
    [
        (1, True, [0, 1]),
        (7, True, [0, 2, 4, 6]),
        (37, True, [0, 10, 20, 30]),
        (1234, True, [0, 500, 1000]),
        (2.5, False, [0, 1, 2]),
    ],
)
def test_axis_ticks_are_nice_numbers(maximum, integer, ticks):
    assert charts._ticks(maximum, integer=integer) == ticks


def test_bar_chart_formats_decimals_and_thousands():
    chart = charts.bar_chart(title="Days", rows=[("A", 12.5), ("B", 1500)], unit="days")

    assert [row.bars[0].value_label for row in chart.rows] == ["12.5", "1,500"]
    assert chart.unit == "days"


@pytest.mark.parametrize("rows", [[], [("A", 0), ("B", 0)]])
def test_bar_chart_without_data_is_empty_and_renders_no_svg(rows):
    chart = charts.bar_chart(title="Nothing", rows=rows)

    html = render_to_string("includes/bar_chart.svg.html", {"chart": chart})

    assert chart.is_empty
    assert "No data yet." in html
    assert "<svg" not in html and "<table" not in html


def test_labels_are_truncated_at_a_word_with_an_ellipsis():
    assert charts.truncate_label("Short", 10) == "Short"
    assert (
        charts.truncate_label("Northern Ireland – Belfast and Lisburn", 20) == "Northern Ireland…"
    )
    assert charts.truncate_label("Supercalifragilistic", 10) == "Supercali…"

    chart = charts.bar_chart(title="T", rows=[("A very long stream name " * 4, 3)], width=400)
    row = chart.rows[0]
    assert len(row.short_label) <= int(round(400 * charts.LABEL_SHARE) / charts.CHAR_WIDTH)
    assert row.label == ("A very long stream name " * 4)


def test_stacked_chart_stacks_segments_and_scales_to_the_largest_total():
    chart = charts.stacked_bar_chart(
        title="Awards",
        categories=["2024", "2025"],
        series=[("Schools", [3, 1]), ("Libraries", [1, 0])],
    )

    first, second = chart.rows
    plot_width = chart.plot_right - chart.plot_left
    assert [bar.width for bar in first.bars] == [plot_width * 3 / 4, plot_width / 4]
    assert first.bars[1].x == first.bars[0].x + first.bars[0].width
    assert [bar.value for bar in second.bars] == [1]  # zero segments are not drawn
    assert (first.total_label, second.total_label) == ("4", "1")
    assert [item.label for item in chart.legend] == ["Schools", "Libraries"]
    assert chart.table_headers == ["Category", "Schools", "Libraries", "Total"]
    assert chart.table_rows == [["2024", "3", "1", "4"], ["2025", "1", "0", "1"]]


def test_stacked_chart_folds_small_series_into_other_but_tables_them_all():
    series = [(f"Stream {n}", [n]) for n in range(1, 11)]

    chart = charts.stacked_bar_chart(title="Awards", categories=["2025"], series=series)

    assert len(chart.legend) == len(charts.PALETTE)
    assert chart.legend[-1].label == "Other"
    assert chart.rows[0].bars[-1].value == 1 + 2 + 3
    assert len(chart.table_headers) == 1 + 10 + 1


def test_grouped_chart_draws_one_bar_per_series():
    chart = charts.grouped_bar_chart(
        title="Coverage",
        categories=["England – London", "Wales – North Wales"],
        series=[("Applied", [4, 2]), ("Awarded", [2, 0])],
    )

    plot_width = chart.plot_right - chart.plot_left
    assert [[bar.width for bar in row.bars] for row in chart.rows] == [
        [plot_width, plot_width / 2],
        [plot_width / 2, 0],
    ]
    assert [bar.fill for bar in chart.rows[0].bars] == list(charts.PALETTE[:2])


def _contrast(one: str, other: str) -> float:
    def luminance(colour: str) -> float:
        channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted([luminance(one), luminance(other)], reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("colour", charts.PALETTE)
def test_palette_contrasts_with_the_page_and_with_white_labels(colour):
    # 3:1 is WCAG's minimum for graphics; 4.5:1 because white value labels sit on the bars.
    assert _contrast(colour, "#ffffff") >= 4.5
    assert _contrast(colour, "#fffaf5") >= 4.5


def test_chart_renders_in_weasyprint():
    from weasyprint import HTML  # noqa: PLC0415 - loads native libraries: only when used

    chart = charts.stacked_bar_chart(
        title="Awards", categories=["2024", "2025"], series=[("Schools", [3, 1])]
    )
    html = render_to_string("includes/bar_chart.svg.html", {"chart": chart})

    assert HTML(string=f"<html><body>{html}</body></html>").write_pdf().startswith(b"%PDF")


def test_chart_svg_is_well_formed_and_unlocalised(settings):

    chart = charts.bar_chart(title="Days & nights", rows=[("A <b>", 12.5), ("B", 3)])
    with translation.override("de"):
        html = render_to_string("includes/bar_chart.svg.html", {"chart": chart})
    svg = html[html.index("<svg") : html.index("</svg>") + len("</svg>")]

    root = ElementTree.fromstring(svg)  # noqa: S314 (our own template's output)
    assert root.get("role") == "img"
    widths = [rect.get("width") for rect in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert all("," not in width for width in widths)
