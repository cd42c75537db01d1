"""Tests for core.uploads. Every file is built here in code; no binary fixtures."""

import io
import re
import zipfile
import zlib

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from PIL import Image, PngImagePlugin

from core.uploads import (
    ALLOWED_EXTENSIONS_TEXT,
    ALLOWED_KINDS,
    CleanUpload,
    UploadRejected,
    clean_upload,
    safe_filename,
)

MAX_BYTES = 20 * 1024 * 1024
MB = 1024 * 1024

DOCX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PPTX_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/ppt/presentation.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"/></Types>'
)
WORD_DOCUMENT = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    "<w:body><w:p><w:r><w:t>Our welcome policy</w:t></w:r></w:p></w:body></w:document>"
)
PLAIN_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
    b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>\nendobj\n"
    b"4 0 obj\n<< /Length 44 /Filter /FlateDecode >>\nstream\n"
    + zlib.compress(b"BT /F1 12 Tf 72 712 Td (Welcome policy) Tj ET")
    + b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


def _clean(name: str, content: bytes) -> CleanUpload:
    return clean_upload(uploaded_file=_upload(name, content), max_bytes=MAX_BYTES)


def _zip(members: dict[str, bytes | str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _docx(**extra_members: bytes | str) -> bytes:
    return _zip(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES,
            "word/document.xml": WORD_DOCUMENT,
            **extra_members,
        }
    )


def _odf(mime_type: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", mime_type, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
        archive.writestr("META-INF/manifest.xml", "<manifest:manifest/>")
    return buffer.getvalue()


def _xlsx() -> bytes:
    workbook = openpyxl.Workbook()
    workbook.active["A1"] = "Volunteers trained"
    workbook.active["B1"] = 12
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _pdf_with(body: bytes) -> bytes:
    return b"%PDF-1.7\n" + body + b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6  # Orientation: the camera was turned; rotate 90 degrees clockwise.
    exif[0x010F] = "Phone maker"
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(
        buffer, format="JPEG", exif=exif, comment=b"taken at home"
    )
    return buffer.getvalue()


def _png_with_metadata() -> bytes:
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Applicant name")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}
    buffer = io.BytesIO()
    Image.new("RGBA", (16, 16), (0, 128, 0, 128)).save(
        buffer, format="PNG", pnginfo=text, exif=exif
    )
    return buffer.getvalue()


def _rejection(name: str, content: bytes) -> UploadRejected:
    with pytest.raises(UploadRejected) as excinfo:
        _clean(name, content)
    return excinfo.value


def _set_encrypted_flag(archive_bytes: bytes) -> bytes:
    data = bytearray(archive_bytes)
    for signature, flag_offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        for match in re.finditer(re.escape(signature), archive_bytes):
            data[match.start() + flag_offset] |= 0x1
    return bytes(data)


# Accepted files -----------------------------------------------------------------------------


def test_clean_upload_accepts_pdf():
    result = _clean("Welcome policy 2025.pdf", PLAIN_PDF)

    assert result == CleanUpload(
        kind="pdf",
        mime_type="application/pdf",
        extension="pdf",
        original_name="Welcome policy 2025.pdf",
        safe_name="Welcome-policy-2025.pdf",
        size=len(PLAIN_PDF),
        content=PLAIN_PDF,
    )


@pytest.mark.parametrize(
    ("name", "build", "kind"),
    [
        ("policy.docx", _docx, "docx"),
        ("volunteers.xlsx", _xlsx, "xlsx"),
        (
            "training.pptx",
            lambda: _zip(
                {
                    "[Content_Types].xml": PPTX_CONTENT_TYPES,
                    "ppt/presentation.xml": "<p:presentation/>",
                    "ppt/slides/slide1.xml": "<p:sld/>",
                }
            ),
            "pptx",
        ),
        ("minutes.odt", lambda: _odf("application/vnd.oasis.opendocument.text"), "odt"),
        ("budget.ods", lambda: _odf("application/vnd.oasis.opendocument.spreadsheet"), "ods"),
    ],
    ids=["docx", "xlsx", "pptx", "odt", "ods"],
)
def test_clean_upload_accepts_office_documents(name, build, kind):
    content = build()

    result = _clean(name, content)

    assert (result.kind, result.mime_type, result.extension, result.content) == (
        kind,
        ALLOWED_KINDS[kind][0],
        kind,
        content,
    )


def test_clean_upload_strips_gps_and_applies_orientation_to_jpeg():
    original = _jpeg_with_gps()
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825) != {}

    result = _clean("Community lunch.jpg", original)

    cleaned = Image.open(io.BytesIO(result.content))
    assert (result.kind, result.mime_type, cleaned.format, cleaned.size) == (
        "jpg",
        "image/jpeg",
        "JPEG",
        (20, 40),
    )
    assert dict(cleaned.getexif()) == {}
    assert "exif" not in cleaned.info
    assert "comment" not in cleaned.info
    assert b"Exif" not in result.content
    assert b"Phone maker" not in result.content
    assert result.size == len(result.content)


def test_clean_upload_keeps_jpeg_extension_as_given():
    result = _clean("lunch.JPEG", _jpeg_with_gps())

    assert (result.kind, result.extension, result.safe_name) == ("jpg", "jpeg", "lunch.jpeg")


def test_clean_upload_reencodes_png_without_metadata():
    original = _png_with_metadata()

    result = _clean("poster.png", original)

    cleaned = Image.open(io.BytesIO(result.content))
    assert (result.kind, cleaned.format, cleaned.mode, cleaned.size) == (
        "png",
        "PNG",
        "RGBA",
        (16, 16),
    )
    assert "Author" not in cleaned.info
    assert "exif" not in cleaned.info
    assert b"Applicant name" not in result.content


# Size ---------------------------------------------------------------------------------------


def test_clean_upload_rejects_file_over_size_limit():
    upload = _upload("report.pdf", b"%PDF-" + bytes(25 * MB))

    with pytest.raises(UploadRejected, match="largest file we can accept is 20 MB") as excinfo:
        clean_upload(uploaded_file=upload, max_bytes=MAX_BYTES)

    assert excinfo.value.code == "too_large"


def test_clean_upload_rejects_oversized_file_whose_declared_size_lies():
    upload = UploadedFile(file=io.BytesIO(b"%PDF-" + bytes(3 * MB)), name="report.pdf", size=10)

    with pytest.raises(UploadRejected, match="largest file we can accept is 1 MB"):
        clean_upload(uploaded_file=upload, max_bytes=1 * MB)


def test_clean_upload_rejects_empty_file():
    with pytest.raises(UploadRejected, match="This file is empty"):
        _clean("report.pdf", b"")


# Content does not match the name, or is not allowed at all ----------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        (
            "report.pdf",
            b"\x7fELF\x02\x01\x01\x00" + bytes(56),
            "This file is named .pdf but it is a Linux program",
        ),
        (
            "photo.jpg",
            b"MZ\x90\x00\x03\x00\x00\x00" + bytes(56) + b"This program cannot be run in DOS mode",
            "This file is named .jpg but it is a Windows program",
        ),
        (
            "photo.jpg",
            b"<!DOCTYPE html>\n<html><body><script>alert(1)</script></body></html>",
            "This file is named .jpg but it is an HTML page",
        ),
        (
            "logo.png",
            b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'
            b"<script>alert(1)</script></svg>",
            "This file is named .png but it is an SVG image",
        ),
        (
            "logo.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>',
            "This file is an SVG image, which we can't accept",
        ),
        (
            "install.sh",
            b"#!/bin/sh\nrm -rf ~\n",
            "This file is a script, which we can't accept",
        ),
        (
            "evidence.zip",
            _zip({"policy.pdf": PLAIN_PDF, "notes.txt": "hello"}),
            "This file is a ZIP archive, which we can't accept",
        ),
    ],
    ids=["elf-as-pdf", "exe-as-jpg", "html-as-jpg", "svg-as-png", "svg", "script", "plain-zip"],
)
def test_clean_upload_rejects_disallowed_content(name, content, message):
    with pytest.raises(UploadRejected, match=re.escape(message)) as excinfo:
        _clean(name, content)

    assert excinfo.value.code == "unsupported_type"
    assert str(ALLOWED_EXTENSIONS_TEXT) in excinfo.value.messages[0]


