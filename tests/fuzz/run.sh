#!/usr/bin/env bash
# Builds the fuzz targets with clang and runs each for SECONDS (default 10),
# starting from the seeds in corpus/<target>/. Any crash, leak or sanitizer
# report fails the run and leaves the input in the output folder.
#   tests/fuzz/run.sh [SECONDS] [OUTPUT_DIR]
# For a long run on demand: tests/fuzz/run.sh 3600
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
seconds=${1:-10}
out=${2:-$here/../../build-fuzz}
cxx=${KIOSK_FUZZ_CXX:-clang++-16}
command -v "$cxx" >/dev/null || { echo "fuzz: $cxx not found: install clang-16 (packaging/install-deps.sh)" >&2; exit 1; }
cmake -S "$here" -B "$out" -DCMAKE_CXX_COMPILER="$cxx" -DCMAKE_BUILD_TYPE=None >/dev/null
cmake --build "$out" -j2 >/dev/null
status=0
ran=0
for target in "$out"/fuzz_*; do
  [[ -x $target ]] || continue
  name=$(basename "$target")
  corpus="$out/corpus/$name"
  mkdir -p "$corpus" "$out/crashes/$name"
  seeds=()
  [[ -d $here/corpus/$name ]] && seeds=("$here/corpus/$name")
  if "$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 \
       -artifact_prefix="$out/crashes/$name/" "$corpus" "${seeds[@]}" > "$out/$name.log" 2>&1; then
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$out/$name.log" | grep -o '[0-9]*$' || echo '?')
    echo "fuzz $name: clean, $runs runs in ${seconds}s"
    ran=$((ran + 1))
  else
    echo "fuzz $name: FAILED, see $out/$name.log and $out/crashes/$name/"
    tail -30 "$out/$name.log"
    status=1
  fi
done
[[ $ran -gt 0 || $status -ne 0 ]] || { echo "fuzz: no targets were built" >&2; exit 1; }
exit $status
