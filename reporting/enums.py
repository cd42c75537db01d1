"""The states of a background export, and the named groups of them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ExportStatus(models.TextChoices):
    PENDING = "pending", _("Being prepared")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")
    # Ready once; its file was deleted after the retention period (reporting.exports.retention).
    EXPIRED = "expired", _("Expired")


# Exports that may be asked for again ("Try again", "Build it again").
RETRYABLE_EXPORT_STATUSES = frozenset({ExportStatus.FAILED, ExportStatus.EXPIRED})
