import datetime
import io

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from audit import services as audit
from audit.enums import AuditAction
from audit.models import AuditEntry
from awards.models import Application, Award, CriterionAnswer, Decision
from awards.services import applications as application_services
from organisations.models import EvidenceItem
from panels.models import AssessorProfile, Panel, PanelMember
from privacy.models import RetentionRun
from privacy.retention import retention_apply, retention_plan
from tests.conftest import NOW
from tests.factories import (
    UserFactory,
    assessment_panel,
    complete_application,
    decide_application,
)

YEAR = datetime.timedelta(days=365)


def _file_evidence(application, *, user, title="Photos of our welcome week"):
    item = EvidenceItem(
        organisation=application.organisation,
        kind="file",
        title=title,
        file_name="welcome.jpg",
        scan_status="clean",
        uploaded_by=user,
    )
    item.file.save("welcome.jpg", ContentFile(b"a photo"), save=False)
    item.save()
    for answer in CriterionAnswer.objects.filter(application=application):
        answer.evidence.add(item)
    return item


def _decided(application, *, applicant_lead, national_admin, outcome):
    complete_application(application, user=applicant_lead)
    application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    return decide_application(application, admin=national_admin, now=NOW, outcome=outcome)


@pytest.fixture
def unsuccessful(application, applicant_lead, national_admin):
    return _decided(
        application,
        applicant_lead=applicant_lead,
        national_admin=national_admin,
        outcome="not_yet_awarded",
    )


@pytest.fixture
def awarded(application, applicant_lead, national_admin):
    return _decided(
        application, applicant_lead=applicant_lead, national_admin=national_admin, outcome="award"
    )


def test_retention_draft_untouched_two_years_is_deleted(application):
    Application.objects.filter(pk=application.pk).update(updated_at=NOW)

    assert retention_plan(now=NOW + 2 * YEAR - datetime.timedelta(days=1)).drafts == []
    plan = retention_apply(now=NOW + 2 * YEAR + datetime.timedelta(days=1))

    assert plan.drafts == [application.pk]
    assert Application.objects.filter(pk=application.pk).exists() is False
    # Its audit trail stays, detached from the deleted row.
    assert AuditEntry.objects.filter(action=AuditAction.APPLICATION_STARTED).count() == 1


def test_retention_unsuccessful_loses_personal_data_keeps_decision(unsuccessful, applicant_lead):
    item = _file_evidence(unsuccessful, user=applicant_lead)
    stored = item.file.name
    decided_at = Decision.objects.get(application=unsuccessful).decided_at

    assert retention_plan(now=decided_at + 3 * YEAR - datetime.timedelta(days=1)).unsuccessful == []
    plan = retention_apply(now=decided_at + 3 * YEAR + datetime.timedelta(days=1))

    unsuccessful.refresh_from_db()
    assert plan.unsuccessful == [unsuccessful.pk]
    assert (
        unsuccessful.senior_signatory_name,
        unsuccessful.organisation_context,
        unsuccessful.answers.count(),
    ) == ("", "", 0)
    assert EvidenceItem.objects.filter(pk=item.pk).exists() is False
    assert item.file.storage.exists(stored) is False
    assert Decision.objects.filter(application=unsuccessful).exists() is True
    assert unsuccessful.agreed_outcomes.count() > 0


def test_retention_awarded_evidence_goes_after_award_end_plus_cycle(awarded, applicant_lead):
    item = _file_evidence(awarded, user=applicant_lead)
    award = Award.objects.get(application=awarded)
    end = timezone.make_aware(datetime.datetime.combine(award.expires_on, datetime.time(12)))

    early = retention_plan(now=end + 3 * YEAR - datetime.timedelta(days=2))
    assert item.pk not in early.awarded_evidence
    plan = retention_apply(now=end + 3 * YEAR + datetime.timedelta(days=2))

    assert item.pk in plan.awarded_evidence
    assert EvidenceItem.objects.filter(pk=item.pk).exists() is False
    # The decision, the award and the application stay: the register is intact.
    assert Award.objects.filter(pk=award.pk, certificate_number=award.certificate_number).exists()
    assert Decision.objects.filter(application=awarded).exists() is True
    assert plan.unsuccessful == []


