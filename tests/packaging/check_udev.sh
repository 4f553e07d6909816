#!/usr/bin/env bash
# The package's udev rules run by udevadm itself against emulated devices
# (umockdev): which devices the kiosk user gets and which it does not.
# Debian 12's udevadm has no "verify"; "udevadm test" reads every rules file
# and reports what it cannot parse with file and line, then applies the rules
# to one device. It reads rules only from the system's folders, so the rules
# and a group file that has "kiosk" (the one the package's postinst wrote)
# are bind-mounted over /etc/udev/rules.d and /etc/group in a private mount
# namespace of this test alone.
# Usage: check_udev.sh RULES_FILE GROUP_FILE USB_FIXTURES_DIR OUT_DIR
set -euo pipefail
rules=$1
groups=$2
fixtures=$3
out=$4
mkdir -p "$out/rules.d"
cp "$rules" "$out/rules.d/"
name=$(basename "$rules")
fail() {
    echo "FAIL: $*" >&2
    exit 1
}
gid_of() { awk -F: -v g="$1" '$1 == g { print $3 }' "$groups"; }
kiosk_gid=$(gid_of kiosk)
lp_gid=$(gid_of lp)
[[ -n $kiosk_gid && -n $lp_gid ]] || fail "$groups lacks the groups kiosk and lp"

# udevadm test on DEVPATH of the devices in FIXTURE; the output is kept in OUT_DIR/LABEL.log.
# RULES_DIR (default: the one with the package's rules) stands in for /etc/udev/rules.d.
udev_test() {
    local fixture=$1 devpath=$2 label=$3 rules_dir=${4:-$out/rules.d}
    unshare --mount sh -c 'mount --bind "$1" /etc/group && mount --bind "$2" /etc/udev/rules.d &&
                           exec umockdev-run --device "$3" -- udevadm test --action=add "/sys$4"' \
        sh "$groups" "$rules_dir" "$fixture" "$devpath" >"$out/$label.log" 2>&1 ||
        fail "udevadm test on $label failed: $(tail -5 "$out/$label.log")"
}
# What the rules file did to the device, as "GROUP n" and "MODE m" lines, and its tags.
applied() { grep -o "$name:[0-9]* \(GROUP\|MODE\) [0-9]*" "$out/$1.log" | sed 's/^[^ ]* //' | sort -u | tr "\n" " " || true; }
tags() { sed -n 's/^CURRENT_TAGS=//p' "$out/$1.log" | head -1; }

expect() {
    local label=$1 want=$2 got
    got=$(applied "$label")
    [[ $got == "$want" ]] || fail "$label: expected '$want' from $name, got '$got' (see $out/$label.log)"
    echo "$label: ${got:-nothing} $(tags "$label")"
}

# A HID device: a USB device VENDOR, its interface (class 3, PROTOCOL), the
# HID device and its hidraw node, or an evdev node when KIND is "event".
hid_fixture() {
    local file=$1 vendor=$2 protocol=$3 kind=$4
    local usb=/devices/pci0000:00/0000:00:14.0/usb1/1-5
    local iface=$usb/1-5:1.0
    local hid=$iface/0003:${vendor^^}:0001.0009
    {
        if [[ $kind == event ]]; then
            printf 'P: %s/input/input40/event40\nN: input/event40\nE: DEVNAME=/dev/input/event40\n' "$hid"
            printf 'E: MAJOR=13\nE: MINOR=104\nE: SUBSYSTEM=input\nA: dev=13:104\n\n'
            printf 'P: %s/input/input40\nE: SUBSYSTEM=input\nE: EV=120013\nE: KEY=1000000000007 ff9f207ac14057ff febeffdfffefffff fffffffffffffffe\n\n' "$hid"
        else
            printf 'P: %s/hidraw/hidraw9\nN: hidraw9\nE: DEVNAME=/dev/hidraw9\n' "$hid"
            printf 'E: MAJOR=247\nE: MINOR=9\nE: SUBSYSTEM=hidraw\nA: dev=247:9\n\n'
        fi
        printf 'P: %s\nE: DRIVER=hid-generic\nE: SUBSYSTEM=hid\n\n' "$hid"
        printf 'P: %s\nE: DEVTYPE=usb_interface\nE: DRIVER=usbhid\nE: SUBSYSTEM=usb\n' "$iface"
        printf 'A: bInterfaceClass=03\nA: bInterfaceSubClass=%s\nA: bInterfaceProtocol=%s\nA: bInterfaceNumber=00\n\n' \
            "$([[ $protocol == 00 ]] && echo 00 || echo 01)" "$protocol"
        printf 'P: %s\nN: bus/usb/001/009\nE: DEVNAME=/dev/bus/usb/001/009\nE: DEVTYPE=usb_device\n' "$usb"
        printf 'E: SUBSYSTEM=usb\nE: MAJOR=189\nE: MINOR=8\nA: dev=189:8\nA: busnum=1\nA: devnum=9\n'
        printf 'A: idVendor=%s\nA: idProduct=0001\n' "$vendor"
    } >"$file"
    if [[ $kind == event ]]; then echo "$hid/input/input40/event40"; else echo "$hid/hidraw/hidraw9"; fi
}
devpath_of() { grep -m1 '^P: ' "$1" | cut -c4-; }

