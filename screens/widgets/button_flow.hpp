#pragma once
// Lays buttons out left to right and wraps them onto new rows when the
// width runs out, so a row of choices fits portrait and landscape screens
// and elder-mode sizes without a separate layout for each.
#include <string>
#include <vector>

#include "widgets/ui.hpp"

namespace kiosk::screens {

struct FlowButton {
    std::string id;
    std::string label;
    ButtonStyle style = ButtonStyle::Secondary;
    Intent intent;
    FontRole role = FontRole::Body;
};

struct FlowOptions {
    Align align = Align::Center;
    bool fillRows = false;  ///< Stretch buttons so each row spans the full width.
};

/// Height the buttons need inside `width`.
float measureFlow(const Ui& ui, const std::vector<FlowButton>& buttons, float width);
/// Draws the buttons; tapped ones send their intent. Returns the height used.
float drawFlow(Ui& ui, const std::vector<FlowButton>& buttons, float x, float y, float width, FlowOptions options = {});

} // namespace kiosk::screens
