// Transaction lookup: the number from a failure slip typed on the keypad (or
// the slip scanned), then what happened to the money in plain words, with the
// amount and time, and for a booked registration a button to print the slip
// again. Nothing here names the patient: the journal holds no personal data.
#include <algorithm>

#include "documents/registration_slip.hpp"
#include "screen_router.hpp"
#include "widgets/keypad.hpp"

namespace kiosk::screens {

using flows::LookupOutcome;
using flows::LookupStage;
using flows::ReprintResult;
using flows::TransactionLookupFlow;

namespace {

float drawHeader(Ui& ui, Rect area)
{
    const Metrics& m = ui.metrics();
    std::string back = ui.tr("lookup.leave");
    float bw = ui.buttonWidth(back);
    float h = std::max(ui.buttonHeight(), m.titleSize);
    ui.textIn(area.x, area.y + (h - m.titleSize) * 0.5f, area.w - bw - m.gap, ui.tr("title.lookup"), FontRole::Title,
              ui.theme().text, Align::Left);
    if (ui.button("leave", back, Rect{area.right() - bw, area.y, bw, ui.buttonHeight()}, ButtonStyle::Secondary))
        ui.intend(intent::LeaveService{});
    return h + m.gap;
}

/// The number as typed, large, with the search button under it.
float drawEntry(Ui& ui, Rect area, const TransactionLookupFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y;
    y += ui.textIn(area.x, y, area.w, ui.tr("lookup.hint"), FontRole::Body, t.mutedText, Align::Left) + m.gap;
    float boxH = m.titleSize + m.pad;
    ui.fill(Rect{area.x, y, area.w, boxH}, t.secondaryBorder);
    ui.fill(Rect{area.x + m.border, y + m.border, area.w - 2 * m.border, boxH - 2 * m.border}, t.panel);
    std::string shown = flow.typed().empty() ? ui.tr("lookup.placeholder") : flow.typed();
    ui.textIn(area.x + m.pad, y + (boxH - m.titleSize) * 0.5f, area.w - 2 * m.pad, shown,
              flow.typed().empty() ? FontRole::Body : FontRole::Title, flow.typed().empty() ? t.mutedText : t.text,
              Align::Left);
    y += boxH + m.gap;
    if (flow.stage() == LookupStage::NotFound)
        y += ui.message(area.x, y, area.w, ui.tr("lookup.not_found"), t.warningBackground, t.warningText) + m.gap;
    if (flow.stage() == LookupStage::Looking)
        y += ui.textIn(area.x, y, area.w, ui.tr("flow.loading"), FontRole::Body, t.mutedText, Align::Left) + m.gap;
    if (flow.stage() == LookupStage::Entry && !flow.typed().empty()) {
        std::string label = ui.tr("lookup.search");
        float bw = std::max(ui.buttonWidth(label), area.w * 0.5f);
        if (ui.button("search", label, Rect{area.x, y, bw, ui.buttonHeight()}, ButtonStyle::Primary))
            ui.intend(intent::Confirm{});
        y += ui.buttonHeight() + m.gap;
    }
    return y - area.y;
}

std::string reprintMessageKey(ReprintResult result)
{
    switch (result) {
    case ReprintResult::Printed: return "lookup.reprint.printed";
    case ReprintResult::PrinterFailed: return "lookup.reprint.printer_failed";
    case ReprintResult::Unavailable: return "lookup.reprint.unavailable";
    case ReprintResult::None: break;
    }
    return "";
}

/// What happened, the amount and time, the hospital's reference, and the reprint button.
void drawAnswer(Ui& ui, Rect area, const TransactionLookupFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    const auto& r = *flow.record();
    LookupOutcome outcome = *flow.outcome();
    float y = area.y;
    y += ui.textIn(area.x, y, area.w, ui.format("lookup.number", {{"id", r.id}}), FontRole::Body, t.mutedText,
                   Align::Left) + m.gap;
    y += ui.textIn(area.x, y, area.w, ui.tr(flows::outcomeKey(outcome, r.kind)), FontRole::Title, t.text,
                   Align::Left) + m.gap;
    y += ui.textIn(area.x, y, area.w, ui.tr(flows::outcomeDetailKey(outcome)), FontRole::Body, t.text,
                   Align::Left) + m.gap;
    std::string service = ui.tr(r.kind == journal::TransactionKind::Registration ? "lookup.kind.registration"
                                                                                : "lookup.kind.bills");
    y += ui.textIn(area.x, y, area.w,
                   ui.format("lookup.facts", {{"service", service},
                                              {"amount", formatYuan(r.amountFen)},
                                              {"time", formatLocalTime(r.startedAt, "%Y-%m-%d %H:%M")}}),
                   FontRole::Body, t.text, Align::Left) + m.gap;
    if (outcome == LookupOutcome::ServiceGiven && !r.hospitalReference.empty())
        y += ui.textIn(area.x, y, area.w, ui.format("lookup.reference", {{"reference", r.hospitalReference}}),
                       FontRole::Body, t.text, Align::Left) + m.gap;
    std::string said = reprintMessageKey(flow.reprintResult());
    if (!said.empty())
        y += ui.message(area.x, y, area.w, ui.tr(said),
                        flow.reprintResult() == ReprintResult::Printed ? t.noticeBackground : t.warningBackground,
                        flow.reprintResult() == ReprintResult::Printed ? t.noticeText : t.warningText) + m.gap;
    if (flow.stage() == LookupStage::Reprinting) {
        ui.textIn(area.x, y, area.w, ui.tr("lookup.reprinting"), FontRole::Body, t.mutedText, Align::Left);
        return;
    }
    float bh = ui.buttonHeight();
    float x = area.x;
    if (flow.canReprint()) {
        std::string label = ui.tr("lookup.reprint");
        float bw = ui.buttonWidth(label);
        if (ui.button("reprint", label, Rect{x, y, bw, bh}, ButtonStyle::Primary)) ui.intend(intent::Reprint{});
        x += bw + m.gap;
    }
    std::string again = ui.tr("lookup.again");
    if (ui.button("again", again, Rect{x, y, ui.buttonWidth(again), bh}, ButtonStyle::Secondary))
        ui.intend(intent::Back{});
}

} // namespace

void drawTransactionLookupScreen(Ui& ui, Rect area)
{
    const ServiceHost* host = ui.shell().services();
    const TransactionLookupFlow* flow = host ? host->lookup() : nullptr;
    if (!flow) return;
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y + drawHeader(ui, area);
    Rect rest{area.x, y, area.w, area.bottom() - y};
    if (flow->stage() == LookupStage::Found || flow->stage() == LookupStage::Reprinting) {
        drawAnswer(ui, rest, *flow);
        return;
    }
    if (flow->stage() == LookupStage::Unreadable) {
        ui.message(rest.x, rest.y, rest.w, ui.tr("lookup.unreadable"), t.warningBackground, t.warningText);
        std::string again = ui.tr("lookup.again");
        if (ui.button("again", again, Rect{rest.x, rest.y + m.titleSize * 3, ui.buttonWidth(again), ui.buttonHeight()},
                      ButtonStyle::Secondary))
            ui.intend(intent::Back{});
        return;
    }
    if (!m.portrait) {
        float width = std::clamp(keypadMinWidth(m, rest.h), (rest.w - 2 * m.gap) * 0.5f, rest.w * 0.65f);
        KeypadLayout keypad = layoutKeypad(m, width, rest.h);
        float kx = rest.right() - keypad.width;
        drawKeypad(ui, kx, rest.y, keypad);
        drawEntry(ui, Rect{rest.x, rest.y, kx - 2 * m.gap - rest.x, rest.h}, *flow);
        return;
    }
    y += drawEntry(ui, rest, *flow);
    KeypadLayout keypad = layoutKeypad(m, area.w, area.bottom() - y);
    drawKeypad(ui, area.x + (area.w - keypad.width) * 0.5f, y, keypad);
}

} // namespace kiosk::screens
