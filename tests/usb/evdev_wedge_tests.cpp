// The keyboard-wedge scanner adapter on an emulated evdev node: umockdev
// plays back the key events a scanner in keyboard mode sends (evemu
// recordings in tests/usb), and answers EVIOCGRAB as evdev does (EvdevGrab).
#include <doctest/doctest.h>
#include <fcntl.h>
#include <linux/input.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <thread>

#include "hidpos/evdev_wedge_scanner.hpp"
#include "scanner_testbed.hpp"

using kiosk::DeviceState;
using kiosk::EventQueue;
using kiosk::devices::hidpos::EvdevWedgeScanner;
using namespace kiosk::test;

namespace {

const std::string kSlip = "HK1:R:20240611-0042:90D6";
const std::string kPaymentCode = "134567890123456789";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

} // namespace

TEST_SUITE("scanner")
{
    TEST_CASE("a keyboard-wedge scanner's codes arrive as typed, one per Enter, while its node is grabbed")
    {
        ScannerBed tb("wedge-scanner.umockdev");
        EventQueue events;
        ScanLog log(events);
        auto scanner = std::make_unique<EvdevWedgeScanner>(events, tb.node());
        CHECK(scanner->describe() == "keyboard-wedge scanner at /dev/input/event97");
        auto opened = scanner->open();
        REQUIRE_MESSAGE(opened.has_value(), (opened ? "" : opened.error().message));
        CHECK(scanner->state() == DeviceState::Idle);
        CHECK(tb.grab().held());
        scanner->enable();

        tb.replay("wedge-two-scans.evemu");
        REQUIRE_MESSAGE(log.waitForScans(2), scanner->lastError());
        CHECK_MESSAGE((log.texts() == std::vector<std::string>{kSlip, kPaymentCode}), scanner->lastError());
        CHECK(scanner->scans() == 2);
        CHECK(scanner->lastError().empty());

        // The grab lasts as long as the adapter and is released when it closes.
        CHECK(tb.grab().grabs() == 1);
        scanner.reset();
        CHECK(tb.grab().releases() == 1);
        CHECK_FALSE(tb.grab().held());
    }

    TEST_CASE("a scan cut off before its Enter is dropped with the reason, and the next one arrives whole")
    {
        ScannerBed tb("wedge-scanner.umockdev");
        EventQueue events;
        ScanLog log(events);
        EvdevWedgeScanner scanner(events, tb.node());
        REQUIRE(scanner.open().has_value());
        scanner.enable();

        tb.replay("wedge-cut-off.evemu");
        REQUIRE(log.waitForScans(1));
        CHECK(log.texts() == std::vector<std::string>{kPaymentCode});
        CHECK(contains(scanner.lastError(), "scan cut off"));
        CHECK(scanner.state() == DeviceState::Idle);  // a spoiled scan is not a broken scanner
        std::this_thread::sleep_for(300ms);
        CHECK(log.texts().size() == 1);
    }

    TEST_CASE("the events' own times decide where a scan was cut off, even when they are read all at once")
    {
        ScannerBed tb("wedge-scanner.umockdev");
        EventQueue events;
        ScanLog log(events);
        EvdevWedgeScanner scanner(events, tb.node());
        REQUIRE(scanner.open().has_value());
        scanner.enable();

        // As a reader held up for a while finds them: the cut-off digits and the whole code in one go, with
        // the 600 ms pause between them only in their timestamps.
        tb.sendEvents("wedge-cut-off.evemu");
        REQUIRE(log.waitForScans(1));
        CHECK(log.texts() == std::vector<std::string>{kPaymentCode});
        CHECK(contains(scanner.lastError(), "scan cut off"));
        CHECK(contains(scanner.lastError(), "8 characters dropped"));
    }

    TEST_CASE("a scan the kernel dropped events from (SYN_DROPPED) is not delivered; the next one is")
    {
        ScannerBed tb("wedge-scanner.umockdev");
        EventQueue events;
        ScanLog log(events);
        EvdevWedgeScanner scanner(events, tb.node());
        REQUIRE(scanner.open().has_value());
        scanner.enable();

        tb.replay("wedge-dropped.evemu");
        REQUIRE(log.waitForScans(1));
        CHECK(log.texts() == std::vector<std::string>{kPaymentCode});
        CHECK(contains(scanner.lastError(), "events from /dev/input/event97 were lost"));
        std::this_thread::sleep_for(300ms);
        CHECK(log.texts().size() == 1);
    }

    TEST_CASE("a scan read while the scanner is disabled is dropped, not handed on when it is enabled")
    {
        ScannerBed tb("wedge-scanner.umockdev");
        EventQueue events;
        ScanLog log(events);
        EvdevWedgeScanner scanner(events, tb.node());
        REQUIRE(scanner.open().has_value());

        tb.replay("wedge-two-scans.evemu");
        // Generous: the playback takes about half a second and the adapter reads as it comes.
        std::this_thread::sleep_for(2s);
        scanner.enable();
        tb.sendEvents("wedge-payment-code.evemu");
        REQUIRE(log.waitForScans(1));
        std::this_thread::sleep_for(200ms);
        CHECK(log.texts() == std::vector<std::string>{kPaymentCode});
        CHECK(scanner.scans() == 1);
    }

    TEST_CASE("a scanner another process has grabbed is not read: an error says so, and it is taken once free")
    {
        ScannerBed tb("wedge-scanner.umockdev");
        int other = ::open(tb.node().c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        REQUIRE(other >= 0);
        REQUIRE(::ioctl(other, EVIOCGRAB, 1) == 0);

        EventQueue events;
        ScanLog log(events);
        EvdevWedgeScanner scanner(events, tb.node());
        auto opened = scanner.open();
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().message == "cannot grab /dev/input/event97: another process holds it (EVIOCGRAB: " +
                                            std::string(std::strerror(EBUSY)) + ")");
        CHECK(scanner.state() == DeviceState::Error);
        CHECK(scanner.lastError() == opened.error().message);
        scanner.enable();

        // Every event of the scan reaches the holder: the adapter, refused the grab, has read none of them
        // (an emulated node has one queue for all readers, unlike evdev, so any key it read would be missing).
        tb.replay("wedge-payment-code.evemu");
        std::size_t expected = evemuEvents("wedge-payment-code.evemu").size() * sizeof(input_event);
        std::size_t got = 0;
        CHECK(waitFor([&] {
            std::uint8_t buffer[4096];
            ssize_t n = ::read(other, buffer, sizeof buffer);
            if (n > 0) got += static_cast<std::size_t>(n);
            return got >= expected;
        }));
        CHECK(got == expected);
        CHECK(log.texts().empty());
        CHECK(scanner.state() == DeviceState::Error);

        // Once the other process lets go, the adapter's retry takes the scanner within two seconds.
        REQUIRE(::ioctl(other, EVIOCGRAB, 0) == 0);
        ::close(other);
        CHECK(waitFor([&] { return scanner.state() == DeviceState::Idle; }, 2000ms));
        CHECK(tb.grab().held());
        CHECK(tb.grab().grabs() == 2);
    }
}
