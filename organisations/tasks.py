"""Background tasks of organisations' evidence."""

import logging

from django.tasks import task

from core.scanning import ScannerUnavailable, scan
from organisations.enums import ScanStatus
from organisations.models import EvidenceItem

logger = logging.getLogger(__name__)


@task()
def scan_file(*, evidence_id: int) -> str:
    item = EvidenceItem.objects.filter(pk=evidence_id).first()
    if item is None or not item.file:
        return "missing"
    with item.file.open("rb") as handle:
        data = handle.read()
    try:
        item.scan_status = ScanStatus.CLEAN if scan(data) else ScanStatus.INFECTED
    except ScannerUnavailable as error:
        # Fail closed: never downloadable, and the owner is told to upload it again.
        logger.warning("Evidence %s could not be scanned: %s", item.pk, error)
        item.scan_status = ScanStatus.UNSCANNABLE
    item.save(update_fields=["scan_status"])
    return item.scan_status
