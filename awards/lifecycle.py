"""The daily award lifecycle job.

For the day it runs for, in batches (queries grow with the number of batches, not awards):

1. Awards whose first reminder date has come move from current to "renewal due".
2. Renewal reminders go to the organisation's leads and the coordinators at the stream's
   offsets (default 6, 3 and 1 months before expiry), each exactly once: an ``AwardReminder``
   row per (award, offset) is the proof. If the job missed days, only the latest reminder
   due is sent; the earlier ones are not sent late.
3. Awards that reach their expiry date lapse, unless a renewal was submitted in time
   ("in renewal"): they stay current until the renewal decision.
4. Unmet conditions past their due date are flagged (once each) and audited.

A second run for the same day finds nothing to do and sends nothing. A run for a day before
the latest day already processed is refused: the clock does not go backwards.
"""

import datetime
from dataclasses import asdict, dataclass, field

from django.db import transaction
from django.db.models import Prefetch
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit import services as audit
from audit.enums import AuditAction
from awards.enums import AwardStatus
from awards.models import Award, AwardReminder, Condition, LifecycleRun
from awards.services.conditions import overdue_conditions
from awards.workflow import AwardAction, award_transition_many
from core.dates import add_months
from criteria.models import Stream
from notifications import emails
from organisations.enums import MembershipRole
from organisations.models import LocalCoordinator, Membership

BATCH_SIZE = 500


class LifecycleError(Exception):
    """The job cannot run for that day."""


@dataclass
class LifecycleSummary:
    day: str
    renewal_due: int = 0
    reminders: int = 0
    lapsed: int = 0
    conditions_flagged: int = 0
    already_ran: bool = False
    messages: list[str] = field(default_factory=list)


def _batches(ids: list[int]):
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


def _offsets(stream: Stream) -> list[int]:
    return sorted({int(m) for m in (stream.reminder_offsets_months or [])}, reverse=True)


def process_awards(*, today: datetime.date, now: datetime.datetime | None = None):
    """Run the lifecycle for ``today``. Returns a LifecycleSummary."""
    now = now or timezone.now()
    latest = LifecycleRun.objects.order_by("-day").values_list("day", flat=True).first()
    if latest and today < latest:
        raise LifecycleError(
            _("The job has already run for %(latest)s; it cannot run for an earlier day.")
            % {"latest": latest.isoformat()}
        )
    run, created = LifecycleRun.objects.get_or_create(day=today, defaults={"started_at": now})
    summary = LifecycleSummary(day=today.isoformat(), already_ran=not created)
    streams = list(Stream.objects.all())

    # 1. Renewal due.
    for stream in streams:
        offsets = _offsets(stream)
        if not offsets:
            continue
        horizon = add_months(today, offsets[0])
        ids = list(
            Award.objects.filter(
                stream=stream, status=AwardStatus.ACTIVE, expires_on__lte=horizon
            ).values_list("pk", flat=True)
        )
        for batch in _batches(ids):
            summary.renewal_due += len(
                award_transition_many(
                    award_ids=batch, action=AwardAction.RENEWAL_DUE, actor=None, now=now
                )
            )

    # 2. Reminders.
    for stream in streams:
        offsets = _offsets(stream)
        if not offsets:
            continue
        # The offset due today for an award expiring on E is the smallest m with
        # E - m months <= today, i.e. E <= today + m months: so each offset owns a band of
        # expiry dates. Awards that already had this reminder (or a later one) are left out
        # in the query, so a second run loads nothing.
        lower = today
        for offset in sorted(offsets):
            upper = add_months(today, offset)
            ids = list(
                Award.objects.filter(
                    stream=stream,
                    status=AwardStatus.RENEWAL_DUE,
                    expires_on__gt=lower,
                    expires_on__lte=upper,
                )
                .exclude(reminders__months_before__lte=offset)
                .values_list("pk", flat=True)
            )
            lower = upper
            for batch in _batches(ids):
                summary.reminders += _send_reminders(batch, stream, offset, today, now)

    # 3. Lapse at expiry (awards in renewal stay current until the decision).
    ids = list(
        Award.objects.filter(
            status__in=[AwardStatus.ACTIVE, AwardStatus.RENEWAL_DUE], expires_on__lte=today
        ).values_list("pk", flat=True)
    )
    for batch in _batches(ids):
        moved = award_transition_many(
            award_ids=batch,
            action=AwardAction.LAPSE,
            actor=None,
            now=now,
            note=_("Expired without a renewal submitted in time."),
        )
        Award.objects.filter(pk__in=moved, ended_on__isnull=True).update(ended_on=today)
        summary.lapsed += len(moved)

    # 4. Overdue conditions.

    ids = list(
        overdue_conditions(
            Condition.objects.filter(overdue_flagged_on__isnull=True), today=today
        ).values_list("pk", flat=True)
    )
    for batch in _batches(ids):
        summary.conditions_flagged += _flag_conditions(batch, today, now)

    run.finished_at = timezone.now()
    run.summary = asdict(summary)
    run.save(update_fields=["finished_at", "summary"])
    return summary


