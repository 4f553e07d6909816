#pragma once
// The frame around every screen: the top bar (hospital, date, time) and the
// bottom bar with the ways out and the accessibility switches (language,
// elder mode, sound, call staff) that must be on every screen.
#include "widgets/ui.hpp"

namespace kiosk::screens {

/// Draws the top bar; returns its height.
float drawTopBar(Ui& ui);
float measureBottomBar(const Ui& ui);
void drawBottomBar(Ui& ui, float y);

} // namespace kiosk::screens
