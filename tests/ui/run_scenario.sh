#!/usr/bin/env bash
# Runs one UI scenario with the real kiosk binary on SDL's offscreen driver.
# ${OUT} in the scenario becomes the output folder (screenshots, audio); the
# simulated printers write their receipts and reports under ${OUT}/sim, and
# the databases start empty in ${OUT}/sim/data. If NAME.check.sh sits beside
# the scenario, it then checks what was printed (given the output folder).
set -euo pipefail
kiosk=$1 scenario=$2 size=$3 out=$4
rm -rf "$out"
mkdir -p "$out"
expanded="$out/$(basename "$scenario")"
sed "s#\${OUT}#$out#g" "$scenario" > "$expanded"
export SDL_VIDEODRIVER=offscreen
"$kiosk" --script "$expanded" --windowed "$size" --audio "wav:$out/voice.wav" --sim-output "$out/sim"
check="${scenario%.scenario}.check.sh"
if [[ -x "$check" ]]; then
    "$check" "$out"
fi
