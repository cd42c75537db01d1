"""Erasure: a person deletes their own account (privacy/erasure.py, /privacy/delete-account/)."""

import html

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.db import models
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from accounts.enums import Role
from accounts.models import User
from audit.enums import AuditAction
from audit.models import AuditEntry
from awards.models import Award, Decision
from core.errors import ServiceError
from organisations.models import Invitation, Membership
from organisations.services import teams as team_services
from panels.models import (
    AssessorProfile,
    CriterionJudgement,
    Panel,
    PanelMeeting,
    PanelMember,
    Payment,
)
from panels.services import membership as membership_services
from privacy.erasure import account_erase
from reporting.models import DataExport
from tests.conftest import NOW
from tests.factories import (
    DEFAULT_PASSWORD,
    UserFactory,
    decide_application,
    organisation_with_team,
    staff_user,
)

ERASE = reverse("privacy:erase_account")
FIRST, LAST = "Zephyrine", "Okonkwo-Blythe"
EMAIL = "zephyrine.okonkwo@example.org"


@pytest.fixture
def assessor(db):
    """A lived-experience assessor who is also a contributor in a charity's team."""
    person = staff_user(Role.PANEL_MEMBER, email=EMAIL, first_name=FIRST, last_name=LAST)
    profile = AssessorProfile.objects.create(
        user=person,
        lived_experience=True,
        expertise="Sought sanctuary in 2015; volunteers with the refugee forum",
        consent_given_at=NOW,
        privacy_notice_version="2026-01",
    )
    profile.affiliations.add(organisation_with_team(name="Refugee Forum"))
    return person


@pytest.fixture
def judged_and_awarded(in_assessment, schools, assessor, national_admin):
    """The assessor sat, as lived-experience assessor, on the panel that awarded Riverside;
    they joined a team by invitation, and were paid an honorarium."""
    panel = Panel.objects.create(stream=schools, name="Summer panel")
    for user, role, chair in [
        (staff_user(Role.PANEL_MEMBER, email="chair@example.org"), "sector_expert", True),
        (staff_user(Role.PANEL_MEMBER, email="peer@example.org"), "peer", False),
        (assessor, "lived_experience", False),
    ]:
        membership_services.panel_member_add(
            panel=panel, user=user, role=role, is_chair=chair, actor=national_admin, now=NOW
        )
    charity_lead = UserFactory(email="charity.lead@example.org")
    charity = organisation_with_team(lead=charity_lead, name="Welcome Charity Shop")
    invitation = team_services.invitation_send(
        organisation=charity,
        email="Zephyrine.Okonkwo@Example.org",  # typed by a colleague, in their own case
        role="contributor",
        invited_by=charity_lead,
        now=NOW,
        base_url="http://testserver",
    )
    team_services.invitation_accept(token=invitation.token, user=assessor, now=NOW)
    decided = decide_application(in_assessment, admin=national_admin, now=NOW, panel=panel)
    Payment.objects.create(
        member=PanelMember.objects.get(user=assessor),
        kind="honorarium",
        amount="50.00",
        description=f"Honorarium for {FIRST} {LAST}",
        recorded_by=national_admin,
        recorded_at=NOW,
    )
    PanelMeeting.objects.create(
        application=decided,
        held_on=NOW.date(),
        people_met="The head teacher and two pupils",
        notes=f"{FIRST} {LAST} led the conversation with the pupils.",
        recorded_by=national_admin,
        recorded_at=NOW,
    )
    return decided


def _text_columns():
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                yield model, field


def _mentions(*words: str) -> list[str]:
    """Every row of every table whose text columns mention any of ``words``."""
    found = []
    for model, field in _text_columns():
        as_text = model._default_manager.annotate(_text=Cast(field.name, TextField()))
        match = Q()
        for word in words:
            match |= Q(_text__icontains=word)
        for pk, text in as_text.filter(match).values_list("pk", "_text"):
            found.append(f"{model._meta.label}.{field.name} #{pk}: {text[:80]}")
    return found


def test_search_finds_the_person_before_erasure(judged_and_awarded, assessor):
    """The search is not blind: before erasure it finds the name and the email."""
    found = _mentions(f"{FIRST} {LAST}", EMAIL, LAST)

    assert any(hit.startswith("accounts.User.email") for hit in found)
    assert any(hit.startswith("audit.AuditEntry.note") for hit in found)
    assert any(hit.startswith("organisations.Invitation.email") for hit in found)


