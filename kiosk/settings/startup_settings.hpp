#pragma once
// The settings the kiosk starts with: settings.db in the data folder, the
// config file on top, then the options the command line gave explicitly.
// Every problem is logged as FILE:LINE: KEY: why and skipped, so a typo in a
// fleet's config file never keeps a kiosk from starting.
#include <memory>

#include "core/result.hpp"
#include "settings/launch_options.hpp"
#include "settings/settings_store.hpp"

namespace kiosk {

struct StartupSettings {
    /// Kept open for maintainer mode (its PIN lock, audit log and changes).
    std::unique_ptr<SettingsStore> store;
    KioskSettings settings;
};

/// Fails only when the data folder or settings.db cannot be opened or read.
Result<StartupSettings> loadStartupSettings(const LaunchOptions& options);

}  // namespace kiosk
