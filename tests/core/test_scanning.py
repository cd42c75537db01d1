"""The clamd adapter, against a daemon that speaks clamd's INSTREAM protocol on a real socket,
and evidence that fails closed when the scanner gives no verdict (production issue).

The topology test runs ClamAV's own daemon; here a small stand-in answers the way clamd does
(``stream: OK``, ``stream: Eicar-Signature FOUND``, ``INSTREAM size limit exceeded. ERROR``).
"""

import socket
import socketserver
import struct
import threading

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from core import scanning
from core.scanning import EICAR, ScannerUnavailable
from organisations.enums import ScanStatus
from organisations.models import EvidenceItem

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


class _Clamd(socketserver.StreamRequestHandler):
    def handle(self):
        command = self.rfile.readline()
        assert command.strip() in (b"nINSTREAM", b"zINSTREAM")
        data = b""
        while True:
            (size,) = struct.unpack("!L", self.rfile.read(4))
            if size == 0:
                break
            data += self.rfile.read(size)
        if len(data) > self.server.limit:
            reply = b"INSTREAM size limit exceeded. ERROR"
        elif EICAR in data:
            reply = b"stream: Eicar-Signature FOUND"
        else:
            reply = b"stream: OK"
        # Recorded before the reply: the test reads it as soon as the reply arrives.
        self.server.scanned.append(data)
        self.wfile.write(reply + b"\n")


@pytest.fixture
def clamd(settings):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Clamd)
    server.scanned = []
    server.limit = 10_000  # bytes, as clamd's StreamMaxLength
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SANCTUARY_VIRUS_SCANNER = "core.scanning.clamd"
    settings.SANCTUARY_CLAMD_ADDRESS = f"tcp://127.0.0.1:{server.server_address[1]}"
    settings.SANCTUARY_CLAMD_TIMEOUT_SECONDS = 5
    yield server
    server.shutdown()
    server.server_close()


def test_clean_data_is_clean(clamd):
    assert scanning.scan(b"hello " * 1000) is True
    # The whole file reached the daemon, in chunks.
    assert clamd.scanned == [b"hello " * 1000]


def test_a_signature_match_is_infected(clamd):
    assert scanning.scan(b"notes " + EICAR) is False


def test_a_file_beyond_the_daemons_limit_gets_no_verdict(clamd):
    with pytest.raises(ScannerUnavailable):
        scanning.scan(b"x" * 20_000)


def test_an_unreachable_daemon_gets_no_verdict(settings):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.SANCTUARY_VIRUS_SCANNER = "core.scanning.clamd"
    settings.SANCTUARY_CLAMD_ADDRESS = f"tcp://127.0.0.1:{port}"
    with pytest.raises(ScannerUnavailable):
        scanning.scan(b"anything")


def _upload(client, school, content):
    client.post(
        f"/apply/organisations/{school.pk}/evidence/add/file/",
        {"title": "Minutes", "upload": SimpleUploadedFile("minutes.pdf", content)},
    )
    return EvidenceItem.objects.get()


def test_evidence_scanned_by_clamd_is_downloadable(
    client, school, applicant_lead, clamd, django_capture_on_commit_callbacks
):
    client.force_login(applicant_lead)
    with django_capture_on_commit_callbacks(execute=True):
        item = _upload(client, school, MINIMAL_PDF)

    item.refresh_from_db()
    assert item.scan_status == ScanStatus.CLEAN
    assert client.get(f"/apply/evidence/{item.pk}/download/").status_code == 200


def test_evidence_that_cannot_be_scanned_is_never_downloadable_and_says_why(
    client, school, applicant_lead, clamd, django_capture_on_commit_callbacks
):
    clamd.limit = 10
    client.force_login(applicant_lead)
    with django_capture_on_commit_callbacks(execute=True):
        item = _upload(client, school, MINIMAL_PDF)

    item.refresh_from_db()
    assert item.scan_status == ScanStatus.UNSCANNABLE
    response = client.get(f"/apply/evidence/{item.pk}/download/")
    assert response.status_code == 409
    assert "could not look inside this file" in response.text
    listing = client.get(f"/apply/organisations/{school.pk}/evidence/")
    assert "Blocked: could not be checked" in listing.text
