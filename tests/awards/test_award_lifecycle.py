"""Awards: made by a released award decision, renewed, withdrawn, and moved along by the daily
lifecycle job under a controlled clock."""

import datetime
import re

import pytest
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.enums import AuditAction
from audit.models import AuditEntry
from awards import lifecycle
from awards.enums import ApplicationStatus, AwardStatus
from awards.lifecycle import LifecycleError, process_awards
from awards.models import Application, Award, AwardReminder, Condition
from awards.models.awards import new_certificate_number
from awards.services import applications as application_services
from awards.services import awards as award_services
from awards.services import conditions as condition_services
from awards.services import renewal as renewal_services
from awards.services import triage as triage_services
from awards.workflow import TransitionNotAllowed
from core import errors as errors
from panels.services import assessment as assessment_services
from tests.conftest import NOW
from tests.factories import complete_application, decide_application

pytestmark = pytest.mark.django_db


def at(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))


@pytest.fixture
def submitted(application, applicant_lead):
    complete_application(application, user=applicant_lead)
    return application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )


@pytest.fixture
def award(submitted, national_admin):
    decide_application(submitted, admin=national_admin, now=NOW)
    return Award.objects.get(application=submitted)


def test_award_decision_release_creates_the_award(award, schools):
    assert award.status == AwardStatus.ACTIVE
    assert award.awarded_on == NOW.date()
    assert award.expires_on == datetime.date(2029, 3, 2)  # the stream's 3 years
    assert award.criteria_version_id == award.application.criteria_version_id
    assert re.fullmatch(
        r"[A-Z]{1,4}-2026-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}", award.certificate_number
    )
    assert AuditEntry.objects.filter(award=award, action=AuditAction.AWARD_CREATED).exists()


@pytest.mark.parametrize("outcome", ["not_yet_awarded", "more_evidence_needed"])
def test_other_outcomes_make_no_award(submitted, national_admin, outcome):
    decide_application(submitted, admin=national_admin, now=NOW, outcome=outcome)
    assert not Award.objects.exists()


def test_award_with_conditions_is_marked(submitted, national_admin):
    decide_application(
        submitted,
        admin=national_admin,
        now=NOW,
        outcome="award_with_conditions",
        conditions=[("Train the front desk.", datetime.date(2026, 9, 1))],
    )
    assert Award.objects.get().with_conditions


def test_certificate_numbers_are_distinct_and_unguessable():

    numbers = {new_certificate_number("SOS", 2026) for _ in range(2000)}
    assert len(numbers) == 2000


def test_more_evidence_needed_starts_a_fresh_round_with_the_same_panel(
    submitted, national_admin, applicant_lead
):
    application = decide_application(
        submitted, admin=national_admin, now=NOW, outcome="more_evidence_needed"
    )
    panel_id = application.panel_id
    application = application_services.application_submit(
        application=application, user=applicant_lead, now=NOW, base_url="http://testserver"
    )
    assert application.assessment_round == 2
    application = triage_services.application_accept(
        application=application, user=national_admin, now=NOW
    )
    assert application.panel_id == panel_id
    chair = application.panel.members.get(is_chair=True)
    # The first round's judgements do not count: the chair cannot decide yet.
    with pytest.raises(errors.ServiceError, match="Submit your own judgements first"):
        assessment_services.decision_record(
            application=application,
            chair=chair,
            agreed={},
            outcome="award",
            strengths="",
            recommendations="",
            conditions=[],
            evidence_needed="",
            evidence_due_date=None,
            now=NOW,
        )
    application = decide_application(application, admin=national_admin, now=NOW)
    assert application.status == ApplicationStatus.AWARDED
    assert application.assessments.filter(round=2, submitted_at__isnull=False).count() == 3


# --- Renewal ----------------------------------------------------------------------------------


def test_renewal_starts_prefilled_and_only_once(award, applicant_lead):
    later = at(datetime.date(2028, 10, 1))
    renewal = renewal_services.renewal_start(award=award, user=applicant_lead, now=later)
    previous = award.application
    assert renewal.renewal_of == award
    assert renewal.organisation_context == previous.organisation_context
    old = {a.criterion.code: a for a in previous.answers.select_related("criterion")}
    new = list(renewal.answers.select_related("criterion").prefetch_related("evidence"))
    assert len(new) == len(old)
    for answer in new:
        assert answer.narrative == old[answer.criterion.code].narrative
        assert {e.pk for e in answer.evidence.all()} == {
            e.pk for e in old[answer.criterion.code].evidence.all()
        }
    with pytest.raises(errors.ServiceError):
        renewal_services.renewal_start(award=award, user=applicant_lead, now=later)
    assert Application.objects.filter(renewal_of=award).count() == 1


