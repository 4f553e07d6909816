// Printing reports: the patient's reports with their dates, ready ones
// ticked, pending ones with when to come back; one button prints the chosen
// ones; a report printed before asks first. Then the printing, one by one.
#include <ctime>

#include "screen_router.hpp"
#include "widgets/outcome_panel.hpp"

namespace kiosk::screens {

using flows::ReportsFlow;
using flows::ReportsStage;
using hospital::ReportStatus;

namespace {


float drawTitle(Ui& ui, Rect area, std::string_view key)
{
    return ui.textIn(area.x, area.y, area.w, ui.tr(key), FontRole::Title, ui.theme().text) + ui.metrics().gap;
}

std::string rowLabel(Ui& ui, const ReportsFlow& flow, const hospital::Report& r)
{
    std::string when = formatLocalTime(r.readyAt ? *r.readyAt : r.collectedAt, "%m-%d %H:%M");
    if (r.status == ReportStatus::Pending)
        return ui.format("reports.row_pending", {{"title", r.title}, {"time", when}});
    std::string mark = ui.tr(flow.selected(r.id) ? "bills.mark.selected" : "bills.mark.left_out");
    std::string_view key = r.status == ReportStatus::Printed ? "reports.row_printed" : "reports.row_ready";
    return mark + " " + ui.format(key, {{"title", r.title}, {"time", when}, {"count", std::to_string(r.timesPrinted)}});
}

void drawChoose(Ui& ui, Rect area, const ReportsFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y + drawTitle(ui, area, "title.reports.choose");
    float buttonH = std::max(ui.buttonHeight(FontRole::Title), m.minTarget * 1.4f);
    float listBottom = area.bottom() - buttonH - m.gap;
    float rowH = ui.buttonHeight();
    for (const auto& r : flow.reports()) {
        if (y + rowH > listBottom) break;  // a patient has a handful of reports in 30 days; more wait at the window
        std::string label = rowLabel(ui, flow, r);
        if (r.status == ReportStatus::Pending) {
            ui.fill(Rect{area.x, y, area.w, rowH}, t.panel);
            ui.textIn(area.x + m.pad, y + (rowH - m.bodySize) * 0.5f, area.w - 2 * m.pad, label, FontRole::Body,
                      t.mutedText);
        } else if (ui.button("report-" + r.id, label, Rect{area.x, y, area.w, rowH},
                             flow.selected(r.id) ? ButtonStyle::Selected : ButtonStyle::Secondary)) {
            ui.intend(intent::Choose{r.id});
        }
        y += rowH + m.gap * 0.5f;
    }
    float by = area.bottom() - buttonH;
    if (flow.selectedCount() == 0) {
        ui.textIn(area.x, by, area.w, ui.tr("reports.select_something"), FontRole::Body, t.text);
        return;
    }
    std::string label = ui.format("title.reports.print", {{"count", std::to_string(flow.selectedCount())}});
    float w = std::min(area.w, std::max(ui.buttonWidth(label, FontRole::Title), area.w * 0.5f));
    if (ui.button("confirm", label, Rect{area.x + (area.w - w) * 0.5f, by, w, buttonH}, ButtonStyle::Primary,
                  FontRole::Title))
        ui.intend(intent::Confirm{});
}

void drawConfirmReprint(Ui& ui, Rect area)
{
    const Metrics& m = ui.metrics();
    float y = area.y + drawTitle(ui, area, "title.reports.reprint");
    ui.textIn(area.x, y, area.w, ui.tr("reports.reprint_question"), FontRole::Body, ui.theme().text);
    float h = ui.buttonHeight();
    float half = (area.w - m.gap) * 0.5f;
    float by = area.bottom() - h;
    if (ui.button("back", ui.tr("flow.back"), Rect{area.x, by, half, h}, ButtonStyle::Secondary))
        ui.intend(intent::Back{});
    if (ui.button("confirm", ui.tr("reports.reprint_yes"), Rect{area.x + half + m.gap, by, half, h}, ButtonStyle::Primary))
        ui.intend(intent::Confirm{});
}

void drawDone(Ui& ui, Rect area, const ReportsFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    float y = area.y + drawTitle(ui, area, flow.failedTitles().empty() ? "title.reports.done" : "title.reports.partly");
    if (flow.printedCount() > 0)
        y += ui.textIn(area.x, y, area.w, ui.format("reports.printed", {{"count", std::to_string(flow.printedCount())}}),
                       FontRole::Body, t.text) +
             m.gap;
    if (!flow.failedTitles().empty()) {
        std::string titles;
        for (const auto& title : flow.failedTitles()) titles += (titles.empty() ? "" : "、") + title;
        ui.message(area.x, y, area.w, ui.format("reports.not_printed", {{"titles", titles}}), t.warningBackground,
                   t.warningText);
    }
    drawFinishButtons(ui, area);
}

} // namespace

void drawReportsScreen(Ui& ui, Rect area)
{
    const ServiceHost* host = ui.shell().services();
    const ReportsFlow* flow = host ? host->reports() : nullptr;
    if (!flow) return;
    const Metrics& m = ui.metrics();
    switch (flow->stage()) {
    case ReportsStage::Loading: {
        float y = area.y + drawTitle(ui, area, "title.reports");
        ui.textIn(area.x, y + m.gap * 2, area.w, ui.tr("flow.loading"), FontRole::Body, ui.theme().mutedText);
        break;
    }
    case ReportsStage::NothingReady: {
        float y = area.y + drawTitle(ui, area, "title.reports");
        y += ui.textIn(area.x, y, area.w, ui.tr("reports.nothing_ready"), FontRole::Body, ui.theme().text) + m.gap;
        for (const auto& r : flow->reports())
            y += ui.textIn(area.x, y, area.w, rowLabel(ui, *flow, r), FontRole::Body, ui.theme().mutedText) + m.gap * 0.5f;
        drawFinishButtons(ui, area);
        break;
    }
    case ReportsStage::Choose: drawChoose(ui, area, *flow); break;
    case ReportsStage::ConfirmReprint: drawConfirmReprint(ui, area); break;
    case ReportsStage::Printing: {
        float y = area.y + drawTitle(ui, area, "title.reports");
        ui.textIn(area.x, y + m.gap * 2, area.w,
                  ui.format("reports.printing", {{"index", std::to_string(flow->printingIndex() + 1)},
                                                 {"count", std::to_string(flow->selectedCount())}}),
                  FontRole::Body, ui.theme().text);
        break;
    }
    case ReportsStage::Done: drawDone(ui, area, *flow); break;
    case ReportsStage::Failed: drawFailurePanel(ui, area, flow->failure(), ui.shell().referenceNumber()); break;
    }
}

} // namespace kiosk::screens
