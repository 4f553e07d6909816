#!/usr/bin/env bash
# kioskctl's hardware commands against emulated USB devices: the bus listing
# names the adapter for each device, a printer out of paper is reported
# as such with a non-zero exit, and scan wait prints the code an emulated
# scanner sends as scan classify would, or why there is none.
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

# The fixtures send their code a second after start, once kioskctl is waiting for it (a scanner drops what it
# reads before it is enabled). Under 4 KB of events: umockdev's node is a PTY, which may split events when more
# is queued before the reader opens it; evdev never does.
wedge=$(umockdev-run -d "$fixtures/wedge-scanner.umockdev" -e "/dev/input/event97=$fixtures/wedge-payment-code.evemu" \
  -- "$kioskctl" scan wait --evdev /dev/input/event97 --timeout 10 2>&1)
code=$?
[[ $code == 0 && $wedge == *"wechat-pay 1345**********6789" ]]; check scan-wait-evdev $? "exit $code: $wedge"

hid=$(umockdev-run -d "$fixtures/hidpos-scanner.umockdev" -s "/dev/hidraw0=$fixtures/hidpos-slip.script" \
  -- "$kioskctl" scan wait --hidraw /dev/hidraw0 --timeout 10 2>&1)
code=$?
[[ $code == 0 && $hid == *$'kiosk-slip HK1:R:20240611-0042:90D6\nslip: registration 20240611-0042' ]]
check scan-wait-hidraw $? "exit $code: $hid"

silent=$(umockdev-run -d "$fixtures/wedge-scanner.umockdev" -- "$kioskctl" scan wait --evdev /dev/input/event97 \
  --timeout 1 2>&1)
code=$?
[[ $code == 1 && $silent == *"no scan within 1 s from the keyboard-wedge scanner at /dev/input/event97" ]]
check scan-wait-timeout $? "exit $code: $silent"

# Nodes the testbed does not have: umockdev passes those to the real /dev, where an event96 or hidraw96 is rare.
for option in "--evdev /dev/input/event96" "--hidraw /dev/hidraw96"; do
  missing=$(umockdev-run -d "$fixtures/wedge-scanner.umockdev" -- "$kioskctl" scan wait $option --timeout 5 2>&1)
  code=$?
  [[ $code == 1 && $missing == *"kioskctl: cannot open ${option#* }: No such file or directory" ]]
  check "scan-wait-missing ${option%% *}" $? "exit $code: $missing"
done

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
