#pragma once
// One libusb context for the process with one thread handling its events
// (libusb's own rule: one poller). Hotplug callbacks, where the platform has
// them, and a once-a-second rescan, where it does not or an event was
// missed, only call the change handler, which must just enqueue work: no
// device is ever opened from libusb's event thread.
#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "core/result.hpp"
#include "usb/usb_device_info.hpp"

struct libusb_context;

namespace kiosk::devices::usb {

class UsbContext {
public:
    static Result<std::unique_ptr<UsbContext>> create();
    ~UsbContext();
    UsbContext(const UsbContext&) = delete;
    UsbContext& operator=(const UsbContext&) = delete;

    /// Every device on the bus with its descriptors (devices whose
    /// descriptors cannot be read are skipped).
    std::vector<UsbDeviceInfo> enumerate();

    /// Starts watching the bus; `onChange` runs on the event thread whenever
    /// the set of devices may have changed. Call once.
    void watch(std::function<void()> onChange, std::chrono::milliseconds pollInterval = std::chrono::seconds(1));

    bool hasHotplug() const { return m_hasHotplug; }
    libusb_context* raw() const { return m_context; }

private:
    explicit UsbContext(libusb_context* context);
    void run();
    std::vector<std::pair<int, int>> snapshot();

    libusb_context* m_context;
    bool m_hasHotplug = false;
    int m_hotplugHandle = 0;
    std::atomic<bool> m_stop{false};
    std::function<void()> m_onChange;
    std::chrono::milliseconds m_pollInterval{1000};
    std::thread m_thread;

public:
    /// For the hotplug callback only.
    void notifyChange()
    {
        if (m_onChange) m_onChange();
    }
};

} // namespace kiosk::devices::usb
