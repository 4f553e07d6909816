#!/usr/bin/env bash
# The default /etc/kiosk/kiosk.conf: every key of the documented format is
# there, commented out with its default ("# key = value") under its section,
# and nothing is set, so that the settings database decides until an
# administrator uncomments a line.
# Usage: check_config.sh FILE
set -euo pipefail
conf=$1
fail() {
    echo "FAIL: $conf: $*" >&2
    exit 1
}

declare -A expected=(
    [hospital]="name logo"
    [kiosk]="id orientation dpi languages default_language receipt_footer"
    [timeouts]="idle_seconds warning_seconds maintainer_idle_seconds"
    [services]="registration bills reports check_in prices"
    [payment]="wechat alipay unionpay qr_code payment_code"
    [registration]="daily_limit"
    [backend]="url timeout_seconds"
    [devices]="id_reader receipt_printer scanner a4_printer"
    [journal]="retention_days"
    [maintainer]="pin_hash"
)

# Lines that are neither comments, blank nor section headers would set something.
active=$(grep -nEv '^[[:space:]]*(#|$|\[[a-z_]+\][[:space:]]*$)' "$conf" || true)
[[ -z $active ]] || fail "sets values instead of documenting them: $active"

# section.key for every "# key = value" line, by the section it is under.
documented=$(awk '/^\[[a-z_]+\]/ { gsub(/[][]/, ""); section = $0; next }
                  /^# [a-z0-9_]+ =/ { print section "." $2 }' "$conf" | sort)
want=$(for section in "${!expected[@]}"; do
    for key in ${expected[$section]}; do echo "$section.$key"; done
done | sort)
missing=$(comm -13 <(echo "$documented") <(echo "$want"))
extra=$(comm -23 <(echo "$documented") <(echo "$want"))
[[ -z $missing ]] || fail "keys not documented: $missing"
[[ -z $extra ]] || fail "keys not in the format: $extra"
# Defaults that the format fixes by its ranges and the kiosk's own defaults.
for line in "# dpi = 96" "# idle_seconds = 60" "# warning_seconds = 30" "# url = demo" "# id_reader = auto"; do
    grep -qxF "$line" "$conf" || fail "no '$line'"
done
echo "config: $(wc -l <<<"$want") keys documented, none set"
