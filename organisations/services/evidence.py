"""Writes for the evidence library: validated files (then virus-checked), links and written
testimonies."""

import datetime

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from core.errors import ServiceError, refuse_unless
from core.uploads import CleanUpload
from organisations import permissions as organisation_permissions
from organisations.enums import EvidenceKind, ScanStatus
from organisations.models import EvidenceItem, Organisation
from organisations.tasks import scan_file


def evidence_bytes_used(*, organisation: Organisation) -> int:
    return organisation.evidence.aggregate(total=Sum("file_size"))["total"] or 0


@transaction.atomic
def evidence_add_file(
    *, organisation: Organisation, user: User, upload: CleanUpload, title: str, **details
) -> EvidenceItem:
    """Store a validated upload in the library, then have it virus-checked."""
    quota = settings.SANCTUARY_EVIDENCE_QUOTA_BYTES
    if evidence_bytes_used(organisation=organisation) + upload.size > quota:
        raise ServiceError(
            _(
                "This file would take your evidence library over its %(mb)s MB limit. Remove "
                "files you no longer need first."
            )
            % {"mb": quota // (1024 * 1024)}
        )
    item = EvidenceItem(
        organisation=organisation,
        kind=EvidenceKind.FILE,
        title=title,
        uploaded_by=user,
        file_name=upload.safe_name,
        file_size=upload.size,
        mime_type=upload.mime_type,
        **details,
    )
    item.file.save(upload.safe_name, ContentFile(upload.content), save=False)
    item.save()
    item_id = item.pk
    transaction.on_commit(lambda: scan_file.enqueue(evidence_id=item_id))
    return item


def evidence_add(*, organisation: Organisation, user: User, kind: str, **fields) -> EvidenceItem:
    """Add a link or a written testimony to the library."""
    if kind == EvidenceKind.FILE:
        raise ServiceError(_("Use evidence_add_file for files."))
    return EvidenceItem.objects.create(
        organisation=organisation,
        kind=kind,
        uploaded_by=user,
        scan_status=ScanStatus.CLEAN,
        **fields,
    )


@transaction.atomic
def evidence_update(*, item: EvidenceItem, user: User, now: datetime.datetime, **fields):
    """Rename or describe an item, or record its consent (audited). Its file, link or
    testimony stays as it was."""
    item = EvidenceItem.objects.select_for_update().get(pk=item.pk)
    refuse_unless(organisation_permissions.can_contribute(user, item.organisation))
    before = item.title
    for name, value in fields.items():
        setattr(item, name, value)
    item.save()
    audit.record(
        organisation_id=item.organisation_id,
        actor=user,
        action=AuditAction.EVIDENCE_CHANGED,
        note=item.title if before == item.title else f"{before} → {item.title}",
        data={"evidence": item.pk},
        created_at=now,
    )
    return item
