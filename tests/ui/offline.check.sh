#!/usr/bin/env bash
# What the offline scenario left behind: two transactions at most in the
# journal (the first never reached payment), the paid one booked exactly once
# by recovery when the hospital came back, and the money audited.
set -euo pipefail
out=$1
here=$(cd "$(dirname "$0")" && pwd)
data="$out/sim/data"
"$here/../recovery/check_money.sh" "$data"
booked=$(sqlite3 -batch -noheader "file:$data/journal.db?mode=ro" \
  "SELECT COUNT(*) FROM steps WHERE step = 'booked' AND details LIKE '%booked by recovery%'")
[[ $booked == 1 ]] || { echo "expected one booking made by recovery, found $booked" >&2; exit 1; }
given=$(sqlite3 -batch -noheader "file:$data/journal.db?mode=ro" \
  "SELECT COUNT(*) FROM transactions WHERE last_step IN ('booked', 'printed', 'print-failed')")
[[ $given == 1 ]] || { echo "expected one registration given, found $given" >&2; exit 1; }
# Two slips: the transaction slip handed out while the hospital was away, and
# the registration slip printed when the patient scanned it afterwards.
codes=()
for receipt in "$out"/sim/receipts/receipt-*.png; do codes+=("$(zbarimg -q --raw "$receipt" 2>/dev/null)"); done
[[ ${#codes[@]} == 2 ]] || { echo "expected two slips, found ${#codes[@]}" >&2; exit 1; }
[[ ${codes[0]} =~ ^HK1:X:K-001-[0-9]{14}-[0-9]+:[0-9A-F]{4}$ ]] || { echo "the first slip reads '${codes[0]}', not a transaction slip" >&2; exit 1; }
[[ ${codes[1]} =~ ^HK1:R: ]] || { echo "the second slip reads '${codes[1]}', not a registration slip" >&2; exit 1; }
echo "offline: the registration paid while the hospital was down was booked once when it returned; slips ${codes[*]}"
