#include "widgets/keypad.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

#include "flows/prices_flow.hpp"

namespace kiosk::screens {

namespace {

// 26 letters and 10 digits take a cell each, delete and clear two each: 40
// cells, which fill every row exactly in each of these column counts, with
// delete and clear always ending the last row.
constexpr int kCells = 40;
constexpr std::array kColumnChoices{20, 10, 8, 5};
constexpr int kSingleKeys = 36;
// Beyond this the keys only push the answers off the screen.
constexpr float kLargestKey = 1.5f;

char keyChar(int index) { return index < 26 ? static_cast<char>('A' + index) : static_cast<char>('0' + index - 26); }

} // namespace

KeypadLayout layoutKeypad(const Metrics& metrics, float width, float maxHeight)
{
    KeypadLayout best;
    best.gap = metrics.gap;
    for (int columns : kColumnChoices) {
        int rows = kCells / columns;
        float byWidth = (width - metrics.gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
        float byHeight = (maxHeight - metrics.gap * static_cast<float>(rows - 1)) / static_cast<float>(rows);
        float key = std::min({byWidth, byHeight, metrics.minTarget * kLargestKey});
        // Ties go to more columns: fewer rows leave more room below.
        if (best.key > 0 && key <= best.key + 0.5f) continue;
        best.columns = columns;
        best.key = std::floor(key);
    }
    best.width = best.key * static_cast<float>(best.columns) + best.gap * static_cast<float>(best.columns - 1);
    int rows = kCells / best.columns;
    best.height = best.key * static_cast<float>(rows) + best.gap * static_cast<float>(rows - 1);
    return best;
}

float keypadMinWidth(const Metrics& metrics, float maxHeight)
{
    float narrowest = 0;
    for (int columns : kColumnChoices) {
        int rows = kCells / columns;
        if (metrics.minTarget * static_cast<float>(rows) + metrics.gap * static_cast<float>(rows - 1) > maxHeight)
            continue;
        // A pixel to spare, so that rounding never takes a key under the minimum.
        float width =
            (metrics.minTarget + 1) * static_cast<float>(columns) + metrics.gap * static_cast<float>(columns - 1);
        if (narrowest == 0 || width < narrowest) narrowest = width;
    }
    return narrowest;
}

void drawKeypad(Ui& ui, float x, float y, const KeypadLayout& layout)
{
    auto cellRect = [&](int cell, int span) {
        int row = cell / layout.columns;
        int column = cell % layout.columns;
        float step = layout.key + layout.gap;
        return Rect{x + static_cast<float>(column) * step, y + static_cast<float>(row) * step,
                    layout.key * static_cast<float>(span) + layout.gap * static_cast<float>(span - 1), layout.key};
    };
    for (int i = 0; i < kSingleKeys; ++i) {
        std::string label(1, keyChar(i));
        if (ui.button("key-" + label, label, cellRect(i, 1), ButtonStyle::Secondary, FontRole::Title))
            ui.intend(intent::KeyInput{keyChar(i)});
    }
    if (ui.button("key-backspace", ui.tr("keypad.backspace"), cellRect(kSingleKeys, 2), ButtonStyle::Secondary))
        ui.intend(intent::KeyInput{flows::kKeyBackspace});
    if (ui.button("key-clear", ui.tr("keypad.clear"), cellRect(kSingleKeys + 2, 2), ButtonStyle::Secondary))
        ui.intend(intent::KeyInput{flows::kKeyClear});
}

} // namespace kiosk::screens
