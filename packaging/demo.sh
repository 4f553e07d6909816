#!/usr/bin/env bash
# One command for a fresh Debian 12 machine: install what is missing, build,
# and start the kiosk in demo mode (simulated devices, demo hospital).
# Windowed on a desktop; pass --fullscreen to fill the screen. Any other
# kiosk option may follow (see ./build/screens/kiosk --help).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/packaging/install-deps.sh"
"$root/packaging/build.sh"
exec "${KIOSK_BUILD_DIR:-$root/build}/screens/kiosk" --demo "$@"
