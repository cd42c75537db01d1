"""Awards: made when an award decision is released, kept in step with a renewal, and
withdrawn by national staff. Status changes go through awards/workflow/ only.
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards.enums import AwardStatus, DecisionOutcome
from awards.models import Application, Award
from awards.models.awards import new_certificate_number
from awards.references import award_initials
from awards.workflow import AwardAction, award_transition
from core.dates import add_years
from core.errors import ServiceError
from core.page_cache import page_cache_clear
from notifications import emails
from organisations.selectors import team_emails

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
        with_conditions=decision.outcome == DecisionOutcome.AWARD_WITH_CONDITIONS,
    )
    audit.record(
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
    email = emails.prepare(
        "award_withdrawn",
        to=team_emails(award.organisation_id),
        context={
            "award": award.stream.award_title,
            "number": award.certificate_number,
            "reason": reason,
            "link": emails.absolute(reverse("awards:dashboard")),
        },
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
        after_commit=[*emails.after_commit(email), page_cache_clear],
    )


# --- Renewal ----------------------------------------------------------------------------------


# --- Conditions -------------------------------------------------------------------------------


# --- The panel's meeting and payments --------------------------------------------------------


def award_verify_url(award: Award, base_url: str) -> str:
    return base_url + reverse("register:verify", args=[award.certificate_number])
