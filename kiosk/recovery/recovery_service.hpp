#pragma once
// Runs recovery in the background for the life of the kiosk: one round at
// start (whatever a crash or power cut left open), then again whenever a
// flow hands over money it could not finish, the hospital comes back, or the
// backoff timer says so. Rounds run on their own thread so that a hospital
// that answers slowly never holds up the patient at the screen.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "recovery/transaction_recovery.hpp"

namespace kiosk::recovery {

struct RecoveryStatus {
    std::uint64_t started = 0; ///< Rounds begun since start.
    std::uint64_t rounds = 0;  ///< Rounds finished since start; the n-th finished is the n-th begun.
    int unfinished = 0;        ///< Transactions not in a final step after the last round (claimed ones included).
    int waiting = 0;           ///< Of those, how many wait for the channel or the hospital.
    int settledTotal = 0;      ///< Transactions recovery brought to a final step since start.
    std::string lastProblem;   ///< The last thing that kept one waiting, for the status page.
};

class RecoveryService {
public:
    /// While something waits, the next round comes after 5 s, doubling up to 5 min.
    static constexpr auto kFirstRetry = std::chrono::seconds(5);
    static constexpr auto kLongestRetry = std::chrono::minutes(5);
    /// With nothing waiting, a round every minute still catches what a flow left behind.
    static constexpr auto kIdleRound = std::chrono::minutes(1);

    using Log = std::function<void(const std::string& line)>;

    RecoveryService(journal::Journal& journal, payment::PaymentGateway& gateway, hospital::HospitalBackend& hospital,
                    const Clock& clock, Log log);
    ~RecoveryService();
    RecoveryService(const RecoveryService&) = delete;
    RecoveryService& operator=(const RecoveryService&) = delete;

    /// Starts the thread; the first round begins at once.
    void start();
    /// Asks for a round now (a flow handed money over, the hospital is back).
    void poke();
    RecoveryStatus status() const;

private:
    void run();
    void round();

    journal::Journal& m_journal;
    TransactionRecovery m_recovery;
    Log m_log;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_poked = true;
    bool m_stopping = false;
    RecoveryStatus m_status;
    std::chrono::seconds m_retry = kFirstRetry;
    std::chrono::seconds m_nextPause = kIdleRound;
    std::thread m_thread;
};

} // namespace kiosk::recovery
