"""Where uploaded files are kept: folders on this machine unless a bucket is named.

With more than one app server every server must see what any of them stored, so the files go
to S3 or an S3-compatible store (MinIO, Ceph) through django-storages:

- ``AWS_STORAGE_BUCKET_NAME``: the private bucket (evidence, exports) under ``private/``. It
  is never given a URL: every download streams through a view that checks permission first.
- ``AWS_PUBLIC_BUCKET_NAME``: the public bucket for CMS images and documents, readable by
  anyone through the bucket's policy; ``AWS_S3_PUBLIC_DOMAIN`` is its CDN or custom domain.
- ``AWS_S3_ENDPOINT_URL`` (unset: AWS) and ``AWS_S3_REGION_NAME`` apply to both.

Credentials are not settings: django-storages and boto3 read ``AWS_ACCESS_KEY_ID`` and
``AWS_SECRET_ACCESS_KEY`` from the environment themselves, or use the machine's role, so they
never appear among the settings (or on an error page that lists them).

No object ACL is sent (``default_acl: None``): new AWS buckets refuse ACLs altogether
(Object Ownership "bucket owner enforced"), and who may read is the buckets' policies' job.
"""

from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

FILESYSTEM_STORAGE = "django.core.files.storage.FileSystemStorage"
S3_STORAGE = "storages.backends.s3.S3Storage"
STATICFILES_STORAGE = "whitenoise.storage.CompressedManifestStaticFilesStorage"


def storages_from_environment(
    environ: Mapping[str, str], *, private_media_root: Path | str
) -> dict[str, dict]:
    """The ``STORAGES`` setting for these environment variables. Without a bucket a storage
    is the filesystem as before: public media in ``MEDIA_ROOT`` (read from the settings when
    used, so a later ``MEDIA_ROOT`` still applies) and private media in
    ``private_media_root``. Raises ``ImproperlyConfigured`` if both buckets are the same one:
    a public bucket's policy would publish the evidence."""
    private_bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    public_bucket = environ.get("AWS_PUBLIC_BUCKET_NAME", "")
    if private_bucket and private_bucket == public_bucket:
        raise ImproperlyConfigured(
            "AWS_PUBLIC_BUCKET_NAME must not be the private bucket (AWS_STORAGE_BUCKET_NAME)."
        )
    connection = {
        "endpoint_url": environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": environ.get("AWS_S3_REGION_NAME") or None,
        "default_acl": None,
        "file_overwrite": False,
    }

    if public_bucket:
        default = {
            "BACKEND": S3_STORAGE,
            "OPTIONS": {
                **connection,
                "bucket_name": public_bucket,
                "querystring_auth": False,
                "custom_domain": environ.get("AWS_S3_PUBLIC_DOMAIN") or None,
            },
        }
    else:
        default = {"BACKEND": FILESYSTEM_STORAGE}

    if private_bucket:
        private = {
            "BACKEND": S3_STORAGE,
            "OPTIONS": {
                **connection,
                "bucket_name": private_bucket,
                "location": "private",
                # Never used to serve (the views stream files), but if a URL is ever asked
                # for, it must be a signed, expiring one.
                "querystring_auth": True,
            },
        }
    else:
        private = {
            "BACKEND": FILESYSTEM_STORAGE,
            "OPTIONS": {"location": str(private_media_root), "base_url": None},
        }

    return {
        "default": default,
        "private": private,
        "staticfiles": {"BACKEND": STATICFILES_STORAGE},
    }


def public_media_origins(environ: Mapping[str, str]) -> list[str]:
    """Where public CMS images are served from when they are in a bucket, for the content
    security policy's ``img-src``: the custom domain, else the bucket's own address."""
    bucket = environ.get("AWS_PUBLIC_BUCKET_NAME", "")
    if not bucket:
        return []
    if domain := environ.get("AWS_S3_PUBLIC_DOMAIN"):
        return [f"https://{domain}"]
    if endpoint := environ.get("AWS_S3_ENDPOINT_URL"):
        return [endpoint.rstrip("/")]
    return [f"https://{bucket}.s3.amazonaws.com"]
