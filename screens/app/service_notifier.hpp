#pragma once
// Tells systemd how the kiosk is doing, through sd_notify: READY=1 once the
// first frame is on screen, WATCHDOG=1 from the frame loop while it keeps
// turning, STATUS= with what is on screen. The pings come from the loop
// itself and never from a thread of their own, so a loop stuck in a draw, a
// lock or a device call stops them and systemd restarts the kiosk.
//
// Without NOTIFY_SOCKET (a kiosk started by hand, a scenario, a test) every
// call does nothing.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::screens {

class ServiceNotifier {
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    /// Reads NOTIFY_SOCKET and WATCHDOG_USEC from the environment.
    static ServiceNotifier fromEnvironment();
    /// `watchdog`: systemd's WatchdogSec=, or nullopt when the unit has none.
    ServiceNotifier(bool active, std::optional<std::chrono::microseconds> watchdog);

    bool active() const { return m_active; }
    /// How often the loop pings: a third of the watchdog's limit, so that
    /// one late turn of the loop is not yet a missed ping.
    std::optional<std::chrono::milliseconds> pingInterval() const { return m_interval; }

    /// After the first frame was presented; sends READY=1 once.
    void firstFramePresented();
    /// A short state for `systemctl status`; sent only when it changes.
    void status(std::string_view text);
    /// Called on every turn of the frame loop; sends WATCHDOG=1 when a ping is due.
    void loopTurned(TimePoint now);
    /// How long the loop may sleep and still ping in time; nullopt without a watchdog.
    std::optional<std::chrono::milliseconds> untilNextPing(TimePoint now) const;

private:
    void send(const std::string& message);

    bool m_active = false;
    std::optional<std::chrono::milliseconds> m_interval;
    bool m_ready = false;
    std::optional<TimePoint> m_lastPing;
    std::string m_status;
};

} // namespace kiosk::screens
