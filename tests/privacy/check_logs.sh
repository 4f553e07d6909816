#!/usr/bin/env bash
# The privacy check: no log the test suite writes may hold a full name, ID
# number, mobile number or payment code of the demo data's people.
#
#   check_logs.sh SOURCE_DIR DIR...
#
# Looks at every text file under the DIRs (the UI scenarios' output folders
# with the kiosk's --log-file log and its stderr and stdout, the outputs the
# command-line tests save, ...) and at the text of every PDF the simulated A4
# printer wrote (pdftotext). Binary files (screenshots, receipts as PNG, audio,
# SQLite databases) are not logs and are skipped; so are the tests' inputs:
# scenario files (*.scenario), which name the payment codes to scan, and copies
# of the assets folder (a test that corrupts a catalog works on a copy, demo
# data included).
#
# What it looks for, exactly and byte for byte:
#   names and ID numbers of the sample ID cards (assets/demo/id_cards.tsv),
#   names, ID numbers and phone numbers of the demo hospital's patients
#     (assets/demo/hospital/patients.tsv),
#   the payment codes the UI scenarios scan (tests/ui/*.scenario, `scan "..."`
#     lines in the shape of a WeChat Pay, Alipay or UnionPay code).
# A hit is reported by file, line and kind, never by the value (this output is
# a log too). Fails on any hit, and fails when it found no log at all (or only
# empty ones), so that it cannot pass because the suite wrote nothing where it
# looks.
set -uo pipefail
export LC_ALL=C
src=${1:?usage: check_logs.sh SOURCE_DIR DIR...}
shift
[[ $# -gt 0 ]] || { echo "usage: check_logs.sh SOURCE_DIR DIR..." >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# column NAME FILE: the values of the column with that header, one a line, without empty cells.
column() {
  awk -F'\t' -v want="$1" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == want) c = i; next }
                           c && $c != "" { print $c }' "$2"
}

cards="$src/assets/demo/id_cards.tsv"
patients="$src/assets/demo/hospital/patients.tsv"
for f in "$cards" "$patients"; do [[ -r $f ]] || { echo "cannot read $f" >&2; exit 2; }; done

# The ID cards file has comment lines and no header: name, English name and ID number are columns 3, 4 and 9.
grep -v '^#' "$cards" | awk -F'\t' '{ if ($3 != "") print $3; if ($4 != "") print $4 }' > "$work/name"
grep -v '^#' "$cards" | awk -F'\t' '$9 != "" { print $9 }' > "$work/ID number"
column name "$patients" >> "$work/name"
column id_number "$patients" >> "$work/ID number"
column phone "$patients" > "$work/phone number"
: > "$work/payment code"
for scenario in "$src"/tests/ui/*.scenario; do
  sed -n 's/^[[:space:]]*scan[[:space:]]*"\(.*\)"[[:space:]]*$/\1/p' "$scenario" | while IFS= read -r code; do
    if [[ $code =~ ^1[0-5][0-9]{16}$ || $code =~ ^(2[5-9]|30)[0-9]{14,22}$ || $code =~ ^62[0-9]{17}$ ||
          $code =~ ^fp[[:graph:]]{33}$ ]]; then
      echo "$code"
    fi
  done >> "$work/payment code"
done
kinds=("name" "ID number" "phone number" "payment code")
for kind in "${kinds[@]}"; do
  sort -u -o "$work/$kind" "$work/$kind"
  [[ -s $work/$kind ]] || { echo "no ${kind}s found in the demo data: the check would look for nothing" >&2; exit 2; }
done
echo "looking for $(wc -l < "$work/name") names, $(wc -l < "$work/ID number") ID numbers," \
     "$(wc -l < "$work/phone number") phone numbers and $(wc -l < "$work/payment code") payment codes"

files=0 bytes=0 leaks=0
# check_text TEXTFILE SHOWN_AS: counts it and reports every line holding a needle.
check_text() {
  local text=$1 shown=$2 kind line
  files=$((files + 1))
  bytes=$((bytes + $(wc -c < "$text")))
  for kind in "${kinds[@]}"; do
    while IFS= read -r line; do
      echo "LEAK $shown:$line: $kind in full"
      leaks=$((leaks + 1))
    done < <(grep -F -n -f "$work/$kind" -- "$text" | cut -d: -f1)
  done
}

for dir in "$@"; do
  [[ -d $dir ]] || continue
  while IFS= read -r -d '' file; do
    case $file in
      *.scenario | */assets/*) continue ;;
      *.pdf)
        if pdftotext -q "$file" "$work/pdf.txt"; then check_text "$work/pdf.txt" "$file"
        else echo "LEAK? $file: pdftotext cannot read it"; leaks=$((leaks + 1)); fi ;;
      *)
        # -I: binary files (PNG, WAV, SQLite) are no logs. An empty log counts (as 0 bytes).
        if [[ ! -s $file ]] || grep -Iq . -- "$file"; then check_text "$file" "$file"; fi ;;
    esac
  done < <(find "$dir" -type f -print0)
done

echo "checked $files files, $bytes bytes"
if [[ $files -eq 0 || $bytes -eq 0 ]]; then
  echo "no logs found (or only empty ones) under: $*; run the UI and command-line tests first" >&2
  exit 1
fi
if [[ $leaks -gt 0 ]]; then
  echo "$leaks line(s) hold personal data in full" >&2
  exit 1
fi
echo "no full name, ID number, phone number or payment code in any of them"
