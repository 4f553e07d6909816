#!/usr/bin/env bash
# What the registration scenario left behind: one printed slip whose QR code
# decodes to the kiosk's registration slip code, and the patient's rating.
set -euo pipefail
out=$1
receipts=("$out"/sim/receipts/receipt-*.png)
[[ ${#receipts[@]} -eq 1 && -f ${receipts[0]} ]] || { echo "expected one printed slip, found ${#receipts[@]}" >&2; exit 1; }
code=$(zbarimg -q --raw "${receipts[0]}" 2>/dev/null)
[[ $code =~ ^HK1:R:[0-9A-Z-]+:[0-9A-F]{4}$ ]] || { echo "the slip's QR code reads '$code', not a registration slip code" >&2; exit 1; }
echo "slip QR: $code"
summary=$("${KIOSKCTL:?KIOSKCTL must name the kioskctl binary}" feedback summary --data-dir "$out/sim/data")
grep -q "5 very good  *1" <<<"$summary" || { echo "the rating was not recorded: $summary" >&2; exit 1; }
