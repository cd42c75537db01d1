from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.enums import (
    CLOSED_STATUSES,
    ENDED_EARLY_STATUSES,
    RELEASED_STATUSES,
    TRIAGE_STATUSES,
    ApplicationStatus,
    SelfAssessment,
)


class Application(models.Model):
    """An organisation's application for a stream's award, pinned to the criteria version it
    was started against. Only awards/workflow/ changes ``status``."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="applications"
    )
    stream = models.ForeignKey(
        "criteria.Stream", on_delete=models.PROTECT, related_name="applications"
    )
    criteria_version = models.ForeignKey(
        "criteria.CriteriaVersion", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"),
        max_length=40,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    reference = models.CharField(_("reference"), max_length=30, unique=True)
    # "About your organisation" and the other application-level tasks.
    organisation_context = models.TextField(_("about your organisation"), blank=True)
    lived_experience = models.TextField(
        _("how people with lived experience shaped this work and this application"), blank=True
    )
    safeguarding_lead = models.CharField(_("safeguarding lead"), max_length=200, blank=True)
    consent_confirmed = models.BooleanField(_("consent confirmed"), default=False)
    consent_notes = models.TextField(_("how consent was recorded"), blank=True)
    senior_signatory_name = models.CharField(_("senior signatory"), max_length=200, blank=True)
    senior_signatory_role = models.CharField(_("role"), max_length=200, blank=True)
    senior_endorsed_on = models.DateField(_("endorsed on"), null=True, blank=True)
    declaration_accepted_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started at"))
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    panel = models.ForeignKey(
        "panels.Panel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("panel"),
    )
    # Set by the coordinator's triage.
    return_note = models.TextField(_("what is needed"), blank=True)
    return_due_date = models.DateField(_("needed by"), null=True, blank=True)
    returned_tasks = models.JSONField(_("tasks to change"), default=list, blank=True)
    ineligible_reason = models.TextField(_("why the application is not eligible"), blank=True)
    # Which independent reading the panel is on: a resubmission after "more evidence needed"
    # starts a new round, so the same panel reads and judges again.
    assessment_round = models.PositiveSmallIntegerField(default=1)
    # A renewal of an award: what changed since, in the applicant's words.
    renewal_of = models.ForeignKey(
        "awards.Award",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewal_applications",
        verbose_name=_("renews award"),
    )
    progress_since_award = models.TextField(_("progress since your last award"), blank=True)
    # Optimistic concurrency for the application-level sections.
    version = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # The coordinator's queue: by stream and status, newest submissions first.
            models.Index(fields=["stream", "status"], name="awards_app_stream_status"),
            models.Index(fields=["-submitted_at", "-id"], name="awards_app_submitted"),
            models.Index(
                fields=["stream", "-submitted_at", "-id"], name="awards_app_stream_submitted"
            ),
        ]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "stream"],
                condition=~Q(status__in=sorted(str(status) for status in CLOSED_STATUSES)),
                name="awards_one_open_application_per_stream",
            ),
            models.CheckConstraint(
                condition=Q(status=ApplicationStatus.DRAFT)
                | Q(submitted_at__isnull=False)
                | Q(status=ApplicationStatus.WITHDRAWN),
                name="awards_application_submitted_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} – {self.organisation}"

    # Where the application is, for display; who may act on it is in awards/permissions.py
    # and awards/workflow/.
    @property
    def is_draft(self) -> bool:
        return self.status == ApplicationStatus.DRAFT

    @property
    def is_returned(self) -> bool:
        return self.status == ApplicationStatus.RETURNED

    @property
    def is_ineligible(self) -> bool:
        return self.status == ApplicationStatus.INELIGIBLE

    @property
    def awaiting_triage(self) -> bool:
        return self.status in TRIAGE_STATUSES

    @property
    def decision_released(self) -> bool:
        return self.status in RELEASED_STATUSES

    @property
    def decision_pending(self) -> bool:
        return self.status == ApplicationStatus.DECISION_PENDING

    @property
    def awaits_panel(self) -> bool:
        """Accepted for assessment and not yet given to a panel."""
        return self.status == ApplicationStatus.IN_ASSESSMENT and self.panel_id is None

    @property
    def more_evidence_needed(self) -> bool:
        return self.status == ApplicationStatus.MORE_EVIDENCE_NEEDED

    @property
    def ended_early(self) -> bool:
        """Withdrawn or found ineligible: it ended without a decision."""
        return self.status in ENDED_EARLY_STATUSES

    @property
    def is_closed(self) -> bool:
        return self.status in CLOSED_STATUSES


class CriterionAnswer(models.Model):
    """An application's answer to one criterion: narrative, self-assessment and evidence."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    criterion = models.ForeignKey(
        "criteria.Criterion", on_delete=models.PROTECT, related_name="answers"
    )
    narrative = models.TextField(_("how you meet this criterion"), blank=True)
    self_assessment = models.CharField(
        _("your assessment"), max_length=20, choices=SelfAssessment.choices, blank=True
    )
    evidence = models.ManyToManyField(
        "organisations.EvidenceItem", blank=True, related_name="answers", verbose_name=_("evidence")
    )
    version = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(_("last saved"), null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["criterion__sort_order"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion"], name="awards_one_answer_per_criterion"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.application.reference} {self.criterion.code}"
