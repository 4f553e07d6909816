#pragma once
// The money journal: every step that moves money or books something is
// written here before it is attempted and again after its outcome, so that
// after a crash or a power cut the kiosk (or staff) can see which payments
// are still open and settle each one: book, refund or hand over.
//
// The file is SQLite in WAL mode with synchronous=FULL: once a call returns,
// the step survives power loss. The journal holds references only (order
// numbers, the hospital's patient id); free text is checked for personal data.
#include <cstdint>
#include <memory>
#include <mutex>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "journal/journal_step.hpp"
#include "payment/payment_gateway.hpp"
#include "storage/sqlite_db.hpp"

namespace kiosk::journal {

struct TransactionRecord {
    /// The flow's transaction prefix (kioskId-YYYYMMDDHHMMSS-N); the root of every idempotency key it uses.
    std::string id{};
    TransactionKind kind = TransactionKind::Registration;
    std::string kioskId{};
    WallTime startedAt{};
    std::int64_t amountFen = 0;
    std::string orderNo{};
    /// The order that was actually paid: orderNo, or orderNo + "C" for a payment code.
    std::string paidOrderNo{};
    std::string channel{};
    std::string gatewayTransactionId{};
    /// The appointment (registration) or invoice (bills) id at the hospital.
    std::string hospitalReference{};
    /// The hospital's patient id only: never a name, ID number, phone or payment code.
    std::string patientRef{};
    /// What the money is for at the hospital: the slot hold id (registration) or the
    /// order ids paid, comma-separated (bills); recovery books or settles with it.
    std::string subjectRef{};
    Step lastStep = Step::Intent;
    WallTime updatedAt{};
};

/// What a step learned; fields left empty keep their earlier value. The `{}` let a caller name only what
/// it learned ({.channel = "wechat"}) without GCC warning about the rest.
struct StepDetails {
    std::optional<std::string> orderNo{};
    std::optional<std::string> paidOrderNo{};
    std::optional<std::string> channel{};
    std::optional<std::string> gatewayTransactionId{};
    std::optional<std::string> hospitalReference{};
    std::optional<std::int64_t> amountFen{};
    /// A short reason for people ("booking refused: slot full"); checked for personal data.
    std::string note{};
};

struct StepRow {
    std::string id;
    Step step = Step::Intent;
    WallTime at{};
    /// The details given with the step, as "key=value; ..." text for people.
    std::string details;
};

/// What the connection really runs with; the kiosk refuses money if it is not WAL and FULL.
struct StorageMode {
    std::string journalMode;
    int synchronous = 0;  ///< 2 is FULL.
};

/// `text` cut to what a step's note keeps (Journal::kMaxNoteBytes), on a UTF-8 character boundary.
std::string fitNote(std::string_view text);

/// The journal's and finance's word for a payment channel ("wechat", "alipay", "unionpay").
std::string channelWord(payment::PayChannel channel);

class Journal {
public:
    static constexpr std::size_t kMaxNoteBytes = 200;

    /// Opens (creating or migrating) the journal at `path`; steps are timed by the system clock.
    static Result<std::unique_ptr<Journal>> open(const std::string& path);
    /// As above, with steps timed by `clock` (which must outlive the journal).
    static Result<std::unique_ptr<Journal>> open(const std::string& path, const Clock& clock);

    /// Writes the Intent step: call before anything is attempted. An id already journaled is refused.
    Result<void> begin(const TransactionRecord& record);
    /// Appends `step` to transaction `id` and updates its state, in one SQLite transaction.
    Result<void> record(const std::string& id, Step step, const StepDetails& details);

    /// Transactions not in a final step, oldest first: what recovery must settle.
    Result<std::vector<TransactionRecord>> unfinished();
    Result<std::optional<TransactionRecord>> find(const std::string& id);
    /// Transactions started on `localDay` in the kiosk's time zone, oldest first.
    Result<std::vector<TransactionRecord>> on(CivilDate localDay);
    /// The steps of `id`, in the order they were written.
    Result<std::vector<StepRow>> history(const std::string& id);
    /// Deletes finished transactions last updated before `cutoff`, with their steps;
    /// unfinished ones are kept whatever their age. Returns how many were deleted.
    Result<int> purgeBefore(WallTime cutoff);

    Result<StorageMode> storageMode();

    /// Marks `id` as being worked on by someone in this process (a flow, or recovery);
    /// false if it already is. Recovery leaves claimed transactions alone.
    bool claim(const std::string& id);
    void release(const std::string& id);

    /// Called just before each step is written (written = false) and just after it is
    /// committed (written = true). The fault-injection tests kill the process from here
    /// to prove that recovery copes with a crash at every step; nothing else sets it.
    using FaultHook = std::function<void(const std::string& id, Step step, bool written)>;
    void setFaultHook(FaultHook hook);

private:
    void fault(const std::string& id, Step step, bool written) const;

    Journal(std::unique_ptr<storage::Database> db, const Clock& clock) : m_db(std::move(db)), m_clock(clock) {}

    std::unique_ptr<storage::Database> m_db;
    const Clock& m_clock;
    // Steps come from the UI thread and the worker; one connection, one writer at a time.
    std::mutex m_mutex;
    FaultHook m_faultHook;
    std::mutex m_claimsMutex;
    std::set<std::string> m_claims;
};

} // namespace kiosk::journal
