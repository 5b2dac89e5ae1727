#!/usr/bin/env bash
# Serve the site with the background worker next to it (it builds editions and sends e-mail);
# stop both together. The worker is restarted if it exits, as a supervisor would.
# Usage: scripts/serve.sh HOST:PORT
set -euo pipefail
python=${PYTHON:-.venv/bin/python}
(
  while true; do
    "$python" manage.py db_worker || echo "The task worker stopped (exit $?); restarting it in 2 s." >&2
    sleep 2
  done
) &
supervisor=$!
stop_worker() {
  # The loop first, so it cannot start another worker, then the worker it started.
  local workers
  workers="$(pgrep -P "$supervisor" || true)"
  kill "$supervisor" 2>/dev/null || true
  [[ -z "$workers" ]] || kill $workers 2>/dev/null || true
}
trap stop_worker EXIT
"$python" manage.py runserver "$1"
