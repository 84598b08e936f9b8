# Sourced by scripts/up, scripts/test and scripts/lock: make .venv and install into it the dev lock
# (requirements/dev.txt: runtime, embedded servers, test tools; hashes checked), then the project
# without dependencies; again whenever the lock or pyproject.toml changes. The lock is compiled for
# CPython 3.11 and 3.12 alike (scripts/lock), so either may make .venv.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
python_bin="${AGENDA_PYTHON:-}"
if [ -z "$python_bin" ]; then
  for candidate in python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null 2>&1 &&
      "$candidate" -c 'import sys; sys.exit(0 if (3, 11) <= sys.version_info[:2] < (3, 13) else 1)' 2>/dev/null; then
      python_bin="$candidate"
      break
    fi
  done
fi
if [ -z "$python_bin" ]; then
  echo "Python 3.11 or 3.12 is required (set AGENDA_PYTHON to choose one)" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  echo "==> creating .venv with $python_bin"
  "$python_bin" -m venv .venv
fi
lock=requirements/dev.txt
stamp=".venv/.installed-$(cat pyproject.toml "$lock" | sha256sum | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  echo "==> installing $lock and the project into .venv (first run takes a few minutes)"
  # Adds and moves packages to the lock's pins; removes none (a fresh .venv holds exactly it).
  .venv/bin/python -m pip install --quiet --require-hashes -r "$lock"
  # setuptools, the build backend, is in the lock: nothing unpinned is fetched to build.
  .venv/bin/python -m pip install --quiet --no-deps --no-build-isolation -e .
  rm -f .venv/.installed-*
  touch "$stamp"
fi
export RAY_TMPDIR="${RAY_TMPDIR:-/tmp/agenda-ray}"
export TMPDIR="${TMPDIR:-$RAY_TMPDIR}"
mkdir -p "$RAY_TMPDIR"
