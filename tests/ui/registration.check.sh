#!/usr/bin/env bash
# The slip the registration scenario printed: one receipt, whose QR code
# decodes to the kiosk's registration slip code and whose text shows only the
# masked name (checked by the scenario on screen; here the QR and count).
set -euo pipefail
out=$1
receipts=("$out"/sim/receipts/receipt-*.png)
[[ ${#receipts[@]} -eq 1 && -f ${receipts[0]} ]] || { echo "expected one printed slip, found ${#receipts[@]}" >&2; exit 1; }
code=$(zbarimg -q --raw "${receipts[0]}" 2>/dev/null)
[[ $code =~ ^HK1:R:[0-9A-Z-]+:[0-9A-F]{4}$ ]] || { echo "the slip's QR code reads '$code', not a registration slip code" >&2; exit 1; }
echo "slip QR: $code"
