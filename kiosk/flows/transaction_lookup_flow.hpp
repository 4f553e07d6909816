#pragma once
// Transaction lookup (交易查询): a patient comes back with the number on a
// failure slip (or scans its QR code) and sees, in plain words, what became
// of the money: the service given, the money returned, nothing taken, still
// being settled, or a case for the service window. Open to anyone, like the
// price lookup: the number is the patient's proof, as the slip it is printed
// on is, and the journal holds no personal data to show.
//
// A registration that was booked can have its slip printed again; the slip
// is rebuilt from the hospital's booking, since the journal keeps only
// references.
#include <cstdint>
#include <optional>
#include <string>

#include "flows/flow_context.hpp"
#include "journal/journal.hpp"

namespace kiosk::flows {

enum class LookupStage {
    Entry,        ///< The patient types the number.
    Looking,      ///< The journal is being read.
    Found,        ///< outcome() says what happened.
    NotFound,     ///< This kiosk has no such transaction (a typo, or another kiosk's number).
    Unreadable,   ///< The journal could not be read.
    Reprinting,   ///< The slip is being fetched and printed again.
};

std::string_view lookupStageName(LookupStage stage);

/// What happened to the patient's money, in the words the screen uses.
enum class LookupOutcome {
    ServiceGiven,   ///< Booked or settled (the paper may or may not have come out).
    Refunded,       ///< The money was returned.
    NothingTaken,   ///< Declined, closed unpaid, or never got as far as paying.
    InProgress,     ///< Paid (or the channel not yet asked) and unfinished: the kiosk completes or refunds it.
    SeeStaff,       ///< Only a person can settle it now (needs-staff, or the refund failed).
};

LookupOutcome outcomeOf(journal::Step step);
/// The catalog key of the outcome's headline ("lookup.outcome.service_given.registration", ...).
std::string outcomeKey(LookupOutcome outcome, journal::TransactionKind kind);
/// The catalog key of the sentence under the headline: what the patient need do, if anything.
std::string outcomeDetailKey(LookupOutcome outcome);

enum class ReprintResult { None, Printed, PrinterFailed, Unavailable };

class TransactionLookupFlow {
public:
    /// A transaction number is kiosk id, 14 digits of time and a short counter: 1–2 digits after them.
    static constexpr std::size_t kMaxTyped = 40;

    explicit TransactionLookupFlow(FlowContext& context);

    /// A key from the keypad: '0'–'9', 'A'–'Z', kKeyBackspace or kKeyClear (see prices_flow.hpp).
    void key(char c);
    /// Looks up what was typed.
    void confirm();
    /// Looks up a transaction by its full id (a scanned slip).
    void lookUp(const std::string& id);
    /// Back to typing (from an answer), keeping nothing of the last one.
    void back();
    /// Prints the registration slip again; only when canReprint().
    void reprint();

    /// The full transaction id the typed text stands for, or "" if it cannot be one.
    static std::string idFromTyped(const std::string& typed, const std::string& kioskId);

    LookupStage stage() const { return m_stage; }
    const std::string& typed() const { return m_typed; }
    const std::string& lookedUpId() const { return m_id; }
    const std::optional<journal::TransactionRecord>& record() const { return m_record; }
    std::optional<LookupOutcome> outcome() const;
    /// A booked registration whose slip the hospital can give again.
    bool canReprint() const;
    ReprintResult reprintResult() const { return m_reprint; }
    int reprintsPrinted() const { return m_reprintsPrinted; }

private:
    FlowContext& m_ctx;
    LookupStage m_stage = LookupStage::Entry;
    std::string m_typed;
    std::string m_id;
    std::optional<journal::TransactionRecord> m_record;
    ReprintResult m_reprint = ReprintResult::None;
    int m_reprintsPrinted = 0;
    /// Counts lookups; an answer for an older one is dropped.
    std::uint64_t m_generation = 0;
};

} // namespace kiosk::flows
