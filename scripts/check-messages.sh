#!/usr/bin/env bash
# Check that every translation catalogue compiles, and warn when a committed .mo is older
# than its .po (`make run` uses the committed .mo files on machines without gettext).
set -euo pipefail

mapfile -t catalogues < <(find src -path '*/LC_MESSAGES/*.po' -type f | sort)
if ((${#catalogues[@]} == 0)); then
  echo "No translation catalogues (.po) to check."
  exit 0
fi
if ! command -v msgfmt >/dev/null; then
  echo "msgfmt not found: install gettext (scripts/system-deps.sh test)." >&2
  exit 1
fi

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
status=0
for po in "${catalogues[@]}"; do
  mo="${po%.po}.mo"
  if ! msgfmt --check-format -o "$tmp/new.mo" "$po"; then
    echo "FAIL: $po does not compile" >&2
    status=1
    continue
  fi
  if [[ ! -f "$mo" ]]; then
    echo "warning: $mo is missing; run: make messages" >&2
  elif ! cmp -s <(msgunfmt "$mo" 2>/dev/null) <(msgunfmt "$tmp/new.mo"); then
    echo "warning: $mo is out of date with $po; run: make messages" >&2
  fi
done
((status == 0)) && echo "Translations compile (${#catalogues[@]} catalogues)."
exit "$status"
