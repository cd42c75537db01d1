"""Consensus, decision and release: the rules that protect a fair decision."""

import datetime

import pytest
from django.core import mail
from django.template.loader import render_to_string

from awards.enums import ApplicationStatus
from awards.models import Application, Decision
from awards.services import decisions as decision_services
from awards.workflow import TransitionNotAllowed
from core import errors as errors
from panels.documents import feedback_letter_context
from panels.models import Panel, PanelMember
from panels.selectors import panel_as_applicants_see_it
from panels.services import assessment as assessment_services
from panels.services import membership as membership_services
from tests.conftest import NOW


@pytest.fixture
def panel_ready(in_assessment, schools, assessors, national_admin):

    panel = Panel.objects.create(stream=schools, name="Spring panel")
    PanelMember.objects.create(
        panel=panel, user=assessors["chair"], role="sector_expert", is_chair=True
    )
    PanelMember.objects.create(panel=panel, user=assessors["expert"], role="sector_expert")
    PanelMember.objects.create(panel=panel, user=assessors["lived"], role="lived_experience")
    return membership_services.panel_assign_application(
        panel=panel, application=in_assessment, user=national_admin, now=NOW
    )


def _submit_all(application, members):
    criteria = list(application.criteria_version.criteria.all())
    for member in members:
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


def _agreed(application):
    return {
        c.pk: ("met", f"The panel agreed {c.code} is met.")
        for c in application.criteria_version.criteria.all()
    }


def _record(application, chair, **overrides):
    arguments = {
        "application": application,
        "chair": chair,
        "agreed": _agreed(application),
        "outcome": "award",
        "strengths": "A warm welcome everywhere.",
        "recommendations": "Share your practice.",
        "conditions": [],
        "evidence_needed": "",
        "evidence_due_date": None,
        "now": NOW,
    }
    arguments.update(overrides)
    return assessment_services.decision_record(**arguments)


def test_decision_needs_every_member_to_have_submitted(panel_ready):
    members = list(panel_ready.panel.members.all())
    chair = next(m for m in members if m.is_chair)
    _submit_all(panel_ready, members[:2])

    with pytest.raises(errors.ServiceError, match="waiting for 1"):
        _record(panel_ready, chair)

    assert not Decision.objects.exists()


def test_decision_refused_with_incomplete_panel(panel_ready):
    members = list(panel_ready.panel.members.all())
    chair = next(m for m in members if m.is_chair)
    _submit_all(panel_ready, members)
    panel_ready.panel.members.get(role="lived_experience").delete()

    with pytest.raises(membership_services.CompositionError):
        _record(panel_ready, chair)


def test_only_the_chair_records(panel_ready):
    members = list(panel_ready.panel.members.all())
    _submit_all(panel_ready, members)
    not_chair = next(m for m in members if not m.is_chair)

    with pytest.raises(errors.ServiceError, match="Only the panel's chair"):
        _record(panel_ready, not_chair)


def test_condition_without_due_date_is_refused(panel_ready):
    members = list(panel_ready.panel.members.all())
    chair = next(m for m in members if m.is_chair)
    _submit_all(panel_ready, members)

    with pytest.raises(errors.ServiceError, match="due date"):
        _record(
            panel_ready,
            chair,
            outcome="award_with_conditions",
            conditions=[("Publish the pledge on the website.", None)],
        )


def test_releasing_an_undecided_application_is_refused(panel_ready, national_admin):
    with pytest.raises(errors.ServiceError, match="no decision"):
        decision_services.decision_release(
            application=panel_ready, user=national_admin, now=NOW, base_url="http://testserver"
        )


def test_record_release_and_applicant_sees_it_without_lived_experience_name(
    client, panel_ready, national_admin, applicant_lead, django_capture_on_commit_callbacks
):
    members = list(panel_ready.panel.members.all())
    chair = next(m for m in members if m.is_chair)
    _submit_all(panel_ready, members)
    due = datetime.date(2027, 6, 1)
    recorded = _record(
        panel_ready,
        chair,
        outcome="award_with_conditions",
        conditions=[("Publish the pledge on the website.", due)],
    )
    assert recorded.status == ApplicationStatus.DECISION_PENDING

    client.force_login(applicant_lead)
    before = client.get(f"/apply/applications/{panel_ready.pk}/").content.decode()
    assert "Publish the pledge" not in before  # pending decisions stay with the panel

    with pytest.raises(TransitionNotAllowed):  # recording twice is refused
        _record(recorded, chair)

    with django_capture_on_commit_callbacks(execute=True):
        released = decision_services.decision_release(
            application=recorded, user=national_admin, now=NOW, base_url="http://testserver"
        )
    assert released.status == ApplicationStatus.AWARDED_WITH_CONDITIONS
    assert "decision" in mail.outbox[-1].subject

    page = client.get(f"/apply/applications/{panel_ready.pk}/").content.decode()
    assert "Award with conditions" in page
    assert "Publish the pledge on the website." in page
    assert "The panel agreed L1 is met." in page
    assert "Panel member 3 (lived experience)" in page
    assert "Lived Assessor" not in page
    assert "Chair Assessor" in page


def test_lived_experience_member_who_opted_in_is_named(panel_ready, national_admin):

    lived = panel_ready.panel.members.get(role="lived_experience")
    lived.user.assessor_profile.named_to_applicants = True
    lived.user.assessor_profile.save()

    names = panel_as_applicants_see_it(panel_ready)

    assert any("Lived Assessor" in name for name in names)


def test_feedback_letter_is_a_pdf_for_the_team_once_released(
    client, panel_ready, national_admin, applicant_lead, other_organisation_lead
):

    members = list(panel_ready.panel.members.all())
    chair = next(m for m in members if m.is_chair)
    _submit_all(panel_ready, members)
    url = f"/apply/applications/{panel_ready.pk}/feedback-letter.pdf"
    recorded = _record(panel_ready, chair)
    client.force_login(applicant_lead)
    assert client.get(url).status_code == 404  # not released yet

    decision_services.decision_release(
        application=recorded, user=national_admin, now=NOW, base_url="http://testserver"
    )
    response = client.get(url)
    released = Application.objects.get(pk=panel_ready.pk)
    html = render_to_string("awards/pdf/feedback_letter.html", feedback_letter_context(released))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert "Panel member 3 (lived experience)" in html
    assert "Lived Assessor" not in html
    client.force_login(other_organisation_lead)
    assert client.get(url).status_code == 404


def test_the_decision_form_waits_until_every_member_has_submitted(client, panel_ready):
    """Issue 12: while a member is still judging, the chair reads who is waiting and no form
    that could not yet be submitted; once everyone has, the form is there."""
    members = list(panel_ready.panel.members.all())
    chair = next(m for m in members if m.is_chair)
    _submit_all(panel_ready, [m for m in members if m.role != "lived_experience"])
    client.force_login(chair.user)
    url = f"/assess/applications/{panel_ready.pk}/decision/"

    waiting = client.get(url).content.decode()

    assert "Waiting for 1 member to submit their judgements." in waiting
    assert 'name="outcome"' not in waiting

    _submit_all(panel_ready, [m for m in members if m.role == "lived_experience"])
    ready = client.get(url).content.decode()

    assert "Waiting for" not in ready
    assert 'name="outcome"' in ready
