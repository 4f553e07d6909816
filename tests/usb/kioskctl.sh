#!/usr/bin/env bash
# kioskctl's hardware commands against emulated USB devices: the bus listing
# names the adapter for each device, and a printer out of paper is reported
# as such with a non-zero exit.
set -uo pipefail
kioskctl=$1 fixtures=$2
passed=0 failed=0
check() { if [[ $2 == 0 ]]; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "FAIL $1: $3"; fi; }

list=$(umockdev-run -d "$fixtures/receipt-printer.umockdev" -d "$fixtures/id-reader.umockdev" -- "$kioskctl" usb list 2>&1)
[[ $list == *"04b8:0202"*"receipt printer"* ]]; check list-printer $? "$list"
[[ $list == *"0400:c35a"*"ID-card reader"* ]]; check list-reader $? "$list"

status=$(umockdev-run -d "$fixtures/receipt-printer.umockdev" \
  -i "/dev/bus/usb/001/002=$fixtures/printer-paper-end.ioctl" -- "$kioskctl" printer status 2>&1)
code=$?
[[ $code == 1 && $status == *"paper empty"* && $status == *"offline"* ]]; check printer-paper-end $? "exit $code: $status"

none=$(umockdev-run -d "$fixtures/id-reader.umockdev" -- "$kioskctl" printer status 2>&1)
[[ $? == 1 && $none == *"no receipt printer on the USB bus"* ]]; check printer-missing $? "$none"

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
