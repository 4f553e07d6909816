#include "settings/setting_validation.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <string>

#include "maintenance/pin_hash.hpp"
#include "text/utf8.hpp"

namespace kiosk {

namespace {

Result<void> refuse(std::string_view key, const std::string& why)
{
    return fail(std::string(key) + ": " + why);
}

Result<void> checkRange(std::string_view key, long long value, int min, int max, std::string_view unit)
{
    std::string u = unit.empty() ? "" : " " + std::string(unit);
    if (value < min)
        return refuse(key, std::to_string(value) + " is below the minimum of " + std::to_string(min) + u);
    if (value > max)
        return refuse(key, std::to_string(value) + " is above the maximum of " + std::to_string(max) + u);
    return {};
}

// Text that is printed or shown: valid UTF-8, no control characters (a tab or
// newline would break the receipt's layout), at most `maxChars` characters.
Result<void> checkText(std::string_view key, std::string_view text, int minChars, int maxChars)
{
    Utf8Error error;
    auto decoded = decodeUtf8(text, &error);
    if (!decoded) return refuse(key, "not valid UTF-8 (byte " + std::to_string(error.offset + 1) + ")");
    for (char32_t c : *decoded)
        if (c < 0x20 || c == 0x7f) return refuse(key, "control characters are not allowed");
    auto n = static_cast<long long>(decoded->size());
    if (n < minChars)
        return refuse(key, "empty; give " + std::to_string(minChars) + " to " + std::to_string(maxChars) +
                               " characters");
    if (n > maxChars)
        return refuse(key, std::to_string(n) + " characters is more than the " + std::to_string(maxChars) +
                               " that fit");
    return {};
}

std::string languageList(const std::vector<Language>& languages)
{
    std::string out;
    for (Language l : languages) out += (out.empty() ? "" : ", ") + std::string(languageTag(l));
    return out;
}


bool isDigits(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
}

std::string_view kindName(DeviceAssignment::Kind kind)
{
    switch (kind) {
    case DeviceAssignment::Kind::Auto: return "auto";
    case DeviceAssignment::Kind::None: return "none";
    case DeviceAssignment::Kind::Simulated: return "sim";
    case DeviceAssignment::Kind::Usb: return "usb";
    case DeviceAssignment::Kind::Cups: return "cups";
    case DeviceAssignment::Kind::Hidraw: return "hidraw";
    case DeviceAssignment::Kind::Evdev: return "evdev";
    }
    return "?";
}

// The kinds that can play each role: an ID-card reader is only ever a USB
// device, a receipt printer may also be a CUPS raw queue, a scanner may be
// named by its hidraw or evdev node, an A4 printer is a CUPS destination.
std::string_view allowedKinds(DeviceSlot slot)
{
    switch (slot) {
    case DeviceSlot::IdReader: return "auto, none, sim or usb:VVVV:PPPP[:SERIAL]";
    case DeviceSlot::ReceiptPrinter: return "auto, none, sim, usb:VVVV:PPPP[:SERIAL] or cups:QUEUE";
    case DeviceSlot::Scanner:
        return "auto, none, sim, usb:VVVV:PPPP[:SERIAL], hidraw:/dev/hidrawN or evdev:/dev/input/...";
    case DeviceSlot::A4Printer: return "auto, none, sim or cups:QUEUE";
    }
    return "";
}

bool slotTakes(DeviceSlot slot, DeviceAssignment::Kind kind)
{
    using K = DeviceAssignment::Kind;
    if (kind == K::Auto || kind == K::None || kind == K::Simulated) return true;
    switch (slot) {
    case DeviceSlot::IdReader: return kind == K::Usb;
    case DeviceSlot::ReceiptPrinter: return kind == K::Usb || kind == K::Cups;
    case DeviceSlot::Scanner: return kind == K::Usb || kind == K::Hidraw || kind == K::Evdev;
    case DeviceSlot::A4Printer: return kind == K::Cups;
    }
    return false;
}

} // namespace

std::string_view deviceSlotKey(DeviceSlot slot)
{
    switch (slot) {
    case DeviceSlot::IdReader: return "devices.id_reader";
    case DeviceSlot::ReceiptPrinter: return "devices.receipt_printer";
    case DeviceSlot::Scanner: return "devices.scanner";
    case DeviceSlot::A4Printer: return "devices.a4_printer";
    }
    return "devices.?";
}

Result<void> validateHospitalName(std::string_view name)
{
    if (name.empty()) return {};
    return checkText("hospital.name", name, 1, SettingLimits::kNameMaxChars);
}

Result<void> validateHospitalLogo(std::string_view path)
{
    constexpr std::string_view key = "hospital.logo";
    if (path.empty()) return {};
    KIOSK_TRY_VOID(checkText(key, path, 1, 4096));
    if (!path.starts_with('/')) return refuse(key, "'" + std::string(path) + "' is not an absolute path");
    std::string lower(path);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!lower.ends_with(".png")) return refuse(key, "'" + std::string(path) + "' is not a .png file");
    return {};
}

