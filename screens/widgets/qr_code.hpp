#pragma once
#include <string>

#include "widgets/ui.hpp"

namespace kiosk::screens {

/// Draws `text` as a QR code filling the square at (x, y) with side `side`,
/// on a white quiet zone so that a phone reads it in elder mode's dark theme
/// too. Returns false (and draws nothing) if the text cannot be encoded.
bool drawQrCode(Ui& ui, const std::string& text, float x, float y, float side);

} // namespace kiosk::screens
