#!/usr/bin/env bash
# The audit log after maintainer.scenario: five wrong PINs, the lock, the entry,
# both setting changes, the test print and the idle exit, read by kioskctl.
set -uo pipefail
out=$1
log=$("${KIOSKCTL:?}" audit --data-dir "$out/sim/data") || { echo "FAIL kioskctl audit"; exit 1; }
echo "$log"
failed=0
want() { grep -qE "$1" <<<"$log" || { echo "FAIL the audit log has no line matching '$1'"; failed=1; }; }
[[ $(grep -c " wrong-pin " <<<"$log") -ge 4 ]] || { echo "FAIL fewer than four wrong-pin entries"; failed=1; }
want " locked "
want " enter by pin"
want "setting-changed by pin: timeouts.idle_seconds 60 -> 70"
want "setting-changed by pin: services.bills"
want "test-run by pin.*printed"
want " idle-exit by pin"
[[ $failed -eq 0 ]] && echo "maintainer audit: all entries present"
exit $failed