Result<void> validateKioskId(std::string_view id)
{
    constexpr std::string_view key = "kiosk.id";
    if (id.empty()) return refuse(key, "empty; give 1 to 16 letters, digits or '-'");
    if (id.size() > SettingLimits::kKioskIdMaxChars)
        return refuse(key, "'" + std::string(id) + "' is longer than 16 characters");
    for (unsigned char c : id)
        if (!std::isalnum(c) && c != '-')
            return refuse(key, "'" + std::string(id) + "' may hold only letters A-Z, a-z, digits and '-'");
    return {};
}

Result<void> validateDpi(int dpi)
{
    return checkRange("kiosk.dpi", dpi, SettingLimits::kDpiMin, SettingLimits::kDpiMax, "dots per inch");
}

Result<void> validateLanguages(const std::vector<Language>& languages)
{
    constexpr std::string_view key = "kiosk.languages";
    if (languages.empty()) return refuse(key, "at least one language must be on offer (zh-CN, zh-TW, en)");
    for (std::size_t i = 0; i < languages.size(); ++i)
        for (std::size_t j = i + 1; j < languages.size(); ++j)
            if (languages[i] == languages[j])
                return refuse(key, std::string(languageTag(languages[i])) + " is listed twice");
    return {};
}

Result<void> validateDefaultLanguage(Language language, const std::vector<Language>& offered)
{
    if (std::find(offered.begin(), offered.end(), language) == offered.end())
        return refuse("kiosk.default_language", std::string(languageTag(language)) +
                                                    " is not among kiosk.languages (" + languageList(offered) + ")");
    return {};
}

Result<void> validateReceiptFooter(std::string_view footer)
{
    return checkText("kiosk.receipt_footer", footer, 0, SettingLimits::kFooterMaxChars);
}

Result<void> validateIdleSeconds(std::chrono::seconds idle)
{
    return checkRange("timeouts.idle_seconds", idle.count(), SettingLimits::kIdleMin, SettingLimits::kIdleMax,
                      "seconds");
}

Result<void> validateWarningSeconds(std::chrono::seconds warning)
{
    return checkRange("timeouts.warning_seconds", warning.count(), SettingLimits::kWarningMin,
                      SettingLimits::kWarningMax, "seconds");
}

Result<void> validateMaintainerIdleSeconds(std::chrono::seconds idle)
{
    return checkRange("timeouts.maintainer_idle_seconds", idle.count(), SettingLimits::kMaintainerIdleMin,
                      SettingLimits::kMaintainerIdleMax, "seconds");
}

Result<void> validateDailyLimit(int limit)
{
    return checkRange("registration.daily_limit", limit, SettingLimits::kDailyLimitMin,
                      SettingLimits::kDailyLimitMax, "registrations");
}

Result<void> validateBackendUrl(std::string_view url)
{
    constexpr std::string_view key = "backend.url";
    if (url == "demo") return {};
    if (url.size() > static_cast<std::size_t>(SettingLimits::kUrlMaxBytes))
        return refuse(key, "longer than " + std::to_string(SettingLimits::kUrlMaxBytes) + " characters");
    std::string_view rest;
    if (url.starts_with("https://")) rest = url.substr(8);
    else if (url.starts_with("http://")) rest = url.substr(7);
    else return refuse(key, "'" + std::string(url) + "' is neither an http:// or https:// URL nor \"demo\"");
    for (unsigned char c : url)
        if (c <= 0x20 || c >= 0x7f)
            return refuse(key, "a URL may not contain spaces or non-ASCII characters (percent-encode them)");
    std::string_view host = rest.substr(0, rest.find_first_of("/?#"));
    if (host.empty() || host.starts_with(':') || host.starts_with('@'))
        return refuse(key, "'" + std::string(url) + "' has no host name");
    return {};
}

Result<void> validateBackendTimeout(std::chrono::seconds timeout)
{
    return checkRange("backend.timeout_seconds", timeout.count(), SettingLimits::kBackendTimeoutMin,
                      SettingLimits::kBackendTimeoutMax, "seconds");
}

