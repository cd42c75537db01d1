"""The seam for a virus scanner.

``SANCTUARY_VIRUS_SCANNER`` names a callable ``scan(data: bytes) -> bool`` (True when clean,
False when infected); a scanner that cannot give an answer raises ``ScannerUnavailable``. A
file can be downloaded only once it has been scanned clean.

- ``core.scanning.clamd``: production. ClamAV's daemon over its socket
  (``SANCTUARY_CLAMD_ADDRESS``: ``tcp://host:3310`` or ``unix:///run/clamav/clamd.ctl``).
- ``core.scanning.accept_everything``: development only (``make run``); the deployment
  checks refuse it in production (core/checks.py).
- ``core.scanning.test_scanner``: the tests; treats the EICAR test string as infected.
"""

import io
from urllib.parse import urlparse

from clamav_client.clamd import ClamdError, ClamdNetworkSocket, ClamdUnixSocket
from django.conf import settings
from django.utils.module_loading import import_string

EICAR = b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
DEVELOPMENT_SCANNER = "core.scanning.accept_everything"


class ScannerUnavailable(Exception):
    """The scanner gave no verdict (unreachable, timed out, file over its limits)."""


def accept_everything(data: bytes) -> bool:
    """Development only: no scanner installed."""
    return True


def test_scanner(data: bytes) -> bool:
    return EICAR not in data


def _clamd_client():
    address = urlparse(settings.SANCTUARY_CLAMD_ADDRESS)
    timeout = settings.SANCTUARY_CLAMD_TIMEOUT_SECONDS
    if address.scheme == "unix":
        return ClamdUnixSocket(path=address.path, timeout=timeout)
    if address.scheme == "tcp":
        return ClamdNetworkSocket(
            host=address.hostname or "127.0.0.1", port=address.port or 3310, timeout=timeout
        )
    raise ScannerUnavailable(f"SANCTUARY_CLAMD_ADDRESS must be tcp:// or unix://, not {address}")


def clamd(data: bytes) -> bool:
    """Ask ClamAV's daemon (INSTREAM): True when clean, False when a signature matched."""
    try:
        result = _clamd_client().instream(io.BytesIO(data))
    except (ClamdError, OSError) as error:
        raise ScannerUnavailable(str(error) or error.__class__.__name__) from error
    status, reason = result.get("stream", (None, None))
    if status == "OK":
        return True
    if status == "FOUND":
        return False
    raise ScannerUnavailable(f"clamd answered {status}: {reason}")


def scan(data: bytes) -> bool:
    """Ask the configured scanner about ``data``: True when clean. Raises
    ScannerUnavailable when it gives no verdict."""
    return import_string(settings.SANCTUARY_VIRUS_SCANNER)(data)
