#include "screen_router.hpp"

#include "overlays.hpp"
#include "widgets/chrome.hpp"

namespace kiosk::screens {

namespace {
constexpr ImGuiWindowFlags kLayerFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse |
                                         ImGuiWindowFlags_NoBackground;
} // namespace

std::vector<Intent> drawFrame(Ui& ui)
{
    const Metrics& m = ui.metrics();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(m.width, m.height));
    // The screen layer never comes to the front, so an overlay stays on top of it.
    ImGui::Begin("##screen", nullptr, kLayerFlags | ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (ui.shell().overlay() != Overlay::None) {
        // Under an overlay the screen is replaced by a plain backdrop rather
        // than dimmed: fewer distractions around the question, and a
        // software renderer redraws a plain fill many times faster than a
        // translucent one (the countdown redraws 30 times a second).
        ui.fill(Rect{0, 0, m.width, m.height}, ui.theme().backdrop);
        ImGui::End();
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(ImVec2(m.width, m.height));
        ImGui::SetNextWindowFocus();
        ImGui::Begin("##overlay", nullptr, kLayerFlags);
        drawOverlay(ui);
        ImGui::End();
        return ui.takeIntents();
    }
    ui.fill(Rect{0, 0, m.width, m.height}, ui.theme().background);
    float top = drawTopBar(ui);
    float bottomHeight = measureBottomBar(ui);
    float bottom = m.height - bottomHeight;
    Rect content{m.pad * 2, top + m.pad, m.width - 4 * m.pad, bottom - top - 2 * m.pad};
    // A screen stays in its content area: check-layout reports anything that
    // strays under the bars, where a tap would reach the wrong button.
    ui.setBounds(content);
    switch (ui.shell().screen()) {
    case ScreenId::Attract: drawAttractScreen(ui, content); break;
    case ScreenId::Identify: drawIdentifyScreen(ui, content); break;
    case ScreenId::Patient: drawPatientScreen(ui, content); break;
    case ScreenId::Registration: drawRegistrationScreen(ui, content); break;
    case ScreenId::Bills: drawBillsScreen(ui, content); break;
    case ScreenId::Reports: drawReportsScreen(ui, content); break;
    case ScreenId::CheckIn: drawCheckInScreen(ui, content); break;
    case ScreenId::Prices: drawPricesScreen(ui, content); break;
    case ScreenId::TransactionLookup: drawTransactionLookupScreen(ui, content); break;
    case ScreenId::MaintainerPin: drawMaintainerPinScreen(ui, content); break;
    case ScreenId::Maintainer: drawMaintainerScreen(ui, content); break;
    }
    ui.clearBounds();
    drawBottomBar(ui, bottom);
    ImGui::End();
    return ui.takeIntents();
}

} // namespace kiosk::screens
