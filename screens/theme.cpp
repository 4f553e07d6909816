#include "theme.hpp"

#include <algorithm>
#include <cmath>

namespace kiosk::screens {

namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255)
{
    return (a << 24) | (b << 16) | (g << 8) | r;  // ImGui's IM_COL32 layout
}

float channel(ImU32 c, int shift)
{
    float v = static_cast<float>((c >> shift) & 0xFF) / 255.0f;
    return v <= 0.03928f ? v / 12.92f : std::pow((v + 0.055f) / 1.055f, 2.4f);
}

float luminance(ImU32 c) { return 0.2126f * channel(c, 0) + 0.7152f * channel(c, 8) + 0.0722f * channel(c, 16); }
} // namespace

const Theme& Theme::normal()
{
    static const Theme t{
        .background = rgb(0xF4, 0xF7, 0xFB),
        .text = rgb(0x17, 0x21, 0x30),
        .mutedText = rgb(0x44, 0x50, 0x60),
        .barBackground = rgb(0x0F, 0x4C, 0x81),
        .barText = rgb(0xFF, 0xFF, 0xFF),
        .primary = rgb(0x15, 0x65, 0xC0),
        .primaryPressed = rgb(0x0D, 0x47, 0xA1),
        .primaryText = rgb(0xFF, 0xFF, 0xFF),
        .secondary = rgb(0xE3, 0xEA, 0xF3),
        .secondaryPressed = rgb(0xC5, 0xD3, 0xE6),
        .secondaryText = rgb(0x17, 0x21, 0x30),
        .secondaryBorder = rgb(0x90, 0xA4, 0xBE),
        .help = rgb(0xB7, 0x47, 0x00),
        .helpPressed = rgb(0x8C, 0x36, 0x00),
        .helpText = rgb(0xFF, 0xFF, 0xFF),
        .noticeBackground = rgb(0xFF, 0xF4, 0xE5),
        .noticeText = rgb(0x7A, 0x2E, 0x00),
        .warningBackground = rgb(0xFF, 0xEB, 0xEE),
        .warningText = rgb(0x9A, 0x00, 0x1B),
        .backdrop = rgb(0x3A, 0x46, 0x57),
        .panel = rgb(0xFF, 0xFF, 0xFF),
        .progress = rgb(0x15, 0x65, 0xC0),
        .selected = rgb(0x0D, 0x47, 0xA1),
    };
    return t;
}

const Theme& Theme::elder()
{
    static const Theme t{
        .background = rgb(0xFF, 0xFF, 0xFF),
        .text = rgb(0x00, 0x00, 0x00),
        .mutedText = rgb(0x1F, 0x1F, 0x1F),
        .barBackground = rgb(0x00, 0x2B, 0x5C),
        .barText = rgb(0xFF, 0xFF, 0xFF),
        .primary = rgb(0x00, 0x3A, 0x8C),
        .primaryPressed = rgb(0x00, 0x26, 0x5E),
        .primaryText = rgb(0xFF, 0xFF, 0xFF),
        .secondary = rgb(0xFF, 0xFF, 0xFF),
        .secondaryPressed = rgb(0xDD, 0xDD, 0xDD),
        .secondaryText = rgb(0x00, 0x00, 0x00),
        .secondaryBorder = rgb(0x00, 0x00, 0x00),
        .help = rgb(0x9E, 0x2A, 0x00),
        .helpPressed = rgb(0x70, 0x1E, 0x00),
        .helpText = rgb(0xFF, 0xFF, 0xFF),
        .noticeBackground = rgb(0xFF, 0xF0, 0xC0),
        .noticeText = rgb(0x00, 0x00, 0x00),
        .warningBackground = rgb(0xFF, 0xE0, 0xE0),
        .warningText = rgb(0x70, 0x00, 0x00),
        .backdrop = rgb(0x26, 0x26, 0x26),
        .panel = rgb(0xFF, 0xFF, 0xFF),
        .progress = rgb(0x00, 0x3A, 0x8C),
        .selected = rgb(0x00, 0x26, 0x5E),
    };
    return t;
}

float contrastRatio(ImU32 a, ImU32 b)
{
    float la = luminance(a);
    float lb = luminance(b);
    return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

} // namespace kiosk::screens