Result<void> validateDeviceAssignment(DeviceSlot slot, const DeviceAssignment& a)
{
    std::string_view key = deviceSlotKey(slot);
    using K = DeviceAssignment::Kind;
    if (!slotTakes(slot, a.kind))
        return refuse(key, std::string(kindName(a.kind)) + ": is not a kind of device that can play this role (use " +
                               std::string(allowedKinds(slot)) + ")");
    switch (a.kind) {
    case K::Usb:
        for (unsigned char c : a.serial)
            if (!std::isalnum(c) && c != '-' && c != '_' && c != '.')
                return refuse(key, "a USB serial number may hold only letters, digits, '-', '_' and '.'");
        if (a.serial.size() > 64) return refuse(key, "a USB serial number is at most 64 characters");
        break;
    case K::Cups:
        // CUPS itself refuses these in a queue name.
        if (a.target.empty()) return refuse(key, "cups: needs a queue name (cups:QUEUE)");
        if (a.target.size() > 127) return refuse(key, "a CUPS queue name is at most 127 characters");
        for (unsigned char c : a.target)
            if (c <= 0x20 || c >= 0x7f || c == '/' || c == '#' || c == '\\' || c == '\'' || c == '"' || c == ',')
                return refuse(key,
                              "'" + a.target + "' is not a CUPS queue name (no spaces, /, #, \\, quotes or commas)");
        break;
    case K::Hidraw:
        if (!a.target.starts_with("/dev/hidraw") || !isDigits(std::string_view(a.target).substr(11)))
            return refuse(key, "'" + a.target + "' is not a hidraw node (hidraw:/dev/hidrawN)");
        break;
    case K::Evdev:
        if (!a.target.starts_with("/dev/input/") || a.target.size() == 11 || a.target.find("..") != std::string::npos ||
            a.target.find_first_of(" \t\n") != std::string::npos)
            return refuse(key, "'" + a.target + "' is not an input device node (evdev:/dev/input/...)");
        break;
    case K::Auto:
    case K::None:
    case K::Simulated: break;
    }
    return {};
}

Result<void> validateRetentionDays(int days)
{
    return checkRange("journal.retention_days", days, SettingLimits::kRetentionMin, SettingLimits::kRetentionMax,
                      "days");
}

Result<void> validatePinHash(std::string_view hash)
{
    if (hash.empty()) return {};
    if (!maintenance::isArgon2idHash(hash))
        return refuse("maintainer.pin_hash",
                      "not an Argon2id hash as made by libsodium (\"$argon2id$...\"; kioskctl maintainer hash-pin "
                      "makes one)");
    return {};
}

Result<void> validateSettings(const KioskSettings& s)
{
    KIOSK_TRY_VOID(validateHospitalName(s.hospitalName));
    KIOSK_TRY_VOID(validateHospitalLogo(s.hospitalLogo));
    KIOSK_TRY_VOID(validateKioskId(s.kioskId));
    if (s.screenDpi != std::round(s.screenDpi))
        return refuse("kiosk.dpi", std::to_string(s.screenDpi) + " is not a whole number");
    KIOSK_TRY_VOID(validateDpi(static_cast<int>(s.screenDpi)));
    KIOSK_TRY_VOID(validateLanguages(s.languages));
    KIOSK_TRY_VOID(validateDefaultLanguage(s.defaultLanguage, s.languages));
    KIOSK_TRY_VOID(validateReceiptFooter(s.receiptFooter));
    KIOSK_TRY_VOID(validateIdleSeconds(s.idleTimeout));
    KIOSK_TRY_VOID(validateWarningSeconds(s.warningDuration));
    KIOSK_TRY_VOID(validateMaintainerIdleSeconds(s.maintainerIdleTimeout));
    KIOSK_TRY_VOID(validateDailyLimit(s.registrationDailyLimit));
    KIOSK_TRY_VOID(validateBackendUrl(s.backendUrl));
    KIOSK_TRY_VOID(validateBackendTimeout(s.backendTimeout));
    KIOSK_TRY_VOID(validateDeviceAssignment(DeviceSlot::IdReader, s.devices.idReader));
    KIOSK_TRY_VOID(validateDeviceAssignment(DeviceSlot::ReceiptPrinter, s.devices.receiptPrinter));
    KIOSK_TRY_VOID(validateDeviceAssignment(DeviceSlot::Scanner, s.devices.scanner));
    KIOSK_TRY_VOID(validateDeviceAssignment(DeviceSlot::A4Printer, s.devices.a4Printer));
    KIOSK_TRY_VOID(validateRetentionDays(s.journalRetentionDays));
    KIOSK_TRY_VOID(validatePinHash(s.maintainerPinHash));
    return {};
}

} // namespace kiosk
