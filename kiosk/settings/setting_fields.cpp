#include "settings/setting_fields.hpp"

#include <algorithm>
#include <cstdio>

#include "settings/setting_text.hpp"
#include "settings/setting_validation.hpp"

namespace kiosk {

namespace {

// Builders for the table below. `Get` is a generic lambda returning a
// reference to the field, so that one accessor serves reading and writing.

template <class Get>
SettingField textField(std::string key, std::string description, int minChars, Get get,
                       Result<void> (*validate)(std::string_view))
{
    auto apply = [key, minChars, get, validate](KioskSettings& s, std::string_view text) -> Result<void> {
        // Empty means "not set" only for values that are optional; a key
        // written into a file with nothing after '=' is more likely a mistake.
        if (text.empty() && minChars > 0)
            return fail(key + ": empty (leave the key out to keep the current value)");
        KIOSK_TRY_VOID(validate(text));
        get(s) = std::string(text);
        return {};
    };
    return {std::move(key), std::move(description), apply, [get](const KioskSettings& s) { return get(s); }};
}

template <class Get>
SettingField boolField(std::string key, Get get)
{
    auto apply = [key, get](KioskSettings& s, std::string_view text) -> Result<void> {
        get(s) = KIOSK_TRY(parseBoolSetting(key, text));
        return {};
    };
    auto format = [get](const KioskSettings& s) { return std::string(get(s) ? "true" : "false"); };
    return {std::move(key), "boolean (true/false, yes/no, on/off, 1/0)", apply, format};
}

template <class Get>
SettingField intField(std::string key, std::string description, Get get, Result<void> (*validate)(int))
{
    auto apply = [key, get, validate](KioskSettings& s, std::string_view text) -> Result<void> {
        long long value = KIOSK_TRY(parseWholeSetting(key, text));
        // Out of int's range is also out of every field's range; clamp so the range message says so.
        KIOSK_TRY_VOID(validate(static_cast<int>(std::clamp<long long>(value, -1'000'000'000, 1'000'000'000))));
        get(s) = static_cast<int>(value);
        return {};
    };
    return {std::move(key), std::move(description), apply,
            [get](const KioskSettings& s) { return std::to_string(get(s)); }};
}

template <class Get>
SettingField secondsField(std::string key, std::string description, Get get,
                          Result<void> (*validate)(std::chrono::seconds))
{
    auto apply = [key, get, validate](KioskSettings& s, std::string_view text) -> Result<void> {
        std::chrono::seconds value{KIOSK_TRY(parseWholeSetting(key, text))};
        KIOSK_TRY_VOID(validate(value));
        get(s) = value;
        return {};
    };
    return {std::move(key), std::move(description), apply,
            [get](const KioskSettings& s) { return std::to_string(get(s).count()); }};
}

template <class Get>
SettingField deviceField(DeviceSlot slot, Get get)
{
    std::string key(deviceSlotKey(slot));
    auto apply = [key, slot, get](KioskSettings& s, std::string_view text) -> Result<void> {
        DeviceAssignment a = KIOSK_TRY(parseDeviceAssignment(key, text));
        KIOSK_TRY_VOID(validateDeviceAssignment(slot, a));
        get(s) = a;
        return {};
    };
    return {key, "auto, none, sim, usb:VVVV:PPPP[:SERIAL], cups:QUEUE, hidraw:/dev/hidrawN, evdev:/dev/input/...",
            apply, [get](const KioskSettings& s) { return formatDeviceAssignment(get(s)); }};
}

std::vector<SettingField> buildFields()
{
    std::vector<SettingField> f;
    f.push_back(textField("hospital.name", "text, 1-40 characters", 1,
                          [](auto& s) -> auto& { return s.hospitalName; }, validateHospitalName));
    f.push_back(textField("hospital.logo", "absolute path to a PNG", 1,
                          [](auto& s) -> auto& { return s.hospitalLogo; }, validateHospitalLogo));
    f.push_back(textField("kiosk.id", "1-16 of A-Z a-z 0-9 -", 1, [](auto& s) -> auto& { return s.kioskId; },
                          validateKioskId));
    f.push_back({"kiosk.orientation", "landscape or portrait",
                 [](KioskSettings& s, std::string_view text) -> Result<void> {
                     if (text == "landscape") s.orientation = Orientation::Landscape;
                     else if (text == "portrait") s.orientation = Orientation::Portrait;
                     else
                         return fail("kiosk.orientation: '" + std::string(text) +
                                     "' is neither landscape nor portrait");
                     return {};
                 },
                 [](const KioskSettings& s) {
                     return std::string(s.orientation == Orientation::Portrait ? "portrait" : "landscape");
                 }});
    f.push_back({"kiosk.dpi", "integer 72-400",
                 [](KioskSettings& s, std::string_view text) -> Result<void> {
                     long long dpi = KIOSK_TRY(parseWholeSetting("kiosk.dpi", text));
                     KIOSK_TRY_VOID(
                         validateDpi(static_cast<int>(std::clamp<long long>(dpi, -1'000'000'000, 1'000'000'000))));
                     s.screenDpi = static_cast<float>(dpi);
                     return {};
                 },
                 [](const KioskSettings& s) { return std::to_string(static_cast<int>(s.screenDpi)); }});
    f.push_back({"kiosk.languages", "comma list of zh-CN, zh-TW, en",
                 [](KioskSettings& s, std::string_view text) -> Result<void> {
                     auto languages = KIOSK_TRY(parseLanguageList("kiosk.languages", text));
                     KIOSK_TRY_VOID(validateLanguages(languages));
                     s.languages = std::move(languages);
                     return {};
                 },
                 [](const KioskSettings& s) { return formatLanguageList(s.languages); }});
    // Whether the default is on offer depends on kiosk.languages too; that
    // check runs on the whole settings once every key is read.
    f.push_back({"kiosk.default_language", "one of kiosk.languages",
                 [](KioskSettings& s, std::string_view text) -> Result<void> {
                     auto language = languageFromTag(text);
                     if (!language)
                         return fail("kiosk.default_language: '" + std::string(text) +
                                     "' is not a language the kiosk has (zh-CN, zh-TW, en)");
                     s.defaultLanguage = *language;
                     return {};
                 },
                 [](const KioskSettings& s) { return std::string(languageTag(s.defaultLanguage)); }});
    f.push_back(textField("kiosk.receipt_footer", "text, 0-60 characters", 0,
                          [](auto& s) -> auto& { return s.receiptFooter; }, validateReceiptFooter));
    f.push_back(secondsField("timeouts.idle_seconds", "integer 20-600", [](auto& s) -> auto& { return s.idleTimeout; },
                             validateIdleSeconds));
    f.push_back(secondsField("timeouts.warning_seconds", "integer 20-120",
                             [](auto& s) -> auto& { return s.warningDuration; }, validateWarningSeconds));
    f.push_back(secondsField("timeouts.maintainer_idle_seconds", "integer 30-600",
                             [](auto& s) -> auto& { return s.maintainerIdleTimeout; }, validateMaintainerIdleSeconds));
    f.push_back(boolField("services.registration", [](auto& s) -> auto& { return s.services.registration; }));
    f.push_back(boolField("services.bills", [](auto& s) -> auto& { return s.services.bills; }));
    f.push_back(boolField("services.reports", [](auto& s) -> auto& { return s.services.reports; }));
    f.push_back(boolField("services.check_in", [](auto& s) -> auto& { return s.services.checkIn; }));
    f.push_back(boolField("services.prices", [](auto& s) -> auto& { return s.services.prices; }));
    f.push_back(boolField("payment.wechat", [](auto& s) -> auto& { return s.payment.wechat; }));
    f.push_back(boolField("payment.alipay", [](auto& s) -> auto& { return s.payment.alipay; }));
    f.push_back(boolField("payment.unionpay", [](auto& s) -> auto& { return s.payment.unionpay; }));
    f.push_back(boolField("payment.qr_code", [](auto& s) -> auto& { return s.payment.qrCode; }));
    f.push_back(boolField("payment.payment_code", [](auto& s) -> auto& { return s.payment.paymentCode; }));
    f.push_back(intField("registration.daily_limit", "integer 1-10",
                         [](auto& s) -> auto& { return s.registrationDailyLimit; }, validateDailyLimit));
    f.push_back(textField("backend.url", "http:// or https:// URL, or demo", 1,
                          [](auto& s) -> auto& { return s.backendUrl; }, validateBackendUrl));
    f.push_back(secondsField("backend.timeout_seconds", "integer 1-60",
                             [](auto& s) -> auto& { return s.backendTimeout; }, validateBackendTimeout));
    f.push_back(deviceField(DeviceSlot::IdReader, [](auto& s) -> auto& { return s.devices.idReader; }));
    f.push_back(deviceField(DeviceSlot::ReceiptPrinter, [](auto& s) -> auto& { return s.devices.receiptPrinter; }));
    f.push_back(deviceField(DeviceSlot::Scanner, [](auto& s) -> auto& { return s.devices.scanner; }));
    f.push_back(deviceField(DeviceSlot::A4Printer, [](auto& s) -> auto& { return s.devices.a4Printer; }));
    f.push_back(intField("journal.retention_days", "integer 30-3650",
                         [](auto& s) -> auto& { return s.journalRetentionDays; }, validateRetentionDays));
    SettingField pin = textField("maintainer.pin_hash", "Argon2id hash ($argon2id$...)", 1,
                                 [](auto& s) -> auto& { return s.maintainerPinHash; }, validatePinHash);
    pin.secret = true;
    f.push_back(std::move(pin));
    return f;
}

} // namespace

const std::vector<SettingField>& settingFields()
{
    static const std::vector<SettingField> fields = buildFields();
    return fields;
}

const SettingField* findSettingField(std::string_view key)
{
    for (const SettingField& f : settingFields())
        if (f.key == key) return &f;
    return nullptr;
}

std::string nearestSettingKey(std::string_view key)
{
    std::string best;
    std::size_t bestDistance = 0;
    for (const SettingField& f : settingFields()) {
        // A right name in the wrong section ("kiosk.idle_seconds") is close too.
        std::string_view name = std::string_view(f.key).substr(f.key.find('.') + 1);
        std::string_view givenName = key.substr(key.find('.') == std::string_view::npos ? 0 : key.find('.') + 1);
        std::size_t d = std::min(editDistance(key, f.key), editDistance(givenName, name) + 1);
        if (best.empty() || d < bestDistance) {
            best = f.key;
            bestDistance = d;
        }
    }
    // Up to a third of the name (after the section) may be wrong before a guess stops helping.
    std::size_t nameLength = key.size() - (key.find('.') == std::string_view::npos ? 0 : key.find('.') + 1);
    return bestDistance <= std::max<std::size_t>(2, nameLength / 3) ? best : std::string();
}

std::vector<std::string> settingSections()
{
    std::vector<std::string> out;
    for (const SettingField& f : settingFields()) {
        std::string section = f.key.substr(0, f.key.find('.'));
        if (std::find(out.begin(), out.end(), section) == out.end()) out.push_back(section);
    }
    return out;
}

std::string displayValue(const SettingField& field, const KioskSettings& settings)
{
    std::string value = field.format(settings);
    if (field.secret) return value.empty() ? "(not set)" : "(set)";
    return value;
}

std::string formatDeviceAssignment(const DeviceAssignment& a)
{
    using K = DeviceAssignment::Kind;
    switch (a.kind) {
    case K::Auto: return "auto";
    case K::None: return "none";
    case K::Simulated: return "sim";
    case K::Usb: {
        char ids[16];
        std::snprintf(ids, sizeof ids, "%04x:%04x", a.vendorId, a.productId);
        return "usb:" + std::string(ids) + (a.serial.empty() ? "" : ":" + a.serial);
    }
    case K::Cups: return "cups:" + a.target;
    case K::Hidraw: return "hidraw:" + a.target;
    case K::Evdev: return "evdev:" + a.target;
    }
    return "auto";
}

} // namespace kiosk
