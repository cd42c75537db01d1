import datetime

import pytest
from django.utils import timezone

from awards import services
from tests.factories import UserFactory, organisation_with_team, published_stream

NOW = timezone.make_aware(datetime.datetime(2026, 3, 2, 10, 0))


@pytest.fixture
def applicant_contributor(db):
    return UserFactory(email="applicant.contributor@example.org")


@pytest.fixture
def schools(db):
    return published_stream(criteria=3, prerequisites=1, narrative_max_characters=500)


@pytest.fixture
def school(applicant_lead, applicant_contributor, schools):
    return organisation_with_team(
        lead=applicant_lead,
        contributor=applicant_contributor,
        name="Riverside Primary School",
        stream=schools,
    )


@pytest.fixture
def application(school, schools, applicant_lead):
    return services.application_start(
        organisation=school, stream=schools, user=applicant_lead, now=NOW
    )


@pytest.fixture
def other_organisation_lead(db):
    other_lead = UserFactory(email="other.lead@example.org")
    organisation_with_team(lead=other_lead, name="Hillside Academy")
    return other_lead


@pytest.fixture
def in_assessment(application, applicant_lead, national_admin):
    from tests.factories import complete_application

    complete_application(application, user=applicant_lead)
    services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    return services.application_accept(application=application, user=national_admin, now=NOW)


@pytest.fixture
def assessors(db):
    from accounts.enums import Role
    from awards.models import AssessorProfile
    from tests.factories import staff_user

    people = {}
    for key, lived in [("chair", False), ("expert", False), ("lived", True)]:
        user = staff_user(
            Role.PANEL_MEMBER,
            email=f"{key}@example.org",
            first_name=key.title(),
            last_name="Assessor",
        )
        AssessorProfile.objects.create(user=user, lived_experience=lived)
        people[key] = user
    return people
