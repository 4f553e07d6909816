#include "hidpos/hid_pos_discovery.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace kiosk::devices::hidpos {

namespace {
constexpr std::uint32_t kBarcodeScannerPage = 0x8C;
constexpr std::uint8_t kLongItem = 0xFE;
} // namespace

bool declaresBarcodeScannerPage(std::span<const std::uint8_t> d)
{
    std::size_t i = 0;
    while (i < d.size()) {
        std::uint8_t prefix = d[i];
        if (prefix == kLongItem) {
            // HID 1.11 §6.2.2.3: bDataSize, bLongItemTag, data.
            if (i + 1 >= d.size()) return false;
            i += 3 + d[i + 1];
            continue;
        }
        std::size_t size = prefix & 0x03;
        if (size == 3) size = 4;
        if (i + 1 + size > d.size()) return false;
        int type = (prefix >> 2) & 0x03;
        int tag = prefix >> 4;
        if (type == 1 && tag == 0) {  // Global item: Usage Page
            std::uint32_t value = 0;
            for (std::size_t k = 0; k < size; ++k) value |= static_cast<std::uint32_t>(d[i + 1 + k]) << (8 * k);
            if (value == kBarcodeScannerPage) return true;
        }
        i += 1 + size;
    }
    return false;
}

std::optional<std::string> findHidPosNode(const std::string& sysRoot)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(sysRoot + "/class/hidraw", ec))
        names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());  // hidraw0 before hidraw1: the same choice on every start
    for (const std::string& name : names) {
        std::ifstream in(sysRoot + "/class/hidraw/" + name + "/device/report_descriptor", std::ios::binary);
        if (!in) continue;
        std::vector<std::uint8_t> descriptor{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        if (declaresBarcodeScannerPage(descriptor)) return "/dev/" + name;
    }
    return std::nullopt;
}

} // namespace kiosk::devices::hidpos
