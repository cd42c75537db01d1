"""Writes for the applicant journey: organisations, teams, pledge, evidence, applications.

Every function takes keyword-only arguments, is atomic, takes "now" from its caller where time
matters, and never sees a request. Domain errors are raised as ``ServiceError`` subclasses
whose message is for the user.
"""

import datetime
import secrets

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.models import User
from awards.enums import (
    APPLICANT_EDITABLE_STATUSES,
    ApplicationStatus,
    AuditAction,
    EvidenceKind,
    MembershipRole,
    ScanStatus,
)
from awards.models import (
    Application,
    AuditEntry,
    CriterionAnswer,
    EvidenceItem,
    Invitation,
    Membership,
    Organisation,
)
from awards.scanning import scan_file
from awards.uploads import CleanUpload
from awards.workflow import Action, transition
from cms.tasks import send_email
from criteria.enums import VersionStatus
from criteria.models import Criterion, Stream

INVITATION_DAYS = 14


class ServiceError(Exception):
    """A request the rules refuse; str(error) is a message for the user."""


class StaleWrite(ServiceError):
    """Someone else saved this first: the caller shows both versions to merge."""

    def __init__(self, current):
        super().__init__(_("Someone else saved this while you were editing."))
        self.current = current


# --- Organisations and teams -----------------------------------------------------------------


@transaction.atomic
def organisation_create(*, user: User, now: datetime.datetime, **fields) -> Organisation:
    """Create an organisation with ``user`` as its first applicant lead."""
    organisation = Organisation.objects.create(**fields)
    Membership.objects.create(organisation=organisation, user=user, role=MembershipRole.LEAD)
    return organisation


@transaction.atomic
def organisation_sign_pledge(
    *,
    organisation: Organisation,
    user: User,
    signatory_name: str,
    signatory_role: str,
    now: datetime.datetime,
) -> Organisation:
    """Record that the organisation signed the City of Sanctuary pledge (once)."""
    organisation = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if organisation.pledge_signed_at is not None:
        return organisation
    organisation.pledge_signatory_name = signatory_name.strip()
    organisation.pledge_signatory_role = signatory_role.strip()
    organisation.pledge_signed_at = now
    organisation.pledge_signed_by = user
    organisation.save()
    AuditEntry.objects.create(
        organisation=organisation,
        actor=user,
        action=AuditAction.PLEDGE_SIGNED,
        note=f"{signatory_name} ({signatory_role})",
        created_at=now,
    )
    return organisation


@transaction.atomic
def invitation_send(
    *,
    organisation: Organisation,
    email: str,
    role: str,
    invited_by: User,
    now: datetime.datetime,
    base_url: str,
) -> Invitation:
    """Invite a colleague by email. Side-effects: the invitation, an audit entry, and the
    email (queued after commit)."""
    email = email.strip().lower()
    if organisation.memberships.filter(user__email__iexact=email).exists():
        raise ServiceError(_("%(email)s is already in your team.") % {"email": email})
    invitation = Invitation.objects.create(
        organisation=organisation,
        email=email,
        role=role,
        token=secrets.token_urlsafe(32),
        invited_by=invited_by,
        expires_at=now + datetime.timedelta(days=INVITATION_DAYS),
    )
    AuditEntry.objects.create(
        organisation=organisation,
        actor=invited_by,
        action=AuditAction.MEMBER_INVITED,
        note=f"{email} ({role})",
        created_at=now,
    )
    link = base_url + reverse("awards:invitation_accept", args=[invitation.token])
    body = _(
        "%(name)s has invited you to help with %(organisation)s's Sanctuary Award work.\n\n"
        "Accept the invitation within %(days)s days: %(link)s\n"
    ) % {
        "name": invited_by,
        "organisation": organisation.name,
        "days": INVITATION_DAYS,
        "link": link,
    }
    subject = _("Join %(organisation)s on the Sanctuary Award") % {
        "organisation": organisation.name
    }
    transaction.on_commit(lambda: send_email.enqueue(subject=subject, body=body, to=[email]))
    return invitation


@transaction.atomic
def invitation_problem(invitation: Invitation | None, *, now: datetime.datetime) -> str | None:
    """Why an invitation cannot be accepted, for the person holding it; None if it can."""
    if invitation is None or invitation.accepted_at is not None:
        return _("This invitation has already been used or does not exist.")
    if invitation.expires_at <= now:
        return _("This invitation has expired. Ask your applicant lead to send a new one.")
    return None


