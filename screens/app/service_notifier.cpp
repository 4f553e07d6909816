#include "app/service_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <cstring>

namespace kiosk::screens {

namespace {

std::optional<std::chrono::microseconds> watchdogFromEnvironment()
{
    // Read by hand rather than with sd_watchdog_enabled(), which also wants
    // WATCHDOG_PID to be this process. Under cage it is not: systemd names
    // cage, the unit's main process, and the kiosk is cage's child. The unit's
    // NotifyAccess=all is what lets the child's pings count.
    const char* text = std::getenv("WATCHDOG_USEC");
    if (!text) return std::nullopt;
    long long usec = 0;
    auto [end, ec] = std::from_chars(text, text + std::strlen(text), usec);
    if (ec != std::errc{} || *end != '\0' || usec <= 0) return std::nullopt;
    return std::chrono::microseconds(usec);
}

} // namespace

ServiceNotifier ServiceNotifier::fromEnvironment()
{
    const char* socket = std::getenv("NOTIFY_SOCKET");
    bool active = socket && *socket;
    return ServiceNotifier(active, active ? watchdogFromEnvironment() : std::nullopt);
}

ServiceNotifier::ServiceNotifier(bool active, std::optional<std::chrono::microseconds> watchdog) : m_active(active)
{
    if (active && watchdog) m_interval = std::chrono::duration_cast<std::chrono::milliseconds>(*watchdog / 3);
}

void ServiceNotifier::send(const std::string& message)
{
    // Failures are not acted on: the watchdog notices a kiosk whose pings do
    // not arrive, whatever the reason.
    if (m_active) sd_notify(0, message.c_str());
}

void ServiceNotifier::firstFramePresented()
{
    if (m_ready) return;
    m_ready = true;
    send("READY=1");
}

void ServiceNotifier::status(std::string_view text)
{
    if (!m_active || text == m_status) return;
    m_status = text;
    send("STATUS=" + m_status);
}

void ServiceNotifier::loopTurned(TimePoint now)
{
    if (!m_active || !m_interval) return;
    if (m_lastPing && now - *m_lastPing < *m_interval) return;
    m_lastPing = now;
    send("WATCHDOG=1");
}

std::optional<std::chrono::milliseconds> ServiceNotifier::untilNextPing(TimePoint now) const
{
    if (!m_active || !m_interval) return std::nullopt;
    if (!m_lastPing) return std::chrono::milliseconds(0);
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(*m_lastPing + *m_interval - now);
    return std::max(std::chrono::milliseconds(0), left);
}

} // namespace kiosk::screens
