#include "hospital/hospital_watch.hpp"

#include <algorithm>

namespace kiosk::hospital {

HospitalWatch::HospitalWatch(HospitalBackend& hospital, std::function<void(bool, const std::string&)> changed,
                             std::function<void(bool)> probed)
    : m_hospital(hospital), m_changed(std::move(changed)), m_probed(std::move(probed))
{
}

HospitalWatch::~HospitalWatch()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void HospitalWatch::start()
{
    if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
}

void HospitalWatch::poke()
{
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
}

bool HospitalWatch::reachable() const
{
    std::lock_guard lock(m_mutex);
    return m_reachable;
}

void HospitalWatch::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (!m_poked) {
            auto pause = m_reachable ? std::chrono::duration_cast<std::chrono::seconds>(kWhileUp) : m_retry;
            m_wake.wait_for(lock, pause, [this] { return m_stopping || m_poked; });
            if (m_stopping) break;
        }
        m_poked = false;
        lock.unlock();
        // The cheapest question every hospital system answers.
        auto answer = m_hospital.departments();
        bool up = answer.has_value() || answer.error().kind != BackendErrorKind::Unreachable;
        std::string detail = up ? std::string() : answer.error().message;
        if (m_probed) m_probed(up);
        lock.lock();
        bool changed = !m_known || up != m_reachable;
        m_known = true;
        m_reachable = up;
        m_retry = up ? std::chrono::duration_cast<std::chrono::seconds>(kFirstRetry)
                     : std::min<std::chrono::seconds>(m_retry * 2, kLongestRetry);
        if (changed) {
            lock.unlock();
            m_changed(up, detail);
            lock.lock();
        }
    }
}

} // namespace kiosk::hospital
