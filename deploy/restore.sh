#!/usr/bin/env bash
# Restore a backup made by deploy/backup.sh into a new, empty database and new, empty buckets
# (or folders), then check that this code can serve it.
#
#   deploy/restore.sh BACKUP_DIR
#
# Where to is the site's environment, as for backup.sh: DATABASE_URL (a database that exists
# and is empty: createdb it first), AWS_STORAGE_BUCKET_NAME / AWS_PUBLIC_BUCKET_NAME (buckets
# that exist, with their policies, and are empty) or else PRIVATE_MEDIA_ROOT / MEDIA_ROOT
# (folders that are absent or empty), AWS_S3_ENDPOINT_URL, AWS_S3_REGION_NAME, AWS_* keys,
# and DJANGO_SETTINGS_MODULE for the checks at the end. Files go back where they came from:
# a bucket's copy into a bucket, a folder's into a folder (moving between the two is not
# done here). Nothing is written until the backup's checksums and every target are checked.
#
# Exit status: 0 restored and checked; 1 refused or failed; 3 restored, but this code's
# migrations are not all applied to it (run manage.py migrate before serving).
set -euo pipefail

say() { printf 'restore: %s\n' "$*"; }
fail() { printf 'restore: error: %s\n' "$*" >&2; exit 1; }
where() { local url="${1#*://}"; url="${url##*@}"; printf '%s' "${url%%\?*}"; }

[[ $# -eq 1 ]] || { echo "usage: $0 BACKUP_DIR" >&2; exit 2; }
[[ -d "$1" ]] || fail "$1 is not a folder"
BACKUP="$(cd "$1" && pwd)"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
[[ -x "$PYTHON" ]] || PYTHON="$(command -v python3)"
OBJECTS=("$PYTHON" "$ROOT/deploy/objects.py")

DATABASE_URL="${DATABASE_URL:-}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) fail "DATABASE_URL must name the new PostgreSQL database (postgres://...)" ;;
esac
VAR_DIR="${SANCTUARY_VAR_DIR:-$ROOT/var}"
MEDIA_ROOT="${MEDIA_ROOT:-$VAR_DIR/media}"
PRIVATE_MEDIA_ROOT="${PRIVATE_MEDIA_ROOT:-$VAR_DIR/private-media}"

# --- Check everything before writing anything -----------------------------------------------
[[ -f "$BACKUP/MANIFEST" && -f "$BACKUP/SHA256SUMS" && -f "$BACKUP/database.dump" ]] \
  || fail "$BACKUP is not a complete backup (MANIFEST, SHA256SUMS, database.dump)"
grep -qx 'format=1' "$BACKUP/MANIFEST" || fail "$BACKUP/MANIFEST: unknown format"
say "checking the backup's checksums ($(grep '^created=' "$BACKUP/MANIFEST"))"
(cd "$BACKUP" && sha256sum --check --quiet --strict SHA256SUMS) || fail "the backup is damaged"

TARGET_DB="$(where "$DATABASE_URL")"
relations="$(psql --no-psqlrc -qAt --dbname="$DATABASE_URL" -c "
  SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
    AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'")" \
  || fail "cannot reach the database $TARGET_DB (create it first: createdb)"
[[ "$relations" == 0 ]] \
  || fail "the database $TARGET_DB is not empty ($relations relations): restore only into a new one"

# check_target PART BUCKET FOLDER: the backup's PART can go to this site's bucket or folder.
check_target() {
  local part="$1" bucket="$2" folder="$3" source
  source="$(sed -n "s/^$part=//p" "$BACKUP/MANIFEST")"
  if [[ -n "$bucket" ]]; then
    [[ "$source" == bucket:* ]] || fail "$part files were backed up from $source, not a bucket"
    "${OBJECTS[@]}" check-empty "$bucket" >/dev/null || fail "bucket $bucket: see above"
  else
    [[ "$source" == folder:* ]] || fail "$part files were backed up from $source, not a folder"
    [[ ! -e "$folder" || -z "$(ls -A "$folder")" ]] || fail "the folder $folder is not empty"
  fi
}
check_target private "${AWS_STORAGE_BUCKET_NAME:-}" "$PRIVATE_MEDIA_ROOT"
check_target public "${AWS_PUBLIC_BUCKET_NAME:-}" "$MEDIA_ROOT"

# --- Restore --------------------------------------------------------------------------------
say "restoring the database into $TARGET_DB ..."
# One transaction: on any error the database is left empty, as it was.
pg_restore --no-owner --no-acl --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$BACKUP/database.dump"
say "database: $(psql --no-psqlrc -qAt --dbname="$DATABASE_URL" -c \
  "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'") tables restored"

put_files() {
  local part="$1" bucket="$2" folder="$3"
  if [[ -n "$bucket" ]]; then
    "${OBJECTS[@]}" upload "$BACKUP/$part" "$bucket"
  else
    mkdir -p "$folder"
    cp -a "$BACKUP/$part/files/." "$folder/"
    say "$part: copied $(find "$folder" -type f | wc -l) files into the folder $folder"
  fi
}
put_files private "${AWS_STORAGE_BUCKET_NAME:-}" "$PRIVATE_MEDIA_ROOT"
put_files public "${AWS_PUBLIC_BUCKET_NAME:-}" "$MEDIA_ROOT"

# --- Can this code serve it? ----------------------------------------------------------------
say "checking with manage.py (settings: ${DJANGO_SETTINGS_MODULE:-config.settings.dev, manage.py default})"
if ! "$PYTHON" manage.py migrate --check --no-input >/dev/null; then
  echo "restore: the data is restored, but this code has migrations the backup lacks:" \
    "run manage.py migrate before serving it" >&2
  exit 3
fi
say "migrations: the restored database is this code's (migrate --check)"
# Every file the database names is in its storage (bucket or folder) again.
"$PYTHON" manage.py shell --no-imports -v 0 -c '
from django.apps import apps
from django.db import models

found, missing = 0, []
for model in apps.get_models():
    for field in model._meta.concrete_fields:
        if isinstance(field, models.FileField):
            names = model._base_manager.exclude(**{field.name: ""}).exclude(
                **{f"{field.name}__isnull": True}
            )
            for name in names.values_list(field.name, flat=True).iterator():
                if field.storage.exists(name):
                    found += 1
                else:
                    missing.append(f"{model._meta.label}.{field.name}: {name}")
if missing:
    print(f"restore: warning: {len(missing)} of {found + len(missing)} files the database names are missing:")
    print("\n".join(f"  {line}" for line in missing[:20]))
else:
    print(f"restore: files: all {found} files the database names are in their storage")
'
say "complete: $BACKUP restored into $TARGET_DB"
