#include "settings/effective_settings.hpp"

#include <filesystem>

namespace kiosk {

Result<EffectiveSettings> loadEffectiveSettings(SettingsStore& store, const std::string& configPath)
{
    LoadedSettings stored = KIOSK_TRY(store.load());
    EffectiveSettings out{stored.settings, std::move(stored.problems), {}};
    std::error_code ec;
    if (configPath.empty() || !std::filesystem::exists(configPath, ec)) return out;
    auto config = readConfigFile(configPath);
    if (!config) {
        out.problems.push_back({configPath, 0, "", config.error().message + "; the stored settings are used"});
        return out;
    }
    out.settings = applyOverrides(stored.settings, *config);
    out.overrides = std::move(config->overrides);
    out.problems.insert(out.problems.end(), config->problems.begin(), config->problems.end());
    return out;
}

} // namespace kiosk
