// Price lookup: the query shown large, the keypad, and what the hospital
// charges for the matching items, a page at a time. Landscape puts the
// answers beside the keypad, portrait under it. Nothing here needs the
// patient: anyone may look up a price.
#include <algorithm>

#include "documents/registration_slip.hpp"
#include "screen_router.hpp"
#include "widgets/keypad.hpp"

namespace kiosk::screens {

using flows::PricesFlow;
using flows::PricesStage;

namespace {

/// The title, with the way back on the same line; returns the height used.
float drawHeader(Ui& ui, Rect area)
{
    const Metrics& m = ui.metrics();
    std::string back = ui.tr("prices.back");
    float bw = ui.buttonWidth(back);
    float h = std::max(ui.buttonHeight(), m.titleSize);
    ui.textIn(area.x, area.y + (h - m.titleSize) * 0.5f, area.w - bw - m.gap, ui.tr("title.prices"), FontRole::Title,
              ui.theme().text, Align::Left);
    if (ui.button("back", back, Rect{area.right() - bw, area.y, bw, ui.buttonHeight()}, ButtonStyle::Secondary))
        ui.intend(intent::LeaveService{});
    return h + m.gap;
}

float queryBoxHeight(const Metrics& m) { return m.titleSize + m.pad; }

/// What was typed, large, in a box, with how the search stands at its right; what to type while it is empty.
void drawQuery(Ui& ui, Rect box, const PricesFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    ui.fill(box, t.secondaryBorder);
    ui.fill(Rect{box.x + m.border, box.y + m.border, box.w - 2 * m.border, box.h - 2 * m.border}, t.panel);
    float inner = box.w - 2 * m.pad;
    if (flow.query().empty()) {
        ui.textIn(box.x + m.pad, box.y + (box.h - m.bodySize) * 0.5f, inner, ui.tr("prices.placeholder"),
                  FontRole::Body, t.mutedText, Align::Left);
        return;
    }
    // Like a text field, the end of a query too long for the box stays in sight.
    std::string shown = flow.query();
    for (std::size_t drop = 1; drop < flow.query().size() && ui.measure(shown, FontRole::Title).x > inner; ++drop)
        shown = "..." + flow.query().substr(drop);
    float queryWidth = ui.measure(shown, FontRole::Title).x;
    ui.textIn(box.x + m.pad, box.y + (box.h - m.titleSize) * 0.5f, inner, shown, FontRole::Title, t.text, Align::Left);

    std::string state;
    if (flow.stage() == PricesStage::Searching) state = ui.tr("flow.loading");
    if (flow.stage() == PricesStage::Results)
        state = ui.format("prices.found", {{"count", std::to_string(flow.results().size())}});
    float stateWidth = ui.measure(state, FontRole::Body).x;
    if (!state.empty() && queryWidth + m.gap + stateWidth <= inner)
        ui.textIn(box.right() - m.pad - stateWidth, box.y + (box.h - m.bodySize) * 0.5f, stateWidth, state,
                  FontRole::Body, t.mutedText, Align::Right);
}

/// What the patient should know above the list, if anything; returns the height used.
float drawMessage(Ui& ui, Rect area, const PricesFlow& flow)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    auto line = [&](const std::string& text, ImU32 color) {
        return ui.textIn(area.x, area.y, area.w, text, FontRole::Body, color, Align::Left) + m.gap;
    };
    switch (flow.stage()) {
    case PricesStage::Idle: return line(ui.tr("prices.hint"), t.mutedText);
    case PricesStage::Searching: return 0;
    case PricesStage::Results:
        if (flow.results().size() < PricesFlow::kMaxResults) return 0;
        return line(ui.format("prices.too_many", {{"count", std::to_string(flow.results().size())}}), t.mutedText);
    case PricesStage::NoResults: return line(ui.format("prices.no_results", {{"query", flow.query()}}), t.text);
    case PricesStage::Unreachable: {
        std::string text = flow.results().empty() ? ui.tr("prices.unreachable")
                                                  : ui.format("prices.outdated", {{"query", flow.resultsQuery()}});
        return ui.message(area.x, area.y, area.w, text, t.warningBackground, t.warningText) + m.gap;
    }
    }
    return 0;
}

struct Row {
    std::string left;   ///< Name and specification.
    std::string price;  ///< Per unit.
    float height = 0;
};

/// Pages of rows that fit `height`, as the index of each page's first row.
std::vector<std::size_t> pageStarts(const std::vector<Row>& rows, float height, float gap)
{
    std::vector<std::size_t> starts{0};
    float used = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (used > 0 && used + rows[i].height > height) {
            starts.push_back(i);
            used = 0;
        }
        used += rows[i].height + gap;
    }
    return starts;
}

