"""Reports for national staff and coordinators: awards by stream and year, applications by
status, renewals due by month, median days from submission to decision, and coverage by region.

Scope: each report counts only what the user coordinates, through the filter the coordinator
queue uses (``permissions.coordinated_applications_q``): national admins everything, stream
coordinators their streams, local coordinators their local groups' organisations. That filter
names ``stream_id`` and ``organisation__local_group_id``, which awards have as well as
applications, so it scopes awards unchanged. Anyone else gets ``PermissionDenied``.

Applications count once submitted (``submitted_at`` set): a draft is the applicant's own work
until then, and coordinators do not see drafts.

Query budget: each report is one aggregate query (coverage two), whatever the number of rows,
using only expressions that SQLite and PostgreSQL both support. The median is taken in Python
from one ``values_list`` query, since the two databases share no median aggregate.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, Q
from django.db.models.functions import ExtractYear, TruncMonth
from django.utils import timezone

from accounts.permissions import AnyUser
from awards.dates import add_months
from awards.enums import ApplicationStatus, Nation
from awards.models import Application, Award
from awards.permissions import coordinated_applications_q
from criteria.models import Stream


def report_scope(user: AnyUser) -> Q:
    """The filter for the applications and awards the user may report on."""
    scope = coordinated_applications_q(user)
    if scope is None:
        raise PermissionDenied
    return scope


def _narrowed(
    stream: Stream | None,
    *,
    year_field: str = "",
    year_from: int | None = None,
    year_to: int | None = None,
) -> Q:
    """The optional filters: one stream, and years (local time) of ``year_field``."""
    condition = Q()
    if stream is not None:
        condition &= Q(stream=stream)
    if year_from is not None:
        condition &= Q(**{f"{year_field}__year__gte": year_from})
    if year_to is not None:
        condition &= Q(**{f"{year_field}__year__lte": year_to})
    return condition


def _stream_order(pairs) -> list[str]:
    """Stream names in the streams' own order (sort order, then name)."""
    return [name for _order, name in sorted(set(pairs))]


# --- Awards by stream and year ----------------------------------------------------------------


