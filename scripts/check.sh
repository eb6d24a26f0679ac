#!/usr/bin/env bash
# One command for everything the tests need: a virtual environment with the project and its
# dev extra, the test-only tools (a real llama.cpp server and Debian's Chromium), then lint,
# types and the whole test suite. Safe to run again: every step is idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
PYTHON=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
# shellcheck disable=SC1091
. "$VENV/bin/activate"
python -m pip install --quiet --upgrade pip
python -m pip install --quiet -e '.[dev]'

# Test-only tools, one script each (never product dependencies).
for installer in .ci/install-*.sh; do
  [ -f "$installer" ] && bash "$installer"
done

echo "== ruff"
ruff check .
echo "== mypy"
mypy interview app.py ui app_pages
echo "== pytest"
python -m pytest "$@"
