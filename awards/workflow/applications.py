"""The application lifecycle.

    draft ──submit──▶ submitted ──accept──▶ in assessment ──(panel, decision)──▶ decided
      │                │    │ ▲
      │           return    │ └──accept── resubmitted ◀──resubmit── returned ◀─┘
      │                     └──mark ineligible──▶ ineligible
      └──withdraw──▶ withdrawn ◀──withdraw── (submitted, returned, resubmitted)

    in assessment ──record decision (chair)──▶ decision pending ──release (coordinator)──▶
        awarded | awarded with conditions | not yet awarded | more evidence needed
    more evidence needed ──resubmit──▶ resubmitted (the same panel looks again)

Each row of a table names who may take the step: a predicate from awards/permissions.py.
Applicants' leads submit, resubmit and withdraw; coordinators of the stream or area accept,
return, mark ineligible and release decisions; the panel's chair records the decision once
their own judgements are in. ``allowed_actions(user, application)`` and ``action_verdict``
answer views and templates from the same rows.

``transition`` is the only code that assigns ``Application.status`` (``award_transition`` for
``Award.status``): it locks the row, checks the table and the row's predicate, saves, writes
the audit entry and queues side-effects to run after the transaction commits.
"""

import datetime
from collections.abc import Callable
from enum import StrEnum

from accounts.models import User
from accounts.permissions import Verdict
from audit.enums import AuditAction
from awards import permissions as can
from awards.enums import ApplicationStatus as S
from awards.models import Application
from awards.workflow.machine import (
    PanelRule,
    Transition,
    _allowed,
    _perform,
    _verdict,
)


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


# Applicants' leads submit, resubmit and withdraw; coordinators of the stream or area triage
# and release; the panel's chair, once their own judgements are in, records the decision.
LEAD = can.is_applicant_lead
COORDINATOR = can.can_coordinate_application
CHAIR = PanelRule("panels.permissions.can_record_decision")

TRANSITIONS: tuple[Transition, ...] = (
    Transition(S.DRAFT, Action.SUBMIT, S.SUBMITTED, AuditAction.APPLICATION_SUBMITTED, LEAD),
    Transition(S.RETURNED, Action.RESUBMIT, S.RESUBMITTED, AuditAction.APPLICATION_SUBMITTED, LEAD),
    Transition(S.DRAFT, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN, LEAD),
    Transition(S.SUBMITTED, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN, LEAD),
    Transition(S.RETURNED, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN, LEAD),
    Transition(
        S.RESUBMITTED, Action.WITHDRAW, S.WITHDRAWN, AuditAction.APPLICATION_WITHDRAWN, LEAD
    ),
    Transition(
        S.SUBMITTED, Action.ACCEPT, S.IN_ASSESSMENT, AuditAction.APPLICATION_ACCEPTED, COORDINATOR
    ),
    Transition(
        S.RESUBMITTED,
        Action.ACCEPT,
        S.IN_ASSESSMENT,
        AuditAction.APPLICATION_ACCEPTED,
        COORDINATOR,
    ),
    Transition(
        S.SUBMITTED, Action.RETURN, S.RETURNED, AuditAction.APPLICATION_RETURNED, COORDINATOR
    ),
    Transition(
        S.RESUBMITTED, Action.RETURN, S.RETURNED, AuditAction.APPLICATION_RETURNED, COORDINATOR
    ),
    Transition(
        S.SUBMITTED,
        Action.MARK_INELIGIBLE,
        S.INELIGIBLE,
        AuditAction.APPLICATION_INELIGIBLE,
        COORDINATOR,
    ),
    Transition(
        S.RESUBMITTED,
        Action.MARK_INELIGIBLE,
        S.INELIGIBLE,
        AuditAction.APPLICATION_INELIGIBLE,
        COORDINATOR,
    ),
    # The panel's chair records the decision; a coordinator releases it to the applicant.
    Transition(
        S.IN_ASSESSMENT,
        Action.RECORD_DECISION,
        S.DECISION_PENDING,
        AuditAction.DECISION_RECORDED,
        CHAIR,
    ),
    Transition(
        S.DECISION_PENDING,
        Action.RELEASE_AWARD,
        S.AWARDED,
        AuditAction.DECISION_RELEASED,
        COORDINATOR,
    ),
    Transition(
        S.DECISION_PENDING,
        Action.RELEASE_AWARD_WITH_CONDITIONS,
        S.AWARDED_WITH_CONDITIONS,
        AuditAction.DECISION_RELEASED,
        COORDINATOR,
    ),
    Transition(
        S.DECISION_PENDING,
        Action.RELEASE_MORE_EVIDENCE_NEEDED,
        S.MORE_EVIDENCE_NEEDED,
        AuditAction.DECISION_RELEASED,
        COORDINATOR,
    ),
    Transition(
        S.DECISION_PENDING,
        Action.RELEASE_NOT_YET_AWARDED,
        S.NOT_YET_AWARDED,
        AuditAction.DECISION_RELEASED,
        COORDINATOR,
    ),
    # More evidence: the applicant adds it and resubmits; the same panel looks again.
    Transition(
        S.MORE_EVIDENCE_NEEDED,
        Action.RESUBMIT,
        S.RESUBMITTED,
        AuditAction.APPLICATION_SUBMITTED,
        LEAD,
    ),
)
_BY_KEY = {(t.source, t.action): t for t in TRANSITIONS}


def transition_allowed(status: str, action: Action) -> bool:
    return (status, action) in _BY_KEY


def allowed_actions(user, application: Application) -> frozenset[Action]:
    """The steps of the table this person may take on the application now. Views and
    templates ask this (or ``action_verdict``) instead of comparing statuses or roles."""
    return _allowed(_BY_KEY, user, application)


def action_verdict(user, application: Application, action: Action) -> Verdict:
    """Whether this person may take this step now, with the reason when not."""
    return _verdict(_BY_KEY, user, application, action)


SUBMIT_ACTIONS = frozenset({Action.SUBMIT, Action.RESUBMIT})
RELEASE_ACTIONS = frozenset(
    {
        Action.RELEASE_AWARD,
        Action.RELEASE_AWARD_WITH_CONDITIONS,
        Action.RELEASE_MORE_EVIDENCE_NEEDED,
        Action.RELEASE_NOT_YET_AWARDED,
    }
)
# The step that releases each decision outcome.
RELEASE_ACTION_FOR_OUTCOME = {
    "award": Action.RELEASE_AWARD,
    "award_with_conditions": Action.RELEASE_AWARD_WITH_CONDITIONS,
    "more_evidence_needed": Action.RELEASE_MORE_EVIDENCE_NEEDED,
    "not_yet_awarded": Action.RELEASE_NOT_YET_AWARDED,
}


def submit_action(application: Application) -> Action | None:
    """SUBMIT for a first submission, RESUBMIT after a return or a request for more
    evidence; None when the application cannot be submitted in its state."""
    for action in (Action.SUBMIT, Action.RESUBMIT):
        if (application.status, action) in _BY_KEY:
            return action
    return None


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
    table has no row for (status, action) with TransitionNotAllowed, or if the row's
    predicate refuses the actor with ActionNotPermitted; applies ``changes`` to the locked
    row (for fields that go with the transition, such as ``submitted_at``); sets the new
    status and saves; writes an AuditEntry; schedules ``after_commit`` callables.
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
