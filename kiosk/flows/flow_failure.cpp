#include "flows/flow_failure.hpp"

namespace kiosk::flows {

std::string_view failureKey(FailureKind kind)
{
    switch (kind) {
    case FailureKind::None: return "failure.cancelled";
    case FailureKind::BackendUnreachable: return "failure.backend_unreachable";
    case FailureKind::NoPatientRecord: return "failure.no_patient_record";
    case FailureKind::SlotFull: return "failure.slot_full";
    case FailureKind::HoldExpired: return "failure.hold_expired";
    case FailureKind::LimitReached: return "failure.limit_reached";
    case FailureKind::PrinterNotReady: return "failure.printer_not_ready";
    case FailureKind::PaymentDeclined: return "failure.payment_declined";
    case FailureKind::PaymentTimedOut: return "failure.payment_timed_out";
    case FailureKind::PaymentUnavailable: return "failure.payment_unavailable";
    case FailureKind::PaymentUncertain: return "failure.payment_uncertain";
    case FailureKind::NothingSelected: return "failure.nothing_selected";
    case FailureKind::AmountChanged: return "failure.amount_changed";
    case FailureKind::ReportNotFound: return "failure.report_not_found";
    case FailureKind::CompletingLater: return "failure.completing_later";
    case FailureKind::RecordsUnavailable: return "failure.records_unavailable";
    case FailureKind::Other: return "failure.other";
    }
    return "failure.other";
}

} // namespace kiosk::flows
