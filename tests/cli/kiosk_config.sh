#!/usr/bin/env bash
# The kiosk started with a config file holding one mistake of each kind
# (unknown key, wrong type, out of range): it starts anyway, logs each
# problem as FILE:LINE: KEY: why, the file's valid lines take effect (the
# hospital name on the attract screen, the kiosk id), and an option given on
# the command line wins over the file.
set -uo pipefail
kiosk=$1 out=$2
rm -rf "$out" && mkdir -p "$out"
failed=0
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

conf="$out/kiosk.conf"
printf '%s\n' \
  '[hospital]' \
  'name = 测试第九医院' \
  '[kiosk]' \
  'colour = blue' \
  'dpi = many' \
  'id = K-FILE' \
  '[timeouts]' \
  'idle_seconds = 5' \
  'warning_seconds = 40' > "$conf"
printf 'screen attract\nexpect "测试第九医院"\n' > "$out/hospital.scenario"

SDL_VIDEODRIVER=offscreen "$kiosk" --script "$out/hospital.scenario" --windowed 1920x1080 --audio null \
  --sim-output "$out/sim" --config "$conf" --warning 25 --log-file "$out/kiosk.log" \
  >"$out/kiosk.stdout.log" 2>"$out/kiosk.stderr.log"
status=$?
[[ $status -eq 0 ]] || fail "the kiosk did not start or the hospital name was not shown (exit $status): $(tail -5 "$out/kiosk.stderr.log")"
for want in "$conf:4: kiosk.colour: unknown key" "$conf:5: kiosk.dpi: 'many' is not a whole number" \
            "$conf:8: timeouts.idle_seconds: 5 is below the minimum"; do
  grep -qF "$want" "$out/kiosk.log" || fail "the log does not say '$want'"
done
grep -q "kiosk id K-FILE" "$out/kiosk.log" || fail "kiosk.id from the file did not take effect"
[[ -f "$out/sim/data/settings.db" ]] || fail "settings.db was not created in the data folder"

# An explicit option wins over the file; a missing config file is no problem at all.
printf 'screen attract\n' > "$out/plain.scenario"
SDL_VIDEODRIVER=offscreen "$kiosk" --script "$out/plain.scenario" --windowed 1920x1080 --audio null \
  --sim-output "$out/sim2" --config "$out/absent.conf" --kiosk-id K-CLI --log-file "$out/kiosk2.log" \
  >/dev/null 2>"$out/kiosk2.stderr.log" || fail "the kiosk did not start without a config file"
grep -q "kiosk id K-CLI" "$out/kiosk2.log" || fail "--kiosk-id did not take effect"
grep -q "settings" "$out/kiosk2.log" && fail "a missing config file was reported: $(grep settings "$out/kiosk2.log")"
SDL_VIDEODRIVER=offscreen "$kiosk" --script "$out/plain.scenario" --windowed 1920x1080 --audio null \
  --sim-output "$out/sim3" --config "$conf" --kiosk-id K-CLI --log-file "$out/kiosk3.log" \
  >/dev/null 2>&1 || fail "the kiosk with --kiosk-id and the file did not start"
grep -q "kiosk id K-CLI" "$out/kiosk3.log" || fail "--kiosk-id did not win over kiosk.id in the file"

[[ $failed -eq 0 ]] && echo "kiosk config: all checks passed"
exit $((failed > 0))