def test_erasure_leaves_no_personal_data_in_any_table(
    client, judged_and_awarded, assessor, national_admin
):
    seat = PanelMember.objects.get(user=assessor)
    judgements = CriterionJudgement.objects.filter(assessment__member=seat).count()
    award = Award.objects.get(application=judged_and_awarded)

    pseudonym = account_erase(person=assessor, by=assessor, now=NOW)

    assert pseudonym == f"Former assessor {assessor.pk}"
    assert _mentions(f"{FIRST} {LAST}", EMAIL, LAST) == []
    # The decision, the award and the register stay intact.
    assert Decision.objects.filter(application=judged_and_awarded).exists()
    assert Award.objects.filter(pk=award.pk, certificate_number=award.certificate_number).exists()
    assert "Riverside Primary School" in client.get("/awards/").content.decode()
    # The judgements and the payment stay with the seat, under the pseudonym.
    assert CriterionJudgement.objects.filter(assessment__member=seat).count() == judgements > 0
    assert Payment.objects.filter(member=seat).count() == 1
    # A coordinator's view of the old panel still reads.
    client.force_login(national_admin)
    response = client.get(f"/workspace/panels/{seat.panel_id}/")
    assert response.status_code == 200
    assert pseudonym in html.unescape(response.content.decode())


def test_erasure_closes_the_account_and_records_it(client, judged_and_awarded, assessor):
    client.force_login(assessor)
    assert Session.objects.count() == 1

    account_erase(person=assessor, by=assessor, now=NOW)

    assessor.refresh_from_db()
    assert (assessor.is_active, assessor.has_usable_password()) == (False, False)
    assert assessor.email == f"former-user-{assessor.pk}@pseudonymised.invalid"
    assert assessor.groups.count() == 0
    assert EmailAddress.objects.filter(user=assessor).exists() is False
    assert Authenticator.objects.filter(user=assessor).exists() is False
    assert Membership.objects.filter(user=assessor).exists() is False
    assert AssessorProfile.objects.filter(user=assessor).exists() is False
    assert Session.objects.count() == 0
    assert PanelMember.objects.filter(user=assessor).count() == 1
    assert Invitation.objects.filter(email=assessor.email).count() == 1
    entry = AuditEntry.objects.get(action=AuditAction.ACCOUNT_ERASED)
    assert (entry.actor_id, entry.data["memberships"], entry.data["panel_seats"]) == (
        assessor.pk,
        1,
        1,
    )
    assert AuditEntry.objects.filter(action=AuditAction.PERSON_PSEUDONYMISED).count() == 1


def test_erasure_removes_their_exports_and_sent_email_results(national_admin, stream_coordinator):
    export = DataExport.objects.create(
        requested_by=stream_coordinator, kind="applications", status="ready", created_at=NOW
    )
    export.file.save("applications.xlsx", ContentFile(b"rows"), save=True)
    stored = export.file.name
    sent = {"to": [stream_coordinator.email.upper()], "subject": "Your export is ready"}
    for status, kwargs in [("SUCCESSFUL", sent), ("READY", sent), ("SUCCESSFUL", {"to": ["x@y"]})]:
        DBTaskResult.objects.create(
            status=status,
            args_kwargs={"args": [], "kwargs": kwargs},
            task_path="core.tasks.send_email",
            backend_name="default",
            run_after=NOW,
        )

    account_erase(person=stream_coordinator, by=stream_coordinator, now=NOW)

    assert DataExport.objects.filter(pk=export.pk).exists() is False
    assert export.file.storage.exists(stored) is False
    # The email still to be sent stays for the worker; the finished one naming them goes.
    assert sorted(DBTaskResult.objects.values_list("status", flat=True)) == [
        "READY",
        "SUCCESSFUL",
    ]


def test_erasure_of_an_applicant_names_them_former_user(school, applicant_contributor):
    assert account_erase(person=applicant_contributor, by=applicant_contributor, now=NOW) == (
        f"Former user {applicant_contributor.pk}"
    )
    assert school.memberships.filter(user=applicant_contributor).exists() is False


def test_erasure_refused_for_someone_elses_account(applicant_contributor, applicant_lead, school):
    with pytest.raises(ServiceError, match="only delete your own account"):
        account_erase(person=applicant_contributor, by=applicant_lead, now=NOW)

    applicant_contributor.refresh_from_db()
    assert applicant_contributor.is_active is True


def test_erasure_refused_for_the_last_lead(applicant_lead, school):
    with pytest.raises(ServiceError, match="only applicant lead of Riverside Primary School"):
        account_erase(person=applicant_lead, by=applicant_lead, now=NOW)

    assert Membership.objects.filter(user=applicant_lead).exists() is True


def test_erasure_allowed_for_a_lead_once_there_is_another(
    applicant_lead, applicant_contributor, school
):
    Membership.objects.filter(user=applicant_contributor).update(role="lead")

    account_erase(person=applicant_lead, by=applicant_lead, now=NOW)

    assert school.memberships.get().user == applicant_contributor


def test_erasure_refused_for_the_last_national_admin(national_admin):
    with pytest.raises(ServiceError, match="only national admin"):
        account_erase(person=national_admin, by=national_admin, now=NOW)

    staff_user(Role.NATIONAL_ADMIN, email="second.admin@example.org")
    account_erase(person=national_admin, by=national_admin, now=NOW)
    national_admin.refresh_from_db()
    assert (national_admin.is_active, national_admin.is_superuser) == (False, False)


