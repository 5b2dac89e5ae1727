#!/usr/bin/env bash
# Serve the site with the background worker next to it (it builds editions); stop both together.
# Usage: scripts/serve.sh HOST:PORT
set -euo pipefail
python=${PYTHON:-.venv/bin/python}
"$python" manage.py db_worker &
worker=$!
trap 'kill "$worker" 2>/dev/null || true' EXIT
"$python" manage.py runserver "$1"
