"""The coordinator's triage: accept for assessment, return for more information, mark
ineligible."""

import datetime

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from awards.models import Application
from awards.services.awards import renewal_outcome_not_awarded
from awards.workflow import (
    Action,
    transition,
)
from core.errors import ServiceError
from notifications import emails
from organisations.selectors import team_emails


def application_accept(
    *, application: Application, user: User, now: datetime.datetime, note: str = ""
) -> Application:
    """Accept a submitted application for assessment by a panel; the team is told."""
    email = emails.prepare(
        "application_accepted",
        to=team_emails(application.organisation_id),
        context={
            "award": application.stream.award_title,
            "reference": application.reference,
            "link": emails.absolute(reverse("awards:application", args=[application.pk])),
        },
    )
    return transition(
        application=application,
        action=Action.ACCEPT,
        actor=user,
        now=now,
        note=note,
        after_commit=emails.after_commit(email),
    )


def application_return(
    *,
    application: Application,
    user: User,
    now: datetime.datetime,
    note: str,
    due_date: datetime.date,
    tasks: list[str],
    base_url: str,
) -> Application:
    """Send an application back for more information: what is needed, by when, and which
    tasks the applicant may change. Emails the team after commit."""
    if not note.strip():
        raise ServiceError(_("Say what information is needed."))
    if due_date <= now.date():
        raise ServiceError(_("The date must be in the future."))

    def record(locked: Application) -> None:
        locked.return_note = note.strip()
        locked.return_due_date = due_date
        locked.returned_tasks = list(tasks)

    email = emails.prepare(
        "application_returned",
        to=team_emails(application.organisation_id),
        context={
            "reference": application.reference,
            "due_date": due_date,
            "note": note.strip(),
            "link": emails.absolute(
                reverse("awards:application", args=[application.pk]), base_url=base_url
            ),
        },
    )
    return transition(
        application=application,
        action=Action.RETURN,
        actor=user,
        now=now,
        note=note,
        changes=record,
        after_commit=emails.after_commit(email),
    )


def application_mark_ineligible(
    *,
    application: Application,
    user: User,
    now: datetime.datetime,
    reason: str,
) -> Application:
    if not reason.strip():
        raise ServiceError(_("Give the reason the application is not eligible."))

    def record(locked: Application) -> None:
        locked.ineligible_reason = reason.strip()
        renewal_outcome_not_awarded(application=locked, actor=user, now=now)

    email = emails.prepare(
        "application_ineligible",
        to=team_emails(application.organisation_id),
        context={
            "reference": application.reference,
            "reason": reason.strip(),
            "link": emails.absolute(reverse("awards:application", args=[application.pk])),
        },
    )
    return transition(
        application=application,
        action=Action.MARK_INELIGIBLE,
        actor=user,
        now=now,
        note=reason,
        changes=record,
        after_commit=emails.after_commit(email),
    )
