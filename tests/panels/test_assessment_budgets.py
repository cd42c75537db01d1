"""Issue 5 budgets: the assessor portal, the judging page and the consensus grid take at most
15 queries, whatever the number of members and criteria."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.enums import Role
from awards.services import applications as application_services
from awards.services import triage as triage_services
from panels.models import AssessorProfile, Panel, PanelMember
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services
from tests.conftest import NOW
from tests.factories import (
    UserFactory,
    complete_application,
    organisation_with_team,
    published_stream,
    staff_user,
)

pytestmark = pytest.mark.django_db


def _assessed(size: int, members: int, admin):
    stream = published_stream(criteria=size, slug=f"budget-{size}-{members}")
    lead = UserFactory()
    organisation = organisation_with_team(lead=lead, name=f"Budget {size}", stream=stream)
    application = application_services.application_start(
        organisation=organisation, stream=stream, user=lead, now=NOW
    )
    complete_application(application, user=lead)
    application = application_services.application_submit(
        application=application, user=lead, now=NOW, base_url="http://testserver"
    )
    application = triage_services.application_accept(application=application, user=admin, now=NOW)
    panel = Panel.objects.create(stream=stream, name=f"Budget panel {size}")
    people = []
    for n in range(members):
        user = staff_user(Role.PANEL_MEMBER, email=f"budget{size}.{members}.{n}@example.org")
        AssessorProfile.objects.create(user=user, lived_experience=n == 1)
        people.append(
            PanelMember.objects.create(
                panel=panel,
                user=user,
                role="lived_experience" if n == 1 else "sector_expert",
                is_chair=n == 0,
            )
        )
    application = membership_services.panel_assign_application(
        panel=panel, application=application, user=admin, now=NOW
    )
    criteria = list(application.criteria_version.criteria.all())
    for member in people:
        assessment_services.conflict_declare(
            member=member, application=application, has_conflict=False, details="", now=NOW
        )
        assessment_services.assessment_save(
            member=member,
            application=application,
            expected_version=0,
            judgements={c.pk: ("met", "Good.") for c in criteria},
            now=NOW,
            submit=True,
        )
    return application, people[0]


def _count(client, user, path) -> int:
    client.force_login(user)
    client.get(path)  # warm caches of the session and the user's roles
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries)


@pytest.mark.parametrize(
    "path",
    ["/assess/", "/assess/applications/{pk}/", "/assess/applications/{pk}/decision/"],
    ids=["portal", "judging page", "consensus grid"],
)
def test_assessor_pages_stay_within_15_queries_whatever_the_size(client, national_admin, path):
    small, small_chair = _assessed(3, 3, national_admin)
    large, large_chair = _assessed(12, 7, national_admin)
    small_count = _count(client, small_chair.user, path.format(pk=small.pk))
    large_count = _count(client, large_chair.user, path.format(pk=large.pk))
    assert small_count <= 15
    assert large_count == small_count
