"""Object storage: which storages the environment chooses, and private files kept in an
S3-compatible store (moto's server, in this process) still reach only the people allowed to
download them, through the same views."""

import uuid
from pathlib import Path

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from moto.server import ThreadedMotoServer

from config.settings.storage import public_media_origins, storages_from_environment
from core.health import deep_health
from organisations.enums import ScanStatus
from organisations.models import EvidenceItem
from reporting.enums import ExportStatus
from reporting.models import DataExport

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
REGION = "eu-west-2"


# --- Which storages -------------------------------------------------------------------------


def test_storages_from_environment_without_buckets_is_the_filesystem():
    assert storages_from_environment({}, private_media_root=Path("/srv/private")) == {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": "/srv/private", "base_url": None},
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }


def test_storages_from_environment_with_buckets_is_s3():
    environ = {
        "AWS_STORAGE_BUCKET_NAME": "sanctuary-private",
        "AWS_PUBLIC_BUCKET_NAME": "sanctuary-public",
        "AWS_S3_ENDPOINT_URL": "https://minio.internal:9000",
        "AWS_S3_REGION_NAME": REGION,
        "AWS_S3_PUBLIC_DOMAIN": "media.awards.example.org",
        "AWS_ACCESS_KEY_ID": "not-copied-into-settings",
        "AWS_SECRET_ACCESS_KEY": "not-copied-into-settings",
    }

    assert storages_from_environment(environ, private_media_root="/srv/private") == {
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "sanctuary-public",
                "endpoint_url": "https://minio.internal:9000",
                "region_name": REGION,
                "default_acl": None,
                "file_overwrite": False,
                "querystring_auth": False,
                "custom_domain": "media.awards.example.org",
            },
        },
        "private": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": "sanctuary-private",
                "endpoint_url": "https://minio.internal:9000",
                "region_name": REGION,
                "default_acl": None,
                "file_overwrite": False,
                "querystring_auth": True,
                "location": "private",
            },
        },
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }


def test_storages_from_environment_private_bucket_alone_leaves_public_media_on_disk():
    storages = storages_from_environment(
        {"AWS_STORAGE_BUCKET_NAME": "sanctuary-private"}, private_media_root="/srv/private"
    )

    assert storages["default"] == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert storages["private"]["OPTIONS"]["endpoint_url"] is None  # AWS itself
    assert storages["private"]["OPTIONS"]["region_name"] is None


def test_storages_from_environment_refuses_one_bucket_for_both():
    environ = {"AWS_STORAGE_BUCKET_NAME": "sanctuary", "AWS_PUBLIC_BUCKET_NAME": "sanctuary"}

    with pytest.raises(ImproperlyConfigured):
        storages_from_environment(environ, private_media_root="/srv/private")


# --- An S3-compatible store -----------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3(s3_endpoint, monkeypatch):
    # moto accepts any credentials; these keep boto3 away from a developer's own.
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.delenv("AWS_PROFILE", raising=False)
    return boto3.client("s3", endpoint_url=s3_endpoint, region_name=REGION)


def _bucket(s3) -> str:
    name = f"sanctuary-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name, CreateBucketConfiguration={"LocationConstraint": REGION})
    return name


def _keys(s3, bucket: str) -> list[str]:
    return [item["Key"] for item in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]


@pytest.fixture
def private_bucket(s3, s3_endpoint, settings):
    """The private storage moved to a fresh bucket, as production's environment would;
    yields the bucket's name and the folder private files went to before."""
    bucket = _bucket(s3)
    disk = Path(settings.STORAGES["private"]["OPTIONS"]["location"])
    chosen = storages_from_environment(
        {
            "AWS_STORAGE_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": REGION,
        },
        private_media_root=disk,
    )
    settings.STORAGES = {**settings.STORAGES, "private": chosen["private"]}
    return bucket, disk


