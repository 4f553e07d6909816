// The attract screen: what a passer-by sees. Hospital, date and time come
// from the top bar; here a welcome, how to start, and the service tiles as
// services become available.
#include "screen_router.hpp"
#include "widgets/device_notice.hpp"

namespace kiosk::screens {

void drawAttractScreen(Ui& ui, Rect area)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    // Maintainer mode's way in: five quick taps on an unmarked square in the top-left corner.
    if (ui.hiddenTarget("maintainer-corner", Rect{area.x, area.y, m.minTarget, m.minTarget}))
        ui.intend(intent::Maintainer{intent::Maintainer::Action::CornerTap});
    float y = area.y + area.h * (m.portrait ? 0.18f : 0.12f);
    y += ui.textIn(area.x, y, area.w, ui.tr("hero.welcome"), FontRole::Title, t.text) + m.gap * 2;
    y += ui.textIn(area.x, y, area.w, ui.tr("attract.instruction"), FontRole::Body, t.mutedText) + m.gap * 3;

    std::string label = ui.tr("hero.start");
    float w = std::min(area.w, std::max(ui.buttonWidth(label, FontRole::Title), area.w * (m.portrait ? 0.8f : 0.5f)));
    float h = std::max(ui.buttonHeight(FontRole::Title), m.minTarget * 1.6f);
    if (ui.button("start", label, Rect{area.x + (area.w - w) * 0.5f, y, w, h}, ButtonStyle::Primary, FontRole::Title))
        ui.intend(intent::Start{});
    y += h + m.gap * 2;
    // Looking up a price needs no identification, so it is offered here, below the way in.
    if (const ServiceHost* services = ui.shell().services(); services && services->offers(ServiceKind::Prices)) {
        std::string prices = ui.tr("attract.prices");
        float pw = std::min(area.w, std::max(ui.buttonWidth(prices), w * 0.6f));
        float ph = ui.buttonHeight();
        if (ui.button("service-prices", prices, Rect{area.x + (area.w - pw) * 0.5f, y, pw, ph}, ButtonStyle::Secondary))
            ui.intend(intent::OpenService{ServiceKind::Prices});
        y += ph + m.gap * 2;
    }
    // So is asking what became of a payment: the number on the patient's slip is all it needs.
    if (const ServiceHost* services = ui.shell().services();
        services && services->offers(ServiceKind::TransactionLookup)) {
        std::string lookup = ui.tr("attract.lookup");
        float lw = std::min(area.w, std::max(ui.buttonWidth(lookup), w * 0.6f));
        float lh = ui.buttonHeight();
        if (ui.button("service-lookup", lookup, Rect{area.x + (area.w - lw) * 0.5f, y, lw, lh},
                      ButtonStyle::Secondary))
            ui.intend(intent::OpenService{ServiceKind::TransactionLookup});
        y += lh + m.gap * 2;
    }
    // The paused services name the printer already; the printers are listed only when nothing is paused.
    if (drawPausedServices(ui, area.x, y, area.w) == 0) drawPrinterProblems(ui, area.x, y, area.w);
}

} // namespace kiosk::screens
