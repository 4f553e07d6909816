// kioskctl settings show|set|check: the kiosk's settings from the command
// line. `check` is for fleet provisioning: it reads a config file as the
// kiosk would and lists every line it would ignore, with file, line and key.
#include <cstdio>
#include <filesystem>

#include "kioskctl/commands.hpp"
#include "kioskctl/maintainer_common.hpp"
#include "maintenance/audit_log.hpp"
#include "settings/effective_settings.hpp"
#include "settings/setting_fields.hpp"

namespace kiosk::ctl {

namespace {

void printProblems(const std::vector<SettingProblem>& problems, std::FILE* out)
{
    for (const SettingProblem& p : problems) std::fprintf(out, "%s\n", describeProblem(p).c_str());
}

} // namespace

int settingsShow(Args args)
{
    std::string dataDir = kDefaultDataDir;
    std::string configPath = kDefaultConfigPath;
    takeOption(args, "--data-dir", dataDir);
    takeOption(args, "--config", configPath);
    if (!args.empty()) return failWith("unexpected argument '" + args[0] + "' (see kioskctl help)");
    auto store = openSettings(dataDir);
    if (!store) return failWith(store.error().message);
    auto effective = loadEffectiveSettings(**store, configPath);
    if (!effective) return failWith(effective.error().message);
    for (const SettingField& field : settingFields()) {
        std::string value = displayValue(field, effective->settings);
        std::string line = field.key + " = " + (value.empty() ? "(not set)" : value);
        for (const ConfigOverride& o : effective->overrides)
            if (o.key == field.key) line += "    (" + configPath + ":" + std::to_string(o.line) + ")";
        std::printf("%s\n", line.c_str());
    }
    if (!effective->problems.empty()) {
        std::printf("\nignored, the last good value kept:\n");
        printProblems(effective->problems, stdout);
    }
    return 0;
}

int settingsSet(Args args)
{
    std::string dataDir = kDefaultDataDir;
    std::string configPath = kDefaultConfigPath;
    takeOption(args, "--data-dir", dataDir);
    takeOption(args, "--config", configPath);
    if (args.size() != 2) return failWith("settings set takes KEY VALUE (see kioskctl help)");
    auto store = openSettings(dataDir);
    if (!store) return failWith(store.error().message);
    auto change = (*store)->set(args[0], args[1]);
    if (!change) return failWith(change.error().message);
    SystemClock clock;
    maintenance::AuditLog audit((*store)->database(), clock);
    auto event = change->key.starts_with("devices.") ? maintenance::AuditEvent::DeviceAssigned
                                                     : maintenance::AuditEvent::SettingChanged;
    if (auto audited = audit.recordChange(event, commandLineWho(), *change); !audited)
        return failWith("the setting was saved but could not be audited: " + audited.error().message);
    const SettingField* field = findSettingField(change->key);
    if (field && field->secret) std::printf("%s changed\n", change->key.c_str());
    else std::printf("%s: %s -> %s\n", change->key.c_str(), change->oldValue.c_str(), change->newValue.c_str());
    // The config file wins over what is stored; say so rather than let the change seem lost.
    if (auto config = readConfigFile(configPath))
        for (const ConfigOverride& o : config->overrides)
            if (o.key == change->key)
                std::fprintf(stderr, "kioskctl: note: %s:%d sets %s too, and the config file wins\n",
                             configPath.c_str(), o.line, o.key.c_str());
    return 0;
}

int settingsCheck(Args args)
{
    if (args.size() != 1) return failWith("settings check takes one FILE (see kioskctl help)");
    auto config = readConfigFile(args[0]);
    if (!config) return failWith(config.error().message);
    // The checks that span keys run against the defaults, as on a new kiosk.
    applyOverrides(KioskSettings{}, *config);
    printProblems(config->problems, stdout);
    if (!config->problems.empty()) {
        std::fprintf(stderr, "%s: %zu problem(s); those lines would be ignored\n", args[0].c_str(),
                     config->problems.size());
        return 1;
    }
    std::printf("%s: OK, %zu setting(s)\n", args[0].c_str(), config->overrides.size());
    return 0;
}

} // namespace kiosk::ctl
