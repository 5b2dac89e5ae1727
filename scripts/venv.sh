#!/usr/bin/env bash
# Create the virtualenv with Python 3.11 if it is missing and install a lock file into it.
#
#   scripts/venv.sh requirements/base.txt   (or requirements/dev.txt)
#
# The install is skipped when the lock has not changed since the last install (a stamp file
# in the virtualenv remembers its checksum).
set -euo pipefail

lock="${1:?usage: $0 requirements/<name>.txt}"
venv="${VENV:-.venv}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

is_311() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; }

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.11 python3; do
    [[ -n "$candidate" ]] || continue
    if command -v "$candidate" >/dev/null 2>&1 && is_311 "$candidate"; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if [[ -x "$venv/bin/python" ]] && ! is_311 "$venv/bin/python"; then
  echo "$venv uses $("$venv/bin/python" --version 2>&1), but this project needs Python 3.11." >&2
  echo "Remove it (rm -rf $venv) and run make again." >&2
  exit 1
fi

if [[ ! -x "$venv/bin/python" ]]; then
  "$here/system-deps.sh" venv
  python="$(find_python)" || {
    echo "Python 3.11 not found (tried python3.11 and python3); set PYTHON=/path/to/python3.11." >&2
    exit 1
  }
  echo "Creating $venv with $(command -v "$python") ($("$python" --version 2>&1))" >&2
  "$python" -m venv "$venv"
fi

# deduce builds its lookup cache (~80 MB, ~75 s) inside its package folder on first use: build it
# here, once per install, so that no test or request ever waits for it.
warm_anonymiser() {
  if "$venv/bin/python" -c 'import deduce' 2>/dev/null; then
    local cache
    cache="$("$venv/bin/python" -c 'import deduce, pathlib; print(pathlib.Path(deduce.__file__).parent / "data/lookup/cache/lookup_structs.pickle")')"
    if [[ ! -f "$cache" ]]; then
      echo "Building the anonymiser's lookup cache (about 75 s, once per install)" >&2
      "$venv/bin/python" "$here/../manage.py" warm_anonymiser
    fi
  fi
}

stamp="$venv/.installed-$(basename "$lock" .txt)"
checksum="$(sha256sum "$lock" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$checksum" ]]; then
  warm_anonymiser
  exit 0
fi

pip_args=(install --quiet --disable-pip-version-check --no-input -r "$lock")
# Use hash checking as soon as the lock carries hashes (uv pip compile --generate-hashes).
if grep -q -- '--hash=' "$lock"; then
  pip_args+=(--require-hashes)
fi
echo "Installing $lock into $venv" >&2
"$venv/bin/python" -m pip "${pip_args[@]}"
echo "$checksum" >"$stamp"
warm_anonymiser