def _renew(award, applicant_lead, day):
    renewal = renewal_services.renewal_start(award=award, user=applicant_lead, now=at(day))
    renewal.progress_since_award = "We trained every member of staff."
    renewal.senior_endorsed_on = day
    renewal.consent_confirmed = True
    renewal.senior_signatory_name = "A. Head"
    renewal.senior_signatory_role = "Head teacher"
    renewal.save()
    return application_services.application_submit(
        application=renewal, user=applicant_lead, now=at(day), base_url="http://testserver"
    )


def test_renewal_submitted_in_time_keeps_the_award_until_the_decision(
    award, applicant_lead, national_admin
):
    renewal = _renew(award, applicant_lead, datetime.date(2029, 1, 10))
    award.refresh_from_db()
    assert award.status == AwardStatus.IN_RENEWAL
    process_awards(today=datetime.date(2029, 3, 5))  # past expiry
    award.refresh_from_db()
    assert award.status == AwardStatus.IN_RENEWAL
    assert Award.objects.in_register().filter(pk=award.pk).exists()
    decide_application(renewal, admin=national_admin, now=at(datetime.date(2029, 3, 20)))
    award.refresh_from_db()
    new = Award.objects.get(application=renewal)
    assert award.status == AwardStatus.RENEWED
    assert award.renewed_by == new
    assert new.expires_on == datetime.date(2032, 3, 20)


def test_renewal_not_awarded_after_expiry_lapses_the_award(award, applicant_lead, national_admin):
    renewal = _renew(award, applicant_lead, datetime.date(2029, 1, 10))
    decide_application(
        renewal, admin=national_admin, now=at(datetime.date(2029, 4, 1)), outcome="not_yet_awarded"
    )
    award.refresh_from_db()
    assert award.status == AwardStatus.LAPSED


def test_renewal_withdrawn_before_expiry_returns_to_renewal_due(award, applicant_lead):
    renewal = _renew(award, applicant_lead, datetime.date(2029, 1, 10))
    application_services.application_withdraw(
        application=renewal, user=applicant_lead, now=at(datetime.date(2029, 1, 20)), reason="x"
    )
    award.refresh_from_db()
    assert award.status == AwardStatus.RENEWAL_DUE


# --- Withdrawal -------------------------------------------------------------------------------


def test_withdrawal_needs_a_reason_and_emails_the_team(
    award, national_admin, django_capture_on_commit_callbacks
):
    with pytest.raises(errors.ServiceError, match="reason"):
        award_services.award_withdraw(award=award, user=national_admin, now=NOW, reason="  ")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        award_services.award_withdraw(
            award=award, user=national_admin, now=NOW, reason="Serious safeguarding concern."
        )
    award.refresh_from_db()
    assert award.status == AwardStatus.WITHDRAWN
    assert award.withdrawn_reason == "Serious safeguarding concern."
    assert not Award.objects.in_register().exists()
    assert len(mail.outbox) == 1 and "withdrawn" in mail.outbox[0].subject
    with pytest.raises(TransitionNotAllowed):
        award_services.award_withdraw(award=award, user=national_admin, now=NOW, reason="again")


# --- The lifecycle job ------------------------------------------------------------------------


def _travel(start: datetime.date, end: datetime.date, step_days: int = 1):
    day = start
    while day <= end:
        process_awards(today=day)
        day += datetime.timedelta(days=step_days)


