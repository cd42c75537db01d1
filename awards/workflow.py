"""The application lifecycle.

    draft ──submit──▶ submitted ──accept──▶ in assessment ──(panel, decision)──▶ decided
      │                │    │ ▲
      │           return    │ └──accept── resubmitted ◀──resubmit── returned ◀─┘
      │                     └──mark ineligible──▶ ineligible
      └──withdraw──▶ withdrawn ◀──withdraw── (submitted, returned, resubmitted)

    in assessment ──record decision (chair)──▶ decision pending ──release (coordinator)──▶
        awarded | awarded with conditions | not yet awarded | more evidence needed
    more evidence needed ──resubmit──▶ resubmitted (the same panel looks again)

Applicants submit, resubmit and withdraw; coordinators accept, return, mark ineligible and
release decisions; the panel's chair records the decision. ``transition`` is the only code that
assigns ``Application.status``: it checks the table, locks the row, saves, writes the audit
entry and queues side-effects to run after the transaction commits.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from django.db import transaction

from accounts.models import User
from awards.enums import ApplicationStatus as S
from awards.enums import AuditAction
from awards.enums import AwardStatus as A
from awards.models import Application, AuditEntry, Award


class Action(StrEnum):
    SUBMIT = "submit"
    RESUBMIT = "resubmit"
    WITHDRAW = "withdraw"
    ACCEPT = "accept"
    RETURN = "return"
    MARK_INELIGIBLE = "mark_ineligible"
    RECORD_DECISION = "record_decision"
    RELEASE_AWARD = "release_award"
    RELEASE_AWARD_WITH_CONDITIONS = "release_award_with_conditions"
    RELEASE_MORE_EVIDENCE_NEEDED = "release_more_evidence_needed"
    RELEASE_NOT_YET_AWARDED = "release_not_yet_awarded"


@dataclass(frozen=True)
class Transition:
    source: str
    action: Action
    target: str
    audit: str


TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.DRAFT, Action.SUBMIT, S.SUBMITTED, AuditAction.APPLICATION_SUBMITTED),
    Transition(S.RETURNED, Action.RESUBMIT, S.RESUBMITTED, AuditAction.APPLICATION_SUBMITTED),
    Transition(S.DRAFT, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN),
    Transition(S.SUBMITTED, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN),
    Transition(S.RETURNED, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN),
    Transition(S.RESUBMITTED, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN),
    Transition(S.SUBMITTED, Action.ACCEPT, S.IN_ASSESSMENT, AuditAction.APPLICATION_ACCEPTED),
    Transition(S.RESUBMITTED, Action.ACCEPT, S.IN_ASSESSMENT, AuditAction.APPLICATION_ACCEPTED),
    Transition(S.SUBMITTED, Action.RETURN, S.RETURNED, AuditAction.APPLICATION_RETURNED),
    Transition(S.RESUBMITTED, Action.RETURN, S.RETURNED, AuditAction.APPLICATION_RETURNED),
    Transition(
        S.SUBMITTED, Action.MARK_INELIGIBLE, S.INELIGIBLE, AuditAction.APPLICATION_INELIGIBLE
    ),
    Transition(
        S.RESUBMITTED, Action.MARK_INELIGIBLE, S.INELIGIBLE, AuditAction.APPLICATION_INELIGIBLE
    ),
    # The panel's chair records the decision; a coordinator releases it to the applicant.
    Transition(
        S.IN_ASSESSMENT,
        Action.RECORD_DECISION,
        S.DECISION_PENDING,
        AuditAction.DECISION_RECORDED,
    ),
    Transition(S.DECISION_PENDING, Action.RELEASE_AWARD, S.AWARDED, AuditAction.DECISION_RELEASED),
    Transition(
        S.DECISION_PENDING,
        Action.RELEASE_AWARD_WITH_CONDITIONS,
        S.AWARDED_WITH_CONDITIONS,
        AuditAction.DECISION_RELEASED,
    ),
    Transition(
        S.DECISION_PENDING,
        Action.RELEASE_MORE_EVIDENCE_NEEDED,
        S.MORE_EVIDENCE_NEEDED,
        AuditAction.DECISION_RELEASED,
    ),
    Transition(
        S.DECISION_PENDING,
        Action.RELEASE_NOT_YET_AWARDED,
        S.NOT_YET_AWARDED,
        AuditAction.DECISION_RELEASED,
    ),
    # More evidence: the applicant adds it and resubmits; the same panel looks again.
    Transition(
        S.MORE_EVIDENCE_NEEDED, Action.RESUBMIT, S.RESUBMITTED, AuditAction.APPLICATION_SUBMITTED
    ),
)
_BY_KEY = {(t.source, t.action): t for t in TRANSITIONS}


class TransitionNotAllowed(Exception):
    """The action does not apply to the application's current status (HTTP 409)."""

    def __init__(self, status: str, action: str):
        super().__init__(f"Cannot {action} an application that is {status}.")
        self.status = status
        self.action = action


