#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install what is missing, build,
# and run the whole test suite (unit, UI scenarios on SDL's offscreen driver,
# command-line checks). Needs no display.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh"
"$root/packaging/build.sh"
cd "${KIOSK_BUILD_DIR:-$root/build}"
ctest --output-on-failure -j2 --timeout 600
