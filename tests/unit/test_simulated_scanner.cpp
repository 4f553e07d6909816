#include <doctest/doctest.h>

#include <atomic>
#include <string>
#include <thread>

#include "sim/simulated_scanner.hpp"

using namespace kiosk;
using namespace kiosk::devices;

namespace {

std::string onlyScan(EventQueue& queue)
{
    auto events = queue.drain();
    REQUIRE(events.size() == 1);
    REQUIRE(std::holds_alternative<CodeScanned>(events[0]));
    return std::get<CodeScanned>(events[0]).text;
}

} // namespace

TEST_SUITE("scanner_simulated")
{
    TEST_CASE("open, enable, scan: the text arrives as CodeScanned, unchanged")
    {
        EventQueue queue;
        SimulatedScanner scanner(queue);
        CHECK(scanner.state() == DeviceState::Closed);
        REQUIRE(scanner.open().has_value());
        CHECK(scanner.state() == DeviceState::Idle);
        scanner.enable();
        REQUIRE(scanner.scan("134567890123456789\r\n").has_value());
        // The event is on the queue when scan() returns; classification is the flow's job.
        CHECK(onlyScan(queue) == "134567890123456789\r\n");
        CHECK(scanner.describe() == "simulated scanner");
    }

    TEST_CASE("a scanner behind the interface")
    {
        EventQueue queue;
        SimulatedScanner simulated(queue);
        Scanner& scanner = simulated;
        REQUIRE(scanner.open().has_value());
        scanner.enable();
        REQUIRE(simulated.scan("202406110042").has_value());
        CHECK(onlyScan(queue) == "202406110042");
    }

    TEST_CASE("scans are refused while closed or disabled, with the reason")
    {
        EventQueue queue;
        SimulatedScanner scanner(queue);
        auto closed = scanner.scan("1");
        REQUIRE_FALSE(closed.has_value());
        CHECK(closed.error().message.find("not open") != std::string::npos);

        REQUIRE(scanner.open().has_value());
        auto disabled = scanner.scan("1");
        REQUIRE_FALSE(disabled.has_value());
        CHECK(disabled.error().message.find("disabled") != std::string::npos);

        scanner.enable();
        scanner.disable();
        CHECK_FALSE(scanner.scan("1").has_value());
        CHECK(queue.empty());
    }

    TEST_CASE("unplugged: Error state, scans refused; plugged back: working again")
    {
        EventQueue queue;
        SimulatedScanner scanner(queue);
        REQUIRE(scanner.open().has_value());
        scanner.enable();
        scanner.unplug();
        CHECK(scanner.state() == DeviceState::Error);
        auto refused = scanner.scan("134567890123456789");
        REQUIRE_FALSE(refused.has_value());
        CHECK(refused.error().message.find("unplugged") != std::string::npos);
        CHECK(queue.empty());

        scanner.plugIn();
        CHECK(scanner.state() == DeviceState::Idle);
        REQUIRE(scanner.scan("OK").has_value());
        CHECK(onlyScan(queue) == "OK");
    }

    TEST_CASE("open fails while unplugged")
    {
        EventQueue queue;
        SimulatedScanner scanner(queue);
        scanner.unplug();
        auto opened = scanner.open();
        REQUIRE_FALSE(opened.has_value());
        CHECK(opened.error().message.find("unplugged") != std::string::npos);
        CHECK(scanner.state() == DeviceState::Closed);
    }

    TEST_CASE("no event is posted after disable() returns, even with scans from another thread")
    {
        EventQueue queue;
        SimulatedScanner scanner(queue);
        REQUIRE(scanner.open().has_value());
        scanner.enable();
        std::atomic<bool> stop = false;
        std::thread patient([&] {
            while (!stop) (void)scanner.scan("X");
        });
        while (queue.empty()) std::this_thread::yield();
        scanner.disable();
        queue.drain();
        // Everything posted before disable() returned has been drained; nothing may follow.
        for (int i = 0; i < 1000; ++i) std::this_thread::yield();
        stop = true;
        patient.join();
        CHECK(queue.empty());
    }
}
