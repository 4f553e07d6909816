#pragma once
// The QR / barcode scanner as the rest of the kiosk sees it, after UnifiedPOS
// (Scanner device class): open → enable, then every code read arrives on the
// EventQueue as CodeScanned with the raw, untrusted text; classifying it is
// the flow's job (scan/scan_classifier.hpp). The HID POS and keyboard-wedge
// adapters and the simulator all implement this.
#include <string>

#include "core/result.hpp"
#include "device/device_status.hpp"

namespace kiosk {

class Scanner {
public:
    virtual ~Scanner() = default;
    /// Finds the device and takes it for this process (a keyboard-mode scanner is grabbed exclusively, so
    /// that its keys never reach the UI).
    virtual Result<void> open() = 0;
    /// Starts delivering codes as CodeScanned events to the queue given at construction.
    virtual void enable() = 0;
    /// Stops delivering; no CodeScanned is posted after this returns, and codes read meanwhile are dropped
    /// rather than delivered later to whoever enables the scanner next.
    virtual void disable() = 0;
    virtual DeviceState state() const = 0;
    /// A short human name for logs and the maintainer's device page.
    virtual std::string describe() const = 0;
};

} // namespace kiosk
