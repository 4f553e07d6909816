// The A4 test page: a real PDF whose text can be read back (pdftotext), and
// which the private cupsd's PDF queue prints to the end.
#include <doctest/doctest.h>

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "cups/cups_a4_printer.hpp"
#include "cups_fixtures.hpp"
#include "pdf/test_page.hpp"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::string pdfText(const std::vector<std::uint8_t>& pdf)
{
    char path[] = "/tmp/kiosk-test-page-XXXXXX";
    int fd = ::mkstemp(path);
    REQUIRE(fd >= 0);
    ::close(fd);
    {
        std::ofstream file(path, std::ios::binary);
        file.write(reinterpret_cast<const char*>(pdf.data()), static_cast<std::streamsize>(pdf.size()));
    }
    std::string text;
    if (FILE* pipe = ::popen((std::string("pdftotext ") + path + " - 2>&1").c_str(), "r")) {
        char buffer[512];
        while (std::fgets(buffer, sizeof buffer, pipe)) text += buffer;
        ::pclose(pipe);
    }
    std::remove(path);
    return text;
}

} // namespace

TEST_SUITE("test page")
{
    TEST_CASE("the test page is a one-page PDF that names the kiosk and the destination")
    {
        auto pdf = devices::pdf::renderTestPage({"HK1-TEST-KIOSK", "A4Pdf", std::chrono::system_clock::now()});
        REQUIRE_MESSAGE(pdf.has_value(), (pdf ? "" : pdf.error().message));
        REQUIRE(pdf->size() > 1000);
        CHECK(std::string(pdf->begin(), pdf->begin() + 5) == "%PDF-");
        std::string text = pdfText(*pdf);
        CHECK_MESSAGE(text.find("Printer test page") != std::string::npos, text);
        CHECK_MESSAGE(text.find("打印测试页") != std::string::npos, text);
        CHECK_MESSAGE(text.find("HK1-TEST-KIOSK") != std::string::npos, text);
        CHECK_MESSAGE(text.find("A4Pdf") != std::string::npos, text);
        CHECK_MESSAGE(text.find("门诊挂号") != std::string::npos, text);
    }

    TEST_CASE("the test page prints to the end on the PDF queue")
    {
        auto pdf = devices::pdf::renderTestPage({"K-001", "A4Pdf", std::chrono::system_clock::now()});
        REQUIRE(pdf.has_value());
        devices::CupsA4Printer printer("A4Pdf");
        auto job = printer.submitPdf(*pdf, "Printer test page");
        REQUIRE_MESSAGE(job.has_value(), (job ? "" : job.error().message));
        PrintJob end = waitForEnd(printer, job->id, std::chrono::seconds(120));
        CHECK_MESSAGE(end.state == PrintJobState::Completed, "job state " << printJobStateName(end.state));
        std::ifstream out(envValue("KIOSK_A4_OUTPUT"), std::ios::binary);
        std::string content((std::istreambuf_iterator<char>(out)), std::istreambuf_iterator<char>());
        CHECK(content.find("%PDF-") != std::string::npos);
    }
}
