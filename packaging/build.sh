#!/usr/bin/env bash
# Configures and builds the kiosk into ./build (or $KIOSK_BUILD_DIR) with two jobs.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=${CMAKE_BUILD_TYPE:-RelWithDebInfo} -DBUILD_TESTING=ON >/dev/null
cmake --build "$build" -j2