def invitation_accept(*, token: str, user: User, now: datetime.datetime) -> Membership:
    invitation = Invitation.objects.select_for_update().filter(token=token).first()
    if problem := invitation_problem(invitation, now=now):
        raise ServiceError(problem)
    membership, created = Membership.objects.get_or_create(
        organisation=invitation.organisation, user=user, defaults={"role": invitation.role}
    )
    invitation.accepted_at = now
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    if created:
        AuditEntry.objects.create(
            organisation=invitation.organisation,
            actor=user,
            action=AuditAction.MEMBER_JOINED,
            note=user.email,
            created_at=now,
        )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, removed_by: User, now: datetime.datetime):
    """Remove a colleague. The last lead cannot leave or be removed."""
    organisation = Organisation.objects.select_for_update().get(pk=membership.organisation_id)
    leads = organisation.memberships.filter(role=MembershipRole.LEAD)
    if membership.role == MembershipRole.LEAD and leads.count() <= 1:
        raise ServiceError(
            _("An organisation needs at least one applicant lead. Make someone else a lead first.")
        )
    membership.delete()
    AuditEntry.objects.create(
        organisation=organisation,
        actor=removed_by,
        action=AuditAction.MEMBER_REMOVED,
        note=membership.user.email,
        created_at=now,
    )


# --- Evidence --------------------------------------------------------------------------------


def evidence_bytes_used(*, organisation: Organisation) -> int:
    return organisation.evidence.aggregate(total=Sum("file_size"))["total"] or 0


