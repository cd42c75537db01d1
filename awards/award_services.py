"""Writes for what happens after the panel: awards, conditions, renewal and withdrawal, plus
the panel's meeting record and assessors' payments.

The same conventions as awards/services.py: keyword-only arguments, atomic, "now" from the
caller, ``ServiceError`` for what the user must be told, status changes through
awards/workflow.py only.
"""

import datetime
import decimal

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from awards.dates import add_years
from awards.enums import (
    CURRENT_AWARD_STATUSES,
    ApplicationStatus,
    AuditAction,
    AwardStatus,
    PaymentKind,
)
from awards.models import (
    Application,
    AuditEntry,
    Award,
    Condition,
    CriterionAnswer,
    PanelMeeting,
    PanelMember,
    Payment,
)
from awards.models.awards import new_certificate_number
from awards.services import ServiceError, _email_team, application_start, award_initials
from awards.workflow import AwardAction, award_transition
from cms.page_cache import page_cache_clear
from cms.tasks import send_email

# --- Awards -----------------------------------------------------------------------------------


def award_create(*, application: Application, decision, actor: User, now: datetime.datetime):
    """Make the award for an application whose award decision is being released. Called
    inside the release transition, so it commits or rolls back with it. A renewal moves the
    award it renews to "renewed"."""
    awarded_on = now.date()
    stream = application.stream
    for _attempt in range(5):
        number = new_certificate_number(award_initials(stream), awarded_on.year)
        if not Award.objects.filter(certificate_number=number).exists():
            break
    award = Award.objects.create(
        organisation_id=application.organisation_id,
        stream=stream,
        application=application,
        criteria_version_id=application.criteria_version_id,
        certificate_number=number,
        awarded_on=awarded_on,
        expires_on=add_years(awarded_on, stream.renewal_period_years),
        with_conditions=decision.outcome == "award_with_conditions",
    )
    AuditEntry.objects.create(
        award=award,
        application=application,
        organisation_id=application.organisation_id,
        actor=actor,
        action=AuditAction.AWARD_CREATED,
        to_status=AwardStatus.ACTIVE,
        note=number,
        created_at=now,
    )
    if application.renewal_of_id:
        previous = Award.objects.get(pk=application.renewal_of_id)

        def link(locked: Award) -> None:
            locked.renewed_by = award
            locked.ended_on = awarded_on

        if previous.status == AwardStatus.IN_RENEWAL:
            award_transition(
                award=previous,
                action=AwardAction.RENEW,
                actor=actor,
                now=now,
                note=number,
                changes=link,
            )
    transaction.on_commit(page_cache_clear)
    return award


def renewal_outcome_not_awarded(*, application: Application, actor, now: datetime.datetime):
    """A renewal ended without an award (not yet awarded, withdrawn or ineligible): the old
    award goes back to "renewal due" if it has not expired, and lapses if it has."""
    if not application.renewal_of_id:
        return
    award = Award.objects.get(pk=application.renewal_of_id)
    if award.status != AwardStatus.IN_RENEWAL:
        return
    if now.date() >= award.expires_on:
        award_transition(
            award=award,
            action=AwardAction.LAPSE,
            actor=actor,
            now=now,
            note=_("The renewal ended without an award after the award expired."),
            changes=lambda locked: setattr(locked, "ended_on", now.date()),
        )
        transaction.on_commit(page_cache_clear)
    else:
        award_transition(award=award, action=AwardAction.RENEWAL_FAILED, actor=actor, now=now)


def renewal_submitted(*, application: Application, actor, now: datetime.datetime):
    """A renewal's first submission before the award expires keeps the award current until
    the decision. Submitted after expiry, it does nothing: the lifecycle job lapses it."""
    if not application.renewal_of_id:
        return
    award = Award.objects.get(pk=application.renewal_of_id)
    if award.status in (AwardStatus.ACTIVE, AwardStatus.RENEWAL_DUE) and (
        now.date() < award.expires_on
    ):
        award_transition(
            award=award,
            action=AwardAction.RENEWAL_SUBMITTED,
            actor=actor,
            now=now,
            note=application.reference,
        )


def award_withdraw(*, award: Award, user: User, now: datetime.datetime, reason: str) -> Award:
    """National staff withdraw an award: it leaves the register, verification says
    withdrawn, the organisation's team is emailed and the audit records the reason."""
    reason = reason.strip()
    if not reason:
        raise ServiceError(_("Give the reason the award is withdrawn."))
    email = _email_team(
        award.application,
        subject=_("Your %(award)s has been withdrawn") % {"award": award.stream.award_title},
        body=_(
            "City of Sanctuary has withdrawn the award with certificate number %(number)s.\n\n"
            "Reason: %(reason)s\n\nIf you have questions, reply to your coordinator.\n"
        )
        % {"number": award.certificate_number, "reason": reason},
    )

    def record(locked: Award) -> None:
        locked.withdrawn_reason = reason
        locked.ended_on = now.date()

    return award_transition(
        award=award,
        action=AwardAction.WITHDRAW,
        actor=user,
        now=now,
        note=reason,
        changes=record,
        after_commit=[email, page_cache_clear],
    )


