#include "sim/simulated_id_card_reader.hpp"

namespace kiosk::devices {

SimulatedIdCardReader::SimulatedIdCardReader(EventQueue& events, std::vector<SampleIdentity> identities,
                                             std::chrono::milliseconds readDelay)
    : m_events(events), m_identities(std::move(identities)), m_readDelay(readDelay), m_thread([this] { run(); })
{
}

SimulatedIdCardReader::~SimulatedIdCardReader()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

Result<void> SimulatedIdCardReader::open()
{
    std::lock_guard lock(m_mutex);
    m_state = DeviceState::Idle;
    return {};
}

void SimulatedIdCardReader::enable()
{
    std::lock_guard lock(m_mutex);
    m_enabled = true;
}

void SimulatedIdCardReader::disable()
{
    std::lock_guard lock(m_mutex);
    m_enabled = false;
}

DeviceState SimulatedIdCardReader::state() const
{
    std::lock_guard lock(m_mutex);
    return m_unplugged && m_state != DeviceState::Closed ? DeviceState::Error : m_state;
}

void SimulatedIdCardReader::unplug()
{
    remove();  // a card on a reader that is gone is no longer read
    std::lock_guard lock(m_mutex);
    m_unplugged = true;
}

void SimulatedIdCardReader::plugIn()
{
    std::lock_guard lock(m_mutex);
    m_unplugged = false;
}

std::string SimulatedIdCardReader::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_unplugged ? "no device (the simulated reader is unplugged)" : "";
}

Result<void> SimulatedIdCardReader::insert(const std::string& key)
{
    for (std::size_t i = 0; i < m_identities.size(); ++i)
        if (m_identities[i].key == key) return insertIndex(i);
    std::string known;
    for (const auto& id : m_identities) known += (known.empty() ? "" : ", ") + id.key;
    return fail("no sample identity '" + key + "' (known: " + known + ")");
}

Result<void> SimulatedIdCardReader::insertIndex(std::size_t index)
{
    if (index >= m_identities.size()) return fail("no sample identity number " + std::to_string(index + 1));
    {
        std::lock_guard lock(m_mutex);
        if (m_unplugged) return fail("the simulated reader is unplugged");
    }
    post({Action::Insert, index});
    return {};
}

void SimulatedIdCardReader::remove() { post({Action::Remove}); }

void SimulatedIdCardReader::failNextRead() { post({Action::FailRead}); }

void SimulatedIdCardReader::post(Command command)
{
    {
        std::lock_guard lock(m_mutex);
        m_commands.push_back(command);
    }
    m_wake.notify_all();
}

void SimulatedIdCardReader::run()
{
    bool failNext = false;
    for (;;) {
        Command command;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || !m_commands.empty(); });
            if (m_stop) return;
            command = m_commands.front();
            m_commands.pop_front();
        }
        switch (command.action) {
        case Action::FailRead:
            failNext = true;
            break;
        case Action::Remove: {
            // Checked and posted under the lock that disable() takes, so that
            // no event follows a disable() that has returned.
            std::lock_guard lock(m_mutex);
            bool wasIn = m_cardInField;
            m_cardInField = false;
            if (wasIn && m_enabled) m_events.post(CardRemoved{});
            break;
        }
        case Action::Insert: {
            {
                std::unique_lock lock(m_mutex);
                // A real reader finds a card only once until it leaves the field.
                if (m_cardInField || !m_enabled) break;
                m_cardInField = true;
                m_state = DeviceState::Busy;
            }
            std::this_thread::sleep_for(m_readDelay);
            std::lock_guard lock(m_mutex);
            m_state = DeviceState::Idle;
            // disable() promises no events after it returns, even mid-read.
            if (!m_enabled) break;
            if (failNext) {
                failNext = false;
                m_events.post(CardReadFailed{"simulated read failure (SW3 41)"});
            } else {
                m_events.post(CardInserted{m_identities[command.index].card});
            }
            break;
        }
        }
    }
}

} // namespace kiosk::devices