def test_evidence_in_object_storage_is_downloaded_through_the_view(
    client,
    s3,
    s3_endpoint,
    private_bucket,
    school,
    applicant_lead,
    other_organisation_lead,
    django_capture_on_commit_callbacks,
):
    bucket, disk = private_bucket
    client.force_login(applicant_lead)

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/apply/organisations/{school.pk}/evidence/add/file/",
            {
                "title": "Welcome policy",
                "upload": SimpleUploadedFile("Welcome policy.pdf", MINIMAL_PDF),
            },
        )
    item = EvidenceItem.objects.get()
    library = client.get(f"/apply/organisations/{school.pk}/evidence/")
    response = client.get(f"/apply/evidence/{item.pk}/download/")
    client.force_login(other_organisation_lead)
    refused = client.get(f"/apply/evidence/{item.pk}/download/")

    assert item.scan_status == ScanStatus.CLEAN  # the scan read it back from the bucket
    assert _keys(s3, bucket) == [f"private/{item.file.name}"]
    stored = s3.get_object(Bucket=bucket, Key=f"private/{item.file.name}")["Body"].read()
    assert stored == MINIMAL_PDF
    assert not (disk / item.file.name).exists()
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="Welcome-policy.pdf"'
    assert response["Cache-Control"] == "private, no-store"
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert s3_endpoint not in library.content.decode()
    assert bucket not in library.content.decode()
    assert refused.status_code == 404


def test_background_export_in_object_storage_is_downloaded_through_the_view(
    client,
    s3,
    settings,
    private_bucket,
    in_assessment,
    national_admin,
    django_capture_on_commit_callbacks,
):
    bucket, disk = private_bucket
    settings.EXPORT_INLINE_MAX_ROWS = 0
    client.force_login(national_admin)

    with django_capture_on_commit_callbacks(execute=True):
        client.get("/workspace/exports/applications.xlsx")
    export = DataExport.objects.get()
    response = client.get(f"/workspace/exports/{export.pk}/download/")

    assert export.status == ExportStatus.READY
    assert _keys(s3, bucket) == [f"private/{export.file.name}"]
    assert not (disk / export.file.name).exists()
    stored = s3.get_object(Bucket=bucket, Key=f"private/{export.file.name}")["Body"].read()
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored


def test_deep_health_round_trips_through_the_private_bucket(s3, private_bucket, db):
    bucket, _disk = private_bucket

    _healthy, answers = deep_health()

    assert answers["storage"] == "ok"
    assert _keys(s3, bucket) == []  # the probe file was written, read back and deleted


def test_public_media_in_object_storage_has_a_plain_url_on_its_domain(s3, s3_endpoint, settings):
    bucket = _bucket(s3)
    chosen = storages_from_environment(
        {
            "AWS_PUBLIC_BUCKET_NAME": bucket,
            "AWS_S3_ENDPOINT_URL": s3_endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_PUBLIC_DOMAIN": "media.awards.example.org",
        },
        private_media_root=settings.STORAGES["private"]["OPTIONS"]["location"],
    )
    settings.STORAGES = {**settings.STORAGES, "default": chosen["default"]}

    name = default_storage.save("images/welcome.txt", ContentFile(b"hello"))

    assert _keys(s3, bucket) == [name]
    assert default_storage.url(name) == f"https://media.awards.example.org/{name}"


@pytest.mark.parametrize(
    "environ, origins",
    [
        ({}, []),
        ({"AWS_PUBLIC_BUCKET_NAME": "cms"}, ["https://cms.s3.amazonaws.com"]),
        (
            {"AWS_PUBLIC_BUCKET_NAME": "cms", "AWS_S3_PUBLIC_DOMAIN": "media.example.org"},
            ["https://media.example.org"],
        ),
        (
            {"AWS_PUBLIC_BUCKET_NAME": "cms", "AWS_S3_ENDPOINT_URL": "https://s3.internal/"},
            ["https://s3.internal"],
        ),
    ],
)
def test_public_images_from_a_bucket_are_allowed_by_the_content_security_policy(environ, origins):
    assert public_media_origins(environ) == origins
