"""The one driver that takes a submitted application to a decision through the real services:
triage, a panel, every member's declaration and judgements, the meeting, the chair's agreed
outcomes and decision, and (unless asked not to) the coordinator's release.

The demo, the tests' factories and the bench all use it, so that the three of them exercise
the same path as people do, and a change to the rules is felt by all three at once.
"""

import datetime
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from accounts.models import User
from awards.enums import DecisionOutcome, Judgement
from awards.models import Application
from awards.services import decisions as decision_services
from awards.services import triage as triage_services
from panels.models import ConflictDeclaration, Panel
from panels.services import assessment as assessment_services
from panels.services import meetings as meeting_services
from panels.services import membership as membership_services

AWARD_OUTCOMES = frozenset({DecisionOutcome.AWARD, DecisionOutcome.AWARD_WITH_CONDITIONS})


@dataclass(frozen=True)
class Wording:
    """What the panel writes. ``agreed_comment`` is formatted with the criterion's code."""

    judgement_comment: str = "Clear evidence."
    agreed_comment: str = "{code}: well evidenced."
    strengths: str = "A warm welcome."
    recommendations: str = "Share your practice."
    evidence_needed: str = "More from pupils."


def all_met(criterion_index: int, member_index: int) -> str:
    return Judgement.MET


def decide(
    application: Application,
    *,
    admin: User,
    now: datetime.datetime,
    outcome: str = DecisionOutcome.AWARD,
    panel: Panel | None = None,
    conditions: Sequence[tuple[str, datetime.date]] = (),
    release: bool = True,
    wording: Wording = Wording(),
    judgement: Callable[[int, int], str] = all_met,
    agreed: str | None = None,
    meeting: dict | None = None,
    evidence_days: int = 30,
    base_url: str = "http://testserver",
) -> Application:
    """Drive a submitted (or resubmitted, or in-assessment) application to a recorded
    decision, released unless ``release`` is False.

    ``panel`` is used when the application has none yet (then it is required). Members who
    have not declared declare no conflict; every member judges every criterion with
    ``judgement(criterion index, member index)``. The agreed outcome of every criterion is
    ``agreed`` (default: met for an award, partly met otherwise). With ``meeting`` (the
    meeting form's fields), the chair records the meeting first."""
    application = Application.objects.get(pk=application.pk)  # as the database has it now
    if application.awaiting_triage:
        application = triage_services.application_accept(
            application=application, user=admin, now=now
        )
    if application.panel_id is None:
        if panel is None:
            raise ValueError("The application has no panel: pass one.")
        application = membership_services.panel_assign_application(
            panel=panel, application=application, user=admin, now=now
        )
    members = list(application.panel.members.select_related("user"))
    criteria = list(application.criteria_version.criteria.order_by("sort_order"))
    declared = set(
        ConflictDeclaration.objects.filter(application=application).values_list(
            "member_id", flat=True
        )
    )
    for member_index, member in enumerate(members):
        if member.pk not in declared:
            assessment_services.conflict_declare(
                member=member, application=application, has_conflict=False, details="", now=now
            )
        assessment_services.assessment_save(
            member=member,
            application=application,
            expected_version=0,
            judgements={
                criterion.pk: (judgement(index, member_index), wording.judgement_comment)
                for index, criterion in enumerate(criteria)
            },
            now=now,
            submit=True,
        )
    chair = next(member for member in members if member.is_chair)
    if meeting is not None:
        meeting_services.meeting_record(
            application=application, user=chair.user, now=now, **meeting
        )
    agreed_outcome = agreed or (
        Judgement.MET if outcome in AWARD_OUTCOMES else Judgement.PARTLY_MET
    )
    more_evidence = outcome == DecisionOutcome.MORE_EVIDENCE_NEEDED
    application = assessment_services.decision_record(
        application=application,
        chair=chair,
        agreed={
            criterion.pk: (agreed_outcome, wording.agreed_comment.format(code=criterion.code))
            for criterion in criteria
        },
        outcome=outcome,
        strengths=wording.strengths,
        recommendations=wording.recommendations,
        conditions=list(conditions),
        evidence_needed=wording.evidence_needed if more_evidence else "",
        evidence_due_date=now.date() + datetime.timedelta(days=evidence_days)
        if more_evidence
        else None,
        now=now,
    )
    if release:
        application = decision_services.decision_release(
            application=application, user=admin, now=now, base_url=base_url
        )
    return application
