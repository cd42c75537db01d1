from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.enums import RAG_RATINGS


class ActionPlan(models.Model):
    """A council's action plan (Lewisham layout), imported from Excel and kept up to date
    through the award period."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="action_plans"
    )
    title = models.CharField(_("title"), max_length=200)
    source_file_name = models.CharField(_("imported from"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported at"))
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    criteria = models.ManyToManyField(
        "criteria.Criterion",
        blank=True,
        related_name="action_plans",
        verbose_name=_("criteria this plan evidences"),
    )

    class Meta:
        db_table = "awards_actionplan"
        ordering = ["-imported_at"]

    def __str__(self) -> str:
        return self.title


class PlanAction(models.Model):
    """One row of an action plan."""

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="actions")
    sort_order = models.PositiveIntegerField(default=0)
    reference = models.CharField(_("reference"), max_length=50)
    directorate = models.CharField(_("directorate"), max_length=200, blank=True)
    division = models.CharField(_("division"), max_length=200, blank=True)
    service_area = models.CharField(_("service area"), max_length=200, blank=True)
    action = models.TextField(_("action"))
    owner = models.CharField(_("owner"), max_length=200, blank=True)
    milestones = models.TextField(_("milestones"), blank=True)
    status = models.CharField(_("status"), max_length=100, blank=True)
    date_added = models.DateField(_("date added"), null=True, blank=True)
    date_due = models.DateField(_("date due"), null=True, blank=True)
    rag = models.CharField(
        _("RAG rating"),
        max_length=10,
        blank=True,
        choices=[(rating, rating) for rating in RAG_RATINGS],
    )
    rag_date = models.DateField(_("RAG date"), null=True, blank=True)
    comments = models.TextField(_("comments"), blank=True)
    comments_date = models.DateField(_("comments date"), null=True, blank=True)
    updated_at = models.DateTimeField(null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "awards_planaction"
        ordering = ["sort_order"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "reference"], name="awards_action_ref_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.action[:40]}"
