#!/usr/bin/env bash
# Runs one UI scenario with the real kiosk binary on SDL's offscreen driver.
# ${OUT} in the scenario becomes the output folder (screenshots, audio).
set -euo pipefail
kiosk=$1 scenario=$2 size=$3 out=$4
mkdir -p "$out"
expanded="$out/$(basename "$scenario")"
sed "s#\${OUT}#$out#g" "$scenario" > "$expanded"
export SDL_VIDEODRIVER=offscreen
exec "$kiosk" --script "$expanded" --windowed "$size" --audio "wav:$out/voice.wav" --sim-output "$out/sim"
