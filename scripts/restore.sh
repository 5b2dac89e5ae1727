#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh into an empty database and an empty media folder.
#
#   scripts/restore.sh DIR
#
# DATABASE_URL must name an existing, empty PostgreSQL database (createdb it first, owned by
# the site's role); MEDIA_ROOT an empty or missing folder. The script refuses anything else, so
# it never mixes a backup into live data. Stop gunicorn and the workers first; run
# `manage.py migrate` afterwards when the code is newer than the backup. docs/deployment.md.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
source_dir="${1:?usage: scripts/restore.sh DIR}"
: "${DATABASE_URL:?DATABASE_URL is not set (source the site's environment first)}"
: "${MEDIA_ROOT:?MEDIA_ROOT is not set (source the site's environment first)}"
PG_BIN="/usr/lib/postgresql/${PG_VERSION:-15}/bin"

(cd "$source_dir" && sha256sum --check --quiet SHA256SUMS)

tables="$("$PG_BIN/psql" --no-psqlrc --quiet --tuples-only --no-align --dbname="$DATABASE_URL" \
  -c "select count(*) from information_schema.tables where table_schema = 'public'")"
if [[ "$tables" != 0 ]]; then
  echo "restore: the database already has $tables tables; restore only into an empty one" >&2
  exit 1
fi
if [[ -d "$MEDIA_ROOT" ]] && [[ -n "$(ls -A "$MEDIA_ROOT")" ]]; then
  echo "restore: $MEDIA_ROOT is not empty; restore only into an empty folder" >&2
  exit 1
fi

"$PG_BIN/pg_restore" --no-owner --no-acl --exit-on-error --single-transaction \
  --dbname="$DATABASE_URL" "$source_dir/database.dump"
mkdir -p "$MEDIA_ROOT"
tar --extract --gzip --file="$source_dir/media.tar.gz" --directory="$MEDIA_ROOT"
echo "restore: $source_dir restored" >&2
