#!/usr/bin/env bash
# The fault-injection test: runs registration or bill payment in the real
# kiosk (SDL offscreen, simulated devices and channel, demo hospital) and
# kills it with SIGKILL at one journal step (KIOSK_CRASH_AT), starts it
# again, lets its recovery settle what the crash left open, and audits the
# money with check_money.sh. Every kill point runs once per patient card.
#   tests/recovery/kill_points.sh KIOSK registration|bills OUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kiosk=${1:?usage: kill_points.sh KIOSK registration|bills OUT_DIR}
suite=${2:?suite}
out=${3:?out dir}
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy

# scenario  kill point (STEP:before|after[:occurrence])
case $suite in
  registration)
    cards=(zhang-xiaosan li-xin gong-yan)
    points=(
      "registration_qr intent:before" "registration_qr intent:after"
      "registration_qr order-created:before" "registration_qr order-created:after"
      "registration_qr paid:before" "registration_qr paid:after"
      "registration_qr booked:before" "registration_qr booked:after"
      "registration_qr printed:before" "registration_qr printed:after"
      "registration_code order-created:before:2" "registration_code order-created:after:2"
      "registration_code paid:before" "registration_code paid:after"
      "registration_refund paid:after" "registration_refund refunding:before" "registration_refund refunding:after"
      "registration_refund refunded:before" "registration_refund refunded:after")
    ;;
  bills)
    cards=(zhang-xiaosan li-xin liu-biao)
    points=(
      "bills_qr intent:before" "bills_qr intent:after"
      "bills_qr order-created:before" "bills_qr order-created:after"
      "bills_qr paid:before" "bills_qr paid:after"
      "bills_qr settled:before" "bills_qr settled:after"
      "bills_qr printed:before" "bills_qr printed:after"
      "bills_code order-created:before:2" "bills_code order-created:after:2"
      "bills_code paid:before" "bills_code paid:after")
    ;;
  *) echo "kill_points: unknown suite '$suite' (registration or bills)" >&2; exit 2 ;;
esac

rm -rf "$out"
mkdir -p "$out"
# One seeded demo hospital, copied for every run: each run starts from the same hospital.
"$kiosk" --script "$here/recover.scenario" --windowed 1280x720 --audio null --sim-output "$out/template" \
  > "$out/template.log" 2>&1 || { echo "kill_points: the kiosk did not start:"; tail -20 "$out/template.log"; exit 1; }

# The kiosk killed at a step, its exit status (137) returned without the
# shell's "Killed" notice: the inner shell reports nothing.
crash() {
  local point=$1
  shift
  KIOSK_CRASH_AT=$point sh -c '"$@"; exit $?' sh "$kiosk" --windowed 1280x720 --audio null "$@"
}

# First, proof that the audit can fail: killed just before the journal hears
# of a payment, and not recovered, the money must be reported.
first=(${points[4]})
proof="$out/proof"
mkdir -p "$proof/sim/data"
cp "$out/template/data/demo-hospital.db" "$proof/sim/data/"
sed "s/\${CARD}/${cards[0]}/g" "$here/${first[0]}.scenario" > "$proof/scenario"
crash "${first[1]}" --script "$proof/scenario" --sim-output "$proof/sim" > "$proof/crash.log" 2>&1 || true
if "$here/check_money.sh" "$proof/sim/data" > "$proof/check.log" 2>&1; then
  echo "kill_points: the audit found nothing wrong after a crash at ${first[1]} without recovery:"
  cat "$proof/check.log"
  exit 1
fi
echo "audit self-check: a crash at ${first[1]} left unrecovered is caught: $(grep -c VIOLATION "$proof/check.log") violation(s)"

runs=0
failed=0
for entry in "${points[@]}"; do
  read -r scenario point <<< "$entry"
  for card in "${cards[@]}"; do
    runs=$((runs + 1))
    run="$out/$scenario.${point//:/-}.$card"
    mkdir -p "$run/sim/data"
    cp "$out/template/data/demo-hospital.db" "$run/sim/data/"
    sed "s/\${CARD}/$card/g" "$here/$scenario.scenario" > "$run/$scenario.scenario"
    status=0
    crash "$point" --script "$run/$scenario.scenario" --sim-output "$run/sim" > "$run/crash.log" 2>&1 || status=$?
    if [[ $status != 137 ]]; then
      echo "FAIL $scenario $point $card: the kiosk was not killed at the step (exit $status)"
      tail -5 "$run/crash.log"
      failed=$((failed + 1))
      continue
    fi
    if ! "$kiosk" --script "$here/recover.scenario" --windowed 1280x720 --audio null --sim-output "$run/sim" \
        > "$run/recover.log" 2>&1; then
      echo "FAIL $scenario $point $card: recovery did not settle everything"
      tail -5 "$run/recover.log"
      failed=$((failed + 1))
      continue
    fi
    if ! "$here/check_money.sh" "$run/sim/data" > "$run/check.log" 2>&1; then
      echo "FAIL $scenario $point $card:"
      cat "$run/check.log"
      failed=$((failed + 1))
      continue
    fi
    echo "ok   $scenario $point $card: $(grep -ho 'recovery: [0-9]* unfinished, [0-9]* settled' "$run/recover.log" | tail -1 | sed 's/recovery: 0 unfinished, //'); $(tail -1 "$run/check.log" | sed 's/check_money: //')"
  done
done
echo "kill_points $suite: ${#points[@]} kill points x ${#cards[@]} runs = $runs runs, $failed failed"
[[ $failed == 0 ]]
