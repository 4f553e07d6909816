// Scanners unplugged and plugged back in, on emulated nodes: the adapter
// goes to the Error state with the reason, and reads again by itself once
// the node is back, within two seconds (it retries every half second).
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "hidpos/evdev_wedge_scanner.hpp"
#include "hidpos/hid_pos_report.hpp"
#include "hidpos/hidraw_scanner.hpp"
#include "scanner_testbed.hpp"

using kiosk::DeviceState;
using kiosk::EventQueue;
using namespace kiosk::devices::hidpos;
using namespace kiosk::test;

namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::array<std::uint8_t, kReportSize> qrReport(const std::string& code)
{
    return encodeScanReport("]Q1", std::span(reinterpret_cast<const std::uint8_t*>(code.data()), code.size()), 0);
}

} // namespace

TEST_SUITE("scanner")
{
    TEST_CASE("an unplugged HID POS scanner is in Error with the reason, and reads again when it is back")
    {
        ScannerBed first("hidpos-scanner-replug.umockdev");
        std::optional<ScannerBed> replugged;
        EventQueue events;
        ScanLog log(events);
        HidrawScanner scanner(events, first.node());
        REQUIRE(scanner.open().has_value());
        scanner.enable();
        first.send(qrReport("HK1:R:20240611-0042:90D6"));
        REQUIRE(log.waitForScans(1));
        CHECK(scanner.state() == DeviceState::Idle);

        first.unplug();
        CHECK(waitFor([&] { return scanner.state() == DeviceState::Error; }, 2000ms));
        // The node has gone, so every retry fails to open it, naming it and why.
        CHECK(waitFor([&] { return contains(scanner.lastError(), "cannot open /dev/hidraw97"); }, 2000ms));
        CHECK(contains(scanner.lastError(), "No such file or directory"));

        replugged.emplace("hidpos-scanner-replug.umockdev");
        CHECK(waitFor([&] { return scanner.state() == DeviceState::Idle; }, 2000ms));
        replugged->send(qrReport("134567890123456789"));
        REQUIRE(log.waitForScans(2));
        CHECK(log.texts() == std::vector<std::string>{"HK1:R:20240611-0042:90D6", "134567890123456789"});
        CHECK(scanner.scans() == 2);
    }

    TEST_CASE("an unplugged keyboard-wedge scanner is in Error with the reason, and is grabbed again when back")
    {
        ScannerBed first("wedge-scanner.umockdev");
        std::optional<ScannerBed> replugged;
        EventQueue events;
        ScanLog log(events);
        EvdevWedgeScanner scanner(events, first.node());
        REQUIRE(scanner.open().has_value());
        scanner.enable();
        first.sendEvents("wedge-payment-code.evemu");
        REQUIRE(log.waitForScans(1));

        first.unplug();
        CHECK(waitFor([&] { return scanner.state() == DeviceState::Error; }, 2000ms));
        CHECK(waitFor([&] { return contains(scanner.lastError(), "cannot open /dev/input/event97"); }, 2000ms));
        CHECK(contains(scanner.lastError(), "No such file or directory"));
        CHECK(first.grab().releases() == 1);  // let go of on the way out, as on any close

        replugged.emplace("wedge-scanner.umockdev");
        CHECK(waitFor([&] { return scanner.state() == DeviceState::Idle; }, 2000ms));
        CHECK(replugged->grab().held());
        replugged->replay("wedge-payment-code.evemu");
        REQUIRE(log.waitForScans(2));
        CHECK(log.texts() == std::vector<std::string>{"134567890123456789", "134567890123456789"});
    }
}
