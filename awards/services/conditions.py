"""Conditions of an award: answered by the organisation, marked met by the coordinator."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards import permissions
from awards.enums import (
    CURRENT_AWARD_STATUSES,
)
from awards.models import Award, Condition
from core.errors import ServiceError, refuse_unless
from notifications import emails
from organisations.models import EvidenceItem
from organisations.selectors import team_emails


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
    audit.record(
        application=application,
        organisation_id=application.organisation_id,
        actor=user,
        action=AuditAction.CONDITION_ANSWERED,
        note=condition.text[:200],
        created_at=now,
    )
    award_id = application.award.pk if hasattr(application, "award") else None
    emails.send(
        "condition_answered",
        to=list(application.stream.coordinators.values_list("email", flat=True)),
        context={
            "reference": application.reference,
            "organisation": application.organisation.name,
            "text": condition.text,
            "link": emails.absolute(reverse("workspace:award", args=[award_id]))
            if award_id
            else "",
        },
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
    application = condition.decision.application
    award = Award.objects.select_for_update().filter(application_id=application.pk).first()
    refuse_unless(permissions.can_mark_condition_met(user, condition, award))
    condition.met_at = now
    condition.met_by = user
    condition.save(update_fields=["met_at", "met_by"])
    audit.record(
        application=application,
        organisation_id=application.organisation_id,
        actor=user,
        action=AuditAction.CONDITION_MET,
        note=note or condition.text[:200],
        created_at=now,
    )
    emails.send(
        "condition_met",
        to=team_emails(application.organisation_id),
        context={
            "reference": application.reference,
            "text": condition.text,
            "link": emails.absolute(reverse("awards:dashboard")),
        },
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
