#include "widgets/button_flow.hpp"

#include <algorithm>

namespace kiosk::screens {

namespace {
struct Row {
    std::size_t first = 0;
    std::size_t count = 0;
    float width = 0;
    float height = 0;
};

std::vector<Row> rowsFor(const Ui& ui, const std::vector<FlowButton>& buttons, float width)
{
    float gap = ui.metrics().gap;
    std::vector<Row> rows;
    Row row;
    for (std::size_t i = 0; i < buttons.size(); ++i) {
        float w = std::min(width, ui.buttonWidth(buttons[i].label, buttons[i].role));
        float extra = row.count == 0 ? w : gap + w;
        if (row.count > 0 && row.width + extra > width) {
            rows.push_back(row);
            row = Row{i, 0, 0, 0};
            extra = w;
        }
        row.width += extra;
        row.height = std::max(row.height, ui.buttonHeight(buttons[i].role));
        ++row.count;
    }
    if (row.count > 0) rows.push_back(row);
    return rows;
}
} // namespace

float measureFlow(const Ui& ui, const std::vector<FlowButton>& buttons, float width)
{
    float height = 0;
    for (const Row& row : rowsFor(ui, buttons, width)) height += (height > 0 ? ui.metrics().gap : 0) + row.height;
    return height;
}

float drawFlow(Ui& ui, const std::vector<FlowButton>& buttons, float x, float y, float width, FlowOptions options)
{
    float gap = ui.metrics().gap;
    float top = y;
    for (const Row& row : rowsFor(ui, buttons, width)) {
        float stretch = options.fillRows && row.count > 0 ? (width - row.width) / static_cast<float>(row.count) : 0;
        float used = row.width + stretch * static_cast<float>(row.count);
        float bx = options.align == Align::Left ? x : options.align == Align::Right ? x + width - used
                                                                                      : x + (width - used) * 0.5f;
        for (std::size_t i = row.first; i < row.first + row.count; ++i) {
            const FlowButton& b = buttons[i];
            float w = std::min(width, ui.buttonWidth(b.label, b.role)) + stretch;
            if (ui.button(b.id, b.label, Rect{bx, y, w, row.height}, b.style, b.role)) ui.intend(b.intent);
            bx += w + gap;
        }
        y += row.height + gap;
    }
    return y > top ? y - top - gap : 0;
}

} // namespace kiosk::screens
