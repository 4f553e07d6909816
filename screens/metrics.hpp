#pragma once
// Sizes for one frame, from the window size, the panel's DPI and elder
// mode. Touch targets are set in millimetres so that they are the same
// physical size on a 21.5" and a 32" panel.
namespace kiosk::screens {

struct Metrics {
    float width = 0;
    float height = 0;
    bool portrait = false;
    bool elder = false;
    float pxPerMm = 0;
    float minTarget = 0;   ///< Smallest touch target side, in pixels.
    float bodySize = 0;    ///< Font sizes (ImGui line height), in pixels.
    float titleSize = 0;
    float clockSize = 0;
    float pad = 0;         ///< Inner padding of buttons and panels.
    float gap = 0;         ///< Space between neighbouring targets.
    float border = 0;

    static Metrics compute(float width, float height, float dpi, bool elder);
};

/// Research on standing kiosks puts the reliable target at 20 mm; elder mode
/// goes larger still.
inline constexpr float kTargetMm = 20.0f;
inline constexpr float kElderTargetMm = 25.0f;
/// Elder mode enlarges text by this factor (the brief asks for at least 1.5).
inline constexpr float kElderTextScale = 1.5f;

} // namespace kiosk::screens