# --- Renewal ----------------------------------------------------------------------------------


def latest_award(organisation_id: int, stream_id: int) -> Award | None:
    return (
        Award.objects.filter(organisation_id=organisation_id, stream_id=stream_id)
        .exclude(status=AwardStatus.WITHDRAWN)
        .order_by("-awarded_on", "-pk")
        .first()
    )


def renewable_award(award: Award) -> bool:
    return award.status in (AwardStatus.ACTIVE, AwardStatus.RENEWAL_DUE, AwardStatus.LAPSED) and (
        award.renewed_by_id is None
    )


@transaction.atomic
def renewal_start(*, award: Award, user: User, now: datetime.datetime) -> Application:
    """Start a renewal against the stream's current criteria version, pre-filled from the
    awarded application: the application-level sections, each criterion's narrative and
    evidence (matched by criterion code), and the action plans' links to criteria. Starting
    twice is refused (one open application per organisation and stream)."""
    award = Award.objects.select_for_update().get(pk=award.pk)
    if not renewable_award(award):
        raise ServiceError(_("This award cannot be renewed."))
    if (
        Application.objects.filter(renewal_of=award)
        .exclude(status__in=[ApplicationStatus.WITHDRAWN, ApplicationStatus.INELIGIBLE])
        .exists()
    ):
        raise ServiceError(_("A renewal of this award has already been started."))
    previous = award.application
    application = application_start(
        organisation=award.organisation, stream=award.stream, user=user, now=now
    )
    application.renewal_of = award
    for name in (
        "organisation_context",
        "lived_experience",
        "safeguarding_lead",
        "consent_notes",
    ):
        setattr(application, name, getattr(previous, name))
    application.save()

    new_criteria = {c.code: c for c in application.criteria_version.criteria.all()}
    old_answers = previous.answers.select_related("criterion").prefetch_related("evidence")
    carried = []
    evidence_links = []
    for answer in old_answers:
        criterion = new_criteria.get(answer.criterion.code)
        if criterion is None:
            continue
        carried.append(
            (
                CriterionAnswer(
                    application=application,
                    criterion=criterion,
                    narrative=answer.narrative,
                    self_assessment=answer.self_assessment,
                    updated_at=now,
                    updated_by=user,
                ),
                [item.pk for item in answer.evidence.all()],
            )
        )
    created = CriterionAnswer.objects.bulk_create([answer for answer, _items in carried])
    Through = CriterionAnswer.evidence.through
    for answer, (_unused, items) in zip(created, carried, strict=True):
        evidence_links.extend(
            Through(criterionanswer_id=answer.pk, evidenceitem_id=item) for item in items
        )
    Through.objects.bulk_create(evidence_links)

    # Action plans that evidenced criteria of the old version evidence the same codes now.
    PlanCriteria = award.organisation.action_plans.model.criteria.through
    links = PlanCriteria.objects.filter(
        actionplan__organisation=award.organisation,
        criterion__version_id=previous.criteria_version_id,
    ).select_related("criterion")
    PlanCriteria.objects.bulk_create(
        [
            PlanCriteria(actionplan_id=link.actionplan_id, criterion_id=new_criteria[code].pk)
            for link in links
            if (code := link.criterion.code) in new_criteria
        ],
        ignore_conflicts=True,
    )
    AuditEntry.objects.create(
        award=award,
        application=application,
        organisation_id=award.organisation_id,
        actor=user,
        action=AuditAction.AWARD_RENEWAL_STARTED,
        note=application.reference,
        created_at=now,
    )
    return application


# --- Conditions -------------------------------------------------------------------------------


@transaction.atomic
def condition_answer(
    *,
    condition: Condition,
    user: User,
    now: datetime.datetime,
    response: str,
    evidence_ids: list[int],
) -> Condition:
    """The organisation says what it did to meet a condition, with evidence from its own
    library. The coordinator is told; only they can mark it met."""
    from awards.models import EvidenceItem

    response = response.strip()
    if not response:
        raise ServiceError(_("Say what you have done to meet the condition."))
    condition = (
        Condition.objects.select_for_update()
        .select_related("decision__application")
        .get(pk=condition.pk)
    )
    if condition.met_at:
        raise ServiceError(_("This condition has already been marked as met."))
    application = condition.decision.application
    allowed = set(
        EvidenceItem.objects.filter(
            organisation_id=application.organisation_id, pk__in=evidence_ids
        ).values_list("pk", flat=True)
    )
    if set(evidence_ids) - allowed:
        raise ServiceError(_("Choose evidence from your organisation's library."))
    condition.response = response
    condition.responded_at = now
    condition.save(update_fields=["response", "responded_at"])
    condition.response_evidence.set(allowed)
    AuditEntry.objects.create(
        application=application,
        organisation_id=application.organisation_id,
        actor=user,
        action=AuditAction.CONDITION_ANSWERED,
        note=condition.text[:200],
        created_at=now,
    )
    coordinators = list(application.stream.coordinators.values_list("email", flat=True))
    if coordinators:
        subject = _("A condition has been answered: %(reference)s") % {
            "reference": application.reference
        }
        body = _("%(organisation)s has answered the condition:\n\n%(text)s\n") % {
            "organisation": application.organisation.name,
            "text": condition.text,
        }
        transaction.on_commit(
            lambda: send_email.enqueue(subject=subject, body=body, to=coordinators)
        )
    return condition


