#pragma once
// The child process of the journal's power-loss test: writes transactions step
// by step and tells the parent, through a pipe, each step that is durable.
#include <string>

namespace kiosk::test {

/// Opens the journal at `path` and writes transactions numbered from `firstSerial` until killed: booked and
/// printed, refunded, or closed unpaid. After each begin() or record() returns it writes "A ID STEP" to `fd`;
/// every `checkpointEvery` transactions it runs PRAGMA wal_checkpoint(TRUNCATE) on a second connection
/// between "C+" and "C-". On an error it writes "E MESSAGE" and exits with status 3.
[[noreturn]] void runJournalWriter(const std::string& path, int fd, long firstSerial, int checkpointEvery);

} // namespace kiosk::test
