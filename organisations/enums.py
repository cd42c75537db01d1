"""Kinds and roles of organisations, their teams and their evidence."""

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
    # The scanner gave no verdict (unreachable, or the file is beyond what it can check).
    UNSCANNABLE = "unscannable", _("Blocked: could not be checked")


# A council action plan's RAG ratings (Lewisham layout).
RAG_RATINGS: tuple[str, ...] = ("Red", "Amber", "Green")
