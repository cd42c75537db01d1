"""HEIC photos (what iPhones take) are accepted as evidence and stored as JPEG, without their
EXIF metadata or GPS location. The photos are made here with pillow-heif."""

import io

import pillow_heif
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from core.uploads import UploadRejected, clean_upload
from organisations.models import EvidenceItem

MAX_BYTES = 20 * 1024 * 1024
GPS_IFD = 0x8825


def _heic_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Apple"
    exif[GPS_IFD] = {1: "N", 2: (51.0, 30.0, 0.0), 3: "W", 4: (0.0, 7.0, 0.0)}
    buffer = io.BytesIO()
    # pillow-heif writes the file directly: registering it with Pillow would change how every
    # later test opens images.
    pillow_heif.from_pillow(Image.new("RGB", (64, 48), "green")).save(
        buffer, format="HEIF", exif=exif.tobytes()
    )
    return buffer.getvalue()


def _stored_image_facts(content: bytes) -> tuple:
    with Image.open(io.BytesIO(content)) as image:
        return (
            image.format,
            image.size,
            dict(image.getexif()),
            dict(image.getexif().get_ifd(GPS_IFD)),
            "exif" in image.info,
        )


def test_heic_photo_made_for_the_test_carries_gps():
    heif = pillow_heif.open_heif(io.BytesIO(_heic_with_gps()))
    exif = Image.Exif()
    exif.load(heif.info["exif"])

    assert exif.get_ifd(GPS_IFD)[1] == "N"


def test_clean_upload_converts_heic_to_jpeg_without_metadata():
    upload = SimpleUploadedFile("IMG_0042.HEIC", _heic_with_gps(), content_type="image/heic")

    result = clean_upload(uploaded_file=upload, max_bytes=MAX_BYTES)

    assert (result.kind, result.mime_type, result.extension, result.safe_name) == (
        "jpg",
        "image/jpeg",
        "jpg",
        "IMG_0042.jpg",
    )
    assert result.content.startswith(b"\xff\xd8\xff")
    assert result.size == len(result.content)
    assert _stored_image_facts(result.content) == ("JPEG", (64, 48), {}, {}, False)
    assert b"Apple" not in result.content


def test_clean_upload_refuses_damaged_heic():
    truncated = _heic_with_gps()[:200]

    with pytest.raises(UploadRejected) as excinfo:
        clean_upload(
            uploaded_file=SimpleUploadedFile("IMG_0042.heic", truncated), max_bytes=MAX_BYTES
        )

    assert excinfo.value.code == "damaged"


def test_evidence_form_stores_heic_as_jpeg(client, school, applicant_lead):
    client.force_login(applicant_lead)

    response = client.post(
        f"/apply/organisations/{school.pk}/evidence/add/file/",
        {"title": "Welcome board", "upload": SimpleUploadedFile("IMG_0042.HEIC", _heic_with_gps())},
    )

    assert response.status_code == 302
    item = EvidenceItem.objects.get()
    with item.file.open("rb") as stored:
        content = stored.read()
    assert (item.file_name, item.mime_type, item.file_size) == (
        "IMG_0042.jpg",
        "image/jpeg",
        len(content),
    )
    assert _stored_image_facts(content) == ("JPEG", (64, 48), {}, {}, False)
