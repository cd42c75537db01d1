"""Screens for awards: the public register and verification, the staff list and detail,
withdrawal, conditions, the organisation's downloads and renewal, meetings and payments."""

import datetime
import io
import json

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from awards.enums import AwardStatus
from awards.models import Application, Award, Condition
from awards.services import applications as application_services
from awards.services import awards as award_services
from awards.services import conditions as condition_services
from cms.models import LocalGroupPage
from core.errors import ServiceError
from panels.models import PanelMeeting, Payment
from tests.conftest import NOW
from tests.factories import (
    UserFactory,
    complete_application,
    decide_application,
    organisation_with_team,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def award(application, applicant_lead, national_admin):
    complete_application(application, user=applicant_lead)
    application = application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    decide_application(
        application,
        admin=national_admin,
        now=NOW,
        outcome="award_with_conditions",
        conditions=[("Train the front desk.", datetime.date(2026, 9, 1))],
    )
    return Award.objects.select_related("organisation").get(application=application)


def _many_awards(award, count):

    for n in range(count):
        other = organisation_with_team(
            lead=UserFactory(), name=f"School {n:03d}", stream=award.stream
        )
        app = Application.objects.create(
            organisation=other,
            stream=award.stream,
            criteria_version=award.criteria_version,
            reference=f"X-{count}-{n}",
            status="awarded",
            submitted_at=NOW,
            created_at=NOW,
        )
        Award.objects.create(
            organisation=other,
            stream=award.stream,
            application=app,
            criteria_version=award.criteria_version,
            certificate_number=f"SOS-2026-{count:04d}-{n:04d}",
            awarded_on=award.awarded_on,
            expires_on=award.expires_on,
        )


# --- Public register --------------------------------------------------------------------------


def test_register_lists_current_awards_and_filters(client, award):
    response = client.get("/awards/")
    assert response.status_code == 200
    assert award.organisation.name in response.text
    assert award.certificate_number in response.text
    response = client.get("/awards/", {"q": "no such school"})
    assert award.organisation.name not in response.text
    response = client.get("/awards/", {"stream": award.stream_id})
    assert award.organisation.name in response.text


@pytest.mark.parametrize("change", ["opted_out", "lapsed", "withdrawn"])
def test_register_never_shows_opted_out_lapsed_or_withdrawn(client, award, change):
    if change == "opted_out":
        award.organisation.listed_publicly = False
        award.organisation.save()
    else:
        Award.objects.filter(pk=award.pk).update(status=change, withdrawn_reason="x")
    for path in ("/awards/", "/awards/register.csv", "/awards/register.json"):
        response = client.get(path)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert award.organisation.name.encode() not in body, path


def test_open_data_csv_and_json_have_no_personal_data(client, award, applicant_lead):
    csv_response = client.get("/awards/register.csv", {"stream": award.stream_id})
    body = b"".join(csv_response.streaming_content).decode()
    assert csv_response["Content-Type"].startswith("text/csv")
    assert body.splitlines()[0].startswith("certificate_number,organisation")
    assert award.certificate_number in body
    data = json.loads(b"".join(client.get("/awards/register.json").streaming_content))
    assert data["count"] == 1
    record = data["awards"][0]
    assert record["certificate_number"] == award.certificate_number
    assert record["verify_url"].endswith(f"/awards/verify/{award.certificate_number}/")
    assert applicant_lead.email not in body and applicant_lead.email not in json.dumps(data)


def test_csv_neutralises_formula_text(client, award):
    award.organisation.name = '=HYPERLINK("http://evil")'
    award.organisation.save()
    body = b"".join(client.get("/awards/register.csv").streaming_content).decode()
    assert "'=HYPERLINK" in body


def test_register_query_count_is_constant(client, award, django_assert_max_num_queries):
    _many_awards(award, 3)
    with django_assert_max_num_queries(10):
        small = client.get("/awards/")
    _many_awards(award, 40)
    with django_assert_max_num_queries(10):
        large = client.get("/awards/")
    assert small.status_code == large.status_code == 200


def test_local_group_page_lists_award_holders(award):

    assert LocalGroupPage  # the page template renders award_holders; covered by e2e


# --- Verification -----------------------------------------------------------------------------


def test_verify_current_award(client, award):
    response = client.get(f"/awards/verify/{award.certificate_number}/")
    assert response.status_code == 200
    assert "This award is current" in response.text
    assert award.organisation.name in response.text


def test_verify_normalises_what_was_typed(client, award):
    typed = award.certificate_number.lower()
    response = client.get("/awards/verify/", {"number": f"  {typed} "})
    assert response.status_code == 302
    assert response["Location"] == f"/awards/verify/{award.certificate_number}/"


@pytest.mark.parametrize(
    ("status", "text"),
    [("withdrawn", "This award has been withdrawn"), ("lapsed", "This award has lapsed")],
)
def test_verify_says_plainly_when_not_current(client, award, status, text):
    Award.objects.filter(pk=award.pk).update(
        status=status, withdrawn_reason="x", ended_on=datetime.date(2027, 1, 1)
    )
    response = client.get(f"/awards/verify/{award.certificate_number}/")
    assert response.status_code == 200
    assert text in response.text


def test_verify_unknown_number_and_rate_limit(client, award, settings):
    settings.VERIFY_MISSES_ALLOWED = 3
    for n in range(3):
        response = client.get(f"/awards/verify/SOS-2026-AAAA-AAA{n + 2}/")
        assert response.status_code == 404
        assert "Certificate not found" in response.text
    response = client.get("/awards/verify/SOS-2026-AAAA-AAA9/")
    assert response.status_code == 429
    assert response["Retry-After"]


def test_verify_empty_number_is_a_clear_error(client, db):
    response = client.get("/awards/verify/", {"number": ""})
    assert response.status_code == 400
    assert "Enter a certificate number" in response.text


# --- Staff ------------------------------------------------------------------------------------


def test_staff_award_list_scoped_and_filtered(client, award, stream_coordinator, national_admin):
    client.force_login(national_admin)
    response = client.get("/workspace/awards/", {"status": "active"})
    assert award.organisation.name in response.text
    client.force_login(stream_coordinator)  # coordinates no stream here
    response = client.get("/workspace/awards/")
    assert award.organisation.name not in response.text
    assert client.get(f"/workspace/awards/{award.pk}/").status_code == 404


def test_staff_award_list_query_count_is_constant(
    client, award, national_admin, django_assert_max_num_queries
):
    client.force_login(national_admin)
    _many_awards(award, 3)
    client.get("/workspace/awards/")
    with django_assert_max_num_queries(14):
        client.get("/workspace/awards/")
    _many_awards(award, 40)
    with django_assert_max_num_queries(14):
        client.get("/workspace/awards/")


def test_applicant_cannot_open_staff_award_pages(client, award, applicant_lead):
    client.force_login(applicant_lead)
    assert client.get("/workspace/awards/").status_code in (403, 404)
    assert client.get(f"/workspace/awards/{award.pk}/").status_code in (403, 404)


def test_withdrawal_needs_a_reason_on_screen(client, award, national_admin):
    client.force_login(national_admin)
    response = client.post(f"/workspace/awards/{award.pk}/withdraw/", {"reason": ""})
    assert response.status_code == 400
    assert "There is a problem" in response.text
    award.refresh_from_db()
    assert award.status == AwardStatus.ACTIVE
    mail.outbox.clear()
    response = client.post(
        f"/workspace/awards/{award.pk}/withdraw/", {"reason": "Misleading claims."}
    )
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.status == AwardStatus.WITHDRAWN
    assert "withdrawn" in client.get(f"/awards/verify/{award.certificate_number}/").text


def test_only_national_staff_withdraw(client, award, stream_coordinator):
    award.stream.coordinators.add(stream_coordinator)
    client.force_login(stream_coordinator)
    assert client.get(f"/workspace/awards/{award.pk}/").status_code == 200
    response = client.post(f"/workspace/awards/{award.pk}/withdraw/", {"reason": "x"})
    assert response.status_code == 403


def test_coordinator_marks_condition_met(client, award, national_admin):
    condition = Condition.objects.get()
    client.force_login(national_admin)
    response = client.post(f"/workspace/conditions/{condition.pk}/met/")
    assert response.status_code == 302
    condition.refresh_from_db()
    assert condition.met_at is not None


def test_no_condition_of_an_ended_award_is_marked_met(client, award, national_admin):
    """One rule (awards.permissions.can_mark_condition_met) for the button, the view and the
    service: once the award is withdrawn its conditions stay as they were, and nobody is
    emailed that one was met."""
    award_services.award_withdraw(award=award, user=national_admin, now=NOW, reason="Closed.")
    condition = Condition.objects.get()
    client.force_login(national_admin)
    mail.outbox.clear()

    page = client.get(f"/workspace/awards/{award.pk}/").content.decode()
    response = client.post(f"/workspace/conditions/{condition.pk}/met/")

    assert "Mark as met" not in page
    assert response.status_code == 302
    assert "its conditions can no longer be marked met" in client.get(response["Location"]).text
    condition.refresh_from_db()
    assert condition.met_at is None
    assert mail.outbox == []
    with pytest.raises(ServiceError):
        condition_services.condition_mark_met(condition=condition, user=national_admin, now=NOW)


# --- The organisation -------------------------------------------------------------------------


def test_dashboard_shows_the_award_and_conditions(client, award, applicant_lead):
    client.force_login(applicant_lead)
    response = client.get("/apply/")
    assert award.certificate_number in response.text
    assert "Download your certificate" in response.text
    assert "Train the front desk." in response.text


def test_condition_answer_form_keeps_text_on_error_and_saves(client, award, applicant_lead):
    condition = Condition.objects.get()
    client.force_login(applicant_lead)
    url = f"/apply/conditions/{condition.pk}/"
    assert client.get(url).status_code == 200
    response = client.post(url, {"response": ""})
    assert response.status_code == 400
    item = award.organisation.evidence.first()
    response = client.post(url, {"response": "We trained them.", "evidence": [item.pk]})
    assert response.status_code == 302
    condition.refresh_from_db()
    assert condition.response == "We trained them."
    assert list(condition.response_evidence.all()) == [item]


def test_other_organisation_gets_404_for_award_pages(client, award, other_organisation_lead):
    client.force_login(other_organisation_lead)
    condition = Condition.objects.get()
    for path in (
        f"/apply/awards/{award.pk}/logo.svg",
        f"/apply/awards/{award.pk}/certificate.pdf",
        f"/apply/conditions/{condition.pk}/",
    ):
        assert client.get(path).status_code == 404, path
    assert client.post(f"/apply/awards/{award.pk}/renew/").status_code == 404


def test_logo_download(client, award, applicant_lead):
    client.force_login(applicant_lead)
    response = client.get(f"/apply/awards/{award.pk}/logo.svg")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/svg+xml"
    assert b"<svg" in response.content


def test_renewal_start_from_the_dashboard_and_twice(client, award, applicant_lead):
    client.force_login(applicant_lead)
    Award.objects.filter(pk=award.pk).update(status=AwardStatus.RENEWAL_DUE)
    response = client.post(f"/apply/awards/{award.pk}/renew/")
    assert response.status_code == 302
    renewal = award.renewal_applications.get()
    assert response["Location"] == reverse("awards:application", args=[renewal.pk])
    page = client.get(response["Location"])
    assert "Progress since your last award" in page.text
    progress = client.get(f"/apply/applications/{renewal.pk}/progress/")
    assert progress.status_code == 200
    assert "criteria have not changed" in progress.text
    response = client.post(f"/apply/awards/{award.pk}/renew/", follow=True)
    assert "already been started" in response.text
    assert award.renewal_applications.count() == 1


def test_progress_section_only_for_renewals(client, application, applicant_lead):
    client.force_login(applicant_lead)
    assert client.get(f"/apply/applications/{application.pk}/progress/").status_code == 404


# --- Panel meeting and payments ---------------------------------------------------------------


@pytest.fixture
def assessing(application, applicant_lead, national_admin):
    complete_application(application, user=applicant_lead)
    application = application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    return decide_application(application, admin=national_admin, now=NOW, release=False)


def test_chair_records_the_meeting_members_read_it(client, assessing):
    chair = assessing.panel.members.get(is_chair=True)
    other = assessing.panel.members.filter(is_chair=False).first()
    client.force_login(chair.user)
    url = f"/assess/applications/{assessing.pk}/meeting/"
    response = client.post(url, {"held_on": "2099-01-01", "meeting_format": "online"})
    assert response.status_code == 400  # in the future
    response = client.post(
        url,
        {
            "held_on": "2026-03-01",
            "meeting_format": "in_person",
            "place": "School hall",
            "people_met": "Head teacher, two pupils",
            "notes": "A warm visit.",
            "extra_evidence": "Photos of the welcome wall.",
        },
    )
    assert response.status_code == 302
    assert PanelMeeting.objects.get().place == "School hall"
    client.force_login(other.user)
    assert "School hall" in client.get(url).text
    assert (
        client.post(url, {"held_on": "2026-03-01", "meeting_format": "online"}).status_code == 403
    )


def test_applicant_cannot_open_the_meeting(client, assessing, applicant_lead):
    client.force_login(applicant_lead)
    assert client.get(f"/assess/applications/{assessing.pk}/meeting/").status_code == 404


def test_payments_recorded_and_marked_paid(client, assessing, national_admin, stream_coordinator):
    panel = assessing.panel
    lived = panel.members.get(role="lived_experience")
    client.force_login(national_admin)
    url = f"/workspace/panels/{panel.pk}/payments/"
    response = client.post(url, {"member": lived.pk, "kind": "honorarium", "amount": "-5"})
    assert response.status_code == 400
    response = client.post(
        url,
        {
            "member": lived.pk,
            "kind": "honorarium",
            "amount": "75.00",
            "description": "Panel day",
            "claimed_on": "2026-03-02",
            "paid_on": "2026-03-01",
        },
    )
    assert response.status_code == 400  # paid before claimed
    response = client.post(
        url,
        {
            "member": lived.pk,
            "kind": "honorarium",
            "amount": "75.00",
            "description": "Panel day",
            "claimed_on": "2026-03-02",
        },
    )
    assert response.status_code == 302
    payment = Payment.objects.get()
    assert client.post(f"/workspace/payments/{payment.pk}/paid/").status_code == 302
    payment.refresh_from_db()
    assert payment.paid_on is not None
    # A local coordinator or panel member may not see payments.
    client.force_login(lived.user)
    assert client.get(url).status_code in (403, 404)


def test_award_services_verify_url(award):
    assert award_services.award_verify_url(award, "https://x").endswith(
        f"/awards/verify/{award.certificate_number}/"
    )


def test_awards_and_renewals_export_honour_filters_and_scope(
    client, award, national_admin, stream_coordinator
):

    client.force_login(national_admin)
    response = client.get("/workspace/exports/awards.xlsx", {"status": "active"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Certificate number"
    assert rows[1][0] == award.certificate_number
    assert isinstance(rows[1][4], datetime.datetime)  # a real date cell
    response = client.get("/workspace/exports/awards.xlsx", {"status": "lapsed"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert len(list(sheet.iter_rows(values_only=True))) == 1
    # Renewals due: the award expires in three years, so not within twelve months.
    response = client.get("/workspace/exports/renewals_due.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert len(list(sheet.iter_rows(values_only=True))) == 1
    # A coordinator of another stream exports nothing of this stream.
    client.force_login(stream_coordinator)
    response = client.get("/workspace/exports/awards.xlsx")
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).worksheets[0]
    assert all(row[0] != award.certificate_number for row in sheet.iter_rows(values_only=True))
