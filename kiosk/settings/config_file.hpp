#pragma once
// The kiosk's config file, /etc/kiosk/kiosk.conf (README "Configuration"):
// INI-style `[section]` and `key = value` lines that override the settings
// stored on the kiosk, so that a fleet can be provisioned without touching a
// screen. A line that cannot be used is reported with file, line and key and
// skipped; every other line still applies, so one typo never stops a kiosk.
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "settings/kiosk_settings.hpp"
#include "settings/settings_problem.hpp"

namespace kiosk {

inline constexpr const char* kDefaultConfigPath = "/etc/kiosk/kiosk.conf";

/// One `key = value` line whose value passed its field's checks on its own.
struct ConfigOverride {
    std::string key;  ///< "section.name"
    std::string value;
    int line = 0;
};

struct ConfigFile {
    std::string path;
    std::vector<ConfigOverride> overrides;
    std::vector<SettingProblem> problems;
};

/// Reads config text; `path` is only used in problems.
ConfigFile parseConfigText(std::string_view text, const std::string& path);
/// Reads the file; an error only when it cannot be read at all.
Result<ConfigFile> readConfigFile(const std::string& path);

/// Applies `config`'s overrides on top of `settings`. An override refused
/// in combination with the others (a default language that is not on offer)
/// is reported in `config.problems` and left out.
KioskSettings applyOverrides(const KioskSettings& settings, ConfigFile& config);

} // namespace kiosk
