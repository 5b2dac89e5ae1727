#!/usr/bin/env bash
# Keep a command running, as systemd's Restart=always does on a server (`make production`):
#   scripts/supervise.sh PIDFILE COMMAND...
# Writes its own pid to PIDFILE; starts COMMAND again 2 s after it exits (a crash, kill -9);
# on TERM it stops COMMAND, waits for it and exits.
set -uo pipefail
pidfile="$1"
shift
child=""
finish() {
  if [[ -n "$child" ]]; then
    kill -TERM "$child" 2>/dev/null
    wait "$child" 2>/dev/null
  fi
  rm -f "$pidfile"
  exit 0
}
trap finish TERM INT
echo $$ >"$pidfile"
while true; do
  "$@" &
  child=$!
  wait "$child"
  status=$?
  echo "$(date -u +%FT%TZ) supervise: $1 exited with status $status; starting it again in 2 s" >&2
  sleep 2 &
  wait $!
done
