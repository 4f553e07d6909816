#pragma once
// An A4 printer that exists only in software, behind the same interface as
// the CUPS adapter. It keeps every PDF it is given (report-N.pdf in its
// folder) so that tests can read what the patient would have got, and its
// jobs move through the states a spooler reports (pending → processing →
// completed) one step each time they are looked at. It can be told what a
// real queue goes through: no paper, a jam, offline, the spooler gone, or
// the next job aborted; a job started while the printer cannot print stops
// and finishes once the fault is cleared, as a CUPS job does.
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "device/a4_printer.hpp"

namespace kiosk::devices {

struct SimulatedA4Faults {
    bool mediaEmpty = false;
    bool jammed = false;
    bool offline = false;
    bool tonerLow = false;
    bool unreachable = false;   ///< The spooler does not answer.
    bool abortNextJob = false;  ///< The next job submitted ends aborted (cleared once used).
};

class SimulatedA4Printer final : public A4Printer {
public:
    static Result<std::unique_ptr<SimulatedA4Printer>> create(std::string outputDir);

    Result<PrintJob> submitPdf(std::span<const std::uint8_t> pdf, const std::string& title) override;
    Result<PrintJob> job(int jobId) override;
    Result<void> cancelJob(int jobId) override;
    Result<A4PrinterStatus> status() override;
    std::string describe() const override { return "simulated A4 printer"; }

    void setFaults(SimulatedA4Faults faults);
    SimulatedA4Faults faults() const;
    /// Paths of the PDFs of completed jobs, oldest first.
    std::vector<std::string> printed() const;

private:
    explicit SimulatedA4Printer(std::string outputDir);
    bool canPrint() const;
    std::vector<std::string> reasonsLocked() const;
    void advance(int jobId);

    struct Job {
        PrintJob state;
        std::string path;
    };
    std::string m_outputDir;
    mutable std::mutex m_mutex;
    SimulatedA4Faults m_faults;
    std::map<int, Job> m_jobs;
    std::vector<std::string> m_printed;
    int m_nextJob = 1;
};

} // namespace kiosk::devices
