#pragma once
// What the settings, maintainer and audit commands share.
#include <memory>
#include <string>

#include "core/result.hpp"
#include "settings/settings_store.hpp"

namespace kiosk::ctl {

inline constexpr const char* kDefaultDataDir = "/var/lib/kiosk";

/// DIR/settings.db, created if the directory exists but the file does not.
Result<std::unique_ptr<SettingsStore>> openSettings(const std::string& dataDir);
/// Who the audit log names for a change made here: "kioskctl (LOGIN)".
std::string commandLineWho();

} // namespace kiosk::ctl
