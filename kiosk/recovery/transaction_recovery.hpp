#pragma once
// Settles one unfinished transaction from the money journal without a
// patient present: after a crash or power cut, or when a flow handed over
// money it could not finish (the hospital or the channel stopped answering).
//
// It goes by the journal's last step and asks before it acts:
//   intent / order created → is either order (QR, payment code) paid at the
//       channel? Paid: go on as paid. Not paid: close both; nothing was taken.
//   paid → was it booked or settled with the transaction's key? If not,
//       book or settle now with the same key (exactly once); if the hospital
//       refuses for good (place gone, hold expired), refund.
//   booked / settled → the slip or receipt did not come out: recorded as
//       not printed, for the patient to reprint with the transaction number.
//   refunding / refund failed → ask for the refund again (same refund number).
// Anything that does not answer is left for the next round. A transaction
// still unsettled after kGiveUpAfter goes to staff.
#include <chrono>
#include <string>

#include "core/clock.hpp"
#include "hospital/hospital_backend.hpp"
#include "journal/journal.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk::recovery {

enum class RecoveryOutcome {
    Finished,  ///< In a final step now.
    Waiting,   ///< Someone did not answer; try again later.
    Skipped,   ///< A flow in this process is still working on it.
    Failed,    ///< The journal could not be read or written.
    Moved,     ///< Internal: a step was recorded and the next may follow; settle() never returns it.
};

struct RecoveryResult {
    RecoveryOutcome outcome = RecoveryOutcome::Failed;
    /// What was done or why it waits, for the log and the maintainer's status page (no personal data).
    std::string summary;
};

class TransactionRecovery {
public:
    static constexpr auto kGiveUpAfter = std::chrono::hours(24);

    TransactionRecovery(journal::Journal& journal, payment::PaymentGateway& gateway,
                        hospital::HospitalBackend& hospital, const Clock& clock)
        : m_journal(journal), m_gateway(gateway), m_hospital(hospital), m_clock(clock)
    {
    }

    /// Takes `id` as far as it can go now. Claims it in the journal while working.
    RecoveryResult settle(const std::string& id);

private:
    RecoveryResult settleClaimed(const std::string& id);
    RecoveryResult findPayment(const journal::TransactionRecord& r);
    RecoveryResult complete(const journal::TransactionRecord& r);
    RecoveryResult refund(const journal::TransactionRecord& r, const std::string& why);
    RecoveryResult record(const journal::TransactionRecord& r, journal::Step step,
                          const journal::StepDetails& details);
    void releaseHold(const journal::TransactionRecord& r);

    journal::Journal& m_journal;
    payment::PaymentGateway& m_gateway;
    hospital::HospitalBackend& m_hospital;
    const Clock& m_clock;
};

} // namespace kiosk::recovery
