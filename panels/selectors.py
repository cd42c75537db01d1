"""Reads for panels and assessment: a member's own judgements, the panel's, the chair's
consensus grid, the assessor's to-do list, and the panel as the applicant may see it. Each
is built to a fixed number of queries; who may see them is asked in panels/permissions.py."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from accounts.enums import ROLE_GROUP_NAMES, Role
from accounts.models import User
from awards.enums import RELEASED_STATUSES, ApplicationStatus
from awards.models import Application, Decision
from awards.permissions import coordinated_applications_q
from awards.workflow import Action, allowed_actions
from criteria.models import Criterion
from organisations.selectors import words_q
from panels import permissions as panel_permissions
from panels.composition import conflicted_members, is_lived_experience
from panels.enums import LIVE_ASSESSOR_STEPS, AssessorStep
from panels.models import (
    Assessment,
    AssessorProfile,
    ConflictDeclaration,
    CriterionJudgement,
    Panel,
    PanelMember,
)


def own_judgements(assessment) -> dict:
    """A member's own judgements for one round, by criterion id."""
    if assessment is None:
        return {}
    return {j.criterion_id: j for j in assessment.judgements.all()}


def panel_judgements(application: Application):
    """Every submitted judgement of the current round. Callers show these only to whom
    ``panel_permissions.can_see_others_judgements`` allows."""

    return (
        CriterionJudgement.objects.filter(
            assessment__application=application,
            assessment__round=application.assessment_round,
            assessment__submitted_at__isnull=False,
        )
        .select_related("assessment__member__user", "criterion")
        .order_by("criterion__sort_order", "assessment__member_id")
    )


@dataclass
class ConsensusRow:
    criterion: Criterion
    cells: list
    disagree: bool


@dataclass
class Consensus:
    """The chair's grid: per criterion, each member's submitted judgement (None while not
    submitted), whether they disagree, and what the chair recorded before."""

    members: list
    rows: list[ConsensusRow]
    agreed: dict
    waiting: int


def consensus_grid(application: Application, criteria: list) -> Consensus:
    """Members who are conflicted cannot score and are left out of the grid."""

    panel_members = list(application.panel.members.select_related("user"))
    blocked = {m.pk for m in conflicted_members(application.panel, application, panel_members)}
    members = [member for member in panel_members if member.pk not in blocked]
    judgements = {}
    submitted = set()
    for assessment in Assessment.objects.filter(
        application=application,
        round=application.assessment_round,
        submitted_at__isnull=False,
    ).prefetch_related("judgements"):
        submitted.add(assessment.member_id)
        for judgement in assessment.judgements.all():
            judgements[(judgement.criterion_id, assessment.member_id)] = judgement
    rows = []
    for criterion in criteria:
        cells = [judgements.get((criterion.pk, member.pk)) for member in members]
        outcomes = {cell.outcome for cell in cells if cell}
        rows.append(ConsensusRow(criterion=criterion, cells=cells, disagree=len(outcomes) > 1))
    return Consensus(
        members=members,
        rows=rows,
        agreed={a.criterion_id: a for a in application.agreed_outcomes.all()},
        waiting=sum(member.pk not in submitted for member in members),
    )


@dataclass
class WorklistItem:
    """One application on one of the assessor's panels, and what it needs from them."""

    application: Application
    member: object
    step: str
    judged: int = 0
    criteria: int = 0

    @property
    def step_label(self) -> str:

        return str(AssessorStep(self.step).label)

    @property
    def is_live(self) -> bool:

        return self.step in LIVE_ASSESSOR_STEPS

    @property
    def opens(self) -> bool:
        """A conflicted member is not offered the application at all."""

        return self.step != AssessorStep.CONFLICTED

    @property
    def shows_progress(self) -> bool:

        return self.step == AssessorStep.JUDGE


