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
from awards.models import Application, AuditEntry


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
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        row = _BY_KEY.get((locked.status, action))
        if row is None:
            raise TransitionNotAllowed(locked.status, action)
        if changes is not None:
            changes(locked)
        locked.status = row.target
        locked.save()
        AuditEntry.objects.create(
            application=locked,
            organisation_id=locked.organisation_id,
            actor=actor,
            action=row.audit,
            from_status=row.source,
            to_status=row.target,
            note=note,
            created_at=now,
        )
        for callback in after_commit or []:
            transaction.on_commit(callback)
    return locked