@transaction.atomic
def evidence_add_file(
    *, organisation: Organisation, user: User, upload: CleanUpload, title: str, **details
) -> EvidenceItem:
    """Store a validated upload in the library, then have it virus-checked."""
    quota = settings.SANCTUARY_EVIDENCE_QUOTA_BYTES
    if evidence_bytes_used(organisation=organisation) + upload.size > quota:
        raise ServiceError(
            _(
                "This file would take your evidence library over its %(mb)s MB limit. Remove "
                "files you no longer need first."
            )
            % {"mb": quota // (1024 * 1024)}
        )
    item = EvidenceItem(
        organisation=organisation,
        kind=EvidenceKind.FILE,
        title=title,
        uploaded_by=user,
        file_name=upload.safe_name,
        file_size=upload.size,
        mime_type=upload.mime_type,
        **details,
    )
    item.file.save(upload.safe_name, ContentFile(upload.content), save=False)
    item.save()
    item_id = item.pk
    transaction.on_commit(lambda: scan_file.enqueue(evidence_id=item_id))
    return item


def evidence_add(*, organisation: Organisation, user: User, kind: str, **fields) -> EvidenceItem:
    """Add a link or a written testimony to the library."""
    if kind == EvidenceKind.FILE:
        raise ServiceError(_("Use evidence_add_file for files."))
    return EvidenceItem.objects.create(
        organisation=organisation,
        kind=kind,
        uploaded_by=user,
        scan_status=ScanStatus.CLEAN,
        **fields,
    )


# --- Applications ----------------------------------------------------------------------------


def award_initials(stream: Stream) -> str:
    """ "SOS" for "School of Sanctuary": the prefix of references and certificate numbers."""
    initials = "".join(word[0] for word in stream.award_title.split() if word[0].isalpha())
    return initials.upper()[:4] or "SA"


def _next_reference(stream: Stream, now: datetime.datetime) -> str:
    return f"{award_initials(stream)}-{now:%Y}-{secrets.token_hex(3).upper()}"


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
                reference=_next_reference(stream, now),
                created_by=user,
                created_at=now,
            )
    except IntegrityError as error:
        raise ServiceError(
            _("You already have an application for %(award)s in progress.")
            % {"award": stream.award_title}
        ) from error
    AuditEntry.objects.create(
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
    """Submit a complete application. Idempotent: submitting an already-submitted
    application returns it unchanged, so a double click gives one submission.

    Side-effects: the workflow transition (status, audit entry); after commit, emails to the
    team and to the stream's coordinators.
    """
    from awards.selectors import application_task_list

    if application.status in (ApplicationStatus.SUBMITTED, ApplicationStatus.RESUBMITTED):
        return application
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
            from awards.award_services import renewal_submitted

            renewal_submitted(application=locked, actor=user, now=now)

    action = (
        Action.RESUBMIT
        if application.status
        in (ApplicationStatus.RETURNED, ApplicationStatus.MORE_EVIDENCE_NEEDED)
        else Action.SUBMIT
    )
    team = list(application.organisation.memberships.values_list("user__email", flat=True))
    coordinators = list(application.stream.coordinators.values_list("email", flat=True))
    link = base_url + reverse("awards:application", args=[application.pk])
    subject = _("Application %(reference)s submitted") % {"reference": application.reference}
    body = _(
        "%(organisation)s has submitted its application for %(award)s.\n"
        "Reference: %(reference)s\n\n%(link)s\n"
    ) % {
        "organisation": application.organisation.name,
        "award": application.stream.award_title,
        "reference": application.reference,
        "link": link,
    }
    emails = [lambda: send_email.enqueue(subject=subject, body=body, to=team)]
    if coordinators:
        emails.append(lambda: send_email.enqueue(subject=subject, body=body, to=coordinators))
    return transition(
        application=application,
        action=action,
        actor=user,
        now=now,
        changes=stamp,
        after_commit=emails,
    )


def application_withdraw(
    *, application: Application, user: User, now: datetime.datetime, reason: str
) -> Application:
    def end_renewal(locked: Application) -> None:
        from awards.award_services import renewal_outcome_not_awarded

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

IMPORT_BATCH_SIZE = 500


@transaction.atomic
def action_plan_import(
    *,
    organisation: Organisation,
    user: User,
    title: str,
    rows: list,
    source_name: str,
    now: datetime.datetime,
):
    """Create an action plan from parsed rows (awards.action_plans.ActionRow), in batches so
    that the number of queries grows per batch, not per row."""
    from awards.models import ActionPlan, PlanAction

    plan = ActionPlan.objects.create(
        organisation=organisation,
        title=title,
        source_file_name=source_name[:200],
        imported_at=now,
        imported_by=user,
    )
    PlanAction.objects.bulk_create(
        (
            PlanAction(
                plan=plan,
                sort_order=index,
                reference=row.reference[:50],
                directorate=row.directorate[:200],
                division=row.division[:200],
                service_area=row.service_area[:200],
                action=row.action,
                owner=row.owner[:200],
                milestones=row.milestones,
                status=row.status[:100],
                date_added=row.date_added,
                date_due=row.date_due,
                rag=row.rag,
                rag_date=row.rag_date,
                comments=row.comments,
                comments_date=row.comments_date,
            )
            for index, row in enumerate(rows)
        ),
        batch_size=IMPORT_BATCH_SIZE,
    )
    return plan


def action_update(*, action, user: User, now: datetime.datetime, **fields):
    """Record progress on one action (status, RAG rating, comments and their dates)."""
    for name, value in fields.items():
        setattr(action, name, value)
    action.updated_at = now
    action.updated_by = user
    action.save()
    return action


# --- Triage -----------------------------------------------------------------------------------


def _email_team(application: Application, *, subject: str, body: str):
    team = list(application.organisation.memberships.values_list("user__email", flat=True))
    return lambda: send_email.enqueue(subject=subject, body=body, to=team)


def application_accept(
    *, application: Application, user: User, now: datetime.datetime, note: str = ""
) -> Application:
    """Accept a submitted application for assessment by a panel."""
    return transition(application=application, action=Action.ACCEPT, actor=user, now=now, note=note)


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

    link = base_url + reverse("awards:application", args=[application.pk])
    email = _email_team(
        application,
        subject=_("More information needed for %(reference)s")
        % {"reference": application.reference},
        body=_(
            "The coordinator has asked for more information by %(date)s:\n\n%(note)s\n\n%(link)s\n"
        )
        % {"date": due_date.strftime("%d %B %Y"), "note": note, "link": link},
    )
    return transition(
        application=application,
        action=Action.RETURN,
        actor=user,
        now=now,
        note=note,
        changes=record,
        after_commit=[email],
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
        from awards.award_services import renewal_outcome_not_awarded

        locked.ineligible_reason = reason.strip()
        renewal_outcome_not_awarded(application=locked, actor=user, now=now)

    email = _email_team(
        application,
        subject=_("Your application %(reference)s") % {"reference": application.reference},
        body=_("The coordinator has found that this application is not eligible:\n\n%(reason)s\n")
        % {"reason": reason},
    )
    return transition(
        application=application,
        action=Action.MARK_INELIGIBLE,
        actor=user,
        now=now,
        note=reason,
        changes=record,
        after_commit=[email],
    )


# --- Panels -----------------------------------------------------------------------------------


class CompositionError(ServiceError):
    def __init__(self, report):
        super().__init__(" ".join(report.problems))
        self.report = report


@transaction.atomic
def panel_assign_application(
    *, panel, application: Application, user: User, now: datetime.datetime
) -> Application:
    """Give an application in assessment to a panel whose composition holds for it (the
    stream's rule, with conflicted members left out). Audited."""
    from awards.panels import panel_composition

    locked = Application.objects.select_for_update().get(pk=application.pk)
    if locked.status != ApplicationStatus.IN_ASSESSMENT:
        raise ServiceError(_("Only an application accepted for assessment can go to a panel."))
    if panel.stream_id != locked.stream_id:
        raise ServiceError(_("The panel is for a different stream."))
    report = panel_composition(panel, locked)
    if not report.ok:
        raise CompositionError(report)
    locked.panel = panel
    locked.save(update_fields=["panel", "updated_at"])
    AuditEntry.objects.create(
        application=locked,
        organisation_id=locked.organisation_id,
        actor=user,
        action=AuditAction.PANEL_ASSIGNED,
        note=panel.name,
        created_at=now,
    )
    return locked


@transaction.atomic
def conflict_declare(
    *, member, application: Application, has_conflict: bool, details: str, now: datetime.datetime
):
    """A member declares, before reading, whether they have a conflict. Once made, a
    declaration of a conflict stands."""
    from awards.models import ConflictDeclaration

    if application.panel_id != member.panel_id:
        raise ServiceError(_("You are not on this application's panel."))
    declaration, created = ConflictDeclaration.objects.get_or_create(
        member=member,
        application=application,
        defaults={"has_conflict": has_conflict, "details": details, "declared_at": now},
    )
    if created and has_conflict:
        AuditEntry.objects.create(
            application=application,
            organisation_id=application.organisation_id,
            actor=member.user,
            action=AuditAction.CONFLICT_DECLARED,
            note=details,
            created_at=now,
        )
    return declaration


@transaction.atomic
def assessment_save(
    *,
    member,
    application: Application,
    expected_version: int,
    judgements: dict,
    now: datetime.datetime,
    submit: bool = False,
):
    """Save a member's judgements ({criterion_id: (outcome, comment)}) with the same
    compare-and-set protection as answers, so two tabs cannot silently overwrite each other.
    Submitting needs a judgement for every criterion and cannot be undone."""
    from awards.models import Assessment, ConflictDeclaration, CriterionJudgement
    from awards.panels import conflicted_members

    if application.panel_id != member.panel_id:
        raise ServiceError(_("You are not on this application's panel."))
    declaration = ConflictDeclaration.objects.filter(member=member, application=application).first()
    if declaration is None:
        raise ServiceError(_("Declare whether you have a conflict of interest first."))
    if member in conflicted_members(member.panel, application):
        raise ServiceError(
            _("You have a conflict of interest with this applicant, so you cannot score it.")
        )
    assessment, _created = Assessment.objects.get_or_create(
        member=member, application=application, round=application.assessment_round
    )
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.submitted_at is not None:
        raise ServiceError(_("Your judgements are already submitted."))
    if assessment.version != expected_version:
        raise StaleWrite(assessment)
    criteria = {c.pk: c for c in application.criteria_version.criteria.all()}
    for criterion_id, (outcome, comment) in judgements.items():
        if criterion_id not in criteria:
            raise ServiceError(_("That criterion is not part of this application."))
        CriterionJudgement.objects.update_or_create(
            assessment=assessment,
            criterion_id=criterion_id,
            defaults={"outcome": outcome, "comment": comment},
        )
    if submit:
        done = assessment.judgements.exclude(outcome="").count()
        if done < len(criteria):
            raise ServiceError(_("Give a judgement for every criterion before you submit."))
        assessment.submitted_at = now
        AuditEntry.objects.create(
            application=application,
            organisation_id=application.organisation_id,
            actor=member.user,
            action=AuditAction.JUDGEMENTS_SUBMITTED,
            created_at=now,
        )
    assessment.version += 1
    assessment.save()
    return assessment


# --- Decisions --------------------------------------------------------------------------------

RELEASE_ACTIONS = {
    "award": Action.RELEASE_AWARD,
    "award_with_conditions": Action.RELEASE_AWARD_WITH_CONDITIONS,
    "more_evidence_needed": Action.RELEASE_MORE_EVIDENCE_NEEDED,
    "not_yet_awarded": Action.RELEASE_NOT_YET_AWARDED,
}


def decision_record(
    *,
    application: Application,
    chair,
    agreed: dict,
    outcome: str,
    strengths: str,
    recommendations: str,
    conditions: list,
    evidence_needed: str,
    evidence_due_date: datetime.date | None,
    now: datetime.datetime,
) -> Application:
    """The chair records the agreed outcome per criterion and the decision.

    Refused (ServiceError) unless: the recorder chairs this application's panel; the panel
    meets its stream's composition rule for this application; every member who can score it
    has submitted their judgements; every criterion has an agreed outcome and comment; an
    award with conditions has at least one condition and every condition a due date; more
    evidence names what and by when. Then, atomically: the agreed outcomes, the decision and
    its conditions are saved and the workflow moves to "decision pending" (audited). Nothing
    reaches the applicant until a coordinator releases it.
    """
    from awards.models import AgreedOutcome, Assessment, Condition, Decision
    from awards.panels import panel_composition

    if chair.panel_id != application.panel_id or not chair.is_chair:
        raise ServiceError(_("Only the chair of this application's panel records the decision."))
    report = panel_composition(chair.panel, application)
    if not report.ok:
        raise CompositionError(report)
    blocked = {member.pk for member in report.conflicted}
    scorers = [m for m in chair.panel.members.all() if m.pk not in blocked]
    submitted = set(
        Assessment.objects.filter(
            application=application,
            round=application.assessment_round,
            submitted_at__isnull=False,
        ).values_list("member_id", flat=True)
    )
    waiting = [m for m in scorers if m.pk not in submitted]
    if waiting:
        raise ServiceError(
            _("Every member must submit their judgements first; waiting for %(count)s.")
            % {"count": len(waiting)}
        )
    criteria = list(application.criteria_version.criteria.all())
    missing = [
        c.code
        for c in criteria
        if not (agreed.get(c.pk) and agreed[c.pk][0] and agreed[c.pk][1].strip())
    ]
    if missing:
        raise ServiceError(
            _("Record the agreed outcome and comment for %(codes)s.")
            % {"codes": ", ".join(missing)}
        )
    if outcome == "award_with_conditions" and not conditions:
        raise ServiceError(_("An award with conditions needs at least one condition."))
    if any(not text.strip() or due is None for text, due in conditions):
        raise ServiceError(_("Every condition needs its text and a due date."))
    if outcome == "more_evidence_needed" and not (evidence_needed.strip() and evidence_due_date):
        raise ServiceError(_("Say what evidence is needed and by when."))

    def record(locked: Application) -> None:
        AgreedOutcome.objects.filter(application=locked).delete()
        AgreedOutcome.objects.bulk_create(
            AgreedOutcome(
                application=locked, criterion_id=pk, outcome=value[0], comment=value[1].strip()
            )
            for pk, value in agreed.items()
        )
        decision, _created = Decision.objects.update_or_create(
            application=locked,
            defaults={
                "outcome": outcome,
                "strengths": strengths,
                "recommendations": recommendations,
                "evidence_needed": evidence_needed,
                "evidence_due_date": evidence_due_date,
                "decided_by": chair.user,
                "decided_at": now,
                "released_at": None,
                "released_by": None,
            },
        )
        decision.conditions.all().delete()
        Condition.objects.bulk_create(
            Condition(decision=decision, text=text.strip(), due_date=due)
            for text, due in conditions
        )

    return transition(
        application=application,
        action=Action.RECORD_DECISION,
        actor=chair.user,
        now=now,
        note=outcome,
        changes=record,
    )


def decision_release(
    *, application: Application, user: User, now: datetime.datetime, base_url: str
) -> Application:
    """Release a pending decision to the applicant: status changes to the decision's outcome
    (audited) and the team is emailed after commit."""
    from awards.models import Decision

    decision = Decision.objects.filter(application=application).first()
    if decision is None:
        raise ServiceError(_("There is no decision to release."))

    def stamp(locked: Application) -> None:
        from awards import award_services

        Decision.objects.filter(pk=decision.pk).update(released_at=now, released_by=user)
        if decision.outcome in ("award", "award_with_conditions"):
            award_services.award_create(application=locked, decision=decision, actor=user, now=now)
        elif decision.outcome == "not_yet_awarded":
            award_services.renewal_outcome_not_awarded(application=locked, actor=user, now=now)

    link = base_url + reverse("awards:application", args=[application.pk])
    email = _email_team(
        application,
        subject=_("The panel's decision on %(reference)s") % {"reference": application.reference},
        body=_("The panel's decision on your application is ready to read:\n\n%(link)s\n")
        % {"link": link},
    )
    return transition(
        application=application,
        action=RELEASE_ACTIONS[decision.outcome],
        actor=user,
        now=now,
        note=decision.outcome,
        changes=stamp,
        after_commit=[email],
    )
