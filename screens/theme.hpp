#pragma once
// Colours for normal and elder mode. Elder mode is black on white with
// darker button colours and thicker borders; every text/background pair
// here has a contrast of at least 4.5:1 (checked by a unit test).
#include <imgui.h>

namespace kiosk::screens {

struct Theme {
    ImU32 background;
    ImU32 text;
    ImU32 mutedText;
    ImU32 barBackground;
    ImU32 barText;
    ImU32 primary;
    ImU32 primaryPressed;
    ImU32 primaryText;
    ImU32 secondary;
    ImU32 secondaryPressed;
    ImU32 secondaryText;
    ImU32 secondaryBorder;
    ImU32 help;
    ImU32 helpPressed;
    ImU32 helpText;
    ImU32 noticeBackground;
    ImU32 noticeText;
    ImU32 warningBackground;
    ImU32 warningText;
    ImU32 backdrop;  ///< Behind an overlay, in place of the screen.
    ImU32 panel;
    ImU32 progress;
    ImU32 selected;

    static const Theme& normal();
    static const Theme& elder();
};

/// WCAG contrast ratio between two opaque colours.
float contrastRatio(ImU32 a, ImU32 b);

} // namespace kiosk::screens
