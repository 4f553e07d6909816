#include "core/event_queue.hpp"

namespace kiosk {

void EventQueue::setWaker(std::function<void()> waker)
{
    std::lock_guard lock(m_mutex);
    m_waker = std::move(waker);
}

void EventQueue::post(Event event)
{
    std::function<void()> waker;
    {
        std::lock_guard lock(m_mutex);
        m_events.push_back(std::move(event));
        waker = m_waker;
    }
    if (waker) waker();
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
