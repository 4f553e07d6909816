#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>

#include "escpos/escpos_printer.hpp"
#include "sim/simulated_escpos_device.hpp"

using namespace kiosk;
using namespace kiosk::devices;

namespace {

ReceiptDocument registrationSlip()
{
    ReceiptDocument doc;
    doc.elements.push_back(ReceiptText{"示范市第一人民医院", TextAlign::Center, 2, 2, true});
    doc.elements.push_back(ReceiptText{"内科 普通门诊 张*三", TextAlign::Left, 1, 1, false});
    doc.elements.push_back(ReceiptQrCode{"REG-20261123-0042", 6, TextAlign::Center});
    doc.elements.push_back(ReceiptCut{false});
    return doc;
}

std::string decodeQr(const std::string& png)
{
    std::string command = "zbarimg -q --nodbus --raw '" + png + "' 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    REQUIRE(pipe);
    std::string out;
    char buffer[256];
    while (std::fgets(buffer, sizeof buffer, pipe.get())) out += buffer;
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

SimulatedPrinterFaults faults(bool coverOpen, bool unplugged, bool nearEnd)
{
    SimulatedPrinterFaults f;
    f.coverOpen = coverOpen;
    f.unplugged = unplugged;
    f.paperNearEnd = nearEnd;
    return f;
}

std::string scratch(const char* name)
{
    std::string dir = std::filesystem::temp_directory_path() / ("kiosk-simprinter-" + std::string(name));
    std::filesystem::remove_all(dir);
    return dir;
}

} // namespace

TEST_SUITE("simulated_escpos_device")
{
    TEST_CASE("the real printer adapter prints on the simulated printer, which draws the slip with a readable QR")
    {
        auto device = SimulatedEscPosDevice::create(scratch("ok"));
        REQUIRE_MESSAGE(device.has_value(), (device ? "" : device.error().message));
        escpos::EscPosPrinter printer(**device, "simulated printer");
        PrintOutcome outcome = printer.print(registrationSlip());
        CHECK_MESSAGE(outcome.printed, outcome.error);
        auto receipts = (*device)->receipts();
        REQUIRE(receipts.size() == 1);
        CHECK(decodeQr(receipts[0]) == "REG-20261123-0042");
    }

    TEST_CASE("paper running out mid-slip is reported by status and the adapter fails the print")
    {
        auto device = SimulatedEscPosDevice::create(scratch("paper"));
        REQUIRE(device.has_value());
        (*device)->setFaults({.paperOutAfter = 30});
        escpos::EscPosPrinter printer(**device, "simulated printer");
        PrintOutcome outcome = printer.print(registrationSlip());
        CHECK_FALSE(outcome.printed);
        CHECK(outcome.bytesSent == 30);
        CHECK(outcome.statusAfter.paper == PaperState::Empty);
        CHECK((*device)->receipts().empty());  // never cut, never handed out
    }

    TEST_CASE("cover open or unplugged: nothing printed, and the reason says which")
    {
        auto device = SimulatedEscPosDevice::create(scratch("faults"));
        REQUIRE(device.has_value());
        escpos::EscPosPrinter printer(**device, "simulated printer");
        (*device)->setFaults(faults(true, false, false));
        PrintOutcome cover = printer.print(registrationSlip());
        CHECK_FALSE(cover.printed);
        CHECK(cover.error.find("cover open") != std::string::npos);
        (*device)->setFaults(faults(false, true, false));
        PrintOutcome gone = printer.print(registrationSlip());
        CHECK_FALSE(gone.printed);
        CHECK(gone.error.find("unplugged") != std::string::npos);
        (*device)->setFaults(faults(false, false, true));
        auto status = printer.queryStatus();
        REQUIRE(status.has_value());
        CHECK(status->paper == PaperState::NearEnd);
        CHECK(printer.print(registrationSlip()).printed);  // near end still prints
        CHECK((*device)->bytesPrinted() > 0);
    }
}
