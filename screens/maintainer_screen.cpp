// Maintainer mode's two screens: the PIN pad (the shared keypad; only its
// digits count) and the maintainer's home with device status, a few settings,
// a test print and the way out. Maintainers read English detail text from the
// device monitor as it is: it is what the log and kioskctl show too.
#include <string>

#include "screen_router.hpp"
#include "widgets/keypad.hpp"

namespace kiosk::screens {

namespace {

using maintenance::ActionResult;
using maintenance::PinPadMessage;

std::string formatUptime(Duration d)
{
    auto minutes = std::chrono::duration_cast<std::chrono::minutes>(d).count();
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

std::string padMessage(Ui& ui, const maintenance::MaintainerMode& mode)
{
    switch (mode.padMessage()) {
    case PinPadMessage::None: return {};
    case PinPadMessage::Wrong:
        return ui.format("maintainer.pin_wrong", {{"left", std::to_string(mode.attemptsLeft())}});
    case PinPadMessage::Locked:
        return ui.format("maintainer.pin_locked", {{"time", formatLocalTime(mode.lockedUntil(), "%H:%M")}});
    case PinPadMessage::NotSet: return ui.tr("maintainer.pin_not_set");
    case PinPadMessage::Failed: return ui.tr("maintainer.pin_failed");
    }
    return {};
}

struct ServiceSwitch {
    const char* key;
    const char* titleKey;
    bool ServiceSwitches::*on;
};
constexpr ServiceSwitch kSwitches[] = {
    {"services.registration", "title.service.registration", &ServiceSwitches::registration},
    {"services.bills", "title.service.bills", &ServiceSwitches::bills},
    {"services.reports", "title.service.reports", &ServiceSwitches::reports},
};

}  // namespace

void drawMaintainerPinScreen(Ui& ui, Rect area)
{
    const maintenance::MaintainerMode* mode = ui.shell().maintainer();
    if (!mode) return;
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y;
    y += ui.textIn(area.x, y, area.w, ui.tr("title.maintainer_pin"), FontRole::Title, t.text) + m.gap;
    y += ui.textIn(area.x, y, area.w, std::string(mode->pinLength(), '*') + " ", FontRole::Title, t.text) + m.gap;
    if (std::string message = padMessage(ui, *mode); !message.empty())
        y += ui.message(area.x, y, area.w, message, t.warningBackground, t.warningText) + m.gap;
    float buttons = ui.buttonHeight() + m.gap;
    KeypadLayout layout = layoutKeypad(m, area.w, area.bottom() - y - buttons);
    drawKeypad(ui, area.x + (area.w - layout.width) * 0.5f, y, layout);
    y += layout.height + m.gap;
    float w = (area.w - m.gap) * 0.5f;
    using Action = intent::Maintainer::Action;
    if (ui.button("maintainer-cancel", ui.tr("maintainer.cancel"), Rect{area.x, y, w, ui.buttonHeight()},
                  ButtonStyle::Secondary))
        ui.intend(intent::Maintainer{Action::Close});
    if (ui.button("maintainer-pin-ok", ui.tr("maintainer.pin_ok"), Rect{area.x + w + m.gap, y, w, ui.buttonHeight()},
                  ButtonStyle::Primary))
        ui.intend(intent::Maintainer{Action::SubmitPin});
}

void drawMaintainerScreen(Ui& ui, Rect area)
{
    const maintenance::MaintainerMode* mode = ui.shell().maintainer();
    if (!mode) return;
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    const KioskSettings& settings = ui.shell().settings();
    using Action = intent::Maintainer::Action;
    float y = area.y;
    y += ui.textIn(area.x, y, area.w, ui.tr("title.maintainer"), FontRole::Title, t.text) + m.gap;

    // Status: each device role as the monitor last reported it, and the uptime.
    y += ui.textIn(area.x, y, area.w, ui.tr("maintainer.status"), FontRole::Body, t.text, Align::Left) + m.gap;
    for (DeviceRole role : kAllDeviceRoles) {
        const DeviceReport& r = ui.shell().device(role);
        std::string row = ui.tr(deviceRoleKey(role)) + ": " + std::string(deviceHealthName(r.health)) +
                          (r.detail.empty() ? "" : " (" + r.detail + ")");
        y += ui.textIn(area.x, y, area.w, row, FontRole::Body, t.mutedText, Align::Left);
    }
    y += ui.textIn(area.x, y, area.w, ui.format("maintainer.uptime", {{"time", formatUptime(mode->uptime())}}),
                   FontRole::Body, t.mutedText, Align::Left) +
         m.gap * 2;

    // Settings: the idle timeout in steps of 10 s and the services on or off, saved at once.
    float h = ui.buttonHeight();
    float small = std::max(m.minTarget, ui.buttonWidth("+10"));
    int idle = static_cast<int>(settings.idleTimeout.count());
    std::string idleText = ui.format("maintainer.idle_timeout", {{"seconds", std::to_string(idle)}});
    if (ui.button("maintainer-idle-down", "-10", Rect{area.x, y, small, h}, ButtonStyle::Secondary))
        ui.intend(intent::Maintainer{Action::Change, "timeouts.idle_seconds", std::to_string(idle - 10)});
    ui.textIn(area.x + small + m.gap, y + (h - ui.measure(idleText, FontRole::Body).y) * 0.5f,
              area.w - 2 * (small + m.gap), idleText, FontRole::Body, t.text);
    if (ui.button("maintainer-idle-up", "+10", Rect{area.right() - small, y, small, h}, ButtonStyle::Secondary))
        ui.intend(intent::Maintainer{Action::Change, "timeouts.idle_seconds", std::to_string(idle + 10)});
    y += h + m.gap;
    float sw = (area.w - 2 * m.gap) / 3.0f;
    float x = area.x;
    for (const ServiceSwitch& s : kSwitches) {
        bool on = settings.services.*s.on;
        std::string label =
            ui.format(on ? "maintainer.service_on" : "maintainer.service_off", {{"service", ui.tr(s.titleKey)}});
        if (ui.button(std::string("maintainer-") + s.key, label, Rect{x, y, sw, h},
                      on ? ButtonStyle::Selected : ButtonStyle::Secondary))
            ui.intend(intent::Maintainer{Action::Change, s.key, on ? "false" : "true"});
        x += sw + m.gap;
    }
    y += h + m.gap * 2;

    switch (mode->lastResult()) {
    case ActionResult::None: break;
    case ActionResult::Saved: y += ui.message(area.x, y, area.w, ui.tr("maintainer.saved"), t.secondary, t.text); break;
    case ActionResult::Refused:
        y += ui.message(area.x, y, area.w, ui.format("maintainer.refused", {{"why", mode->refusal()}}),
                        t.warningBackground, t.warningText);
        break;
    case ActionResult::Printed:
        y += ui.message(area.x, y, area.w, ui.tr("maintainer.printed"), t.secondary, t.text);
        break;
    case ActionResult::PrintFailed:
        y += ui.message(area.x, y, area.w, ui.tr("maintainer.print_failed"), t.warningBackground, t.warningText);
        break;
    }
    y += m.gap;
    float w = (area.w - m.gap) * 0.5f;
    if (ui.button("maintainer-test-print", ui.tr("maintainer.test_print"), Rect{area.x, y, w, h},
                  ButtonStyle::Secondary))
        ui.intend(intent::Maintainer{Action::TestPrint});
    if (ui.button("maintainer-exit", ui.tr("maintainer.exit"), Rect{area.x + w + m.gap, y, w, h}, ButtonStyle::Primary))
        ui.intend(intent::Maintainer{Action::Close});
}

}  // namespace kiosk::screens
