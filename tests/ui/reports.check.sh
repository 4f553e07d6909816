#!/usr/bin/env bash
# The reports the scenario printed on the simulated A4 printer: real PDFs
# that show the masked name (never the full one), the results with their
# reference ranges and abnormal flags, and a QR code staff can verify.
set -euo pipefail
out=$1
pdfs=("$out"/sim/reports/report-*.pdf)
[[ -f ${pdfs[0]} ]] || { echo "no report was printed" >&2; exit 1; }
all=""
for pdf in "${pdfs[@]}"; do
    text=$(pdftotext -layout "$pdf" -)
    grep -q "张\*三" <<<"$text" || { echo "$pdf: the masked name 张*三 is missing" >&2; exit 1; }
    if grep -q "张小三" <<<"$text"; then echo "$pdf: the full name is printed" >&2; exit 1; fi
    all+="$text"$'\n'
    pdftoppm -r 150 -png -f 1 -l 1 "$pdf" "$out/page-$(basename "$pdf" .pdf)"
done
grep -q "参考范围" <<<"$all" || { echo "no lab report with reference ranges was printed" >&2; exit 1; }
grep -Eq "↑|↓" <<<"$all" || { echo "no abnormal flag (↑ or ↓) on the lab reports" >&2; exit 1; }
codes=$(zbarimg -q --raw "$out"/page-*.png 2>/dev/null || true)
grep -Eq '^HK1:T:[0-9A-Z-]+:[0-9A-F]{4}$' <<<"$codes" || { echo "no report verification QR code could be read" >&2; exit 1; }
echo "${#pdfs[@]} report PDFs checked; QR codes: $(tr '\n' ' ' <<<"$codes")"
