#include <doctest/doctest.h>

#include <filesystem>

#include <unistd.h>

#include "device/device_report.hpp"
#include "sim/simulated_devices.hpp"

using namespace kiosk;
using namespace kiosk::devices;

namespace {

std::unique_ptr<SimulatedDevices> makeDevices(EventQueue& queue)
{
    auto identities = loadSampleIdentities(std::string(KIOSK_TEST_ASSETS) + "/demo/id_cards.tsv");
    REQUIRE(identities.has_value());
    auto dir = std::filesystem::temp_directory_path() / ("kiosk-simdev-" + std::to_string(::getpid()));
    auto devices = SimulatedDevices::create(queue, std::move(*identities), dir.string());
    REQUIRE(devices.has_value());
    return std::move(*devices);
}

DeviceHealth receiptHealth(SimulatedDevices& d)
{
    return reportFor(DeviceRole::ReceiptPrinter, d.receiptPrinter().queryStatus()).health;
}

} // namespace

TEST_SUITE("simulated_devices")
{
    TEST_CASE("printer commands reach the simulated printer, seen through the real ESC/POS adapter")
    {
        EventQueue queue;
        auto d = makeDevices(queue);
        CHECK(receiptHealth(*d) == DeviceHealth::Ready);
        REQUIRE(d->control("printer paper-out").has_value());
        CHECK(receiptHealth(*d) == DeviceHealth::Fault);
        REQUIRE(d->control("printer ok").has_value());
        REQUIRE(d->control("printer unplug").has_value());
        CHECK(receiptHealth(*d) == DeviceHealth::Missing);
        REQUIRE(d->control("printer plug").has_value());
        CHECK(receiptHealth(*d) == DeviceHealth::Ready);
        REQUIRE(d->control("printer paper-out-after 100").has_value());
        CHECK(d->receiptDevice().faults().paperOutAfter == d->receiptDevice().bytesPrinted() + 100);
    }

    TEST_CASE("reader, scanner and A4 commands")
    {
        EventQueue queue;
        auto d = makeDevices(queue);
        REQUIRE(d->reader().open().has_value());
        REQUIRE(d->scanner().open().has_value());
        REQUIRE(d->control("reader unplug").has_value());
        CHECK(d->reader().state() == DeviceState::Error);
        CHECK_FALSE(d->reader().insert("zhang-xiaosan").has_value());
        REQUIRE(d->control("reader plug").has_value());
        CHECK(d->reader().state() == DeviceState::Idle);
        REQUIRE(d->control("scanner unplug").has_value());
        CHECK(reportFor(DeviceRole::Scanner, d->scanner()).health == DeviceHealth::Missing);
        REQUIRE(d->control("a4 jam").has_value());
        CHECK(reportFor(DeviceRole::A4Printer, d->a4Printer().status()).problem == DeviceProblem::Jammed);
        REQUIRE(d->control("a4 ok").has_value());
        CHECK(reportFor(DeviceRole::A4Printer, d->a4Printer().status()).health == DeviceHealth::Ready);
    }

    TEST_CASE("a command it does not know is refused with the list of those it does")
    {
        EventQueue queue;
        auto d = makeDevices(queue);
        for (const char* bad : {"printer", "printer explode", "toaster ok", "printer paper-out-after",
                                "printer paper-out-after many", "printer ok 3", "a4 jam now", ""}) {
            auto r = d->control(bad);
            REQUIRE_FALSE(r.has_value());
            CHECK(!r.error().message.empty());
        }
        CHECK(d->control("printer explode").error().message.find("paper-out-after N") != std::string::npos);
    }

    TEST_CASE("the demo hotkeys' cycles come back to a working printer")
    {
        EventQueue queue;
        auto d = makeDevices(queue);
        std::vector<std::string> seen;
        for (int i = 0; i < 5; ++i) seen.push_back(d->cycleReceiptPrinter());
        CHECK(seen.back() == "receipt printer ok");
        CHECK(receiptHealth(*d) == DeviceHealth::Ready);
        for (int i = 0; i < 5; ++i) (void)d->cycleA4Printer();
        CHECK(reportFor(DeviceRole::A4Printer, d->a4Printer().status()).health == DeviceHealth::Ready);
    }
}
