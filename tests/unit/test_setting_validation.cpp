#include "settings_rig.hpp"

#include "maintenance/pin_hash.hpp"
#include "settings/setting_fields.hpp"
#include "settings/setting_validation.hpp"

using namespace kiosk;
using namespace std::chrono_literals;
using settings_test::refusal;

namespace {
// Applies one key's text to default settings; the refusal or "".
std::string applyText(std::string_view key, std::string_view text)
{
    const SettingField* field = findSettingField(key);
    REQUIRE(field != nullptr);
    KioskSettings s;
    return refusal(field->apply(s, text));
}
} // namespace

TEST_SUITE("settings")
{
    TEST_CASE("the defaults are what the kiosk did before settings were stored, and they pass every check")
    {
        KioskSettings s;
        CHECK(s.kioskId == "K-001");
        CHECK(s.idleTimeout == 60s);
        CHECK(s.warningDuration == 30s);
        CHECK(s.screenDpi == 96.0f);
        CHECK(s.defaultLanguage == Language::ZhCN);
        CHECK(s.languages.size() == 3);
        CHECK(s.backendUrl == "demo");
        CHECK(s.devices.a4Printer.kind == DeviceAssignment::Kind::None);
        CHECK(s.devices.receiptPrinter.kind == DeviceAssignment::Kind::Auto);
        CHECK(s.maintainerPinHash.empty());
        CHECK(refusal(validateSettings(s)) == "");
    }

    TEST_CASE("numbers out of range name the key, the value and the limit")
    {
        CHECK(refusal(validateIdleSeconds(5s)) == "timeouts.idle_seconds: 5 is below the minimum of 20 seconds");
        CHECK(refusal(validateIdleSeconds(601s)) == "timeouts.idle_seconds: 601 is above the maximum of 600 seconds");
        CHECK(refusal(validateIdleSeconds(20s)) == "");
        CHECK(refusal(validateIdleSeconds(600s)) == "");
        CHECK(refusal(validateWarningSeconds(19s)) ==
              "timeouts.warning_seconds: 19 is below the minimum of 20 seconds");
        CHECK(refusal(validateWarningSeconds(121s)) ==
              "timeouts.warning_seconds: 121 is above the maximum of 120 seconds");
        CHECK(refusal(validateMaintainerIdleSeconds(29s)) ==
              "timeouts.maintainer_idle_seconds: 29 is below the minimum of 30 seconds");
        CHECK(
            refusal(validateMaintainerIdleSeconds(601s)).starts_with("timeouts.maintainer_idle_seconds: 601 is above"));
        CHECK(refusal(validateDpi(71)) == "kiosk.dpi: 71 is below the minimum of 72 dots per inch");
        CHECK(refusal(validateDpi(401)) == "kiosk.dpi: 401 is above the maximum of 400 dots per inch");
        CHECK(refusal(validateDailyLimit(0)) ==
              "registration.daily_limit: 0 is below the minimum of 1 registrations");
        CHECK(refusal(validateDailyLimit(11)).starts_with("registration.daily_limit: 11 is above the maximum of 10"));
        CHECK(refusal(validateBackendTimeout(0s)) ==
              "backend.timeout_seconds: 0 is below the minimum of 1 seconds");
        CHECK(refusal(validateBackendTimeout(61s)).starts_with("backend.timeout_seconds: 61 is above"));
        CHECK(refusal(validateRetentionDays(29)) == "journal.retention_days: 29 is below the minimum of 30 days");
        CHECK(refusal(validateRetentionDays(3651)) ==
              "journal.retention_days: 3651 is above the maximum of 3650 days");
        CHECK(refusal(validateRetentionDays(3650)) == "");
    }

    TEST_CASE("texts: length in characters, not bytes; UTF-8 and no control characters")
    {
        CHECK(refusal(validateHospitalName("")) == "");  // not set: the catalog's name
        CHECK(refusal(validateHospitalName("市第一人民医院")) == "");
        CHECK(refusal(validateHospitalName(std::string(40 * 3 / 3, 'a'))) == "");
        std::string longChinese;
        for (int i = 0; i < 41; ++i) longChinese += "院";
        CHECK(refusal(validateHospitalName(longChinese)) ==
              "hospital.name: 41 characters is more than the 40 that fit");
        std::string fortyChinese;
        for (int i = 0; i < 40; ++i) fortyChinese += "院";
        CHECK(refusal(validateHospitalName(fortyChinese)) == "");  // 120 bytes, 40 characters
        CHECK(refusal(validateHospitalName("a\tb")) == "hospital.name: control characters are not allowed");
        CHECK(refusal(validateHospitalName("\xff")) == "hospital.name: not valid UTF-8 (byte 1)");
        CHECK(refusal(validateReceiptFooter("")) == "");
        CHECK(refusal(validateReceiptFooter(std::string(61, 'x'))) ==
              "kiosk.receipt_footer: 61 characters is more than the 60 that fit");
    }

    TEST_CASE("hospital.logo is an absolute path to a PNG")
    {
        CHECK(refusal(validateHospitalLogo("/etc/kiosk/logo.png")) == "");
        CHECK(refusal(validateHospitalLogo("/etc/kiosk/LOGO.PNG")) == "");
        CHECK(refusal(validateHospitalLogo("logo.png")) == "hospital.logo: 'logo.png' is not an absolute path");
        CHECK(refusal(validateHospitalLogo("/etc/kiosk/logo.jpg")) ==
              "hospital.logo: '/etc/kiosk/logo.jpg' is not a .png file");
    }

    TEST_CASE("kiosk.id: 1-16 letters, digits and dashes")
    {
        CHECK(refusal(validateKioskId("K-001")) == "");
        CHECK(refusal(validateKioskId("ABCDEFGHIJKLMNOP")) == "");
        CHECK(refusal(validateKioskId("")).starts_with("kiosk.id: empty"));
        CHECK(refusal(validateKioskId("ABCDEFGHIJKLMNOPQ")) ==
              "kiosk.id: 'ABCDEFGHIJKLMNOPQ' is longer than 16 characters");
        CHECK(refusal(validateKioskId("K 001")) == "kiosk.id: 'K 001' may hold only letters A-Z, a-z, digits and '-'");
        CHECK(refusal(validateKioskId("K_001")).starts_with("kiosk.id: 'K_001' may hold only"));
    }

    TEST_CASE("languages: a non-empty list without repeats; the default among them")
    {
        CHECK(refusal(validateLanguages({Language::En})) == "");
        CHECK(refusal(validateLanguages({})) ==
              "kiosk.languages: at least one language must be on offer (zh-CN, zh-TW, en)");
        CHECK(refusal(validateLanguages({Language::En, Language::En})) == "kiosk.languages: en is listed twice");
        CHECK(refusal(validateDefaultLanguage(Language::En, {Language::ZhCN, Language::ZhTW})) ==
              "kiosk.default_language: en is not among kiosk.languages (zh-CN, zh-TW)");
        CHECK(refusal(validateDefaultLanguage(Language::ZhTW, {Language::ZhCN, Language::ZhTW})) == "");
    }

    TEST_CASE("backend.url: demo or an http(s) URL with a host")
    {
        CHECK(refusal(validateBackendUrl("demo")) == "");
        CHECK(refusal(validateBackendUrl("https://his.example.org/fhir")) == "");
        CHECK(refusal(validateBackendUrl("http://10.0.0.5:8080")) == "");
        CHECK(refusal(validateBackendUrl("ftp://his")) ==
              "backend.url: 'ftp://his' is neither an http:// or https:// URL nor \"demo\"");
        CHECK(refusal(validateBackendUrl("https:///fhir")) == "backend.url: 'https:///fhir' has no host name");
        CHECK(refusal(validateBackendUrl("https://his example"))
                  .starts_with("backend.url: a URL may not contain spaces"));
        CHECK(refusal(validateBackendUrl("https://" + std::string(200, 'h'))) ==
              "backend.url: longer than 200 characters");
    }

    TEST_CASE("device assignments: the forms, and the kinds each role takes")
    {
        CHECK(applyText("devices.id_reader", "usb:0400:c35a") == "");
        CHECK(applyText("devices.receipt_printer", "usb:0fe6:811E:SN-0042") == "");
        CHECK(applyText("devices.receipt_printer", "cups:receipt") == "");
        CHECK(applyText("devices.scanner", "hidraw:/dev/hidraw3") == "");
        CHECK(applyText("devices.scanner", "evdev:/dev/input/by-id/usb-scanner-event-kbd") == "");
        CHECK(applyText("devices.a4_printer", "cups:Office_A4") == "");
        for (const char* key :
             {"devices.id_reader", "devices.receipt_printer", "devices.scanner", "devices.a4_printer"})
            for (const char* simple : {"auto", "none", "sim"}) CHECK(applyText(key, simple) == "");
        CHECK(applyText("devices.id_reader", "cups:receipt") ==
              "devices.id_reader: cups: is not a kind of device that can play this role (use auto, none, sim or "
              "usb:VVVV:PPPP[:SERIAL])");
        CHECK(applyText("devices.a4_printer", "usb:0400:c35a").starts_with("devices.a4_printer: usb: is not a kind"));
        CHECK(applyText("devices.receipt_printer", "hidraw:/dev/hidraw0")
                  .starts_with("devices.receipt_printer: hidraw:"));
        CHECK(applyText("devices.id_reader", "usb:04:c35a") ==
              "devices.id_reader: '04' is not a USB vendor id (four hex digits, as lsusb shows it)");
        CHECK(applyText("devices.id_reader", "usb:0400:zzzz") ==
              "devices.id_reader: 'zzzz' is not a USB product id (four hex digits, as lsusb shows it)");
        CHECK(applyText("devices.id_reader", "usb:0400:c35a:") ==
              "devices.id_reader: 'usb:0400:c35a:' ends in ':' without a serial number");
        CHECK(
            applyText("devices.id_reader", "usb:0400:c35a:a b").starts_with("devices.id_reader: a USB serial number"));
        CHECK(applyText("devices.a4_printer", "cups:").starts_with("devices.a4_printer: cups: needs a queue name"));
        CHECK(applyText("devices.a4_printer", "cups:my queue")
                  .starts_with("devices.a4_printer: 'my queue' is not a CUPS"));
        CHECK(applyText("devices.scanner", "hidraw:/dev/sda") ==
              "devices.scanner: '/dev/sda' is not a hidraw node (hidraw:/dev/hidrawN)");
        CHECK(applyText("devices.scanner", "evdev:/dev/input/../sda")
                  .starts_with("devices.scanner: '/dev/input/../sda'"));
        CHECK(applyText("devices.scanner", "usb") ==
              "devices.scanner: 'usb' is not a device assignment (auto, none, sim, usb:VVVV:PPPP[:SERIAL], "
              "cups:QUEUE, hidraw:/dev/hidrawN or evdev:/dev/input/...)");
    }

    TEST_CASE("every field's text form reads back to the same value")
    {
        KioskSettings s;
        s.hospitalName = "市第一人民医院";
        s.devices.receiptPrinter = {DeviceAssignment::Kind::Usb, 0x0fe6, 0x811e, "SN1", ""};
        s.devices.scanner = {DeviceAssignment::Kind::Evdev, 0, 0, "", "/dev/input/event7"};
        s.languages = {Language::En, Language::ZhCN};
        s.services.prices = false;
        for (const SettingField& f : settingFields()) {
            CAPTURE(f.key);
            KioskSettings back;
            std::string text = f.format(s);
            if (text.empty()) continue;  // not set: nothing to write
            REQUIRE(refusal(f.apply(back, text)) == "");
            CHECK(f.format(back) == text);
        }
    }

    TEST_CASE("wrong types say what was expected")
    {
        CHECK(applyText("timeouts.idle_seconds", "soon") == "timeouts.idle_seconds: 'soon' is not a whole number");
        CHECK(applyText("timeouts.idle_seconds", "60s") == "timeouts.idle_seconds: '60s' is not a whole number");
        CHECK(applyText("timeouts.idle_seconds", "99999999999999999999") ==
              "timeouts.idle_seconds: 99999999999999999999 is far out of range");
        CHECK(applyText("kiosk.dpi", "-5") == "kiosk.dpi: -5 is below the minimum of 72 dots per inch");
        CHECK(applyText("services.bills", "maybe") ==
              "services.bills: 'maybe' is not a boolean (use true/false, yes/no, on/off or 1/0)");
        for (const char* yes : {"true", "YES", "on", "1"}) {
            KioskSettings s;
            s.payment.alipay = false;
            REQUIRE(findSettingField("payment.alipay")->apply(s, yes).has_value());
            CHECK(s.payment.alipay);
        }
        CHECK(applyText("kiosk.orientation", "sideways") ==
              "kiosk.orientation: 'sideways' is neither landscape nor portrait");
        CHECK(applyText("kiosk.languages", "zh-CN, fr") ==
              "kiosk.languages: 'fr' is not a language the kiosk has (zh-CN, zh-TW, en)");
        CHECK(applyText("kiosk.languages", "zh-CN,,en") ==
              "kiosk.languages: an empty item in 'zh-CN,,en' (a comma too many?)");
        CHECK(applyText("kiosk.languages", "en, en") == "kiosk.languages: en is listed twice");
        CHECK(applyText("kiosk.default_language", "de") ==
              "kiosk.default_language: 'de' is not a language the kiosk has (zh-CN, zh-TW, en)");
        CHECK(applyText("hospital.name", "") == "hospital.name: empty (leave the key out to keep the current value)");
    }

    TEST_CASE("maintainer.pin_hash: only an Argon2id hash that libsodium can read")
    {
        auto hash = maintenance::hashPin("583920");
        REQUIRE(hash.has_value());
        CHECK(refusal(validatePinHash(*hash)) == "");
        CHECK(refusal(validatePinHash("")) == "");
        CHECK(refusal(validatePinHash("583920")).starts_with("maintainer.pin_hash: not an Argon2id hash"));
        // Right prefix, broken body.
        CHECK(refusal(validatePinHash("$argon2id$v=19$m=65536,t=2,p=1$garbage")).starts_with("maintainer.pin_hash:"));
        // Argon2i, not Argon2id.
        std::string argon2i = *hash;
        argon2i.replace(0, 10, "$argon2i$");
        CHECK(!maintenance::isArgon2idHash(argon2i));
    }

    TEST_CASE("the nearest key is suggested only when it is close")
    {
        CHECK(nearestSettingKey("timeouts.idle_second") == "timeouts.idle_seconds");
        CHECK(nearestSettingKey("kiosk.idle_seconds") == "timeouts.idle_seconds");
        CHECK(nearestSettingKey("payment.wechatpay") == "payment.wechat");
        CHECK(nearestSettingKey("hospital.colour_scheme") == "");
    }
}
