#pragma once
#include "widgets/ui.hpp"

namespace kiosk::screens {

/// "How was it?" with five faces from very unhappy to very happy, one tap
/// each, above the finish buttons; after the tap, a thank-you. Returns the
/// height used (0 when the kiosk keeps no ratings).
float drawRating(Ui& ui, float x, float y, float width);
/// The height drawRating will use, to place it before drawing.
float ratingHeight(const Ui& ui, float width);

} // namespace kiosk::screens