def test_clean_upload_rejection_lists_allowed_types():
    rejection = _rejection("notes.txt", b"just some notes")

    assert rejection.messages == [
        "This file is a plain text file, which we can't accept. Please upload PDF, Word "
        "(.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt) or spreadsheet "
        "(.ods), JPG, PNG or HEIC (iPhone photos)."
    ]


def test_clean_upload_rejects_docx_named_xlsx():
    with pytest.raises(
        UploadRejected, match=re.escape("This file is named .xlsx but it is a Word document")
    ) as excinfo:
        _clean("budget.xlsx", _docx())

    assert excinfo.value.code == "wrong_extension"


def test_clean_upload_rejects_pdf_without_extension():
    with pytest.raises(UploadRejected, match="rename it to end in .pdf"):
        _clean("report", PLAIN_PDF)


# Zip containers -----------------------------------------------------------------------------


def test_clean_upload_rejects_zip_bomb_disguised_as_docx():
    # 200 MB of zeros streamed through the compressor: under 1 MB in memory, well under a second.
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", DOCX_CONTENT_TYPES)
        with archive.open("word/document.xml", mode="w", force_zip64=True) as member:
            zeros = bytes(MB)
            for _ in range(200):
                member.write(zeros)

    with pytest.raises(UploadRejected, match="far more data than a normal document") as excinfo:
        _clean("policy.docx", buffer.getvalue())

    assert excinfo.value.code == "zip_bomb"


