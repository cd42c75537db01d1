from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.enums import Judgement
from core.storage import private_storage
from panels.enums import PanelFormat, PanelRole, PaymentKind


class AssessorProfile(models.Model):
    """A panel member's profile. Whether someone has lived experience of seeking sanctuary
    is special-category data: staff see it; applicants never do."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="assessor_profile"
    )
    lived_experience = models.BooleanField(
        _("has lived experience of seeking sanctuary"), default=False
    )
    expertise = models.TextField(_("expertise"), blank=True)
    local_group = models.ForeignKey(
        "cms.LocalGroupPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessors",
        verbose_name=_("local group"),
    )
    affiliations = models.ManyToManyField(
        "organisations.Organisation",
        blank=True,
        related_name="affiliated_assessors",
        verbose_name=_("works for, studies at, or governs"),
    )
    consent_given_at = models.DateTimeField(
        _("consent to processing given at"), null=True, blank=True
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version"), max_length=20, blank=True
    )
    named_to_applicants = models.BooleanField(_("agrees to be named to applicants"), default=False)
    last_calibrated_on = models.DateField(_("last calibration"), null=True, blank=True)
    # Kept beyond the retention period (SANCTUARY_RETENTION) because they stay on as an
    # assessor between panels.
    stays_on = models.BooleanField(_("stays on between panels"), default=False)

    class Meta:
        db_table = "awards_assessorprofile"
        verbose_name = _("assessor profile")
        verbose_name_plural = _("assessor profiles")

    def __str__(self) -> str:
        return str(self.user)


class Panel(models.Model):
    stream = models.ForeignKey(
        "criteria.Stream", on_delete=models.PROTECT, related_name="assessment_panels"
    )
    local_group = models.ForeignKey(
        "cms.LocalGroupPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assessment_panels",
    )
    name = models.CharField(_("name"), max_length=200)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    meeting_format = models.CharField(
        _("format"), max_length=20, choices=PanelFormat.choices, default=PanelFormat.ONLINE
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        db_table = "awards_panel"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name


class PanelMember(models.Model):
    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="panel_memberships"
    )
    role = models.CharField(_("role on the panel"), max_length=30, choices=PanelRole.choices)
    is_chair = models.BooleanField(_("chair"), default=False)

    class Meta:
        db_table = "awards_panelmember"
        ordering = ["-is_chair", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["panel", "user"], name="awards_panel_member_unique"),
            models.UniqueConstraint(
                fields=["panel"], condition=Q(is_chair=True), name="awards_panel_one_chair"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} on {self.panel}"

    @property
    def has_lived_experience(self) -> bool:
        """Sits as a lived-experience assessor, or has lived experience on their profile."""
        profile = getattr(self.user, "assessor_profile", None)
        return self.role == PanelRole.LIVED_EXPERIENCE or bool(profile and profile.lived_experience)


class ConflictDeclaration(models.Model):
    """A member's declaration, before reading, that they have or have not a conflict."""

    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="declarations")
    application = models.ForeignKey(
        "awards.Application", on_delete=models.CASCADE, related_name="conflict_declarations"
    )
    has_conflict = models.BooleanField()
    details = models.TextField(blank=True)
    declared_at = models.DateTimeField()

    class Meta:
        db_table = "awards_conflictdeclaration"
        constraints = [
            models.UniqueConstraint(
                fields=["member", "application"], name="awards_one_declaration"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} – {self.application_id}"


class Assessment(models.Model):
    """One member's independent reading of one application."""

    member = models.ForeignKey(PanelMember, on_delete=models.CASCADE, related_name="assessments")
    application = models.ForeignKey(
        "awards.Application", on_delete=models.CASCADE, related_name="assessments"
    )
    round = models.PositiveSmallIntegerField(default=1)
    submitted_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "awards_assessment"
        constraints = [
            models.UniqueConstraint(
                fields=["member", "application", "round"], name="awards_one_assessment_per_round"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.member_id} – {self.application_id}"


class CriterionJudgement(models.Model):
    """A member's judgement of one criterion, with a comment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="judgements")
    criterion = models.ForeignKey(
        "criteria.Criterion", on_delete=models.PROTECT, related_name="judgements"
    )
    outcome = models.CharField(_("judgement"), max_length=20, choices=Judgement.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        db_table = "awards_criterionjudgement"
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="awards_one_judgement"
            ),
            # Blank while a draft has no judgement for the criterion yet.
            models.CheckConstraint(
                condition=Q(outcome__in=["", *Judgement.values]),
                name="awards_judgement_outcome_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.outcome}"


class PanelMeeting(models.Model):
    """The panel's meeting with, or visit to, the applicant."""

    application = models.ForeignKey(
        "awards.Application", on_delete=models.CASCADE, related_name="panel_meetings"
    )
    held_on = models.DateField(_("date"))
    meeting_format = models.CharField(
        _("how"), max_length=20, choices=PanelFormat.choices, default=PanelFormat.ONLINE
    )
    place = models.CharField(_("place"), max_length=200, blank=True)
    people_met = models.TextField(_("who the panel met"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    extra_evidence = models.TextField(_("extra evidence received on the day"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        db_table = "awards_panelmeeting"
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.application_id} on {self.held_on}"


class Payment(models.Model):
    """An honorarium or expenses for a panel member (lived-experience assessors in most
    schemes). Finance sees these through the Excel export."""

    member = models.ForeignKey(PanelMember, on_delete=models.PROTECT, related_name="payments")
    kind = models.CharField(_("type"), max_length=20, choices=PaymentKind.choices)
    amount = models.DecimalField(_("amount (£)"), max_digits=8, decimal_places=2)
    description = models.CharField(_("what for"), max_length=200, blank=True)
    claimed_on = models.DateField(_("claimed on"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField()

    class Meta:
        db_table = "awards_payment"
        ordering = ["-recorded_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="awards_payment_positive"),
            models.CheckConstraint(
                condition=Q(paid_on__isnull=True)
                | Q(claimed_on__isnull=True)
                | Q(paid_on__gte=models.F("claimed_on")),
                name="awards_payment_paid_after_claimed",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} £{self.amount}"


def pack_upload_to(instance, filename: str) -> str:
    return f"packs/{instance.application_id}/{filename}"


class ApplicationPack(models.Model):
    """The application pack's PDF as last built (panels/documents.py): rendered once per
    version of what it prints, in the background, and served from private storage.
    ``digest`` is the SHA-256 of the HTML it was laid out from; a pack whose digest is not
    that of the HTML the application would print now is stale and is rebuilt."""

    application = models.OneToOneField(
        "awards.Application", on_delete=models.CASCADE, related_name="pack"
    )
    digest = models.CharField(max_length=64)
    file = models.FileField(storage=private_storage, upload_to=pack_upload_to, max_length=200)
    built_at = models.DateTimeField()

    def __str__(self) -> str:
        return f"Pack of application {self.application_id}"
