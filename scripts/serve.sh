#!/usr/bin/env bash
# Serve the site with the background workers next to it, one per task queue: "default" (editions,
# PDFs, e-mail, page-cache purges) and "models" (training the element suggestions, the
# anonymiser); stop them together. A worker is restarted if it exits, as a supervisor would.
# Usage: scripts/serve.sh HOST:PORT
set -euo pipefail
python=${PYTHON:-.venv/bin/python}
supervisors=()
supervise_worker() {
  local queue="$1"
  (
    while true; do
      "$python" manage.py db_worker --queue-name "$queue" --worker-id "run-$queue" \
        || echo "The $queue task worker stopped (exit $?); restarting it in 2 s." >&2
      sleep 2
    done
  ) &
  supervisors+=("$!")
}
supervise_worker default
supervise_worker models
stop_workers() {
  # The loops first, so they cannot start another worker, then the workers they started.
  local supervisor workers
  for supervisor in "${supervisors[@]}"; do
    workers="$(pgrep -P "$supervisor" || true)"
    kill "$supervisor" 2>/dev/null || true
    [[ -z "$workers" ]] || kill $workers 2>/dev/null || true
  done
}
trap stop_workers EXIT
"$python" manage.py runserver "$1"