def test_travelling_forward_sends_each_reminder_once_then_lapses(
    award, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _travel(datetime.date(2028, 8, 25), datetime.date(2029, 3, 10), step_days=3)
    award.refresh_from_db()
    reminders = dict(
        AwardReminder.objects.filter(award=award).values_list("months_before", "sent_on")
    )
    assert set(reminders) == {6, 3, 1}
    assert reminders[6] == datetime.date(2028, 9, 3)  # first run on or after 2 September
    assert reminders[1] == datetime.date(2029, 2, 3)  # first run on or after 2 February
    reminder_mails = [m for m in mail.outbox if "time to renew" in m.subject]
    assert len(reminder_mails) == 3
    assert reminder_mails[0].to == ["applicant.lead@example.org"]
    # The reminder links to the award's own card on the dashboard, where renewal starts.
    assert f"/apply/#award-{award.pk}" in reminder_mails[0].body
    assert award.status == AwardStatus.LAPSED
    assert award.ended_on == datetime.date(2029, 3, 2)
    assert not Award.objects.in_register().exists()


def test_running_twice_for_a_day_changes_and_sends_nothing(
    award, django_capture_on_commit_callbacks
):
    day = datetime.date(2028, 9, 10)
    with django_capture_on_commit_callbacks(execute=True):
        first = process_awards(today=day)
    assert first.reminders == 1 and first.renewal_due == 1
    entries = AuditEntry.objects.count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        second = process_awards(today=day)
    assert second.already_ran
    assert (second.reminders, second.renewal_due, second.lapsed) == (0, 0, 0)
    assert AuditEntry.objects.count() == entries
    assert mail.outbox == []


def test_a_day_in_the_past_is_refused(award):
    process_awards(today=datetime.date(2028, 9, 10))
    with pytest.raises(LifecycleError):
        process_awards(today=datetime.date(2028, 9, 9))
    with pytest.raises(CommandError, match="earlier day"):
        call_command("process_awards", "--today", "2028-09-01")
    with pytest.raises(CommandError, match="date like"):
        call_command("process_awards", "--today", "next tuesday")


def test_jumping_past_several_offsets_sends_only_the_latest(award):
    process_awards(today=datetime.date(2029, 2, 15))
    assert list(AwardReminder.objects.values_list("months_before", flat=True)) == [1]
    process_awards(today=datetime.date(2029, 2, 20))
    assert AwardReminder.objects.count() == 1


def test_overdue_conditions_are_flagged_once(submitted, national_admin):
    decide_application(
        submitted,
        admin=national_admin,
        now=NOW,
        outcome="award_with_conditions",
        conditions=[("Train the front desk.", datetime.date(2026, 9, 1))],
    )
    assert process_awards(today=datetime.date(2026, 9, 1)).conditions_flagged == 0
    assert process_awards(today=datetime.date(2026, 9, 2)).conditions_flagged == 1
    assert process_awards(today=datetime.date(2026, 9, 3)).conditions_flagged == 0
    condition = Condition.objects.get()
    assert condition.overdue_flagged_on == datetime.date(2026, 9, 2)
    assert AuditEntry.objects.filter(action=AuditAction.CONDITION_OVERDUE).count() == 1


def test_condition_answer_and_mark_met(submitted, national_admin, applicant_lead):
    decide_application(
        submitted,
        admin=national_admin,
        now=NOW,
        outcome="award_with_conditions",
        conditions=[("Train the front desk.", datetime.date(2026, 9, 1))],
    )
    condition = Condition.objects.get()
    item = submitted.organisation.evidence.first()
    with pytest.raises(errors.ServiceError):
        condition_services.condition_answer(
            condition=condition, user=applicant_lead, now=NOW, response=" ", evidence_ids=[]
        )
    condition_services.condition_answer(
        condition=condition,
        user=applicant_lead,
        now=NOW,
        response="All reception staff trained in May.",
        evidence_ids=[item.pk],
    )
    condition_services.condition_mark_met(condition=condition, user=national_admin, now=NOW)
    condition.refresh_from_db()
    assert condition.met_at == NOW and condition.met_by == national_admin
    with pytest.raises(errors.ServiceError, match="already"):
        condition_services.condition_mark_met(condition=condition, user=national_admin, now=NOW)
    assert process_awards(today=datetime.date(2026, 10, 1)).conditions_flagged == 0


def test_lifecycle_queries_grow_per_batch_not_per_award(award, monkeypatch):
    """Twice the awards in one batch costs the same number of queries."""

    def clone(count):
        base = Award.objects.get(pk=award.pk)
        apps = []
        for n in range(count):
            app = Application.objects.create(
                organisation=base.organisation,
                stream=base.stream,
                criteria_version=base.criteria_version,
                reference=f"CLONE-{count}-{n}",
                status=ApplicationStatus.AWARDED,
                submitted_at=NOW,
                created_at=NOW,
            )
            apps.append(app)
        Award.objects.bulk_create(
            Award(
                organisation=base.organisation,
                stream=base.stream,
                application=app,
                criteria_version=base.criteria_version,
                certificate_number=f"T-{count}-{n}",
                awarded_on=base.awarded_on,
                expires_on=base.expires_on,
            )
            for n, app in enumerate(apps)
        )

    monkeypatch.setattr(lifecycle, "BATCH_SIZE", 1000)
    clone(5)
    with CaptureQueriesContext(connection) as small:
        process_awards(today=datetime.date(2028, 9, 10))
    clone(40)
    with CaptureQueriesContext(connection) as large:
        process_awards(today=datetime.date(2028, 9, 11))
    # The second day repeats no reminder for the first award but sends 40 new ones.
    assert AwardReminder.objects.count() == 1 + 5 + 40
    assert len(large) <= len(small) + 2
