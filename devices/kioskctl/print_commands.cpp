// Test prints for a maintainer standing at the kiosk: a receipt on the
// receipt printer (USB, a raw CUPS queue, or the simulated printer drawing a
// PNG) and an A4 test page on a CUPS destination. Each says plainly whether
// it printed, and exits 1 when it did not.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <thread>

#include "cups/cups_a4_printer.hpp"
#include "cups/cups_receipt_printer.hpp"
#include "escpos/escpos_printer.hpp"
#include "kioskctl/commands.hpp"
#include "pdf/test_page.hpp"
#include "settings/kiosk_settings.hpp"
#include "sim/simulated_escpos_device.hpp"
#include "usb/usb_bulk_device.hpp"
#include "usb/usb_context.hpp"

namespace kiosk::ctl {

namespace {

std::string localTime(WallTime when, const char* format)
{
    std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm local{};
    localtime_r(&t, &local);
    char text[64];
    std::strftime(text, sizeof text, format, &local);
    return text;
}

// The id goes into the QR code as it is; plain ASCII keeps the symbol
// readable by any scanner, whatever character set it assumes.
bool isPlainAscii(const std::string& text)
{
    if (text.empty()) return false;
    for (char c : text)
        if (c < 0x21 || c > 0x7E) return false;
    return true;
}

ReceiptText line(std::string text, TextAlign align = TextAlign::Left, int width = 1, int height = 1,
                 bool bold = false)
{
    return ReceiptText{std::move(text), align, width, height, bold};
}

// Everything the encoder can do once, so that one glance at the paper shows
// whether sizes, weight, alignment, Chinese, the QR code and the cutter work.
ReceiptDocument testReceipt(const std::string& kioskId, WallTime now, const std::string& printer,
                            const std::string& statusBefore, const std::string& qrText)
{
    ReceiptDocument doc;
    auto& e = doc.elements;
    e.push_back(line("打印测试", TextAlign::Center, 2, 2, true));
    e.push_back(line("Receipt printer test", TextAlign::Center, 1, 1, true));
    e.push_back(ReceiptFeed{1});
    e.push_back(line("终端 Kiosk: " + kioskId));
    e.push_back(line("时间 Time: " + localTime(now, "%Y-%m-%d %H:%M:%S")));
    e.push_back(line("打印机 Printer: " + printer));
    e.push_back(line("打印前状态 Status before: " + statusBefore));
    e.push_back(ReceiptFeed{1});
    e.push_back(line("1x1 字号 size"));
    e.push_back(line("2x1 字号 size", TextAlign::Left, 2, 1));
    e.push_back(line("1x2 字号 size", TextAlign::Left, 1, 2));
    e.push_back(line("2x2 字号", TextAlign::Left, 2, 2));
    e.push_back(line("粗体 Bold", TextAlign::Left, 1, 1, true));
    e.push_back(line("左 Left", TextAlign::Left));
    e.push_back(line("中 Center", TextAlign::Center));
    e.push_back(line("右 Right", TextAlign::Right));
    e.push_back(ReceiptFeed{1});
    e.push_back(ReceiptQrCode{qrText, 6, TextAlign::Center});
    e.push_back(line(qrText, TextAlign::Center));
    e.push_back(ReceiptFeed{2});
    e.push_back(ReceiptCut{false});
    return doc;
}

Result<std::unique_ptr<devices::usb::UsbBulkDevice>> openUsbPrinter(devices::usb::UsbContext& context)
{
    using devices::usb::DeviceRole;
    for (const devices::usb::UsbDeviceInfo& device : context.enumerate())
        if (auto match = devices::usb::matchAdapter(device); match && match->role == DeviceRole::ReceiptPrinter)
            return devices::usb::UsbBulkDevice::open(context, device, *match);
    return fail("no receipt printer on the USB bus (kioskctl usb list shows what is there)");
}

// Status first (it goes on the receipt), then the print, then the outcome.
int printTest(ReceiptPrinter& printer, const std::string& kioskId, WallTime now)
{
    const std::string qrText = kioskId + "-TEST-" + localTime(now, "%Y%m%d");
    auto before = printer.queryStatus();
    std::string statusText = before ? describe(*before) : "unknown (" + before.error().message + ")";
    std::printf("%s, status before: %s\nQR: %s\n", printer.describe().c_str(), statusText.c_str(), qrText.c_str());
    PrintOutcome outcome = printer.print(testReceipt(kioskId, now, printer.describe(), statusText, qrText));
    if (!outcome.printed) {
        std::printf("not printed: %zu of %zu bytes sent\n", outcome.bytesSent, outcome.bytesTotal);
        std::fflush(stdout);  // the reason on stderr comes after, as it happened
        return failWith(outcome.error);
    }
    std::printf("printed: %zu of %zu bytes sent, status after: %s\n", outcome.bytesSent, outcome.bytesTotal,
                describe(outcome.statusAfter).c_str());
    return 0;
}

int printToPng(const std::string& out, const std::string& kioskId, WallTime now)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    // The simulated printer writes receipt-N.png into a folder of its own;
    // the one receipt is then moved to where it was asked for.
    fs::path folder = fs::path(out).parent_path() / (fs::path(out).filename().string() + ".receipts");
    fs::remove_all(folder, ec);
    auto device = devices::SimulatedEscPosDevice::create(folder.string());
    if (!device) return failWith(device.error().message);
    devices::escpos::EscPosPrinter printer(**device, "simulated receipt printer");
    int code = printTest(printer, kioskId, now);
    std::vector<std::string> receipts = (*device)->receipts();
    if (code == 0 && receipts.size() != 1)
        code = failWith("the simulated printer cut " + std::to_string(receipts.size()) + " receipts instead of one");
    if (code == 0) {
        fs::copy_file(receipts[0], out, fs::copy_options::overwrite_existing, ec);
        if (ec)
            code = failWith("cannot write " + out + ": " + ec.message());
        else
            std::printf("receipt drawn to %s\n", out.c_str());
    }
    fs::remove_all(folder, ec);
    return code;
}

} // namespace

