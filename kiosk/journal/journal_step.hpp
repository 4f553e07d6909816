#pragma once
// The steps of a money transaction as the journal records them, and which
// step may follow which. The rules are strict on purpose: a step recorded out
// of order means the flow lost track of the money, and recovery must not
// build on a history that cannot have happened.
#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace kiosk::journal {

enum class TransactionKind { Registration, Bills };

enum class Step {
    Intent,        ///< About to start: nothing attempted yet.
    OrderCreated,  ///< An order is open at the channel (the QR order, or the payment-code order).
    Paid,          ///< The channel says the money was taken.
    Booked,        ///< Registration: the hospital booked the appointment.
    Settled,       ///< Bills: the hospital settled the orders.
    Printed,       ///< The slip or receipt came out.
    PrintFailed,   ///< Booked or settled, but the paper did not come out: the service was given.
    Declined,      ///< The channel refused or could not take the money; nothing taken.
    Closed,        ///< The order was closed unpaid (deadline or the patient gave up); nothing taken.
    Refunding,     ///< The service could not be given: the money is being returned.
    Refunded,      ///< The channel confirmed the refund.
    RefundFailed,  ///< The refund was refused or unanswered; to be retried.
    NeedsStaff,    ///< Only a person can settle this one; the kiosk stops trying.
};

std::string_view kindName(TransactionKind kind);
std::optional<TransactionKind> parseKind(std::string_view name);
std::string_view stepName(Step step);
std::optional<Step> parseStep(std::string_view name);

/// A transaction in a final step needs nothing more from the kiosk.
bool isFinal(Step step);

/// Whether `to` may follow `from` in a transaction of `kind`; the error names both steps.
Result<void> checkTransition(TransactionKind kind, Step from, Step to);

} // namespace kiosk::journal
