"""The searches of the coordinator queue, the staff award list and the register: by the
organisation's name or by the record's own reference, any case, any part."""

import pytest

from awards.filters import ApplicationQueueFilter, AwardRegisterFilter, StaffAwardFilter
from awards.models import Application, Award
from tests.awards.test_award_views import _many_awards
from tests.awards.test_award_views import award as award  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def _found(filter_class, queryset, q):
    return set(filter_class({"q": q}, queryset=queryset).qs.values_list("pk", flat=True))


def test_queue_search_finds_by_name_or_reference_in_any_case(award):
    _many_awards(award, 12)
    applications = Application.objects.all()
    mine = award.application

    assert _found(ApplicationQueueFilter, applications, "SCHOOL 01") == set(
        Application.objects.filter(organisation__name__startswith="School 01").values_list(
            "pk", flat=True
        )
    )
    assert _found(ApplicationQueueFilter, applications, mine.reference.lower()) == {mine.pk}
    assert _found(ApplicationQueueFilter, applications, "x-12-0") == set(
        Application.objects.filter(reference__startswith="X-12-0").values_list("pk", flat=True)
    )
    assert _found(ApplicationQueueFilter, applications, "nothing like this") == set()


def test_award_searches_find_by_name_or_certificate_number(award):
    _many_awards(award, 3)
    awards = Award.objects.all()
    other = Award.objects.exclude(pk=award.pk).order_by("pk").first()

    assert _found(StaffAwardFilter, awards, other.certificate_number.lower()) == {other.pk}
    assert _found(StaffAwardFilter, awards, award.organisation.name[2:].upper()) >= {award.pk}
    # The register searches names only: a certificate number is for the verify page.
    assert _found(AwardRegisterFilter, awards, "school 00") >= {other.pk}
