#pragma once
// The receipt printer as the kiosk sees it. Its status is read from the
// device itself before every print and after it, because spoolers and
// one-way links report success while the printer is out of paper; a print
// that did not complete says how far it got, never that it printed.
#include <cstddef>
#include <string>

#include "core/result.hpp"
#include "device/device_status.hpp"
#include "documents/receipt.hpp"

namespace kiosk {

struct PrintOutcome {
    bool printed = false;       ///< Every byte sent, and the printer reported no problem afterwards.
    std::size_t bytesSent = 0;  ///< How far the job got.
    std::size_t bytesTotal = 0;
    PrinterStatus statusBefore;
    PrinterStatus statusAfter;
    std::string error;          ///< Why it did not print, in words; empty when printed.
};

class ReceiptPrinter {
public:
    virtual ~ReceiptPrinter() = default;
    /// Asks the printer now (real-time status), not a cached value.
    virtual Result<PrinterStatus> queryStatus() = 0;
    /// Checks status, prints, checks status again.
    virtual PrintOutcome print(const ReceiptDocument& document) = 0;
    virtual std::string describe() const = 0;
};

} // namespace kiosk
