#pragma once
// A scanner that exists only in software, for the demo, the UI scenarios and
// the flows' tests. `scan(text)` is a patient holding a code under the
// scanner. It can be unplugged, to test what the kiosk shows when the
// scanner goes missing.
//
// Unlike the simulated ID-card reader it has no thread: a real scanner hands
// over a finished code (there is no card to select and read, no delay worth
// modelling), so the event is posted from the caller's thread, under the
// same lock that disable() takes. That keeps disable()'s promise (no event
// after it returns) without a worker, and makes tests deterministic: the
// event is on the queue when scan() returns. (The queue's waker runs under
// that lock too, so it must not call back into the scanner; it only wakes
// the frame loop.)
#include <mutex>
#include <string>

#include "core/event_queue.hpp"
#include "device/scanner.hpp"

namespace kiosk::devices {

class SimulatedScanner final : public Scanner {
public:
    explicit SimulatedScanner(EventQueue& events);

    Result<void> open() override;
    void enable() override;
    void disable() override;
    DeviceState state() const override;
    std::string describe() const override { return "simulated scanner"; }

    /// Reads `text` as if scanned: posts CodeScanned. Refused with the reason while the scanner is closed,
    /// disabled or unplugged.
    Result<void> scan(std::string text);
    /// The cable is pulled: the state becomes Error and scans are refused until plugIn().
    void unplug();
    /// The cable is back; an opened scanner is usable again, as the real adapter re-opens by itself.
    void plugIn();
    std::string lastError() const override;

private:
    EventQueue& m_events;
    mutable std::mutex m_mutex;
    bool m_open = false;
    bool m_enabled = false;
    bool m_plugged = true;
};

} // namespace kiosk::devices
