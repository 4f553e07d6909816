// The receipt printer over a raw CUPS queue, against the private cupsd of
// run.sh: bytes arrive exactly as encoded, and every way a receipt can fail
// to print (no such queue, a stopped queue, an aborted job, a job that never
// ends) is reported as not printed, with a reason. kioskctl's test receipt
// goes the same way, to a listener only a test binary can provide.
#include <doctest/doctest.h>

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>

#include "cups/cups_receipt_printer.hpp"
#include "cups_fixtures.hpp"
#include "escpos/escpos_interpreter.hpp"

using namespace kiosk;
using namespace kiosk::test;
using devices::CupsReceiptOptions;
using devices::CupsReceiptPrinter;

namespace {

ReceiptDocument sampleReceipt()
{
    ReceiptDocument doc;
    doc.elements.push_back(ReceiptText{"挂号凭条 Registration", TextAlign::Center, 2, 2, true});
    doc.elements.push_back(ReceiptText{"内科 Internal medicine, 09:30"});
    doc.elements.push_back(ReceiptQrCode{"K-001-20240101-0007", 6, TextAlign::Center});
    doc.elements.push_back(ReceiptCut{false});
    return doc;
}

// Runs a CUPS command-line tool against the private cupsd (CUPS_SERVER is
// set by run.sh); returns its exit status.
int cupsCommand(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

std::string commandOutput(const std::string& command, int* exitCode = nullptr)
{
    std::string out;
    int status = -1;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        char buffer[256];
        while (std::fgets(buffer, sizeof buffer, pipe)) out += buffer;
        status = ::pclose(pipe);
    }
    if (exitCode) *exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return out;
}

// The rest of the line after `prefix` in `text`.
std::string lineAfter(const std::string& text, const std::string& prefix)
{
    std::size_t at = text.find(prefix);
    if (at == std::string::npos) return {};
    at += prefix.size();
    return text.substr(at, text.find('\n', at) - at);
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_SUITE("cups receipt")
{
    TEST_CASE("the printer-state-reasons a raw queue can report map onto the receipt printer's status")
    {
        A4PrinterStatus idle;
        idle.reachable = idle.accepting = true;
        PrinterStatus status = devices::receiptStatusFromQueue(idle);
        // An idle raw queue has heard nothing from the printer.
        CHECK(status.power == PowerState::Unknown);
        CHECK(status.paper == PaperState::Unknown);
        CHECK_FALSE(status.readyToPrint());
        CHECK(devices::queueProblem(idle).empty());

        A4PrinterStatus troubled = idle;
        applyStateReasons(troubled, {"media-empty-error", "cover-open-report", "media-jam-warning", "offline-report"});
        status = devices::receiptStatusFromQueue(troubled);
        CHECK(status.paper == PaperState::Empty);
        CHECK(status.coverOpen);
        CHECK(status.jammed);
        CHECK(status.power == PowerState::Offline);
        CHECK(devices::queueProblem(troubled) == "paper empty, cover open, paper jam, printer offline");

        A4PrinterStatus low = idle;
        applyStateReasons(low, {"media-low-report"});
        CHECK(devices::receiptStatusFromQueue(low).paper == PaperState::NearEnd);
        CHECK(devices::queueProblem(low).empty());  // near end still prints

        A4PrinterStatus stopped = idle;
        stopped.stopped = true;
        stopped.accepting = false;
        CHECK(devices::receiptStatusFromQueue(stopped).power == PowerState::Offline);
        CHECK(devices::queueProblem(stopped) == "queue stopped, queue not accepting jobs");
    }

    TEST_CASE("a receipt reaches the printer byte for byte and is reported printed")
    {
        RawListener listener(envPort("KIOSK_RAW_PORT"));
        CupsReceiptOptions options;
        options.jobTimeout = std::chrono::seconds(60);  // generous: only a hang should reach it
        CupsReceiptPrinter printer("EscRaw", options);
        auto status = printer.queryStatus();
        REQUIRE_MESSAGE(status.has_value(), (status ? "" : status.error().message));
        CHECK(status->paper == PaperState::Unknown);

        ReceiptDocument doc = sampleReceipt();
        auto expected = devices::escpos::encodeReceipt(doc, options.encoder);
        REQUIRE(expected.has_value());
        PrintOutcome outcome = printer.print(doc);
        CHECK_MESSAGE(outcome.printed, outcome.error);
        CHECK(outcome.error.empty());
        CHECK(outcome.bytesTotal == expected->bytes.size());
        CHECK(outcome.bytesSent == outcome.bytesTotal);
        CHECK(outcome.statusBefore.paper == PaperState::Unknown);
        CHECK(listener.takeAfterClose() == expected->bytes);
    }

    TEST_CASE("a destination that does not exist is refused clearly, and the adapter works once it exists")
    {
        const std::string name = "LateReceipts";
        CupsReceiptPrinter printer(name);
        PrintOutcome refused = printer.print(sampleReceipt());
        CHECK_FALSE(refused.printed);
        CHECK(refused.bytesSent == 0);
        CHECK(refused.bytesTotal > 0);
        CHECK_MESSAGE(contains(refused.error, "no CUPS destination '" + name + "'"), refused.error);
        auto status = printer.queryStatus();
        REQUIRE_FALSE(status.has_value());
        CHECK_MESSAGE(contains(status.error().message, name), status.error().message);

        // The same object, once the queue has been set up, prints: nothing
        // about the failure was kept.
        const std::string uri = "socket://127.0.0.1:" + std::to_string(envPort("KIOSK_RAW_PORT"));
        REQUIRE(cupsCommand("lpadmin -p " + name + " -E -v " + uri + " -m raw") == 0);
        RawListener listener(envPort("KIOSK_RAW_PORT"));
        CHECK(printer.queryStatus().has_value());
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_MESSAGE(outcome.printed, outcome.error);
        CHECK(listener.takeAfterClose().size() == outcome.bytesTotal);
        cupsCommand("lpadmin -x " + name);
    }

    TEST_CASE("a stopped queue is refused before anything is sent")
    {
        const std::string name = "PausedReceipts";
        const std::string uri = "socket://127.0.0.1:" + std::to_string(envPort("KIOSK_RAW_PORT"));
        REQUIRE(cupsCommand("lpadmin -p " + name + " -E -v " + uri + " -m raw") == 0);
        REQUIRE(cupsCommand("cupsdisable " + name) == 0);
        CupsReceiptPrinter printer(name);
        auto status = printer.queryStatus();
        REQUIRE(status.has_value());
        CHECK(status->power == PowerState::Offline);
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.bytesSent == 0);
        CHECK_MESSAGE(contains(outcome.error, "not sent"), outcome.error);
        CHECK_MESSAGE(contains(outcome.error, "queue stopped"), outcome.error);
        CHECK(commandOutput("lpstat -o " + name).empty());  // no job was created
        cupsCommand("lpadmin -x " + name);
    }

    TEST_CASE("a job the printer never takes is aborted and reported as not printed")
    {
        CupsReceiptOptions options;
        options.jobTimeout = std::chrono::seconds(90);  // the job aborts in a few seconds
        CupsReceiptPrinter printer("Unplugged", options);
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.bytesSent == 0);
        CHECK(outcome.bytesTotal > 0);
        CHECK_MESSAGE(contains(outcome.error, "aborted"), outcome.error);
        CHECK_MESSAGE(contains(outcome.error, "how many reached the printer is unknown"), outcome.error);
    }

