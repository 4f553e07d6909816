#pragma once
// One queue from the workers to the UI thread. Workers post typed events;
// the UI drains the queue once per frame. The waker lets the frame loop,
// which sleeps in SDL_WaitEvent, know that something arrived without this
// library knowing about SDL.
#include <functional>
#include <mutex>
#include <vector>

#include "core/events.hpp"

namespace kiosk {

class EventQueue {
public:
    /// Called (from the posting thread) after every post.
    void setWaker(std::function<void()> waker);
    void post(Event event);
    /// Takes everything posted so far, oldest first.
    std::vector<Event> drain();
    bool empty() const;

private:
    mutable std::mutex m_mutex;
    std::vector<Event> m_events;
    std::mutex m_wakerMutex;  ///< Held while the waker runs; never with m_mutex.
    std::function<void()> m_waker;
};

} // namespace kiosk