# --- The page -------------------------------------------------------------------------------


def test_account_page_links_to_email_and_delete_pages(client, applicant_contributor):
    client.force_login(applicant_contributor)

    page = client.get(reverse("accounts:profile")).content.decode()

    assert f'href="{reverse("account_email")}"' in page
    assert f'href="{ERASE}"' in page


def test_erase_page_explains_what_goes_and_what_stays(client, assessor):
    client.force_login(assessor)

    response = client.get(ERASE)

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "What we delete" in page
    assert "What we keep, and why" in page
    assert f"Former assessor {assessor.pk}" in page
    assert "Evidence you uploaded belongs to your organisation" in page
    assert 'name="password"' in page


def test_erase_page_deletes_the_account_and_signs_out(client, assessor):
    client.force_login(assessor)

    response = client.post(ERASE, {"confirm": "on", "password": DEFAULT_PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == reverse("privacy:account_erased")
    assert "has been deleted" in client.get(response["Location"]).content.decode()
    assert client.get(reverse("accounts:profile")).status_code == 302
    assessor.refresh_from_db()
    assert assessor.is_active is False


def test_erase_page_wrong_password_keeps_the_tick_and_changes_nothing(client, assessor):
    client.force_login(assessor)

    response = client.post(ERASE, {"confirm": "on", "password": "not-my-password"})

    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error:" in page
    assert "There is a problem" in page
    assert "The password is not right" in page
    assert 'href="#id_password"' in page
    assert (
        'name="confirm" id="id_confirm" checked' in page
        or "checked" in page.split('name="confirm"')[1].split(">")[0]
    )
    assert "not-my-password" not in page
    assessor.refresh_from_db()
    assert assessor.is_active is True


def test_erase_page_without_the_tick_says_so(client, assessor):
    client.force_login(assessor)

    response = client.post(ERASE, {"password": DEFAULT_PASSWORD})

    assert response.status_code == 400
    assert "Tick the box to confirm" in response.content.decode()
    assert User.objects.get(pk=assessor.pk).is_active is True


def test_erase_page_for_the_last_lead_names_the_organisation_and_the_way_out(
    client, applicant_lead, school
):
    client.force_login(applicant_lead)

    response = client.get(ERASE)

    page = html.unescape(response.content.decode())
    assert response.status_code == 200
    assert "You cannot delete your account yet" in page
    assert "only applicant lead of Riverside Primary School" in page
    assert f'href="/apply/organisations/{school.pk}/#team"' in page
    assert 'name="password"' not in page
    refused = client.post(ERASE, {"confirm": "on", "password": DEFAULT_PASSWORD})
    assert refused.status_code == 403
    assert User.objects.get(pk=applicant_lead.pk).is_active is True


def test_erase_page_only_ever_erases_the_signed_in_person(
    client, applicant_lead, applicant_contributor, school
):
    """The URL names nobody: a lead cannot point it at a colleague."""
    client.force_login(applicant_lead)

    client.post(
        ERASE,
        {
            "confirm": "on",
            "password": DEFAULT_PASSWORD,
            "user": applicant_contributor.pk,
            "person": applicant_contributor.pk,
        },
    )

    assert User.objects.get(pk=applicant_contributor.pk).is_active is True


def test_erase_page_refuses_anonymous_visitors(client, db):
    response = client.get(ERASE)

    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


# --- Correction -----------------------------------------------------------------------------


def test_correcting_a_name_is_saved_and_audited_without_the_name(client, applicant_contributor):
    client.force_login(applicant_contributor)

    response = client.post(reverse("accounts:profile"), {"first_name": "Ngozi", "last_name": "Eze"})

    assert response.status_code == 302
    applicant_contributor.refresh_from_db()
    assert applicant_contributor.get_full_name() == "Ngozi Eze"
    entry = AuditEntry.objects.get(action=AuditAction.NAME_CHANGED)
    assert entry.actor_id == applicant_contributor.pk
    assert entry.data == {"user": applicant_contributor.pk, "fields": ["first_name", "last_name"]}
    assert "Ngozi" not in entry.note


def test_correcting_a_name_with_an_error_keeps_what_was_typed(client, applicant_contributor):
    client.force_login(applicant_contributor)
    before = applicant_contributor.get_full_name()

    response = client.post(reverse("accounts:profile"), {"first_name": "Ngozi", "last_name": "   "})

    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Enter your last name." in page
    assert 'value="Ngozi"' in page
    applicant_contributor.refresh_from_db()
    assert applicant_contributor.get_full_name() == before
    assert AuditEntry.objects.filter(action=AuditAction.NAME_CHANGED).exists() is False
