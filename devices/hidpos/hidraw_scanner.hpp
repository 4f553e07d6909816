#pragma once
// A USB HID POS scanner read from its hidraw node: 64-byte input reports are
// put together into whole codes (a long QR spans several reports) and posted
// as CodeScanned. A scanner that disappears is opened again when its node
// returns; meanwhile the adapter is in the Error state.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>

#include "core/event_queue.hpp"
#include "device/scanner.hpp"

namespace kiosk::devices::hidpos {

class HidrawScanner final : public Scanner {
public:
    HidrawScanner(EventQueue& events, std::string devicePath);
    ~HidrawScanner() override;

    Result<void> open() override;
    void enable() override;
    void disable() override;
    DeviceState state() const override { return m_state.load(); }
    std::string describe() const override { return "HID POS scanner at " + m_path; }
    std::string lastError() const override;
    std::uint64_t scans() const { return m_scans.load(); }

private:
    void run();
    void setError(std::string message);

    EventQueue& m_events;
    std::string m_path;
    std::atomic<DeviceState> m_state{DeviceState::Closed};
    std::atomic<bool> m_stop{false};
    bool m_enabled = false;  ///< Guarded by m_deliveryMutex.
    std::mutex m_deliveryMutex;
    mutable std::mutex m_errorMutex;
    std::string m_lastError;
    std::atomic<std::uint64_t> m_scans{0};
    std::thread m_thread;
};

} // namespace kiosk::devices::hidpos
