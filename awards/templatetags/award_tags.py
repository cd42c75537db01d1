"""Template tags for statuses: a coloured tag for each state, from one map per kind, so that
templates show a status without comparing it."""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from awards.enums import ApplicationStatus, AwardStatus, TaskStatus
from awards.selectors import register_for_local_group
from organisations.enums import ScanStatus
from panels.enums import AssessorStep
from reporting.enums import ExportStatus

register = template.Library()

# The colour of each state's tag; a state not listed gets the plain tag.
TAG_COLOURS: dict[str, str] = {
    ApplicationStatus.DRAFT: "grey",
    ApplicationStatus.SUBMITTED: "purple",
    ApplicationStatus.RETURNED: "orange",
    ApplicationStatus.RESUBMITTED: "purple",
    ApplicationStatus.IN_ASSESSMENT: "blue",
    ApplicationStatus.DECISION_PENDING: "blue",
    ApplicationStatus.AWARDED: "green",
    ApplicationStatus.AWARDED_WITH_CONDITIONS: "green",
    ApplicationStatus.MORE_EVIDENCE_NEEDED: "orange",
    ApplicationStatus.NOT_YET_AWARDED: "grey",
    ApplicationStatus.WITHDRAWN: "red",
    ApplicationStatus.INELIGIBLE: "red",
}
AWARD_TAG_COLOURS: dict[str, str] = {
    AwardStatus.ACTIVE: "green",
    AwardStatus.RENEWAL_DUE: "orange",
    AwardStatus.IN_RENEWAL: "green",
    AwardStatus.RENEWED: "grey",
    AwardStatus.LAPSED: "red",
    AwardStatus.WITHDRAWN: "red",
}
STEP_TAG_COLOURS: dict[str, str] = {
    AssessorStep.DECLARE: "yellow",
    AssessorStep.JUDGE: "yellow",
    AssessorStep.DECIDE: "orange",
    AssessorStep.WAITING: "blue",
    AssessorStep.AWAITING_RELEASE: "blue",
    AssessorStep.DECIDED: "green",
    AssessorStep.CONFLICTED: "grey",
}
TASK_TAG_COLOURS: dict[str, str] = {
    TaskStatus.NOT_STARTED: "",
    TaskStatus.IN_PROGRESS: "yellow",
    TaskStatus.COMPLETED: "green",
}
EXPORT_TAG_COLOURS: dict[str, str] = {
    ExportStatus.PENDING: "grey",
    ExportStatus.READY: "green",
    ExportStatus.FAILED: "red",
    ExportStatus.EXPIRED: "grey",
}
SCAN_TAG_COLOURS: dict[str, str] = {
    ScanStatus.PENDING: "yellow",
    ScanStatus.CLEAN: "green",
    ScanStatus.INFECTED: "red",
    ScanStatus.UNSCANNABLE: "red",
}
_MAPS = {
    "application": TAG_COLOURS,
    "award": AWARD_TAG_COLOURS,
    "step": STEP_TAG_COLOURS,
    "task": TASK_TAG_COLOURS,
    "export": EXPORT_TAG_COLOURS,
    "scan": SCAN_TAG_COLOURS,
}


@register.simple_tag
def status_tag(kind: str, value: str, label: str):
    """``{% status_tag "award" award.status award.get_status_display %}``"""
    colour = _MAPS[kind].get(value, "")
    css = f"sa-tag sa-tag--{colour}" if colour else "sa-tag"
    return format_html('<strong class="{}">{}</strong>', css, label)


# What the applicant does next, by the application's state.
APPLICANT_NEXT_STEPS = {
    ApplicationStatus.DRAFT: _("Complete the tasks and submit"),
    ApplicationStatus.SUBMITTED: _("Wait for the coordinator to check it"),
    ApplicationStatus.RESUBMITTED: _("Wait for the coordinator to check it"),
    ApplicationStatus.RETURNED: _("Add the information asked for and resubmit"),
    ApplicationStatus.IN_ASSESSMENT: _("The panel is assessing it"),
    ApplicationStatus.DECISION_PENDING: _("The panel has decided: the decision is on its way"),
    ApplicationStatus.AWARDED: _("Read the panel's feedback"),
    ApplicationStatus.AWARDED_WITH_CONDITIONS: _("Read the feedback and answer the conditions"),
    ApplicationStatus.MORE_EVIDENCE_NEEDED: _("Add the evidence the panel asked for and resubmit"),
    ApplicationStatus.NOT_YET_AWARDED: _("Read the panel's recommendations"),
}


@register.filter
def applicant_next_step(status: str) -> str:
    return APPLICANT_NEXT_STEPS.get(status, "")


@register.simple_tag
def award_holders_in(local_group):
    """The award holders in a local group's area, for its page (the register's rules)."""
    return register_for_local_group(local_group)
