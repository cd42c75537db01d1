"""Documents uploaded through the Wagtail admin get the same content checks as evidence."""

import binascii
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Collection

PLAIN_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n"
    b"4 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n"
    + zlib.compress(b"BT /F1 12 Tf 72 712 Td (Guidance for schools) Tj ET")
    + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
# JavaScript in an object stream, hidden behind ASCIIHex encoding.
HIDDEN_SCRIPT_PDF = (
    b"%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /ASCIIHexDecode >>\nstream\n"
    + binascii.hexlify(b"2 0 << /S /JavaScript /JS (app.alert(1)) >>")
    + b">\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


@pytest.fixture
def admin_client(client, national_admin):
    client.force_login(national_admin)
    return client


def _add_document(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Guidance for schools",
            "file": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_admin_document_upload_refuses_pdf_with_hidden_script(admin_client):
    response = _add_document(admin_client, "guidance.pdf", HIDDEN_SCRIPT_PDF)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [
        "This PDF contains scripts, attached files or actions that start other programs, so we "
        "can't accept it. Please save it again with “Print to PDF” or export it as a plain PDF."
    ]
    assert get_document_model().objects.count() == 0


def test_admin_document_upload_refuses_pdf_it_cannot_check(admin_client):
    lzw_pdf = PLAIN_PDF.replace(b"/Filter /FlateDecode", b"/Filter /LZWDecode")

    response = _add_document(admin_client, "guidance.pdf", lzw_pdf)

    assert (
        response.context["form"]
        .errors["file"][0]
        .startswith("We couldn't check everything inside this PDF")
    )
    assert get_document_model().objects.count() == 0


def test_admin_document_upload_refuses_a_program_named_docx(admin_client):
    response = _add_document(admin_client, "guidance.docx", b"MZ\x90\x00" + bytes(60))

    assert (
        response.context["form"]
        .errors["file"][0]
        .startswith("This file is named .docx but it is a Windows program")
    )
    assert get_document_model().objects.count() == 0


def test_admin_document_upload_refuses_a_web_page_named_txt(admin_client):
    page = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"

    response = _add_document(admin_client, "notes.txt", page)

    assert response.context["form"].errors["file"] == [
        "This file is named .txt but it is an HTML page, not plain text."
    ]
    assert get_document_model().objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content"),
    [("guidance.pdf", PLAIN_PDF), ("contacts.csv", b"name,town\nAmal,Leeds\n")],
    ids=["pdf", "csv"],
)
def test_admin_document_upload_stores_a_clean_file(admin_client, name, content):
    response = _add_document(admin_client, name, content)

    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open("rb") as stored:
        assert stored.read() == content


def test_admin_document_edit_without_a_new_file_keeps_the_stored_one(admin_client):
    _add_document(admin_client, "guidance.pdf", PLAIN_PDF)
    document = get_document_model().objects.get()

    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Guidance for schools (2026)", "collection": document.collection_id},
    )

    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Guidance for schools (2026)"
    with document.file.open("rb") as stored:
        assert stored.read() == PLAIN_PDF
