"""The state machines of applications and awards: the tables say which step leads where and
who may take it (awards/workflow/applications.py, awards/workflow/awards.py); one mechanism
performs every step (awards/workflow/machine.py). Nothing else assigns a status."""

from awards.workflow.applications import (
    RELEASE_ACTION_FOR_OUTCOME,
    RELEASE_ACTIONS,
    SUBMIT_ACTIONS,
    TRANSITIONS,
    Action,
    action_verdict,
    allowed_actions,
    submit_action,
    transition,
    transition_allowed,
)
from awards.workflow.awards import (
    AWARD_TRANSITIONS,
    AwardAction,
    allowed_award_actions,
    award_action_verdict,
    award_transition,
    award_transition_allowed,
    award_transition_many,
)
from awards.workflow.machine import (
    ActionNotPermitted,
    PanelRule,
    Transition,
    TransitionNotAllowed,
    by_the_platform,
)

__all__ = [
    "AWARD_TRANSITIONS",
    "RELEASE_ACTIONS",
    "RELEASE_ACTION_FOR_OUTCOME",
    "SUBMIT_ACTIONS",
    "TRANSITIONS",
    "Action",
    "ActionNotPermitted",
    "AwardAction",
    "PanelRule",
    "Transition",
    "TransitionNotAllowed",
    "action_verdict",
    "allowed_actions",
    "allowed_award_actions",
    "award_action_verdict",
    "award_transition",
    "award_transition_allowed",
    "award_transition_many",
    "by_the_platform",
    "submit_action",
    "transition",
    "transition_allowed",
]
