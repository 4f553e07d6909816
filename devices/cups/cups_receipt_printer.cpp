#include "cups/cups_receipt_printer.hpp"

#include <cups/cups.h>

#include <string_view>
#include <thread>

namespace kiosk::devices {

namespace {

std::string_view withoutSeverity(std::string_view reason)
{
    // RFC 8011: a keyword may carry -report, -warning or -error.
    for (std::string_view suffix : {"-report", "-warning", "-error"})
        if (reason.ends_with(suffix)) reason.remove_suffix(suffix.size());
    return reason;
}

bool coverOpen(const A4PrinterStatus& status)
{
    for (const std::string& reason : status.reasons) {
        std::string_view r = withoutSeverity(reason);
        if (r == "cover-open" || r == "door-open" || r == "interlock-open") return true;
    }
    return false;
}

void addTo(std::string& list, const std::string& item)
{
    if (!list.empty()) list += ", ";
    list += item;
}

// Only what printer-state-reasons say about the printer itself; the queue
// being stopped or closed does not make a finished job's output doubtful.
std::string reasonProblem(const A4PrinterStatus& status)
{
    std::string out;
    if (status.paper == PaperState::Empty) addTo(out, "paper empty");
    if (coverOpen(status)) addTo(out, "cover open");
    if (status.jammed) addTo(out, "paper jam");
    if (status.offline) addTo(out, "printer offline");
    return out;
}

std::string reasonList(const A4PrinterStatus& status)
{
    std::string out;
    for (const std::string& r : status.reasons) addTo(out, r);
    return out.empty() ? "none" : out;
}

std::string jobEndText(const PrintJob& job)
{
    std::string out = "job " + std::to_string(job.id) + " " + std::string(printJobStateName(job.state));
    std::string reasons;
    for (const std::string& r : job.reasons) addTo(reasons, r);
    if (!reasons.empty()) out += " (" + reasons + ")";
    return out;
}

} // namespace

std::string queueProblem(const A4PrinterStatus& status)
{
    std::string out;
    if (!status.reachable) addTo(out, "queue not reachable");
    if (status.stopped) addTo(out, "queue stopped");
    if (!status.accepting) addTo(out, "queue not accepting jobs");
    std::string reasons = reasonProblem(status);
    if (!reasons.empty()) addTo(out, reasons);
    return out;
}

PrinterStatus receiptStatusFromQueue(const A4PrinterStatus& status)
{
    PrinterStatus out;
    // A raw queue never learns that the printer is online; it only hears
    // of trouble, so Online is not claimed, and neither is paper Ok.
    if (status.offline || status.stopped || !status.accepting) out.power = PowerState::Offline;
    if (status.paper == PaperState::Empty || status.paper == PaperState::NearEnd) out.paper = status.paper;
    out.coverOpen = coverOpen(status);
    out.jammed = status.jammed;
    return out;
}

CupsReceiptPrinter::CupsReceiptPrinter(std::string destination, CupsReceiptOptions options)
    : m_destination(destination), m_options(options), m_queue(std::move(destination))
{
}

Result<PrinterStatus> CupsReceiptPrinter::queryStatus()
{
    auto status = m_queue.status();
    if (!status) return std::unexpected(status.error());
    return receiptStatusFromQueue(*status);
}

PrintOutcome CupsReceiptPrinter::print(const ReceiptDocument& document)
{
    PrintOutcome outcome;
    auto encoded = escpos::encodeReceipt(document, m_options.encoder);
    if (!encoded) {
        outcome.error = "the receipt cannot be encoded: " + encoded.error().message;
        return outcome;
    }
    outcome.bytesTotal = encoded->bytes.size();

    auto before = m_queue.status();
    if (!before) {
        outcome.error = "not sent: " + before.error().message;
        return outcome;
    }
    outcome.statusBefore = receiptStatusFromQueue(*before);
    if (std::string problem = queueProblem(*before); !problem.empty()) {
        outcome.error = "not sent: CUPS queue " + m_destination + " reports " + problem + " (reasons: " +
                        reasonList(*before) + ")";
        return outcome;
    }

    auto submitted = m_queue.submitRaw(encoded->bytes, "receipt");
    if (!submitted) {
        outcome.error = "not sent: " + submitted.error().message;
        return outcome;
    }
    JobEnd end = followJob(submitted->id);

    auto after = m_queue.status();
    if (after) outcome.statusAfter = receiptStatusFromQueue(*after);
    const std::string total = std::to_string(outcome.bytesTotal);
    // The backend's last words ("Unable to connect to printer") are often
    // the only hint of what went wrong.
    const std::string said = after && !after->message.empty() ? "; CUPS says: " + after->message : "";
    if (end.cause != JobEndCause::Final) {
        // Canceled so that it cannot come out later, for whoever stands at
        // the kiosk then, after this receipt has been reported as not printed.
        std::string canceled = ", now canceled";
        if (cupsCancelJob2(CUPS_HTTP_DEFAULT, m_destination.c_str(), submitted->id, 0) > IPP_STATUS_OK_CONFLICTING)
            canceled = ", and canceling it failed (" + std::string(cupsLastErrorString()) + "): it may still print";
        std::string why = end.cause == JobEndCause::TimedOut
                              ? " after " + std::to_string(m_options.jobTimeout.count()) + " ms"
                              : " and would not finish without someone's help";
        outcome.error = jobEndText(end.job) + why + canceled + "; CUPS took all " + total +
                        " bytes but how many reached the printer is unknown" + said;
        return outcome;
    }
    if (end.job.state != PrintJobState::Completed) {
        outcome.error = jobEndText(end.job) + "; CUPS took all " + total +
                        " bytes but how many reached the printer is unknown" + said;
        return outcome;
    }
    // The backend handed every byte to the printer.
    outcome.bytesSent = outcome.bytesTotal;
    if (!after) {
        outcome.error = "sent, but the queue's state afterwards is unknown: " + after.error().message;
        return outcome;
    }
    if (std::string problem = reasonProblem(*after); !problem.empty()) {
        outcome.error = "sent, but CUPS queue " + m_destination + " then reported " + problem +
                        ": the receipt may be incomplete";
        return outcome;
    }
    outcome.printed = true;
    return outcome;
}

CupsReceiptPrinter::JobEnd CupsReceiptPrinter::followJob(int jobId)
{
    JobEnd end{PrintJob{jobId, PrintJobState::Unknown, {}}, JobEndCause::TimedOut};
    const auto deadline = std::chrono::steady_clock::now() + m_options.jobTimeout;
    for (;;) {
        // A failed query (a spooler restarting) is not the job's end: ask
        // again until the deadline.
        if (auto job = m_queue.job(jobId)) end.job = *job;
        if (isFinal(end.job.state)) {
            end.cause = JobEndCause::Final;
            return end;
        }
        bool stuck = end.job.state == PrintJobState::Stopped || end.job.state == PrintJobState::Held;
        if (end.job.state == PrintJobState::Pending)
            if (auto queue = m_queue.status(); queue && queue->stopped) stuck = true;
        if (stuck) {
            end.cause = JobEndCause::Stuck;
            return end;
        }
        if (std::chrono::steady_clock::now() + m_options.pollInterval > deadline) return end;
        std::this_thread::sleep_for(m_options.pollInterval);
    }
}

} // namespace kiosk::devices
