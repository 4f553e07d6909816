#pragma once
// The daily reconciliation: the journal's transactions of a day compared with
// the payment channel's statement of that day and with the hospital's own
// records, every disagreement listed with a sentence finance or staff can act
// on. The journal, the channel and the hospital each saw part of every
// payment; when a crash, a lost answer or a bug makes them disagree, this is
// where it shows, and the patient's money is found before they come asking.
//
// A channel or hospital that does not answer is said so, and what could not be
// compared is left out: a day is only clean when everything was looked at.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.hpp"
#include "core/result.hpp"
#include "hospital/hospital_backend.hpp"
#include "journal/journal.hpp"
#include "payment/payment_gateway.hpp"

namespace kiosk::journal {

enum class MismatchKind {
    ChannelPaymentNotJournaled,  ///< The channel took money on an order that belongs to no journal transaction.
    ChannelPaymentMissing,       ///< The journal says paid; the channel has no payment on that order.
    AmountDiffers,               ///< The journal and the channel both have the payment, for different amounts.
    PaidButJournalNotPaid,       ///< The channel took the money; the journal says closed, declined or not yet paid.
    SecondPayment,               ///< A second order of the same transaction was paid at the channel.
    NotAtHospital,               ///< The journal says booked or settled; the hospital has no such booking or invoice.
    HospitalNotJournaled,        ///< The hospital booked or settled it; the journal never got that far.
    HospitalAmountDiffers,       ///< The hospital's invoice is for another amount than the journal's payment.
    RefundNotAtChannel,          ///< The journal says refunded; the channel has not refunded the order.
    RefundNotJournaled,          ///< The channel refunded the order; the journal never recorded the refund.
    Unfinished,                  ///< Paid, but neither booked or settled nor refunded.
};

/// A short stable name ("channel-payment-not-journaled") for output that scripts read.
std::string_view mismatchKindName(MismatchKind kind);

struct Mismatch {
    MismatchKind kind = MismatchKind::Unfinished;
    /// The journal's transaction id; for an order no transaction claims, the id its number points to.
    std::string transactionId;
    /// The channel's order concerned, if one is.
    std::string orderNo;
    /// One sentence for finance or staff: what each side says and what that means for the money.
    std::string text;
};

/// A journal transaction with every step it went through (a final NeedsStaff hides whether it was paid).
struct JournalEntry {
    TransactionRecord record;
    std::vector<Step> steps;
};

struct ReconcileInput {
    CivilDate day;
    /// The journal's transactions started on `day`.
    std::vector<JournalEntry> transactions;
    /// Looks up a transaction started on another day: an order opened just before midnight belongs to the
    /// journal's previous day but may be on the channel's statement of this one. Empty: no such lookup.
    std::function<Result<std::optional<JournalEntry>>(const std::string& id)> findElsewhere;
};

struct Reconciliation {
    std::vector<Mismatch> mismatches;
    /// What could not be compared and why (the channel or the hospital did not answer). Not mismatches.
    std::vector<std::string> unchecked;
    int transactions = 0;   ///< Journal transactions compared (the day's, and others the statement pointed to).
    int channelOrders = 0;  ///< Lines on the channel's statement.
    bool complete() const { return unchecked.empty(); }
};

/// The journal transaction an order number belongs to: the number itself, or without the "C" that marks
/// a payment-code order.
std::string transactionIdOfOrder(const std::string& orderNo);

/// Compares the day's journal with the channel's statement (`gateway.dailyStatement`, and `query` for a paid
/// order the statement does not list) and with the hospital (`appointmentByKey(id + "-B")` for a registration,
/// `invoiceByKey(id + "-S")` for bills). Reads only; changes nothing anywhere.
Reconciliation reconcile(const ReconcileInput& input, payment::PaymentGateway& gateway,
                         hospital::HospitalBackend& hospital);

/// Reads the day's transactions and their steps from `journal` and reconciles them.
Result<Reconciliation> reconcileDay(Journal& journal, CivilDate day, payment::PaymentGateway& gateway,
                                    hospital::HospitalBackend& hospital);

} // namespace kiosk::journal
