#!/usr/bin/env bash
# Proves the privacy check can fail: personal data planted in a log, in a
# second log deeper down and in a PDF's text is found; a clean log passes; a
# folder with no logs fails; a scenario file (the tests' input) is not taken
# for a log; the report never repeats the planted value.
set -uo pipefail
checker=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
passed=0 failed=0
check() { if [[ $2 == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: $3"; fi; }

id=$(grep -v '^#' "$src/assets/demo/id_cards.tsv" | head -1 | cut -f9)
name=$(grep -v '^#' "$src/assets/demo/id_cards.tsv" | head -1 | cut -f3)
phone=$(awk -F'\t' 'NR == 2 { print $7 }' "$src/assets/demo/hospital/patients.tsv")
[[ ${#id} == 18 && -n $name && ${#phone} == 11 ]]; check demo-data $? "id '${#id}' name '${#name}' phone '${#phone}'"

mkdir -p "$work/clean" "$work/planted/out/sim" "$work/empty" "$work/pdf"
echo "2025-03-01T01:30:00.042Z INFO  [scanner] wechat-pay 1345**********6789" > "$work/clean/kiosk.log"
size=$(wc -c < "$work/clean/kiosk.log")
out=$("$checker" "$src" "$work/clean" 2>&1); code=$?
[[ $code == 0 && $out == *"checked 1 files, $size bytes"* ]]; check clean-log-passes $? "exit $code: $out"

cp "$work/clean/kiosk.log" "$work/planted/kiosk.log"
echo "card read: $id" >> "$work/planted/kiosk.log"
printf 'ok\nphone %s\n' "$phone" > "$work/planted/out/sim/kioskctl.out"
printf 'scan "134567890123456789"\n' > "$work/planted/out/input.scenario"
mkdir -p "$work/planted/out/assets/demo" && cp "$src/assets/demo/id_cards.tsv" "$work/planted/out/assets/demo/"
out=$("$checker" "$src" "$work/planted" 2>&1); code=$?
[[ $code == 1 && $out == *"LEAK $work/planted/kiosk.log:2: ID number in full"* ]]
check planted-id-found $? "exit $code: $out"
[[ $out == *"LEAK $work/planted/out/sim/kioskctl.out:2: phone number in full"* ]]
check planted-phone-found $? "$out"
[[ $out != *"input.scenario"* && $out != *"id_cards.tsv"* && $out == *"checked 2 files"* ]]
check inputs-not-logs $? "$out"
[[ $out != *"$id"* && $out != *"$phone"* ]]; check report-masks $? "the report repeats the planted value"

# A name only a PDF's text holds (as the simulated A4 printer writes them).
printf '%%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 100]/Contents 4 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj\n4 0 obj<</Length 44>>stream\nBT /F1 12 Tf 10 50 Td (SMITH JOHN) Tj ET\nendstream endobj\n5 0 obj<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%%%EOF\n' > "$work/pdf/report-1.pdf"
english=$(grep -v '^#' "$src/assets/demo/id_cards.tsv" | awk -F'\t' '$4 != "" { print $4; exit }')
if [[ -n $english ]]; then
  sed -i "s/SMITH JOHN/$english/" "$work/pdf/report-1.pdf"
  sed -i "s/Length 44/Length $((33 + ${#english}))/" "$work/pdf/report-1.pdf"
  out=$("$checker" "$src" "$work/pdf" 2>&1); code=$?
  [[ $code == 1 && $out == *"LEAK $work/pdf/report-1.pdf:1: name in full"* ]]; check planted-pdf-name-found $? "exit $code: $out"
fi

: > "$work/empty/kiosk.log"  # an empty log is no evidence either
out=$("$checker" "$src" "$work/empty" "$work/missing" 2>&1); code=$?
[[ $code == 1 && $out == *"checked 1 files, 0 bytes"* && $out == *"no logs found"* ]]; check no-logs-fails $? "exit $code: $out"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
