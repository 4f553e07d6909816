#include "widgets/outcome_panel.hpp"

#include "widgets/rating.hpp"

namespace kiosk::screens {

void drawFinishButtons(Ui& ui, Rect area)
{
    const Metrics& m = ui.metrics();
    float h = ui.buttonHeight();
    float half = (area.w - m.gap) * 0.5f;
    float y = area.bottom() - h;
    drawRating(ui, area.x, y - m.gap - ratingHeight(ui, area.w), area.w);
    if (ui.button("other-services", ui.tr("outcome.other_services"), Rect{area.x, y, half, h}, ButtonStyle::Secondary))
        ui.intend(intent::LeaveService{});
    if (ui.button("finish", ui.tr("outcome.finish"), Rect{area.x + half + m.gap, y, half, h}, ButtonStyle::Primary))
        ui.intend(intent::Home{});
}

void drawFailurePanel(Ui& ui, Rect area, const flows::FlowFailure& failure, const std::string& reference)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y + m.gap;
    y += ui.textIn(area.x, y, area.w, ui.tr("title.outcome.failed"), FontRole::Title, t.text) + m.gap;
    y += ui.message(area.x, y, area.w, ui.tr(flows::failureKey(failure.kind)), t.warningBackground, t.warningText) +
         m.gap;
    std::string_view money = !failure.moneyTaken ? "outcome.money_not_taken"
                             : failure.refunded  ? "outcome.money_refunded"
                                                 : "outcome.money_needs_staff";
    // These two say themselves what happens to the money.
    if (failure.kind != flows::FailureKind::PaymentUncertain && failure.kind != flows::FailureKind::CompletingLater)
        y += ui.textIn(area.x, y, area.w, ui.tr(money), FontRole::Body, t.text) + m.gap;
    y += ui.textIn(area.x, y, area.w, ui.tr("outcome.go_to_window"), FontRole::Body, t.text) + m.gap;
    if (const ServiceHost* host = ui.shell().services(); host && host->transactionSlipSent())
        y += ui.textIn(area.x, y, area.w, ui.tr("outcome.transaction_slip"), FontRole::Body, t.text) + m.gap;
    ui.textIn(area.x, y, area.w, ui.format("outcome.reference", {{"reference", reference}}), FontRole::Body,
              t.mutedText);
    drawFinishButtons(ui, area);
}

} // namespace kiosk::screens
