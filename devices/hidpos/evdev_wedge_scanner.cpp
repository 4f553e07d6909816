#include "hidpos/evdev_wedge_scanner.hpp"

#include <fcntl.h>
#include <linux/input.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>

#include "hidpos/keyboard_wedge.hpp"

namespace kiosk::devices::hidpos {

namespace {

// Short, so that a scan cut off before its Enter is reported soon, and the destructor's stop noticed quickly.
constexpr int kPollMs = 50;
constexpr auto kRetryEvery = std::chrono::milliseconds(500);
constexpr auto kStopCheckEvery = std::chrono::milliseconds(50);
// How long past the wedge's gap a scan waits for its Enter before it is reported dropped: room for an event that
// evdev has stamped but this thread has not read yet, which its stamp may show to be in time.
constexpr auto kReadSlack = std::chrono::milliseconds(250);
// A scanner types a long QR code as a few hundred events; take them in big bites. evdev hands out whole events.
constexpr std::size_t kEventsPerRead = 64;

std::string errnoText(int error) { return std::strerror(error); }

using Clock = KeyboardWedge::Clock;

/// The time evdev stamped on the event when the key moved, as a time on the wedge's clock. It is that clock
/// once EVIOCSCLOCKID has been accepted; otherwise only differences between events mean anything.
Clock::time_point eventTime(const input_event& e)
{
    return Clock::time_point(std::chrono::duration_cast<Clock::duration>(
        std::chrono::seconds(e.input_event_sec) + std::chrono::microseconds(e.input_event_usec)));
}

} // namespace

/// What the reading thread knows of the scan under way.
struct EvdevWedgeScanner::Reading {
    KeyboardWedge wedge;
    /// Part of the scan under way was read while disabled, so it is not delivered.
    bool heardWhileDisabled = false;
    /// The kernel dropped events (SYN_DROPPED): whatever the wedge completes next is missing keys.
    bool lostEvents = false;
    /// After SYN_DROPPED, the rest of the packet it cut into is skipped, as evdev's documentation says.
    bool skipToReport = false;
    /// The newest key event's own time, and when it was read: "now" on the events' clock is the one plus the
    /// time since the other.
    Clock::time_point lastEventAt{};
    Clock::time_point lastReadAt{};

