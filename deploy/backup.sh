#!/usr/bin/env bash
# Back up the site: its PostgreSQL database and every uploaded file.
#
#   deploy/backup.sh DEST_DIR
#
# Writes DEST_DIR/sanctuary-YYYYMMDDTHHMMSSZ/ (UTC), readable by its owner only (it holds
# personal data):
#   database.dump   pg_dump --format=custom --no-owner
#   private/        the private files: a copy of the bucket AWS_STORAGE_BUCKET_NAME
#                   (index.json + objects/, deploy/objects.py) or of the folder
#                   PRIVATE_MEDIA_ROOT (files/)
#   public/         the CMS images and documents: AWS_PUBLIC_BUCKET_NAME or MEDIA_ROOT, likewise
#   MANIFEST        what was backed up, from where (no passwords)
#   SHA256SUMS      of all the above; deploy/restore.sh checks it before writing anything
# The folder appears under its final name only once complete.
#
# Run it with the site's own environment (DATABASE_URL, AWS_*, MEDIA_ROOT, PRIVATE_MEDIA_ROOT,
# SANCTUARY_VAR_DIR), e.g. with the systemd units' environment file:
#   systemd-run --pipe --wait --uid=sanctuary -p WorkingDirectory=/srv/sanctuary/app \
#     -p EnvironmentFile=/etc/sanctuary/sanctuary.env /srv/sanctuary/app/deploy/backup.sh /srv/backups
# The database is dumped first (one consistent snapshot), then the files; the site may keep
# running, so a file uploaded meanwhile may be in the backup without its row (harmless).
# PYTHON names the interpreter with boto3 (default: the project's .venv).
set -euo pipefail

say() { printf 'backup: %s\n' "$*"; }
fail() { printf 'backup: error: %s\n' "$*" >&2; exit 1; }
# host:port/name of a database URL, without its user, password or options.
where() { local url="${1#*://}"; url="${url##*@}"; printf '%s' "${url%%\?*}"; }

[[ $# -eq 1 ]] || { echo "usage: $0 DEST_DIR" >&2; exit 2; }
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
mkdir -p "$1"
DEST="$(cd "$1" && pwd)"
cd "$ROOT"  # relative MEDIA_ROOT and the like mean what they mean to the site
PYTHON="${PYTHON:-$ROOT/.venv/bin/python}"
[[ -x "$PYTHON" ]] || PYTHON="$(command -v python3)"

DATABASE_URL="${DATABASE_URL:-}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *) fail "DATABASE_URL must name the site's PostgreSQL database (postgres://...)" ;;
esac
# The same defaults as config/settings/base.py.
VAR_DIR="${SANCTUARY_VAR_DIR:-$ROOT/var}"
MEDIA_ROOT="${MEDIA_ROOT:-$VAR_DIR/media}"
PRIVATE_MEDIA_ROOT="${PRIVATE_MEDIA_ROOT:-$VAR_DIR/private-media}"
PRIVATE_BUCKET="${AWS_STORAGE_BUCKET_NAME:-}"
PUBLIC_BUCKET="${AWS_PUBLIC_BUCKET_NAME:-}"

umask 077
NAME="sanctuary-$(date -u +%Y%m%dT%H%M%SZ)"
FINAL="$DEST/$NAME"
[[ ! -e "$FINAL" ]] || fail "$FINAL exists already"
WORK="$DEST/.$NAME.partial"
mkdir "$WORK"
trap 'rm -rf "$WORK"; echo "backup: failed; nothing kept" >&2' EXIT

say "dumping the database $(where "$DATABASE_URL") ..."
# --no-owner (and pg_restore's own --no-owner): the restored tables belong to whoever restores.
pg_dump --format=custom --no-owner --file="$WORK/database.dump" --dbname="$DATABASE_URL"
say "database: $(du -h "$WORK/database.dump" | cut -f1) in database.dump"

# copy_files PART BUCKET FOLDER: the bucket if one is named, else the folder.
copy_files() {
  local part="$1" bucket="$2" folder="$3"
  if [[ -n "$bucket" ]]; then
    "$PYTHON" "$ROOT/deploy/objects.py" download "$bucket" "$WORK/$part"
    echo "$part=bucket:$bucket" >>"$WORK/MANIFEST"
  else
    mkdir -p "$WORK/$part/files"
    if [[ -d "$folder" ]]; then
      cp -a "$folder/." "$WORK/$part/files/"
      say "$part: copied $(find "$WORK/$part/files" -type f | wc -l) files from the folder $folder"
    else
      say "$part: the folder $folder does not exist: no files"
    fi
    echo "$part=folder:$folder" >>"$WORK/MANIFEST"
  fi
}

{
  echo "format=1"
  echo "created=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "database=$(where "$DATABASE_URL")"
  echo "code=$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo unknown)"
} >"$WORK/MANIFEST"
copy_files private "$PRIVATE_BUCKET" "$PRIVATE_MEDIA_ROOT"
copy_files public "$PUBLIC_BUCKET" "$MEDIA_ROOT"

(cd "$WORK" && find . -type f ! -name SHA256SUMS -print0 | sort -z | xargs -0 -r sha256sum) \
  >"$WORK/SHA256SUMS"
mv -T "$WORK" "$FINAL"
trap - EXIT
say "complete: $FINAL ($(du -sh "$FINAL" | cut -f1))"
