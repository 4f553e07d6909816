#!/usr/bin/env bash
# Audits a kiosk's data folder the way finance would, reading the three
# databases directly (not through the kiosk's code): the journal, the
# simulated channel's ledger and the demo hospital. Prints what it checked
# and every violation; exits 1 if there is one.
#   tests/recovery/check_money.sh DATA_DIR
# Rules: every transaction final (flagged for staff counts, and is listed);
# money kept equals the amount exactly when the service was given, else 0
# (no payment without a booking or a refund, no double charge); a booking
# or settlement exists exactly when the journal says so (no double booking);
# no paid order at the channel that the journal does not know.
set -euo pipefail
data=${1:?usage: check_money.sh DATA_DIR}
for f in journal.db simulated-gateway.db demo-hospital.db; do
  [[ -f $data/$f ]] || { echo "check_money: $data/$f is missing" >&2; exit 2; }
done
query() {
  sqlite3 -batch -noheader "file:$data/journal.db?mode=ro" \
    "ATTACH 'file:$data/simulated-gateway.db?mode=ro' AS g; ATTACH 'file:$data/demo-hospital.db?mode=ro' AS h; $1"
}
# Money per transaction: paid orders (QR order and payment-code order) minus refunds.
money="
  WITH paid AS (
    SELECT t.id, COALESCE(SUM(o.amount_fen), 0) AS taken, COUNT(o.order_no) AS paid_orders
    FROM transactions t LEFT JOIN g.orders o
      ON o.order_no IN (t.order_no, t.order_no || 'C') AND o.paid_us IS NOT NULL
    GROUP BY t.id),
  back AS (
    SELECT t.id, COALESCE(SUM(r.amount_fen), 0) AS refunded
    FROM transactions t LEFT JOIN g.refunds r ON r.order_no IN (t.order_no, t.order_no || 'C')
    GROUP BY t.id),
  service AS (
    SELECT t.id,
      (SELECT COUNT(*) FROM h.appointments a WHERE a.idempotency_key = t.id || '-B' AND a.status != 'cancelled')
      + (SELECT COUNT(*) FROM h.invoices i WHERE i.idempotency_key = t.id || '-S') AS given
    FROM transactions t)
  SELECT t.id, t.kind, t.last_step, t.amount_fen, paid.taken - back.refunded, paid.paid_orders, service.given
  FROM transactions t JOIN paid USING (id) JOIN back USING (id) JOIN service USING (id)"

violations=0
flag() { echo "VIOLATION: $*"; violations=$((violations + 1)); }

total=0; given=0; refunded=0; unpaid=0; staff=0
while IFS='|' read -r id kind step amount kept paid_orders service; do
  total=$((total + 1))
  case $step in
    booked|settled|printed|print-failed)
      given=$((given + 1))
      [[ $kept == "$amount" ]] || flag "$id ($kind, $step): kept $kept fen for a service of $amount fen"
      [[ $service == 1 ]] || flag "$id ($kind, $step): the hospital has $service bookings/settlements for it" ;;
    refunded|closed|declined)
      [[ $step == refunded ]] && refunded=$((refunded + 1)) || unpaid=$((unpaid + 1))
      [[ $kept == 0 ]] || flag "$id ($kind, $step): $kept fen kept without the service"
      [[ $service == 0 ]] || flag "$id ($kind, $step): booked/settled at the hospital but not paid" ;;
    needs-staff)
      staff=$((staff + 1))
      echo "flagged for staff: $id ($kind), $kept fen kept, service given $service time(s)" ;;
    *) flag "$id ($kind): left unfinished at '$step' (kept $kept fen, service given $service time(s))" ;;
  esac
  [[ $paid_orders -le 1 ]] || [[ $kept -le $amount ]] || flag "$id: charged $paid_orders times"
done < <(query "$money")

# Paid orders the journal knows nothing about.
while IFS='|' read -r order amount; do
  flag "order $order: $amount fen paid at the channel with no journal transaction"
done < <(query "SELECT o.order_no, o.amount_fen FROM g.orders o WHERE o.paid_us IS NOT NULL AND NOT EXISTS
                (SELECT 1 FROM transactions t WHERE o.order_no IN (t.order_no, t.order_no || 'C'))")

# One patient, one slot: never two live bookings.
while IFS='|' read -r patient slot count; do
  flag "patient $patient has $count bookings for slot $slot"
done < <(query "SELECT patient_id, slot_id, COUNT(*) FROM h.appointments WHERE status != 'cancelled'
                AND source != 'elsewhere' GROUP BY patient_id, slot_id HAVING COUNT(*) > 1")

echo "check_money: $total transactions ($given given, $refunded refunded, $unpaid not paid, $staff for staff), $violations violations"
[[ $violations == 0 ]]
