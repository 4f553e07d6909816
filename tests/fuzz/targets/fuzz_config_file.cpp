// The config file is written by hand or by a fleet's provisioning scripts:
// any bytes must give overrides and problems, never a crash, and every
// override the parser lets through must apply cleanly on top of the defaults.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "settings/config_file.hpp"
#include "settings/setting_fields.hpp"
#include "settings/setting_validation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    std::string_view text(reinterpret_cast<const char*>(data), size);
    kiosk::ConfigFile config = kiosk::parseConfigText(text, "fuzz.conf");
    kiosk::KioskSettings settings = kiosk::applyOverrides(kiosk::KioskSettings{}, config);
    // What survives must be settings the store would accept.
    if (!kiosk::validateSettings(settings)) std::abort();
    for (const kiosk::SettingProblem& p : config.problems)
        if (p.line < 1) std::abort();
    return 0;
}
