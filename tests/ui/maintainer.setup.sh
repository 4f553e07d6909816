#!/usr/bin/env bash
# Sets the maintainer PIN in the scenario's data folder before the kiosk starts.
set -euo pipefail
out=$1 kioskctl=$2
mkdir -p "$out/sim/data"
printf '583920\n583920\n' | "$kioskctl" maintainer set-pin --data-dir "$out/sim/data" >/dev/null
