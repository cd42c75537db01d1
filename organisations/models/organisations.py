from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from accounts.languages import default_language, language_choices
from organisations.enums import MembershipRole, Nation, OrganisationType


class Organisation(models.Model):
    """An institution that works towards, holds or renews a Sanctuary Award."""

    name = models.CharField(_("organisation name"), max_length=200)
    organisation_type = models.CharField(
        _("type of organisation"), max_length=30, choices=OrganisationType.choices
    )
    stream = models.ForeignKey(
        "criteria.Stream",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("stream"),
        help_text=_("Leave empty to apply through your local City of Sanctuary group."),
    )
    address = models.TextField(_("address"), blank=True)
    postcode = models.CharField(_("postcode"), max_length=10, blank=True)
    local_authority = models.CharField(_("local authority area"), max_length=100, blank=True)
    nation = models.CharField(_("nation"), max_length=20, choices=Nation.choices, blank=True)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=language_choices,
        default=default_language,
        help_text=_(
            "We write your feedback letter and certificate in this language. Organisations in "
            "Wales receive a certificate in Welsh and English."
        ),
    )
    region = models.CharField(_("region"), max_length=100, blank=True)
    local_group = models.ForeignKey(
        "cms.LocalGroupPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("local City of Sanctuary group"),
    )
    website = models.URLField(_("website"), blank=True)
    school_urn = models.CharField(_("school URN"), max_length=10, blank=True)
    ukprn = models.CharField(_("UKPRN"), max_length=10, blank=True)
    council_code = models.CharField(_("council code"), max_length=12, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("part of"),
        help_text=_("For example the library service or education group you belong to."),
    )
    listed_publicly = models.BooleanField(
        _("list us in the public register if we receive an award"), default=True
    )
    pledge_signatory_name = models.CharField(_("pledge signed by"), max_length=200, blank=True)
    pledge_signatory_role = models.CharField(_("role"), max_length=200, blank=True)
    pledge_signed_at = models.DateTimeField(_("pledge signed at"), null=True, blank=True)
    pledge_signed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "awards_organisation"
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        # Lists sorted by organisation (the register, the award list) read it in order and
        # stop at a page. Name searches use a trigram index on PostgreSQL (migration 0004).
        indexes = [models.Index(fields=["name"], name="organisation_name_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(pledge_signed_at__isnull=True) | ~Q(pledge_signatory_name=""),
                name="awards_organisation_pledge_has_signatory",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def has_signed_pledge(self) -> bool:
        return self.pledge_signed_at is not None

    @property
    def is_council(self) -> bool:
        """Councils keep action plans (DOMAIN.md §6)."""
        return self.organisation_type == OrganisationType.LOCAL_AUTHORITY


class Membership(models.Model):
    """A person's place in an organisation's team: lead (may submit) or contributor."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    joined_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        db_table = "awards_membership"
        ordering = ["organisation__name", "role", "user__email"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="awards_membership_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} ({self.get_role_display()})"


class Invitation(models.Model):
    """An emailed invitation to join an organisation's team. Single use; expires."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=MembershipRole.choices)
    token = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        db_table = "awards_invitation"
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="awards_invitation_used_or_revoked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.organisation}"


class LocalCoordinator(models.Model):
    """A local lead / coordinator and the local group whose applications they triage.
    Managed by national staff in the admin (local group editors cannot grant it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="local_coordinations",
        verbose_name=_("coordinator"),
    )
    local_group = models.ForeignKey(
        "cms.LocalGroupPage",
        on_delete=models.CASCADE,
        related_name="coordinators",
        verbose_name=_("local group"),
    )

    class Meta:
        db_table = "awards_localcoordinator"
        verbose_name = _("local coordinator")
        verbose_name_plural = _("local coordinators")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "local_group"], name="awards_local_coordinator_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.local_group}"
