#pragma once
// An ID-card reader that exists only in software, for the demo and the UI
// scenarios. It behaves like the real adapter seen from the kiosk: a card is
// read after a short delay, must leave the field before it is read again,
// and can be told to fail a read.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/event_queue.hpp"
#include "device/id_card_reader.hpp"
#include "sim/sample_identities.hpp"

namespace kiosk::devices {

class SimulatedIdCardReader final : public IdCardReader {
public:
    SimulatedIdCardReader(EventQueue& events, std::vector<SampleIdentity> identities,
                          std::chrono::milliseconds readDelay = std::chrono::milliseconds(250));
    ~SimulatedIdCardReader() override;

    Result<void> open() override;
    void enable() override;
    void disable() override;
    DeviceState state() const override;
    std::string describe() const override { return "simulated ID-card reader"; }

    /// Places the identity with `key` on the reader; fails for an unknown key.
    Result<void> insert(const std::string& key);
    /// Places the card at `index` (demo hotkeys F1…).
    Result<void> insertIndex(std::size_t index);
    void remove();
    /// The next card placed on the reader will fail to read.
    void failNextRead();
    /// The cable is pulled: the state becomes Error and cards are refused until plugIn().
    void unplug();
    void plugIn();
    std::string lastError() const override;
    const std::vector<SampleIdentity>& identities() const { return m_identities; }

private:
    enum class Action { Insert, Remove, FailRead };
    struct Command {
        Action action;
        std::size_t index = 0;
    };
    void post(Command command);
    void run();

    EventQueue& m_events;
    std::vector<SampleIdentity> m_identities;
    std::chrono::milliseconds m_readDelay;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<Command> m_commands;
    DeviceState m_state = DeviceState::Closed;
    bool m_enabled = false;
    bool m_cardInField = false;
    bool m_unplugged = false;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace kiosk::devices
