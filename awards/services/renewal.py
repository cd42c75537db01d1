"""Renewal: an award's renewal starts pre-filled from the awarded application."""

import datetime

from django.db import transaction
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards import permissions
from awards.enums import (
    ENDED_EARLY_STATUSES,
    RENEWABLE_AWARD_STATUSES,
    AwardStatus,
)
from awards.models import Application, Award, CriterionAnswer
from awards.services.applications import application_start
from core.errors import ServiceError


def latest_award(organisation_id: int, stream_id: int) -> Award | None:
    return (
        Award.objects.filter(organisation_id=organisation_id, stream_id=stream_id)
        .exclude(status=AwardStatus.WITHDRAWN)
        .order_by("-awarded_on", "-pk")
        .first()
    )


def renewable_award(award: Award) -> bool:
    return award.status in RENEWABLE_AWARD_STATUSES and award.renewed_by_id is None


@transaction.atomic
def renewal_start(*, award: Award, user: User, now: datetime.datetime) -> Application:
    """Start a renewal against the stream's current criteria version, pre-filled from the
    awarded application: the application-level sections, each criterion's narrative and
    evidence (matched by criterion code), and the action plans' links to criteria. Starting
    twice is refused (one open application per organisation and stream)."""
    award = Award.objects.select_for_update().get(pk=award.pk)
    verdict = permissions.can_start_renewal(user, award)
    if not verdict:
        raise ServiceError(verdict.reason)
    if not renewable_award(award):
        raise ServiceError(_("This award cannot be renewed."))
    if (
        Application.objects.filter(renewal_of=award)
        .exclude(status__in=ENDED_EARLY_STATUSES)
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
    audit.record(
        award=award,
        application=application,
        organisation_id=award.organisation_id,
        actor=user,
        action=AuditAction.AWARD_RENEWAL_STARTED,
        note=application.reference,
        created_at=now,
    )
    return application
