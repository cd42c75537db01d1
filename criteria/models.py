"""Streams of Sanctuary and their versioned Learn / Embed / Share criteria.

A stream has many criteria versions; at most one is published at a time (a database
constraint). Applications are pinned to the version they started against, so a version that is
in use is never edited in place: coordinators start a new version, which copies it.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable, PreviewableMixin, RevisionMixin
from wagtail.search import index

from criteria.enums import PRINCIPLE_LETTERS, Principle, VersionStatus
from criteria.grouping import group_criteria_by_principle


def default_reminder_offsets() -> list[int]:
    return [6, 3, 1]


class Stream(index.Indexed, models.Model):
    """A Stream of Sanctuary (schools, councils …) or the generic route through a local group,
    with the settings that DOMAIN.md makes configurable per stream."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    award_title = models.CharField(
        _("award title"), max_length=100, help_text=_("For example “School of Sanctuary”.")
    )
    reference_prefix = models.CharField(
        _("reference prefix"),
        max_length=6,
        unique=True,
        help_text=_(
            "Starts every application reference and certificate number of this stream, for "
            "example SOS for School of Sanctuary. Unique to the stream; capital letters."
        ),
        validators=[RegexValidator(r"^[A-Z]{2,6}$", _("Use two to six capital letters."))],
    )
    description = models.TextField(_("description"), blank=True)
    is_active = models.BooleanField(_("accepting applications"), default=True)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)
    coordinators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="coordinated_streams",
        verbose_name=_("stream coordinators"),
        help_text=_("National staff who own this stream's criteria, panels and decisions."),
    )
    panel_min_size = models.PositiveSmallIntegerField(
        _("minimum panel size"), default=3, validators=[MinValueValidator(1)]
    )
    lived_experience_min = models.PositiveSmallIntegerField(
        _("minimum lived-experience assessors"), default=1, validators=[MinValueValidator(1)]
    )
    narrative_max_characters = models.PositiveIntegerField(
        _("narrative length limit per criterion (characters)"),
        default=3000,
        validators=[MinValueValidator(200), MaxValueValidator(50_000)],
    )
    renewal_period_years = models.PositiveSmallIntegerField(
        _("renewal period (years)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(10)],
    )
    reminder_offsets_months = models.JSONField(
        _("renewal reminders (months before expiry)"),
        default=default_reminder_offsets,
        help_text=_("For example [6, 3, 1]."),
    )
    applies_through_local_group = models.BooleanField(
        _("applications go through a local group"),
        default=False,
        help_text=_("True for the generic route: the local group triages and forms panels."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("slug"),
                FieldPanel("award_title"),
                FieldPanel("reference_prefix"),
                FieldPanel("description"),
                FieldRowPanel([FieldPanel("is_active"), FieldPanel("sort_order")]),
                FieldPanel("coordinators"),
            ],
            heading=_("Stream"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("panel_min_size"), FieldPanel("lived_experience_min")]),
                FieldPanel("narrative_max_characters"),
                FieldRowPanel(
                    [FieldPanel("renewal_period_years"), FieldPanel("reminder_offsets_months")]
                ),
                FieldPanel("applies_through_local_group"),
            ],
            heading=_("Rules for this stream"),
        ),
    ]
    search_fields = [index.SearchField("name"), index.SearchField("award_title")]

    class Meta:
        ordering = ["sort_order", "name"]
        verbose_name = _("stream")
        verbose_name_plural = _("streams")
        constraints = [
            models.CheckConstraint(
                condition=Q(lived_experience_min__lte=models.F("panel_min_size")),
                name="criteria_stream_lived_experience_within_panel",
            ),
            models.CheckConstraint(
                condition=Q(lived_experience_min__gte=1),
                name="criteria_stream_lived_experience_min",
            ),
            models.CheckConstraint(
                condition=Q(renewal_period_years__gte=1), name="criteria_stream_renewal_period"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        offsets = self.reminder_offsets_months
        if not isinstance(offsets, list) or not all(
            isinstance(month, int) and 0 < month <= 12 * self.renewal_period_years
            for month in offsets
        ):
            raise ValidationError(
                {
                    "reminder_offsets_months": _(
                        "Give a list of whole months before expiry, such as [6, 3, 1]."
                    )
                }
            )
        if self.lived_experience_min and self.lived_experience_min > self.panel_min_size:
            raise ValidationError(
                {
                    "lived_experience_min": _(
                        "A panel cannot need more lived-experience assessors than members."
                    )
                }
            )


class CriteriaVersion(RevisionMixin, PreviewableMixin, ClusterableModel):
    """One version of a stream's criteria. Drafts are edited; publishing one retires the one
    before it; a version in use by applications is never edited in place."""

    stream = models.ForeignKey(
        Stream, on_delete=models.PROTECT, related_name="versions", verbose_name=_("stream")
    )
    number = models.PositiveSmallIntegerField(_("version number"))
    status = models.CharField(
        _("status"), max_length=20, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    effective_date = models.DateField(_("effective from"), null=True, blank=True)
    change_summary = models.TextField(
        _("what changed"), blank=True, help_text=_("Shown to applicants who renew.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("stream"),
        FieldRowPanel([FieldPanel("number", read_only=True), FieldPanel("effective_date")]),
        FieldPanel("change_summary"),
        InlinePanel("criteria", heading=_("Criteria"), label=_("Criterion"), min_num=1),
    ]

    class Meta:
        ordering = ["stream__sort_order", "stream__name", "-number"]
        verbose_name = _("criteria version")
        verbose_name_plural = _("criteria versions")
        permissions = [("publish_criteriaversion", "Can publish criteria versions")]
        constraints = [
            models.UniqueConstraint(
                fields=["stream", "number"], name="criteria_version_number_unique_per_stream"
            ),
            models.UniqueConstraint(
                fields=["stream"],
                condition=Q(status=VersionStatus.PUBLISHED),
                name="criteria_one_published_version_per_stream",
            ),
            models.CheckConstraint(
                condition=~Q(status=VersionStatus.PUBLISHED) | Q(published_at__isnull=False),
                name="criteria_published_version_has_published_at",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.stream.name} – v{self.number} ({self.get_status_display()})"

    def get_preview_template(self, request, mode_name):
        return "criteria/criteria_version_preview.html"

    def get_preview_context(self, request, mode_name):

        context = super().get_preview_context(request, mode_name)
        context["groups"] = group_criteria_by_principle(list(self.criteria.all()))
        return context


class Criterion(Orderable):
    """One criterion: a code such as L1, what it asks, guidance and examples of evidence."""

    version = ParentalKey(CriteriaVersion, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(
        _("code"), max_length=10, help_text=_("A letter for the principle and a number: L1, E4.")
    )
    principle = models.CharField(_("principle"), max_length=20, choices=Principle.choices)
    title = models.CharField(_("title"), max_length=200)
    asks = models.TextField(_("what the criterion asks"))
    guidance = models.TextField(_("guidance"), blank=True)
    evidence_examples = models.TextField(
        _("examples of evidence"), blank=True, help_text=_("One example per line.")
    )
    pledge_is_evidence = models.BooleanField(
        _("the signed pledge counts as evidence"),
        default=False,
        help_text=_("Tick when this criterion asks for the City of Sanctuary pledge."),
    )

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("principle")]),
        FieldPanel("title"),
        FieldPanel("asks"),
        FieldPanel("guidance"),
        FieldPanel("evidence_examples"),
        FieldPanel("pledge_is_evidence"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.UniqueConstraint(
                fields=["version", "code"], name="criteria_code_unique_per_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"

    @property
    def search_text(self) -> str:
        """What site search indexes of the criterion, and shows when it matches."""
        return f"{self.code} {self.title}. {self.asks}"

    @property
    def evidence_example_list(self) -> list[str]:
        return [line.strip() for line in self.evidence_examples.splitlines() if line.strip()]

    def clean(self):
        letter = PRINCIPLE_LETTERS.get(self.principle)
        if letter and self.code and not self.code.upper().startswith(letter):
            raise ValidationError(
                {
                    "code": _("A %(principle)s criterion's code starts with “%(letter)s”.")
                    % {"principle": self.get_principle_display(), "letter": letter}
                }
            )
        self.code = (self.code or "").strip().upper()