def assessor_worklist(user: User) -> list[WorklistItem]:
    """Every application on the user's panels with the step it needs from them (declare,
    judge, submitted and waiting, record the decision, awaiting release, decided, or
    conflicted), live work first, in a fixed number of queries. The step is worked out by
    the same predicates the assessor's pages ask."""

    members = {
        m.panel_id: m
        for m in PanelMember.objects.filter(user=user).select_related("panel", "panel__stream")
    }
    if not members:
        return []
    applications = list(
        Application.objects.filter(panel_id__in=list(members))
        .select_related("organisation", "stream")
        .order_by("panel__meeting_date", "pk")
    )
    member_ids = [m.pk for m in members.values()]
    declarations = {
        (member_id, application_id): has_conflict
        for member_id, application_id, has_conflict in ConflictDeclaration.objects.filter(
            member_id__in=member_ids
        ).values_list("member_id", "application_id", "has_conflict")
    }
    affiliated = set(
        AssessorProfile.objects.filter(user=user).values_list("affiliations", flat=True)
    )
    assessments = {
        (a.member_id, a.application_id, a.round): a
        for a in Assessment.objects.filter(member_id__in=member_ids).annotate(
            judged=Count("judgements", filter=~Q(judgements__outcome=""))
        )
    }
    criteria_counts = dict(
        Criterion.objects.filter(
            version_id__in={application.criteria_version_id for application in applications}
        )
        .values("version_id")
        .annotate(total=Count("pk"))
        .values_list("version_id", "total")
    )
    items = []
    for application in applications:
        member = members[application.panel_id]
        assessment = assessments.get((member.pk, application.pk, application.assessment_round))
        seat = panel_permissions.PanelSeat(
            member=member,
            declared_conflict=declarations.get((member.pk, application.pk)),
            affiliated=application.organisation_id in affiliated,
            assessment=assessment,
        )
        panel_permissions.prime_panel_seats(application, user, seat)
        if seat.conflicted:
            step = AssessorStep.CONFLICTED
        elif panel_permissions.can_declare_conflict(user, application):
            step = AssessorStep.DECLARE
        elif panel_permissions.can_judge(user, application):
            step = AssessorStep.JUDGE
        elif Action.RECORD_DECISION in allowed_actions(user, application):
            step = AssessorStep.DECIDE
        elif application.status == ApplicationStatus.IN_ASSESSMENT:
            step = AssessorStep.WAITING
        elif application.status == ApplicationStatus.DECISION_PENDING:
            step = AssessorStep.AWAITING_RELEASE
        else:
            step = AssessorStep.DECIDED
        items.append(
            WorklistItem(
                application=application,
                member=member,
                step=step,
                judged=getattr(assessment, "judged", 0),
                criteria=criteria_counts.get(application.criteria_version_id, 0),
            )
        )
    items.sort(key=lambda item: not item.is_live)
    return items


def panel_assignable_applications(user, panel) -> QuerySet[Application]:
    """Applications the coordinator may give this panel: theirs, of the panel's stream, in
    assessment and without a panel yet."""

    scope = coordinated_applications_q(user)
    if scope is None:
        return Application.objects.none()
    return Application.objects.filter(
        scope, stream=panel.stream, status=ApplicationStatus.IN_ASSESSMENT, panel__isnull=True
    )


def panel_member_candidates(panel: Panel) -> QuerySet[User]:
    """Assessors (people with the panel member role) not yet on ``panel``."""
    return (
        User.objects.filter(groups__name=ROLE_GROUP_NAMES[Role.PANEL_MEMBER])
        .exclude(panel_memberships__panel=panel)
        .select_related("assessor_profile")
        .order_by("last_name", "first_name", "email", "pk")
    )


# How many matches a search-then-choose field offers at once.
SHORTLIST_SIZE = 20


@dataclass
class Shortlist:
    """A bounded choice: the first matches of a search, how many matched in all, and the
    one chosen before (a form back with an error keeps it, matched or not)."""

    shown: list
    total: int
    query: str

    @property
    def more(self) -> bool:
        """More matched than are shown: search to narrow."""
        return self.total > len(self.shown)


