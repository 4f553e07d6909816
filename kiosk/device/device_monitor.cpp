#include "device/device_monitor.hpp"

#include <algorithm>

namespace kiosk {

namespace {
std::size_t indexOf(DeviceRole role) { return static_cast<std::size_t>(role); }

DeviceReport notConfigured(DeviceRole role)
{
    return DeviceReport{role, DeviceHealth::Missing, DeviceProblem::NotConfigured, "no device configured for this role"};
}
} // namespace

DeviceMonitor::DeviceMonitor(EventQueue& events) : m_events(events) {}

DeviceMonitor::~DeviceMonitor() { stop(); }

void DeviceMonitor::watch(DeviceRole role, Probe probe, std::chrono::milliseconds interval)
{
    m_watched[indexOf(role)] = Watched{std::move(probe), interval, {}};
}

void DeviceMonitor::start()
{
    if (m_thread.joinable()) return;
    m_thread = std::thread([this] { run(); });
}

void DeviceMonitor::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void DeviceMonitor::poke()
{
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
}

DeviceReport DeviceMonitor::latest(DeviceRole role) const
{
    std::lock_guard lock(m_mutex);
    const auto& report = m_latest[indexOf(role)];
    return report ? *report : DeviceReport{role, DeviceHealth::Unknown, DeviceProblem::None, "not probed yet"};
}

void DeviceMonitor::publish(DeviceReport report)
{
    {
        std::lock_guard lock(m_mutex);
        auto& last = m_latest[indexOf(report.role)];
        if (last && *last == report) return;
        last = report;
    }
    m_events.post(DeviceChanged{std::move(report)});
}

void DeviceMonitor::probeAll()
{
    std::lock_guard probing(m_probeMutex);
    auto now = std::chrono::steady_clock::now();
    for (DeviceRole role : kAllDeviceRoles) {
        auto& watched = m_watched[indexOf(role)];
        if (!watched) {
            publish(notConfigured(role));
            continue;
        }
        publish(watched->probe());
        watched->due = now + watched->interval;
    }
}

void DeviceMonitor::run()
{
    probeAll();
    while (true) {
        auto next = std::chrono::steady_clock::now() + std::chrono::hours(1);
        {
            std::lock_guard probing(m_probeMutex);
            for (const auto& watched : m_watched)
                if (watched) next = std::min(next, watched->due);
        }
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait_until(lock, next, [this] { return m_stop || m_poked; });
            if (m_stop) return;
            if (m_poked) {
                m_poked = false;
                lock.unlock();
                probeAll();
                continue;
            }
        }
        std::lock_guard probing(m_probeMutex);
        auto now = std::chrono::steady_clock::now();
        for (DeviceRole role : kAllDeviceRoles) {
            auto& watched = m_watched[indexOf(role)];
            if (!watched || now < watched->due) continue;
            // The probe may take a while (a printer's status reply); the
            // next one is timed from its end, so a slow device is not asked back to back.
            DeviceReport report = watched->probe();
            watched->due = std::chrono::steady_clock::now() + watched->interval;
            publish(std::move(report));
        }
    }
}

} // namespace kiosk
