#pragma once
// The ID-card reader as the rest of the kiosk sees it, after UnifiedPOS:
// open → claim → enable, then card events arrive on the EventQueue
// (CardInserted, CardRemoved, CardReadFailed). The protocol adapter and the
// simulator both implement this.
#include <string>

#include "core/result.hpp"
#include "device/device_status.hpp"

namespace kiosk {

class IdCardReader {
public:
    virtual ~IdCardReader() = default;
    /// Finds the device and takes it for this process.
    virtual Result<void> open() = 0;
    /// Starts watching for cards; events go to the queue given at construction.
    virtual void enable() = 0;
    /// Stops watching; no more events after this returns.
    virtual void disable() = 0;
    virtual DeviceState state() const = 0;
    /// A short human name for logs and the maintainer's device page.
    virtual std::string describe() const = 0;
};

} // namespace kiosk
