"""Reads for the applicant journey, each built to a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from awards.enums import ApplicationStatus, AwardStatus, MembershipRole, TaskStatus
from awards.models import (
    Application,
    Award,
    Condition,
    CriterionAnswer,
    EvidenceItem,
    Membership,
    Organisation,
)
from criteria.enums import PRINCIPLE_ORDER, Principle
from criteria.models import Criterion

SECTION_ABOUT = "about"
SECTION_PROGRESS = "progress"
SECTION_LIVED_EXPERIENCE = "lived-experience"
SECTION_CONSENT = "consent"
SECTION_ENDORSEMENT = "endorsement"


@dataclass
class Task:
    key: str
    title: str
    status: str
    url_name: str
    hint: str = ""
    code: str = ""

    @property
    def status_label(self) -> str:
        return str(TaskStatus(self.status).label)


@dataclass
class TaskGroup:
    title: str
    tasks: list[Task] = field(default_factory=list)


@dataclass
class Coverage:
    principle: str
    label: str
    total: int
    with_narrative: int
    with_evidence: int
    missing: list[str]

    @property
    def percent(self) -> int:
        if not self.total:
            return 100
        return round(100 * min(self.with_narrative, self.with_evidence) / self.total)


@dataclass
class TaskList:
    groups: list[TaskGroup]
    coverage: list[Coverage]
    criteria: list[Criterion]
    answers: dict[int, CriterionAnswer]

    @property
    def tasks(self) -> list[Task]:
        return [task for group in self.groups for task in group.tasks]

    @property
    def completed_count(self) -> int:
        return sum(task.status == TaskStatus.COMPLETED for task in self.tasks)

    @property
    def all_complete(self) -> bool:
        return self.completed_count == len(self.tasks)


def _status(filled: int, total: int) -> str:
    if filled == 0:
        return TaskStatus.NOT_STARTED
    return TaskStatus.COMPLETED if filled == total else TaskStatus.IN_PROGRESS


def answer_status(
    answer: CriterionAnswer | None, *, criterion: Criterion, pledge_signed: bool = False
) -> str:
    """A criterion task is complete with a narrative and a self-assessment; a prerequisite
    also needs at least one piece of evidence (the signed pledge counts where the criterion
    says so)."""
    if answer is None:
        return TaskStatus.NOT_STARTED
    evidence = getattr(answer, "evidence_count", None)
    if evidence is None:
        evidence = answer.evidence.count()
    evidence += int(criterion.pledge_is_evidence and pledge_signed)
    parts = [bool(answer.narrative.strip()), bool(answer.self_assessment)]
    if criterion.principle == Principle.PREREQUISITE:
        parts.append(evidence > 0)
    elif evidence and not any(parts):
        return TaskStatus.IN_PROGRESS
    return _status(sum(parts), len(parts))


def application_task_list(application: Application) -> TaskList:
    """Every task of the application with its status, and the coverage meter (2 queries, the
    organisation being loaded with the application)."""
    pledge_signed = application.organisation.pledge_signed_at is not None
    criteria = list(
        Criterion.objects.filter(version_id=application.criteria_version_id).order_by("sort_order")
    )
    answers = {
        answer.criterion_id: answer
        for answer in CriterionAnswer.objects.filter(application=application).annotate(
            evidence_count=Count("evidence")
        )
    }
    about = TaskGroup(
        _("About you"),
        [
            Task(
                SECTION_ABOUT,
                _("About your organisation"),
                _status(bool(application.organisation_context.strip()), 1),
                "section",
            ),
        ],
    )
    if application.renewal_of_id:
        about.tasks.append(
            Task(
                SECTION_PROGRESS,
                _("Progress since your last award"),
                _status(bool(application.progress_since_award.strip()), 1),
                "section",
            )
        )
    groups = [about]
    coverage = []
    for principle in PRINCIPLE_ORDER:
        in_group = [criterion for criterion in criteria if criterion.principle == principle]
        if not in_group:
            continue
        label = str(Principle(principle).label)
        title = _("Prerequisites") if principle == Principle.PREREQUISITE else label
        group = TaskGroup(title)
        missing = []
        with_narrative = with_evidence = 0
        for criterion in in_group:
            answer = answers.get(criterion.pk)
            group.tasks.append(
                Task(
                    criterion.code,
                    f"{criterion.code} {criterion.title}",
                    answer_status(answer, criterion=criterion, pledge_signed=pledge_signed),
                    "criterion",
                    code=criterion.code,
                )
            )
            has_narrative = bool(answer and answer.narrative.strip())
            has_evidence = bool(answer and answer.evidence_count) or (
                criterion.pledge_is_evidence and pledge_signed
            )
            with_narrative += has_narrative
            with_evidence += has_evidence
            if not (has_narrative and has_evidence):
                missing.append(criterion.code)
        groups.append(group)
        coverage.append(
            Coverage(principle, title, len(in_group), with_narrative, with_evidence, missing)
        )
    endorsement_fields = [
        bool(application.senior_signatory_name.strip()),
        bool(application.senior_signatory_role.strip()),
        application.senior_endorsed_on is not None,
    ]
    groups.append(
        TaskGroup(
            _("Lived experience, consent and endorsement"),
            [
                Task(
                    SECTION_LIVED_EXPERIENCE,
                    _("How people with lived experience shaped this work"),
                    _status(bool(application.lived_experience.strip()), 1),
                    "section",
                ),
                Task(
                    SECTION_CONSENT,
                    _("Consent and safeguarding"),
                    _status(
                        application.consent_confirmed + bool(application.safeguarding_lead.strip()),
                        2,
                    ),
                    "section",
                ),
                Task(
                    SECTION_ENDORSEMENT,
                    _("Senior endorsement"),
                    _status(sum(endorsement_fields), 3),
                    "section",
                ),
            ],
        )
    )
    return TaskList(groups=groups, coverage=coverage, criteria=criteria, answers=answers)


def organisations_for_user(user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user)
        .select_related("organisation", "organisation__stream")
        .prefetch_related(
            Prefetch(
                "organisation__applications",
                queryset=Application.objects.select_related("stream").order_by("-created_at"),
            ),
            Prefetch(
                "organisation__awards",
                queryset=Award.objects.select_related("stream")
                .exclude(status__in=[AwardStatus.RENEWED])
                .prefetch_related("renewal_applications")
                .order_by("-awarded_on"),
            ),
        )
        .order_by("organisation__name")
    )


def organisation_team(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.select_related("user").order_by("role", "user__email")


def organisation_leads(organisation: Organisation) -> QuerySet[Membership]:
    return organisation.memberships.filter(role=MembershipRole.LEAD)


def evidence_library(organisation: Organisation) -> QuerySet[EvidenceItem]:
    return organisation.evidence.annotate(use_count=Count("answers")).order_by("-created_at")


def judgements_visible_to(member, application):
    """Other members' judgements stay hidden until the member has submitted their own."""
    from awards.models import Assessment, CriterionJudgement

    own = Assessment.objects.filter(
        member=member, application=application, round=application.assessment_round
    ).first()
    if own is None or own.submitted_at is None:
        return (
            CriterionJudgement.objects.filter(assessment=own)
            if own
            else (CriterionJudgement.objects.none())
        )
    return CriterionJudgement.objects.filter(
        assessment__application=application,
        assessment__round=application.assessment_round,
        assessment__submitted_at__isnull=False,
    ).select_related("assessment__member__user", "criterion")


