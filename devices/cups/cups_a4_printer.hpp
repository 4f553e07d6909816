#pragma once
// The A4 printer through CUPS (libcups): create job → send document →
// finish, then follow the job by its id; printer state from an IPP
// Get-Printer-Attributes request. The server is whatever libcups is pointed
// at (CUPS_SERVER, client.conf), so a private cupsd serves the tests.
#include <string>

#include "device/a4_printer.hpp"

namespace kiosk::devices {

class CupsA4Printer final : public A4Printer {
public:
    explicit CupsA4Printer(std::string destination);

    Result<PrintJob> submitPdf(std::span<const std::uint8_t> pdf, const std::string& title) override;
    Result<PrintJob> job(int jobId) override;
    Result<void> cancelJob(int jobId) override;
    Result<A4PrinterStatus> status() override;
    std::string describe() const override { return "CUPS destination " + m_destination; }

    /// Sends bytes as-is (application/vnd.cups-raw), for a receipt printer
    /// reached through a raw queue instead of USB.
    Result<PrintJob> submitRaw(std::span<const std::uint8_t> bytes, const std::string& title);

private:
    Result<PrintJob> submit(std::span<const std::uint8_t> data, const std::string& title, const char* format);
    std::string m_destination;
};

} // namespace kiosk::devices
