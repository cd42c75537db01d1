"""Releasing the panel's decision to the applicant."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from awards.enums import DecisionOutcome
from awards.models import Application, Decision
from awards.services import awards as award_services
from awards.workflow import (
    RELEASE_ACTION_FOR_OUTCOME,
    transition,
)
from core.errors import ServiceError
from notifications import emails
from organisations.selectors import team_emails


def decision_release(
    *, application: Application, user: User, now: datetime.datetime, base_url: str
) -> Application:
    """Release a pending decision to the applicant: status changes to the decision's outcome
    (audited), an award is made for an award decision, and the team is emailed after
    commit."""
    decision = Decision.objects.filter(application=application).first()
    if decision is None:
        raise ServiceError(_("There is no decision to release."))
    action = RELEASE_ACTION_FOR_OUTCOME.get(decision.outcome)
    if action is None:
        raise ServiceError(_("The decision's outcome is not one the panel can give."))

    def stamp(locked: Application) -> None:
        Decision.objects.filter(pk=decision.pk).update(released_at=now, released_by=user)
        if decision.outcome in (
            DecisionOutcome.AWARD,
            DecisionOutcome.AWARD_WITH_CONDITIONS,
        ):
            award_services.award_create(application=locked, decision=decision, actor=user, now=now)
        elif decision.outcome == DecisionOutcome.NOT_YET_AWARDED:
            award_services.renewal_outcome_not_awarded(application=locked, actor=user, now=now)

    email = emails.prepare(
        "decision_released",
        to=team_emails(application.organisation_id),
        context={
            "reference": application.reference,
            "link": emails.absolute(
                reverse("awards:application", args=[application.pk]), base_url=base_url
            ),
        },
    )
    return transition(
        application=application,
        action=action,
        actor=user,
        now=now,
        note=decision.outcome,
        changes=stamp,
        after_commit=emails.after_commit(email),
    )
