#pragma once
// A flow's handle on its one transaction in the money journal. The flow
// writes each step before it is attempted and after its outcome; the handle
// holds the journal's claim on the transaction while the flow lives, so that
// recovery running in the background leaves it alone until the flow is gone.
//
// Every write reports whether it reached the disk. A flow that cannot write
// its intent refuses to take money: an unrecorded payment is exactly the one
// that cannot be recovered after a crash.
#include <memory>
#include <string>

#include "journal/journal.hpp"

namespace kiosk::flows {

class MoneyRecord {
public:
    /// No journal: nothing is recorded (unit tests that are not about money records).
    MoneyRecord() = default;
    explicit MoneyRecord(journal::Journal* journal) : m_journal(journal) {}
    ~MoneyRecord();
    MoneyRecord(const MoneyRecord&) = delete;
    MoneyRecord& operator=(const MoneyRecord&) = delete;

    /// Writes the intent and claims the transaction; the error says why it could not.
    Result<void> begin(const journal::TransactionRecord& record);
    /// Appends a step; a failure is returned for the flow to log or act on.
    Result<void> step(journal::Step step, const journal::StepDetails& details = {});

    bool active() const { return !m_id.empty(); }
    const std::string& id() const { return m_id; }
    /// The journal behind this record, for jobs that write from a worker thread.
    journal::Journal* journal() const { return m_journal; }

private:
    journal::Journal* m_journal = nullptr;
    std::string m_id;
};

/// `text` cut to what a journal note keeps, on a UTF-8 character boundary.
std::string journalNote(const std::string& text);

/// A step written from a worker thread, where the flow object may already be gone:
/// it needs only the journal and the id, copied into the job.
Result<void> recordStep(journal::Journal* journal, const std::string& id, journal::Step step,
                        const journal::StepDetails& details = {});

} // namespace kiosk::flows