def transition_allowed(status: str, action: Action) -> bool:
    return (status, action) in _BY_KEY


def transition(
    *,
    application: Application,
    action: Action,
    actor: User | None,
    now: datetime.datetime,
    note: str = "",
    changes: Callable[[Application], None] | None = None,
    after_commit: list[Callable[[], object]] | None = None,
) -> Application:
    """Move an application along the table.

    In order: locks the application row and re-reads its status; refuses the action if the
    table has no row for (status, action) with TransitionNotAllowed; applies ``changes`` to
    the locked row (for fields that go with the transition, such as ``submitted_at``); sets
    the new status and saves; writes an AuditEntry; schedules ``after_commit`` callables.
    """
    return _perform(
        table=_BY_KEY,
        instance=application,
        action=action,
        actor=actor,
        now=now,
        note=note,
        changes=changes,
        after_commit=after_commit,
        audit_links=lambda locked: {"application": locked},
    )


def _perform(*, table, instance, action, actor, now, note, changes, after_commit, audit_links):
    """The one mechanism behind both tables: lock the row and re-read its status, refuse an
    action the table has no row for, apply ``changes``, save the new status, write the audit
    entry (linked as ``audit_links`` says), and queue side-effects after commit."""
    with transaction.atomic():
        locked = type(instance).objects.select_for_update().get(pk=instance.pk)
        row = table.get((locked.status, action))
        if row is None:
            raise TransitionNotAllowed(locked.status, action)
        if changes is not None:
            changes(locked)
        locked.status = row.target
        locked.save()
        AuditEntry.objects.create(
            organisation_id=locked.organisation_id,
            actor=actor,
            action=row.audit,
            from_status=row.source,
            to_status=row.target,
            note=note,
            created_at=now,
            **audit_links(locked),
        )
        for callback in after_commit or []:
            transaction.on_commit(callback)
    return locked


# --- Awards -----------------------------------------------------------------------------------
#
#   active ──(lifecycle job: first reminder date)──▶ renewal due
#   active | renewal due ──renewal submitted before expiry──▶ in renewal
#   in renewal ──renewal awarded──▶ renewed
#   in renewal ──renewal not awarded or withdrawn, before expiry──▶ renewal due
#   active | renewal due | in renewal ──lapse (expiry, or a failed renewal after it)──▶ lapsed
#   active | renewal due | in renewal ──withdraw (national staff, with a reason)──▶ withdrawn


class AwardAction(StrEnum):
    RENEWAL_DUE = "renewal_due"
    RENEWAL_SUBMITTED = "renewal_submitted"
    RENEW = "renew"
    RENEWAL_FAILED = "renewal_failed"
    LAPSE = "lapse"
    WITHDRAW = "withdraw"


