#pragma once
#include "widgets/ui.hpp"

namespace kiosk::screens {

/// Draws the shell's current overlay, if any, above the screen.
void drawOverlay(Ui& ui);

} // namespace kiosk::screens
