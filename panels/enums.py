"""Panels: formats, roles, payments and what an assessor does next."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PanelFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    IN_PERSON = "in_person", _("In person")


class PanelRole(models.TextChoices):
    LIVED_EXPERIENCE = "lived_experience", _("Lived-experience assessor")
    SECTOR_EXPERT = "sector_expert", _("Sector expert")
    LOCAL_GROUP_MEMBER = "local_group_member", _("Local group member")
    PEER = "peer", _("Peer from an awarded institution")


class PaymentKind(models.TextChoices):
    HONORARIUM = "honorarium", _("Honorarium")
    EXPENSES = "expenses", _("Expenses")


class AssessorStep(models.TextChoices):
    """What an application on one of their panels needs from an assessor now."""

    DECLARE = "declare", _("Declare any conflict of interest")
    JUDGE = "judge", _("Judge each criterion")
    DECIDE = "decide", _("Record the panel's decision")
    WAITING = "waiting", _("Submitted: waiting for the panel")
    AWAITING_RELEASE = "awaiting_release", _("Decision recorded: waiting for release")
    DECIDED = "decided", _("Decided")
    CONFLICTED = "conflicted", _("Conflict of interest: you do not assess this")


LIVE_ASSESSOR_STEPS = frozenset({AssessorStep.DECLARE, AssessorStep.JUDGE, AssessorStep.DECIDE})
