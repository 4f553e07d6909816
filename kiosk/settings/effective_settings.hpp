#pragma once
// The settings a kiosk runs with: what is stored in settings.db, with the
// config file's valid lines on top. Problems in either are collected, not
// fatal: the kiosk starts with the last good settings and says what it
// ignored.
#include <string>
#include <vector>

#include "core/result.hpp"
#include "settings/config_file.hpp"
#include "settings/settings_store.hpp"

namespace kiosk {

struct EffectiveSettings {
    KioskSettings settings;
    /// Rows of settings.db that could not be used, then lines of the config file, by line.
    std::vector<SettingProblem> problems;
    /// The config file's lines that took effect.
    std::vector<ConfigOverride> overrides;
};

/// A config file that does not exist is not a problem (most kiosks have
/// none); one that exists but cannot be read is reported as a problem.
/// Fails only when the settings database cannot be read.
Result<EffectiveSettings> loadEffectiveSettings(SettingsStore& store, const std::string& configPath);

} // namespace kiosk
