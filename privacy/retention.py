"""The retention schedule for personal data (``SANCTUARY_RETENTION``), applied daily by
``manage.py apply_retention`` (03:30, ``SANCTUARY_SCHEDULE``).

Four rules, each naming exactly what it removes (nothing else is touched: decisions, agreed
outcomes, awards and the public register always stay):

- ``drafts``: draft applications untouched for ``draft_untouched_days`` are deleted with their
  answers; their audit entries stay, detached from the deleted row.
- ``unsuccessful``: "not yet awarded" applications ``unsuccessful_after_decision_days`` after
  the decision lose their answers, personal fields and application pack; the decision, the
  agreed outcomes and the panel's judgements stay.
- ``awarded_evidence``: evidence used only by awarded applications whose award ended or
  expired ``awarded_evidence_after_award_end_days`` ago (one renewal cycle): files removed
  from storage, rows deleted.
- ``assessors``: lived-experience assessors ``assessor_after_last_panel_days`` after their last
  panel, unless they stay on: the profile is deleted and the person pseudonymised ("Former
  assessor 17", stable per person), in the audit trail too.

Export files are pruned by ``manage.py prune`` (reporting/exports/retention.py,
``SANCTUARY_EXPORT_RETENTION_DAYS``), not here.

``retention_plan`` says what would go; ``retention_apply`` removes exactly that plan, so a dry
run and a real run at the same moment agree. A second run finds nothing more.
"""

import dataclasses
import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import Max, Q
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards.enums import ApplicationStatus
from awards.models import Application, Award, CriterionAnswer
from organisations.models import EvidenceItem, Membership
from panels.models import ApplicationPack, AssessorProfile, PanelMember
from privacy.erasure import close_account
from privacy.models import RetentionRun

DEFAULTS = {
    "draft_untouched_days": 2 * 365,
    "unsuccessful_after_decision_days": 3 * 365,
    "awarded_evidence_after_award_end_days": 3 * 365,
    "assessor_after_last_panel_days": 365,
}
RULE_LABELS = {
    "drafts": _("Draft applications untouched"),
    "unsuccessful": _("Unsuccessful applications after the decision"),
    "awarded_evidence": _("Evidence of awards that ended"),
    "assessors": _("Lived-experience assessors after their last panel"),
}
# The personal fields an unsuccessful application loses.
APPLICATION_PERSONAL_FIELDS = {
    "organisation_context": "",
    "lived_experience": "",
    "safeguarding_lead": "",
    "consent_notes": "",
    "senior_signatory_name": "",
    "senior_signatory_role": "",
    "progress_since_award": "",
    "return_note": "",
    "ineligible_reason": "",
}


def _days(name: str) -> datetime.timedelta:
    schedule = {**DEFAULTS, **getattr(settings, "SANCTUARY_RETENTION", {})}
    return datetime.timedelta(days=schedule[name])


def pseudonym(user_id: int) -> str:
    """The name a pseudonymised assessor goes by: stable, one per person."""
    return f"Former assessor {user_id}"


@dataclasses.dataclass(frozen=True)
class RetentionPlan:
    """What each rule would remove: primary keys, in order."""

    drafts: list[int]
    unsuccessful: list[int]
    awarded_evidence: list[int]
    assessors: list[int]

    def counts(self) -> dict[str, int]:
        return {rule: len(getattr(self, rule)) for rule in RULE_LABELS}


def _exclusive_evidence(application_ids: set[int]) -> set[int]:
    """Evidence used by these applications and by no other (answers or condition replies)."""
    used = set(
        CriterionAnswer.evidence.through.objects.filter(
            criterionanswer__application_id__in=application_ids
        ).values_list("evidenceitem_id", flat=True)
    )
    if not used:
        return set()
    elsewhere = set(
        CriterionAnswer.evidence.through.objects.filter(evidenceitem_id__in=used)
        .exclude(criterionanswer__application_id__in=application_ids)
        .values_list("evidenceitem_id", flat=True)
    )
    elsewhere |= set(
        EvidenceItem.objects.filter(pk__in=used)
        .exclude(
            Q(condition_responses__isnull=True)
            | Q(condition_responses__decision__application_id__in=application_ids)
        )
        .values_list("pk", flat=True)
    )
    return used - elsewhere


