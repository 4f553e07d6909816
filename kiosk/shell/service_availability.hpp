#pragma once
// Which services can be offered right now, from what they need: money-taking
// services need a receipt printer that can print (no slip, no payment), report
// printing needs the A4 printer, and everything but price lookup needs the
// hospital's system (prices come from the last synced catalogue). A service
// that cannot be given is switched off on the home screens with the reason,
// and comes back by itself when what it needs returns.
#include <string_view>

#include "device/device_report.hpp"
#include "shell/service_kind.hpp"

namespace kiosk {

enum class PauseReason { None, Hospital, ReceiptPrinter, A4Printer };

PauseReason pauseReason(ServiceKind kind, const DeviceReport& receiptPrinter, const DeviceReport& a4Printer,
                        bool hospitalReachable);

/// The catalog key saying why services are paused ("pause.hospital", ...); empty for None.
std::string_view pauseReasonKey(PauseReason reason);

} // namespace kiosk
