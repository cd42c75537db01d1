"""Issue 12: every screen shows the next step, and nothing people type or choose is lost.
Each test failed on the code before the issue was worked."""

import datetime
import re

import pytest
from django.core import mail
from django.core.files.base import ContentFile

from accounts.enums import Role
from accounts.models import User
from awards.enums import ApplicationStatus
from awards.models import Application
from awards.services import applications as application_services
from awards.services import triage as triage_services
from organisations.models import EvidenceItem, Membership
from panels.models import Panel, PanelMember
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services
from tests.conftest import NOW, declare, judge
from tests.factories import (
    UserFactory,
    assessment_panel,
    complete_application,
    decide_application,
    organisation_with_team,
    published_stream,
)

pytestmark = pytest.mark.django_db


# --- A returned application shows what was asked, by when, and which tasks reopened ------


def test_returned_task_list_shows_the_request_due_date_and_reopened_tasks(
    client, application, applicant_lead, national_admin
):
    complete_application(application, user=applicant_lead)
    application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    triage_services.application_return(
        application=Application.objects.get(pk=application.pk),
        user=national_admin,
        now=NOW,
        note="Please add the minutes of the welcome group.",
        due_date=datetime.date(2026, 4, 1),
        tasks=["lived-experience"],
        base_url="http://testserver",
    )
    client.force_login(applicant_lead)

    page = client.get(f"/apply/applications/{application.pk}/").content.decode()

    assert "Changes requested" in page
    assert "Please add the minutes of the welcome group." in page
    assert "1 April 2026" in page
    assert page.count("Changes requested") >= 2  # the banner and the reopened task's tag


# --- After the pledge, the next step is offered ----------------------------------------------


def test_organisation_page_offers_to_start_an_application_after_the_pledge(
    client, school, applicant_lead
):
    client.force_login(applicant_lead)

    page = client.get(f"/apply/organisations/{school.pk}/").content.decode()

    assert "Start your application" in page
    assert f"/apply/organisations/{school.pk}/applications/new/" in page
    assert "Action plans" not in page  # a school, not a council


def test_starting_before_the_pledge_is_refused_with_the_way_to_sign_it(
    client, schools, applicant_lead
):
    """The rule (organisations.permissions.can_start_application) is asked by the view, not
    only by the organisation page's button: the URL typed by hand starts nothing."""
    unsigned = organisation_with_team(lead=applicant_lead, name="Hillside School", pledge=False)
    client.force_login(applicant_lead)
    url = f"/apply/organisations/{unsigned.pk}/applications/new/"

    for response in (client.get(url), client.post(url, {"stream": schools.pk})):
        assert response.status_code == 302
        assert response["Location"] == f"/apply/organisations/{unsigned.pk}/"
    assert not Application.objects.filter(organisation=unsigned).exists()
    page = client.get(f"/apply/organisations/{unsigned.pk}/").content.decode()
    assert "Sign the City of Sanctuary pledge first." in page


def test_council_page_offers_action_plans(client, applicant_lead):
    council = organisation_with_team(
        lead=applicant_lead, name="Lewisham Council", organisation_type="local_authority"
    )
    client.force_login(applicant_lead)

    page = client.get(f"/apply/organisations/{council.pk}/").content.decode()

    assert f"/apply/organisations/{council.pk}/action-plans/" in page


def test_start_from_a_stream_page_goes_to_starting_that_streams_application(
    client, schools, school, applicant_lead
):
    client.force_login(applicant_lead)

    response = client.get(f"/apply/start/{schools.slug}/")

    assert response.status_code == 302
    assert response["Location"] == (
        f"/apply/organisations/{school.pk}/applications/new/?stream={schools.pk}"
    )
    form = client.get(response["Location"]).content.decode()
    assert re.search(rf'value="{schools.pk}"[^>]*(checked|selected)', form)


