#pragma once
// Watches whether the hospital's system answers, on a thread of its own:
// every 15 s while it does, and with backoff (5 s doubling to 1 min) while it
// does not. The shell hears of each change (the home screen says which
// services wait for the hospital), recovery is asked to forward what was
// accepted while it was away, and the price catalogue is kept synced for
// lookups while it is down.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "hospital/hospital_backend.hpp"

namespace kiosk::hospital {

class HospitalWatch {
public:
    static constexpr auto kWhileUp = std::chrono::seconds(15);
    static constexpr auto kFirstRetry = std::chrono::seconds(5);
    static constexpr auto kLongestRetry = std::chrono::minutes(1);

    /// `changed(reachable, detail)` runs on the watch's thread after each change (and after the first probe).
    /// `probed(reachable)` runs after every probe, for the price catalogue's sync.
    HospitalWatch(HospitalBackend& hospital, std::function<void(bool, const std::string&)> changed,
                  std::function<void(bool)> probed = {});
    ~HospitalWatch();
    HospitalWatch(const HospitalWatch&) = delete;
    HospitalWatch& operator=(const HospitalWatch&) = delete;

    void start();
    /// Probe now (a scenario changed the demo hospital, a flow saw it fail).
    void poke();
    bool reachable() const;

private:
    void run();

    HospitalBackend& m_hospital;
    std::function<void(bool, const std::string&)> m_changed;
    std::function<void(bool)> m_probed;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_poked = true;
    bool m_stopping = false;
    bool m_known = false;
    bool m_reachable = true;
    std::chrono::seconds m_retry = kFirstRetry;
    std::thread m_thread;
};

} // namespace kiosk::hospital
