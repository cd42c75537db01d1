"""The seam for a virus scanner.

``SANCTUARY_VIRUS_SCANNER`` names a callable ``scan(data: bytes) -> bool`` (True when clean).
A file can be downloaded only once it has been scanned clean. The default scanner in
development marks everything clean; tests use ``awards.scanning.test_scanner``, which treats
the EICAR test string as infected. In production, point the setting at a function that calls
your scanner (for example ClamAV's clamd).
"""

from django.conf import settings
from django.tasks import task
from django.utils.module_loading import import_string

from awards.enums import ScanStatus

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def accept_everything(data: bytes) -> bool:
    """Development only: no scanner installed."""
    return True


def test_scanner(data: bytes) -> bool:
    return EICAR not in data


@task()
def scan_file(*, evidence_id: int) -> str:
    from awards.models import EvidenceItem

    item = EvidenceItem.objects.filter(pk=evidence_id).first()
    if item is None or not item.file:
        return "missing"
    scanner = import_string(settings.SANCTUARY_VIRUS_SCANNER)
    with item.file.open("rb") as handle:
        clean = scanner(handle.read())
    item.scan_status = ScanStatus.CLEAN if clean else ScanStatus.INFECTED
    item.save(update_fields=["scan_status"])
    return item.scan_status