    Clock::time_point eventClockNow() const { return lastEventAt + (Clock::now() - lastReadAt); }
    void reset()
    {
        // Keys from before the unplug never complete a scan with keys from after it.
        wedge.reset();
        heardWhileDisabled = lostEvents = skipToReport = false;
    }
    /// No key read for longer than the wedge's gap (and the slack for events not read yet).
    bool quiet() const { return Clock::now() - lastReadAt > KeyboardWedge::kDefaultMaxGap + kReadSlack; }
    /// Called when no event came for a while: with nothing pending the scan under way is over, and once it is
    /// quiet, whatever comes next is a new one.
    void settle()
    {
        if (wedge.pending()) return;
        heardWhileDisabled = false;
        if (quiet()) lostEvents = false;
    }
};

EvdevWedgeScanner::EvdevWedgeScanner(EventQueue& events, std::string devicePath)
    : m_events(events), m_path(std::move(devicePath))
{
}

EvdevWedgeScanner::~EvdevWedgeScanner()
{
    m_stop = true;
    if (m_thread.joinable()) m_thread.join();
}

Result<void> EvdevWedgeScanner::open()
{
    if (m_thread.joinable()) return {};
    Result<int> fd = take();
    if (fd)
        m_state = DeviceState::Idle;
    else
        setError(fd.error().message);
    m_thread = std::thread([this, first = fd.value_or(-1)] { run(first); });
    if (!fd) return std::unexpected(fd.error());
    return {};
}

void EvdevWedgeScanner::enable()
{
    std::lock_guard lock(m_deliveryMutex);
    m_enabled = true;
}

void EvdevWedgeScanner::disable()
{
    std::lock_guard lock(m_deliveryMutex);  // no scan is posted after this returns
    m_enabled = false;
}

bool EvdevWedgeScanner::enabled()
{
    std::lock_guard lock(m_deliveryMutex);
    return m_enabled;
}

std::string EvdevWedgeScanner::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

void EvdevWedgeScanner::setError(std::string message)
{
    std::lock_guard lock(m_errorMutex);
    m_lastError = std::move(message);
    m_state = DeviceState::Error;
}

void EvdevWedgeScanner::noteProblem(std::string message)
{
    std::lock_guard lock(m_errorMutex);
    m_lastError = std::move(message);
}

Result<int> EvdevWedgeScanner::take() const
{
    int fd = ::open(m_path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return fail("cannot open " + m_path + ": " + errnoText(errno));
    // Stamps on the monotonic clock, so that a wall-clock step in the middle of a scan does not look like a pause
    // in it. Where this is refused, the wall clock's stamps serve: the wedge measures between events.
    int clock = CLOCK_MONOTONIC;
    ::ioctl(fd, EVIOCSCLOCKID, &clock);
    if (::ioctl(fd, EVIOCGRAB, 1) != 0) {
        // Without the grab the scanner's keys would also be typed into whatever has the keyboard focus, and a
        // process that holds the grab gets every key alone: either way, reading here would be wrong.
        int error = errno;
        ::close(fd);
        if (error == EBUSY)
            return fail("cannot grab " + m_path + ": another process holds it (EVIOCGRAB: " + errnoText(error) + ")");
        return fail("cannot grab " + m_path + " (is it an evdev node?): EVIOCGRAB: " + errnoText(error));
    }
    return fd;
}

void EvdevWedgeScanner::release(int fd) const
{
    // Fails harmlessly on a node that has gone; closing would release the grab too, but say what is meant.
    ::ioctl(fd, EVIOCGRAB, 0);
    ::close(fd);
}

void EvdevWedgeScanner::run(int fd)
{
    Reading reading;
    while (!m_stop) {
        if (fd < 0) {
            for (auto waited = std::chrono::milliseconds(0); waited < kRetryEvery && !m_stop; waited += kStopCheckEvery)
                std::this_thread::sleep_for(kStopCheckEvery);
            if (m_stop) break;
            Result<int> taken = take();
            if (!taken) {
                setError(taken.error().message);
                continue;
            }
            fd = *taken;
            m_state = DeviceState::Idle;
        }
        if (pump(fd, reading)) continue;
        release(fd);
        fd = -1;
        reading.reset();
    }
    if (fd >= 0) release(fd);
}

bool EvdevWedgeScanner::pump(int fd, Reading& reading)
{
    pollfd p{fd, POLLIN, 0};
    int ready = ::poll(&p, 1, kPollMs);
    if (ready < 0 && errno != EINTR) {
        setError("poll on " + m_path + " failed: " + errnoText(errno));
        return false;
    }
    if (ready <= 0) {
        // The stamps decide where a scan ends (the wedge compares them as each key comes); this only reports a
        // scan whose Enter never came, so it may as well wait a little.
        if (reading.quiet())
            if (std::optional<Error> dropped = reading.wedge.expire(reading.eventClockNow()))
                noteProblem(dropped->message);
        reading.settle();
        return true;
    }

    input_event events[kEventsPerRead];
    ssize_t n = ::read(fd, events, sizeof events);
    int error = errno;
    bool hungUp = (p.revents & (POLLERR | POLLHUP | POLLNVAL)) != 0;
    if (n < 0 && (error == EAGAIN || error == EINTR) && !hungUp) return true;
    if (n <= 0) {
        // Unplugged: evdev answers ENODEV, and poll POLLHUP/POLLERR, once the device has gone.
        setError(m_path + " went away: " + (n < 0 ? errnoText(error) : std::string("end of file")));
        return false;
    }

    Clock::time_point readAt = Clock::now();
    bool enabledNow = enabled();
    std::size_t count = static_cast<std::size_t>(n) / sizeof(input_event);
    for (std::size_t i = 0; i < count; ++i) {
        const input_event& e = events[i];
        if (e.type == EV_SYN && e.code == SYN_DROPPED) {
            // This reader fell behind and the kernel's queue for it overflowed: keys are missing, and the Shift
            // state may be stale. Whatever the wedge completes next is not delivered.
            reading.wedge.reset();
            reading.lostEvents = reading.skipToReport = true;
            noteProblem("events from " + m_path + " were lost (read too late); the scan under way is dropped");
            continue;
        }
        if (reading.skipToReport) {
            reading.skipToReport = !(e.type == EV_SYN && e.code == SYN_REPORT);
            continue;
        }
        if (e.type != EV_KEY) continue;  // EV_SYN, EV_MSC scan codes: nothing a code is made of
        // The event's own time, not the time it was read: a reader held up for a moment must not see a pause
        // inside a scan, nor miss one between a cut-off scan and the next.
        reading.lastEventAt = eventTime(e);
        reading.lastReadAt = readAt;
        auto outcome = reading.wedge.key(e.code, static_cast<KeyAction>(e.value), reading.lastEventAt);
        if (!enabledNow) reading.heardWhileDisabled = true;
        if (outcome && reading.lostEvents)
            reading.lostEvents = false;  // the damaged scan ends here, undelivered
        else if (outcome)
            handle(std::move(*outcome), reading);
        if (!reading.wedge.pending()) reading.heardWhileDisabled = false;
    }
    return true;
}

void EvdevWedgeScanner::handle(Result<std::string> outcome, const Reading& reading)
{
    if (!outcome) {
        // A spoiled scan is the scanner's (or its user's) fault, not a lost device: note it and carry on.
        noteProblem(std::move(outcome.error().message));
        return;
    }
    std::lock_guard lock(m_deliveryMutex);
    // Data read while disabled is dropped, never handed to whoever enables the scanner next.
    if (!m_enabled || reading.heardWhileDisabled) return;
    ++m_scans;
    m_events.post(CodeScanned{std::move(*outcome)});
}

} // namespace kiosk::devices::hidpos
