#!/usr/bin/env bash
# kioskctl journal reconcile and export on real files: journal_day writes a
# day into a data folder (journal, simulated channel ledger, demo hospital)
# through the library; the real kioskctl reads it. A clean day exits 0; a day
# with a payment only the channel has and one only the journal has lists both
# and exits 1; errors exit 2. The export is checked line by line.
set -uo pipefail
journal_day=$1 kioskctl=$2 seed=$3 out=$4
rm -rf "$out" && mkdir -p "$out/clean" "$out/mismatched"
passed=0 failed=0
check() { # NAME CONDITION-RESULT DETAIL
  if [[ $2 == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: $3"; fi
}
day=2026-11-23

"$journal_day" "$out/clean" "$seed" clean > "$out/clean.rows"
check clean-day-written $? "journal_day clean failed"
"$journal_day" "$out/mismatched" "$seed" mismatched > "$out/mismatched.rows"
check mismatched-day-written $? "journal_day mismatched failed"

# A clean day: nothing to report, exit 0.
clean=$("$kioskctl" journal reconcile --date $day --data-dir "$out/clean")
status=$?
[[ $status == 0 ]]; check clean-exit-0 $? "exit $status: $clean"
[[ $clean == *"4 journal transaction(s), 4 order(s)"* && $clean == *"0 mismatch(es)"* ]]
check clean-summary $? "$clean"

# The injected pair: both listed, nothing else, exit 1.
mismatched=$("$kioskctl" journal reconcile --date $day --data-dir "$out/mismatched")
status=$?
[[ $status == 1 ]]; check mismatched-exit-1 $? "exit $status: $mismatched"
channel_only=$(awk '/^channel-only/ {print $2}' "$out/mismatched.rows")
journal_only=$(awk '/^journal-only/ {print $2}' "$out/mismatched.rows")
grep -q "^channel-payment-not-journaled: $channel_only: .*order $channel_only .*no such transaction" <<< "$mismatched"
check channel-only-listed $? "$mismatched"
grep -q "^channel-payment-missing: $journal_only: .*has no such order" <<< "$mismatched"
check journal-only-listed $? "$mismatched"
[[ $(grep -c -E '^[a-z-]+: ' <<< "$mismatched") == 2 && $mismatched == *"2 mismatch(es)"* ]]
check only-those-two $? "$mismatched"

# Another day of the same files is empty and clean.
other=$("$kioskctl" journal reconcile --date 2026-11-22 --data-dir "$out/mismatched")
status=$?
[[ $status == 0 && $other == *"0 journal transaction(s), 0 order(s)"* ]]; check other-day-empty $? "exit $status: $other"

# Errors: exit 2 with a reason.
"$kioskctl" journal reconcile --date $day --data-dir "$out/nowhere" 2> "$out/err1"
status=$?
[[ $status == 2 ]] && grep -q "no money journal at $out/nowhere/journal.db" "$out/err1"
check missing-folder-exit-2 $? "exit $status: $(cat "$out/err1")"
cp -r "$out/mismatched" "$out/no-ledger" && rm -f "$out/no-ledger/simulated-gateway.db"*
"$kioskctl" journal reconcile --date $day --data-dir "$out/no-ledger" 2> "$out/err2"
status=$?
[[ $status == 2 ]] && grep -q "no simulated payment channel ledger" "$out/err2"
check missing-ledger-exit-2 $? "exit $status: $(cat "$out/err2")"
"$kioskctl" journal reconcile --date 2026-13-01 --data-dir "$out/clean" 2> "$out/err3"
status=$?
[[ $status == 2 ]] && grep -q "YYYY-MM-DD" "$out/err3"; check bad-date-exit-2 $? "exit $status"
"$kioskctl" journal export --date $day --format xml --data-dir "$out/clean" 2> "$out/err4"
status=$?
[[ $status == 2 ]] && grep -q "csv" "$out/err4"; check bad-format-exit-2 $? "exit $status"

# The export: the header, one CRLF line per journal transaction with its amount in yuan, nothing else.
"$kioskctl" journal export --date $day --format csv --data-dir "$out/mismatched" > "$out/day.csv"
check export-exit-0 $? "export failed"
header=$(head -n 1 "$out/day.csv")
[[ $header == $'time,kiosk,transaction,type,amount_yuan,method,order_no,gateway_transaction,hospital_reference,status\r' ]]
check export-header $? "$header"
rows=$(grep -c '^row ' "$out/mismatched.rows")
lines=$(wc -l < "$out/day.csv")
[[ $lines == $((rows + 1)) && $(grep -c $'\r$' "$out/day.csv") == "$lines" ]]
check export-one-line-each $? "$lines lines for $rows transactions"
while read -r _ id type yuan; do
  grep -q "^2026-11-23 [0-9:]*,K01,$id,$type,$yuan,\(wechat\)\?,$id\(C\)\?,[0-9]*,[^,]*,[a-z-]*"$'\r$' "$out/day.csv"
  check "export-row-$id" $? "$(grep ",$id," "$out/day.csv")"
done < <(grep '^row ' "$out/mismatched.rows")
grep -q ",$channel_only," "$out/day.csv"; [[ $? != 0 ]]; check export-journal-only $? "the channel-only order is not in the journal"
# Spot values a person can check: the refunded and the closed transactions' status, and yuan with two decimals.
[[ $(awk -F, 'NR > 1 {print $10}' "$out/day.csv" | tr -d '\r' | sort | tr '\n' ' ') == "closed printed printed printed refunded " ]]
check export-statuses $? "$(cat "$out/day.csv")"
grep -q ',12.00,wechat,' "$out/day.csv"; check export-yuan $? "$(cat "$out/day.csv")"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
