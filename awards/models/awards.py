import dataclasses
import datetime
import secrets

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from awards.enums import CURRENT_AWARD_STATUSES, AwardStatus

# Certificate numbers: a stream prefix, the year and eight characters from an alphabet with no
# look-alikes (no 0/O, 1/I/L). 31^8 ≈ 8.5e11 possibilities per stream and year, drawn from
# the system's CSPRNG: readable aloud, unguessable, and not enumerable.
CERTIFICATE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def new_certificate_number(prefix: str, year: int) -> str:
    body = "".join(secrets.choice(CERTIFICATE_ALPHABET) for _ in range(8))
    return f"{prefix}-{year}-{body[:4]}-{body[4:]}"


def normalise_certificate_number(value: str) -> str:
    """What someone typed or scanned, in canonical form: upper case, spaces and look-alike
    letters mended, so "sos 2026 abcd efgh" finds SOS-2026-ABCD-EFGH."""
    cleaned = "".join(ch for ch in value.upper() if ch.isalnum() or ch == "-")
    return cleaned.strip("-")[:40]


class AwardQuerySet(models.QuerySet):
    def current(self):
        return self.filter(status__in=sorted(str(s) for s in CURRENT_AWARD_STATUSES))

    def in_register(self):
        """What the public register lists: current awards of organisations that agreed."""
        return self.current().filter(organisation__listed_publicly=True)


class Award(models.Model):
    """An award made by a released award decision. Only awards/workflow/ changes
    ``status``."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="awards"
    )
    stream = models.ForeignKey("criteria.Stream", on_delete=models.PROTECT, related_name="awards")
    application = models.OneToOneField(
        "awards.Application", on_delete=models.PROTECT, related_name="award"
    )
    criteria_version = models.ForeignKey(
        "criteria.CriteriaVersion", on_delete=models.PROTECT, related_name="awards"
    )
    certificate_number = models.CharField(_("certificate number"), max_length=40, unique=True)
    status = models.CharField(
        _("status"), max_length=20, choices=AwardStatus.choices, default=AwardStatus.ACTIVE
    )
    awarded_on = models.DateField(_("awarded on"))
    expires_on = models.DateField(_("expires on"))
    with_conditions = models.BooleanField(_("awarded with conditions"), default=False)
    renewed_by = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="renews_award",
        verbose_name=_("renewed by"),
    )
    ended_on = models.DateField(_("ended on"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("reason for withdrawal"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = AwardQuerySet.as_manager()

    class Meta:
        ordering = ["-awarded_on", "-pk"]
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        indexes = [
            models.Index(fields=["status", "expires_on"], name="awards_award_status_expiry"),
            models.Index(fields=["stream", "status"], name="awards_award_stream_status"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=models.F("awarded_on")),
                name="awards_award_expires_after_awarded",
            ),
            models.CheckConstraint(
                condition=~Q(status=AwardStatus.WITHDRAWN) | ~Q(withdrawn_reason=""),
                name="awards_award_withdrawn_has_reason",
            ),
        ]

    def __str__(self) -> str:
        return self.certificate_number

    @property
    def is_current(self) -> bool:
        return self.status in CURRENT_AWARD_STATUSES

    def verification_state(self, today: datetime.date) -> "Verification":
        """What the public verification page says: current, expired, lapsed, withdrawn or
        renewed. An award whose renewal was submitted before its end date stays current past
        it until the panel decides."""
        if self.status in (AwardStatus.WITHDRAWN, AwardStatus.LAPSED, AwardStatus.RENEWED):
            return Verification(str(self.status))
        if self.status == AwardStatus.IN_RENEWAL or self.expires_on > today:
            return Verification("current")
        return Verification("expired")

    def kept_current_by_renewal(self, today: datetime.date) -> bool:
        return self.status == AwardStatus.IN_RENEWAL and self.expires_on <= today

    @property
    def is_lapsed(self) -> bool:
        return self.status == AwardStatus.LAPSED

    @property
    def is_renewal_due(self) -> bool:
        return self.status == AwardStatus.RENEWAL_DUE

    @property
    def is_in_renewal(self) -> bool:
        return self.status == AwardStatus.IN_RENEWAL


@dataclasses.dataclass(frozen=True)
class Verification:
    """The state the public verification page reports, asked by its flags (templates compare
    no status strings)."""

    state: str

    def __str__(self) -> str:
        return self.state

    @property
    def is_current(self) -> bool:
        return self.state == "current"

    @property
    def is_expired(self) -> bool:
        return self.state == "expired"

    @property
    def is_lapsed(self) -> bool:
        return self.state == str(AwardStatus.LAPSED)

    @property
    def is_withdrawn(self) -> bool:
        return self.state == str(AwardStatus.WITHDRAWN)

    @property
    def is_renewed(self) -> bool:
        return self.state == str(AwardStatus.RENEWED)


class AwardReminder(models.Model):
    """A renewal reminder sent for an award: one row per offset, so each is sent once."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="reminders")
    months_before = models.PositiveSmallIntegerField()
    sent_on = models.DateField()

    class Meta:
        ordering = ["-months_before"]
        constraints = [
            models.UniqueConstraint(
                fields=["award", "months_before"], name="awards_one_reminder_per_offset"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.award_id}: {self.months_before} months"


class LifecycleRun(models.Model):
    """One run of the daily award lifecycle job, by the day it ran for. The job refuses a day
    before the latest one it ran for, and a second run for the same day changes nothing."""

    day = models.DateField(unique=True)
    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-day"]

    def __str__(self) -> str:
        return str(self.day)
