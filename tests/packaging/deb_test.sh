#!/usr/bin/env bash
# The .deb end to end, without a display or a running systemd:
#   1. cpack builds it from the build folder;
#   2. its control data: Depends, conffiles, maintainer scripts;
#   3. its files, unpacked with dpkg -x: binaries that run and find their
#      installed assets, the default config, the unit (systemd-analyze
#      verify), the udev rules;
#   4. install, upgrade, remove and purge with dpkg --root into a scratch
#      root: the user, the data folder, and the journal and settings kept;
#   5. the udev rules applied by udevadm to emulated devices (umockdev).
# Steps 4 and 5 need root (dpkg, chown, a private mount namespace); without
# it they are skipped with a message, the rest still runs.
# Usage: deb_test.sh BUILD_DIR SOURCE_DIR OUT_DIR
set -euo pipefail
build=$1
src=$2
out=$3
rm -rf "$out"
mkdir -p "$out"
here=$(cd "$(dirname "$0")" && pwd)

fail() {
    echo "FAIL: $*" >&2
    exit 1
}
step() { echo "-- $*"; }

step "cpack builds the package"
(cd "$build" && cpack -G DEB -B "$out/cpack") >"$out/cpack.log" 2>&1 || {
    cat "$out/cpack.log"
    fail "cpack failed"
}
debs=("$out"/cpack/hospital-kiosk_*.deb)
[[ ${#debs[@]} -eq 1 && -f ${debs[0]} ]] || fail "expected one hospital-kiosk .deb, got: ${debs[*]}"
deb=${debs[0]}
echo "$(basename "$deb"): $(stat -c %s "$deb") bytes"

step "control data"
[[ $(dpkg-deb -f "$deb" Package) == hospital-kiosk ]] || fail "package name"
depends=$(dpkg-deb -f "$deb" Depends | tr ',' '\n' | sed -e 's/^ *//' -e 's/ .*//')
for dep in cage fonts-noto-cjk espeak-ng-data systemd libsdl2-2.0-0 libusb-1.0-0 libcups2 libqrencode4 \
    libsqlite3-0 libcairo2 libpango-1.0-0 libpangocairo-1.0-0 libespeak-ng1 libsystemd0; do
    grep -qx "$dep" <<<"$depends" || fail "Depends lacks $dep: $(dpkg-deb -f "$deb" Depends)"
done
dpkg-deb -e "$deb" "$out/control"
[[ $(cat "$out/control/conffiles") == /etc/kiosk/kiosk.conf ]] || fail "conffiles: $(cat "$out/control/conffiles")"
for script in postinst prerm postrm; do
    [[ -x $out/control/$script ]] || fail "$script missing or not executable"
    sh -n "$out/control/$script" || fail "$script: shell syntax"
done

step "package contents"
dpkg-deb -c "$deb" | awk '{print $6}' | sed 's|^\./|/|' >"$out/contents"
for f in /usr/bin/kiosk /usr/bin/kioskctl /etc/kiosk/kiosk.conf /lib/systemd/system/kiosk.service \
    /lib/udev/rules.d/60-kiosk-devices.rules /usr/share/doc/hospital-kiosk/README.md; do
    grep -qx "$f" "$out/contents" || fail "$f not in the package"
done
(cd "$src/assets" && find . -type f | sed 's|^\.|/usr/share/kiosk/assets|') | while read -r f; do
    grep -qxF "$f" "$out/contents" || fail "asset $f not in the package"
done
echo "$(grep -c '^/usr/share/kiosk/assets/.*[^/]$' "$out/contents") asset files"

step "unpacked: binaries, assets, config"
x=$out/extracted
dpkg -x "$deb" "$x"
for bin in kiosk kioskctl; do
    if ldd "$x/usr/bin/$bin" | grep -q "not found"; then fail "$bin: $(ldd "$x/usr/bin/$bin" | grep 'not found')"; fi
    if file "$x/usr/bin/$bin" | grep -q "not stripped"; then fail "$bin is not stripped"; fi
done
# No --assets: the installed kioskctl must read /usr/share/kiosk/assets of its own root. Taking one
# catalog away there must make it fail, which it would not if it still read the source tree's.
"$x/usr/bin/kioskctl" catalog check >/dev/null || fail "installed kioskctl: catalog check"
mv "$x/usr/share/kiosk/assets/i18n/en.catalog" "$out/en.catalog"
if "$x/usr/bin/kioskctl" catalog check >/dev/null 2>&1; then fail "installed kioskctl does not read its installed assets"; fi
mv "$out/en.catalog" "$x/usr/share/kiosk/assets/i18n/en.catalog"

conf=$x/etc/kiosk/kiosk.conf
"$here/check_config.sh" "$conf" || fail "default config"

step "systemd unit"
unit=$x/lib/systemd/system/kiosk.service
for line in Type=notify NotifyAccess=all WatchdogSec=30 Restart=always User=kiosk PAMName=login \
    TTYPath=/dev/tty1 StateDirectory=kiosk WantedBy=graphical.target; do
    grep -qx "$line" "$unit" || fail "kiosk.service lacks $line"
done
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
[[ $exec_start == "/usr/bin/cage -- /usr/bin/kiosk --fullscreen" ]] || fail "ExecStart=$exec_start"
# systemd-analyze checks the unit against a root: the unpacked package plus what its Depends bring, systemd's
# own units (sysinit.target, graphical.target, ...) and cage, taken from this machine.
vroot=$out/verify-root
mkdir -p "$vroot/usr/lib/systemd" "$vroot/usr/bin"
ln -s usr/lib "$vroot/lib"
cp -a /usr/lib/systemd/system "$vroot/usr/lib/systemd/"
cp "$unit" "$vroot/lib/systemd/system/"
cp "$x/usr/bin/kiosk" "$(command -v cage)" "$vroot/usr/bin/"
# It warns about unknown keys and bad values and still exits 0: any output is a failure.
verify=$(systemd-analyze verify --man=no --root="$vroot" kiosk.service 2>&1) || fail "systemd-analyze verify: $verify"
[[ -z $verify ]] || fail "systemd-analyze verify: $verify"
# And it notices a broken unit (so that its silence above means something).
sed 's/^WatchdogSec=30/WatchdogSecond=30/' "$unit" >"$vroot/lib/systemd/system/kiosk-broken.service"
broken=$(systemd-analyze verify --man=no --root="$vroot" kiosk-broken.service 2>&1 || true)
grep -q "Unknown key" <<<"$broken" || fail "systemd-analyze does not report a misspelt key: $broken"
echo "systemd-analyze verify: clean"

step "udev rules: syntax"
rules=$x/lib/udev/rules.d/60-kiosk-devices.rules
# Each rule: comma-separated KEY[{attr}]OP"value" pairs with keys udev knows.
keys='ACTION|SUBSYSTEM|SUBSYSTEMS|KERNEL|ATTR|ATTRS|ENV|TAG|GROUP|MODE|GOTO|LABEL'
pair="($keys)(\\{[A-Za-z_]+\\})?(==|!=|=|\\+=)\"[^\"]*\""
bad=$(grep -v -e '^#' -e '^$' "$rules" | grep -Ev "^$pair(, $pair)*\$" || true)
[[ -z $bad ]] || fail "malformed udev rule: $bad"
echo "$(grep -cv -e '^#' -e '^$' "$rules") rule lines well formed"

if [[ $(id -u) -ne 0 ]]; then
    echo "SKIP: the dpkg --root cycle and udevadm need root; the checks above passed"
    exit 0
fi

step "install into a scratch root (dpkg --root, scripts without chroot)"
root=$out/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/etc"
touch "$root/var/lib/dpkg/status"
# A minimal system: root, and the groups a Debian 12 system has for devices.
printf 'root:x:0:0:root:/root:/bin/bash\n' >"$root/etc/passwd"
printf 'root:*:19000:0:99999:7:::\n' >"$root/etc/shadow"
printf 'root:x:0:\nlp:x:7:\naudio:x:29:\nvideo:x:44:\nplugdev:x:46:\ninput:x:106:\nrender:x:109:\n' >"$root/etc/group"
sed 's/:x:[0-9]*:.*/:*::/' "$root/etc/group" >"$root/etc/gshadow"
cp /etc/login.defs "$root/etc/login.defs"
dpkg_root() {
    dpkg --root="$root" --force-script-chrootless --force-depends --force-unsafe-io --log=/dev/null "$@" \
        >>"$out/dpkg.log" 2>&1 || {
        cat "$out/dpkg.log"
        fail "dpkg $*"
    }
}
query() { dpkg-query --admindir="$root/var/lib/dpkg" -W -f="$1" hospital-kiosk; }
dpkg_root -i "$deb"
[[ $(query '${Status}') == "install ok installed" ]] || fail "status after install: $(query '${Status}')"
query '${Conffiles}' | grep -q "/etc/kiosk/kiosk.conf" || fail "dpkg does not list the conffile"
IFS=: read -r _ _ uid gid _ home shell < <(grep '^kiosk:' "$root/etc/passwd") || fail "no user kiosk"
[[ $home == /var/lib/kiosk && $shell == /usr/sbin/nologin ]] || fail "kiosk user: home $home, shell $shell"
((uid < 1000)) || fail "kiosk is not a system user (uid $uid)"
for group in lp audio video plugdev input render; do
    grep -q "^$group:.*[:,]kiosk\(,\|$\)" "$root/etc/group" || fail "kiosk is not in group $group"
done
[[ $(stat -c '%u:%g %a' "$root/var/lib/kiosk") == "$uid:$gid 750" ]] ||
    fail "/var/lib/kiosk: $(stat -c '%u:%g %a' "$root/var/lib/kiosk")"
[[ $(readlink "$root/etc/systemd/system/graphical.target.wants/kiosk.service") == /lib/systemd/system/kiosk.service ]] ||
    fail "kiosk.service not enabled at boot"
cp "$root/etc/group" "$out/group-installed"

step "the installed kiosk runs from the root with its own assets and data folder"
printf 'screen attract\nexpect-no-patient\nquit\n' >"$out/start.scenario"
SDL_VIDEODRIVER=offscreen "$root/usr/bin/kiosk" --script "$out/start.scenario" \
    --data-dir "$root/var/lib/kiosk" --sim-output "$out/sim" --audio null >"$out/kiosk.log" 2>&1 || {
    cat "$out/kiosk.log"
    fail "installed kiosk did not run"
}
[[ -s $root/var/lib/kiosk/feedback.db ]] || fail "the kiosk wrote no database into /var/lib/kiosk"
# What must survive: a journal with a payment and a changed setting in the config.
sqlite3 "$root/var/lib/kiosk/journal.db" \
    "CREATE TABLE payments(txn TEXT, fen INTEGER); INSERT INTO payments VALUES ('T-0001', 12345);"
chown -R "$uid:$gid" "$root/var/lib/kiosk"
sed -i 's/^# id = K-001$/id = WARD-3/' "$root/etc/kiosk/kiosk.conf"
grep -qx 'id = WARD-3' "$root/etc/kiosk/kiosk.conf" || fail "could not edit the config"
journal_kept() {
    [[ $(sqlite3 "$root/var/lib/kiosk/journal.db" "SELECT fen FROM payments WHERE txn = 'T-0001'") == 12345 ]] ||
        fail "the journal's payment is gone $1"
}
config_kept() { grep -qx 'id = WARD-3' "$root/etc/kiosk/kiosk.conf" || fail "the changed config is gone $1"; }

step "upgrade"
# The next version: the same files under a higher version number.
rm -rf "$out/next"
dpkg-deb -R "$deb" "$out/next"
sed -i 's/^Version: .*/&+next1/' "$out/next/DEBIAN/control"
dpkg-deb --root-owner-group -b "$out/next" "$out/next.deb" >/dev/null
# An administrator who turned the kiosk off at boot keeps it off through the upgrade.
rm "$root/etc/systemd/system/graphical.target.wants/kiosk.service"
dpkg_root -i "$out/next.deb"
[[ $(query '${Version}') == *+next1 ]] || fail "version after upgrade: $(query '${Version}')"
journal_kept "after the upgrade"
config_kept "after the upgrade"
[[ ! -e $root/etc/kiosk/kiosk.conf.dpkg-new && ! -e $root/etc/kiosk/kiosk.conf.dpkg-dist ]] ||
    fail "the upgrade left a second config beside the changed one"
[[ $(grep -c '^kiosk:' "$root/etc/passwd") == 1 && $(grep '^kiosk:' "$root/etc/passwd" | cut -d: -f3) == "$uid" ]] ||
    fail "the upgrade changed the kiosk user"
[[ $(stat -c '%u:%g' "$root/var/lib/kiosk/journal.db") == "$uid:$gid" ]] || fail "journal.db changed owner"
[[ ! -e $root/etc/systemd/system/graphical.target.wants/kiosk.service ]] || fail "the upgrade enabled the kiosk again"

step "remove"
dpkg_root -r hospital-kiosk
[[ $(query '${Status}') == "deinstall ok config-files" ]] || fail "status after remove: $(query '${Status}')"
for f in /usr/bin/kiosk /usr/bin/kioskctl /lib/systemd/system/kiosk.service /lib/udev/rules.d/60-kiosk-devices.rules \
    /usr/share/kiosk/assets/i18n/zh-CN.catalog; do
    [[ ! -e $root$f ]] || fail "$f is still there after remove"
done
journal_kept "after remove"
config_kept "after remove"

step "purge"
dpkg_root -P hospital-kiosk
[[ ! -e $root/etc/kiosk ]] || fail "/etc/kiosk is still there after purge"
journal_kept "after purge"
[[ -s $root/var/lib/kiosk/feedback.db ]] || fail "the data folder lost files in the purge"
grep -q "/var/lib/kiosk is kept" "$out/dpkg.log" || fail "purge did not say that /var/lib/kiosk is kept"
grep -q '^kiosk:' "$root/etc/passwd" || fail "purge removed the user that owns the kept data"

step "udev rules applied to emulated devices"
"$here/check_udev.sh" "$rules" "$out/group-installed" "$src/tests/usb" "$out/udev"

echo "PASS"
