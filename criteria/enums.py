"""Statuses and codes for streams and criteria. Imports nothing from the app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Principle(models.TextChoices):
    PREREQUISITE = "prerequisite", _("Prerequisite")
    LEARN = "learn", _("Learn")
    EMBED = "embed", _("Embed")
    SHARE = "share", _("Share")


# The order criteria are shown in, and the letter each principle's codes start with.
PRINCIPLE_ORDER: tuple[str, ...] = (
    Principle.PREREQUISITE,
    Principle.LEARN,
    Principle.EMBED,
    Principle.SHARE,
)
PRINCIPLE_LETTERS: dict[str, str] = {
    Principle.PREREQUISITE: "P",
    Principle.LEARN: "L",
    Principle.EMBED: "E",
    Principle.SHARE: "S",
}


class VersionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RETIRED = "retired", _("Retired")
