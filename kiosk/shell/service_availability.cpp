#include "shell/service_availability.hpp"

namespace kiosk {

PauseReason pauseReason(ServiceKind kind, const DeviceReport& receiptPrinter, const DeviceReport& a4Printer,
                        bool hospitalReachable)
{
    switch (kind) {
    // Both answer from what the kiosk keeps: the last synced catalogue, its own journal.
    case ServiceKind::Prices:
    case ServiceKind::TransactionLookup: return PauseReason::None;
    case ServiceKind::Registration:
    case ServiceKind::Bills:
        if (receiptPrinter.down()) return PauseReason::ReceiptPrinter;
        break;
    case ServiceKind::Reports:
        if (a4Printer.down()) return PauseReason::A4Printer;
        break;
    case ServiceKind::CheckIn: break;
    }
    return hospitalReachable ? PauseReason::None : PauseReason::Hospital;
}

std::string_view pauseReasonKey(PauseReason reason)
{
    switch (reason) {
    case PauseReason::None: return {};
    case PauseReason::Hospital: return "pause.hospital";
    case PauseReason::ReceiptPrinter: return "pause.receipt_printer";
    case PauseReason::A4Printer: return "pause.a4_printer";
    }
    return {};
}

} // namespace kiosk
