#pragma once
// A scanner in keyboard mode read from its own evdev node: the node is
// grabbed (EVIOCGRAB) so that its keys never reach the UI, its key events go
// through a KeyboardWedge, and each code ended by Enter is posted as
// CodeScanned. If the grab is refused, another process holds the scanner and
// the adapter stays in the Error state rather than read keys someone else
// also gets. Pauses are measured between the kernel's timestamps on the
// events, so a reader held up for a moment neither cuts a scan in two nor
// joins two; a scan the kernel lost events from (SYN_DROPPED) is not
// delivered. A scanner that disappears is taken again when its node
// returns; meanwhile the adapter is in the Error state.
#include <atomic>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

#include "core/event_queue.hpp"
#include "device/scanner.hpp"

namespace kiosk::devices::hidpos {

class EvdevWedgeScanner final : public Scanner {
public:
    EvdevWedgeScanner(EventQueue& events, std::string devicePath);
    ~EvdevWedgeScanner() override;

    /// Opens and grabs the node on the calling thread, so that a failure comes back with its real reason (no such
    /// node, no permission, grabbed by another process), then reads on the adapter's own thread. After a failure
    /// the adapter is still open, in the Error state, and keeps trying every half second.
    Result<void> open() override;
    void enable() override;
    void disable() override;
    DeviceState state() const override { return m_state.load(); }
    std::string describe() const override { return "keyboard-wedge scanner at " + m_path; }
    std::string lastError() const override;
    std::uint64_t scans() const { return m_scans.load(); }

private:
    struct Reading;

    /// Opens and grabs the node; the descriptor, or why not.
    Result<int> take() const;
    void release(int fd) const;
    void run(int fd);
    /// Waits for and handles one batch of events; false when the node has gone.
    bool pump(int fd, Reading& reading);
    void handle(Result<std::string> outcome, const Reading& reading);
    bool enabled();
    void setError(std::string message);
    void noteProblem(std::string message);

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
