// The A4 printer adapter against a real cupsd (started by run.sh with a
// private configuration): a raw queue delivers bytes unchanged to a listener
// here, a PDF queue prints a document to a file, a job on a dead queue is
// aborted, and a destination that does not exist gets a clear error.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cups/cups_a4_printer.hpp"
#include "cups_fixtures.hpp"

using namespace kiosk;
using namespace kiosk::test;
using namespace std::chrono_literals;

namespace {

// A small valid one-page PDF, byte offsets in the xref computed as it is built.
std::vector<std::uint8_t> samplePdf()
{
    std::vector<std::string> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length 44 >>\nstream\nBT /F1 24 Tf 72 760 Td (Test page) Tj ET\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
    std::ostringstream pdf;
    pdf << "%PDF-1.4\n";
    std::vector<std::size_t> offsets;
    for (std::size_t i = 0; i < objects.size(); ++i) {
        offsets.push_back(static_cast<std::size_t>(pdf.tellp()));
        pdf << i + 1 << " 0 obj\n" << objects[i] << "\nendobj\n";
    }
    auto xref = static_cast<std::size_t>(pdf.tellp());
    pdf << "xref\n0 " << objects.size() + 1 << "\n0000000000 65535 f \n";
    for (std::size_t off : offsets) {
        char line[32];
        std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
        pdf << line;
    }
    pdf << "trailer\n<< /Size " << objects.size() + 1 << " /Root 1 0 R >>\nstartxref\n" << xref << "\n%%EOF\n";
    std::string s = pdf.str();
    return {s.begin(), s.end()};
}

} // namespace

TEST_SUITE("cups")
{
    TEST_CASE("a raw queue delivers the receipt bytes unchanged and the job completes")
    {
        RawListener listener(envPort("KIOSK_RAW_PORT"));
        devices::CupsA4Printer queue("EscRaw");
        const std::vector<std::uint8_t> bytes = {0x1B, 0x40, 'H', 'e', 'l', 'l', 'o', '\n', 0x1D, 0x56, 0x42, 0x00};
        auto job = queue.submitRaw(bytes, "receipt");
        REQUIRE_MESSAGE(job.has_value(), (job ? "" : job.error().message));
        CHECK(job->id > 0);
        PrintJob end = waitForEnd(queue, job->id, 20s);
        CHECK(end.state == PrintJobState::Completed);
        CHECK(listener.takeAfterClose() == bytes);
    }

    TEST_CASE("a PDF printed on the A4 queue completes and its output is a PDF")
    {
        devices::CupsA4Printer printer("A4Pdf");
        auto status = printer.status();
        REQUIRE_MESSAGE(status.has_value(), (status ? "" : status.error().message));
        CHECK(status->reachable);
        CHECK(status->accepting);
        CHECK(status->usable());
        CHECK(status->paper == PaperState::Unknown);  // an idle queue knows nothing about paper

        auto job = printer.submitPdf(samplePdf(), "report");
        REQUIRE_MESSAGE(job.has_value(), (job ? "" : job.error().message));
        PrintJob end = waitForEnd(printer, job->id, 60s);
        CHECK_MESSAGE(end.state == PrintJobState::Completed, "job state " << printJobStateName(end.state));
        // The generic PDF driver wraps the document in a PJL job header.
        std::ifstream out(std::getenv("KIOSK_A4_OUTPUT"), std::ios::binary);
        std::stringstream content;
        content << out.rdbuf();
        CHECK(content.str().find("%PDF-") != std::string::npos);
        CHECK(content.str().find("%%EOF") != std::string::npos);
    }

    TEST_CASE("a job the printer cannot take is aborted, not reported as printed")
    {
        devices::CupsA4Printer broken("Broken");
        const std::vector<std::uint8_t> bytes = {0x1B, 0x40, 'x', '\n'};
        auto job = broken.submitRaw(bytes, "doomed");
        REQUIRE_MESSAGE(job.has_value(), (job ? "" : job.error().message));
        PrintJob end = waitForEnd(broken, job->id, 60s);
        CHECK_MESSAGE(end.state == PrintJobState::Aborted, "job state " << printJobStateName(end.state));
    }

    TEST_CASE("a destination that does not exist is a clear error and the adapter keeps working")
    {
        devices::CupsA4Printer missing("NoSuchPrinter");
        auto job = missing.submitPdf(samplePdf(), "x");
        REQUIRE_FALSE(job.has_value());
        CHECK(job.error().message.find("no CUPS destination 'NoSuchPrinter'") != std::string::npos);
        auto status = missing.status();
        REQUIRE_FALSE(status.has_value());
        CHECK(status.error().message.find("NoSuchPrinter") != std::string::npos);
        auto again = devices::CupsA4Printer("A4Pdf").status();
        CHECK(again.has_value());
    }

    TEST_CASE("something that is not a PDF is refused before it reaches the spooler")
    {
        devices::CupsA4Printer printer("A4Pdf");
        const std::vector<std::uint8_t> notPdf = {'h', 'e', 'l', 'l', 'o'};
        auto job = printer.submitPdf(notPdf, "x");
        REQUIRE_FALSE(job.has_value());
        CHECK(job.error().message.find("not a PDF") != std::string::npos);
    }
}