@transaction.atomic
def condition_mark_met(
    *, condition: Condition, user: User, now: datetime.datetime, note: str = ""
) -> Condition:
    condition = (
        Condition.objects.select_for_update()
        .select_related("decision__application")
        .get(pk=condition.pk)
    )
    if condition.met_at:
        raise ServiceError(_("This condition has already been marked as met."))
    application = condition.decision.application
    if application.status != ApplicationStatus.AWARDED_WITH_CONDITIONS:
        raise ServiceError(_("Only the conditions of an award can be marked met."))
    condition.met_at = now
    condition.met_by = user
    condition.save(update_fields=["met_at", "met_by"])
    AuditEntry.objects.create(
        application=application,
        organisation_id=application.organisation_id,
        actor=user,
        action=AuditAction.CONDITION_MET,
        note=note or condition.text[:200],
        created_at=now,
    )
    transaction.on_commit(
        _email_team(
            application,
            subject=_("Condition met: %(reference)s") % {"reference": application.reference},
            body=_("Your coordinator has marked this condition as met:\n\n%(text)s\n")
            % {"text": condition.text},
        )
    )
    return condition


def overdue_conditions(queryset=None, *, today: datetime.date):
    """Unmet conditions past their due date, of awards still held."""
    queryset = queryset if queryset is not None else Condition.objects.all()
    return queryset.filter(
        met_at__isnull=True,
        due_date__lt=today,
        decision__application__award__status__in=[str(s) for s in CURRENT_AWARD_STATUSES],
    )


# --- The panel's meeting and payments --------------------------------------------------------


@transaction.atomic
def meeting_record(
    *, application: Application, member: PanelMember, now: datetime.datetime, **fields
) -> PanelMeeting:
    """The chair (or a coordinator, passing the chair's membership) records the panel's
    meeting or visit: when and how, who was met, notes, extra evidence given on the day."""
    if application.panel_id is None or member.panel_id != application.panel_id:
        raise ServiceError(_("You are not on this application's panel."))
    if application.status not in (
        ApplicationStatus.IN_ASSESSMENT,
        ApplicationStatus.DECISION_PENDING,
    ):
        raise ServiceError(_("The meeting is recorded while the panel is assessing."))
    if fields.get("held_on") and fields["held_on"] > now.date():
        raise ServiceError(_("Record a meeting once it has happened."))
    meeting = PanelMeeting.objects.create(
        application=application, recorded_by=member.user, recorded_at=now, **fields
    )
    AuditEntry.objects.create(
        application=application,
        organisation_id=application.organisation_id,
        actor=member.user,
        action=AuditAction.MEETING_RECORDED,
        note=str(meeting.held_on),
        created_at=now,
    )
    return meeting


@transaction.atomic
def payment_record(
    *,
    member: PanelMember,
    user: User,
    now: datetime.datetime,
    kind: str,
    amount: decimal.Decimal,
    description: str = "",
    claimed_on: datetime.date | None = None,
    paid_on: datetime.date | None = None,
) -> Payment:
    if kind not in PaymentKind.values:
        raise ServiceError(_("Choose honorarium or expenses."))
    if amount is None or amount <= 0:
        raise ServiceError(_("Enter an amount greater than £0."))
    if paid_on and claimed_on and paid_on < claimed_on:
        raise ServiceError(_("The date paid must be on or after the date claimed."))
    payment = Payment.objects.create(
        member=member,
        kind=kind,
        amount=amount,
        description=description.strip(),
        claimed_on=claimed_on,
        paid_on=paid_on,
        recorded_by=user,
        recorded_at=now,
    )
    AuditEntry.objects.create(
        actor=user,
        action=AuditAction.PAYMENT_RECORDED,
        note=f"{payment.get_kind_display()} £{amount} – {member.panel.name}",
        data={"payment": payment.pk, "member": member.pk},
        created_at=now,
    )
    return payment


@transaction.atomic
def payment_mark_paid(*, payment: Payment, paid_on: datetime.date) -> Payment:
    if payment.claimed_on and paid_on < payment.claimed_on:
        raise ServiceError(_("The date paid must be on or after the date claimed."))
    payment.paid_on = paid_on
    payment.save(update_fields=["paid_on"])
    return payment


def award_verify_url(award: Award, base_url: str) -> str:
    return base_url + reverse("register:verify", args=[award.certificate_number])