def test_clean_upload_rejects_highly_compressed_member_under_total_limit():
    content = _docx(**{"word/media/padding.bin": bytes(5 * MB)})

    with pytest.raises(UploadRejected, match="far more data than a normal document"):
        _clean("policy.docx", content)


def test_clean_upload_rejects_archive_with_too_many_members():
    members = {f"word/part{index}.xml": "" for index in range(2_001)}

    with pytest.raises(UploadRejected, match="far more data than a normal document"):
        _clean("policy.docx", _docx(**members))


@pytest.mark.parametrize(
    "member_name",
    ["../../evil.txt", "word/../../evil.txt", "/etc/cron.d/evil", "word\\evil.txt", "C:evil.txt"],
)
def test_clean_upload_rejects_docx_with_unsafe_member_name(member_name):
    with pytest.raises(UploadRejected, match="items with unsafe names") as excinfo:
        _clean("policy.docx", _docx(**{member_name: "owned"}))

    assert excinfo.value.code == "unsafe_archive"


@pytest.mark.parametrize("member_name", ["word/embeddings/payload.zip", "word/tool.JAR"])
def test_clean_upload_rejects_docx_with_nested_archive(member_name):
    with pytest.raises(UploadRejected, match="another archive packed inside it"):
        _clean("policy.docx", _docx(**{member_name: _zip({"a.txt": "a"})}))


def test_clean_upload_rejects_encrypted_docx():
    with pytest.raises(UploadRejected, match="password-protected") as excinfo:
        _clean("policy.docx", _set_encrypted_flag(_docx()))

    assert excinfo.value.code == "encrypted"


def test_clean_upload_rejects_macro_enabled_document_named_docx():
    content = _zip(
        {
            "[Content_Types].xml": DOCX_CONTENT_TYPES.replace(
                "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
                "vnd.ms-word.document.macroEnabled.main+xml",
            ),
            "word/document.xml": WORD_DOCUMENT,
            "word/vbaProject.bin": b"\xd0\xcf\x11\xe0",
        }
    )

    with pytest.raises(UploadRejected, match="contains macros"):
        _clean("policy.docx", content)


