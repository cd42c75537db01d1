"""Statuses, kinds and outcomes for organisations and applications. Imports nothing from
the app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    NURSERY = "nursery", _("Nursery")
    SCHOOL = "school", _("School")
    COLLEGE = "college", _("Further education college")
    UNIVERSITY = "university", _("University")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    LIBRARY = "library", _("Library service")
    HEALTH = "health", _("Health service")
    ARTS = "arts", _("Arts organisation or theatre")
    MUSEUM = "museum", _("Museum")
    FAITH = "faith", _("Faith group")
    CHARITY_SHOP = "charity_shop", _("Charity shop")
    OTHER = "other", _("Other organisation")


class Nation(models.TextChoices):
    ENGLAND = "england", _("England")
    SCOTLAND = "scotland", _("Scotland")
    WALES = "wales", _("Wales")
    NORTHERN_IRELAND = "northern_ireland", _("Northern Ireland")


class MembershipRole(models.TextChoices):
    LEAD = "lead", _("Applicant lead")
    CONTRIBUTOR = "contributor", _("Contributor")


class EvidenceKind(models.TextChoices):
    FILE = "file", _("File")
    LINK = "link", _("Link")
    TESTIMONY = "testimony", _("Written testimony")


class ScanStatus(models.TextChoices):
    PENDING = "pending", _("Waiting for virus check")
    CLEAN = "clean", _("Checked")
    INFECTED = "infected", _("Blocked: failed virus check")


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


class AuditAction(models.TextChoices):
    APPLICATION_STARTED = "application_started", _("Application started")
    APPLICATION_SUBMITTED = "application_submitted", _("Application submitted")
    APPLICATION_WITHDRAWN = "application_withdrawn", _("Application withdrawn")
    PLEDGE_SIGNED = "pledge_signed", _("Pledge signed")
    MEMBER_INVITED = "member_invited", _("Colleague invited")
    MEMBER_JOINED = "member_joined", _("Colleague joined")
    MEMBER_REMOVED = "member_removed", _("Colleague removed")
    APPLICATION_ACCEPTED = "application_accepted", _("Accepted for assessment")
    APPLICATION_RETURNED = "application_returned", _("Returned for more information")
    APPLICATION_INELIGIBLE = "application_ineligible", _("Marked ineligible")
    PANEL_ASSIGNED = "panel_assigned", _("Panel assigned")
    CONFLICT_DECLARED = "conflict_declared", _("Conflict of interest declared")
    JUDGEMENTS_SUBMITTED = "judgements_submitted", _("Panel member's judgements submitted")
    DECISION_RECORDED = "decision_recorded", _("Decision recorded")
    DECISION_RELEASED = "decision_released", _("Decision released")
    MEETING_RECORDED = "meeting_recorded", _("Panel meeting or visit recorded")
    REASSESSMENT_STARTED = "reassessment_started", _("New assessment round started")
    CONDITION_ANSWERED = "condition_answered", _("Condition answered")
    CONDITION_MET = "condition_met", _("Condition marked met")
    CONDITION_OVERDUE = "condition_overdue", _("Condition overdue")
    AWARD_CREATED = "award_created", _("Award made")
    AWARD_RENEWAL_DUE = "award_renewal_due", _("Award renewal due")
    AWARD_REMINDER_SENT = "award_reminder_sent", _("Renewal reminder sent")
    AWARD_RENEWAL_STARTED = "award_renewal_started", _("Renewal started")
    AWARD_RENEWED = "award_renewed", _("Award renewed")
    AWARD_RENEWAL_NOT_AWARDED = "award_renewal_not_awarded", _("Renewal not awarded")
    AWARD_LAPSED = "award_lapsed", _("Award lapsed")
    AWARD_WITHDRAWN = "award_withdrawn", _("Award withdrawn")
    EXPORT_CREATED = "export_created", _("Data exported")
    PAYMENT_RECORDED = "payment_recorded", _("Honorarium or expenses recorded")


class PanelFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class PanelRole(models.TextChoices):
    LIVED_EXPERIENCE = "lived_experience", _("Lived-experience assessor")
    SECTOR_EXPERT = "sector_expert", _("Sector expert")
    LOCAL_GROUP_MEMBER = "local_group_member", _("Local group member")
    PEER = "peer", _("Peer from an awarded institution")


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


class PaymentKind(models.TextChoices):
    HONORARIUM = "honorarium", _("Honorarium")
    EXPENSES = "expenses", _("Expenses")


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
