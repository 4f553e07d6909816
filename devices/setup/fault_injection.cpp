#include "setup/fault_injection.hpp"

#include "logging/log.hpp"

#include <csignal>
#include <cstdlib>
#include <memory>
#include <string>
#include <unistd.h>

namespace kiosk::devices {

std::optional<journal::Journal::FaultHook> faultInjectionFromEnvironment()
{
    const char* spec = std::getenv("KIOSK_CRASH_AT");
    if (!spec || !*spec) return std::nullopt;
    std::string text = spec;
    auto first = text.find(':');
    auto second = first == std::string::npos ? std::string::npos : text.find(':', first + 1);
    auto step = journal::parseStep(text.substr(0, first));
    std::string phase = first == std::string::npos ? "" : text.substr(first + 1, second - first - 1);
    int nth = second == std::string::npos ? 1 : std::atoi(text.c_str() + second + 1);
    if (!step || (phase != "before" && phase != "after") || nth < 1) {
        logging::warning("fault-injection", "KIOSK_CRASH_AT='" + text + "' is not STEP:before|after[:N]; ignored");
        return std::nullopt;
    }
    logging::warning("fault-injection", "armed: SIGKILL " + phase + " journal step '" +
                                        std::string(journal::stepName(*step)) + "' (occurrence " + std::to_string(nth) +
                                        ")");
    auto seen = std::make_shared<int>(0);
    bool written = phase == "after";
    return [step = *step, written, nth, seen](const std::string&, journal::Step at, bool isWritten) {
        if (at != step || isWritten != written || ++*seen != nth) return;
        ::kill(::getpid(), SIGKILL);
    };
}

} // namespace kiosk::devices
