#include "settings/setting_text.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace kiosk {

namespace {

std::string lowered(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

Result<std::uint16_t> parseHex4(std::string_view key, std::string_view text, std::string_view what)
{
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
    if (text.size() != 4 || ec != std::errc{} || ptr != text.data() + text.size())
        return fail(std::string(key) + ": '" + std::string(text) + "' is not a USB " + std::string(what) +
                    " (four hex digits, as lsusb shows it)");
    return static_cast<std::uint16_t>(value);
}

} // namespace

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

Result<bool> parseBoolSetting(std::string_view key, std::string_view text)
{
    std::string v = lowered(text);
    if (v == "true" || v == "yes" || v == "on" || v == "1") return true;
    if (v == "false" || v == "no" || v == "off" || v == "0") return false;
    return fail(std::string(key) + ": '" + std::string(text) +
                "' is not a boolean (use true/false, yes/no, on/off or 1/0)");
}

Result<long long> parseWholeSetting(std::string_view key, std::string_view text)
{
    long long value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ptr != text.data() + text.size() || ec == std::errc::invalid_argument)
        return fail(std::string(key) + ": '" + std::string(text) + "' is not a whole number");
    if (ec == std::errc::result_out_of_range)
        return fail(std::string(key) + ": " + std::string(text) + " is far out of range");
    return value;
}

Result<std::vector<Language>> parseLanguageList(std::string_view key, std::string_view text)
{
    std::vector<Language> out;
    std::string_view rest = text;
    while (true) {
        std::size_t comma = rest.find(',');
        std::string_view item = trimmed(rest.substr(0, comma));
        if (item.empty()) {
            if (comma == std::string_view::npos && out.empty() && trimmed(text).empty())
                return fail(std::string(key) + ": empty; at least one language must be on offer (zh-CN, zh-TW, en)");
            return fail(std::string(key) + ": an empty item in '" + std::string(text) + "' (a comma too many?)");
        }
        auto language = languageFromTag(item);
        if (!language)
            return fail(std::string(key) + ": '" + std::string(item) +
                        "' is not a language the kiosk has (zh-CN, zh-TW, en)");
        out.push_back(*language);
        if (comma == std::string_view::npos) break;
        rest.remove_prefix(comma + 1);
    }
    return out;
}

std::string formatLanguageList(const std::vector<Language>& languages)
{
    std::string out;
    for (Language l : languages) out += (out.empty() ? "" : ",") + std::string(languageTag(l));
    return out;
}

Result<DeviceAssignment> parseDeviceAssignment(std::string_view key, std::string_view text)
{
    using K = DeviceAssignment::Kind;
    DeviceAssignment a;
    if (text == "auto") return DeviceAssignment{K::Auto};
    if (text == "none") return DeviceAssignment{K::None};
    if (text == "sim") return DeviceAssignment{K::Simulated};
    if (text.starts_with("usb:")) {
        // usb:VVVV:PPPP or usb:VVVV:PPPP:SERIAL
        std::string_view rest = text.substr(4);
        a.kind = K::Usb;
        a.vendorId = KIOSK_TRY(parseHex4(key, rest.substr(0, rest.find(':')), "vendor id"));
        if (rest.size() < 5 || rest[4] != ':')
            return fail(std::string(key) + ": '" + std::string(text) + "' needs usb:VVVV:PPPP[:SERIAL]");
        rest.remove_prefix(5);
        std::size_t colon = rest.find(':');
        a.productId = KIOSK_TRY(parseHex4(key, rest.substr(0, colon), "product id"));
        if (colon != std::string_view::npos) {
            a.serial = std::string(rest.substr(colon + 1));
            if (a.serial.empty())
                return fail(std::string(key) + ": '" + std::string(text) + "' ends in ':' without a serial number");
        }
        return a;
    }
    if (text.starts_with("cups:")) return DeviceAssignment{K::Cups, 0, 0, "", std::string(text.substr(5))};
    if (text.starts_with("hidraw:")) return DeviceAssignment{K::Hidraw, 0, 0, "", std::string(text.substr(7))};
    if (text.starts_with("evdev:")) return DeviceAssignment{K::Evdev, 0, 0, "", std::string(text.substr(6))};
    return fail(std::string(key) + ": '" + std::string(text) +
                "' is not a device assignment (auto, none, sim, usb:VVVV:PPPP[:SERIAL], cups:QUEUE, "
                "hidraw:/dev/hidrawN or evdev:/dev/input/...)");
}

std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace kiosk