RELEASED_STATUSES = frozenset(
    {"awarded", "awarded_with_conditions", "more_evidence_needed", "not_yet_awarded"}
)


def panel_as_applicants_see_it(application) -> list[str]:
    """The panel's members as the applicant may see them: a lived-experience assessor is
    "Panel member N (lived experience)" unless they chose to be named."""
    from awards.panels import is_lived_experience

    if application.panel_id is None:
        return []
    names = []
    members = application.panel.members.select_related("user", "user__assessor_profile")
    for number, member in enumerate(members, start=1):
        profile = getattr(member.user, "assessor_profile", None)
        if is_lived_experience(member) and not (profile and profile.named_to_applicants):
            names.append(_("Panel member %(number)s (lived experience)") % {"number": number})
        else:
            names.append(f"{member.user} ({member.get_role_display()})")
    return names


def released_decision(application):
    """The decision, agreed outcomes and conditions, once released; None before."""
    from awards.models import Decision

    if application.status not in RELEASED_STATUSES:
        return None
    decision = (
        Decision.objects.filter(application=application, released_at__isnull=False)
        .prefetch_related("conditions")
        .first()
    )
    if decision is None:
        return None
    return {
        "decision": decision,
        "agreed": list(application.agreed_outcomes.select_related("criterion")),
        "panel": panel_as_applicants_see_it(application),
    }


def feedback_letter_context(application) -> dict | None:
    """What the feedback letter says, built only from what the applicant may see."""
    released = released_decision(application)
    if released is None:
        return None
    return {"application": application, **released}


def renewal_criteria_changes(application):
    """For a renewal: how the criteria changed between the version of the last award and the
    version this application uses (None for a first application)."""
    from criteria.selectors import criteria_version_diff

    if not application.renewal_of_id:
        return None
    return criteria_version_diff(
        old=application.renewal_of.criteria_version, new=application.criteria_version
    )


def renewal_change_by_code(application) -> dict[str, str]:
    """Per criterion code, what changed since the last award: "added", "reworded" or
    "unchanged" (empty for a first application). Shown to panel members."""
    diff = renewal_criteria_changes(application)
    if diff is None:
        return {}
    changes = {c.code: "added" for c in diff.added}
    changes.update({c.code: "reworded" for c in diff.reworded})
    changes.update({c.code: "unchanged" for c in diff.unchanged})
    return changes


def open_conditions_by_organisation(organisation_ids) -> dict[int, list[Condition]]:
    """Unmet conditions of awards held, per organisation (one query)."""
    conditions = (
        Condition.objects.filter(
            met_at__isnull=True,
            decision__application__organisation_id__in=list(organisation_ids),
            decision__application__status=ApplicationStatus.AWARDED_WITH_CONDITIONS,
        )
        .select_related("decision__application")
        .order_by("due_date", "pk")
    )
    grouped: dict[int, list[Condition]] = {}
    for condition in conditions:
        grouped.setdefault(condition.decision.application.organisation_id, []).append(condition)
    return grouped
