import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.enums import ApplicationStatus, AwardStatus, Nation
from awards.models import Application, Award
from cms.models import LocalGroupPage
from criteria.models import Stream


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
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    submitted_to = django_filters.DateFilter(
        label=_("Submitted on or before"),
        field_name="submitted_at",
        lookup_expr="date__lte",
        widget=forms.DateInput(attrs={"type": "date"}),
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
        return queryset.filter(
            Q(organisation__name__icontains=value) | Q(reference__icontains=value)
        )


def _award_search(queryset, name, value):
    return queryset.filter(
        Q(organisation__name__icontains=value) | Q(certificate_number__icontains=value)
    )


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
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    expires_to = django_filters.DateFilter(
        label=_("Expires on or before"),
        field_name="expires_on",
        lookup_expr="lte",
        widget=forms.DateInput(attrs={"type": "date"}),
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
