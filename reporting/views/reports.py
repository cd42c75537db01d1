"""Reports for national staff and coordinators: five figures, each a chart with its table,
scoped like the coordinator's queue."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from awards.models import Application
from awards.permissions import coordinated_applications_q
from core import charts
from criteria.models import Stream
from reporting import permissions as reporting_permissions
from reporting import reports as report_data

EARLIEST_YEAR = 2000
LATEST_YEAR = 2100
MAX_YEARS = 25


class ReportFilterForm(forms.Form):
    stream = forms.ModelChoiceField(
        label=gettext_lazy("Stream"),
        queryset=Stream.objects.none(),
        required=False,
        empty_label=gettext_lazy("All streams"),
    )
    year_from = forms.IntegerField(
        label=gettext_lazy("From year"),
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        widget=forms.NumberInput(attrs={"class": "sa-input--width-10", "inputmode": "numeric"}),
    )
    year_to = forms.IntegerField(
        label=gettext_lazy("To year"),
        required=False,
        min_value=EARLIEST_YEAR,
        max_value=LATEST_YEAR,
        widget=forms.NumberInput(attrs={"class": "sa-input--width-10", "inputmode": "numeric"}),
    )

    def __init__(self, *args, streams, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["stream"].queryset = streams

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from is not None and year_to is not None:
            if year_from > year_to:
                self.add_error(
                    "year_to", _("The end year must be the same as or after the start year.")
                )
            elif year_to - year_from >= MAX_YEARS:
                self.add_error(
                    "year_to",
                    _("Choose at most %(count)s years.") % {"count": MAX_YEARS},
                )
        return cleaned


def _place(row: report_data.RegionCoverage) -> str:
    nation = row.nation_label or _("Nation not given")
    region = row.region or _("region not given")
    return _("%(nation)s – %(region)s") % {"nation": nation, "region": region}


def _charts(*, user, stream, year_from, year_to, today) -> dict:
    awards = report_data.awards_by_stream_and_year(
        user=user, stream=stream, year_from=year_from, year_to=year_to
    )
    statuses = report_data.applications_by_status(
        user=user, stream=stream, year_from=year_from, year_to=year_to
    )
    renewals = report_data.renewals_due_by_month(user=user, today=today, stream=stream)
    medians = report_data.median_days_submission_to_decision(
        user=user, stream=stream, year_from=year_from, year_to=year_to
    )
    coverage = report_data.coverage_by_region(user=user, stream=stream)
    return {
        "awards_chart": charts.stacked_bar_chart(
            title=_("Awards made each year, by stream"),
            categories=[str(year) for year in awards.years],
            series=awards.series(),
            category_header=_("Year"),
            total_header=_("All streams"),
            chart_id="chart-awards",
        ),
        "status_chart": charts.bar_chart(
            title=_("Submitted applications by status"),
            rows=[(row.label, row.count) for row in statuses],
            category_header=_("Status"),
            value_header=_("Applications"),
            chart_id="chart-statuses",
        ),
        "renewals_chart": charts.bar_chart(
            title=_("Current awards by month of expiry"),
            rows=[(date_format(row.month, "F Y"), row.count) for row in renewals],
            category_header=_("Month"),
            value_header=_("Awards expiring"),
            chart_id="chart-renewals",
        ),
        "median_chart": charts.bar_chart(
            title=_("Median days from submission to decision, by stream"),
            rows=[(row.stream, row.median_days) for row in medians.rows],
            unit=_("days"),
            category_header=_("Stream"),
            value_header=_("Median days"),
            extra_columns=[
                (_("Decisions"), [charts.format_number(row.decisions) for row in medians.rows])
            ],
            chart_id="chart-median-days",
        ),
        "medians": medians,
        "coverage_chart": charts.grouped_bar_chart(
            title=_("Organisations by nation and region"),
            categories=[_place(row) for row in coverage],
            series=[
                (_("Submitted an application"), [row.with_application for row in coverage]),
                (_("Hold a current award"), [row.with_current_award for row in coverage]),
            ],
            category_header=_("Nation and region"),
            chart_id="chart-coverage",
        ),
    }


@login_required
def reports(request):
    scope = coordinated_applications_q(request.user)
    if scope is None:
        raise Http404
    streams = Stream.objects.filter(
        pk__in=Application.objects.filter(scope).values("stream_id")
    ).order_by("sort_order", "name")
    form = ReportFilterForm(request.GET or None, streams=streams)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    context = _charts(
        user=request.user,
        stream=filters.get("stream"),
        year_from=filters.get("year_from"),
        year_to=filters.get("year_to"),
        today=timezone.localdate(),
    )
    context.update(
        form=form,
        sees_everything=bool(reporting_permissions.can_see_all_reports(request.user)),
        filtered_stream=filters.get("stream"),
    )
    return render(request, "awards/workspace/reports.html", context)
