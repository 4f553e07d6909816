#pragma once
#include "widgets/ui.hpp"

namespace kiosk::screens {

/// Draws the shell's current notice (a card that could not be read, a code
/// the kiosk cannot use, elder mode switched on) at `y`, on whichever screen
/// is showing; returns the height used, 0 when there is none.
float drawNotice(Ui& ui, float x, float y, float width);

} // namespace kiosk::screens