int printerTestReceipt(Args args)
{
    std::string destination;
    std::string png;
    std::string kioskId = KioskSettings{}.kioskId;
    bool cups = takeOption(args, "--cups", destination);
    bool simulated = takeOption(args, "--png", png);
    takeOption(args, "--kiosk-id", kioskId);
    if (!args.empty()) return failWith("printer test-receipt does not take '" + args[0] + "'");
    if (cups && simulated) return failWith("printer test-receipt takes --cups or --png, not both");
    if (!isPlainAscii(kioskId)) return failWith("--kiosk-id must be printable ASCII without spaces");
    const WallTime now = std::chrono::system_clock::now();

    if (simulated) return printToPng(png, kioskId, now);
    if (cups) {
        devices::CupsReceiptPrinter printer(destination);
        return printTest(printer, kioskId, now);
    }
    auto context = devices::usb::UsbContext::create();
    if (!context) return failWith(context.error().message);
    auto device = openUsbPrinter(**context);
    if (!device) return failWith(device.error().message);
    devices::escpos::EscPosPrinter printer(**device, "receipt printer at " + (*device)->info().location());
    return printTest(printer, kioskId, now);
}

int a4TestPage(Args args)
{
    std::string save;
    std::string kioskId = KioskSettings{}.kioskId;
    std::string timeoutText = "120";
    takeOption(args, "--save", save);
    takeOption(args, "--kiosk-id", kioskId);
    takeOption(args, "--timeout", timeoutText);
    if (args.size() != 1) return failWith("a4 test-page needs the CUPS destination name");
    int timeoutSeconds = 0;
    try {
        timeoutSeconds = std::stoi(timeoutText);
    } catch (const std::exception&) {
    }
    if (timeoutSeconds <= 0) return failWith("--timeout takes a number of seconds above 0");

    auto pdf = devices::pdf::renderTestPage({kioskId, args[0], std::chrono::system_clock::now()});
    if (!pdf) return failWith(pdf.error().message);
    if (!save.empty()) {
        std::ofstream file(save, std::ios::binary);
        file.write(reinterpret_cast<const char*>(pdf->data()), static_cast<std::streamsize>(pdf->size()));
        if (!file.flush()) return failWith("cannot write " + save);
        std::printf("test page saved to %s (%zu bytes)\n", save.c_str(), pdf->size());
    }

    devices::CupsA4Printer printer(args[0]);
    auto job = printer.submitPdf(*pdf, "Printer test page");
    if (!job) return failWith(job.error().message);
    std::printf("job %d submitted to %s\n", job->id, printer.describe().c_str());
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeoutSeconds);
    PrintJob last = *job;
    while (!isFinal(last.state) && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        auto now = printer.job(job->id);
        if (!now) return failWith(now.error().message);
        last = *now;
    }
    std::string reasons;
    for (const std::string& r : last.reasons) reasons += (reasons.empty() ? "" : ", ") + r;
    std::printf("job %d: %s, reasons: %s\n", last.id, std::string(printJobStateName(last.state)).c_str(),
                reasons.empty() ? "none" : reasons.c_str());
    if (last.state == PrintJobState::Completed) return 0;
    if (!isFinal(last.state))
        return failWith("job " + std::to_string(last.id) + " did not finish within " + timeoutText +
                        " s; it stays queued (cancel it with `cancel " + args[0] + "-" + std::to_string(last.id) +
                        "`)");
    return failWith("the test page was not printed: job " + std::string(printJobStateName(last.state)));
}

} // namespace kiosk::ctl
