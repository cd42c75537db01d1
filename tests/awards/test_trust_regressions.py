"""The assessment's promises, tried as each person would (issue 10). Each test here failed on
the code before the rules were given one home: see the note on that issue."""

import datetime
import threading

import pytest
from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.db import IntegrityError, connection, connections, transaction
from django.test import Client
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AuditEntry
from awards.enums import ApplicationStatus
from awards.models import AgreedOutcome, Decision
from organisations.models import EvidenceItem, Invitation, Membership
from organisations.services import teams as team_services
from panels.models import AssessorProfile, CriterionJudgement, PanelMeeting
from tests.conftest import NOW, declare, judge
from tests.factories import UserFactory, decide_application

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs real transactions and locks (PostgreSQL)"
)


def _file_evidence(application) -> EvidenceItem:
    """A clean PDF in the organisation's library, used by the application's first answer."""
    item = EvidenceItem(
        organisation=application.organisation,
        kind="file",
        title="Welcome week photos consent log",
        file_name="consent-log.pdf",
        file_size=9,
        mime_type="application/pdf",
        scan_status="clean",
    )
    item.file.save("consent-log.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    item.save()
    application.answers.order_by("pk").first().evidence.add(item)
    return item


def _assess_urls(application) -> dict[str, str]:
    base = f"/assess/applications/{application.pk}/"
    return {
        "assess": base,
        "meeting": base + "meeting/",
        "decision": base + "decision/",
        "pack": base + "pack.pdf",
    }


# --- 1. Nobody, the chair included, reads the others before judging -------------------------


def test_chair_who_has_not_judged_cannot_read_the_others(client, assigned, assessors):
    declare(assigned, assessors["expert"])
    judge(assigned, assessors["expert"], comment="The expert's own private view.")
    declare(assigned, assessors["chair"])
    client.force_login(assessors["chair"])
    urls = _assess_urls(assigned)

    assess_page = client.get(urls["assess"]).content.decode()
    decision_page = client.get(urls["decision"])

    assert urls["decision"] not in assess_page
    assert decision_page.status_code == 403
    assert "The expert&#x27;s own private view." not in decision_page.content.decode()
    assert "own private view" not in decision_page.content.decode()


def test_chair_who_has_not_judged_cannot_record_a_decision(client, assigned, assessors):
    declare(assigned, assessors["chair"])
    client.force_login(assessors["chair"])

    response = client.post(_assess_urls(assigned)["decision"], {"outcome": "award"})

    assert response.status_code == 403
    assert Decision.objects.filter(application=assigned).exists() is False


# --- 2. A conflict shuts the door ---------------------------------------------------------------


@pytest.fixture(params=["declared", "affiliated"])
def conflicted_chair(request, assigned, assessors):
    """The chair is conflicted (by declaration or by affiliation); the others have judged."""
    evidence = _file_evidence(assigned)
    for key in ("expert", "lived"):
        declare(assigned, assessors[key])
        judge(assigned, assessors[key], comment=f"{key} says: clearly met.")
    chair = assessors["chair"]
    if request.param == "declared":
        declare(assigned, chair, has_conflict=True)
    else:
        AssessorProfile.objects.get(user=chair).affiliations.add(assigned.organisation)
    return chair, evidence


def test_conflicted_member_gets_404_on_everything_about_the_application(
    client, assigned, conflicted_chair
):
    chair, evidence = conflicted_chair
    client.force_login(chair)
    urls = {**_assess_urls(assigned), "evidence": f"/apply/evidence/{evidence.pk}/download/"}

    statuses = {name: client.get(url).status_code for name, url in urls.items()}

    assert statuses == dict.fromkeys(urls, 404)


def test_conflicted_member_cannot_write_anything(client, assigned, conflicted_chair):
    chair, _evidence = conflicted_chair
    client.force_login(chair)
    urls = _assess_urls(assigned)

    meeting = client.post(
        urls["meeting"], {"held_on": "2026-03-01", "meeting_format": "online", "notes": "Met."}
    )
    decision = client.post(urls["decision"], {"outcome": "award"})
    judgements = client.post(urls["assess"], {"version": "0", "submit": "1"})

    assert (meeting.status_code, decision.status_code, judgements.status_code) == (404, 404, 404)
    assert PanelMeeting.objects.filter(application=assigned).exists() is False
    assert Decision.objects.filter(application=assigned).exists() is False
    assert chair.panel_memberships.get().assessments.exists() is False


def test_conflicted_member_sees_the_application_only_as_a_conflict_in_the_portal(
    client, assigned, conflicted_chair
):
    chair, _evidence = conflicted_chair
    client.force_login(chair)

    page = client.get("/assess/").content.decode()

    assert f"/assess/applications/{assigned.pk}/" not in page
    assert "Conflict of interest" in page


# --- 3. Invitations -----------------------------------------------------------------------------


def _invite(organisation, lead, email="new.colleague@example.org") -> Invitation:
    return team_services.invitation_send(
        organisation=organisation,
        email=email,
        role="contributor",
        invited_by=lead,
        now=NOW,
        base_url="http://testserver",
    )


@pytest.fixture
def frozen_invitation_clock(monkeypatch):
    """Invitations in these tests are sent at NOW; accept them a day later."""

    monkeypatch.setattr(timezone, "now", lambda: NOW + datetime.timedelta(days=1))


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_invitation_accepted_through_the_view_on_postgresql(
    school, applicant_lead, frozen_invitation_clock
):
    invitation = _invite(school, applicant_lead)
    invitee = UserFactory(email="new.colleague@example.org")
    client = Client()
    client.force_login(invitee)

    response = client.post(f"/apply/invitations/{invitation.token}/")

    assert response.status_code == 302
    assert Membership.objects.filter(organisation=school, user=invitee).count() == 1


@postgres_only
@pytest.mark.django_db(transaction=True)
def test_invitation_accepted_twice_at_once_joins_once(
    school, applicant_lead, frozen_invitation_clock
):
    invitation = _invite(school, applicant_lead)
    invitee = UserFactory(email="new.colleague@example.org")
    barrier = threading.Barrier(2)
    statuses = []

    def accept():
        client = Client()
        client.force_login(invitee)
        try:
            barrier.wait(timeout=10)
            statuses.append(client.post(f"/apply/invitations/{invitation.token}/").status_code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=accept) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert sorted(statuses) == [302, 410]
    assert Membership.objects.filter(organisation=school, user=invitee).count() == 1
    joined = AuditEntry.objects.filter(organisation=school, action=AuditAction.MEMBER_JOINED)
    assert joined.count() == 1


def test_invitation_is_for_the_address_it_was_sent_to(
    client, school, applicant_lead, frozen_invitation_clock
):
    invitation = _invite(school, applicant_lead)
    someone_else = UserFactory(email="holder.of.the.link@example.org")
    client.force_login(someone_else)

    page = client.get(f"/apply/invitations/{invitation.token}/")
    response = client.post(f"/apply/invitations/{invitation.token}/")

    assert (page.status_code, response.status_code) == (403, 403)
    assert Membership.objects.filter(user=someone_else).exists() is False
    assert Invitation.objects.get(pk=invitation.pk).accepted_at is None


def test_invitation_needs_the_address_verified(
    client, school, applicant_lead, frozen_invitation_clock
):
    invitation = _invite(school, applicant_lead)
    invitee = UserFactory(email="new.colleague@example.org")
    EmailAddress.objects.filter(user=invitee).update(verified=False)
    client.force_login(invitee)

    response = client.post(f"/apply/invitations/{invitation.token}/")

    assert response.status_code == 403
    assert Membership.objects.filter(user=invitee).exists() is False


def test_lead_revokes_an_invitation_and_it_can_no_longer_be_used(
    client, school, applicant_lead, applicant_contributor, frozen_invitation_clock
):
    invitation = _invite(school, applicant_lead)
    revoke_url = f"/apply/organisations/{school.pk}/invitations/{invitation.pk}/revoke/"
    client.force_login(applicant_contributor)
    refused = client.post(revoke_url)
    client.force_login(applicant_lead)
    revoked = client.post(revoke_url)
    invitee = UserFactory(email="new.colleague@example.org")
    client.force_login(invitee)

    accepted = client.post(f"/apply/invitations/{invitation.token}/")

    assert (refused.status_code, revoked.status_code, accepted.status_code) == (403, 302, 410)
    assert Membership.objects.filter(user=invitee).exists() is False
    assert AuditEntry.objects.filter(
        organisation=school, action=AuditAction.INVITATION_REVOKED
    ).exists()


# --- 4. "More evidence needed" can be resubmitted --------------------------------------------


def test_more_evidence_needed_is_resubmitted_from_the_check_page(
    client, in_assessment, applicant_lead, national_admin
):
    application = decide_application(
        in_assessment, admin=national_admin, now=NOW, outcome="more_evidence_needed"
    )
    client.force_login(applicant_lead)

    check = client.get(f"/apply/applications/{application.pk}/check/").content.decode()
    response = client.post(f"/apply/applications/{application.pk}/submit/", {"declaration": "on"})

    application.refresh_from_db()
    assert f"/apply/applications/{application.pk}/submit/" in check
    assert response.status_code == 302
    assert (application.status, application.assessment_round) == (
        ApplicationStatus.RESUBMITTED,
        2,
    )


# --- 5. Outcomes outside the allowed values ----------------------------------------------------


def test_a_judgement_outside_the_allowed_values_is_refused(client, assigned, assessors):
    declare(assigned, assessors["expert"])
    client.force_login(assessors["expert"])
    data = {"version": "0", "submit": "1"}
    for criterion in assigned.criteria_version.criteria.all():
        data[f"outcome-{criterion.pk}"] = "met"
        data[f"comment-{criterion.pk}"] = "Fine."
    first = assigned.criteria_version.criteria.order_by("sort_order").first()
    data[f"outcome-{first.pk}"] = "brilliant"

    response = client.post(f"/assess/applications/{assigned.pk}/", data)

    assert response.status_code == 400
    assert CriterionJudgement.objects.filter(outcome="brilliant").exists() is False
    assert CriterionJudgement.objects.filter(assessment__submitted_at__isnull=False).count() == 0


@pytest.fixture
def ready_for_decision(assigned, assessors):
    for key in ("chair", "expert", "lived"):
        declare(assigned, assessors[key])
        judge(assigned, assessors[key])
    return assigned


def _decision_data(application, **overrides):
    data = {"outcome": "award", "strengths": "Warm.", "recommendations": "Share."}
    for criterion in application.criteria_version.criteria.all():
        data[f"agreed-{criterion.pk}"] = "met"
        data[f"agreed-comment-{criterion.pk}"] = f"{criterion.code} is met."
    data.update(overrides)
    return data


@pytest.mark.parametrize("field", ["outcome", "agreed"])
def test_a_decision_or_agreed_outcome_outside_the_allowed_values_is_refused(
    client, ready_for_decision, assessors, field
):
    application = ready_for_decision
    first = application.criteria_version.criteria.order_by("sort_order").first()
    bogus = {"outcome": "outcome", "agreed": f"agreed-{first.pk}"}[field]
    client.force_login(assessors["chair"])

    response = client.post(
        f"/assess/applications/{application.pk}/decision/",
        _decision_data(application, **{bogus: "gold-star"}),
    )

    application.refresh_from_db()
    assert response.status_code == 400
    assert application.status == ApplicationStatus.IN_ASSESSMENT
    assert Decision.objects.filter(application=application).exists() is False


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (CriterionJudgement, {"outcome": "brilliant"}),
        (AgreedOutcome, {"outcome": "brilliant", "comment": "x"}),
        (Decision, {"outcome": "gold-star"}),
    ],
    ids=["judgement", "agreed outcome", "decision"],
)
def test_the_database_refuses_outcomes_outside_the_allowed_values(
    ready_for_decision, assessors, model, fields
):
    application = ready_for_decision
    criterion = application.criteria_version.criteria.order_by("sort_order").first()
    links = {
        CriterionJudgement: lambda: {
            "assessment": application.assessments.first(),
            "criterion": application.criteria_version.criteria.order_by("-sort_order").first(),
        },
        AgreedOutcome: lambda: {"application": application, "criterion": criterion},
        Decision: lambda: {
            "application": application,
            "decided_by": assessors["chair"],
            "decided_at": NOW,
        },
    }[model]()
    if model is CriterionJudgement:
        CriterionJudgement.objects.filter(**links).delete()

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.create(**links, **fields)


# --- 6. The panel opens the evidence it judges -------------------------------------------------


def test_panel_member_who_declared_no_conflict_downloads_the_evidence(client, assigned, assessors):
    evidence = _file_evidence(assigned)
    url = f"/apply/evidence/{evidence.pk}/download/"
    client.force_login(assessors["lived"])
    before_declaring = client.get(url).status_code
    declare(assigned, assessors["lived"])

    response = client.get(url)

    assert (before_declaring, response.status_code) == (404, 200)
    assert b"".join(response.streaming_content) == b"%PDF-1.4\n"


# --- 7. Section titles in Welsh ---------------------------------------------------------------


def test_section_titles_follow_the_language_of_the_request(client, application, applicant_lead):
    client.force_login(applicant_lead)
    client.cookies["django_language"] = "cy"

    page = client.get(f"/apply/applications/{application.pk}/about/").content.decode()

    assert "Am eich sefydliad" in page
