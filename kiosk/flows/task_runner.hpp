#pragma once
// Where a flow's slow work runs. A flow never calls the back end, the
// payment gateway or a printer on the UI thread: it hands a job to a
// TaskRunner, and the job hands its result back through FlowContext::post,
// which applies it on the UI thread between frames. Tests use a runner they
// step by hand, so every interleaving is deterministic.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk::flows {

class TaskRunner {
public:
    virtual ~TaskRunner() = default;
    virtual void run(std::function<void()> job) = 0;
};

/// One background thread running jobs in the order given. Jobs for one
/// patient run one after another, so a booking never overtakes its payment.
class WorkerThread final : public TaskRunner {
public:
    WorkerThread();
    ~WorkerThread() override;  ///< Finishes the job in hand and drops the rest.
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;
    void run(std::function<void()> job) override;

private:
    void loop();
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::deque<std::function<void()>> m_jobs;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace kiosk::flows
