#!/usr/bin/env bash
# kioskctl's test prints, run by run.sh against its private cupsd: a test
# receipt drawn by the simulated printer carries a QR code that reads back as
# the text kioskctl announced; the A4 test page prints to the end on the PDF
# queue; a missing destination or an aborted job is a clear error with exit 1.
#   kioskctl.sh KIOSKCTL OUTPUT_DIR
set -uo pipefail
kioskctl=$1 out=$2
mkdir -p "$out"
passed=0 failed=0
check() { if [[ $2 == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: $3"; fi; }
# The text after "QR: " in kioskctl's output.
announced() { sed -n 's/^QR: //p' <<<"$1"; }
# zbarimg prints the symbol's text on stdout and chatter on stderr.
qr() { zbarimg -q --raw "$1" 2>/dev/null; }

png=$(cd "$out" && "$kioskctl" printer test-receipt --png "$out/receipt.png" --kiosk-id HK1 2>&1)
code=$?
[[ $code == 0 && $png == *"printed: "* && -s $out/receipt.png ]]; check png-printed $? "exit $code: $png"
text=$(announced "$png")
[[ $text =~ ^HK1-TEST-[0-9]{8}$ ]]; check png-qr-text $? "announced '$text'"
read_back=$(qr "$out/receipt.png")
[[ -n $text && $read_back == "$text" ]]; check png-qr-reads $? "zbarimg read '$read_back', expected '$text'"
[[ ! -e $out/receipt.png.receipts ]]; check png-no-leftovers $? "$(ls "$out")"

# The happy path through a raw queue needs a listener, so it is in
# cups_receipt_tests.cpp; here the ways it fails.
unplugged=$("$kioskctl" printer test-receipt --cups Unplugged 2>&1)
code=$?
[[ $code == 1 && $unplugged == *"not printed: 0 of "* && $unplugged == *"aborted"* ]]
check cups-aborted $? "exit $code: $unplugged"

missing=$("$kioskctl" printer test-receipt --cups NoSuchQueue 2>&1)
code=$?
[[ $code == 1 && $missing == *"not printed: 0 of "* && $missing == *"no CUPS destination 'NoSuchQueue'"* ]]
check cups-missing $? "exit $code: $missing"

both=$("$kioskctl" printer test-receipt --cups Unplugged --png "$out/x.png" 2>&1)
[[ $? == 1 && $both == *"not both"* ]]; check both-options $? "$both"

page=$("$kioskctl" a4 test-page A4Pdf --save "$out/page.pdf" --kiosk-id HK1 2>&1)
code=$?
[[ $code == 0 && $page == *": completed"* ]]; check a4-completed $? "exit $code: $page"
pdf_text=$(pdftotext "$out/page.pdf" - 2>&1)
[[ $pdf_text == *"Printer test page"* && $pdf_text == *"HK1"* && $pdf_text == *"A4Pdf"* ]]
check a4-saved-pdf $? "$pdf_text"

nowhere=$("$kioskctl" a4 test-page NoSuchQueue 2>&1)
[[ $? == 1 && $nowhere == *"no CUPS destination 'NoSuchQueue'"* ]]; check a4-missing $? "$nowhere"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
