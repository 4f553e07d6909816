#include "settings/startup_settings.hpp"

#include <filesystem>

#include "logging/log.hpp"
#include "settings/effective_settings.hpp"

namespace kiosk {

Result<StartupSettings> loadStartupSettings(const LaunchOptions& options)
{
    std::error_code ec;
    std::filesystem::create_directories(options.dataDir, ec);
    if (ec) return fail("cannot create the data folder " + options.dataDir + ": " + ec.message());
    auto store = SettingsStore::open(SettingsStore::pathIn(options.dataDir));
    if (!store) return std::unexpected(store.error());
    auto effective = loadEffectiveSettings(**store, options.configPath);
    if (!effective) return std::unexpected(effective.error());
    for (const SettingProblem& problem : effective->problems)
        logging::warning("settings", describeProblem(problem) + " (ignored)");
    for (const ConfigOverride& applied : effective->overrides)
        logging::info("settings", options.configPath + ":" + std::to_string(applied.line) + ": " + applied.key +
                                      " set by the config file");
    return StartupSettings{std::move(*store), withCommandLine(std::move(effective->settings), options)};
}

}  // namespace kiosk