def test_start_without_an_organisation_sets_one_up_for_the_stream(client, schools):
    newcomer = UserFactory(email="newcomer@example.org")
    client.force_login(newcomer)

    response = client.get(f"/apply/start/{schools.slug}/")

    assert response["Location"] == f"/apply/organisations/new/?stream={schools.pk}"


# --- Sign-in lands each role where its work is ------------------------------------------------


@pytest.mark.parametrize(
    ("role", "landing"),
    [(None, "/apply/"), (Role.PANEL_MEMBER, "/assess/"), (Role.STREAM_COORDINATOR, "/workspace/")],
)
def test_sign_in_lands_each_role_where_its_work_is(client, role, landing, settings):
    settings.SANCTUARY_REQUIRE_MFA = False
    user = UserFactory(email="person@example.org", roles=[role] if role else [])

    response = client.post(
        "/accounts/login/", {"login": user.email, "password": "correct-horse-battery"}
    )

    assert response.status_code == 302
    assert response["Location"] == landing


# --- Panels: assign from the application, members listed as coordinators need -------------


def test_coordinator_assigns_a_panel_from_the_application_page(
    client, in_assessment, schools, national_admin
):

    panel = assessment_panel(schools)
    client.force_login(national_admin)
    page = client.get(f"/workspace/applications/{in_assessment.pk}/").content.decode()

    response = client.post(
        f"/workspace/applications/{in_assessment.pk}/assign/", {"panel": panel.pk}
    )

    assert panel.name in page
    assert response.status_code == 302
    assert Application.objects.get(pk=in_assessment.pk).panel == panel


def test_add_member_list_marks_lived_experience_and_hides_current_members(
    client, schools, national_admin, assessors
):
    panel = Panel.objects.create(stream=schools, name="Spring panel")
    PanelMember.objects.create(panel=panel, user=assessors["chair"], role="sector_expert")
    client.force_login(national_admin)

    page = client.get(f"/workspace/panels/{panel.pk}/").content.decode()
    select = page[page.index('name="user"') : page.index("</select>", page.index('name="user"'))]

    assert "Chair Assessor" not in select
    assert "Lived Assessor (lived experience)" in select
    assert "Expert Assessor</option>" in select


def test_adding_a_member_again_never_changes_their_role(client, schools, national_admin, assessors):
    panel = Panel.objects.create(stream=schools, name="Spring panel")
    member = PanelMember.objects.create(
        panel=panel, user=assessors["lived"], role="lived_experience"
    )
    client.force_login(national_admin)

    response = client.post(
        f"/workspace/panels/{panel.pk}/",
        {"add_member": "1", "user": assessors["lived"].pk, "role": "sector_expert"},
    )
    changed = client.post(
        f"/workspace/panels/{panel.pk}/members/{member.pk}/role/",
        {"role": "peer", "is_chair": "on"},
    )

    assert response.status_code == 400
    member.refresh_from_db()
    assert changed.status_code == 302
    assert (member.role, member.is_chair) == ("peer", True)


# --- A decision is released after a preview ---------------------------------------------------


def test_release_shows_a_preview_of_what_the_applicant_gets(client, in_assessment, national_admin):

    application = decide_application(
        in_assessment,
        admin=national_admin,
        now=NOW,
        outcome="award_with_conditions",
        conditions=[("Train the front desk.", datetime.date(2026, 6, 1))],
        release=False,
    )
    client.force_login(national_admin)

    preview = client.get(f"/workspace/applications/{application.pk}/release/")
    letter = client.get(f"/workspace/applications/{application.pk}/letter-preview.pdf")
    released = client.post(f"/workspace/applications/{application.pk}/release/")

    text = preview.content.decode()
    assert preview.status_code == 200
    assert "Award with conditions" in text
    assert "Train the front desk." in text
    assert "L1: well evidenced." in text
    assert letter["Content-Type"] == "application/pdf"
    assert released.status_code == 302
    assert Application.objects.get(pk=application.pk).status == (
        ApplicationStatus.AWARDED_WITH_CONDITIONS
    )


