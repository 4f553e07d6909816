#include "device/device_report.hpp"

namespace kiosk {

namespace {
constexpr std::array<std::string_view, 4> kRoleNames{"reader", "scanner", "receipt-printer", "a4-printer"};
constexpr std::array<std::string_view, 5> kHealthNames{"unknown", "ready", "warning", "fault", "missing"};

DeviceReport make(DeviceRole role, DeviceHealth health, DeviceProblem problem, std::string detail)
{
    return DeviceReport{role, health, problem, std::move(detail)};
}
} // namespace

std::string_view deviceRoleName(DeviceRole role) { return kRoleNames[static_cast<std::size_t>(role)]; }

std::optional<DeviceRole> parseDeviceRole(std::string_view name)
{
    for (std::size_t i = 0; i < kRoleNames.size(); ++i)
        if (kRoleNames[i] == name) return static_cast<DeviceRole>(i);
    return std::nullopt;
}

std::string_view deviceHealthName(DeviceHealth health) { return kHealthNames[static_cast<std::size_t>(health)]; }

std::optional<DeviceHealth> parseDeviceHealth(std::string_view name)
{
    for (std::size_t i = 0; i < kHealthNames.size(); ++i)
        if (kHealthNames[i] == name) return static_cast<DeviceHealth>(i);
    return std::nullopt;
}

std::string_view deviceRoleKey(DeviceRole role)
{
    switch (role) {
    case DeviceRole::IdCardReader: return "device.role.reader";
    case DeviceRole::Scanner: return "device.role.scanner";
    case DeviceRole::ReceiptPrinter: return "device.role.receipt_printer";
    case DeviceRole::A4Printer: return "device.role.a4_printer";
    }
    return "device.role.reader";
}

std::string_view deviceProblemKey(DeviceProblem problem)
{
    switch (problem) {
    case DeviceProblem::None: return "";
    case DeviceProblem::NotConnected: return "device.problem.not_connected";
    case DeviceProblem::NotConfigured: return "device.problem.not_configured";
    case DeviceProblem::PaperNearEnd: return "device.problem.paper_near_end";
    case DeviceProblem::PaperOut: return "device.problem.paper_out";
    case DeviceProblem::CoverOpen: return "device.problem.cover_open";
    case DeviceProblem::Jammed: return "device.problem.jammed";
    case DeviceProblem::Offline: return "device.problem.offline";
    case DeviceProblem::TonerLow: return "device.problem.toner_low";
    case DeviceProblem::Other: return "device.problem.other";
    }
    return "";
}

DeviceReport reportFor(DeviceRole role, const InputDevice& device)
{
    switch (device.state()) {
    case DeviceState::Closed: return make(role, DeviceHealth::Missing, DeviceProblem::NotConnected, "closed");
    case DeviceState::Error: {
        std::string why = device.lastError();
        return make(role, DeviceHealth::Missing, DeviceProblem::NotConnected, why.empty() ? "not available" : why);
    }
    case DeviceState::Idle:
    case DeviceState::Busy: return make(role, DeviceHealth::Ready, DeviceProblem::None, device.describe());
    }
    return make(role, DeviceHealth::Unknown, DeviceProblem::None, "");
}

DeviceReport reportFor(DeviceRole role, const Result<PrinterStatus>& result)
{
    if (!result) return make(role, DeviceHealth::Missing, DeviceProblem::NotConnected, result.error().message);
    const PrinterStatus& s = *result;
    std::string detail = describe(s);
    // Most specific first: an open cover also reads as offline.
    if (s.coverOpen) return make(role, DeviceHealth::Fault, DeviceProblem::CoverOpen, detail);
    if (s.paper == PaperState::Empty) return make(role, DeviceHealth::Fault, DeviceProblem::PaperOut, detail);
    if (s.jammed) return make(role, DeviceHealth::Fault, DeviceProblem::Jammed, detail);
    if (s.cutterError || s.unrecoverableError || s.recoverableError)
        return make(role, DeviceHealth::Fault, DeviceProblem::Other, detail);
    if (s.power == PowerState::Offline || s.power == PowerState::Off)
        return make(role, DeviceHealth::Fault, DeviceProblem::Offline, detail);
    if (s.power == PowerState::Unknown || s.paper == PaperState::Unknown)
        return make(role, DeviceHealth::Unknown, DeviceProblem::None, detail);
    if (s.paper == PaperState::NearEnd) return make(role, DeviceHealth::Warning, DeviceProblem::PaperNearEnd, detail);
    return make(role, DeviceHealth::Ready, DeviceProblem::None, detail);
}

DeviceReport reportFor(DeviceRole role, const Result<A4PrinterStatus>& result)
{
    if (!result) return make(role, DeviceHealth::Missing, DeviceProblem::NotConnected, result.error().message);
    const A4PrinterStatus& s = *result;
    std::string detail;
    for (const std::string& reason : s.reasons) detail += (detail.empty() ? "" : ",") + reason;
    if (!s.message.empty()) detail += (detail.empty() ? "" : ": ") + s.message;
    if (detail.empty()) detail = "no reasons reported";
    if (!s.reachable) return make(role, DeviceHealth::Missing, DeviceProblem::NotConnected, detail);
    if (s.paper == PaperState::Empty) return make(role, DeviceHealth::Fault, DeviceProblem::PaperOut, detail);
    if (s.jammed) return make(role, DeviceHealth::Fault, DeviceProblem::Jammed, detail);
    if (s.offline) return make(role, DeviceHealth::Fault, DeviceProblem::Offline, detail);
    if (s.stopped || !s.accepting) return make(role, DeviceHealth::Fault, DeviceProblem::Other, detail);
    if (s.tonerLow) return make(role, DeviceHealth::Warning, DeviceProblem::TonerLow, detail);
    if (s.paper == PaperState::NearEnd) return make(role, DeviceHealth::Warning, DeviceProblem::PaperNearEnd, detail);
    // A queue with nothing wrong: the spooler learns about paper only during
    // a job, so this is the best there is; each job is still followed to its end.
    return make(role, DeviceHealth::Ready, DeviceProblem::None, detail);
}

} // namespace kiosk