void drawResults(Ui& ui, Rect area, const PricesFlow& flow, int page)
{
    const Metrics& m = ui.metrics();
    const Theme& t = ui.theme();
    if (flow.results().empty() || area.h <= 0) return;
    // Answers the hospital could not confirm just now are greyed, under the warning that says why.
    ImU32 color = flow.stage() == PricesStage::Unreachable ? t.mutedText : t.text;

    std::vector<Row> rows;
    float priceWidth = 0;
    for (const auto& item : flow.results()) {
        Row row;
        row.left = item.specification.empty() ? item.name : item.name + "  " + item.specification;
        row.price = ui.format("prices.price", {{"price", formatYuan(item.price)}, {"unit", item.unit}});
        priceWidth = std::max(priceWidth, ui.measure(row.price, FontRole::Body).x);
        rows.push_back(std::move(row));
    }
    float leftWidth = std::max(area.w * 0.4f, area.w - priceWidth - 3 * m.pad);
    for (auto& row : rows) row.height = ui.measure(row.left, FontRole::Body, leftWidth).y + m.gap;

    // Everything on one page if it fits; otherwise leave a row for the page buttons.
    float rowGap = m.gap * 0.5f;
    float buttonH = ui.buttonHeight();
    std::vector<std::size_t> starts = pageStarts(rows, area.h, rowGap);
    float listBottom = area.bottom();
    if (starts.size() > 1) {
        listBottom -= buttonH + m.gap;
        starts = pageStarts(rows, listBottom - area.y, rowGap);
    }
    int pages = static_cast<int>(starts.size());
    page = std::clamp(page, 0, pages - 1);
    std::size_t first = starts[static_cast<std::size_t>(page)];
    std::size_t last = page + 1 < pages ? starts[static_cast<std::size_t>(page + 1)] : rows.size();

    float y = area.y;
    for (std::size_t i = first; i < last; ++i) {
        const Row& row = rows[i];
        if (y + row.height > listBottom) break;  // a screen too small for even one answer shows none rather than spill
        ui.fill(Rect{area.x, y, area.w, row.height}, t.panel);
        ui.fill(Rect{area.x, y + row.height - m.border, area.w, m.border}, t.secondaryBorder);
        float textY = y + m.gap * 0.5f;
        ui.textIn(area.x + m.pad, textY, leftWidth, row.left, FontRole::Body, color, Align::Left);
        ui.textIn(area.right() - m.pad - priceWidth, textY, priceWidth, row.price, FontRole::Body, color, Align::Right);
        y += row.height + rowGap;
    }
    if (pages < 2) return;
    float by = area.bottom() - buttonH;
    float half = (area.w - m.gap) * 0.5f;
    if (page > 0 &&
        ui.button("page-previous", ui.tr("list.previous"), Rect{area.x, by, half, buttonH}, ButtonStyle::Secondary))
        ui.intend(intent::Page{-1});
    if (page + 1 < pages &&
        ui.button("page-next",
                  ui.format("list.next", {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}}),
                  Rect{area.x + half + m.gap, by, half, buttonH}, ButtonStyle::Secondary))
        ui.intend(intent::Page{+1});
}

void drawAnswers(Ui& ui, Rect area, const PricesFlow& flow, int page)
{
    float used = drawMessage(ui, area, flow);
    drawResults(ui, Rect{area.x, area.y + used, area.w, area.h - used}, flow, page);
}

} // namespace

void drawPricesScreen(Ui& ui, Rect area)
{
    const ServiceHost* host = ui.shell().services();
    const PricesFlow* flow = host ? host->prices() : nullptr;
    if (!flow) return;
    const Metrics& m = ui.metrics();
    float boxH = queryBoxHeight(m);

    if (!m.portrait) {
        // The answers on the left, where reading starts; the query and the keypad on the right, taking half the
        // width, or more when keys of the minimum size need it (elder mode: fewer, wider rows).
        float keypadRoom = area.h - boxH - m.gap;
        float width = std::clamp(keypadMinWidth(m, keypadRoom), (area.w - 2 * m.gap) * 0.5f, area.w * 0.65f);
        KeypadLayout keypad = layoutKeypad(m, width, keypadRoom);
        float kx = area.right() - keypad.width;
        drawQuery(ui, Rect{kx, area.y, keypad.width, boxH}, *flow);
        drawKeypad(ui, kx, area.y + boxH + m.gap, keypad);
        Rect info{area.x, area.y, kx - 2 * m.gap - area.x, area.h};
        float y = info.y + drawHeader(ui, info);
        drawAnswers(ui, Rect{info.x, y, info.w, info.bottom() - y}, *flow, host->page());
        return;
    }
    // Portrait: the query, the keypad under it, and the answers under the keypad, which leaves them at least
    // a few rows.
    float y = area.y + drawHeader(ui, area);
    drawQuery(ui, Rect{area.x, y, area.w, boxH}, *flow);
    y += boxH + m.gap;
    float answers = (ui.buttonHeight() + m.gap) * 3;
    KeypadLayout keypad = layoutKeypad(m, area.w, area.bottom() - y - answers);
    drawKeypad(ui, area.x + (area.w - keypad.width) * 0.5f, y, keypad);
    y += keypad.height + m.gap;
    drawAnswers(ui, Rect{area.x, y, area.w, area.bottom() - y}, *flow, host->page());
}

} // namespace kiosk::screens
