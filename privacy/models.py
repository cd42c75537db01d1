from django.db import models
from django.utils.translation import gettext_lazy as _


class RetentionRun(models.Model):
    """One real run of the retention schedule (privacy/retention.py): what each rule removed."""

    ran_at = models.DateTimeField(_("ran at"))
    # Rule name -> how many objects it removed or pseudonymised.
    counts = models.JSONField(_("removed per rule"), default=dict)

    class Meta:
        ordering = ["-ran_at", "-pk"]
        verbose_name = _("retention run")
        verbose_name_plural = _("retention runs")

    def __str__(self) -> str:
        return f"Retention run {self.ran_at:%Y-%m-%d %H:%M}"
