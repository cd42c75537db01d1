"""Statuses and outcomes of applications, decisions and awards, with the named groups of
states the rules are written in. Imports nothing from the app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned for more information")
    RESUBMITTED = "resubmitted", _("Resubmitted")
    IN_ASSESSMENT = "in_assessment", _("In assessment")
    DECISION_PENDING = "decision_pending", _("Decision pending")
    AWARDED = "awarded", _("Awarded")
    AWARDED_WITH_CONDITIONS = "awarded_with_conditions", _("Awarded with conditions")
    MORE_EVIDENCE_NEEDED = "more_evidence_needed", _("More evidence needed")
    NOT_YET_AWARDED = "not_yet_awarded", _("Not yet awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    INELIGIBLE = "ineligible", _("Ineligible")


# Applications waiting for a coordinator's triage.
TRIAGE_STATUSES = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.RESUBMITTED})
# The applicant may change answers only in these states.
APPLICANT_EDITABLE_STATUSES = frozenset(
    {
        ApplicationStatus.DRAFT,
        ApplicationStatus.RETURNED,
        ApplicationStatus.MORE_EVIDENCE_NEEDED,
    }
)
# The panel records its meeting or visit while it assesses (and until the decision is
# released).
MEETING_STATUSES = frozenset({ApplicationStatus.IN_ASSESSMENT, ApplicationStatus.DECISION_PENDING})
# A decision has reached the applicant.
RELEASED_STATUSES = frozenset(
    {
        ApplicationStatus.AWARDED,
        ApplicationStatus.AWARDED_WITH_CONDITIONS,
        ApplicationStatus.MORE_EVIDENCE_NEEDED,
        ApplicationStatus.NOT_YET_AWARDED,
    }
)
# Applications that ended before any decision: withdrawn by the applicant or found
# ineligible.
ENDED_EARLY_STATUSES = frozenset({ApplicationStatus.WITHDRAWN, ApplicationStatus.INELIGIBLE})
# States in which an application is finished: a new one may be started for the stream.
CLOSED_STATUSES = frozenset(
    {
        ApplicationStatus.AWARDED,
        ApplicationStatus.AWARDED_WITH_CONDITIONS,
        ApplicationStatus.NOT_YET_AWARDED,
        ApplicationStatus.WITHDRAWN,
        ApplicationStatus.INELIGIBLE,
    }
)


class SelfAssessment(models.TextChoices):
    MET = "met", _("Met")
    PARTLY_MET = "partly_met", _("Partly met")
    NOT_YET = "not_yet", _("Not yet met")


class TaskStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETED = "completed", _("Completed")


class Judgement(models.TextChoices):
    MET = "met", _("Met")
    PARTLY_MET = "partly_met", _("Partly met")
    NOT_YET_MET = "not_yet_met", _("Not yet met")


class DecisionOutcome(models.TextChoices):
    AWARD = "award", _("Award")
    AWARD_WITH_CONDITIONS = "award_with_conditions", _("Award with conditions")
    MORE_EVIDENCE_NEEDED = "more_evidence_needed", _("More evidence needed")
    NOT_YET_AWARDED = "not_yet_awarded", _("Not yet awarded")


class AwardStatus(models.TextChoices):
    ACTIVE = "active", _("Current")
    RENEWAL_DUE = "renewal_due", _("Renewal due")
    IN_RENEWAL = "in_renewal", _("In renewal")
    RENEWED = "renewed", _("Renewed")
    LAPSED = "lapsed", _("Lapsed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# An award in one of these states is held: it is listed in the register (unless the
# organisation opted out) and the verification page calls it current.
CURRENT_AWARD_STATUSES = frozenset(
    {AwardStatus.ACTIVE, AwardStatus.RENEWAL_DUE, AwardStatus.IN_RENEWAL}
)


# An award that may be renewed (unless a renewal already replaced it).
RENEWABLE_AWARD_STATUSES = frozenset(
    {AwardStatus.ACTIVE, AwardStatus.RENEWAL_DUE, AwardStatus.LAPSED}
)