# --- Notifications -----------------------------------------------------------------------------


def test_panel_members_are_told_when_an_application_reaches_them(
    in_assessment, schools, national_admin, django_capture_on_commit_callbacks
):

    panel = assessment_panel(schools)
    with django_capture_on_commit_callbacks(execute=True):
        membership_services.panel_assign_application(
            panel=panel, application=in_assessment, user=national_admin, now=NOW
        )

    to = sorted(address for message in mail.outbox for address in message.to)
    assert to == sorted(panel.members.values_list("user__email", flat=True))
    assert f"/assess/applications/{in_assessment.pk}/" in mail.outbox[0].body


def test_applicant_is_told_when_the_application_is_accepted(
    application, applicant_lead, national_admin, django_capture_on_commit_callbacks
):
    complete_application(application, user=applicant_lead)
    application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        triage_services.application_accept(
            application=Application.objects.get(pk=application.pk), user=national_admin, now=NOW
        )

    assert len(mail.outbox) == 1
    assert "applicant.lead@example.org" in mail.outbox[0].to
    assert f"/apply/applications/{application.pk}/" in mail.outbox[0].body


def test_coordinators_are_told_when_a_decision_is_pending(
    assigned, assessors, schools, stream_coordinator, django_capture_on_commit_callbacks
):
    schools.coordinators.add(stream_coordinator)
    for key in ("chair", "expert", "lived"):
        declare(assigned, assessors[key])
        judge(assigned, assessors[key])
    chair = PanelMember.objects.get(panel=assigned.panel, is_chair=True)
    criteria = assigned.criteria_version.criteria.all()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assessment_services.decision_record(
            application=Application.objects.get(pk=assigned.pk),
            chair=chair,
            agreed={c.pk: ("met", "Met.") for c in criteria},
            outcome="award",
            strengths="",
            recommendations="",
            conditions=[],
            evidence_needed="",
            evidence_due_date=None,
            now=NOW,
        )

    assert [message.to for message in mail.outbox] == [["stream.coordinator@example.org"]]
    assert f"/workspace/applications/{assigned.pk}/release/" in mail.outbox[0].body


def test_account_emails_name_the_site(client, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {
                "email": "new.person@example.org",
                "first_name": "Amal",
                "last_name": "Haddad",
                "password1": "a-long-enough-pass-phrase",
                "password2": "a-long-enough-pass-phrase",
            },
        )

    assert mail.outbox
    assert "Hello from !" not in mail.outbox[0].body
    assert settings.WAGTAIL_SITE_NAME in mail.outbox[0].body


# --- Evidence: renamed, described, removed or archived; told apart; consent warned ----------


