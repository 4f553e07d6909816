#!/usr/bin/env bash
# The journal keeps finished transactions for journal.retention_days (365 by
# default) and deletes older ones when the kiosk starts; an unfinished one is
# kept whatever its age. Runs a registration in the real kiosk, ages the
# journal's rows with SQL, starts the kiosk again and counts what is left.
#   tests/recovery/retention.sh KIOSK OUT_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
kiosk=${1:?usage: retention.sh KIOSK OUT_DIR}
out=${2:?out dir}
export SDL_VIDEODRIVER=offscreen SDL_AUDIODRIVER=dummy
rm -rf "$out"
mkdir -p "$out"
sed 's/\${CARD}/zhang-xiaosan/g' "$here/registration_qr.scenario" > "$out/registration.scenario"
"$kiosk" --script "$out/registration.scenario" --windowed 1280x720 --audio null --sim-output "$out/sim" \
  > "$out/first.log" 2>&1 || { echo "retention: the registration did not run"; tail -5 "$out/first.log"; exit 1; }
db="$out/sim/data/journal.db"
# A second, unfinished transaction, and both two years old.
sqlite3 "$db" "INSERT INTO transactions (id, kind, kiosk_id, started_at, amount_fen, last_step, finished, updated_at)
               VALUES ('K-001-20241123100000-1', 'registration', 'K-001', 0, 5000, 'paid', 0, 0);
               UPDATE transactions SET started_at = strftime('%s','now') - 730 * 86400,
                                       updated_at = strftime('%s','now') - 730 * 86400;"
before=$(sqlite3 "$db" "SELECT COUNT(*) FROM transactions")
printf 'screen attract\nquit\n' > "$out/start.scenario"
# Recovery may touch the unfinished one; the gateway knows nothing of it, so it is closed or left, never purged.
"$kiosk" --script "$out/start.scenario" --windowed 1280x720 --audio null --sim-output "$out/sim" \
  > "$out/second.log" 2>&1 || { echo "retention: the kiosk did not start again"; tail -5 "$out/second.log"; exit 1; }
finished=$(sqlite3 "$db" "SELECT COUNT(*) FROM transactions WHERE id != 'K-001-20241123100000-1'")
kept=$(sqlite3 "$db" "SELECT COUNT(*) FROM transactions WHERE id = 'K-001-20241123100000-1'")
steps=$(sqlite3 "$db" "SELECT COUNT(*) FROM steps WHERE id != 'K-001-20241123100000-1'")
echo "retention: $before transactions two years old; after a start $finished finished left ($steps steps), $kept unfinished kept"
grep -q "purged" "$out/second.log" || { echo "retention: the kiosk did not log the purge"; exit 1; }
[[ $finished == 0 && $steps == 0 && $kept == 1 ]]
