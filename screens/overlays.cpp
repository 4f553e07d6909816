#include "overlays.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <optional>

#include "widgets/button_flow.hpp"

namespace kiosk::screens {

namespace {

struct PanelContent {
    std::string title;
    std::string body;
    std::optional<float> progress;  ///< 0…1, drawn as a shrinking bar
    std::vector<FlowButton> buttons;
};

PanelContent contentFor(const Ui& ui)
{
    const Shell& shell = ui.shell();
    const DisplayPrefs& prefs = shell.prefs();
    switch (shell.overlay()) {
    case Overlay::TimeoutWarning: {
        auto left = shell.warningRemaining().value_or(Duration::zero());
        auto seconds = std::chrono::ceil<std::chrono::seconds>(left).count();
        float total = std::chrono::duration<float>(shell.settings().warningDuration).count();
        float fraction = std::clamp(std::chrono::duration<float>(left).count() / total, 0.0f, 1.0f);
        return {ui.tr("title.timeout"), ui.format("timeout.body", {{"seconds", std::to_string(seconds)}}), fraction,
                {{"more-time", ui.tr("timeout.more_time"), ButtonStyle::Primary, intent::ExtendTime{}},
                 {"end-now", ui.tr("timeout.end_now"), ButtonStyle::Secondary, intent::Home{}}}};
    }
    case Overlay::CallStaff:
        return {ui.tr("title.call_staff"), ui.format("call_staff.body", {{"ref", shell.referenceNumber()}}), {},
                {{"close", ui.tr("overlay.close"), ButtonStyle::Primary, intent::CloseOverlay{}}}};
    case Overlay::Sound:
        return {ui.tr("title.sound"),
                prefs.muted ? ui.tr("sound.muted") : ui.format("sound.volume", {{"volume", std::to_string(prefs.volume)}}),
                {},
                {{"mute", ui.tr(prefs.muted ? "sound.unmute" : "sound.mute"), ButtonStyle::Secondary,
                  intent::ToggleMute{}},
                 {"quieter", ui.tr("sound.quieter"), ButtonStyle::Secondary, intent::VolumeDown{}},
                 {"louder", ui.tr("sound.louder"), ButtonStyle::Secondary, intent::VolumeUp{}},
                 {"close", ui.tr("overlay.close"), ButtonStyle::Secondary, intent::CloseOverlay{}}}};
    case Overlay::Language: {
        PanelContent c{ui.tr("title.language"), "", {}, {}};
        for (Language l : kAllLanguages)
            c.buttons.push_back({"choose-" + std::string(languageTag(l)), ui.nativeLanguageName(l),
                                 l == prefs.language ? ButtonStyle::Selected : ButtonStyle::Secondary,
                                 intent::SetLanguage{l}});
        // Close is plain, so the dark button is only ever the chosen language.
        c.buttons.push_back({"close", ui.tr("overlay.close"), ButtonStyle::Secondary, intent::CloseOverlay{}});
        return c;
    }
    case Overlay::None: break;
    }
    return {};
}

} // namespace

void drawOverlay(Ui& ui)
{
    if (ui.shell().overlay() == Overlay::None) return;
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    PanelContent c = contentFor(ui);

    ui.setOverlayLayer(true);

    float panelWidth = std::min(m.width - 2 * m.pad, std::max(m.width * (m.portrait ? 0.9f : 0.7f), m.minTarget * 8));
    float inner = panelWidth - 4 * m.pad;
    float titleH = ui.measure(c.title, FontRole::Title, inner).y;
    float bodyH = c.body.empty() ? 0 : ui.measure(c.body, FontRole::Body, inner).y + m.gap;
    float progressH = c.progress ? m.minTarget * 0.35f + m.gap : 0;
    float buttonsH = measureFlow(ui, c.buttons, inner);
    float panelHeight = 2 * m.pad + titleH + m.gap + bodyH + progressH + buttonsH + 2 * m.pad;
    Rect panel{(m.width - panelWidth) * 0.5f, std::max(m.pad, (m.height - panelHeight) * 0.5f), panelWidth,
               panelHeight};
    ui.fill(panel, t.panel);  // square corners: a rounded fill is slow on the software renderer

    float x = panel.x + 2 * m.pad;
    float y = panel.y + 2 * m.pad;
    y += ui.textIn(x, y, inner, c.title, FontRole::Title, t.text) + m.gap;
    if (!c.body.empty()) y += ui.textIn(x, y, inner, c.body, FontRole::Body, t.text) + m.gap;
    if (c.progress) {
        float h = m.minTarget * 0.35f;
        ui.fill(Rect{x, y, inner, h}, t.secondary);
        ui.fill(Rect{x, y, std::max(h, inner * *c.progress), h}, t.progress);
        y += h + m.gap;
    }
    drawFlow(ui, c.buttons, x, y, inner, {Align::Center, m.portrait || m.elder});

    if (ui.shell().overlay() == Overlay::TimeoutWarning) {
        ui.markAnimated(panel);
        // A tap anywhere but "end now" means "I am still here". Submitted after
        // the panel's buttons so that they keep their taps.
        ImGui::SetCursorScreenPos(ImVec2(0, 0));
        if (ImGui::InvisibleButton("##still-here", ImVec2(m.width, m.height))) ui.intend(intent::ExtendTime{});
    }
    ui.setOverlayLayer(false);
}

} // namespace kiosk::screens
