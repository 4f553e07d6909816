#pragma once
// One check per setting, on the typed value. Each refusal names the key and
// says why in words a maintainer can act on ("timeouts.idle_seconds: 5 is
// below the minimum of 20 seconds"). The config file, the settings database
// and kioskctl all refuse values with these same messages.
#include <chrono>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "settings/kiosk_settings.hpp"

namespace kiosk {

/// Allowed ranges, shared with the README's table and the tests.
struct SettingLimits {
    static constexpr int kNameMaxChars = 40;
    static constexpr int kFooterMaxChars = 60;
    static constexpr int kKioskIdMaxChars = 16;
    static constexpr int kDpiMin = 72, kDpiMax = 400;
    static constexpr int kIdleMin = 20, kIdleMax = 600;
    static constexpr int kWarningMin = 20, kWarningMax = 120;
    static constexpr int kMaintainerIdleMin = 30, kMaintainerIdleMax = 600;
    static constexpr int kDailyLimitMin = 1, kDailyLimitMax = 10;
    static constexpr int kBackendTimeoutMin = 1, kBackendTimeoutMax = 60;
    static constexpr int kRetentionMin = 30, kRetentionMax = 3650;
    static constexpr int kUrlMaxBytes = 200;
};

/// Which device a DeviceAssignment is for: each role accepts only the kinds that can play it.
enum class DeviceSlot { IdReader, ReceiptPrinter, Scanner, A4Printer };

// Empty hospital.name and hospital.logo mean "not set" (the catalog's name, no logo) and pass.
Result<void> validateHospitalName(std::string_view name);
Result<void> validateHospitalLogo(std::string_view path);
Result<void> validateKioskId(std::string_view id);
Result<void> validateDpi(int dpi);
Result<void> validateLanguages(const std::vector<Language>& languages);
/// The default must be one of the languages on offer.
Result<void> validateDefaultLanguage(Language language, const std::vector<Language>& offered);
Result<void> validateReceiptFooter(std::string_view footer);
Result<void> validateIdleSeconds(std::chrono::seconds idle);
Result<void> validateWarningSeconds(std::chrono::seconds warning);
Result<void> validateMaintainerIdleSeconds(std::chrono::seconds idle);
Result<void> validateDailyLimit(int limit);
Result<void> validateBackendUrl(std::string_view url);
Result<void> validateBackendTimeout(std::chrono::seconds timeout);
Result<void> validateDeviceAssignment(DeviceSlot slot, const DeviceAssignment& assignment);
Result<void> validateRetentionDays(int days);
/// Empty (no PIN set) passes; otherwise libsodium must read it as an Argon2id hash.
Result<void> validatePinHash(std::string_view hash);

/// The config key of a device slot ("devices.id_reader").
std::string_view deviceSlotKey(DeviceSlot slot);

/// Every field of `settings` through its check above; the first refusal.
Result<void> validateSettings(const KioskSettings& settings);

} // namespace kiosk
