#include <doctest/doctest.h>

#include "device/device_report.hpp"

using namespace kiosk;

namespace {

PrinterStatus healthyPrinter()
{
    PrinterStatus s;
    s.power = PowerState::Online;
    s.paper = PaperState::Ok;
    return s;
}

class FakeInput final : public InputDevice {
public:
    DeviceState current = DeviceState::Idle;
    std::string error;
    Result<void> open() override { return {}; }
    void enable() override {}
    void disable() override {}
    DeviceState state() const override { return current; }
    std::string describe() const override { return "fake"; }
    std::string lastError() const override { return error; }
};

} // namespace

TEST_SUITE("device_report")
{
    TEST_CASE("a receipt printer's status reads as the health the screen shows")
    {
        const DeviceRole role = DeviceRole::ReceiptPrinter;
        CHECK(reportFor(role, Result<PrinterStatus>(healthyPrinter())).health == DeviceHealth::Ready);

        PrinterStatus nearEnd = healthyPrinter();
        nearEnd.paper = PaperState::NearEnd;
        DeviceReport warning = reportFor(role, Result<PrinterStatus>(nearEnd));
        CHECK(warning.health == DeviceHealth::Warning);
        CHECK(warning.problem == DeviceProblem::PaperNearEnd);
        CHECK(warning.usable());

        PrinterStatus empty = healthyPrinter();
        empty.paper = PaperState::Empty;
        empty.power = PowerState::Offline;  // a printer out of paper also goes offline
        DeviceReport paperOut = reportFor(role, Result<PrinterStatus>(empty));
        CHECK(paperOut.health == DeviceHealth::Fault);
        CHECK(paperOut.problem == DeviceProblem::PaperOut);
        CHECK_FALSE(paperOut.usable());

        PrinterStatus cover = healthyPrinter();
        cover.coverOpen = true;
        cover.power = PowerState::Offline;
        CHECK(reportFor(role, Result<PrinterStatus>(cover)).problem == DeviceProblem::CoverOpen);

        PrinterStatus offline = healthyPrinter();
        offline.power = PowerState::Offline;
        CHECK(reportFor(role, Result<PrinterStatus>(offline)).problem == DeviceProblem::Offline);
    }

    TEST_CASE("a printer that cannot be asked is missing, with the reason kept for maintainers")
    {
        DeviceReport r = reportFor(DeviceRole::ReceiptPrinter, Result<PrinterStatus>(fail("no receipt printer on the USB bus")));
        CHECK(r.health == DeviceHealth::Missing);
        CHECK(r.problem == DeviceProblem::NotConnected);
        CHECK(r.detail == "no receipt printer on the USB bus");
    }

    TEST_CASE("a status with unknown paper is not called ready")
    {
        PrinterStatus s = healthyPrinter();
        s.paper = PaperState::Unknown;
        CHECK(reportFor(DeviceRole::ReceiptPrinter, Result<PrinterStatus>(s)).health == DeviceHealth::Unknown);
    }

    TEST_CASE("an A4 queue: reasons become faults and warnings; an unreachable spooler is missing")
    {
        const DeviceRole role = DeviceRole::A4Printer;
        A4PrinterStatus s;
        s.reachable = true;
        s.accepting = true;
        CHECK(reportFor(role, Result<A4PrinterStatus>(s)).health == DeviceHealth::Ready);

        A4PrinterStatus empty = s;
        applyStateReasons(empty, {"media-empty-error"});
        CHECK(reportFor(role, Result<A4PrinterStatus>(empty)).problem == DeviceProblem::PaperOut);

        A4PrinterStatus jam = s;
        applyStateReasons(jam, {"media-jam-error"});
        CHECK(reportFor(role, Result<A4PrinterStatus>(jam)).problem == DeviceProblem::Jammed);

        A4PrinterStatus toner = s;
        applyStateReasons(toner, {"toner-low-warning"});
        DeviceReport low = reportFor(role, Result<A4PrinterStatus>(toner));
        CHECK(low.health == DeviceHealth::Warning);
        CHECK(low.detail.find("toner-low-warning") != std::string::npos);

        A4PrinterStatus stopped = s;
        stopped.stopped = true;
        CHECK(reportFor(role, Result<A4PrinterStatus>(stopped)).health == DeviceHealth::Fault);

        CHECK(reportFor(role, Result<A4PrinterStatus>(fail("cups: no such destination"))).health == DeviceHealth::Missing);
    }

    TEST_CASE("an input device in the Error state is missing, with its last error")
    {
        FakeInput device;
        CHECK(reportFor(DeviceRole::Scanner, device).health == DeviceHealth::Ready);
        device.current = DeviceState::Busy;
        CHECK(reportFor(DeviceRole::Scanner, device).health == DeviceHealth::Ready);
        device.current = DeviceState::Error;
        device.error = "hidraw0: No such device";
        DeviceReport r = reportFor(DeviceRole::Scanner, device);
        CHECK(r.health == DeviceHealth::Missing);
        CHECK(r.detail == "hidraw0: No such device");
        device.current = DeviceState::Closed;
        CHECK(reportFor(DeviceRole::Scanner, device).health == DeviceHealth::Missing);
    }

    TEST_CASE("role and health names round-trip; unknown names are refused")
    {
        for (DeviceRole role : kAllDeviceRoles) CHECK(parseDeviceRole(deviceRoleName(role)) == role);
        for (DeviceHealth h : {DeviceHealth::Unknown, DeviceHealth::Ready, DeviceHealth::Warning, DeviceHealth::Fault,
                               DeviceHealth::Missing})
            CHECK(parseDeviceHealth(deviceHealthName(h)) == h);
        CHECK_FALSE(parseDeviceRole("printer"));
        CHECK_FALSE(parseDeviceHealth("ok"));
    }
}
