#pragma once
// Crash on purpose at a journal step, for the fault-injection tests that
// prove recovery: KIOSK_CRASH_AT=STEP:before|after[:N] kills the kiosk with
// SIGKILL the N-th time (default the first) STEP is about to be written
// (before) or has just been committed (after), e.g. KIOSK_CRASH_AT=paid:before
// leaves money taken at the channel that the journal does not know about.
// Unset, nothing is installed.
#include <optional>

#include "journal/journal.hpp"

namespace kiosk::devices {

std::optional<journal::Journal::FaultHook> faultInjectionFromEnvironment();

} // namespace kiosk::devices
