#pragma once
// The drawing vocabulary every screen uses: text and touch targets that
// record themselves in the FrameRecord, sized from Metrics and coloured from
// the Theme. Screens never call ImGui widgets directly.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "fonts/font_atlas.hpp"
#include "i18n/catalog.hpp"
#include "metrics.hpp"
#include "shell/intent.hpp"
#include "shell/shell.hpp"
#include "theme.hpp"
#include "widgets/frame_record.hpp"

namespace kiosk::screens {

enum class ButtonStyle { Primary, Secondary, Help, Selected };
enum class Align { Left, Center, Right };

struct Rect {
    float x = 0;
    float y = 0;
    float w = 0;
    float h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
};

class Ui {
public:
    Ui(const Shell& shell, const CatalogSet& catalogs, const FontAtlas& fonts, const Metrics& metrics,
       const Theme& theme, FrameRecord& record, WallTime wallNow);

    const Shell& shell() const { return m_shell; }
    const Metrics& metrics() const { return m_metrics; }
    const Theme& theme() const { return m_theme; }
    WallTime wallNow() const { return m_wallNow; }
    Language language() const { return m_shell.prefs().language; }
    const CatalogSet& catalogs() const { return m_catalogs; }

    std::string tr(std::string_view key) const;
    std::string format(std::string_view key, const TextArgs& args) const;
    /// A language's name in that language (简体中文, 繁體中文, English).
    std::string nativeLanguageName(Language l) const { return m_catalogs.text(l, "lang.self"); }

    ImVec2 measure(std::string_view text, FontRole role, float wrapWidth = 0) const;
    /// Draws text with its top-left at `pos`; returns its size.
    ImVec2 text(ImVec2 pos, std::string_view text, FontRole role, ImU32 color, float wrapWidth = 0);
    /// Draws text aligned inside [x, x+width] at `y`, wrapped to that width; returns its height.
    float textIn(float x, float y, float width, std::string_view text, FontRole role, ImU32 color,
                 Align align = Align::Center);

    /// A touch target with a centred, wrapped label. Returns true when tapped.
    bool button(std::string_view id, std::string_view label, Rect rect, ButtonStyle style,
                FontRole role = FontRole::Body);
    /// Width a button needs for `label` (never below the minimum target).
    /// A touch target with nothing drawn (maintainer mode's hidden corner); true when tapped.
    bool hiddenTarget(std::string_view id, Rect rect);
    float buttonWidth(std::string_view label, FontRole role = FontRole::Body) const;
    float buttonHeight(FontRole role = FontRole::Body) const;

    /// A solid rectangle (square corners; see Ui::button for why).
    void fill(Rect rect, ImU32 color);
    void intend(Intent intent) { m_intents.push_back(std::move(intent)); }
    std::vector<Intent> takeIntents() { return std::move(m_intents); }
    void setOverlayLayer(bool on) { m_record.setOverlayLayer(on); }
    void setBounds(Rect r) { m_record.setBounds(std::pair{ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom())}); }
    void clearBounds() { m_record.setBounds(std::nullopt); }
    /// A boxed message (notice or warning) at `y` across `width`; returns its height.
    float message(float x, float y, float width, std::string_view text, ImU32 background, ImU32 color);
    /// Declares the only part of the frame that changes while nothing but
    /// time passes (the countdown panel); the loop may then redraw just that.
    void markAnimated(Rect rect) { m_animated = rect; }
    std::optional<Rect> animatedRegion() const { return m_animated; }

private:
    void checkGlyphs(std::string_view text, FontRole role);

    const Shell& m_shell;
    const CatalogSet& m_catalogs;
    const FontAtlas& m_fonts;
    const Metrics& m_metrics;
    const Theme& m_theme;
    FrameRecord& m_record;
    WallTime m_wallNow;
    std::vector<Intent> m_intents;
    std::optional<Rect> m_animated;
};

} // namespace kiosk::screens
