#!/usr/bin/env bash
# Back up the site: the PostgreSQL database (pg_dump, custom format) and the media folder (tar).
#
#   scripts/backup.sh [DIR]     writes DIR/database.dump, DIR/media.tar.gz and DIR/SHA256SUMS
#
# DIR defaults to var/backups/<UTC time>. DATABASE_URL and MEDIA_ROOT come from the
# environment: on a server `set -a; . /etc/voorbeeldenbank/env; set +a` first, on the loopback
# stack `set -a; . var/production/env; set +a`. The dump is consistent by itself (one
# transaction); media files written during the backup may be missing from the tar, never half.
# Restore with scripts/restore.sh DIR.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
: "${DATABASE_URL:?DATABASE_URL is not set (source the site's environment first)}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set (source the site's environment first)}"
case "$DATABASE_URL" in
  postgres://* | postgresql://*) ;;
  *)
    echo "backup: DATABASE_URL is not PostgreSQL; copy the SQLite file instead" >&2
    exit 1
    ;;
esac

PG_BIN="/usr/lib/postgresql/${PG_VERSION:-15}/bin"
target="${1:-var/backups/$(date -u +%Y%m%dT%H%M%SZ)}"
mkdir -p "$target"
chmod 700 "$target"

# Without owners and grants, so that the dump restores into a database owned by another role.
"$PG_BIN/pg_dump" --format=custom --no-owner --no-acl --file="$target/database.dump" \
  --dbname="$DATABASE_URL"
mkdir -p "$MEDIA_ROOT"
# Temporary files of builds in progress are not worth keeping (publication/files.py).
tar --create --gzip --file="$target/media.tar.gz" --directory="$MEDIA_ROOT" \
  --exclude='./editions/tmp' --exclude='./example-pdfs/tmp' .
(cd "$target" && sha256sum database.dump media.tar.gz >SHA256SUMS)
echo "backup: $target ($(du -sh "$target" | cut -f1))" >&2
echo "$target"
