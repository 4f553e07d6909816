// The systemd notifier against a real datagram socket standing in for the
// service manager's: what it sends, when, and that it is silent without one.
#include <doctest/doctest.h>

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "app/service_notifier.hpp"

namespace {

using kiosk::screens::ServiceNotifier;
using namespace std::chrono_literals;

/// A bound AF_UNIX datagram socket named in NOTIFY_SOCKET while it lives.
class FakeServiceManager {
public:
    FakeServiceManager()
    {
        m_path = (std::filesystem::temp_directory_path() / ("kiosk-notify-" + std::to_string(getpid()))).string();
        std::filesystem::remove(m_path);
        m_fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        REQUIRE(m_fd >= 0);
        sockaddr_un addr{};
        addr.sun_family = AF_UNIX;
        m_path.copy(addr.sun_path, sizeof addr.sun_path - 1);
        REQUIRE(bind(m_fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
        setenv("NOTIFY_SOCKET", m_path.c_str(), 1);
    }
    ~FakeServiceManager()
    {
        unsetenv("NOTIFY_SOCKET");
        unsetenv("WATCHDOG_USEC");
        close(m_fd);
        std::filesystem::remove(m_path);
    }
    /// Every message sent since the last call, in order.
    std::vector<std::string> received()
    {
        std::vector<std::string> out;
        char buffer[4096];
        for (;;) {
            ssize_t n = recv(m_fd, buffer, sizeof buffer, 0);
            if (n < 0) break;
            out.emplace_back(buffer, static_cast<std::size_t>(n));
        }
        return out;
    }

private:
    std::string m_path;
    int m_fd = -1;
};

} // namespace

TEST_SUITE("systemd")
{
TEST_CASE("without NOTIFY_SOCKET the notifier is inactive and asks the loop for nothing")
{
    unsetenv("NOTIFY_SOCKET");
    setenv("WATCHDOG_USEC", "30000000", 1);
    ServiceNotifier notifier = ServiceNotifier::fromEnvironment();
    CHECK_FALSE(notifier.active());
    CHECK_FALSE(notifier.untilNextPing(std::chrono::steady_clock::now()).has_value());
    unsetenv("WATCHDOG_USEC");
}

TEST_CASE("READY=1 once after the first frame, STATUS only when it changes")
{
    FakeServiceManager manager;
    ServiceNotifier notifier = ServiceNotifier::fromEnvironment();
    REQUIRE(notifier.active());
    CHECK_FALSE(notifier.pingInterval().has_value());  // no WATCHDOG_USEC: no watchdog
    notifier.firstFramePresented();
    notifier.firstFramePresented();
    notifier.status("waiting: attract screen");
    notifier.status("waiting: attract screen");
    notifier.status("serving a patient: registration screen");
    notifier.loopTurned(std::chrono::steady_clock::now());  // no watchdog, no ping
    CHECK(manager.received() == std::vector<std::string>{"READY=1", "STATUS=waiting: attract screen",
                                                         "STATUS=serving a patient: registration screen"});
}

TEST_CASE("WATCHDOG=1 from the loop at a third of the limit, and never more often")
{
    FakeServiceManager manager;
    // systemd names cage, the unit's main process, in WATCHDOG_PID; the kiosk is its child and pings anyway.
    setenv("WATCHDOG_USEC", "30000000", 1);
    setenv("WATCHDOG_PID", "1", 1);
    ServiceNotifier notifier = ServiceNotifier::fromEnvironment();
    unsetenv("WATCHDOG_PID");
    REQUIRE(notifier.pingInterval() == std::chrono::milliseconds(10000));

    auto t0 = std::chrono::steady_clock::now();
    CHECK(notifier.untilNextPing(t0) == 0ms);  // the first turn pings at once
    notifier.loopTurned(t0);
    CHECK(notifier.untilNextPing(t0 + 4s) == 6000ms);
    for (auto t = t0; t < t0 + 10s; t += 250ms) notifier.loopTurned(t);  // a busy loop: still one ping
    CHECK(manager.received() == std::vector<std::string>{"WATCHDOG=1"});
    notifier.loopTurned(t0 + 10s);
    CHECK(manager.received() == std::vector<std::string>{"WATCHDOG=1"});
    // A loop that stopped turning is late: the sleep it is allowed is zero.
    CHECK(notifier.untilNextPing(t0 + 35s) == 0ms);
}

TEST_CASE("a watchdog limit that is not a positive number of microseconds is ignored")
{
    FakeServiceManager manager;
    for (const char* bad : {"", "0", "-5", "30s", "12abc"}) {
        setenv("WATCHDOG_USEC", bad, 1);
        CHECK_MESSAGE(!ServiceNotifier::fromEnvironment().pingInterval().has_value(), bad);
    }
    setenv("WATCHDOG_USEC", "600000", 1);
    CHECK(ServiceNotifier::fromEnvironment().pingInterval() == std::chrono::milliseconds(200));
}
}
