#pragma once
// Watches the kiosk's devices on one thread and posts DeviceChanged to the
// EventQueue whenever a device's report changes, so that screens show a
// missing reader or an empty paper roll without ever touching hardware. Each
// role has a probe (reading an adapter's state, or asking a printer for its
// real-time status while it is idle) and an interval; poke() runs every
// probe at once, for when the USB bus changed.
#include <array>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "core/event_queue.hpp"
#include "device/device_report.hpp"

namespace kiosk {

class DeviceMonitor {
public:
    using Probe = std::function<DeviceReport()>;

    explicit DeviceMonitor(EventQueue& events);
    ~DeviceMonitor();
    DeviceMonitor(const DeviceMonitor&) = delete;
    DeviceMonitor& operator=(const DeviceMonitor&) = delete;

    /// Sets the probe for a role (before start()). A role without one is reported as not configured.
    void watch(DeviceRole role, Probe probe, std::chrono::milliseconds interval);
    /// Posts the first report of every role, then probes each when its interval is up.
    void start();
    void stop();
    /// Probes every role now (a device came or went), from the monitor's thread.
    void poke();
    /// Probes every role on the caller's thread and posts what changed; for tests and start-up.
    void probeAll();
    /// The last report published for a role.
    DeviceReport latest(DeviceRole role) const;

private:
    struct Watched {
        Probe probe;
        std::chrono::milliseconds interval{1000};
        std::chrono::steady_clock::time_point due{};
    };
    void run();
    void publish(DeviceReport report);

    EventQueue& m_events;
    std::array<std::optional<Watched>, kAllDeviceRoles.size()> m_watched;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    bool m_poked = false;
    std::array<std::optional<DeviceReport>, kAllDeviceRoles.size()> m_latest;  ///< Guarded by m_mutex.
    std::mutex m_probeMutex;  ///< One probe round at a time (the thread, or probeAll()).
    std::thread m_thread;
};

} // namespace kiosk
