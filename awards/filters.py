import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.enums import ApplicationStatus
from awards.models import Application
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
