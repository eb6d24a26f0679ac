#!/usr/bin/env bash
# Test-only tool for tests/browser and benchmarks/load.py: Debian's Chromium, driven by
# Playwright for Python (`playwright install` cannot download a browser here, so the tests
# launch this one by path). DejaVu fonts come along for the PDF export test.
# Idempotent: does nothing when chromium is already on PATH. Needs root for apt-get.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && [ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]; then
  echo "== test tools ready: $(chromium --version 2>/dev/null || echo chromium)"
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi
echo "== installing Debian's chromium, chromium-driver and fonts-dejavu-core"
$SUDO apt-get update
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y chromium chromium-driver fonts-dejavu-core
command -v chromium >/dev/null 2>&1 || { echo "chromium is still missing" >&2; exit 1; }