def _send_reminders(batch, stream, offset, today, now) -> int:
    awards = list(
        Award.objects.filter(pk__in=batch)
        .select_related("organisation", "organisation__local_group")
        .prefetch_related(
            "reminders",
            Prefetch(
                "organisation__memberships",
                queryset=Membership.objects.filter(role=MembershipRole.LEAD).select_related("user"),
                to_attr="lead_memberships",
            ),
        )
    )
    coordinators = list(stream.coordinators.values_list("email", flat=True))

    group_ids = {a.organisation.local_group_id for a in awards if a.organisation.local_group_id}
    local = {}
    for group_id, email in LocalCoordinator.objects.filter(
        local_group_id__in=group_ids
    ).values_list("local_group_id", "user__email"):
        local.setdefault(group_id, []).append(email)

    due = []
    for award in awards:
        sent = {r.months_before for r in award.reminders.all()}
        # Sent once each; and never an earlier (longer) reminder after a later one.
        if sent and min(sent) <= offset:
            continue
        due.append((award, offset))
    if not due:
        return 0
    with transaction.atomic():
        created = AwardReminder.objects.bulk_create(
            [
                AwardReminder(award=award, months_before=offset, sent_on=today)
                for award, offset in due
            ],
            ignore_conflicts=True,
        )
        audit.record_many(
            [
                audit.entry(
                    award=award,
                    application_id=award.application_id,
                    organisation_id=award.organisation_id,
                    action=AuditAction.AWARD_REMINDER_SENT,
                    note=_("%(months)s months before expiry") % {"months": offset},
                    created_at=now,
                )
                for award, offset in due
            ]
        )
        dashboard = emails.absolute(reverse("awards:dashboard"))
        messages = [
            emails.prepare(
                "renewal_reminder",
                to=[m.user.email for m in award.organisation.lead_memberships],
                cc=coordinators + local.get(award.organisation.local_group_id, []),
                context={
                    "award": stream.award_title,
                    "organisation": award.organisation.name,
                    "number": award.certificate_number,
                    "expires_on": award.expires_on,
                    # The award's own card, where "Start your renewal" is.
                    "link": f"{dashboard}#award-{award.pk}",
                },
            )
            for award, _offset in due
        ]
        # One task per batch, not per award.
        emails.send_batch([message for message in messages if message is not None])
    return len(created) if created else len(due)


def _flag_conditions(batch, today, now) -> int:
    with transaction.atomic():
        conditions = list(
            Condition.objects.select_for_update(of=("self",))
            .filter(pk__in=batch, overdue_flagged_on__isnull=True)
            .select_related("decision__application")
        )
        Condition.objects.filter(pk__in=[c.pk for c in conditions]).update(overdue_flagged_on=today)
        audit.record_many(
            [
                audit.entry(
                    application_id=c.decision.application_id,
                    organisation_id=c.decision.application.organisation_id,
                    action=AuditAction.CONDITION_OVERDUE,
                    note=c.text[:200],
                    created_at=now,
                )
                for c in conditions
            ]
        )
    return len(conditions)


@task
def process_awards_task(day: str | None = None) -> dict:
    """The daily job as a background task (a scheduler or cron enqueues it once a day)."""
    today = datetime.date.fromisoformat(day) if day else timezone.localdate()
    return asdict(process_awards(today=today))