def retention_plan(*, now: datetime.datetime) -> RetentionPlan:
    """What the schedule would remove at ``now``: read-only, a fixed number of queries."""
    drafts = list(
        Application.objects.filter(
            status=ApplicationStatus.DRAFT,
            updated_at__lt=now - _days("draft_untouched_days"),
            award__isnull=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    personal = Q(answers__isnull=False) | Q(pack__isnull=False)
    for field in APPLICATION_PERSONAL_FIELDS:
        personal |= ~Q(**{field: ""})
    unsuccessful = list(
        Application.objects.filter(
            status=ApplicationStatus.NOT_YET_AWARDED,
            decision__decided_at__lt=now - _days("unsuccessful_after_decision_days"),
        )
        .filter(personal)
        .distinct()
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    ended_before = (now - _days("awarded_evidence_after_award_end_days")).date()
    awarded = set(
        Award.objects.annotate(end=Coalesce("ended_on", "expires_on"))
        .filter(end__lt=ended_before)
        .values_list("application_id", flat=True)
    )
    awarded_evidence = sorted(_exclusive_evidence(awarded))
    assessors = list(
        AssessorProfile.objects.filter(lived_experience=True, stays_on=False)
        .annotate(
            last_panel=Max(
                Coalesce(
                    "user__panel_memberships__panel__meeting_date",
                    "user__panel_memberships__panel__created_at__date",
                )
            )
        )
        .filter(last_panel__lt=(now - _days("assessor_after_last_panel_days")).date())
        .order_by("user_id")
        .values_list("user_id", flat=True)
    )
    return RetentionPlan(
        drafts=drafts,
        unsuccessful=unsuccessful,
        awarded_evidence=awarded_evidence,
        assessors=assessors,
    )


def _delete_evidence(evidence_ids: set[int] | list[int]) -> None:
    items = list(EvidenceItem.objects.filter(pk__in=evidence_ids))
    for item in items:
        if item.file:
            item.file.delete(save=False)
    EvidenceItem.objects.filter(pk__in=[item.pk for item in items]).delete()


def _delete_packs(application_ids: list[int]) -> None:
    packs = list(ApplicationPack.objects.filter(application_id__in=application_ids))
    for pack in packs:
        pack.file.delete(save=False)
    ApplicationPack.objects.filter(pk__in=[pack.pk for pack in packs]).delete()


def _pseudonymise_assessor(user: User, *, now: datetime.datetime) -> None:
    name = pseudonym(user.pk)
    member_ids = list(PanelMember.objects.filter(user=user).values_list("pk", flat=True))
    audit.pseudonymise(
        user_id=user.pk,
        names=[user.get_full_name(), user.email],
        pseudonym=name,
        member_ids=member_ids,
        created_at=now,
    )
    AssessorProfile.objects.filter(user=user).delete()
    if Membership.objects.filter(user=user).exists():
        # Also on an organisation's team: their account stays theirs; only the
        # lived-experience profile goes.
        return
    close_account(
        user,
        first_name="Former assessor",
        last_name=str(user.pk),
        email=f"former-assessor-{user.pk}@pseudonymised.invalid",
    )


@transaction.atomic
def retention_apply(*, now: datetime.datetime, dry_run: bool = False) -> RetentionPlan:
    """Apply the schedule at ``now`` and return what was removed (with ``dry_run``, what would
    be, changing nothing). Side-effects, in order, for a real run: drafts deleted (their audit
    entries detached); unsuccessful applications' evidence only they used deleted with its
    files, their packs deleted with their files, their answers deleted and personal fields
    blanked; awarded applications' expired evidence deleted with its files; assessors' audit
    entries pseudonymised, profiles deleted and accounts pseudonymised; one RetentionRun and
    one RETENTION_APPLIED audit entry with the counts."""
    plan = retention_plan(now=now)
    if dry_run:
        return plan
    if plan.drafts:
        audit.detach_applications(application_ids=plan.drafts)
        _delete_packs(plan.drafts)
        Application.objects.filter(pk__in=plan.drafts).delete()
    if plan.unsuccessful:
        _delete_evidence(_exclusive_evidence(set(plan.unsuccessful)))
        _delete_packs(plan.unsuccessful)
        CriterionAnswer.objects.filter(application_id__in=plan.unsuccessful).delete()
        Application.objects.filter(pk__in=plan.unsuccessful).update(**APPLICATION_PERSONAL_FIELDS)
    _delete_evidence(plan.awarded_evidence)
    for user in User.objects.filter(pk__in=plan.assessors).order_by("pk"):
        _pseudonymise_assessor(user, now=now)
    counts = plan.counts()
    RetentionRun.objects.create(ran_at=now, counts=counts)
    audit.record(action=AuditAction.RETENTION_APPLIED, created_at=now, data=counts)
    return plan
