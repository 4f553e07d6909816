#!/usr/bin/env bash
# The whole test suite once more, with every program built with
# AddressSanitizer and UndefinedBehaviorSanitizer (KIOSK_SANITIZE=ON) into
# ./build-sanitized (or $KIOSK_SANITIZED_BUILD_DIR). Any report fails the
# test it happens in: a memory error, undefined behaviour or a leak in
# project code. Needs no display, like test.sh; takes several times longer.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${KIOSK_SANITIZED_BUILD_DIR:-$root/build-sanitized}
"$root/packaging/install-deps.sh"
# Unoptimised, with line tables only (-g1): with the sanitizers on, GCC 12
# takes four to five times longer per file at -O2 -g (77 s against 17 s for
# one flow), and a report needs file and line, not variables. The tests run
# slower for it; the README says how long the whole run takes.
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DBUILD_TESTING=ON \
  -DKIOSK_SANITIZE=ON >/dev/null
cmake --build "$build" -j2

# The options reach every program a test starts (the kiosk and kioskctl
# binaries the scripts run, the test binaries under umockdev-wrapper and
# umockdev-run, those under the private cupsd's run.sh): ctest passes its
# environment on and no test script clears it.
#
# verify_asan_link_order=0: umockdev-wrapper and umockdev-run put
# libumockdev-preload.so first in LD_PRELOAD, ahead of the libasan the test
# binaries link, and ASan refuses to start when it is not the first library
# loaded. Putting libasan.so first in LD_PRELOAD instead would load ASan into
# every uninstrumented program on the way (umockdev-run itself, bash, cupsd).
# With the check off ASan still sees every call umockdev passes on: the
# preload library reaches the real functions through dlsym(RTLD_NEXT), which
# finds ASan's interceptors before libc.
#
# halt_on_error and -fno-sanitize-recover=undefined (in CMakeLists.txt) stop
# the program at the first report, so a finding always fails its test;
# exitcode 23 tells a sanitizer stop from a test's own failure in the logs.
export ASAN_OPTIONS=halt_on_error=1:exitcode=23:detect_leaks=1:verify_asan_link_order=0:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:exitcode=23
# Leaks inside system libraries (their own caches, never freed by design)
# are suppressed by library name only; see the file for each one.
export LSAN_OPTIONS=suppressions=$root/tests/sanitize/lsan.supp:print_suppressions=0
cd "$build"
ctest --output-on-failure -j2 --timeout 900 "$@"
