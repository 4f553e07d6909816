#!/usr/bin/env bash
# Runs the CUPS tests against a private cupsd started here with its own
# configuration, spool and ports on 127.0.0.1 (never the system's CUPS):
#   EscRaw   socket:// raw queue to a listener inside the test binary
#   A4Pdf    file: queue with a PDF driver, writing to $out/a4-output
#   Broken   socket:// to a port nobody listens on, aborting jobs on error
#   Unplugged  the same, for the receipt printer's tests
#   Stalled  socket:// raw queue to a listener in the test that does not hang up
#   run.sh TEST_BINARY OUTPUT_DIR [ARGUMENTS FOR THE TEST BINARY...]
set -euo pipefail
binary=$1 out=$2
shift 2
rm -rf "$out" && mkdir -p "$out"/{etc,spool/tmp,cache,state,log,run,a4-output}
chmod -R 777 "$out"

free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 20000))
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
  done
  echo "no free port" >&2; return 1
}
cups_port=$(free_port) raw_port=$(free_port) dead_port=$(free_port) stall_port=$(free_port)

cat > "$out/etc/cups-files.conf" <<CONF
ServerRoot $out/etc
RequestRoot $out/spool
TempDir $out/spool/tmp
CacheDir $out/cache
StateDir $out/state
AccessLog $out/log/access_log
ErrorLog $out/log/error_log
PageLog $out/log/page_log
DataDir /usr/share/cups
DocumentRoot /usr/share/cups/doc-root
ServerBin /usr/lib/cups
FileDevice Yes
SystemGroup root
User lp
Group lp
CONF
cat > "$out/etc/cupsd.conf" <<CONF
LogLevel debug
Listen 127.0.0.1:$cups_port
Browsing Off
DefaultAuthType None
WebInterface No
JobRetryInterval 1
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
CONF
cupsd -t -c "$out/etc/cupsd.conf" -s "$out/etc/cups-files.conf" >/dev/null 2>&1 || { echo "private cupsd configuration rejected" >&2; exit 1; }
cupsd -f -c "$out/etc/cupsd.conf" -s "$out/etc/cups-files.conf" >"$out/log/cupsd.out" 2>&1 &
cupsd_pid=$!
trap 'kill $cupsd_pid 2>/dev/null; wait $cupsd_pid 2>/dev/null || true' EXIT
export CUPS_SERVER=127.0.0.1:$cups_port
for _ in $(seq 100); do lpstat -r >/dev/null 2>&1 && break; sleep 0.1; done
lpstat -r >/dev/null || { echo "cupsd did not start; see $out/log/error_log" >&2; exit 1; }

lpadmin -p EscRaw -E -v "socket://127.0.0.1:$raw_port" -m raw 2>&1 | grep -v deprecated || true
lpadmin -p A4Pdf -E -v "file://$out/a4-output/a4.pdf" -P /usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd 2>&1 | grep -v deprecated || true
# contimeout: give up connecting after 2 s, as a kiosk's printer that is switched off would.
lpadmin -p Broken -E -v "socket://127.0.0.1:$dead_port/?contimeout=2" -m raw -o printer-error-policy=abort-job 2>&1 | grep -v deprecated || true
lpadmin -p Unplugged -E -v "socket://127.0.0.1:$dead_port/?contimeout=2" -m raw -o printer-error-policy=abort-job 2>&1 |
  grep -v deprecated || true
lpadmin -p Stalled -E -v "socket://127.0.0.1:$stall_port" -m raw 2>&1 | grep -v deprecated || true

KIOSK_RAW_PORT=$raw_port KIOSK_STALL_PORT=$stall_port KIOSK_A4_OUTPUT="$out/a4-output/a4.pdf" "$binary" "$@"
