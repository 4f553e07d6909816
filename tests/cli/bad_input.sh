#!/usr/bin/env bash
# Bad input gets a clear message that names the problem: an unsupported
# window size, an unknown scenario command (with its line), a missing font
# (naming the package), a corrupt catalog (file and line), unknown options.
set -uo pipefail
kiosk=$1 kioskctl=$2 src=$3 out=$4
rm -rf "$out" && mkdir -p "$out/logs"
export SDL_VIDEODRIVER=offscreen
passed=0 failed=0

# expect NAME EXIT_CODE PATTERN -- COMMAND...: runs COMMAND, checks its exit
# code and that stderr+stdout contain PATTERN (a fixed string).
expect() {
  local name=$1 code=$2 pattern=$3; shift 4
  local output status
  output=$("$@" 2>&1); status=$?
  # Saved for the privacy test, which reads every output the suite keeps.
  printf '%s\n' "$output" > "$out/logs/$name.log"
  if [[ $status -eq $code && $output == *"$pattern"* ]]; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAIL $name: exit $status (wanted $code), output:"; echo "$output" | sed 's/^/    /'
    echo "    (wanted it to contain: $pattern)"
  fi
}

expect windowed-too-small 2 "unsupported --windowed size '100x100'" -- "$kiosk" --windowed 100x100
expect windowed-garbage 2 "unsupported --windowed size 'big'" -- "$kiosk" --windowed big
expect warning-too-short 2 "--warning must be between 20" -- "$kiosk" --demo --warning 5
expect unknown-option 2 "unknown option '--colour'" -- "$kiosk" --colour blue
expect log-file-unwritable 2 "cannot open the log file /nonexistent-dir/kiosk.log" -- "$kiosk" --demo --log-file /nonexistent-dir/kiosk.log
# Masked by default (the privacy test reads the saved output for the full number).
expect identities-masked 0 "4401**********1234" -- "$kioskctl" identities list --assets "$src/assets"

printf 'screen attract\n\ntapp "开始"\n' > "$out/typo.scenario"
expect scenario-unknown-command 2 "typo.scenario:3: unknown command 'tapp'" -- "$kiosk" --script "$out/typo.scenario"
printf 'tap 开始\n' > "$out/unquoted.scenario"
expect scenario-unquoted 2 "unquoted.scenario:1: tap: text must be in double quotes" -- "$kiosk" --script "$out/unquoted.scenario"
expect kioskctl-scenario-check 1 "typo.scenario:3: unknown command 'tapp'" -- "$kioskctl" scenario check "$out/typo.scenario"

expect missing-font 2 "install the Debian package fonts-noto-cjk" -- env KIOSK_FONT=/nonexistent/NotoSansCJK.ttc "$kiosk" --demo

cp -r "$src/assets" "$out/assets"
sed -i '5s/.*/this line has no equals sign/' "$out/assets/i18n/en.catalog"
expect corrupt-catalog 2 "en.catalog:5: expected 'key = value'" -- "$kiosk" --demo --assets "$out/assets"
expect kioskctl-corrupt-catalog 1 "en.catalog:5: expected 'key = value'" -- "$kioskctl" catalog check --assets "$out/assets"
cp "$src/assets/i18n/en.catalog" "$out/assets/i18n/en.catalog"
sed -i '/^hero.start = /d' "$out/assets/i18n/zh-TW.catalog"
expect catalog-key-missing 2 "zh-TW.catalog: missing key 'hero.start'" -- "$kiosk" --demo --assets "$out/assets"
cp "$src/assets/i18n/zh-TW.catalog" "$out/assets/i18n/zh-TW.catalog"
printf '\xff\xfe broken = x\n' >> "$out/assets/i18n/zh-CN.catalog"
expect catalog-bad-utf8 1 "invalid UTF-8" -- "$kioskctl" catalog check --assets "$out/assets"

# A scenario whose expectation is false must fail, naming its line.
printf 'screen attract\nexpect-not "欢迎使用自助服务"\n' > "$out/false.scenario"
expect scenario-can-fail 1 "false.scenario:2: expect-not" -- "$kiosk" --script "$out/false.scenario" --windowed 1920x1080 --audio null
printf 'screen attract\ninsert-card nobody\n' > "$out/nobody.scenario"
expect scenario-unknown-identity 1 "no sample identity 'nobody'" -- "$kiosk" --script "$out/nobody.scenario" --windowed 1920x1080 --audio null

# Device codecs on captured input: garbage gets a reason, never a crash.
expect scan-garbage 1 "unknown code" -- "$kioskctl" scan classify "'; DROP TABLE patients;--"
expect scan-payment-masked 0 "1345**********6789" -- "$kioskctl" scan classify 134567890123456789
expect idcard-bad-checksum 1 "checksum is 0x21, expected 0x22" -- bash -c "echo 'AA AA AA 96 69 00 03 20 01 21' | '$kioskctl' idcard decode"
expect idcard-not-hex 1 "" -- bash -c "echo 'zz' | '$kioskctl' idcard decode"

expect kioskctl-help 0 "catalog check" -- "$kioskctl" --help
expect kioskctl-unknown 2 "unknown command 'frobnicate'" -- "$kioskctl" frobnicate

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
