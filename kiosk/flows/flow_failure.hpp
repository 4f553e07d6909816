#pragma once
// How a service ended when it did not end well, as data the error screen
// words for the patient: what happened, whether money was taken and whether
// it is on its way back. `detail` is for staff and the log only.
#include <string>
#include <string_view>

namespace kiosk::flows {

enum class FailureKind {
    None,
    BackendUnreachable,  ///< The hospital system did not answer.
    NoPatientRecord,     ///< The patient could not be found or registered.
    SlotFull,            ///< Someone else took the last place.
    HoldExpired,         ///< The held place ran out before the booking.
    LimitReached,        ///< The patient has the per-day number of registrations already.
    PrinterNotReady,     ///< Checked before paying: the slip could not be printed.
    PaymentDeclined,
    PaymentTimedOut,
    PaymentUnavailable,  ///< The payment channel did not answer; nothing was taken.
    PaymentUncertain,    ///< The channel stopped answering mid-payment: staff and the journal settle it.
    NothingSelected,
    AmountChanged,       ///< The bill changed while the patient was paying.
    ReportNotFound,      ///< A scanned report code the hospital does not know.
    CompletingLater,     ///< Paid, but the hospital did not answer: the kiosk books or settles when it is back, or refunds.
    RecordsUnavailable,  ///< The money journal could not be written: no money is taken without a record.
    Other,
};

struct FlowFailure {
    FailureKind kind = FailureKind::None;
    bool moneyTaken = false;
    bool refunded = false;  ///< The refund was accepted by the channel.
    std::string detail;
};

/// The catalog key of the sentence telling the patient what happened ("failure.slot_full").
std::string_view failureKey(FailureKind kind);

} // namespace kiosk::flows