def test_clean_upload_rejects_odf_presentation():
    with pytest.raises(UploadRejected, match="OpenDocument file of a type we do not accept"):
        _clean("slides.odt", _odf("application/vnd.oasis.opendocument.presentation"))


def test_clean_upload_rejects_truncated_docx():
    with pytest.raises(UploadRejected, match="may be damaged") as excinfo:
        _clean("policy.docx", _docx()[:-30])

    assert excinfo.value.code == "damaged"


# PDFs ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"1 0 obj\n<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>",
        b"1 0 obj\n<< /Type /Catalog /OpenAction << /S /J#61vaScript /JS (app.alert(1)) >> >>",
        b"1 0 obj\n<< /Type /Action /S /Launch /F (cmd.exe) >>\nendobj",
        b"1 0 obj\n<< /Type /Catalog /Names << /EmbeddedFiles 2 0 R >> >>\nendobj",
        b"1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
        + zlib.compress(b"2 0 << /S /JavaScript /JS (app.alert(1)) >>")
        + b"\nendstream\nendobj",
    ],
    ids=["javascript", "escaped-javascript", "launch", "embedded-files", "object-stream"],
)
def test_clean_upload_rejects_active_pdf(body):
    with pytest.raises(UploadRejected, match="This PDF contains scripts") as excinfo:
        _clean("report.pdf", _pdf_with(body))

    assert excinfo.value.code == "unsafe_pdf"


# Images -------------------------------------------------------------------------------------


def test_clean_upload_rejects_damaged_png():
    truncated = _png_with_metadata()[:60]

    with pytest.raises(UploadRejected, match="may be damaged"):
        _clean("poster.png", truncated)


def test_clean_upload_rejects_image_with_too_many_pixels():
    buffer = io.BytesIO()
    Image.new("1", (8_000, 6_000)).save(buffer, format="PNG")

    with pytest.raises(UploadRejected, match="limit is 40 megapixels") as excinfo:
        _clean("huge.png", buffer.getvalue())

    assert excinfo.value.code == "image_too_large"


# File names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "extension", "expected"),
    [
        ("Annual report.pdf", "pdf", "Annual-report.pdf"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("..\\..\\Windows\\system32\\evil.docx", "docx", "evil.docx"),
        ("C:\\fakepath\\Café menu – été.odt", "odt", "Cafe-menu-ete.odt"),
        ("会议记录.pdf", "pdf", "evidence.pdf"),
        ("", "png", "evidence.png"),
        ("...", "pdf", "evidence.pdf"),
        (".htaccess", "pdf", "htaccess.pdf"),
        ("line\nbreak\x00null.pdf", "pdf", "linebreaknull.pdf"),
        ("notes", "pdf", "notes.pdf"),
        ("photo.JPEG", "jpeg", "photo.jpeg"),
        ("photo.jpeg", "jpg", "photo.jpg"),
        ("report.final.PDF", ".PDF", "report.final.pdf"),
        ("a  &  b (draft)!!.xlsx", "xlsx", "a-b-draft.xlsx"),
        ("x" * 300 + ".pdf", "pdf", "x" * 96 + ".pdf"),
    ],
)
def test_safe_filename_cleans_names(name, extension, expected):
    assert safe_filename(name, extension=extension) == expected


def test_safe_filename_rejects_unusable_extension():
    with pytest.raises(ValueError, match="Not a usable file extension"):
        safe_filename("report", extension="p/df")


def test_allowed_extensions_text_reads_plainly():
    assert str(ALLOWED_EXTENSIONS_TEXT) == (
        "PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), OpenDocument text (.odt) or "
        "spreadsheet (.ods), JPG, PNG or HEIC (iPhone photos)"
    )