def test_retention_awarded_evidence_reused_by_a_later_application_stays(
    awarded, applicant_lead, school, schools
):
    item = _file_evidence(awarded, user=applicant_lead)
    award = Award.objects.get(application=awarded)
    renewal = Application.objects.create(
        organisation=school,
        stream=schools,
        criteria_version=awarded.criteria_version,
        reference="SCH-RENEWAL-1",
        created_at=NOW,
    )
    answer = CriterionAnswer.objects.create(
        application=renewal, criterion=awarded.criteria_version.criteria.first()
    )
    answer.evidence.add(item)
    end = timezone.make_aware(datetime.datetime.combine(award.expires_on, datetime.time(12)))

    plan = retention_plan(now=end + 3 * YEAR + datetime.timedelta(days=2))

    assert item.pk not in plan.awarded_evidence


@pytest.fixture
def former_assessor(schools, national_admin):
    panel = assessment_panel(schools, prefix="old")
    Panel.objects.filter(pk=panel.pk).update(meeting_date=NOW.date())
    member = PanelMember.objects.get(panel=panel, role="lived_experience")
    member.user.first_name, member.user.last_name = "Amina", "Haddad"
    member.user.save()
    audit.record(
        action=AuditAction.PANEL_MEMBER_ADDED,
        created_at=NOW,
        actor=national_admin,
        note=f"{member.user} (lived_experience)",
        data={"panel": panel.pk, "member": member.pk},
    )
    return member.user


def test_retention_lived_experience_assessor_pseudonymised_after_a_year(former_assessor):
    assert retention_plan(now=NOW + YEAR - datetime.timedelta(days=1)).assessors == []

    plan = retention_apply(now=NOW + YEAR + datetime.timedelta(days=1))

    former_assessor.refresh_from_db()
    name = f"Former assessor {former_assessor.pk}"
    assert plan.assessors == [former_assessor.pk]
    assert AssessorProfile.objects.filter(user=former_assessor).exists() is False
    assert str(former_assessor) == name
    assert "Amina" not in former_assessor.email
    entry = AuditEntry.objects.get(action=AuditAction.PANEL_MEMBER_ADDED)
    assert entry.note == f"{name} (lived_experience)"
    # The seat stays, so the old panel still reads, under the pseudonym.
    assert PanelMember.objects.filter(user=former_assessor).count() == 1


def test_retention_assessor_who_stays_on_is_kept(former_assessor):
    AssessorProfile.objects.filter(user=former_assessor).update(stays_on=True)

    plan = retention_apply(now=NOW + 2 * YEAR)

    assert plan.assessors == []
    assert AssessorProfile.objects.filter(user=former_assessor).exists() is True


def test_retention_names_nothing_recent(unsuccessful, former_assessor):
    users_before = UserFactory._meta.model.objects.count()

    plan = retention_apply(now=NOW + datetime.timedelta(days=30))

    assert plan.counts() == {
        "drafts": 0,
        "unsuccessful": 0,
        "awarded_evidence": 0,
        "assessors": 0,
    }
    assert UserFactory._meta.model.objects.count() == users_before


@pytest.mark.parametrize("years", [1, 4, 8])
def test_retention_dry_run_agrees_with_real_run(
    years, unsuccessful, former_assessor, applicant_lead
):
    _file_evidence(unsuccessful, user=applicant_lead)
    moment = NOW + years * YEAR

    dry = retention_apply(now=moment, dry_run=True)
    assert RetentionRun.objects.count() == 0
    real = retention_apply(now=moment)

    assert real == dry
    assert RetentionRun.objects.get().counts == dry.counts()
    assert retention_plan(now=moment).counts() == dict.fromkeys(dry.counts(), 0)


def test_apply_retention_command_prints_each_rule(former_assessor):
    out = io.StringIO()

    call_command("apply_retention", "--dry-run", "--now", (NOW + 2 * YEAR).isoformat(), stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[:4] == [
        "Draft applications untouched (drafts): 0 would go",
        "Unsuccessful applications after the decision (unsuccessful): 0 would go",
        "Evidence of awards that ended (awarded_evidence): 0 would go",
        "Lived-experience assessors after their last panel (assessors): 1 would go: "
        f"{former_assessor.pk}",
    ]
    assert AssessorProfile.objects.filter(user=former_assessor).exists() is True


def test_apply_retention_is_scheduled_daily(settings):
    assert {"name": "Personal data retention", "command": "apply_retention", "at": "03:30"} in (
        settings.SANCTUARY_SCHEDULE
    )
