#include "flows/money_record.hpp"


namespace kiosk::flows {

MoneyRecord::~MoneyRecord()
{
    if (m_journal && !m_id.empty()) m_journal->release(m_id);
}

Result<void> MoneyRecord::begin(const journal::TransactionRecord& record)
{
    if (!m_journal) {
        m_id = record.id;
        return {};
    }
    // Claimed before the intent is written: recovery must never see it unclaimed while this flow owns it.
    if (!m_journal->claim(record.id)) return fail("journal: transaction " + record.id + " is already in progress");
    if (auto begun = m_journal->begin(record); !begun) {
        m_journal->release(record.id);
        return begun;
    }
    m_id = record.id;
    return {};
}

Result<void> MoneyRecord::step(journal::Step step, const journal::StepDetails& details)
{
    return recordStep(m_journal, m_id, step, details);
}

std::string journalNote(const std::string& text) { return journal::fitNote(text); }

Result<void> recordStep(journal::Journal* journal, const std::string& id, journal::Step step,
                        const journal::StepDetails& details)
{
    if (!journal || id.empty()) return {};
    auto recorded = journal->record(id, step, details);
    if (recorded || details.note.empty()) return recorded;
    // A note the journal refuses (personal data in a channel's message, say)
    // must not cost the step itself: the step is what recovery goes by.
    journal::StepDetails withoutNote = details;
    withoutNote.note = "(note withheld)";
    auto retried = journal->record(id, step, withoutNote);
    return retried ? retried : recorded;
}

} // namespace kiosk::flows
