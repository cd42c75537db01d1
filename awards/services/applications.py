"""Writes for an application: starting it, saving answers and sections (never silently
overwriting someone else's save), submitting and withdrawing it.
"""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards import permissions
from awards.enums import APPLICANT_EDITABLE_STATUSES, ApplicationStatus
from awards.models import Application, CriterionAnswer
from awards.references import next_reference
from awards.selectors import application_task_list
from awards.services.awards import renewal_outcome_not_awarded, renewal_submitted
from awards.workflow import (
    Action,
    TransitionNotAllowed,
    submit_action,
    transition,
)
from core.errors import ServiceError, StaleWrite, refuse_unless
from criteria.enums import VersionStatus
from criteria.models import Criterion, Stream
from notifications import emails
from organisations.models import Organisation
from organisations.selectors import team_emails

# --- Organisations and teams -----------------------------------------------------------------


# --- Evidence --------------------------------------------------------------------------------


# --- Applications ----------------------------------------------------------------------------


@transaction.atomic
def application_start(
    *, organisation: Organisation, stream: Stream, user: User, now: datetime.datetime
) -> Application:
    """Start an application pinned to the stream's published criteria version."""
    version = stream.versions.filter(status=VersionStatus.PUBLISHED).first()
    if version is None or not stream.is_active:
        raise ServiceError(
            _("%(stream)s is not taking applications at the moment.")
            % {"stream": stream.award_title}
        )
    try:
        with transaction.atomic():
            application = Application.objects.create(
                organisation=organisation,
                stream=stream,
                criteria_version=version,
                reference=next_reference(stream, now),
                created_by=user,
                created_at=now,
            )
    except IntegrityError as error:
        raise ServiceError(
            _("You already have an application for %(award)s in progress.")
            % {"award": stream.award_title}
        ) from error
    audit.record(
        application=application,
        organisation=organisation,
        actor=user,
        action=AuditAction.APPLICATION_STARTED,
        to_status=ApplicationStatus.DRAFT,
        created_at=now,
    )
    return application


def _ensure_editable(application: Application) -> None:
    if application.status not in APPLICANT_EDITABLE_STATUSES:
        raise ServiceError(_("This application has been submitted and can no longer be changed."))


@transaction.atomic
def answer_save(
    *,
    application: Application,
    criterion: Criterion,
    user: User,
    expected_version: int,
    narrative: str,
    self_assessment: str,
    evidence_ids: list[int] | None,
    now: datetime.datetime,
) -> CriterionAnswer:
    """Save a criterion answer unless someone saved it since ``expected_version`` was read.

    The update is a compare-and-set on ``version``: two people saving the same answer never
    silently overwrite each other; the later one gets StaleWrite with the current answer.
    """
    application = Application.objects.select_for_update().get(pk=application.pk)
    _ensure_editable(application)
    limit = application.stream.narrative_max_characters
    if len(narrative) > limit:
        raise ServiceError(
            _("The answer is %(length)s characters long; the limit is %(limit)s.")
            % {"length": len(narrative), "limit": limit}
        )
    answer, _created = CriterionAnswer.objects.get_or_create(
        application=application, criterion=criterion
    )
    updated = CriterionAnswer.objects.filter(pk=answer.pk, version=expected_version).update(
        narrative=narrative,
        self_assessment=self_assessment,
        version=F("version") + 1,
        updated_at=now,
        updated_by=user,
    )
    answer.refresh_from_db()
    if not updated:
        raise StaleWrite(answer)
    if evidence_ids is not None:
        allowed = application.organisation.evidence.filter(pk__in=evidence_ids)
        answer.evidence.set(allowed)
    return answer


@transaction.atomic
def application_save_section(
    *,
    application: Application,
    user: User,
    expected_version: int,
    fields: dict,
    now: datetime.datetime,
) -> Application:
    """Save an application-level section (about, lived experience, consent, endorsement)
    with the same compare-and-set protection as answers."""
    locked = Application.objects.select_for_update().get(pk=application.pk)
    _ensure_editable(locked)
    if locked.version != expected_version:
        raise StaleWrite(locked)
    for name, value in fields.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.save()
    return locked


def application_submit(
    *, application: Application, user: User, now: datetime.datetime, base_url: str
) -> Application:
    """Submit (or resubmit, after a return or a request for more evidence) a complete
    application. Refused with TransitionNotAllowed when its state takes no submission (a
    double click finds it submitted), and ActionNotPermitted unless ``user`` is a lead.

    Side-effects: the workflow transition (status, audit entry); after commit, emails to the
    team and to the stream's coordinators.
    """

    action = submit_action(application)
    if action is None:
        raise TransitionNotAllowed(application.status, Action.SUBMIT)
    task_list = application_task_list(application)
    if not task_list.all_complete:
        raise ServiceError(_("Complete every task before you submit."))
    if not Organisation.objects.filter(
        pk=application.organisation_id, pledge_signed_at__isnull=False
    ).exists():
        raise ServiceError(_("Sign the City of Sanctuary pledge before you submit."))

    def stamp(locked: Application) -> None:
        locked.submitted_at = now
        locked.submitted_by = user
        locked.declaration_accepted_at = now
        if locked.status == ApplicationStatus.MORE_EVIDENCE_NEEDED:
            # The same panel reads the new evidence and judges afresh: a new round.
            locked.assessment_round += 1
        if locked.renewal_of_id:
            renewal_submitted(application=locked, actor=user, now=now)

    context = {
        "organisation": application.organisation.name,
        "award": application.stream.award_title,
        "reference": application.reference,
    }
    to_team = emails.prepare(
        "application_submitted",
        to=team_emails(application.organisation_id),
        context={
            **context,
            "link": emails.absolute(
                reverse("awards:application", args=[application.pk]), base_url=base_url
            ),
        },
    )
    to_coordinators = emails.prepare(
        "application_submitted",
        to=list(application.stream.coordinators.values_list("email", flat=True)),
        context={
            **context,
            "link": emails.absolute(
                reverse("workspace:application", args=[application.pk]), base_url=base_url
            ),
        },
    )
    return transition(
        application=application,
        action=action,
        actor=user,
        now=now,
        changes=stamp,
        after_commit=emails.after_commit(to_team) + emails.after_commit(to_coordinators),
    )


def application_withdraw(
    *, application: Application, user: User, now: datetime.datetime, reason: str
) -> Application:
    def end_renewal(locked: Application) -> None:

        renewal_outcome_not_awarded(application=locked, actor=user, now=now)

    return transition(
        application=application,
        action=Action.WITHDRAW,
        actor=user,
        now=now,
        note=reason,
        changes=end_renewal,
    )


# --- Action plans -----------------------------------------------------------------------------


# --- Triage -----------------------------------------------------------------------------------


# --- Panels -----------------------------------------------------------------------------------


# --- Decisions --------------------------------------------------------------------------------


@transaction.atomic
def answer_add_evidence(
    *, application: Application, criterion: Criterion, item, user: User, now: datetime.datetime
) -> CriterionAnswer:
    """Choose a new library item for a criterion (from "Save and upload new evidence" on its
    page): the answer keeps its text and gains the item."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    refuse_unless(permissions.can_edit_task(user, application, criterion.code))
    if item.organisation_id != application.organisation_id:
        raise ServiceError(_("Choose evidence from your organisation's library."))
    answer, _created = CriterionAnswer.objects.get_or_create(
        application=application,
        criterion=criterion,
        defaults={"updated_at": now, "updated_by": user},
    )
    answer.evidence.add(item)
    return answer
