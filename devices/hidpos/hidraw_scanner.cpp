#include "hidpos/hidraw_scanner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "hidpos/hid_pos_report.hpp"

namespace kiosk::devices::hidpos {

namespace {
constexpr int kPollMs = 200;  // how often the thread looks at its stop flag
constexpr auto kReopenEvery = std::chrono::milliseconds(500);
} // namespace

HidrawScanner::HidrawScanner(EventQueue& events, std::string devicePath)
    : m_events(events), m_path(std::move(devicePath))
{
}

HidrawScanner::~HidrawScanner()
{
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

Result<void> HidrawScanner::open()
{
    if (m_thread.joinable()) return {};
    m_state = DeviceState::Idle;
    m_thread = std::thread([this] { run(); });
    return {};
}

void HidrawScanner::enable()
{
    std::lock_guard lock(m_deliveryMutex);
    m_enabled = true;
}

void HidrawScanner::disable()
{
    std::lock_guard lock(m_deliveryMutex);  // no scan is posted after this returns
    m_enabled = false;
}

std::string HidrawScanner::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

void HidrawScanner::setError(std::string message)
{
    std::lock_guard lock(m_errorMutex);
    m_lastError = std::move(message);
    m_state = DeviceState::Error;
}

void HidrawScanner::run()
{
    ScanAssembler assembler;
    int fd = -1;
    while (!m_stop) {
        if (fd < 0) {
            fd = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
            if (fd < 0) {
                setError("cannot open " + m_path + ": " + std::strerror(errno));
                std::this_thread::sleep_for(kReopenEvery);
                continue;
            }
            m_state = DeviceState::Idle;
            assembler.reset();
        }
        pollfd p{fd, POLLIN, 0};
        int ready = ::poll(&p, 1, kPollMs);
        if (ready == 0) continue;
        std::uint8_t report[kReportSize];
        ssize_t n = ready > 0 ? ::read(fd, report, sizeof report) : -1;
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n <= 0 || (p.revents & (POLLERR | POLLHUP))) {
            // Unplugged: the node is gone or dead. Open it again when it is back.
            setError(m_path + " went away" + (n < 0 ? std::string(": ") + std::strerror(errno) : std::string()));
            ::close(fd);
            fd = -1;
            continue;
        }
        AssemblerOutput out = assembler.feed(std::span<const std::uint8_t>(report, static_cast<std::size_t>(n)),
                                             ScanAssembler::Clock::now());
        if (out.problem) {
            // A malformed report is the scanner's fault, not a lost device: note it and carry on.
            setError(out.problem->message);
            m_state = DeviceState::Idle;
        }
        if (!out.scan) continue;
        std::lock_guard lock(m_deliveryMutex);
        if (!m_enabled) continue;
        ++m_scans;
        m_events.post(CodeScanned{std::move(out.scan->bytes)});
    }
    if (fd >= 0) ::close(fd);
}

} // namespace kiosk::devices::hidpos
