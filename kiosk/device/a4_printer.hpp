#pragma once
// The A4 printer for reports, reached through a print spooler. A spooler
// queue knows the printer's state only while a job runs: an idle queue with
// no reasons says nothing about paper. So status() reports what is known
// and says when it is not, and every job is followed to its end state
// instead of being taken as printed once submitted.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "device/device_status.hpp"

namespace kiosk {

enum class PrintJobState { Pending, Held, Processing, Stopped, Canceled, Aborted, Completed, Unknown };

std::string_view printJobStateName(PrintJobState state);
/// Completed, canceled and aborted jobs will not change any more.
inline bool isFinal(PrintJobState s)
{
    return s == PrintJobState::Completed || s == PrintJobState::Canceled || s == PrintJobState::Aborted;
}

struct PrintJob {
    int id = 0;
    PrintJobState state = PrintJobState::Unknown;
    std::vector<std::string> reasons;  ///< job-state-reasons, e.g. "job-completed-successfully".
};

struct A4PrinterStatus {
    bool reachable = false;      ///< The spooler answered and knows the destination.
    bool accepting = false;      ///< The queue accepts jobs.
    bool stopped = false;        ///< The queue is stopped (by an error or by hand).
    PaperState paper = PaperState::Unknown;
    bool jammed = false;
    bool tonerLow = false;
    bool offline = false;
    std::vector<std::string> reasons;  ///< printer-state-reasons as reported.
    std::string message;               ///< printer-state-message, if any.
    /// Nothing is known to be wrong. With an idle queue this is not proof of paper.
    bool usable() const { return reachable && accepting && !stopped && paper != PaperState::Empty && !jammed && !offline; }
};

class A4Printer {
public:
    virtual ~A4Printer() = default;
    /// Queues a PDF; returns the job as accepted by the spooler.
    virtual Result<PrintJob> submitPdf(std::span<const std::uint8_t> pdf, const std::string& title) = 0;
    /// The job's current state and reasons.
    virtual Result<PrintJob> job(int jobId) = 0;
    /// Cancels a job that has not finished, so that it cannot come out later
    /// for whoever stands at the kiosk then. Cancelling a finished job is not an error.
    virtual Result<void> cancelJob(int jobId) = 0;
    /// The destination's state as the spooler knows it now.
    virtual Result<A4PrinterStatus> status() = 0;
    virtual std::string describe() const = 0;
};

/// Reads printer-state-reasons keywords (with -report/-warning/-error
/// suffixes) into the status fields.
void applyStateReasons(A4PrinterStatus& status, const std::vector<std::string>& reasons);

} // namespace kiosk
