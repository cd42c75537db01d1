from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from audit.enums import AuditAction


class AuditEntry(models.Model):
    """A record of something decided or changed: who, when, what, from, to. Written by the
    workflow and services only; never edited or deleted by the application."""

    application = models.ForeignKey(
        "awards.Application",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    award = models.ForeignKey(
        "awards.Award",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    # Empty only for entries about no one organisation, such as a data export.
    organisation = models.ForeignKey(
        "organisations.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(_("what"), max_length=40, choices=AuditAction.choices)
    from_status = models.CharField(_("from"), max_length=40, blank=True)
    to_status = models.CharField(_("to"), max_length=40, blank=True)
    note = models.TextField(_("note"), blank=True)
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(_("when"))

    class Meta:
        db_table = "awards_auditentry"
        ordering = ["created_at", "pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"{self.get_action_display()} – {self.created_at:%Y-%m-%d %H:%M}"
