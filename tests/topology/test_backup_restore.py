"""Backup and restore, round trip (production issue): deploy/backup.sh takes a site on
PostgreSQL with its private files in a bucket (an S3-compatible store: moto's server) and
its public files in MEDIA_ROOT; deploy/restore.sh puts it into a new database, a new bucket
and a new folder; the restored site, served over HTTP while the original's database and
bucket are gone, answers a certificate check and an evidence download as the original did.

Runs on PostgreSQL only (pg_dump, pg_restore). Each run makes, and drops, databases of its
own (``sanctuary_backup_src_*``, ``sanctuary_backup_dst_*``) beside the test database, on the
server DATABASE_URL names.
"""

import contextlib
import json
import os
import re
import subprocess
import sys
import urllib.parse
import uuid
from pathlib import Path

import boto3
import pytest
import requests
from django.db import connection

from tests.core import test_object_storage
from tests.test_deploy_kit import _free_port, _wait_for

pytestmark = [
    pytest.mark.topology,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="backs up PostgreSQL (pg_dump, pg_restore)"
    ),
    pytest.mark.django_db(transaction=True),
]

# The moto S3 server, shared with the object storage tests.
s3_endpoint = test_object_storage.s3_endpoint
ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
GUNICORN = str(Path(PYTHON).with_name("gunicorn"))
REGION = "us-east-1"
PASSWORD = "sanctuary-demo"  # the demo accounts' (demo/accounts.py)

# What the site's database holds that the checks need: every award's certificate number, and
# one uploaded evidence file whose organisation's lead can sign in.
FACTS = """
import json
from awards.models import Award
from organisations.models import EvidenceItem, Membership
numbers = list(Award.objects.order_by("pk").values_list("certificate_number", flat=True))
for item in EvidenceItem.objects.filter(kind="file").order_by("pk"):
    lead = Membership.objects.filter(organisation=item.organisation, role="lead").first()
    if item.is_downloadable_file and lead and lead.user.has_usable_password():
        break
print(json.dumps({"numbers": numbers, "item": item.pk, "lead": lead.user.email}))
"""


