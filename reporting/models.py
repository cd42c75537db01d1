from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from reporting.enums import RETRYABLE_EXPORT_STATUSES, ExportStatus


def export_upload_to(instance, filename: str) -> str:
    return f"exports/{instance.requested_by_id}/{filename}"


class DataExport(models.Model):
    """A spreadsheet prepared in the background for a large export."""

    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="data_exports"
    )
    kind = models.CharField(_("export"), max_length=40)
    params = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ExportStatus.choices, default=ExportStatus.PENDING
    )
    file = models.FileField(storage=private_storage, upload_to=export_upload_to, blank=True)
    row_count = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("requested at"))
    finished_at = models.DateTimeField(_("ready at"), null=True, blank=True)

    class Meta:
        db_table = "awards_dataexport"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} for {self.requested_by_id}"

    @property
    def is_ready(self) -> bool:
        return self.status == ExportStatus.READY

    @property
    def is_retryable(self) -> bool:
        """A failed or expired export can be asked for again (reporting.exports.run)."""
        return self.status in RETRYABLE_EXPORT_STATUSES

    @property
    def is_expired(self) -> bool:
        """Its file was deleted after the retention period (reporting.exports.retention)."""
        return self.status == ExportStatus.EXPIRED
