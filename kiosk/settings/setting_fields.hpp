#pragma once
// Every key of the config format (README "Configuration") with its text form:
// how a value written in the config file, stored in settings.db or typed into
// `kioskctl settings set` becomes a typed field of KioskSettings, and back.
// Parsing refuses wrong types ("timeouts.idle_seconds: 'soon' is not a whole
// number") and hands the typed value to the field's check in
// setting_validation.hpp for its range.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "settings/kiosk_settings.hpp"

namespace kiosk {

struct SettingField {
    std::string key;          ///< "section.name"
    std::string description;  ///< Type and range, for people: "integer 20–600 (seconds)".
    /// Parses `text` and checks it; on success sets the field in `settings`, which is untouched otherwise.
    std::function<Result<void>(KioskSettings& settings, std::string_view text)> apply;
    /// The field's value as text that `apply` reads back to the same value.
    std::function<std::string(const KioskSettings& settings)> format;
    /// Values that only someone holding the database should see (the PIN hash) are shown as "set" or "not set".
    bool secret = false;
};

/// All keys, in the config file's order.
const std::vector<SettingField>& settingFields();
const SettingField* findSettingField(std::string_view key);
/// The known key closest to `key` by edit distance, when close enough to be a typo; empty otherwise.
std::string nearestSettingKey(std::string_view key);
/// The section names ("hospital", "kiosk", ...).
std::vector<std::string> settingSections();

/// The value as it may be shown (a secret as "set" or "not set").
std::string displayValue(const SettingField& field, const KioskSettings& settings);

std::string formatDeviceAssignment(const DeviceAssignment& assignment);

} // namespace kiosk
