#include "recovery/recovery_service.hpp"

#include <algorithm>

namespace kiosk::recovery {

RecoveryService::RecoveryService(journal::Journal& journal, payment::PaymentGateway& gateway,
                                 hospital::HospitalBackend& hospital, const Clock& clock, Log log)
    : m_journal(journal), m_recovery(journal, gateway, hospital, clock), m_log(std::move(log))
{
}

RecoveryService::~RecoveryService()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

void RecoveryService::start()
{
    if (!m_thread.joinable()) m_thread = std::thread([this] { run(); });
}

void RecoveryService::poke()
{
    {
        std::lock_guard lock(m_mutex);
        m_poked = true;
    }
    m_wake.notify_all();
}

RecoveryStatus RecoveryService::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

void RecoveryService::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        if (m_poked) {
            m_poked = false;
            lock.unlock();
            round();
            lock.lock();
            continue;
        }
        if (!m_wake.wait_for(lock, m_nextPause, [this] { return m_stopping || m_poked; })) m_poked = true;
    }
}

void RecoveryService::round()
{
    {
        std::lock_guard lock(m_mutex);
        ++m_status.started;
    }
    auto open = m_journal.unfinished();
    if (!open) {
        m_log("recovery: cannot read the journal: " + open.error().message);
        std::lock_guard lock(m_mutex);
        m_status.lastProblem = open.error().message;
        ++m_status.rounds;
        return;
    }
    int waiting = 0;
    int settled = 0;
    std::string problem;
    for (const auto& record : *open) {
        RecoveryResult result = m_recovery.settle(record.id);
        switch (result.outcome) {
        case RecoveryOutcome::Finished:
            ++settled;
            m_log("recovery: " + result.summary);
            break;
        case RecoveryOutcome::Waiting:
        case RecoveryOutcome::Failed:
            ++waiting;
            problem = result.summary;
            m_log("recovery: " + result.summary);
            break;
        case RecoveryOutcome::Skipped:
        case RecoveryOutcome::Moved: break;
        }
    }
    auto left = m_journal.unfinished();
    std::lock_guard lock(m_mutex);
    m_status.unfinished = left ? static_cast<int>(left->size()) : static_cast<int>(open->size()) - settled;
    m_status.waiting = waiting;
    m_status.settledTotal += settled;
    if (!problem.empty()) m_status.lastProblem = problem;
    m_nextPause = waiting > 0 ? m_retry : std::chrono::duration_cast<std::chrono::seconds>(kIdleRound);
    m_retry = waiting > 0 ? std::min<std::chrono::seconds>(m_retry * 2, kLongestRetry) : kFirstRetry;
    ++m_status.rounds;
}

} // namespace kiosk::recovery
