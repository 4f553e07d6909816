#include "setup/fault_injection.hpp"

#include <csignal>
#include <cstdlib>
#include <iostream>
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
        std::cerr << "kiosk: KIOSK_CRASH_AT='" << text << "' is not STEP:before|after[:N]; ignored\n";
        return std::nullopt;
    }
    std::cerr << "kiosk: fault injection armed: SIGKILL " << phase << " journal step '" << journal::stepName(*step)
              << "' (occurrence " << nth << ")\n";
    auto seen = std::make_shared<int>(0);
    bool written = phase == "after";
    return [step = *step, written, nth, seen](const std::string&, journal::Step at, bool isWritten) {
        if (at != step || isWritten != written || ++*seen != nth) return;
        ::kill(::getpid(), SIGKILL);
    };
}

} // namespace kiosk::devices
