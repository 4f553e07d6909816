// The real libusb path against emulated devices: umockdev stands in for the
// kernel (sysfs, usbfs ioctls), so enumeration, descriptor parsing, claiming
// and bulk transfers run exactly as on a kiosk. Run under umockdev-wrapper.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
#include <umockdev.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <unistd.h>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "escpos/escpos_printer.hpp"
#include "hidpos/hid_pos_report.hpp"
#include "hidpos/hidraw_scanner.hpp"
#include "idcard/sam_frame.hpp"
#include "idcard/sam_reader_session.hpp"
#include "sam_replies.hpp"
#include "usb/usb_bulk_device.hpp"
#include "usb/usb_context.hpp"

using namespace kiosk::devices::usb;
using namespace std::chrono_literals;

namespace {

std::string fixture(const std::string& name)
{
    std::ifstream in(std::string(KIOSK_USB_FIXTURES) + "/" + name);
    REQUIRE_MESSAGE(in.good(), "missing fixture " << name);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A fresh testbed per test: the devices it adds disappear with it.
struct Testbed {
    UMockdevTestbed* bed = umockdev_testbed_new();
    ~Testbed() { g_object_unref(bed); }

    std::string add(const std::string& descriptionFile, const std::string& device, const std::string& ioctlFile)
    {
        GError* error = nullptr;
        std::string description = fixture(descriptionFile);
        REQUIRE_MESSAGE(umockdev_testbed_add_from_string(bed, description.c_str(), &error),
                        (error ? error->message : "add failed"));
        if (!ioctlFile.empty()) {
            std::string path = ioctlFile.starts_with('/') ? ioctlFile : std::string(KIOSK_USB_FIXTURES) + "/" + ioctlFile;
            REQUIRE_MESSAGE(umockdev_testbed_load_ioctl(bed, device.c_str(), path.c_str(), &error),
                            (error ? error->message : "ioctl load failed"));
        }
        // The first "P:" line is the sysfs path of the device.
        std::string syspath = description.substr(3, description.find('\n') - 3);
        return "/sys" + syspath;
    }
};

// An ioctl script where each OUT transfer on `outEp` is answered by an IN
// transfer on `inEp` asking for `inLength` bytes.
struct Exchange {
    std::vector<std::uint8_t> out;
    std::vector<std::uint8_t> in;
};
std::string ioctlScript(const std::string& node, int outEp, int inEp, int inLength, const std::vector<Exchange>& exchanges)
{
    std::string script = "@DEV " + node + "\nUSBDEVFS_GET_CAPABILITIES 0 0F000000\n";
    for (const Exchange& e : exchanges) {
        script += "USBDEVFS_REAPURBNDELAY 0 3 " + std::to_string(outEp) + " 0 0 " + std::to_string(e.out.size()) + " " +
                  std::to_string(e.out.size()) + " 0 " + kiosk::test::toHex(e.out) + "\n";
        if (!e.in.empty())
            script += " USBDEVFS_REAPURBNDELAY 0 3 " + std::to_string(inEp) + " 0 0 " + std::to_string(inLength) + " " +
                      std::to_string(e.in.size()) + " 0 " + kiosk::test::toHex(e.in) + "\n";
    }
    std::string path = "/tmp/kiosk-usb-" + std::to_string(::getpid()) + "-" + std::to_string(exchanges.size()) + ".ioctl";
    std::ofstream(path) << script;
    return path;
}

const UsbDeviceInfo* find(const std::vector<UsbDeviceInfo>& devices, std::uint16_t vid, std::uint16_t pid)
{
    for (const auto& d : devices)
        if (d.vendorId == vid && d.productId == pid) return &d;
    return nullptr;
}

// A libusb context and the first device with this VID:PID, opened and claimed
// as its adapter would.
struct Opened {
    std::unique_ptr<UsbContext> context;
    std::unique_ptr<UsbBulkDevice> device;
};

Opened openDevice(std::uint16_t vid, std::uint16_t pid)
{
    Opened out;
    auto context = UsbContext::create();
    REQUIRE(context.has_value());
    out.context = std::move(*context);
    auto devices = out.context->enumerate();
    const UsbDeviceInfo* info = find(devices, vid, pid);
    REQUIRE(info != nullptr);
    auto match = matchAdapter(*info);
    REQUIRE(match.has_value());
    auto device = UsbBulkDevice::open(*out.context, *info, *match);
    REQUIRE_MESSAGE(device.has_value(), (device ? "" : device.error().message));
    out.device = std::move(*device);
    return out;
}

} // namespace

TEST_SUITE("usb")
{
    TEST_CASE("the tests run inside umockdev")
    {
        const char* preload = std::getenv("LD_PRELOAD");
        REQUIRE_MESSAGE((preload && std::string(preload).find("umockdev") != std::string::npos),
                        "run this binary with umockdev-wrapper");
    }

    TEST_CASE("a receipt printer is enumerated with its endpoints from the descriptors and matched by class")
    {
        Testbed tb;
        tb.add("receipt-printer.umockdev", "/dev/bus/usb/001/002", "");
        auto context = UsbContext::create();
        REQUIRE(context.has_value());
        auto devices = (*context)->enumerate();
        const UsbDeviceInfo* printer = find(devices, 0x04b8, 0x0202);
        REQUIRE(printer != nullptr);
        CHECK(printer->vidPid() == "04b8:0202");
        REQUIRE(printer->interfaces.size() == 1);
        CHECK(printer->interfaces[0].interfaceClass == 0x07);
        auto match = matchAdapter(*printer);
        REQUIRE(match.has_value());
        CHECK(match->role == DeviceRole::ReceiptPrinter);
        CHECK(match->outEndpoint == 0x01);
        CHECK(match->inEndpoint == 0x82);
    }

    TEST_CASE("a receipt is written byte for byte and paper end comes back from DLE EOT 4")
    {
        Testbed tb;
        tb.add("receipt-printer.umockdev", "/dev/bus/usb/001/002", "receipt-printer.ioctl");
        Opened opened = openDevice(0x04b8, 0x0202);
        auto& device = opened.device;

        const std::uint8_t hello[] = {0x1B, 0x40, 'H', 'e', 'l', 'l', 'o', '\n'};
        WriteOutcome written = device->write(hello, 1000ms);
        CHECK(written.complete());
        CHECK(written.sent == 8);

        const std::uint8_t paperStatus[] = {0x10, 0x04, 0x04};
        CHECK(device->write(paperStatus, 1000ms).complete());
        auto reply = device->read(1, 1000ms);
        REQUIRE(reply.has_value());
        REQUIRE(reply->size() == 1);
        CHECK((*reply)[0] == 0x72);  // paper end (devices.md §2.2)
    }

    TEST_CASE("bytes the device does not expect are an error with how far the write got")
    {
        Testbed tb;
        tb.add("receipt-printer.umockdev", "/dev/bus/usb/001/002", "receipt-printer.ioctl");
        Opened opened = openDevice(0x04b8, 0x0202);
        auto& device = opened.device;
        const std::uint8_t unexpected[] = {0x1B, 0x40, 'N', 'o', 'p', 'e'};
        WriteOutcome written = device->write(unexpected, 500ms);
        CHECK_FALSE(written.complete());
        CHECK(written.sent == 0);
        CHECK_FALSE(written.error.empty());
    }

    TEST_CASE("an ID-card reader is matched by VID:PID and answers find-card")
    {
        Testbed tb;
        tb.add("id-reader.umockdev", "/dev/bus/usb/001/003", "id-reader.ioctl");
        auto context = UsbContext::create();
        REQUIRE(context.has_value());
        auto devices = (*context)->enumerate();
        const UsbDeviceInfo* reader = find(devices, 0x0400, 0xC35A);
        REQUIRE(reader != nullptr);
        auto match = matchAdapter(*reader);
        REQUIRE(match.has_value());
        CHECK(match->role == DeviceRole::IdCardReader);
        CHECK(match->inEndpoint == 0x81);
        CHECK(match->outEndpoint == 0x02);
        auto opened = UsbBulkDevice::open(**context, *reader, *match);
        REQUIRE(opened.has_value());
        auto& device = *opened;
        const std::uint8_t findCard[] = {0xAA, 0xAA, 0xAA, 0x96, 0x69, 0x00, 0x03, 0x20, 0x01, 0x22};
        CHECK(device->write(findCard, 1000ms).complete());
        auto reply = device->readExactly(15, 1000ms);
        REQUIRE(reply.has_value());
        REQUIRE(reply->size() == 15);
        CHECK((*reply)[9] == 0x9F);  // SW3: card found
    }

    TEST_CASE("an unplugged device is noticed and so is its return, each within two seconds")
    {
        Testbed tb;
        std::string syspath = tb.add("receipt-printer.umockdev", "/dev/bus/usb/001/002", "");
        auto context = UsbContext::create();
        REQUIRE(context.has_value());
        std::atomic<int> changes{0};
        (*context)->watch([&] { ++changes; }, 500ms);
        REQUIRE(find((*context)->enumerate(), 0x04b8, 0x0202) != nullptr);

        // The kernel announces a removal with a uevent, which libusb's hotplug
        // monitor (or the rescan where there is none) turns into a change.
        umockdev_testbed_uevent(tb.bed, syspath.c_str(), "remove");
        umockdev_testbed_remove_device(tb.bed, syspath.c_str());
        auto deadline = std::chrono::steady_clock::now() + 2s;
        while (changes == 0 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(20ms);
        CHECK(changes >= 1);
        CHECK(find((*context)->enumerate(), 0x04b8, 0x0202) == nullptr);

        int before = changes;
        syspath = tb.add("receipt-printer.umockdev", "/dev/bus/usb/001/002", "");
        umockdev_testbed_uevent(tb.bed, syspath.c_str(), "add");
        deadline = std::chrono::steady_clock::now() + 2s;
        while (changes == before && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(20ms);
        CHECK(changes > before);
        CHECK(find((*context)->enumerate(), 0x04b8, 0x0202) != nullptr);
    }

    TEST_CASE("opening a device that has gone names the device")
    {
        UsbDeviceInfo gone;
        gone.bus = 9;
        gone.address = 99;
        gone.vendorId = 0x04b8;
        gone.productId = 0x0202;
        auto context = UsbContext::create();
        REQUIRE(context.has_value());
        auto device = UsbBulkDevice::open(**context, gone, AdapterMatch{DeviceRole::ReceiptPrinter, "x", 0, 0x82, 0x01});
        REQUIRE_FALSE(device.has_value());
        CHECK(device.error().message.find("bus 9 device 99") != std::string::npos);
    }

    TEST_CASE("an ID card is read end to end through libusb: find, select, read, decoded")
    {
        using namespace kiosk::devices::idcard;
        using kiosk::test::replyFrame;
        // IN transfers ask for 4096 bytes and end at the reply's short packet.
        std::string ioctlPath = ioctlScript("/dev/bus/usb/001/003", 2, 129, 4096,
                                            {{findCardCommand(), replyFrame(0x9F, {0, 0, 0, 0})},
                                             {selectCardCommand(), replyFrame(0x90, kiosk::test::Bytes(8, 0))},
                                             {readTextAndPhotoCommand(), kiosk::test::residentReadReply()}});

        Testbed tb;
        tb.add("id-reader.umockdev", "/dev/bus/usb/001/003", ioctlPath);
        Opened opened = openDevice(0x0400, 0xC35A);
        auto& device = opened.device;

        SamReaderSession session(*device, 1000ms);
        auto result = session.poll();
        std::remove(ioctlPath.c_str());
        REQUIRE_MESSAGE(result.has_value(), (result ? "" : result.error().message));
        REQUIRE(std::holds_alternative<kiosk::CardInserted>(*result));
        const kiosk::IdentityCard& card = std::get<kiosk::CardInserted>(*result).card;
        CHECK(card.name == "张小三");
        CHECK(card.idNumber == "440106198503121234");
        CHECK(card.photoWlt.size() == 1024);
    }

    TEST_CASE("a receipt printer out of paper says so through DLE EOT, and nothing is printed")
    {
        using namespace kiosk::devices::escpos;
        std::string ioctlPath = ioctlScript("/dev/bus/usb/001/002", 1, 130, 64,
                                            {{{0x10, 0x04, 0x01}, {0x1A}},    // offline
                                             {{0x10, 0x04, 0x02}, {0x32}},    // stopped by paper end
                                             {{0x10, 0x04, 0x03}, {0x12}},    // no error
                                             {{0x10, 0x04, 0x04}, {0x72}}});  // paper end
        Testbed tb;
        tb.add("receipt-printer.umockdev", "/dev/bus/usb/001/002", ioctlPath);
        Opened opened = openDevice(0x04b8, 0x0202);
        auto& device = opened.device;

        EscPosPrinter printer(*device, "receipt printer", {}, 1000ms);
        auto status = printer.queryStatus();
        REQUIRE_MESSAGE(status.has_value(), (status ? "" : status.error().message));
        CHECK(status->paper == kiosk::PaperState::Empty);
        CHECK(status->power == kiosk::PowerState::Offline);
        CHECK_FALSE(status->readyToPrint());
        std::remove(ioctlPath.c_str());
    }

    TEST_CASE("a HID POS scanner's code split over several reports arrives as one scan")
    {
        using namespace kiosk::devices::hidpos;
        // 80 characters: two reports, the first flagged "continued".
        std::string code = "https://his.example/slip?id=REG-20261123-0042&check=ABCDEF0123456789-XYZ-0000000";
        auto bytes = [&](std::size_t from, std::size_t n) {
            return std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(code.data()) + from, n);
        };
        auto first = encodeScanReport("]Q1", bytes(0, kMaxDataPerReport), kContinuedFlag);
        auto second = encodeScanReport("]Q1", bytes(kMaxDataPerReport, code.size() - kMaxDataPerReport), 0);
        // umockdev script: "r DELAY DATA", bytes below 0x20 written as ^ + (b + 64), '^' as ^`.
        auto escaped = [](std::span<const std::uint8_t> report) {
            std::string out;
            for (std::uint8_t b : report) {
                if (b < 0x20) out += {'^', static_cast<char>(b + 64)};
                else if (b == '^') out += "^`";
                else out.push_back(static_cast<char>(b));
            }
            return out;
        };
        std::string scriptPath = "/tmp/kiosk-hidraw-" + std::to_string(::getpid()) + ".script";
        std::ofstream(scriptPath) << "r 200 " << escaped(first) << "\nr 0 " << escaped(second) << "\n";

        Testbed tb;
        tb.add("hidpos-scanner.umockdev", "", "");
        GError* error = nullptr;
        REQUIRE(umockdev_testbed_load_script(tb.bed, "/dev/hidraw0", scriptPath.c_str(), &error));

        kiosk::EventQueue events;
        HidrawScanner scanner(events, "/dev/hidraw0");
        REQUIRE(scanner.open().has_value());
        scanner.enable();
        std::vector<kiosk::Event> got;
        for (int i = 0; i < 300 && got.empty(); ++i) {
            got = events.drain();
            std::this_thread::sleep_for(10ms);
        }
        std::remove(scriptPath.c_str());
        REQUIRE(got.size() == 1);
        REQUIRE(std::holds_alternative<kiosk::CodeScanned>(got[0]));
        CHECK(std::get<kiosk::CodeScanned>(got[0]).text == code);
        CHECK(scanner.scans() == 1);
    }
}