# The project's own USB fixtures: an ID-card reader (0400:c35a) and a
# bidirectional receipt printer (class 07/01/02).
udev_test "$fixtures/id-reader.umockdev" "$(devpath_of "$fixtures/id-reader.umockdev")" id-reader
grep -q "Reading rules file: /etc/udev/rules.d/$name" "$out/id-reader.log" || fail "udevadm did not read $name"
problems=$(grep "$name:[0-9]* " "$out/id-reader.log" | grep -v " \(GROUP\|MODE\) [0-9]*$" || true)
[[ -z $problems ]] || fail "udevadm reports: $problems"
expect id-reader "GROUP $kiosk_gid MODE 0660 "
grep -q '^CURRENT_TAGS=.*:uaccess:' "$out/id-reader.log" || fail "id-reader: no uaccess tag"
udev_test "$fixtures/receipt-printer.umockdev" "$(devpath_of "$fixtures/receipt-printer.umockdev")" receipt-printer
expect receipt-printer "GROUP $lp_gid MODE 0660 "

# Scanners: a Honeywell in HID POS mode, another make's (Newland, 1eab) on a
# non-boot HID interface, a boot keyboard that must stay closed, and a
# Honeywell keyboard-wedge evdev node.
path=$(hid_fixture "$out/honeywell-hidraw.umockdev" 0c2e 00 hidraw)
udev_test "$out/honeywell-hidraw.umockdev" "$path" honeywell-hidraw
expect honeywell-hidraw "GROUP $kiosk_gid MODE 0660 "
path=$(hid_fixture "$out/other-hidraw.umockdev" 1eab 00 hidraw)
udev_test "$out/other-hidraw.umockdev" "$path" other-hidraw
expect other-hidraw "GROUP $kiosk_gid MODE 0660 "
path=$(hid_fixture "$out/keyboard-hidraw.umockdev" 046d 01 hidraw)
udev_test "$out/keyboard-hidraw.umockdev" "$path" keyboard-hidraw
expect keyboard-hidraw ""
path=$(hid_fixture "$out/wedge-event.umockdev" 0c2e 01 event)
udev_test "$out/wedge-event.umockdev" "$path" wedge-event
expect wedge-event ""
grep -q '^CURRENT_TAGS=.*:uaccess:' "$out/wedge-event.log" || fail "wedge scanner: no uaccess tag"
# The tag is the package's doing: without its rules the same node has none.
mkdir -p "$out/no-rules.d"
udev_test "$out/wedge-event.umockdev" "$path" wedge-event-without "$out/no-rules.d"
if grep -q '^CURRENT_TAGS=.*:uaccess:' "$out/wedge-event-without.log"; then fail "wedge scanner: uaccess without the rules"; fi
echo "udev rules: OK"
