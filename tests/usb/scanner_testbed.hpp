#pragma once
// Emulated scanner nodes for the scanner adapter tests (umockdev): one
// testbed holding one scanner's /dev node, EVIOCGRAB answered as evdev
// answers it, and an unplug that fails the adapter's open descriptor the way
// the kernel does. Run under umockdev-wrapper.
//
// The fixtures use node numbers (hidraw97, event97) that no real machine is
// likely to have: while a node is unplugged, umockdev passes /dev paths it
// does not hold to the real /dev, where an adapter retrying its open must
// find nothing.
#include <linux/input.h>
#include <umockdev.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "core/event_queue.hpp"

namespace kiosk::test {

using namespace std::chrono_literals;

/// Polls `done` every 10 ms until it holds or `limit` has passed; returns whether it held.
bool waitFor(const std::function<bool()>& done, std::chrono::milliseconds limit = 5000ms);

/// The CodeScanned texts an adapter has posted, in order.
class ScanLog {
public:
    explicit ScanLog(EventQueue& events) : m_events(events) {}
    /// Every text posted so far, after taking what the queue holds.
    const std::vector<std::string>& texts();
    /// Waits until `count` scans have arrived.
    bool waitForScans(std::size_t count, std::chrono::milliseconds limit = 5000ms);

private:
    EventQueue& m_events;
    std::vector<std::string> m_texts;
};

/// EVIOCGRAB on an emulated evdev node, with evdev's rules: one holder at a time, EBUSY for anyone else,
/// released by its holder or when the holder's descriptor closes. (umockdev by itself answers every
/// EVIOCGRAB with success, so without this no refusal could be tested.)
class EvdevGrab {
public:
    EvdevGrab(UMockdevTestbed* bed, const std::string& node);
    ~EvdevGrab();
    EvdevGrab(const EvdevGrab&) = delete;
    EvdevGrab& operator=(const EvdevGrab&) = delete;
    int grabs() const;
    int releases() const;
    bool held() const;

private:
    static gboolean onIoctl(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self);
    static void onVanished(UMockdevIoctlBase*, UMockdevIoctlClient* client, gpointer self);

    UMockdevIoctlBase* m_handler;
    mutable std::mutex m_mutex;
    UMockdevIoctlClient* m_holder = nullptr;
    int m_grabs = 0;
    int m_releases = 0;
};

/// A testbed with one scanner from a fixture in tests/usb; an evdev node gets EvdevGrab before it appears.
///
/// A device that is plugged back in comes back in a new ScannerBed: umockdev 0.17 cannot add a PTY-backed
/// node again to the testbed it was removed from (the old PTY stays registered and umockdev aborts), and
/// umockdev's preload follows the newest testbed, so the adapter finds the node there.
class ScannerBed {
public:
    explicit ScannerBed(const std::string& fixture);
    ~ScannerBed();
    ScannerBed(const ScannerBed&) = delete;
    ScannerBed& operator=(const ScannerBed&) = delete;

    const std::string& node() const { return m_node; }
    EvdevGrab& grab() { return *m_grab; }
    /// umockdev plays the evemu events back on the node, each at its recorded distance from the one before.
    /// Once per bed.
    void replay(const std::string& evemuFixture);
    /// Writes bytes as the device would send them, at once (one hidraw report, say).
    void send(std::span<const std::uint8_t> bytes);
    /// Writes the events of an evemu fixture at once, one write per event as umockdev's replay does: a PTY
    /// passes a longer write on in pieces, and a reader could get part of an event, which evdev never hands out.
    void sendEvents(const std::string& evemuFixture);
    /// Unplugs the device as the kernel and udev do: the open descriptor fails (a read fails, poll reports a
    /// hang-up), the node disappears, a remove uevent goes out. Not while a replay is still playing.
    void unplug();

private:
    int master() const;

    UMockdevTestbed* m_bed;
    std::string m_sysPath;
    std::string m_node;
    std::unique_ptr<EvdevGrab> m_grab;
    bool m_unplugged = false;
};

/// The events of an evemu fixture as evdev hands them out.
std::vector<input_event> evemuEvents(const std::string& evemuFixture);

} // namespace kiosk::test
