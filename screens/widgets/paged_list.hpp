#pragma once
#include <string>
#include <vector>

#include "widgets/ui.hpp"

namespace kiosk::screens {

struct Choice {
    std::string id;     ///< Sent back as intent::Choose; the button's widget id is "choice-" + id.
    std::string label;  ///< May hold "\n" for a second line.
    bool enabled = true;
};

/// Lays out choices as equal buttons in `columns` columns inside `area`, as
/// many rows as fit; when they do not all fit, the last row holds "previous"
/// and "next" page buttons instead. Tapping a choice intends Choose{id}.
void drawPagedChoices(Ui& ui, Rect area, const std::vector<Choice>& choices, int page, int columns, float rowHeight);

} // namespace kiosk::screens
