import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage
from organisations.enums import EvidenceKind, ScanStatus


def evidence_upload_to(instance: "EvidenceItem", filename: str) -> str:
    # Random names, never the uploader's: the original name is kept in file_name.

    return f"evidence/{instance.organisation_id}/{uuid.uuid4().hex}"


class EvidenceItem(models.Model):
    """One piece of evidence in an organisation's library: a file, a link or a written
    testimony. Reusable across criteria and across applications (renewals reuse it)."""

    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, related_name="evidence"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=EvidenceKind.choices)
    title = models.CharField(_("title"), max_length=200)
    evidence_date = models.DateField(_("date"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=evidence_upload_to, blank=True
    )
    file_name = models.CharField(_("file name"), max_length=120, blank=True)
    file_size = models.PositiveBigIntegerField(_("file size"), default=0)
    mime_type = models.CharField(_("file type"), max_length=100, blank=True)
    scan_status = models.CharField(
        _("virus check"), max_length=20, choices=ScanStatus.choices, default=ScanStatus.PENDING
    )
    url = models.URLField(_("web address"), max_length=500, blank=True)
    testimony = models.TextField(_("testimony"), blank=True)
    contains_images_of_children = models.BooleanField(
        _("contains photos or images of children"), default=False
    )
    contains_sanctuary_stories = models.BooleanField(
        _("contains quotes or stories of people seeking sanctuary"), default=False
    )
    consent_obtained = models.BooleanField(_("consent obtained"), default=False)
    consent_recorded_by = models.CharField(_("consent recorded by"), max_length=200, blank=True)
    consent_recorded_on = models.DateField(_("consent recorded on"), null=True, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("added at"), auto_now_add=True)

    # Removed from the library by the team, but kept for an application already submitted
    # with it (the panel and the record still need it).
    archived_at = models.DateTimeField(_("removed from the library at"), null=True, blank=True)

    class Meta:
        db_table = "awards_evidenceitem"
        ordering = ["-created_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.CheckConstraint(
                condition=~Q(kind=EvidenceKind.FILE) | ~Q(file=""),
                name="awards_evidence_file_has_file",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EvidenceKind.LINK) | ~Q(url=""),
                name="awards_evidence_link_has_url",
            ),
            models.CheckConstraint(
                condition=~Q(kind=EvidenceKind.TESTIMONY) | ~Q(testimony=""),
                name="awards_evidence_testimony_has_text",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_sensitive(self) -> bool:
        """Images of children or stories of people seeking sanctuary: seen only by the team,
        the assigned panel and staff."""
        return self.contains_images_of_children or self.contains_sanctuary_stories

    @property
    def label(self) -> str:
        """The title with what tells items of the same title apart: kind, date, size."""
        details = [str(self.get_kind_display())]
        if self.evidence_date:
            details.append(formats.date_format(self.evidence_date, "j F Y"))
        if self.is_file and self.file_size:
            details.append(human_size(self.file_size))
        return f"{self.title} ({', '.join(details)})"

    @property
    def is_downloadable_file(self) -> bool:
        """A file that passed the virus check (who may download it is a permission)."""
        return self.kind == EvidenceKind.FILE and self.scan_status == ScanStatus.CLEAN

    @property
    def is_link(self) -> bool:
        return self.kind == EvidenceKind.LINK

    @property
    def is_file(self) -> bool:
        return self.kind == EvidenceKind.FILE

    @property
    def failed_scan(self) -> bool:
        return self.scan_status == ScanStatus.INFECTED

    @property
    def unscannable(self) -> bool:
        return self.scan_status == ScanStatus.UNSCANNABLE

    @property
    def awaits_or_failed_scan(self) -> bool:
        return self.kind == EvidenceKind.FILE and self.scan_status != ScanStatus.CLEAN

    @property
    def needs_consent(self) -> bool:
        return self.is_sensitive and not self.consent_obtained


def human_size(size: int) -> str:
    """240 KB, 3.4 MB: as people read file sizes."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"
