import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.enums import ApplicationStatus, AwardStatus
from awards.models import Application, Award
from cms.models import LocalGroupPage
from core.widgets import DateInput
from criteria.models import Stream
from organisations.enums import Nation
from organisations.models import Organisation


class ApplicationQueueFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Organisation or reference"), method="search")
    stream = django_filters.ModelChoiceFilter(
        label=_("Stream"), queryset=Stream.objects.all(), empty_label=_("All streams")
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ApplicationStatus.choices, empty_label=_("Any status")
    )
    local_group = django_filters.ModelChoiceFilter(
        label=_("Local group"),
        field_name="organisation__local_group",
        queryset=LocalGroupPage.objects.all(),
        empty_label=_("All local groups"),
    )
    region = django_filters.CharFilter(
        label=_("Nation or region"), field_name="organisation__region", lookup_expr="icontains"
    )
    submitted_from = django_filters.DateFilter(
        label=_("Submitted on or after"),
        field_name="submitted_at",
        lookup_expr="date__gte",
        widget=DateInput(),
    )
    submitted_to = django_filters.DateFilter(
        label=_("Submitted on or before"),
        field_name="submitted_at",
        lookup_expr="date__lte",
        widget=DateInput(),
    )

    class Meta:
        model = Application
        fields = [
            "q",
            "stream",
            "status",
            "local_group",
            "region",
            "submitted_from",
            "submitted_to",
        ]

    def search(self, queryset, name, value):
        return queryset.filter(_matching(Application, "reference", value))


def _matching(model, own_field: str, value: str) -> Q:
    """Rows whose organisation's name or whose ``own_field`` contains ``value``. Each side is
    a subquery of its own table, so that each can use its trigram index on PostgreSQL
    (core/search_indexes.py); one OR across the join could use neither and read every row."""
    by_name = model.objects.filter(
        organisation__in=Organisation.objects.filter(name__icontains=value).values("pk")
    ).values("pk")
    by_own = model.objects.filter(**{f"{own_field}__icontains": value}).values("pk")
    return Q(pk__in=by_name) | Q(pk__in=by_own)


def _award_search(queryset, name, value):
    return queryset.filter(_matching(Award, "certificate_number", value))


class AwardRegisterFilter(django_filters.FilterSet):
    """The public register's filters: nothing here reaches personal data."""

    q = django_filters.CharFilter(
        label=_("Name"), field_name="organisation__name", lookup_expr="icontains"
    )
    stream = django_filters.ModelChoiceFilter(
        label=_("Award"),
        queryset=Stream.objects.order_by("sort_order", "name"),
        empty_label=_("All awards"),
    )
    nation = django_filters.ChoiceFilter(
        label=_("Nation"),
        field_name="organisation__nation",
        choices=Nation.choices,
        empty_label=_("All nations"),
    )
    region = django_filters.CharFilter(
        label=_("Region"), field_name="organisation__region", lookup_expr="icontains"
    )
    local_authority = django_filters.CharFilter(
        label=_("Local authority"),
        field_name="organisation__local_authority",
        lookup_expr="icontains",
    )
    local_group = django_filters.ModelChoiceFilter(
        label=_("Local City of Sanctuary group"),
        field_name="organisation__local_group",
        queryset=LocalGroupPage.objects.live().order_by("title"),
        empty_label=_("All local groups"),
    )

    class Meta:
        model = Award
        fields = ["q", "stream", "nation", "region", "local_authority", "local_group"]


class StaffAwardFilter(AwardRegisterFilter):
    """The staff list of awards: the register's filters plus status and expiry."""

    q = django_filters.CharFilter(label=_("Organisation or certificate number"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=AwardStatus.choices, empty_label=_("Any status")
    )
    expires_from = django_filters.DateFilter(
        label=_("Expires on or after"),
        field_name="expires_on",
        lookup_expr="gte",
        widget=DateInput(),
    )
    expires_to = django_filters.DateFilter(
        label=_("Expires on or before"),
        field_name="expires_on",
        lookup_expr="lte",
        widget=DateInput(),
    )

    class Meta:
        model = Award
        fields = [
            "q",
            "stream",
            "status",
            "nation",
            "region",
            "local_authority",
            "local_group",
            "expires_from",
            "expires_to",
        ]

    def search(self, queryset, name, value):
        return _award_search(queryset, name, value)
