#include "sim/simulated_scanner.hpp"

namespace kiosk::devices {

SimulatedScanner::SimulatedScanner(EventQueue& events) : m_events(events) {}

Result<void> SimulatedScanner::open()
{
    std::lock_guard lock(m_mutex);
    if (!m_plugged) return fail("no scanner found: the simulated scanner is unplugged");
    m_open = true;
    return {};
}

void SimulatedScanner::enable()
{
    std::lock_guard lock(m_mutex);
    m_enabled = true;
}

void SimulatedScanner::disable()
{
    std::lock_guard lock(m_mutex);
    m_enabled = false;
}

DeviceState SimulatedScanner::state() const
{
    std::lock_guard lock(m_mutex);
    if (!m_open) return DeviceState::Closed;
    return m_plugged ? DeviceState::Idle : DeviceState::Error;
}

Result<void> SimulatedScanner::scan(std::string text)
{
    std::lock_guard lock(m_mutex);
    if (!m_plugged) return fail("the scanner is unplugged");
    if (!m_open) return fail("the scanner is not open");
    if (!m_enabled) return fail("the scanner is disabled; the code was not read");
    // Posting under the lock: disable() cannot return between the check above and the post.
    m_events.post(CodeScanned{std::move(text)});
    return {};
}

void SimulatedScanner::unplug()
{
    std::lock_guard lock(m_mutex);
    m_plugged = false;
}

std::string SimulatedScanner::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_plugged ? "" : "no device (the simulated scanner is unplugged)";
}

void SimulatedScanner::plugIn()
{
    std::lock_guard lock(m_mutex);
    m_plugged = true;
}

} // namespace kiosk::devices
