"""Reads for the applicant journey, each built to a fixed number of queries."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from accounts.models import User
from awards import sections
from awards.enums import ApplicationStatus, AwardStatus, TaskStatus
from awards.models import Application, Award, Condition, CriterionAnswer
from criteria.enums import PRINCIPLE_ORDER, Principle
from criteria.models import Criterion
from criteria.selectors import criteria_version_diff
from organisations.enums import MembershipRole
from organisations.models import EvidenceItem, LocalCoordinator, Membership, Organisation


@dataclass
class Task:
    key: str
    title: str
    status: str
    url_name: str
    hint: str = ""
    code: str = ""
    changes_requested: bool = False

    @property
    def status_label(self) -> str:
        return str(TaskStatus(self.status).label)

    @property
    def is_completed(self) -> bool:
        return self.status == TaskStatus.COMPLETED


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
                sections.ABOUT.key,
                str(sections.ABOUT.title),
                _status(bool(application.organisation_context.strip()), 1),
                "section",
            ),
        ],
    )
    if application.renewal_of_id:
        about.tasks.append(
            Task(
                sections.PROGRESS.key,
                str(sections.PROGRESS.title),
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
                    sections.LIVED_EXPERIENCE.key,
                    str(sections.LIVED_EXPERIENCE.title),
                    _status(bool(application.lived_experience.strip()), 1),
                    "section",
                ),
                Task(
                    sections.CONSENT.key,
                    str(sections.CONSENT.title),
                    _status(
                        application.consent_confirmed + bool(application.safeguarding_lead.strip()),
                        2,
                    ),
                    "section",
                ),
                Task(
                    sections.ENDORSEMENT.key,
                    str(sections.ENDORSEMENT.title),
                    _status(sum(endorsement_fields), 3),
                    "section",
                ),
            ],
        )
    )
    return TaskList(groups=groups, coverage=coverage, criteria=criteria, answers=answers)


def answers_by_criterion(application: Application) -> dict:
    return {a.criterion_id: a for a in application.answers.prefetch_related("evidence")}


def renewal_criteria_changes(application):
    """For a renewal: how the criteria changed between the version of the last award and the
    version this application uses (None for a first application)."""

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


def coordinator_queue(scope) -> QuerySet[Application]:
    """Submitted applications (never drafts) within a coordinator's scope."""
    return Application.objects.filter(scope).exclude(status=ApplicationStatus.DRAFT)


def register_for_local_group(local_group) -> QuerySet[Award]:
    """Current, listed awards of organisations in a local group's area (its page lists them)."""
    return (
        Award.objects.in_register()
        .filter(organisation__local_group=local_group)
        .select_related("organisation", "stream")
        .order_by("organisation__name")
    )


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


@dataclass
class ChangesRequested:
    """What the coordinator asked for when returning the application: the note, the date,
    and the tasks reopened (every task when they named none)."""

    note: str
    due_date: object
    tasks: list


def changes_requested(application: Application, task_list: TaskList) -> ChangesRequested | None:
    """For a returned application, its request (and each reopened task is marked); None
    otherwise."""
    if not application.is_returned:
        return None
    named = set(application.returned_tasks or [])
    reopened = [task for task in task_list.tasks if not named or task.key in named]
    for task in reopened:
        task.changes_requested = True
    return ChangesRequested(
        note=application.return_note, due_date=application.return_due_date, tasks=reopened
    )


def organisations_led_by(user: User) -> QuerySet[Organisation]:
    return Organisation.objects.filter(
        memberships__user=user, memberships__role=MembershipRole.LEAD
    ).order_by("name")


def coordinator_emails(application: Application) -> list[str]:
    """The coordinators of the application's stream and of its organisation's local group."""
    stream = list(application.stream.coordinators.values_list("email", flat=True))
    local = (
        list(
            LocalCoordinator.objects.filter(
                local_group_id=application.organisation.local_group_id
            ).values_list("user__email", flat=True)
        )
        if application.organisation.local_group_id
        else []
    )
    return sorted(set(stream + local))


def evidence_needing_consent(application: Application) -> list:
    """Evidence the application uses that shows children or tells a person's sanctuary story
    without consent recorded (the applicant is warned before the declaration)."""
    return list(
        EvidenceItem.objects.filter(answers__application=application, consent_obtained=False)
        .filter(Q(contains_images_of_children=True) | Q(contains_sanctuary_stories=True))
        .distinct()
        .order_by("title")
    )
