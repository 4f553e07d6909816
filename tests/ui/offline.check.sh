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
echo "offline: the registration paid while the hospital was down was booked once when it returned"
