#include "device/device_status.hpp"

namespace kiosk {

std::string describe(const PrinterStatus& s)
{
    std::string out;
    auto add = [&](const char* what) {
        if (!out.empty()) out += ", ";
        out += what;
    };
    switch (s.power) {
    case PowerState::Online: add("online"); break;
    case PowerState::Off: add("off"); break;
    case PowerState::Offline: add("offline"); break;
    case PowerState::Unknown: add("power unknown"); break;
    }
    switch (s.paper) {
    case PaperState::Ok: add("paper OK"); break;
    case PaperState::NearEnd: add("paper near end"); break;
    case PaperState::Empty: add("paper empty"); break;
    case PaperState::Unknown: add("paper unknown"); break;
    }
    if (s.coverOpen) add("cover open");
    if (s.paperFeedButton) add("feed button pressed");
    if (s.cutterError) add("cutter error");
    if (s.recoverableError) add("recoverable error");
    if (s.unrecoverableError) add("unrecoverable error");
    if (s.autoRecoverableError) add("auto-recoverable error");
    if (s.jammed) add("jammed");
    return out;
}

} // namespace kiosk
