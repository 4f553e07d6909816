#!/usr/bin/env bash
# Voice prompts: Mandarin goes through the cmn-latn-pinyin voice (real
# Mandarin phonemes, not English letter names), English through en; speech
# produces audible samples; the kiosk speaks each screen's prompt into the
# WAV sink that tests use instead of a sound card.
set -uo pipefail
kiosk=$1 kioskctl=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
passed=0 failed=0
check() { # NAME CONDITION-RESULT DETAIL
  if [[ $2 == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: $3"; fi
}

zh=$("$kioskctl" say "请放上身份证" --language zh-CN --phonemes)
[[ $zh == *"tS;h'i"* && $zh != *"(en)"* ]]; check mandarin-phonemes $? "$zh"
tw=$("$kioskctl" say "請放上身分證" --language zh-TW --phonemes)
[[ $tw == *"tS;h'i"* && $tw != *"(en)"* ]]; check traditional-phonemes $? "$tw"
en=$("$kioskctl" say "Place your card" --language en --phonemes)
[[ $en == *"pl'eIs"* ]]; check english-phonemes $? "$en"

said=$("$kioskctl" say "欢迎使用自助服务" --wav "$out/zh.wav")
peak=${said##*peak }
[[ ${peak:-0} -gt 1000 ]]; check audible-samples $? "$said"

# The kiosk's own prompts: two screens visited, so the WAV holds speech.
printf 'screen attract\ntap #start\nscreen identify\n' > "$out/prompts.scenario"
SDL_VIDEODRIVER=offscreen "$kiosk" --script "$out/prompts.scenario" --windowed 1920x1080 --audio "wav:$out/kiosk.wav" \
  --sim-output "$out/sim" --log-file "$out/kiosk.log" >"$out/kiosk.stdout.log"
check kiosk-run $? "the prompts scenario failed"
bytes=$(od -An -tu4 -j40 -N4 "$out/kiosk.wav" 2>/dev/null | tr -d ' ')
[[ ${bytes:-0} -gt 22050 ]]; check kiosk-prompts-recorded $? "WAV data size ${bytes:-none}"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
