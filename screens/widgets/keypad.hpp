#pragma once
// The kiosk's own keypad for pinyin initials (a touch screen has no keyboard,
// and the system's would be too small and too busy): A–Z, 0–9, delete and
// clear, as big as the space allows. Letters run in alphabetical order, as
// on the initials keypads patients know from other hospitals.
#include "widgets/ui.hpp"

namespace kiosk::screens {

struct KeypadLayout {
    int columns = 10;
    float key = 0;  ///< Side of a one-letter key.
    float gap = 0;
    float width = 0;  ///< Of the whole keypad.
    float height = 0;
};

/// The largest keys that fit `width` × `maxHeight`, in whichever of a few column counts gives them.
KeypadLayout layoutKeypad(const Metrics& metrics, float width, float maxHeight);
/// The narrowest width in which keys of the minimum target size fit `maxHeight`; 0 if none does.
float keypadMinWidth(const Metrics& metrics, float maxHeight);

/// Draws the keypad with its top-left at (x, y). A key intends KeyInput; its widget id is "key-A" … "key-9",
/// "key-backspace" or "key-clear".
void drawKeypad(Ui& ui, float x, float y, const KeypadLayout& layout);

} // namespace kiosk::screens
