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
# NAME.setup.sh beside a scenario prepares its data folder first (given the output folder and kioskctl).
setup="${scenario%.scenario}.setup.sh"
if [[ -x "$setup" ]]; then "$setup" "$out" "${KIOSKCTL:?the setup script needs KIOSKCTL}"; fi
# The kiosk's own log (--log-file), its stderr and stdout, and what the check
# script prints all stay in the folder: the privacy test reads every one.
status=0
"$kiosk" --script "$expanded" --windowed "$size" --audio "wav:$out/voice.wav" --sim-output "$out/sim" \
    --log-file "$out/kiosk.log" >"$out/kiosk.stdout.log" 2>"$out/kiosk.stderr.log" || status=$?
cat "$out/kiosk.stdout.log"
cat "$out/kiosk.stderr.log" >&2
[[ $status -eq 0 ]] || exit "$status"
check="${scenario%.scenario}.check.sh"
if [[ -x "$check" ]]; then
    "$check" "$out" 2>&1 | tee "$out/check.log"
fi
