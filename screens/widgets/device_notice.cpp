#include "widgets/device_notice.hpp"

#include <algorithm>
#include <vector>

namespace kiosk::screens {

float drawIdentifyDeviceNotice(Ui& ui, float x, float y, float width)
{
    bool readerDown = ui.shell().device(DeviceRole::IdCardReader).down();
    bool scannerDown = ui.shell().device(DeviceRole::Scanner).down();
    if (!readerDown && !scannerDown) return 0;
    std::string_view key = readerDown && scannerDown ? "identify.no_way_to_identify"
                           : readerDown              ? "identify.reader_unavailable"
                                                     : "identify.scanner_unavailable";
    const Theme& t = ui.theme();
    return ui.message(x, y, width, ui.tr(key), t.warningBackground, t.warningText) + ui.metrics().gap;
}

float drawPrinterProblems(Ui& ui, float x, float y, float width)
{
    float used = 0;
    for (DeviceRole role : {DeviceRole::ReceiptPrinter, DeviceRole::A4Printer}) {
        const DeviceReport& report = ui.shell().device(role);
        // A printer the hospital did not install is no news to the patient.
        if (!report.down() || report.problem == DeviceProblem::NotConfigured) continue;
        std::string line = ui.format("device.line", {{"device", ui.tr(deviceRoleKey(role))},
                                                     {"problem", ui.tr(deviceProblemKey(report.problem))}});
        used += ui.textIn(x, y + used, width, line, FontRole::Body, ui.theme().mutedText) + ui.metrics().gap * 0.5f;
    }
    return used;
}

float drawPausedServices(Ui& ui, float x, float y, float width)
{
    const ServiceHost* services = ui.shell().services();
    if (!services) return 0;
    // One line per reason, naming every service it stops: short enough for the attract screen.
    std::vector<std::pair<PauseReason, std::string>> lines;
    for (auto [kind, key] : {std::pair{ServiceKind::Registration, "title.service.registration"},
                             std::pair{ServiceKind::Bills, "title.service.bills"},
                             std::pair{ServiceKind::CheckIn, "title.service.check_in"},
                             std::pair{ServiceKind::Reports, "title.service.reports"}}) {
        if (!services->offers(kind)) continue;
        PauseReason why = ui.shell().servicePause(kind);
        if (why == PauseReason::None) continue;
        auto line = std::find_if(lines.begin(), lines.end(), [why](const auto& l) { return l.first == why; });
        if (line == lines.end()) lines.emplace_back(why, ui.tr(key));
        else line->second += ui.tr("pause.separator") + ui.tr(key);
    }
    float used = 0;
    const Theme& t = ui.theme();
    for (const auto& [why, names] : lines) {
        std::string line = ui.format("pause.line", {{"service", names}, {"reason", ui.tr(pauseReasonKey(why))}});
        used += ui.message(x, y + used, width, line, t.warningBackground, t.warningText) + ui.metrics().gap * 0.5f;
    }
    return used;
}

} // namespace kiosk::screens