def _database_url(name: str) -> str:
    """A database beside the test database, on the same server as the same user."""
    settings = connection.settings_dict
    user = urllib.parse.quote(settings["USER"] or "", safe="")
    password = urllib.parse.quote(settings["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    host = settings["HOST"] or "localhost"
    return f"postgres://{credentials}{host}:{settings['PORT'] or 5432}/{name}"


def _sql(statement: str) -> None:
    """CREATE/DROP DATABASE refuse a transaction: the connection is in autocommit here. New
    databases copy template0, which nobody connects to (template1 may be in use)."""
    with connection.cursor() as cursor:
        cursor.execute(statement)


def _site_env(tmp: Path, *, database: str, bucket: str, endpoint: str) -> dict[str, str]:
    """The environment a site's processes (and the scripts) get: its own database, private
    bucket and folders, and nothing of the developer's (no REDIS_URL, no AWS profile)."""
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "PYTHON": PYTHON,
        # The development settings: a sign-in without two-factor set-up, no HTTPS redirect.
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "SANCTUARY_REQUIRE_MFA": "false",
        "DATABASE_URL": _database_url(database),
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "MEDIA_ROOT": str(tmp / "media"),
        "SANCTUARY_VAR_DIR": str(tmp / "var"),
    }


def _run(env: dict[str, str], *command: str, expect: int = 0) -> str:
    done = subprocess.run(  # noqa: S603 - our own scripts and manage.py
        command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    said = f"{done.stdout}\n{done.stderr}"
    assert done.returncode == expect, f"{command}: {done.returncode}\n{said}"
    return done.stdout if expect == 0 else said


@contextlib.contextmanager
def _serving(env: dict[str, str], log: Path):
    """The site under gunicorn, as production serves it, on a free port."""
    port = _free_port()
    with log.open("w") as output:
        server = subprocess.Popen(  # noqa: S603
            [GUNICORN, "config.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=ROOT,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(port, server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def _main(html: str) -> str:
    """The page's own content, without what differs on every response (nonces, tokens)."""
    main = re.search(r"<main\b.*?</main>", html, re.DOTALL).group(0)
    main = re.sub(r'\bnonce="[^"]*"', "", main)
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", main)


def _observe(base: str, facts: dict) -> dict:
    """What a visitor checking certificates and the organisation's lead downloading its
    evidence see."""
    seen = {"verify": {}}
    for number in [*facts["numbers"], "SOS-2020-AAAA-AAAA"]:  # the last one: no such award
        response = requests.get(f"{base}/awards/verify/{number}/", timeout=10)
        seen["verify"][number] = (response.status_code, _main(response.text))
    lead = requests.Session()
    form = lead.get(f"{base}/accounts/login/", timeout=10)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
    signed_in = lead.post(
        f"{base}/accounts/login/",
        {"csrfmiddlewaretoken": token, "login": facts["lead"], "password": PASSWORD},
        timeout=10,
    )
    assert signed_in.status_code == 200 and "/accounts/login/" not in signed_in.url
    download = lead.get(f"{base}/apply/evidence/{facts['item']}/download/", timeout=10)
    seen["download"] = (download.status_code, download.headers["Content-Type"], download.content)
    return seen


def _objects(s3, bucket: str) -> dict[str, tuple[str, bytes]]:
    listing = s3.list_objects_v2(Bucket=bucket).get("Contents", [])
    stored = {}
    for item in listing:
        answer = s3.get_object(Bucket=bucket, Key=item["Key"])
        stored[item["Key"]] = (answer["ContentType"], answer["Body"].read())
    return stored


def _remove_bucket(s3, bucket: str) -> None:
    with contextlib.suppress(s3.exceptions.NoSuchBucket):
        for item in s3.list_objects_v2(Bucket=bucket).get("Contents", []):
            s3.delete_object(Bucket=bucket, Key=item["Key"])
        s3.delete_bucket(Bucket=bucket)


def test_backup_then_restore_into_a_new_database_and_bucket_serves_the_same_site(
    tmp_path, s3_endpoint
):
    run = uuid.uuid4().hex[:8]
    databases = {"src": f"sanctuary_backup_src_{run}", "dst": f"sanctuary_backup_dst_{run}"}
    buckets = {"src": f"sanctuary-backup-src-{run}", "dst": f"sanctuary-backup-dst-{run}"}
    s3 = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    env = {
        side: _site_env(
            tmp_path / side, database=databases[side], bucket=buckets[side], endpoint=s3_endpoint
        )
        for side in ("src", "dst")
    }
    try:
        # The original site: the demo data, its evidence uploaded into the private bucket, and
        # a CMS document in its public folder.
        _sql(f'CREATE DATABASE "{databases["src"]}" TEMPLATE template0')
        s3.create_bucket(Bucket=buckets["src"])
        _run(env["src"], PYTHON, "manage.py", "migrate", "--no-input", "-v", "0")
        _run(env["src"], PYTHON, "manage.py", "load_demo_data")
        document = tmp_path / "src" / "media" / "documents" / "annual-report.txt"
        document.parent.mkdir(parents=True)
        document.write_bytes(b"Annual report 2026\n")
        facts = json.loads(_run(env["src"], PYTHON, "manage.py", "shell", "-v", "0", "-c", FACTS))
        with _serving(env["src"], tmp_path / "src.log") as base:
            original = _observe(base, facts)

        backups = tmp_path / "backups"
        said = _run(env["src"], "deploy/backup.sh", str(backups))
        (backup,) = backups.iterdir()

        _sql(f'CREATE DATABASE "{databases["dst"]}" TEMPLATE template0')
        s3.create_bucket(Bucket=buckets["dst"])
        restored_said = _run(env["dst"], "deploy/restore.sh", str(backup))
        again = _run(env["dst"], "deploy/restore.sh", str(backup), expect=1)
        copied = _objects(s3, buckets["src"]), _objects(s3, buckets["dst"])
        # The restored site must stand on its own: the original's database and bucket go.
        _sql(f'DROP DATABASE "{databases["src"]}" WITH (FORCE)')
        _remove_bucket(s3, buckets["src"])
        with _serving(env["dst"], tmp_path / "dst.log") as base:
            restored = _observe(base, facts)
    finally:
        for name in databases.values():
            _sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        for name in buckets.values():
            _remove_bucket(s3, name)

    assert f"backup: complete: {backup}" in said
    assert oct(backup.stat().st_mode & 0o777) == "0o700"  # personal data: the owner's only
    assert "restore: migrations: the restored database is this code's" in restored_said
    # The files: every object, with its bytes and content type, and the public folder. The
    # demo's 4 evidence files, and the application packs built in the background for the
    # applications its panels hold (their number follows the demo, so it is counted here).
    evidence = [key for key in copied[0] if key.startswith("private/evidence/")]
    packs = [key for key in copied[0] if key.startswith("private/packs/")]
    assert len(evidence) == 4
    assert sorted(copied[0]) == sorted(evidence + packs)
    assert copied[1] == copied[0]
    named = len(copied[0])
    assert f"restore: files: all {named} files the database names are in their storage" in (
        restored_said
    )
    assert f"/{databases['dst']} is not empty" in again  # refused: nothing written
    restored_document = tmp_path / "dst" / "media" / "documents" / "annual-report.txt"
    assert restored_document.read_bytes() == b"Annual report 2026\n"
    # The original answered as it should...
    verify = original["verify"]
    assert len(facts["numbers"]) == 8
    for number in facts["numbers"]:
        status, page = verify[number]
        assert status == 200
        assert number in page
    assert verify["SOS-2020-AAAA-AAAA"][0] == 404
    status, content_type, body = original["download"]
    assert (status, content_type) == (200, "application/pdf")
    assert body.startswith(b"%PDF-")
    # ...and the restored site answers the same: every certificate, the same file.
    assert restored["verify"] == original["verify"]
    assert restored["download"] == original["download"]
