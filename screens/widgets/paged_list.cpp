#include "widgets/paged_list.hpp"

#include <algorithm>

namespace kiosk::screens {

void drawPagedChoices(Ui& ui, Rect area, const std::vector<Choice>& choices, int page, int columns, float rowHeight)
{
    const Metrics& m = ui.metrics();
    columns = std::max(1, columns);
    int rows = std::max(1, static_cast<int>((area.h + m.gap) / (rowHeight + m.gap)));
    int perPage = rows * columns;
    bool paged = static_cast<int>(choices.size()) > perPage;
    if (paged) perPage = std::max(columns, (rows - 1) * columns);  // the last row carries the page buttons
    int pages = std::max(1, (static_cast<int>(choices.size()) + perPage - 1) / perPage);
    page = std::clamp(page, 0, pages - 1);
    float w = (area.w - m.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    int first = page * perPage;
    int last = std::min(static_cast<int>(choices.size()), first + perPage);
    for (int i = first; i < last; ++i) {
        int slot = i - first;
        float x = area.x + static_cast<float>(slot % columns) * (w + m.gap);
        float y = area.y + static_cast<float>(slot / columns) * (rowHeight + m.gap);
        const Choice& c = choices[static_cast<std::size_t>(i)];
        if (!c.enabled) {
            // Shown so the patient sees it is full, but not a target.
            ui.fill(Rect{x, y, w, rowHeight}, ui.theme().panel);
            ui.textIn(x + m.pad, y + m.pad, w - 2 * m.pad, c.label, FontRole::Body, ui.theme().mutedText);
            continue;
        }
        if (ui.button("choice-" + c.id, c.label, Rect{x, y, w, rowHeight}, ButtonStyle::Secondary))
            ui.intend(intent::Choose{c.id});
    }
    if (!paged) return;
    float y = area.bottom() - rowHeight;
    std::string prev = ui.tr("list.previous");
    std::string next = ui.format("list.next", {{"page", std::to_string(page + 1)}, {"pages", std::to_string(pages)}});
    float half = (area.w - m.gap) * 0.5f;
    if (page > 0 && ui.button("page-previous", prev, Rect{area.x, y, half, rowHeight}, ButtonStyle::Secondary))
        ui.intend(intent::Page{-1});
    if (page + 1 < pages &&
        ui.button("page-next", next, Rect{area.x + half + m.gap, y, half, rowHeight}, ButtonStyle::Secondary))
        ui.intend(intent::Page{+1});
}

} // namespace kiosk::screens
