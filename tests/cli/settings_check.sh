#!/usr/bin/env bash
# `kioskctl settings check` on a config file with one mistake of each kind:
# every problem on its own line as FILE:LINE: KEY: why, exit 1; a clean file
# gives exit 0. Then `settings set`, `show` and `audit` on a scratch data dir.
set -uo pipefail
kioskctl=$1 out=$2
rm -rf "$out" && mkdir -p "$out/data"
failed=0
fail() { failed=$((failed + 1)); echo "FAIL $*"; }

bad="$out/bad.conf"
printf '%s\n' \
  '# a fleet config with mistakes' \
  '[hospital]' \
  'name = 市第一人民医院' \
  '[kiosk]' \
  'id = K 7' \
  'dpi = 9000' \
  'dpi = 120' \
  'orientation' \
  '[timeout]' \
  'idle_seconds = 90' \
  '[timeouts]' \
  'idle_second = 90' \
  'warning_seconds = half' \
  '[services]' \
  'bills = maybe' > "$bad"
printf '[hospital]\nname = \xe5\xb8\x82\xff\n' >> "$bad"

output=$("$kioskctl" settings check "$bad" 2>"$out/stderr"); status=$?
[[ $status -eq 1 ]] || fail "settings check on a bad file: exit $status, wanted 1"
expected="$bad:5: kiosk.id: 'K 7' may hold only letters A-Z, a-z, digits and '-'
$bad:6: kiosk.dpi: 9000 is above the maximum of 400 dots per inch
$bad:7: kiosk.dpi: given twice (first on line 6); this line is ignored
$bad:8: malformed line: expected 'key = value', '[section]' or a '#' comment
$bad:9: unknown section [timeout] (did you mean [timeouts]?); its keys are ignored
$bad:12: timeouts.idle_second: unknown key (did you mean timeouts.idle_seconds?)
$bad:13: timeouts.warning_seconds: 'half' is not a whole number
$bad:15: services.bills: 'maybe' is not a boolean (use true/false, yes/no, on/off or 1/0)
$bad:17: hospital.name: the line is not valid UTF-8 (byte 11); save the file as UTF-8"
if [[ "$output" != "$expected" ]]; then
  fail "settings check output differs:"; diff <(echo "$expected") <(echo "$output") | sed 's/^/    /'
fi
grep -q "9 problem(s)" "$out/stderr" || fail "no problem count on stderr: $(cat "$out/stderr")"

good="$out/good.conf"
printf '[hospital]\nname = 市第一人民医院\n[timeouts]\nidle_seconds = 90\n' > "$good"
output=$("$kioskctl" settings check "$good" 2>&1); status=$?
[[ $status -eq 0 && $output == "$good: OK, 2 setting(s)" ]] || fail "clean file: exit $status, output: $output"

"$kioskctl" settings check "$out/absent.conf" >/dev/null 2>&1
[[ $? -eq 1 ]] || fail "a missing file must exit 1"

# set, show (the file's line wins over the stored value), audit.
"$kioskctl" settings set timeouts.idle_seconds 120 --data-dir "$out/data" --config "$good" >"$out/set" 2>&1 ||
  fail "settings set: $(cat "$out/set")"
grep -q "timeouts.idle_seconds: 60 -> 120" "$out/set" || fail "settings set output: $(cat "$out/set")"
grep -q "$good:4 sets timeouts.idle_seconds too" "$out/set" || fail "no note about the config file: $(cat "$out/set")"
output=$("$kioskctl" settings set timeouts.idle_seconds 5 --data-dir "$out/data" 2>&1); status=$?
[[ $status -eq 1 && $output == *"timeouts.idle_seconds: 5 is below the minimum of 20 seconds"* ]] ||
  fail "settings set out of range: exit $status, output: $output"
output=$("$kioskctl" settings show --data-dir "$out/data" --config "$bad" 2>&1)
[[ $output == *"timeouts.idle_seconds = 120"* ]] || fail "show: stored value missing: $output"
[[ $output == *"kiosk.dpi = 96"* ]] || fail "show: a refused dpi must leave the default: $output"
[[ $output == *"$bad:6: kiosk.dpi: 9000 is above the maximum of 400 dots per inch"* ]] || fail "show: problems missing"
printf '583920\n583920\n' | "$kioskctl" maintainer set-pin --data-dir "$out/data" >/dev/null 2>&1 || fail "set-pin"
output=$(printf '123456\n123456\n' | "$kioskctl" maintainer set-pin --data-dir "$out/data" 2>&1)
[[ $? -eq 1 && $output == *"simple run"* ]] || fail "a weak PIN must be refused: $output"
output=$(printf '583920\n583920\n' | "$kioskctl" maintainer hash-pin)
[[ $output == '$argon2id$'* ]] || fail "hash-pin: $output"
audit=$("$kioskctl" audit --data-dir "$out/data" --since 2000-01-01)
[[ $(echo "$audit" | head -1) == *"setting-changed by kioskctl ("*"): maintainer.pin_hash (maintainer PIN changed)" ]] ||
  fail "audit, newest first: $audit"
[[ $audit == *"timeouts.idle_seconds 60 -> 120"* ]] || fail "audit: the setting change is missing: $audit"
[[ $audit != *583920* && $audit != *argon2id* ]] || fail "audit shows the PIN or its hash: $audit"

if [[ $failed -gt 0 ]]; then echo "$failed check(s) failed"; exit 1; fi
echo "settings check: all passed"