@dataclass(frozen=True)
class AwardsByStreamAndYear:
    years: list[int]
    streams: list[str]
    counts: dict[tuple[str, int], int]

    def series(self) -> list[tuple[str, list[int]]]:
        """Per stream, the number of awards in each of ``years``."""
        return [
            (stream, [self.counts.get((stream, year), 0) for year in self.years])
            for stream in self.streams
        ]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def awards_by_stream_and_year(
    *,
    user: AnyUser,
    stream: Stream | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> AwardsByStreamAndYear:
    """Awards made in each year (by ``awarded_on``), per stream, whatever has happened to them
    since. The years run without gaps from ``year_from`` (or the first year with an award) to
    ``year_to`` (or the last)."""
    rows = list(
        Award.objects.filter(report_scope(user))
        .filter(_narrowed(stream, year_field="awarded_on", year_from=year_from, year_to=year_to))
        .values("stream__sort_order", "stream__name", year=ExtractYear("awarded_on"))
        .annotate(total=Count("pk"))
        .order_by()
    )
    counts = {(row["stream__name"], row["year"]): row["total"] for row in rows}
    seen_years = [row["year"] for row in rows]
    first = year_from if year_from is not None else min(seen_years, default=year_to)
    last = year_to if year_to is not None else max(seen_years, default=year_from)
    years = list(range(first, last + 1)) if first is not None and last is not None else []
    streams = _stream_order((row["stream__sort_order"], row["stream__name"]) for row in rows)
    return AwardsByStreamAndYear(years=years, streams=streams, counts=counts)


# --- Applications by status -------------------------------------------------------------------


@dataclass(frozen=True)
class StatusCount:
    status: str
    label: str
    count: int


def applications_by_status(
    *,
    user: AnyUser,
    stream: Stream | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> list[StatusCount]:
    """Submitted applications by their status now, every status but draft in workflow order;
    the years are the years of (latest) submission."""
    counts = dict(
        Application.objects.filter(report_scope(user), submitted_at__isnull=False)
        .filter(_narrowed(stream, year_field="submitted_at", year_from=year_from, year_to=year_to))
        .values_list("status")
        .annotate(total=Count("pk"))
        .order_by()
    )
    return [
        StatusCount(status=status, label=str(label), count=counts.get(status, 0))
        for status, label in ApplicationStatus.choices
        if status != ApplicationStatus.DRAFT
    ]


# --- Renewals due by month --------------------------------------------------------------------


@dataclass(frozen=True)
class MonthCount:
    month: datetime.date
    count: int


def renewals_due_by_month(
    *, user: AnyUser, today: datetime.date, stream: Stream | None = None
) -> list[MonthCount]:
    """Current awards by month of expiry, for this month and the eleven after it (twelve
    entries, zeros included)."""
    start = today.replace(day=1)
    end = add_months(start, 12)
    counts = {
        row["month"]: row["total"]
        for row in Award.objects.current()
        .filter(report_scope(user), expires_on__gte=start, expires_on__lt=end)
        .filter(_narrowed(stream))
        .values(month=TruncMonth("expires_on"))
        .annotate(total=Count("pk"))
        .order_by()
    }
    months = [add_months(start, offset) for offset in range(12)]
    return [MonthCount(month=month, count=counts.get(month, 0)) for month in months]


# --- Median days from submission to decision --------------------------------------------------


@dataclass(frozen=True)
class StreamMedian:
    stream: str
    median_days: float
    decisions: int


@dataclass(frozen=True)
class MedianDays:
    rows: list[StreamMedian]
    median_days: float | None
    decisions: int


def _days(submitted_at: datetime.datetime, decided_at: datetime.datetime) -> int:
    """Calendar days between two moments, counted in the site's time zone."""
    return (timezone.localdate(decided_at) - timezone.localdate(submitted_at)).days


def median_days_submission_to_decision(
    *,
    user: AnyUser,
    stream: Stream | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> MedianDays:
    """Per stream, the median number of calendar days from an application's (latest)
    submission to the day the panel recorded its decision (``Decision.decided_at``, not the
    later release to the applicant); the years are the years of decision. An application
    resubmitted after its decision and not yet decided again is left out."""
    rows = (
        Application.objects.filter(report_scope(user), submitted_at__isnull=False)
        .filter(decision__decided_at__gte=F("submitted_at"))
        .filter(
            _narrowed(
                stream, year_field="decision__decided_at", year_from=year_from, year_to=year_to
            )
        )
        .values_list("stream__sort_order", "stream__name", "submitted_at", "decision__decided_at")
        .order_by()
    )
    days: dict[tuple[int, str], list[int]] = {}
    for sort_order, name, submitted_at, decided_at in rows:
        days.setdefault((sort_order, name), []).append(_days(submitted_at, decided_at))
    every = [value for values in days.values() for value in values]
    return MedianDays(
        rows=[
            StreamMedian(
                stream=name, median_days=float(statistics.median(values)), decisions=len(values)
            )
            for (_order, name), values in sorted(days.items())
        ],
        median_days=float(statistics.median(every)) if every else None,
        decisions=len(every),
    )


# --- Coverage by region -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegionCoverage:
    nation: str
    nation_label: str
    region: str
    with_current_award: int
    with_application: int


def coverage_by_region(*, user: AnyUser, stream: Stream | None = None) -> list[RegionCoverage]:
    """Per nation and region (as organisations give them), how many organisations hold a
    current award and how many have submitted any application. Nations in their usual order,
    regions alphabetically, blanks last."""
    scope = report_scope(user)
    narrowed = _narrowed(stream)
    place = ("organisation__nation", "organisation__region")
    awarded = {
        (row[0], row[1]): row[2]
        for row in Award.objects.current()
        .filter(scope)
        .filter(narrowed)
        .values_list(*place)
        .annotate(total=Count("organisation", distinct=True))
        .order_by()
    }
    applied = {
        (row[0], row[1]): row[2]
        for row in Application.objects.filter(scope, submitted_at__isnull=False)
        .filter(narrowed)
        .values_list(*place)
        .annotate(total=Count("organisation", distinct=True))
        .order_by()
    }
    nation_order = {value: index for index, value in enumerate(Nation.values)}
    nation_labels = dict(Nation.choices)

    def order(key: tuple[str, str]):
        nation, region = key
        return (nation_order.get(nation, len(nation_order)), region == "", region.casefold())

    return [
        RegionCoverage(
            nation=nation,
            nation_label=str(nation_labels.get(nation, "")),
            region=region,
            with_current_award=awarded.get((nation, region), 0),
            with_application=applied.get((nation, region), 0),
        )
        for nation, region in sorted(set(awarded) | set(applied), key=order)
    ]
