#pragma once
// A receipt printer reached through a raw CUPS queue (socket://, lpd://,
// a USB printer owned by the usb backend) instead of through the kiosk's own
// USB bulk transport. The same ESC/POS bytes go out; only the path differs.
//
// Limits of this transport. The link is one-way: the printer's replies to
// DLE EOT never reach the kiosk, so everything known about the printer is
// what the spooler's backend reported in printer-state-reasons, and an idle
// queue with no reasons says nothing about paper, cover or power. Power and
// paper therefore stay Unknown unless a reason says otherwise, and
// PrinterStatus::readyToPrint() is never true here. A completed job means
// the backend handed every byte to the printer, not that paper came out: a
// printer that runs out of paper halfway may still take the rest into its
// buffer. (A raw queue on a file: device is worse: CUPS 2.4 marks the job
// completed without writing a byte, so such a queue cannot stand in for a
// printer, not even in a test.) This adapter refuses to print when the queue or its reasons show a
// problem, follows each job to its end, and calls a receipt printed only when
// the job completed and the reasons afterwards show no problem. Use the USB
// transport (EscPosPrinter) when the printer's own status matters, which for
// a kiosk handing out payment receipts it usually does.
//
// print() blocks until the job ends or the timeout passes; call it from a
// worker, never from the UI thread. Calls from two threads (a status monitor
// beside a printing flow) are safe: libcups keeps one connection per thread
// and the adapter holds nothing that changes.
#include <chrono>
#include <string>

#include "cups/cups_a4_printer.hpp"
#include "device/receipt_printer.hpp"
#include "escpos/escpos_encoder.hpp"

namespace kiosk::devices {

struct CupsReceiptOptions {
    escpos::EncoderOptions encoder;
    /// How long a job may take from submission to its end state before the
    /// receipt is given up (and the job canceled so it cannot come out later).
    std::chrono::milliseconds jobTimeout{30000};
    /// How often the job's state is asked for while it runs.
    std::chrono::milliseconds pollInterval{200};
};

class CupsReceiptPrinter final : public ReceiptPrinter {
public:
    explicit CupsReceiptPrinter(std::string destination, CupsReceiptOptions options = {});

    /// The queue's state as CUPS knows it, mapped onto PrinterStatus: power
    /// Offline when the queue is stopped, not accepting jobs or reports
    /// offline; paper Empty or NearEnd only from media reasons. Fails when
    /// CUPS does not answer or the destination does not exist.
    Result<PrinterStatus> queryStatus() override;
    /// Refuses before sending when the queue shows a problem; otherwise
    /// submits the encoded receipt as raw data and follows the job.
    PrintOutcome print(const ReceiptDocument& document) override;
    std::string describe() const override { return "receipt printer on CUPS queue " + m_destination; }

    /// The queue's own view (accepting, stopped, reasons, message), for
    /// maintainers who need more than PrinterStatus can say.
    Result<A4PrinterStatus> queueStatus() { return m_queue.status(); }

private:
    /// Why following a job ended: it reached a final state, it waits for
    /// someone to act (stopped, held, or pending on a stopped queue), or the
    /// time ran out.
    enum class JobEndCause { Final, Stuck, TimedOut };
    struct JobEnd {
        PrintJob job;
        JobEndCause cause = JobEndCause::Final;
    };
    JobEnd followJob(int jobId);

    std::string m_destination;
    CupsReceiptOptions m_options;
    CupsA4Printer m_queue;
};

/// What in a queue's state stops a receipt from printing, in words (empty
/// when nothing does). Cover-open reasons are read here because
/// A4PrinterStatus has no field for them.
std::string queueProblem(const A4PrinterStatus& status);

/// The queue's state as PrinterStatus (see CupsReceiptPrinter::queryStatus).
PrinterStatus receiptStatusFromQueue(const A4PrinterStatus& status);

} // namespace kiosk::devices
