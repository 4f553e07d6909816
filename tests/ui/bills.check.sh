#!/usr/bin/env bash
# The receipt the bill-payment scenario printed: one receipt whose QR code is
# the e-invoice link of the invoice issued.
set -euo pipefail
out=$1
receipts=("$out"/sim/receipts/receipt-*.png)
[[ ${#receipts[@]} -eq 1 && -f ${receipts[0]} ]] || { echo "expected one printed receipt, found ${#receipts[@]}" >&2; exit 1; }
code=$(zbarimg -q --raw "${receipts[0]}" 2>/dev/null)
[[ $code =~ ^https://einvoice\.demo-hospital\.invalid/i/[A-Z0-9]+$ ]] || { echo "the receipt's QR code reads '$code', not an e-invoice link" >&2; exit 1; }
echo "receipt QR: $code"
