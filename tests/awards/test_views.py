"""The applicant's screens: permissions (404 for other organisations), bad input, concurrency,
submission, uploads and the task list's query budget."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from awards.enums import ApplicationStatus
from awards.models import Application
from awards.services import applications as application_services
from core.scanning import EICAR
from organisations.enums import ScanStatus
from organisations.models import EvidenceItem
from organisations.services import teams as team_services
from tests.conftest import NOW
from tests.factories import (
    UserFactory,
    complete_application,
    organisation_with_team,
    published_stream,
)

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _urls(application, evidence=None):
    urls = [
        f"/apply/applications/{application.pk}/",
        f"/apply/applications/{application.pk}/criteria/L1/",
        f"/apply/applications/{application.pk}/about/",
        f"/apply/applications/{application.pk}/check/",
        f"/apply/organisations/{application.organisation_id}/",
        f"/apply/organisations/{application.organisation_id}/evidence/",
    ]
    if evidence is not None:
        urls.append(f"/apply/evidence/{evidence.pk}/download/")
    return urls


def test_other_organisations_get_404_everywhere(client, application, other_organisation_lead):
    evidence = EvidenceItem.objects.create(
        organisation=application.organisation,
        kind="file",
        title="Policy",
        file="evidence/x",
        scan_status=ScanStatus.CLEAN,
    )
    client.force_login(other_organisation_lead)

    statuses = {url: client.get(url).status_code for url in _urls(application, evidence)}
    posted = client.post(
        f"/apply/applications/{application.pk}/criteria/L1/", {"version": 0, "narrative": "Hijack"}
    )

    assert set(statuses.values()) == {404}
    assert posted.status_code == 404
    assert not application.answers.exists()


def test_team_members_can_open_their_application(client, application, applicant_contributor):
    client.force_login(applicant_contributor)

    for url in _urls(application):
        assert client.get(url).status_code == 200, url


def test_contributor_cannot_submit(client, application, applicant_lead, applicant_contributor):
    complete_application(application, user=applicant_lead)
    client.force_login(applicant_contributor)

    page = client.get(f"/apply/applications/{application.pk}/check/").content.decode()
    response = client.post(f"/apply/applications/{application.pk}/submit/", {"declaration": "on"})

    assert "Only an applicant lead can submit" in page
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_submit_with_tasks_incomplete_shows_an_error(client, application, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post(f"/apply/applications/{application.pk}/submit/", {"declaration": "on"})

    assert response.status_code == 400
    assert "Complete every task before you submit." in response.content.decode()


def test_double_submit_gives_one_submission_and_a_reference(client, application, applicant_lead):
    complete_application(application, user=applicant_lead)
    client.force_login(applicant_lead)
    url = f"/apply/applications/{application.pk}/submit/"

    first = client.post(url, {"declaration": "on"})
    second = client.post(url, {"declaration": "on"})
    confirmation = client.get(first["Location"]).content.decode()

    assert (
        first["Location"]
        == second["Location"]
        == (f"/apply/applications/{application.pk}/submitted/")
    )
    assert application.reference in confirmation
    assert application.audit_entries.filter(action="application_submitted").count() == 1


def test_submit_without_declaration_keeps_the_page(client, application, applicant_lead):
    complete_application(application, user=applicant_lead)
    client.force_login(applicant_lead)

    response = client.post(f"/apply/applications/{application.pk}/submit/", {})

    assert response.status_code == 400
    assert "Confirm the declaration to submit." in response.content.decode()


def test_over_length_narrative_is_refused_and_the_text_kept(client, application, applicant_lead):
    client.force_login(applicant_lead)
    long_text = "We welcome families. " * 40  # 840 characters; the limit is 500

    response = client.post(
        f"/apply/applications/{application.pk}/criteria/L1/",
        {"version": 0, "narrative": long_text, "self_assessment": "met"},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "We welcome families. We welcome families." in html
    assert not application.answers.exists()


def test_stale_save_shows_both_texts_to_merge(
    client, application, applicant_lead, applicant_contributor
):
    criterion = application.criteria_version.criteria.get(code="L1")
    application_services.answer_save(
        application=application,
        criterion=criterion,
        user=applicant_lead,
        expected_version=0,
        narrative="The lead's version.",
        self_assessment="met",
        evidence_ids=[],
        now=NOW,
    )
    client.force_login(applicant_contributor)

    response = client.post(
        f"/apply/applications/{application.pk}/criteria/L1/",
        {"version": 0, "narrative": "The contributor's version.", "self_assessment": "partly_met"},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "The lead&#x27;s version." in html and "The contributor&#x27;s version." in html
    assert application.answers.get(criterion=criterion).narrative == "The lead's version."


def test_stale_save_keeps_every_chosen_evidence_item(
    client, application, applicant_lead, applicant_contributor
):
    """The merge form carries all the chosen evidence ids, whole: ids of two digits or more
    were once split into characters, so the merged save was refused."""

    criterion = application.criteria_version.criteria.get(code="L1")
    items = [
        EvidenceItem.objects.create(
            pk=pk,
            organisation=application.organisation,
            kind="link",
            title=f"Item {pk}",
            url="https://example.org",
            scan_status="clean",
        )
        for pk in (4321, 4322)
    ]
    application_services.answer_save(
        application=application,
        criterion=criterion,
        user=applicant_lead,
        expected_version=0,
        narrative="The lead's version.",
        self_assessment="met",
        evidence_ids=[],
        now=NOW,
    )
    client.force_login(applicant_contributor)
    response = client.post(
        f"/apply/applications/{application.pk}/criteria/L1/",
        {"version": 0, "narrative": "Mine", "evidence": [item.pk for item in items]},
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert 'name="evidence" value="4321"' in html and 'name="evidence" value="4322"' in html
    assert 'name="evidence" value="4"' not in html


def test_autosave_returns_json_and_detects_conflicts(client, application, applicant_lead):
    client.force_login(applicant_lead)
    url = f"/apply/applications/{application.pk}/criteria/L1/"
    headers = {"X-Requested-With": "fetch"}

    first = client.post(url, {"version": 0, "narrative": "Draft one"}, headers=headers)
    stale = client.post(url, {"version": 0, "narrative": "Old tab"}, headers=headers)

    assert first.json()["saved"] is True and first.json()["version"] == 1
    assert stale.status_code == 409 and stale.json() == {"saved": False, "conflict": True}
    assert application.answers.get().narrative == "Draft one"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"\x7fELF\x02\x01\x01" + b"\x00" * 100, "program"),
        ("photo.jpg", b"<!DOCTYPE html><html><body>hi</body></html>", "HTML"),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "SVG"),
    ],
)
def test_bad_uploads_are_refused_and_the_form_kept(
    name, content, message, client, school, applicant_lead
):
    client.force_login(applicant_lead)

    response = client.post(
        f"/apply/organisations/{school.pk}/evidence/add/file/",
        {"title": "Staff training slides", "upload": SimpleUploadedFile(name, content)},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert message.lower() in html.lower()
    assert 'value="Staff training slides"' in html
    assert not EvidenceItem.objects.exists()


def test_upload_is_private_scanned_then_downloadable(
    client, school, applicant_lead, django_capture_on_commit_callbacks
):
    client.force_login(applicant_lead)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(
            f"/apply/organisations/{school.pk}/evidence/add/file/",
            {
                "title": "Welcome policy",
                "upload": SimpleUploadedFile("Welcome policy.pdf", MINIMAL_PDF),
            },
        )
    item = EvidenceItem.objects.get()
    assert item.scan_status == ScanStatus.PENDING
    assert client.get(f"/apply/evidence/{item.pk}/download/").status_code == 409

    for callback in callbacks:
        callback()
    item.refresh_from_db()
    response = client.get(f"/apply/evidence/{item.pk}/download/")

    assert item.scan_status == ScanStatus.CLEAN
    assert not item.file.name.endswith(".pdf")  # stored under a random name
    assert item.file.storage.base_url is None or "private" in item.file.storage.location
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Welcome-policy.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == MINIMAL_PDF


def test_infected_file_is_never_downloadable(
    client, school, applicant_lead, django_capture_on_commit_callbacks
):
    client.force_login(applicant_lead)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/apply/organisations/{school.pk}/evidence/add/file/",
            {"title": "Suspicious", "upload": SimpleUploadedFile("notes.pdf", MINIMAL_PDF + EICAR)},
        )
    item = EvidenceItem.objects.get()

    assert item.scan_status == ScanStatus.INFECTED
    assert client.get(f"/apply/evidence/{item.pk}/download/").status_code == 409


def test_link_must_be_http(client, school, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post(
        f"/apply/organisations/{school.pk}/evidence/add/link/",
        {"title": "Our page", "url": "javascript:alert(1)"},
    )

    assert response.status_code == 200
    assert "http" in response.content.decode()
    assert not EvidenceItem.objects.exists()


def test_expired_invitation_is_refused_clearly(client, school, applicant_lead, db):
    invitation = team_services.invitation_send(
        organisation=school,
        email="late@example.org",
        role="contributor",
        invited_by=applicant_lead,
        now=NOW - datetime.timedelta(days=30),
        base_url="http://testserver",
    )

    client.force_login(UserFactory(email="late@example.org"))

    response = client.get(f"/apply/invitations/{invitation.token}/")

    assert response.status_code == 410
    assert "expired" in response.content.decode()


def _task_list_queries(client, user, *, criteria, evidence_items, slug):
    stream = published_stream(criteria=criteria, slug=slug)
    organisation = organisation_with_team(lead=user, name=f"School {slug}")
    application = application_services.application_start(
        organisation=organisation, stream=stream, user=user, now=NOW
    )
    items = EvidenceItem.objects.bulk_create(
        EvidenceItem(
            organisation=organisation,
            kind="link",
            title=f"Item {n}",
            url="https://example.org",
            scan_status="clean",
        )
        for n in range(evidence_items)
    )
    for criterion in application.criteria_version.criteria.all():
        answer = application.answers.create(
            criterion=criterion, narrative="Yes.", self_assessment="met"
        )
        answer.evidence.add(*items)
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/apply/applications/{application.pk}/")
    assert response.status_code == 200
    return len(queries)


def test_task_list_query_count_is_constant(client, applicant_lead):
    small = _task_list_queries(client, applicant_lead, criteria=3, evidence_items=0, slug="a")
    large = _task_list_queries(client, applicant_lead, criteria=30, evidence_items=200, slug="b")

    assert small == large
    assert large <= 15


def test_withdraw_by_lead(client, application, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post(
        f"/apply/applications/{application.pk}/withdraw/", {"reason": "Not this year."}
    )

    assert response.status_code == 302
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.WITHDRAWN


def test_stale_section_save_shows_theirs_and_keeps_mine(
    client, application, applicant_lead, applicant_contributor
):
    application_services.application_save_section(
        application=application,
        user=applicant_lead,
        expected_version=0,
        now=NOW,
        fields={"organisation_context": "Lead's description."},
    )
    client.force_login(applicant_contributor)

    response = client.post(
        f"/apply/applications/{application.pk}/about/",
        {"version": 0, "organisation_context": "Contributor's description."},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "Lead&#x27;s description." in html
    assert "Contributor&#x27;s description." in html
    application.refresh_from_db()
    assert application.organisation_context == "Lead's description."


def test_parent_organisation_choices_are_only_the_users_own(
    client, school, applicant_lead, other_organisation_lead
):
    client.force_login(applicant_lead)

    page = client.get("/apply/organisations/new/").content.decode()

    assert "Riverside Primary School" in page
    assert "Hillside Academy" not in page
