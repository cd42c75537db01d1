#!/usr/bin/env python3
"""Copy every object of a bucket into a folder, and back: the object-store half of
deploy/backup.sh and deploy/restore.sh (the AWS CLI is not needed).

    python deploy/objects.py download BUCKET DIR   # DIR must be absent or empty
    python deploy/objects.py upload DIR BUCKET     # BUCKET must exist and be empty
    python deploy/objects.py check-empty BUCKET    # fails unless BUCKET exists and is empty

The store is the site's: ``AWS_S3_ENDPOINT_URL`` (unset: AWS) and ``AWS_S3_REGION_NAME``, as in
config/settings/storage.py; credentials are boto3's own (``AWS_ACCESS_KEY_ID`` and
``AWS_SECRET_ACCESS_KEY``, or the machine's role).

DIR holds ``index.json`` and ``objects/``. Objects are stored by number (``objects/00000001``),
not by key, so that any key (``..``, a "folder" that is also an object, a very long name)
survives; ``index.json`` maps each number to its key, size, SHA-256 and the headers the store
serves it with (content type and the like), which ``upload`` sends back. ``upload`` checks
every file against the index before it writes anything, and the bucket afterwards.
"""

import hashlib
import json
import os
import sys
from pathlib import Path

import boto3
from botocore.exceptions import BotoCoreError, ClientError

INDEX = "index.json"
CHUNK = 1024 * 1024
# The object's own headers, kept so that a restored public file is served as before.
HEADERS = {
    "ContentType": "content_type",
    "ContentEncoding": "content_encoding",
    "ContentDisposition": "content_disposition",
    "ContentLanguage": "content_language",
    "CacheControl": "cache_control",
}


class Refused(Exception):
    """The copy stops here: the message says why."""


def client():
    return boto3.client(
        "s3",
        endpoint_url=os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        region_name=os.environ.get("AWS_S3_REGION_NAME") or None,
    )


def _keys(s3, bucket: str):
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for item in page.get("Contents", []):
            yield item["Key"], item["Size"]


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def download(bucket: str, folder: Path) -> str:
    if folder.exists() and any(folder.iterdir()):
        raise Refused(f"{folder} is not empty")
    s3 = client()
    objects_dir = folder / "objects"
    objects_dir.mkdir(parents=True, exist_ok=True)
    index, total = [], 0
    for number, (key, _listed_size) in enumerate(_keys(s3, bucket), start=1):
        name = f"objects/{number:08d}"
        answer = s3.get_object(Bucket=bucket, Key=key)
        digest, size = hashlib.sha256(), 0
        with (folder / name).open("wb") as out:
            for chunk in answer["Body"].iter_chunks(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                out.write(chunk)
        if size != answer["ContentLength"]:
            raise Refused(f"{key}: read {size} bytes of {answer['ContentLength']}")
        entry = {"key": key, "file": name, "size": size, "sha256": digest.hexdigest()}
        entry.update(
            {field: answer[header] for header, field in HEADERS.items() if answer.get(header)}
        )
        if answer.get("Metadata"):
            entry["metadata"] = answer["Metadata"]
        index.append(entry)
        total += size
    (folder / INDEX).write_text(json.dumps({"bucket": bucket, "objects": index}, indent=1))
    return f"downloaded {len(index)} objects ({total} bytes) from bucket {bucket} to {folder}"


def check_empty(bucket: str, s3=None) -> str:
    s3 = s3 or client()
    s3.head_bucket(Bucket=bucket)  # exists, and we may use it
    if s3.list_objects_v2(Bucket=bucket, MaxKeys=1).get("KeyCount", 0):
        raise Refused(f"bucket {bucket} is not empty: restore only into a new, empty bucket")
    return f"bucket {bucket} exists and is empty"


def upload(folder: Path, bucket: str) -> str:
    try:
        index = json.loads((folder / INDEX).read_text())["objects"]
    except FileNotFoundError as error:
        raise Refused(f"{folder} has no {INDEX}: not a bucket copy made by download") from error
    for entry in index:  # all of them before a single write
        path = folder / entry["file"]
        if not path.is_file() or path.stat().st_size != entry["size"]:
            raise Refused(f"{path} ({entry['key']}) is missing or has the wrong size")
        if _sha256(path) != entry["sha256"]:
            raise Refused(f"{path} ({entry['key']}) does not match its SHA-256")
    s3 = client()
    check_empty(bucket, s3)
    for entry in index:
        extra = {header: entry[field] for header, field in HEADERS.items() if entry.get(field)}
        if entry.get("metadata"):
            extra["Metadata"] = entry["metadata"]
        s3.upload_file(str(folder / entry["file"]), bucket, entry["key"], ExtraArgs=extra)
    stored = dict(_keys(s3, bucket))
    expected = {entry["key"]: entry["size"] for entry in index}
    if stored != expected:
        raise Refused(f"bucket {bucket} does not hold what was uploaded (listing differs)")
    total = sum(expected.values())
    return f"uploaded {len(index)} objects ({total} bytes) from {folder} to bucket {bucket}"


def main(argv: list[str]) -> int:
    commands = {"download": 3, "upload": 3, "check-empty": 2}
    if not argv or commands.get(argv[0]) != len(argv):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    try:
        if argv[0] == "download":
            message = download(argv[1], Path(argv[2]))
        elif argv[0] == "upload":
            message = upload(Path(argv[1]), argv[2])
        else:
            message = check_empty(argv[1])
    except Refused as error:
        print(f"objects.py: refused: {error}", file=sys.stderr)
        return 1
    except (BotoCoreError, ClientError) as error:
        print(f"objects.py: the object store answered: {error}", file=sys.stderr)
        return 1
    print(f"objects.py: {message}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
