"""Reports for national staff and coordinators: awards by stream and year, applications by
status, renewals due by month, median days from submission to decision, and coverage by region.

Scope: each report counts only what the user coordinates, through the filter the coordinator
queue uses (``permissions.coordinated_applications_q``): national admins everything, stream
coordinators their streams, local coordinators their local groups' organisations. That filter
names ``stream_id`` and ``organisation__local_group_id``, which awards have as well as
applications, so it scopes awards unchanged. Anyone else gets ``PermissionDenied``.

Applications count once submitted (``submitted_at`` set): a draft is the applicant's own work
until then, and coordinators do not see drafts.

Query budget: each report is one aggregate query (coverage two; the median two on PostgreSQL
when the figures cover more than one stream), whatever the number of rows, and none brings
rows back to Python one per application or award: the days from submission to decision are
counted in SQL (reporting/expressions.py), and so are the medians on PostgreSQL. SQLite has
no median aggregate: it returns how many decisions took each number of days, and the medians
are taken from those counts.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import connection
from django.db.models import Count, F, Q, QuerySet

from accounts.permissions import AnyUser
from awards.enums import ApplicationStatus
from awards.models import Application, Award
from awards.permissions import coordinated_applications_q
from core.dates import add_months
from criteria.models import Stream
from organisations.enums import Nation
from organisations.models import Organisation
from reporting.expressions import DaysBetween, LocalDay, Median, MonthStart, Year


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
        .values("stream__sort_order", "stream__name", year=Year("awarded_on"))
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
        .values(month=MonthStart("expires_on"))
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


def _median_of_counts(counts: dict[int, int]) -> float:
    """The median of values given as value -> how many times it occurs: the middle value, or
    the mean of the middle two, as ``statistics.median`` and ``percentile_cont(0.5)``."""
    total = sum(counts.values())
    middle = {(total - 1) // 2, total // 2}  # positions of the middle one or two, from 0
    found, seen = [], 0
    for value in sorted(counts):
        found.extend(value for position in middle if seen <= position < seen + counts[value])
        seen += counts[value]
    return sum(found) / len(found)


def median_days_submission_to_decision(
    *,
    user: AnyUser,
    stream: Stream | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
) -> MedianDays:
    """Per stream, the median number of calendar days (in the site's time zone) from an
    application's (latest) submission to the day the panel recorded its decision
    (``Decision.decided_at``, not the later release to the applicant); the years are the years
    of decision. An application resubmitted after its decision and not yet decided again is
    left out.

    The days are counted in SQL. PostgreSQL takes the medians too (``percentile_cont``: per
    stream, then overall when there is more than one stream); SQLite, which has no median,
    counts the decisions per stream and number of days (one query, a row per distinct number
    of days, not per decision) and the medians are taken from those counts."""
    decided = (
        Application.objects.filter(report_scope(user), submitted_at__isnull=False)
        .filter(decision__decided_at__gte=F("submitted_at"))
        .filter(
            _narrowed(
                stream, year_field="decision__decided_at", year_from=year_from, year_to=year_to
            )
        )
        .annotate(days=DaysBetween(LocalDay("submitted_at"), LocalDay("decision__decided_at")))
    )
    if connection.vendor == "postgresql":
        per_stream = (
            decided.values_list("stream__sort_order", "stream__name")
            .annotate(median=Median("days"), total=Count("pk"))
            .order_by()
        )
        rows = [
            StreamMedian(stream=name, median_days=median, decisions=total)
            for _order, name, median, total in sorted(per_stream)
        ]
        if len(rows) > 1:
            overall = decided.aggregate(median=Median("days"))["median"]
        else:  # one stream's median is the overall one: no second pass over its decisions
            overall = rows[0].median_days if rows else None
    else:
        counts: dict[tuple[int, str], dict[int, int]] = {}
        for sort_order, name, days, total in (
            decided.values_list("stream__sort_order", "stream__name", "days")
            .annotate(total=Count("pk"))
            .order_by()
        ):
            counts.setdefault((sort_order, name), {})[days] = total
        rows = [
            StreamMedian(
                stream=name,
                median_days=_median_of_counts(by_days),
                decisions=sum(by_days.values()),
            )
            for (_order, name), by_days in sorted(counts.items())
        ]
        every: dict[int, int] = {}
        for by_days in counts.values():
            for days, total in by_days.items():
                every[days] = every.get(days, 0) + total
        overall = _median_of_counts(every) if every else None
    return MedianDays(
        rows=rows,
        median_days=overall,
        decisions=sum(row.decisions for row in rows),
    )


# --- Coverage by region -----------------------------------------------------------------------


@dataclass(frozen=True)
class RegionCoverage:
    nation: str
    nation_label: str
    region: str
    with_current_award: int
    with_application: int


def _organisations_by_place(organisation_ids: QuerySet) -> dict[tuple[str, str], int]:
    """How many of the organisations (each counted once, however often it appears) are in
    each nation and region: the organisations found first, then counted, rather than a
    ``COUNT(DISTINCT ...)`` per place over every row."""
    return {
        (nation, region): total
        for nation, region, total in Organisation.objects.filter(pk__in=organisation_ids)
        .values_list("nation", "region")
        .annotate(total=Count("pk"))
        .order_by()
    }


def coverage_by_region(*, user: AnyUser, stream: Stream | None = None) -> list[RegionCoverage]:
    """Per nation and region (as organisations give them), how many organisations hold a
    current award and how many have submitted any application. Nations in their usual order,
    regions alphabetically, blanks last."""
    scope = report_scope(user)
    narrowed = _narrowed(stream)
    awarded = _organisations_by_place(
        Award.objects.current().filter(scope).filter(narrowed).values("organisation_id")
    )
    applied = _organisations_by_place(
        Application.objects.filter(scope, submitted_at__isnull=False)
        .filter(narrowed)
        .values("organisation_id")
    )
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
