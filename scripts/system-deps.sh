#!/usr/bin/env bash
# Make sure the Debian/Ubuntu packages that a task needs are present.
#
#   scripts/system-deps.sh venv   Python 3.11 with venv support (for `make run`)
#   scripts/system-deps.sh test   + Chromium and its driver, poppler, HarfBuzz subset, Pango,
#                                 fonts, gettext and npm (for `make test`)
#   scripts/system-deps.sh production
#                                 + PostgreSQL 15, Redis, nginx with the cache-purge module (for
#                                 `make production`); wrk as well with BENCH=1 (the HTTP benchmark)
#
# As root on Debian/Ubuntu the missing packages are installed with apt-get (after one
# `apt-get update`); otherwise the script stops and prints the one command to run.
# Presence is checked by file or command, not by package name, so that e.g. a NodeSource
# `nodejs` (which bundles npm) counts as having npm.
set -euo pipefail

profile="${1:-test}"
missing=()

has_command() { command -v "$1" >/dev/null 2>&1; }
has_library() { ldconfig -p 2>/dev/null | grep -q "$1" || compgen -G "/usr/lib/*/$1*" >/dev/null; }
need() {
  # need PACKAGE CHECK...: add PACKAGE to the list when the check fails.
  local package="$1"
  shift
  "$@" || missing+=("$package")
}

python_ok() {
  local candidate
  for candidate in python3.11 python3; do
    if has_command "$candidate" && "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      "$candidate" -c 'import ensurepip, venv' 2>/dev/null && return 0
      return 1
    fi
  done
  return 1
}

case "$profile" in
  venv | test | production) ;;
  *)
    echo "usage: $0 venv|test|production" >&2
    exit 2
    ;;
esac

need python3.11-venv python_ok
if [[ "$profile" == test ]]; then
  need chromium has_command chromium
  need chromium-driver has_command chromedriver
  need poppler-utils has_command pdftoppm
  need gettext has_command msgfmt
  need npm has_command npm
  need libharfbuzz-subset0 has_library libharfbuzz-subset.so.0
  need libpango-1.0-0 has_library libpango-1.0.so.0
  need libpangoft2-1.0-0 has_library libpangoft2-1.0.so.0
  need fonts-dejavu-core test -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
fi

if [[ "$profile" == production ]]; then
  need postgresql-15 test -x /usr/lib/postgresql/15/bin/postgres
  need redis-server has_command redis-server
  need nginx has_command nginx
  need libnginx-mod-http-cache-purge test -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so
  need curl has_command curl
  if [[ "${BENCH:-}" == 1 ]]; then
    need wrk has_command wrk
  fi
fi

if ((${#missing[@]} == 0)); then
  exit 0
fi

install_command="apt-get update && apt-get install -y --no-install-recommends ${missing[*]}"

if ! has_command apt-get; then
  echo "Missing system packages (Debian names): ${missing[*]}" >&2
  echo "This machine has no apt-get; install their equivalents with your package manager." >&2
  exit 1
fi

if [[ "$(id -u)" != 0 ]]; then
  echo "Missing system packages: ${missing[*]}" >&2
  echo "Run this once, then try again:" >&2
  echo "  sudo sh -c '$install_command'" >&2
  exit 1
fi

echo "Installing system packages: ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}"
