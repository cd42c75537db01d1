"""Removing evidence from a library: what an application already submitted with it keeps."""

import datetime
import enum

from django.db import transaction

from accounts.models import User
from audit import services as audit
from audit.enums import AuditAction
from awards.enums import APPLICANT_EDITABLE_STATUSES
from core.errors import refuse_unless
from organisations import permissions as organisation_permissions
from organisations.models import EvidenceItem


class Removal(enum.Enum):
    """What removing an item did."""

    ARCHIVED = "archived"  # kept for a submitted application or condition, hidden elsewhere
    DELETED = "deleted"


@transaction.atomic
def evidence_remove(*, item: EvidenceItem, user: User, now: datetime.datetime) -> Removal:
    """Take an item out of the organisation's library (audited). One that an application
    already submitted (or an answered condition) uses is archived: hidden from the library
    and the pickers, kept for the panel and the record. Anything else is deleted with its
    file, and drafts that chose it lose it."""
    item = EvidenceItem.objects.select_for_update().get(pk=item.pk)
    refuse_unless(organisation_permissions.can_contribute(user, item.organisation))
    kept = (
        item.answers.exclude(application__status__in=APPLICANT_EDITABLE_STATUSES).exists()
        or item.condition_responses.exists()
    )
    audit.record(
        organisation_id=item.organisation_id,
        actor=user,
        action=AuditAction.EVIDENCE_REMOVED,
        note=item.title,
        data={"evidence": item.pk, "archived": kept},
        created_at=now,
    )
    if kept:
        item.archived_at = now
        item.save(update_fields=["archived_at"])
        return Removal.ARCHIVED
    stored = item.file.name if item.file else ""
    storage = item.file.storage if item.file else None
    item.delete()
    if stored:
        transaction.on_commit(lambda: storage.delete(stored))
    return Removal.DELETED