def _file_item(organisation, title="Welcome policy", **fields):
    item = EvidenceItem(
        organisation=organisation,
        kind="file",
        title=title,
        file_name="policy.pdf",
        file_size=245_760,
        mime_type="application/pdf",
        scan_status="clean",
        evidence_date=datetime.date(2026, 5, 12),
        **fields,
    )
    item.file.save("policy.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    item.save()
    return item


def test_evidence_is_renamed_and_described(client, school, applicant_lead):
    item = _file_item(school)
    client.force_login(applicant_lead)

    response = client.post(
        f"/apply/evidence/{item.pk}/edit/",
        {"title": "Welcome policy 2026", "description": "Adopted in May.", "evidence_date": ""},
    )

    item.refresh_from_db()
    assert response.status_code == 302
    assert (item.title, item.description) == ("Welcome policy 2026", "Adopted in May.")


def test_evidence_removed_is_deleted_unless_a_submitted_application_uses_it(
    client, application, applicant_lead, school
):
    unused = _file_item(school, title="Old draft")
    used = _file_item(school, title="Used")
    complete_application(application, user=applicant_lead)
    application.answers.first().evidence.add(used)
    application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    client.force_login(applicant_lead)

    client.post(f"/apply/evidence/{unused.pk}/remove/")
    client.post(f"/apply/evidence/{used.pk}/remove/")
    library = client.get(f"/apply/organisations/{school.pk}/evidence/").content.decode()

    assert EvidenceItem.objects.filter(pk=unused.pk).exists() is False
    assert EvidenceItem.objects.get(pk=used.pk).archived_at is not None
    assert f"/apply/evidence/{used.pk}/" not in library
    assert application.answers.first().evidence.filter(pk=used.pk).exists()


def test_evidence_with_the_same_title_is_told_apart_in_the_picker(
    client, application, applicant_lead, school
):
    _file_item(school, title="Photos")
    link = EvidenceItem.objects.create(
        organisation=school,
        kind="link",
        title="Photos",
        url="https://example.org/photos",
        scan_status="clean",
        evidence_date=datetime.date(2026, 6, 1),
    )
    client.force_login(applicant_lead)

    page = client.get(f"/apply/applications/{application.pk}/criteria/L1/").content.decode()

    assert "Photos (File, 12 May 2026, 240 KB)" in page
    assert "Photos (Link, 1 June 2026)" in page
    assert link.pk


def test_check_page_warns_of_evidence_whose_consent_is_not_recorded(
    client, application, applicant_lead, school
):
    complete_application(application, user=applicant_lead)
    item = _file_item(school, title="Class photo", contains_images_of_children=True)
    application.answers.first().evidence.add(item)
    client.force_login(applicant_lead)

    page = client.get(f"/apply/applications/{application.pk}/check/").content.decode()

    assert "Consent not recorded" in page
    assert "Class photo" in page
    assert page.index("Class photo") < page.index('name="declaration"')


# --- People have names; leads change roles; references unique per stream -------------------


def test_sign_up_asks_for_a_name(client):
    client.post(
        "/accounts/signup/",
        {
            "email": "amal@example.org",
            "first_name": "Amal",
            "last_name": "Haddad",
            "password1": "a-long-enough-pass-phrase",
            "password2": "a-long-enough-pass-phrase",
        },
    )

    assert User.objects.get(email="amal@example.org").get_full_name() == "Amal Haddad"


def test_people_change_their_name_on_their_account_page(client, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post("/accounts/profile/", {"first_name": "Grace", "last_name": "Okafor"})

    applicant_lead.refresh_from_db()
    assert response.status_code == 302
    assert applicant_lead.get_full_name() == "Grace Okafor"


def test_lead_changes_a_members_role_but_not_the_last_lead(
    client, school, applicant_lead, applicant_contributor
):
    contributor = Membership.objects.get(organisation=school, user=applicant_contributor)
    lead = Membership.objects.get(organisation=school, user=applicant_lead)
    client.force_login(applicant_lead)

    promoted = client.post(
        f"/apply/organisations/{school.pk}/team/{contributor.pk}/role/", {"role": "lead"}
    )
    client.post(f"/apply/organisations/{school.pk}/team/{lead.pk}/role/", {"role": "contributor"})
    client.post(
        f"/apply/organisations/{school.pk}/team/{contributor.pk}/role/", {"role": "contributor"}
    )

    contributor.refresh_from_db()
    lead.refresh_from_db()
    assert promoted.status_code == 302
    assert (lead.role, contributor.role) == ("contributor", "lead")


def test_references_and_certificate_numbers_are_unique_per_stream(db):
    college = published_stream(slug="college", award_title="College of Sanctuary")
    council = published_stream(slug="council", award_title="Council of Sanctuary")

    assert college.reference_prefix != council.reference_prefix
    lead = UserFactory()
    organisation = organisation_with_team(lead=lead, name="Town Hall")
    application = application_services.application_start(
        organisation=organisation, stream=council, user=lead, now=NOW
    )
    assert application.reference.startswith(f"{council.reference_prefix}-2026-")
