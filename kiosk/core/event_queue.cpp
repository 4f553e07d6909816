#include "core/event_queue.hpp"

namespace kiosk {

void EventQueue::setWaker(std::function<void()> waker)
{
    // Taking the waker lock waits for a wake in progress, so after
    // setWaker(nullptr) returns no call reaches the old waker's owner.
    std::lock_guard wakeLock(m_wakerMutex);
    m_waker = std::move(waker);
}

void EventQueue::post(Event event)
{
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
    }
    std::lock_guard wakeLock(m_wakerMutex);
    if (m_waker) m_waker();
}

std::vector<Event> EventQueue::drain()
{
    std::lock_guard lock(m_mutex);
    std::vector<Event> out;
    out.swap(m_events);
    return out;
}

bool EventQueue::empty() const
{
    std::lock_guard lock(m_mutex);
    return m_events.empty();
}

} // namespace kiosk
