#pragma once
// What the last frame showed: every piece of text and every touch target
// with its rectangle. Scenarios tap and assert against it, and the layout
// checks (text on screen, targets big enough, no missing glyphs) read it.
#include <optional>
#include <set>
#include <utility>
#include <string>
#include <vector>

#include <imgui.h>

namespace kiosk::screens {

struct RecordedItem {
    enum class Kind { Text, Target } kind = Kind::Text;
    std::string id;    ///< Stable widget id for targets, empty for text.
    std::string text;  ///< Visible text (a target's label).
    ImVec2 min;
    ImVec2 max;
    bool onOverlay = false;
    /// The area the item had to stay in (the content area between the bars), if any.
    std::optional<std::pair<ImVec2, ImVec2>> bounds;
};

class FrameRecord {
public:
    void clear();
    void addText(std::string text, ImVec2 min, ImVec2 max);
    void addTarget(std::string id, std::string label, ImVec2 min, ImVec2 max);
    void noteMissingGlyph(char32_t c) { m_missing.insert(c); }
    void setOverlayLayer(bool on) { m_overlay = on; }
    /// Items added from now on must lie inside [min, max]; nullopt lifts it.
    void setBounds(std::optional<std::pair<ImVec2, ImVec2>> bounds) { m_bounds = bounds; }

    const std::vector<RecordedItem>& items() const { return m_items; }
    const std::set<char32_t>& missingGlyphs() const { return m_missing; }
    bool overlayShown() const;

    /// Any text or target label containing `needle`.
    bool showsText(std::string_view needle) const;
    /// The target to tap for `selector`: "#id", or the label (exact match
    /// first, then a label containing it). Targets on an overlay win, since
    /// an overlay covers what is under it.
    const RecordedItem* findTarget(std::string_view selector) const;

private:
    std::vector<RecordedItem> m_items;
    std::set<char32_t> m_missing;
    bool m_overlay = false;
    std::optional<std::pair<ImVec2, ImVec2>> m_bounds;
};

} // namespace kiosk::screens
