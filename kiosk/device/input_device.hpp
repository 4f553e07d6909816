#pragma once
// The lifecycle every input device shares, after UnifiedPOS: open (find the
// device and take it for this process) → enable (deliver data events to the
// EventQueue given at construction) → disable → closed on destruction.
#include <string>

#include "core/result.hpp"
#include "device/device_status.hpp"

namespace kiosk {

class InputDevice {
public:
    virtual ~InputDevice() = default;
    /// Finds the device and takes it for this process.
    virtual Result<void> open() = 0;
    /// Starts delivering events to the queue given at construction.
    virtual void enable() = 0;
    /// Stops delivering; no event is posted after this returns, and data read
    /// meanwhile is dropped rather than handed to whoever enables it next.
    virtual void disable() = 0;
    virtual DeviceState state() const = 0;
    /// A short human name for logs and the maintainer's device page.
    virtual std::string describe() const = 0;
    /// Why the device is in the Error state (the last transport error), for
    /// maintainers and the log; empty when nothing went wrong.
    virtual std::string lastError() const { return {}; }
};

} // namespace kiosk
