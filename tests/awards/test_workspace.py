"""The coordinator's workspace: scoping by role, triage actions, and the queue budget."""

import datetime

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.enums import Role
from awards.enums import ApplicationStatus
from awards.models import Application
from awards.services import applications as application_services
from organisations.models import LocalCoordinator
from tests.conftest import NOW
from tests.factories import (
    UserFactory,
    complete_application,
    organisation_with_team,
    published_stream,
    staff_user,
)


@pytest.fixture
def submitted(application, applicant_lead, leicester):
    application.organisation.local_group = leicester
    application.organisation.save()
    complete_application(application, user=applicant_lead)
    return application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )


@pytest.fixture
def schools_coordinator(schools):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="schools.coordinator@example.org")
    schools.coordinators.add(coordinator)
    return coordinator


@pytest.fixture
def local_lead(leicester):
    lead = staff_user(Role.LOCAL_COORDINATOR, email="leicester.lead@example.org")
    LocalCoordinator.objects.create(user=lead, local_group=leicester)
    return lead


def test_scope_by_role(client, submitted, schools_coordinator, local_lead, national_admin):
    other_coordinator = staff_user(Role.STREAM_COORDINATOR, email="libraries@example.org")
    other_local = staff_user(Role.LOCAL_COORDINATOR, email="lewisham.lead@example.org")
    url = f"/workspace/applications/{submitted.pk}/"

    seen = {}
    for user in [schools_coordinator, local_lead, national_admin, other_coordinator, other_local]:
        client.force_login(user)
        seen[user.email] = (
            client.get(url).status_code,
            submitted.reference in client.get("/workspace/").content.decode(),
        )

    assert seen == {
        "schools.coordinator@example.org": (200, True),
        "leicester.lead@example.org": (200, True),
        "national.admin@example.org": (200, True),
        "libraries@example.org": (404, False),
        "lewisham.lead@example.org": (404, False),
    }


def test_applicants_and_panel_members_cannot_open_the_workspace(
    client, submitted, applicant_lead, panel_member
):
    for user in [applicant_lead, panel_member]:
        client.force_login(user)
        assert client.get("/workspace/").status_code == 403
        assert client.get(f"/workspace/applications/{submitted.pk}/").status_code == 404


def test_drafts_are_not_in_the_workspace(client, application, national_admin):
    client.force_login(national_admin)

    assert client.get(f"/workspace/applications/{application.pk}/").status_code == 404
    assert application.reference not in client.get("/workspace/").content.decode()


def test_accept_moves_to_assessment_and_is_audited(client, submitted, schools_coordinator):
    client.force_login(schools_coordinator)

    response = client.post(f"/workspace/applications/{submitted.pk}/accept/")
    again = client.post(f"/workspace/applications/{submitted.pk}/accept/")

    assert response.status_code == 302
    assert again.status_code == 409
    # A page, not bare text: it says why, that nothing changed, and links back.
    page = again.content.decode()
    assert "<h1" in page and "This could not be done" in page
    assert "This application is not waiting for triage any more." in page
    assert f'href="/workspace/applications/{submitted.pk}/"' in page
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.IN_ASSESSMENT
    entry = submitted.audit_entries.latest("pk")
    assert (entry.action, entry.actor) == ("application_accepted", schools_coordinator)


def test_return_reopens_only_the_named_tasks_and_resubmission_works(
    client, submitted, schools_coordinator, applicant_lead, django_capture_on_commit_callbacks
):
    client.force_login(schools_coordinator)
    due = (timezone.now() + datetime.timedelta(days=21)).date().isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/workspace/applications/{submitted.pk}/return/",
            {"note": "Add evidence of pupil voice for L1.", "due_date": due, "tasks": ["L1"]},
        )
    assert response.status_code == 302
    assert "pupil voice" in mail.outbox[-1].body

    client.force_login(applicant_lead)
    l1 = client.get(f"/apply/applications/{submitted.pk}/criteria/L1/").content.decode()
    e2 = client.get(f"/apply/applications/{submitted.pk}/criteria/E2/").content.decode()
    assert 'name="narrative"' in l1
    assert 'name="narrative"' not in e2
    refused = client.post(
        f"/apply/applications/{submitted.pk}/criteria/E2/", {"version": 1, "narrative": "Sneaky"}
    )
    assert refused.status_code == 403

    answer = submitted.answers.get(criterion__code="L1")
    client.post(
        f"/apply/applications/{submitted.pk}/criteria/L1/",
        {
            "version": answer.version,
            "narrative": "Pupils lead our welcome group.",
            "self_assessment": "met",
            "evidence": list(answer.evidence.values_list("pk", flat=True)),
        },
    )
    response = client.post(f"/apply/applications/{submitted.pk}/submit/", {"declaration": "on"})

    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.status == ApplicationStatus.RESUBMITTED


def test_return_needs_a_note_and_a_future_date(client, submitted, schools_coordinator):
    client.force_login(schools_coordinator)

    response = client.post(
        f"/workspace/applications/{submitted.pk}/return/",
        {"note": "More please", "due_date": "2020-01-01"},
    )

    assert response.status_code == 400
    assert "must be in the future" in response.content.decode()
    assert Application.objects.get(pk=submitted.pk).status == ApplicationStatus.SUBMITTED


def test_mark_ineligible_needs_a_reason(client, submitted, national_admin):
    client.force_login(national_admin)

    missing = client.post(f"/workspace/applications/{submitted.pk}/ineligible/", {"reason": ""})
    given = client.post(
        f"/workspace/applications/{submitted.pk}/ineligible/", {"reason": "Not based in the UK."}
    )

    assert missing.status_code == 400
    assert given.status_code == 302
    submitted.refresh_from_db()
    assert (submitted.status, submitted.ineligible_reason) == (
        ApplicationStatus.INELIGIBLE,
        "Not based in the UK.",
    )


def _queue_queries(client, user, count):
    stream = published_stream(criteria=3, slug=f"queue-{count}")
    stream.coordinators.add(user)
    lead = UserFactory()
    for n in range(count):
        organisation = organisation_with_team(lead=lead, name=f"School {count}-{n}")
        application = application_services.application_start(
            organisation=organisation, stream=stream, user=lead, now=NOW
        )
        Application.objects.filter(pk=application.pk).update(status="submitted", submitted_at=NOW)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/workspace/", {"stream": stream.pk})
    assert response.status_code == 200
    return len(queries)


def test_queue_query_count_does_not_grow(client, db):
    coordinator = staff_user(Role.STREAM_COORDINATOR, email="queue@example.org")

    few = _queue_queries(client, coordinator, 2)
    many = _queue_queries(client, coordinator, 30)

    assert few == many
    assert many <= 12


def test_queue_filters_by_text(client, submitted, national_admin):
    client.force_login(national_admin)

    found = client.get("/workspace/", {"q": "Riverside"}).content.decode()
    none = client.get("/workspace/", {"q": "Nowhere"}).content.decode()

    assert submitted.reference in found
    assert submitted.reference not in none
