#include "sim/simulated_a4_printer.hpp"

#include <filesystem>
#include <fstream>

namespace kiosk::devices {

Result<std::unique_ptr<SimulatedA4Printer>> SimulatedA4Printer::create(std::string outputDir)
{
    std::error_code ec;
    std::filesystem::create_directories(outputDir, ec);
    if (ec) return fail("cannot create the simulated A4 printer's folder " + outputDir + ": " + ec.message());
    return std::unique_ptr<SimulatedA4Printer>(new SimulatedA4Printer(std::move(outputDir)));
}

SimulatedA4Printer::SimulatedA4Printer(std::string outputDir) : m_outputDir(std::move(outputDir)) {}

void SimulatedA4Printer::setFaults(SimulatedA4Faults faults)
{
    std::lock_guard lock(m_mutex);
    m_faults = faults;
}

SimulatedA4Faults SimulatedA4Printer::faults() const
{
    std::lock_guard lock(m_mutex);
    return m_faults;
}

std::vector<std::string> SimulatedA4Printer::printed() const
{
    std::lock_guard lock(m_mutex);
    return m_printed;
}

bool SimulatedA4Printer::canPrint() const { return !m_faults.mediaEmpty && !m_faults.jammed && !m_faults.offline; }

std::vector<std::string> SimulatedA4Printer::reasonsLocked() const
{
    std::vector<std::string> reasons;
    if (m_faults.mediaEmpty) reasons.emplace_back("media-empty-error");
    if (m_faults.jammed) reasons.emplace_back("media-jam-error");
    if (m_faults.offline) reasons.emplace_back("offline-report");
    if (m_faults.tonerLow) reasons.emplace_back("toner-low-warning");
    if (reasons.empty()) reasons.emplace_back("none");
    return reasons;
}

Result<PrintJob> SimulatedA4Printer::submitPdf(std::span<const std::uint8_t> pdf, const std::string& title)
{
    std::lock_guard lock(m_mutex);
    if (m_faults.unreachable) return fail("the print spooler does not answer (simulated)");
    int id = m_nextJob++;
    Job job{PrintJob{id, PrintJobState::Pending, {"none"}}, m_outputDir + "/report-" + std::to_string(id) + ".pdf"};
    static constexpr std::string_view kMagic = "%PDF-";
    bool isPdf = pdf.size() > kMagic.size() && std::equal(kMagic.begin(), kMagic.end(), pdf.begin());
    if (!isPdf) {
        // What a CUPS filter does with a document that is not the PDF it claims to be.
        job.state.state = PrintJobState::Aborted;
        job.state.reasons = {"document-format-error"};
    } else if (m_faults.abortNextJob) {
        m_faults.abortNextJob = false;
        job.state.state = PrintJobState::Aborted;
        job.state.reasons = {"job-aborted-by-system"};
    } else {
        std::ofstream out(job.path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(pdf.data()), static_cast<std::streamsize>(pdf.size()));
        if (!out) return fail("the simulated A4 printer cannot write " + job.path + " (" + title + ")");
    }
    m_jobs[id] = job;
    return job.state;
}

void SimulatedA4Printer::advance(int jobId)
{
    Job& job = m_jobs.at(jobId);
    PrintJob& s = job.state;
    if (isFinal(s.state)) return;
    if (!canPrint()) {
        // CUPS keeps the job and stops the queue; it resumes when the printer does.
        s.state = PrintJobState::Stopped;
        s.reasons = {"printer-stopped"};
        return;
    }
    if (s.state == PrintJobState::Pending || s.state == PrintJobState::Stopped) {
        s.state = PrintJobState::Processing;
        s.reasons = {"job-printing"};
        return;
    }
    s.state = PrintJobState::Completed;
    s.reasons = {"job-completed-successfully"};
    m_printed.push_back(job.path);
}

Result<PrintJob> SimulatedA4Printer::job(int jobId)
{
    std::lock_guard lock(m_mutex);
    if (m_faults.unreachable) return fail("the print spooler does not answer (simulated)");
    if (!m_jobs.contains(jobId)) return fail("the simulated A4 printer has no job " + std::to_string(jobId));
    advance(jobId);
    return m_jobs.at(jobId).state;
}

Result<void> SimulatedA4Printer::cancelJob(int jobId)
{
    std::lock_guard lock(m_mutex);
    if (m_faults.unreachable) return fail("the print spooler does not answer (simulated)");
    auto it = m_jobs.find(jobId);
    if (it == m_jobs.end()) return fail("the simulated A4 printer has no job " + std::to_string(jobId));
    if (!isFinal(it->second.state.state)) it->second.state = PrintJob{jobId, PrintJobState::Canceled, {"job-canceled-by-user"}};
    return {};
}

Result<A4PrinterStatus> SimulatedA4Printer::status()
{
    std::lock_guard lock(m_mutex);
    if (m_faults.unreachable) return fail("the print spooler does not answer (simulated)");
    A4PrinterStatus status;
    status.reachable = true;
    status.accepting = true;
    applyStateReasons(status, reasonsLocked());
    status.stopped = status.stopped || !canPrint();
    return status;
}

} // namespace kiosk::devices
