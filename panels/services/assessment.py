"""Writes for the assessment: conflict declarations, each member's judgements, and the chair's
agreed outcomes and decision."""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from audit import services as audit
from audit.enums import AuditAction
from awards.enums import DecisionOutcome, Judgement
from awards.models import AgreedOutcome, Application, Condition, Decision
from awards.selectors import coordinator_emails
from awards.workflow import (
    Action,
    transition,
)
from core.errors import ServiceError, StaleWrite, refuse_unless
from notifications import emails
from panels import permissions as panel_permissions
from panels.composition import panel_composition
from panels.models import Assessment, ConflictDeclaration, CriterionJudgement
from panels.services.membership import CompositionError


@transaction.atomic
def conflict_declare(
    *, member, application: Application, has_conflict: bool, details: str, now: datetime.datetime
):
    """A member declares, before reading, whether they have a conflict. Once made, a
    declaration stands (a second one is refused). Audited when a conflict is declared."""

    locked = Application.objects.select_for_update().get(pk=application.pk)
    refuse_unless(panel_permissions.can_declare_conflict(member.user, locked))
    declaration = ConflictDeclaration.objects.create(
        member=member,
        application=locked,
        has_conflict=has_conflict,
        details=details.strip(),
        declared_at=now,
    )
    if has_conflict:
        audit.record(
            application=locked,
            organisation_id=locked.organisation_id,
            actor=member.user,
            action=AuditAction.CONFLICT_DECLARED,
            note=details,
            created_at=now,
        )
    return declaration


class JudgementsIncomplete(ServiceError):
    """Submitting without a judgement for some criteria; ``codes`` names them."""

    def __init__(self, codes: list[str]):
        super().__init__(
            _("Give a judgement for every criterion before you submit: %(codes)s.")
            % {"codes": ", ".join(codes)}
        )
        self.codes = codes


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
    Refused unless the member may judge (declared no conflict, not conflicted, application
    in assessment, not yet submitted). Outcomes must be one of Judgement's values (or empty
    in a draft). Submitting needs a judgement for every criterion and cannot be undone."""

    locked = Application.objects.select_for_update().get(pk=application.pk)
    refuse_unless(panel_permissions.can_judge(member.user, locked))
    criteria = {c.pk: c for c in locked.criteria_version.criteria.order_by("sort_order")}
    for criterion_id, (outcome, _comment) in judgements.items():
        if criterion_id not in criteria:
            raise ServiceError(_("That criterion is not part of this application."))
        if outcome and outcome not in Judgement.values:
            raise ServiceError(
                _("Choose met, partly met or not yet met for %(code)s.")
                % {"code": criteria[criterion_id].code}
            )
    assessment, _created = Assessment.objects.get_or_create(
        member=member, application=locked, round=locked.assessment_round
    )
    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if assessment.version != expected_version:
        raise StaleWrite(assessment)
    for criterion_id, (outcome, comment) in judgements.items():
        CriterionJudgement.objects.update_or_create(
            assessment=assessment,
            criterion_id=criterion_id,
            defaults={"outcome": outcome, "comment": comment},
        )
    if submit:
        judged = set(
            assessment.judgements.exclude(outcome="").values_list("criterion_id", flat=True)
        )
        missing = [c.code for pk, c in criteria.items() if pk not in judged]
        if missing:
            raise JudgementsIncomplete(missing)
        assessment.submitted_at = now
        audit.record(
            application=locked,
            organisation_id=locked.organisation_id,
            actor=member.user,
            action=AuditAction.JUDGEMENTS_SUBMITTED,
            created_at=now,
        )
    assessment.version += 1
    assessment.save()
    return assessment


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

    Refused (ServiceError) unless: the recorder may record it (the unconflicted chair of
    this application's panel, with their own judgements submitted: the transition table's
    predicate); the panel meets its stream's composition rule for this application; every
    member who can score it has submitted their judgements; the outcome and every agreed
    outcome are allowed values; every criterion has an agreed outcome and comment; an award
    with conditions has at least one condition and every condition a due date; more
    evidence names what and by when. Then, atomically: the agreed outcomes, the decision and
    its conditions are saved and the workflow moves to "decision pending" (audited). Nothing
    reaches the applicant until a coordinator releases it.
    """

    fresh = Application.objects.get(pk=application.pk)
    refuse_unless(panel_permissions.can_record_decision(chair.user, fresh))
    if outcome not in DecisionOutcome.values:
        raise ServiceError(_("Choose the panel's decision."))
    report = panel_composition(chair.panel, fresh)
    if not report.ok:
        raise CompositionError(report)
    blocked = {member.pk for member in report.conflicted}
    scorers = [m for m in chair.panel.members.all() if m.pk not in blocked]
    submitted = set(
        Assessment.objects.filter(
            application=fresh,
            round=fresh.assessment_round,
            submitted_at__isnull=False,
        ).values_list("member_id", flat=True)
    )
    waiting = [m for m in scorers if m.pk not in submitted]
    if waiting:
        raise ServiceError(
            _("Every member must submit their judgements first; waiting for %(count)s.")
            % {"count": len(waiting)}
        )
    criteria = list(fresh.criteria_version.criteria.order_by("sort_order"))
    invalid = [c.code for c in criteria if agreed.get(c.pk, ("",))[0] not in ("", *Judgement)]
    if invalid:
        raise ServiceError(
            _("Choose met, partly met or not yet met for %(codes)s.")
            % {"codes": ", ".join(invalid)}
        )
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
    if outcome == DecisionOutcome.AWARD_WITH_CONDITIONS and not conditions:
        raise ServiceError(_("An award with conditions needs at least one condition."))
    if any(not text.strip() or due is None for text, due in conditions):
        raise ServiceError(_("Every condition needs its text and a due date."))
    if outcome == DecisionOutcome.MORE_EVIDENCE_NEEDED and not (
        evidence_needed.strip() and evidence_due_date
    ):
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

    email = emails.prepare(
        "decision_pending",
        to=coordinator_emails(fresh),
        context={
            "organisation": fresh.organisation.name,
            "reference": fresh.reference,
            "link": emails.absolute(reverse("workspace:release", args=[fresh.pk])),
        },
    )
    return transition(
        application=application,
        action=Action.RECORD_DECISION,
        actor=chair.user,
        now=now,
        note=outcome,
        changes=record,
        after_commit=emails.after_commit(email),
    )
