#!/usr/bin/env bash
# Start the local PostgreSQL 15 cluster and create this project's role and database.
#
#   scripts/postgres.sh         set up (idempotent), then print the DATABASE_URL on stdout
#
# The role gets CREATEDB so that pytest-django can create its test_ database and the benchmark
# its voorbeeldenbank_bench database. Everything else is logged on stderr.
# Settings (environment): PG_VERSION (15), PG_CLUSTER (main), PG_PORT (5432),
# PG_ROLE / PG_DATABASE (voorbeeldenbank), PG_PASSWORD (a local-only development password).
set -euo pipefail

version="${PG_VERSION:-15}"
cluster="${PG_CLUSTER:-main}"
port="${PG_PORT:-5432}"
role="${PG_ROLE:-voorbeeldenbank}"
database="${PG_DATABASE:-voorbeeldenbank}"
password="${PG_PASSWORD:-voorbeeldenbank-local}"

log() { echo "postgres: $*" >&2; }

as_postgres() {
  if [[ "$(id -u)" == 0 ]]; then
    runuser -u postgres -- "$@"
  elif [[ "$(id -un)" == postgres ]]; then
    "$@"
  else
    sudo -u postgres "$@"
  fi
}

if [[ ! -x "/usr/lib/postgresql/$version/bin/postgres" ]]; then
  if [[ "$(id -u)" != 0 ]]; then
    log "PostgreSQL $version is not installed. Run: sudo apt-get install -y postgresql-$version"
    exit 1
  fi
  log "installing postgresql-$version"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq --no-install-recommends "postgresql-$version" >&2
fi

if ! pg_lsclusters -h 2>/dev/null | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { found = 1 } END { exit !found }'; then
  log "creating cluster $version/$cluster on port $port"
  as_postgres pg_createcluster --port "$port" "$version" "$cluster" >&2
fi

status="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $4 }')"
if [[ "$status" != online* ]]; then
  log "starting cluster $version/$cluster"
  if [[ "$(id -u)" == 0 ]]; then
    pg_ctlcluster "$version" "$cluster" start >&2
  else
    sudo pg_ctlcluster "$version" "$cluster" start >&2
  fi
fi
actual_port="$(pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c { print $3 }')"

psql_admin() { as_postgres psql --quiet --no-psqlrc --port "$actual_port" -v ON_ERROR_STOP=1 "$@"; }

for _ in $(seq 1 30); do
  psql_admin -d postgres -c 'select 1' >/dev/null 2>&1 && break
  sleep 1
done

# psql's :'var' quoting keeps the password safe inside SQL.
psql_admin -d postgres -v role="$role" -v password="$password" >&2 <<'SQL'
select format('create role %I login createdb password %L', :'role', :'password')
where not exists (select from pg_roles where rolname = :'role') \gexec
select format('alter role %I login createdb password %L', :'role', :'password') \gexec
SQL
psql_admin -d postgres -v role="$role" -v database="$database" >&2 <<'SQL'
select format('create database %I owner %I', :'database', :'role')
where not exists (select from pg_database where datname = :'database') \gexec
SQL

echo "postgres://$role:$password@127.0.0.1:$actual_port/$database"