def _shortlist(
    candidates: QuerySet, *, query: str, fields: tuple[str, ...], chosen: str | None, limit: int
) -> Shortlist:
    """Two queries (three with a chosen one not among the first matches)."""
    matching = candidates.filter(words_q(query, fields))
    shown = list(matching[:limit])
    total = matching.count()
    chosen = str(chosen or "")
    chosen_pk = int(chosen) if chosen.isascii() and chosen.isdecimal() else None
    if chosen_pk is not None and chosen_pk not in {item.pk for item in shown}:
        shown.extend(candidates.filter(pk=chosen_pk))
    return Shortlist(shown=shown, total=total, query=query)


ASSESSOR_SEARCH_FIELDS = ("first_name", "last_name", "email")
APPLICATION_SEARCH_FIELDS = ("organisation__name", "reference")


def assessor_shortlist(
    *, panel: Panel, query: str = "", chosen: str | None = None, limit: int = SHORTLIST_SIZE
) -> Shortlist:
    """The assessors who could join ``panel`` matching ``query`` (every word in the name
    or email), the first ``limit`` by name."""
    return _shortlist(
        panel_member_candidates(panel),
        query=query,
        fields=ASSESSOR_SEARCH_FIELDS,
        chosen=chosen,
        limit=limit,
    )


def application_shortlist(
    *,
    user: User,
    panel: Panel,
    query: str = "",
    chosen: str | None = None,
    limit: int = SHORTLIST_SIZE,
) -> Shortlist:
    """The applications ``user`` may give ``panel`` matching ``query`` (every word in the
    organisation's name or the reference), the first ``limit`` by organisation."""
    return _shortlist(
        panel_assignable_applications(user, panel)
        .select_related("organisation")
        .order_by("organisation__name", "pk"),
        query=query,
        fields=APPLICATION_SEARCH_FIELDS,
        chosen=chosen,
        limit=limit,
    )


@dataclass
class PanelistForApplicants:
    """A panel member as the applicant may see them: a lived-experience assessor is
    "Panel member N (lived experience)" unless they chose to be named."""

    name: str
    member: PanelMember
    pseudonymised: bool

    @property
    def label(self) -> str:
        """The name with the member's role (a pseudonym says its role already)."""
        if self.pseudonymised:
            return self.name
        return f"{self.name} ({self.member.get_role_display()})"


def panelists_for_applicants(application) -> list[PanelistForApplicants]:
    """The application's panel, chair first, as the applicant may see it. One query."""

    if application.panel_id is None:
        return []
    panelists = []
    members = application.panel.members.select_related("user", "user__assessor_profile")
    for number, member in enumerate(members, start=1):
        profile = getattr(member.user, "assessor_profile", None)
        if is_lived_experience(member) and not (profile and profile.named_to_applicants):
            name = _("Panel member %(number)s (lived experience)") % {"number": number}
            panelists.append(PanelistForApplicants(name, member, pseudonymised=True))
        else:
            panelists.append(PanelistForApplicants(str(member.user), member, pseudonymised=False))
    return panelists


def panel_as_applicants_see_it(application) -> list[str]:
    """The panel's members as the applicant may see them, each with their role."""
    return [panelist.label for panelist in panelists_for_applicants(application)]


def released_decision(application, *, preview: bool = False):
    """The decision, agreed outcomes, conditions and the panel as the applicant sees them,
    once released; None before. With ``preview``, the pending decision instead, exactly as
    it will reach the applicant (for the coordinator who releases it)."""
    if preview:
        if not application.decision_pending:
            return None
        decision = (
            Decision.objects.filter(application=application, released_at__isnull=True)
            .prefetch_related("conditions")
            .first()
        )
    elif application.status not in RELEASED_STATUSES:
        return None
    else:
        decision = (
            Decision.objects.filter(application=application, released_at__isnull=False)
            .prefetch_related("conditions")
            .first()
        )
    if decision is None:
        return None
    panelists = panelists_for_applicants(application)
    return {
        "decision": decision,
        "agreed": list(application.agreed_outcomes.select_related("criterion")),
        "panel": [panelist.label for panelist in panelists],
        "chair": next((p for p in panelists if p.member.is_chair), None),
    }
