import datetime

import pytest
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone

from accounts.enums import Role
from awards.services import applications as application_services
from awards.services import triage as triage_services
from cms.models import HomePage, LocalGroupIndexPage, LocalGroupPage
from panels.models import AssessorProfile, Panel, PanelMember
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services
from tests.factories import (
    UserFactory,
    complete_application,
    organisation_with_team,
    published_stream,
    staff_user,
)


@pytest.fixture
def applicant_lead(db):
    return UserFactory(email="applicant.lead@example.org")


@pytest.fixture
def national_admin(db):
    return staff_user(
        Role.NATIONAL_ADMIN, email="national.admin@example.org", is_staff=True, is_superuser=True
    )


@pytest.fixture
def stream_coordinator(db):
    return staff_user(Role.STREAM_COORDINATOR, email="stream.coordinator@example.org")


@pytest.fixture
def local_group_editor(db):
    return staff_user(Role.LOCAL_GROUP_EDITOR, email="local.editor@example.org")


@pytest.fixture
def panel_member(db):
    return staff_user(Role.PANEL_MEMBER, email="panel.member@example.org")


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
    return application_services.application_start(
        organisation=school, stream=schools, user=applicant_lead, now=NOW
    )


@pytest.fixture
def other_organisation_lead(db):
    other_lead = UserFactory(email="other.lead@example.org")
    organisation_with_team(lead=other_lead, name="Hillside Academy")
    return other_lead


@pytest.fixture
def in_assessment(application, applicant_lead, national_admin):

    complete_application(application, user=applicant_lead)
    application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    return triage_services.application_accept(application=application, user=national_admin, now=NOW)


@pytest.fixture
def assessors(db):

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


@pytest.fixture
def assigned(in_assessment, schools, assessors, national_admin):
    """An application in assessment with a complete panel: chair (sector expert), expert and
    a lived-experience assessor, none of whom has declared yet."""

    panel = Panel.objects.create(stream=schools, name="Spring panel")
    PanelMember.objects.create(
        panel=panel, user=assessors["chair"], role="sector_expert", is_chair=True
    )
    PanelMember.objects.create(panel=panel, user=assessors["expert"], role="sector_expert")
    PanelMember.objects.create(panel=panel, user=assessors["lived"], role="lived_experience")
    return membership_services.panel_assign_application(
        panel=panel, application=in_assessment, user=national_admin, now=NOW
    )


def declare(application, user, *, has_conflict: bool = False):

    member = PanelMember.objects.get(panel=application.panel, user=user)
    return assessment_services.conflict_declare(
        member=member,
        application=application,
        has_conflict=has_conflict,
        details="Governor of this school." if has_conflict else "",
        now=NOW,
    )


def judge(application, user, *, submit: bool = True, comment: str = "Clear evidence."):

    member = PanelMember.objects.get(panel=application.panel, user=user)
    return assessment_services.assessment_save(
        member=member,
        application=application,
        expected_version=0,
        judgements={c.pk: ("met", comment) for c in application.criteria_version.criteria.all()},
        now=NOW,
        submit=submit,
    )


@pytest.fixture
def leicester(db):
    """Leicester City of Sanctuary, a local group page."""

    home = HomePage.objects.get()
    index = LocalGroupIndexPage(title="Local groups", slug="local-groups")
    home.add_child(instance=index)
    group = LocalGroupPage(title="Leicester City of Sanctuary", slug="leicester", area="Leicester")
    index.add_child(instance=group)
    return group


# The anonymous page cache as production has it (the test settings swap it for a dummy).
PAGE_CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-pages"},
}


@pytest.fixture
def page_cache(db):
    with override_settings(CACHES=PAGE_CACHES):
        caches["pages"].clear()
        yield caches["pages"]
        caches["pages"].clear()
