#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include <vector>

#include <unistd.h>

#include "hidpos/hid_pos_discovery.hpp"

using namespace kiosk::devices::hidpos;

namespace {

// Usage Page (Bar Code Scanner) as a 2-byte item, Usage, Collection, ... End Collection.
const std::vector<std::uint8_t> kScannerDescriptor{0x06, 0x8C, 0x00, 0x09, 0x02, 0xA1, 0x01, 0x75, 0x08,
                                                   0x95, 0x3F, 0x81, 0x02, 0xC0};
// A boot keyboard: Usage Page (Generic Desktop), Usage (Keyboard), with a Logical Maximum of 0x8C as data.
const std::vector<std::uint8_t> kKeyboardDescriptor{0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x05, 0x07, 0x25, 0x8C,
                                                    0x81, 0x00, 0xC0};

void writeNode(const std::filesystem::path& sys, const std::string& name, const std::vector<std::uint8_t>& descriptor)
{
    auto dir = sys / "class" / "hidraw" / name / "device";
    std::filesystem::create_directories(dir);
    std::ofstream out(dir / "report_descriptor", std::ios::binary);
    out.write(reinterpret_cast<const char*>(descriptor.data()), static_cast<std::streamsize>(descriptor.size()));
}

} // namespace

TEST_SUITE("hid_pos_discovery")
{
    TEST_CASE("the bar code scanner page is found as an item, not as a stray byte")
    {
        CHECK(declaresBarcodeScannerPage(kScannerDescriptor));
        CHECK(declaresBarcodeScannerPage(std::vector<std::uint8_t>{0x05, 0x8C}));  // 1-byte form
        CHECK_FALSE(declaresBarcodeScannerPage(kKeyboardDescriptor));
        CHECK_FALSE(declaresBarcodeScannerPage(std::vector<std::uint8_t>{0x8C, 0x8C, 0x8C}));
        CHECK_FALSE(declaresBarcodeScannerPage(std::vector<std::uint8_t>{0x06, 0x8C}));  // truncated item
        CHECK_FALSE(declaresBarcodeScannerPage(std::vector<std::uint8_t>{0xFE, 0x20}));  // truncated long item
        CHECK_FALSE(declaresBarcodeScannerPage({}));
    }

    TEST_CASE("the scanner's hidraw node is chosen over the keyboard beside it")
    {
        auto sys = std::filesystem::temp_directory_path() / ("kiosk-sys-" + std::to_string(::getpid()));
        std::filesystem::remove_all(sys);
        CHECK_FALSE(findHidPosNode(sys.string()).has_value());  // no hidraw class at all
        writeNode(sys, "hidraw0", kKeyboardDescriptor);
        CHECK_FALSE(findHidPosNode(sys.string()).has_value());
        writeNode(sys, "hidraw1", kScannerDescriptor);
        CHECK(findHidPosNode(sys.string()) == "/dev/hidraw1");
        std::filesystem::remove_all(sys);
    }
}
