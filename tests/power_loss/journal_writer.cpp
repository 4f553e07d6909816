#include "journal_writer.hpp"

#include <chrono>
#include <string>

#include <unistd.h>

#include "journal/journal.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::test {

using namespace kiosk::journal;

namespace {

void say(int fd, const std::string& line)
{
    std::string out = line + "\n";
    // Short lines into a pipe are written whole; a failed write ends the writer (the reader has gone).
    if (::write(fd, out.data(), out.size()) != static_cast<ssize_t>(out.size())) ::_exit(4);
}

[[noreturn]] void writerFails(int fd, const std::string& what)
{
    say(fd, "E " + what);
    ::_exit(3);
}

} // namespace

// Writes transactions until killed: registrations that are booked and printed, ones refunded, ones closed
// unpaid, and every `checkpointEvery` transactions a TRUNCATE checkpoint through a second connection.
[[noreturn]] void runJournalWriter(const std::string& path, int fd, long firstSerial, int checkpointEvery)
{
    auto journal = Journal::open(path);
    if (!journal) writerFails(fd, journal.error().message);
    auto side = storage::Database::open(path, storage::Durability::Full);
    if (!side) writerFails(fd, side.error().message);
    auto step = [&](const std::string& id, Step s, StepDetails d = {}) {
        if (auto done = (*journal)->record(id, s, d); !done) writerFails(fd, done.error().message);
        say(fd, "A " + id + " " + std::string(stepName(s)));
    };
    for (long n = firstSerial;; ++n) {
        TransactionRecord r;
        r.id = "K01-20261123100000-" + std::to_string(n);
        r.kind = n % 4 == 3 ? TransactionKind::Bills : TransactionKind::Registration;
        r.kioskId = "K01";
        r.startedAt = std::chrono::system_clock::now();
        r.amountFen = 100 + n % 9000;
        r.orderNo = r.id;
        r.patientRef = "P" + std::to_string(100000 + n % 5000);
        if (auto begun = (*journal)->begin(r); !begun) writerFails(fd, begun.error().message);
        say(fd, "A " + r.id + " intent");
        step(r.id, Step::OrderCreated, {.orderNo = r.id, .channel = "wechat"});
        if (n % 5 == 4) {
            step(r.id, Step::Closed, {.note = "the patient gave up before paying"});
        } else {
            step(r.id, Step::Paid, {.paidOrderNo = r.id, .gatewayTransactionId = "42000" + std::to_string(n)});
            if (n % 7 == 6) {
                step(r.id, Step::Refunding, {.note = "the slot was taken meanwhile"});
                step(r.id, Step::Refunded);
            } else {
                bool bills = r.kind == TransactionKind::Bills;
                step(r.id, bills ? Step::Settled : Step::Booked, {.hospitalReference = "A" + std::to_string(n)});
                step(r.id, Step::Printed);
            }
        }
        if (n % checkpointEvery == 0) {
            say(fd, "C+");
            if (auto done = (*side)->exec("PRAGMA wal_checkpoint(TRUNCATE)"); !done)
                writerFails(fd, done.error().message);
            say(fd, "C-");
        }
    }
}

} // namespace kiosk::test
