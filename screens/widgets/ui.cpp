#include "widgets/ui.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "text/utf8.hpp"
#include "widgets/text_layout.hpp"

namespace kiosk::screens {

Ui::Ui(const Shell& shell, const CatalogSet& catalogs, const FontAtlas& fonts, const Metrics& metrics,
       const Theme& theme, FrameRecord& record, WallTime wallNow)
    : m_shell(shell), m_catalogs(catalogs), m_fonts(fonts), m_metrics(metrics), m_theme(theme), m_record(record),
      m_wallNow(wallNow)
{
}

std::string Ui::tr(std::string_view key) const { return m_catalogs.text(language(), key); }

std::string Ui::format(std::string_view key, const TextArgs& args) const
{
    return m_catalogs.format(language(), key, args);
}

ImVec2 Ui::measure(std::string_view text, FontRole role, float wrapWidth) const
{
    ImFont* font = m_fonts.font(role);
    float size = m_fonts.size(role);
    if (wrapWidth <= 0) return font->CalcTextSizeA(size, 1e9f, 0, text.data(), text.data() + text.size());
    ImVec2 out(0, 0);
    for (std::string_view line : breakLines(font, size, text, wrapWidth)) {
        out.x = std::max(out.x, font->CalcTextSizeA(size, 1e9f, 0, line.data(), line.data() + line.size()).x);
        out.y += size;
    }
    return out;
}

void Ui::checkGlyphs(std::string_view text, FontRole role)
{
    ImFont* font = m_fonts.font(role);
    for (char32_t c : decodeUtf8Lossy(text)) {
        if (c == '\n' || c == '\r') continue;
        if (c > 0xFFFF || !font->FindGlyphNoFallback(static_cast<ImWchar>(c))) m_record.noteMissingGlyph(c);
    }
}

ImVec2 Ui::text(ImVec2 pos, std::string_view text, FontRole role, ImU32 color, float wrapWidth)
{
    ImVec2 size = measure(text, role, wrapWidth);
    ImGui::GetWindowDrawList()->AddText(m_fonts.font(role), m_fonts.size(role), pos, color, text.data(),
                                        text.data() + text.size(), wrapWidth);
    checkGlyphs(text, role);
    m_record.addText(std::string(text), pos, ImVec2(pos.x + size.x, pos.y + size.y));
    return size;
}

float Ui::textIn(float x, float y, float width, std::string_view str, FontRole role, ImU32 color, Align align)
{
    ImFont* font = m_fonts.font(role);
    float size = m_fonts.size(role);
    float lineY = y;
    for (std::string_view line : breakLines(font, size, str, width)) {
        float w = font->CalcTextSizeA(size, 1e9f, 0, line.data(), line.data() + line.size()).x;
        float lx = align == Align::Left ? x : align == Align::Right ? x + width - w : x + (width - w) * 0.5f;
        if (!line.empty()) text(ImVec2(std::floor(lx), std::floor(lineY)), line, role, color);
        lineY += size;
    }
    return lineY - y;
}

float Ui::message(float x, float y, float width, std::string_view str, ImU32 background, ImU32 color)
{
    float h = measure(str, FontRole::Body, width - 2 * m_metrics.pad).y + 2 * m_metrics.pad;
    fill(Rect{x, y, width, h}, background);
    textIn(x + m_metrics.pad, y + m_metrics.pad, width - 2 * m_metrics.pad, str, FontRole::Body, color);
    return h;
}

float Ui::buttonHeight(FontRole role) const
{
    return std::max(m_metrics.minTarget, m_fonts.size(role) + 2 * m_metrics.pad);
}

float Ui::buttonWidth(std::string_view label, FontRole role) const
{
    return std::max(m_metrics.minTarget, measure(label, role).x + 2 * m_metrics.pad);
}

void Ui::fill(Rect rect, ImU32 color)
{
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(rect.x, rect.y), ImVec2(rect.right(), rect.bottom()), color);
}

bool Ui::button(std::string_view id, std::string_view label, Rect rect, ButtonStyle style, FontRole role)
{
    ImGui::SetCursorScreenPos(ImVec2(rect.x, rect.y));
    std::string imguiId(id);
    bool clicked = ImGui::InvisibleButton(imguiId.c_str(), ImVec2(rect.w, rect.h));
    bool held = ImGui::IsItemActive();

    ImU32 bg = m_theme.primary;
    ImU32 fg = m_theme.primaryText;
    ImU32 border = 0;
    switch (style) {
    case ButtonStyle::Primary:
        bg = held ? m_theme.primaryPressed : m_theme.primary;
        break;
    case ButtonStyle::Selected:
        bg = m_theme.selected;
        border = m_theme.primaryText;
        break;
    case ButtonStyle::Secondary:
        bg = held ? m_theme.secondaryPressed : m_theme.secondary;
        fg = m_theme.secondaryText;
        border = m_theme.secondaryBorder;
        break;
    case ButtonStyle::Help:
        bg = held ? m_theme.helpPressed : m_theme.help;
        fg = m_theme.helpText;
        break;
    }
    // Square corners: SDL's software triangle rasteriser tests every pixel of
    // each fan triangle's bounding box, which makes rounded fills cost ~1 ms
    // per button at these sizes, while square fills take the fast path.
    constexpr float rounding = 0;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    ImVec2 a(rect.x, rect.y);
    ImVec2 b(rect.right(), rect.bottom());
    draw->AddRectFilled(a, b, bg, rounding);
    if (border) draw->AddRect(a, b, border, rounding, 0, m_metrics.border);

    float inner = rect.w - 2 * m_metrics.pad;
    float labelHeight = measure(label, role, inner).y;
    textIn(rect.x + m_metrics.pad, rect.y + (rect.h - labelHeight) * 0.5f, inner, label, role, fg);
    m_record.addTarget(std::string(id), std::string(label), a, b);
    return clicked;
}

bool Ui::hiddenTarget(std::string_view id, Rect rect)
{
    ImGui::SetCursorScreenPos(ImVec2(rect.x, rect.y));
    std::string imguiId(id);
    bool clicked = ImGui::InvisibleButton(imguiId.c_str(), ImVec2(rect.w, rect.h));
    m_record.addTarget(imguiId, "", ImVec2(rect.x, rect.y), ImVec2(rect.right(), rect.bottom()));
    return clicked;
}

} // namespace kiosk::screens
