import datetime

import pytest
from django.core import mail

from audit.models import AuditEntry
from awards.enums import ApplicationStatus
from awards.models import Application
from awards.selectors import application_task_list
from awards.services import applications as application_services
from awards.workflow import TransitionNotAllowed
from core import errors as errors
from organisations.enums import MembershipRole
from organisations.models import Invitation, Membership
from organisations.services import teams as team_services
from tests.conftest import NOW
from tests.factories import UserFactory, complete_application


def test_application_is_pinned_to_the_published_version(application, schools):
    assert application.criteria_version == schools.versions.get(status="published")
    assert application.status == ApplicationStatus.DRAFT
    assert application.reference.startswith("SOS-2026-")


def test_a_second_open_application_for_the_same_stream_is_refused(
    application, school, schools, applicant_lead
):
    with pytest.raises(errors.ServiceError, match="already have an application"):
        application_services.application_start(
            organisation=school, stream=schools, user=applicant_lead, now=NOW
        )


def test_answer_save_refuses_a_stale_version(application, applicant_lead, applicant_contributor):
    criterion = application.criteria_version.criteria.get(code="L1")
    application_services.answer_save(
        application=application,
        criterion=criterion,
        user=applicant_lead,
        expected_version=0,
        narrative="Lead's text",
        self_assessment="met",
        evidence_ids=[],
        now=NOW,
    )

    with pytest.raises(errors.StaleWrite) as stale:
        application_services.answer_save(
            application=application,
            criterion=criterion,
            user=applicant_contributor,
            expected_version=0,
            narrative="Contributor's text",
            self_assessment="",
            evidence_ids=[],
            now=NOW,
        )

    assert stale.value.current.narrative == "Lead's text"
    assert application.answers.get(criterion=criterion).narrative == "Lead's text"


def test_answer_over_the_length_limit_is_refused(application, applicant_lead):
    criterion = application.criteria_version.criteria.get(code="L1")

    with pytest.raises(errors.ServiceError, match="limit is 500"):
        application_services.answer_save(
            application=application,
            criterion=criterion,
            user=applicant_lead,
            expected_version=0,
            narrative="x" * 501,
            self_assessment="",
            evidence_ids=None,
            now=NOW,
        )


def test_submit_needs_every_task(application, applicant_lead):
    with pytest.raises(errors.ServiceError, match="Complete every task"):
        application_services.application_submit(
            application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
        )


def test_prerequisite_needs_evidence_to_be_complete(application, applicant_lead):
    complete_application(application, user=applicant_lead, evidence=False)

    task_list = application_task_list(application)

    statuses = {task.key: task.status for task in task_list.tasks}
    assert statuses["P1"] == "in_progress"
    assert statuses["L1"] == "completed"
    assert task_list.all_complete is False


def test_submitting_twice_submits_once_and_emails_team_and_coordinator(
    application, applicant_lead, schools, stream_coordinator, django_capture_on_commit_callbacks
):
    schools.coordinators.add(stream_coordinator)
    complete_application(application, user=applicant_lead)

    with django_capture_on_commit_callbacks(execute=True):
        first = application_services.application_submit(
            application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
        )
        with pytest.raises(TransitionNotAllowed):
            application_services.application_submit(
                application=first, user=applicant_lead, now=NOW, base_url="http://testserver"
            )

    assert first.status == ApplicationStatus.SUBMITTED
    assert (
        AuditEntry.objects.filter(application=application, action="application_submitted").count()
        == 1
    )
    recipients = sorted(address for message in mail.outbox for address in message.to)
    assert recipients == sorted(
        [
            "applicant.lead@example.org",
            "applicant.contributor@example.org",
            "stream.coordinator@example.org",
        ]
    )
    assert application.reference in mail.outbox[0].subject


def test_submitted_application_is_read_only(application, applicant_lead):
    complete_application(application, user=applicant_lead)
    application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    criterion = application.criteria_version.criteria.get(code="L1")
    answer = application.answers.get(criterion=criterion)

    with pytest.raises(errors.ServiceError, match="can no longer be changed"):
        application_services.answer_save(
            application=application,
            criterion=criterion,
            user=applicant_lead,
            expected_version=answer.version,
            narrative="Changed",
            self_assessment="met",
            evidence_ids=None,
            now=NOW,
        )


def test_last_lead_cannot_leave(school, applicant_lead):
    membership = Membership.objects.get(organisation=school, user=applicant_lead)

    with pytest.raises(errors.ServiceError, match="at least one applicant lead"):
        team_services.membership_remove(membership=membership, removed_by=applicant_lead, now=NOW)

    assert Membership.objects.filter(pk=membership.pk).exists()


def test_invitation_accept_and_expiry(school, applicant_lead, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        invitation = team_services.invitation_send(
            organisation=school,
            email="New.Colleague@example.org",
            role=MembershipRole.CONTRIBUTOR,
            invited_by=applicant_lead,
            now=NOW,
            base_url="http://testserver",
        )
    assert mail.outbox[0].to == ["new.colleague@example.org"]
    assert f"/apply/invitations/{invitation.token}/" in mail.outbox[0].body
    colleague = UserFactory(email="new.colleague@example.org")

    late = NOW + datetime.timedelta(days=15)
    with pytest.raises(errors.ServiceError, match="expired"):
        team_services.invitation_accept(token=invitation.token, user=colleague, now=late)

    membership = team_services.invitation_accept(token=invitation.token, user=colleague, now=NOW)
    assert membership.role == MembershipRole.CONTRIBUTOR
    with pytest.raises(errors.ServiceError, match="already been used"):
        team_services.invitation_accept(token=invitation.token, user=colleague, now=NOW)
    assert Invitation.objects.get(pk=invitation.pk).accepted_by == colleague


def test_withdraw_records_the_reason(application, applicant_lead):
    application_services.application_withdraw(
        application=application, user=applicant_lead, now=NOW, reason="We will apply next year."
    )

    application.refresh_from_db()
    assert application.status == ApplicationStatus.WITHDRAWN
    assert (
        AuditEntry.objects.get(application=application, action="application_withdrawn").note
        == "We will apply next year."
    )
    # A withdrawn application no longer blocks a new one.
    assert Application.objects.filter(organisation=application.organisation).count() == 1


def test_signed_pledge_counts_as_evidence_where_the_criterion_says_so(application, applicant_lead):
    prerequisite = application.criteria_version.criteria.get(code="P1")
    prerequisite.pledge_is_evidence = True
    prerequisite.save()
    complete_application(application, user=applicant_lead, evidence=False)
    application.refresh_from_db()

    statuses = {task.key: task.status for task in application_task_list(application).tasks}

    assert statuses["P1"] == "completed"
