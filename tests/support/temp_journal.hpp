#pragma once
// A real money journal (SQLite, WAL, synchronous=FULL) in a folder of its own,
// removed afterwards: the flow tests journal what they do on a real file, as
// the kiosk does, and check what it says.
#include <atomic>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include <doctest/doctest.h>

#include "flows/flow_context.hpp"
#include "flows/flow_failure.hpp"
#include "journal/journal.hpp"

namespace kiosk::test {

class TempJournal {
public:
    explicit TempJournal(const Clock& clock)
    {
        static std::atomic<int> counter{0};
        m_dir = std::filesystem::temp_directory_path() /
                ("kiosk-flow-journal-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
        auto opened = journal::Journal::open((m_dir / "journal.db").string(), clock);
        REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
        m_journal = std::move(*opened);
    }
    ~TempJournal()
    {
        m_journal.reset();
        std::filesystem::remove_all(m_dir);
    }

    journal::Journal& operator*() { return *m_journal; }
    journal::Journal* operator->() { return m_journal.get(); }
    journal::Journal* get() { return m_journal.get(); }

    /// The steps written for `id`, by name, in order ("intent", "order-created", ...).
    std::vector<std::string> steps(const std::string& id)
    {
        std::vector<std::string> out;
        auto rows = m_journal->history(id);
        REQUIRE(rows.has_value());
        for (const auto& row : *rows) out.emplace_back(journal::stepName(row.step));
        return out;
    }

    /// The last step of `id`, or "" if it was never journaled.
    std::string lastStep(const std::string& id)
    {
        auto found = m_journal->find(id);
        REQUIRE(found.has_value());
        return *found ? std::string(journal::stepName((*found)->lastStep)) : std::string();
    }

    /// What a finished flow left in the journal agrees with what it told the patient.
    /// `serviceGiven`: booked or settled; `printed`: the paper came out.
    void checkAgrees(const std::string& id, bool serviceGiven, bool printed, const flows::FlowFailure& failure)
    {
        if (id.empty()) return;
        std::string last = lastStep(id);
        if (serviceGiven)
            CHECK(last == (printed ? "printed" : "print-failed"));
        else if (failure.kind == flows::FailureKind::CompletingLater)
            CHECK(last == "paid");  // left for recovery
        else if (failure.moneyTaken)
            CHECK(last == (failure.refunded ? "refunded" : "refund-failed"));
    }

private:
    std::filesystem::path m_dir;
    std::unique_ptr<journal::Journal> m_journal;
};

/// `context` with the journal set, for a member initializer that runs before the flow is built.
inline flows::FlowContext withJournal(flows::FlowContext context, TempJournal& journal)
{
    context.journal = journal.get();
    return context;
}

} // namespace kiosk::test