AWARD_TRANSITIONS: tuple[Transition, ...] = (
    Transition(A.ACTIVE, AwardAction.RENEWAL_DUE, A.RENEWAL_DUE, AuditAction.AWARD_RENEWAL_DUE),
    Transition(
        A.ACTIVE, AwardAction.RENEWAL_SUBMITTED, A.IN_RENEWAL, AuditAction.AWARD_RENEWAL_STARTED
    ),
    Transition(
        A.RENEWAL_DUE,
        AwardAction.RENEWAL_SUBMITTED,
        A.IN_RENEWAL,
        AuditAction.AWARD_RENEWAL_STARTED,
    ),
    Transition(A.IN_RENEWAL, AwardAction.RENEW, A.RENEWED, AuditAction.AWARD_RENEWED),
    Transition(
        A.IN_RENEWAL,
        AwardAction.RENEWAL_FAILED,
        A.RENEWAL_DUE,
        AuditAction.AWARD_RENEWAL_NOT_AWARDED,
    ),
    Transition(A.ACTIVE, AwardAction.LAPSE, A.LAPSED, AuditAction.AWARD_LAPSED),
    Transition(A.RENEWAL_DUE, AwardAction.LAPSE, A.LAPSED, AuditAction.AWARD_LAPSED),
    Transition(A.IN_RENEWAL, AwardAction.LAPSE, A.LAPSED, AuditAction.AWARD_LAPSED),
    Transition(A.ACTIVE, AwardAction.WITHDRAW, A.WITHDRAWN, AuditAction.AWARD_WITHDRAWN),
    Transition(A.RENEWAL_DUE, AwardAction.WITHDRAW, A.WITHDRAWN, AuditAction.AWARD_WITHDRAWN),
    Transition(A.IN_RENEWAL, AwardAction.WITHDRAW, A.WITHDRAWN, AuditAction.AWARD_WITHDRAWN),
)
_AWARD_BY_KEY = {(t.source, t.action): t for t in AWARD_TRANSITIONS}


def award_transition_allowed(status: str, action: AwardAction) -> bool:
    return (status, action) in _AWARD_BY_KEY


def award_transition(
    *,
    award: Award,
    action: AwardAction,
    actor: User | None,
    now: datetime.datetime,
    note: str = "",
    changes: Callable[[Award], None] | None = None,
    after_commit: list[Callable[[], object]] | None = None,
) -> Award:
    """``transition`` for one award: lock, check the table, change, save, audit, and queue
    side-effects after commit. Refused with TransitionNotAllowed (HTTP 409)."""
    return _perform(
        table=_AWARD_BY_KEY,
        instance=award,
        action=action,
        actor=actor,
        now=now,
        note=note,
        changes=changes,
        after_commit=after_commit,
        audit_links=lambda locked: {"award": locked, "application_id": locked.application_id},
    )


def award_transition_many(
    *,
    award_ids: list[int],
    action: AwardAction,
    actor: User | None,
    now: datetime.datetime,
    note: str = "",
    extra: dict | None = None,
) -> list[int]:
    """The same move for a batch of awards in a constant number of queries, for the
    lifecycle job. Awards whose status has no row for the action (changed since they were
    selected) are left alone. Returns the ids that moved."""
    sources = [row.source for row in AWARD_TRANSITIONS if row.action == action]
    moved: list[int] = []
    with transaction.atomic():
        rows = list(
            Award.objects.select_for_update()
            .filter(pk__in=award_ids, status__in=[str(s) for s in sources])
            .values_list("pk", "status", "application_id", "organisation_id")
        )
        entries = []
        for source in sources:
            row = _AWARD_BY_KEY[(source, action)]
            ids = [pk for pk, status, *_ in rows if status == source]
            if not ids:
                continue
            Award.objects.filter(pk__in=ids).update(status=row.target, **(extra or {}))
            moved.extend(ids)
            entries.extend(
                AuditEntry(
                    award_id=pk,
                    application_id=application_id,
                    organisation_id=organisation_id,
                    actor=actor,
                    action=row.audit,
                    from_status=row.source,
                    to_status=row.target,
                    note=note,
                    created_at=now,
                )
                for pk, status, application_id, organisation_id in rows
                if status == source
            )
        AuditEntry.objects.bulk_create(entries)
    return moved
