#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "device/device_monitor.hpp"

using namespace kiosk;

namespace {

std::vector<DeviceReport> changes(EventQueue& queue)
{
    std::vector<DeviceReport> out;
    for (Event& e : queue.drain())
        if (auto* changed = std::get_if<DeviceChanged>(&e)) out.push_back(changed->report);
    return out;
}

DeviceReport report(DeviceRole role, DeviceHealth health)
{
    return DeviceReport{role, health, health == DeviceHealth::Fault ? DeviceProblem::PaperOut : DeviceProblem::None, ""};
}

} // namespace

TEST_SUITE("device_monitor")
{
    TEST_CASE("the first round reports every role; roles without a device are not configured")
    {
        EventQueue queue;
        DeviceMonitor monitor(queue);
        monitor.watch(DeviceRole::ReceiptPrinter, [] { return report(DeviceRole::ReceiptPrinter, DeviceHealth::Ready); },
                      std::chrono::seconds(1));
        monitor.probeAll();
        auto reports = changes(queue);
        REQUIRE(reports.size() == kAllDeviceRoles.size());
        for (const DeviceReport& r : reports) {
            if (r.role == DeviceRole::ReceiptPrinter) {
                CHECK(r.health == DeviceHealth::Ready);
            } else {
                CHECK(r.health == DeviceHealth::Missing);
                CHECK(r.problem == DeviceProblem::NotConfigured);
            }
        }
        CHECK(monitor.latest(DeviceRole::ReceiptPrinter).health == DeviceHealth::Ready);
    }

    TEST_CASE("a report is posted only when it changes")
    {
        EventQueue queue;
        DeviceMonitor monitor(queue);
        DeviceHealth health = DeviceHealth::Ready;
        monitor.watch(DeviceRole::ReceiptPrinter, [&] { return report(DeviceRole::ReceiptPrinter, health); },
                      std::chrono::seconds(1));
        monitor.probeAll();
        (void)changes(queue);
        monitor.probeAll();
        CHECK(changes(queue).empty());
        health = DeviceHealth::Fault;
        monitor.probeAll();
        auto reports = changes(queue);
        REQUIRE(reports.size() == 1);
        CHECK(reports[0].health == DeviceHealth::Fault);
        CHECK(reports[0].problem == DeviceProblem::PaperOut);
    }

    TEST_CASE("on its thread it probes by interval, and poke() probes at once")
    {
        EventQueue queue;
        DeviceMonitor monitor(queue);
        std::atomic<DeviceHealth> health{DeviceHealth::Ready};
        std::atomic<int> probes{0};
        monitor.watch(DeviceRole::IdCardReader,
                      [&] {
                          ++probes;
                          return report(DeviceRole::IdCardReader, health.load());
                      },
                      std::chrono::hours(1));  // only the first round and pokes
        monitor.start();
        auto waitFor = [&](auto condition) {
            for (int i = 0; i < 1000 && !condition(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
            return condition();
        };
        REQUIRE(waitFor([&] { return probes.load() >= 1; }));
        health = DeviceHealth::Missing;
        monitor.poke();
        REQUIRE(waitFor([&] { return monitor.latest(DeviceRole::IdCardReader).health == DeviceHealth::Missing; }));
        monitor.stop();
        bool sawMissing = false;
        for (const DeviceReport& r : changes(queue))
            if (r.role == DeviceRole::IdCardReader && r.health == DeviceHealth::Missing) sawMissing = true;
        CHECK(sawMissing);
    }

    TEST_CASE("a short interval is honoured without a poke")
    {
        EventQueue queue;
        DeviceMonitor monitor(queue);
        std::atomic<int> probes{0};
        monitor.watch(DeviceRole::Scanner,
                      [&] {
                          ++probes;
                          return report(DeviceRole::Scanner, DeviceHealth::Ready);
                      },
                      std::chrono::milliseconds(10));
        monitor.start();
        for (int i = 0; i < 1000 && probes.load() < 5; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        monitor.stop();
        CHECK(probes.load() >= 5);
    }
}