    TEST_CASE("a job that does not end in time is canceled and reported as not printed")
    {
        // The listener takes the bytes but never hangs up, so the socket
        // backend waits for it and the job stays processing.
        RawListener listener(envPort("KIOSK_STALL_PORT"), AtEndOfData::HoldOpen);
        CupsReceiptOptions options;
        options.jobTimeout = std::chrono::milliseconds(1500);
        CupsReceiptPrinter printer("Stalled", options);
        PrintOutcome outcome = printer.print(sampleReceipt());
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.bytesSent == 0);
        CHECK_MESSAGE(contains(outcome.error, "now canceled"), outcome.error);
        CHECK(commandOutput("lpstat -o Stalled").empty());  // nothing left to come out later
    }

    TEST_CASE("kioskctl printer test-receipt --cups sends a test receipt whose QR code reads back")
    {
        RawListener listener(envPort("KIOSK_RAW_PORT"));
        int code = -1;
        std::string out = commandOutput(std::string(envValue("KIOSK_KIOSKCTL")) +
                                            " printer test-receipt --cups EscRaw --kiosk-id HK1 2>&1",
                                        &code);
        CHECK_MESSAGE(code == 0, out);
        const std::string qrText = lineAfter(out, "QR: ");
        CHECK_MESSAGE(qrText.starts_with("HK1-TEST-"), out);
        std::vector<std::uint8_t> bytes = listener.takeAfterClose();
        const std::string count = std::to_string(bytes.size());
        CHECK_MESSAGE(contains(out, "printed: " + count + " of " + count + " bytes"), out);

        // Drawn as the printer would print it, the QR code says what kioskctl announced.
        auto interpreter = devices::escpos::EscposInterpreter::open();
        REQUIRE_MESSAGE(interpreter.has_value(), (interpreter ? "" : interpreter.error().message));
        devices::escpos::Rendering rendering = interpreter->render(bytes);
        CHECK(rendering.cuts == 1);
        const std::string png =
            (std::filesystem::temp_directory_path() / ("kiosk-cups-receipt-" + std::to_string(::getpid()) + ".png"))
                .string();
        REQUIRE(devices::escpos::writePng(rendering.paper, png).has_value());
        std::string readBack = commandOutput("zbarimg -q --raw " + png + " 2>/dev/null");
        std::filesystem::remove(png);
        CHECK(lineAfter("\n" + readBack, "\n") == qrText);
    }
}
