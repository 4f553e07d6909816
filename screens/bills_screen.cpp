// Paying bills: the unpaid orders with their items and prices, all ticked;
// tapping an order leaves it out or puts it back; the total and one button
// to pay it. Then the payment, and the outcome.
#include "documents/registration_slip.hpp"
#include "screen_router.hpp"
#include "widgets/outcome_panel.hpp"
#include "widgets/payment_panel.hpp"

namespace kiosk::screens {

using flows::BillsFlow;
using flows::BillsStage;

namespace {

std::string_view orderKindKey(hospital::OrderKind kind)
{
    switch (kind) {
    case hospital::OrderKind::Prescription: return "bills.kind.prescription";
    case hospital::OrderKind::LabTest: return "bills.kind.lab";
    case hospital::OrderKind::Exam: return "bills.kind.exam";
    case hospital::OrderKind::Treatment: return "bills.kind.treatment";
    }
    return "bills.kind.prescription";
}

void drawTitle(Ui& ui, Rect& area, std::string_view key)
{
    float h = ui.textIn(area.x, area.y, area.w, ui.tr(key), FontRole::Title, ui.theme().text) + ui.metrics().gap;
    area.y += h;
    area.h -= h;
}

void drawReview(Ui& ui, Rect area, const BillsFlow& flow, int page)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    drawTitle(ui, area, "title.bills.review");
    float buttonH = std::max(ui.buttonHeight(FontRole::Title), m.minTarget * 1.4f);
    float listBottom = area.bottom() - buttonH - m.gap;
    // One card per order: a tap target with the order's heading and total,
    // its items listed under it. Orders that do not fit go to the next page.
    const auto& orders = flow.orders();
    float y = area.y;
    int first = 0;
    // Pages are counted in orders that fit; simple and stable because order cards do not change size.
    int perPage = 0;
    {
        float probe = area.y;
        for (const auto& o : orders) {
            float h = ui.buttonHeight() + static_cast<float>(o.items.size()) * (m.bodySize + m.gap * 0.25f) + m.gap;
            if (probe + h > listBottom - ui.buttonHeight() && perPage > 0) break;
            probe += h;
            ++perPage;
        }
        perPage = std::max(1, perPage);
        first = std::min(page * perPage, static_cast<int>(orders.size()) - 1);
        first = std::max(0, first);
    }
    int last = std::min(static_cast<int>(orders.size()), first + perPage);
    for (int i = first; i < last; ++i) {
        const hospital::Order& o = orders[static_cast<std::size_t>(i)];
        bool on = flow.selected(o.id);
        std::string heading = ui.tr(on ? "bills.mark.selected" : "bills.mark.left_out") + " " + ui.tr(orderKindKey(o.kind)) + "  " + o.departmentName +
                              "  " + o.doctorName + "  " + formatYuan(o.total());
        float bh = ui.buttonHeight();
        if (ui.button("order-" + o.id, heading, Rect{area.x, y, area.w, bh}, on ? ButtonStyle::Selected : ButtonStyle::Secondary))
            ui.intend(intent::Choose{o.id});
        y += bh + m.gap * 0.25f;
        for (const auto& item : o.items) {
            std::string row = ui.format("bills.item", {{"name", item.name},
                                                       {"quantity", std::to_string(item.quantity)},
                                                       {"unit", item.unit},
                                                       {"amount", formatYuan(item.amount())}});
            y += ui.textIn(area.x + m.pad * 2, y, area.w - m.pad * 2, row, FontRole::Body, on ? t.text : t.mutedText,
                           Align::Left) +
                 m.gap * 0.25f;
        }
        y += m.gap;
    }
    if (static_cast<int>(orders.size()) > perPage) {
        float bh = ui.buttonHeight();
        float half = (area.w - m.gap) * 0.5f;
        float py = listBottom - bh;
        if (first > 0 && ui.button("page-previous", ui.tr("list.previous"), Rect{area.x, py, half, bh}, ButtonStyle::Secondary))
            ui.intend(intent::Page{-1});
        int pages = (static_cast<int>(orders.size()) + perPage - 1) / perPage;
        if (last < static_cast<int>(orders.size()) &&
            ui.button("page-next",
                      ui.format("list.next", {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}}),
                      Rect{area.x + half + m.gap, py, half, bh}, ButtonStyle::Secondary))
            ui.intend(intent::Page{+1});
    }
    hospital::Fen total = flow.selectedTotal();
    float by = area.bottom() - buttonH;
    if (total == 0) {
        ui.textIn(area.x, by, area.w, ui.tr("bills.select_something"), FontRole::Body, t.text);
        return;
    }
    std::string label = ui.format("title.bills.pay", {{"amount", formatYuan(total)}});
    float w = std::min(area.w, std::max(ui.buttonWidth(label, FontRole::Title), area.w * 0.5f));
    if (ui.button("confirm", label, Rect{area.x + (area.w - w) * 0.5f, by, w, buttonH}, ButtonStyle::Primary,
                  FontRole::Title))
        ui.intend(intent::Confirm{});
}

void drawWaiting(Ui& ui, Rect area, std::string_view key)
{
    drawTitle(ui, area, "title.bills");
    ui.textIn(area.x, area.y + ui.metrics().gap * 3, area.w, ui.tr(key), FontRole::Body, ui.theme().mutedText);
}

void drawDone(Ui& ui, Rect area, const BillsFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    drawTitle(ui, area, "title.bills.done");
    float y = area.y;
    if (flow.invoice())
        y += ui.textIn(area.x, y, area.w, ui.format("bills.paid_total", {{"amount", formatYuan(flow.invoice()->total)}}),
                       FontRole::Body, t.text) +
             m.gap;
    if (flow.receiptPrinted())
        ui.textIn(area.x, y, area.w, ui.tr("bills.take_receipt"), FontRole::Body, t.text);
    else
        ui.message(area.x, y, area.w, ui.format("bills.receipt_not_printed", {{"reference", flow.transactionNumber()}}),
                   t.warningBackground, t.warningText);
    drawFinishButtons(ui, area);
}

} // namespace

void drawBillsScreen(Ui& ui, Rect area)
{
    const ServiceHost* host = ui.shell().services();
    const BillsFlow* flow = host ? host->bills() : nullptr;
    if (!flow) return;
    switch (flow->stage()) {
    case BillsStage::Loading: drawWaiting(ui, area, "flow.loading"); break;
    case BillsStage::NothingToPay: {
        Rect body = area;
        drawTitle(ui, body, "title.bills");
        ui.textIn(body.x, body.y + ui.metrics().gap, body.w, ui.tr("bills.nothing_to_pay"), FontRole::Body,
                  ui.theme().text);
        drawFinishButtons(ui, body);
        break;
    }
    case BillsStage::Review: drawReview(ui, area, *flow, host->page()); break;
    case BillsStage::Paying: {
        Rect body = area;
        drawTitle(ui, body, "title.bills.pay_title");
        drawPaymentPanel(ui, body, flow->payment());
        break;
    }
    case BillsStage::Settling: drawWaiting(ui, area, "bills.settling"); break;
    case BillsStage::Refunding: drawWaiting(ui, area, "flow.refunding"); break;
    case BillsStage::Printing: drawWaiting(ui, area, "bills.printing"); break;
    case BillsStage::Done: drawDone(ui, area, *flow); break;
    case BillsStage::Failed:
        drawFailurePanel(ui, area, flow->failure(),
                         flow->transactionNumber().empty() ? ui.shell().referenceNumber() : flow->transactionNumber());
        break;
    }
}

} // namespace kiosk::screens
