#pragma once
// The glyph atlas holds only the characters in use: the current language's
// catalog, every language's own name (for the language buttons), ASCII, and
// runtime text from GlyphDemand (names from ID cards, hospital data). It is
// rebuilt between frames when any of those change, never mid-frame.
#include <cstdint>
#include <set>
#include <string>

#include <imgui.h>

#include "fonts/borrowed_memory.hpp"
#include "fonts/font_file.hpp"
#include "i18n/catalog.hpp"
#include "metrics.hpp"
#include "text/glyph_demand.hpp"

namespace kiosk::screens {

enum class FontRole { Body, Title, Clock };

struct AtlasStats {
    int width = 0;
    int height = 0;
    std::size_t glyphs = 0;
    std::size_t rebuilds = 0;
    double lastBuildMs = 0;
};

class FontAtlas {
public:
    /// `borrowed` must be installed as ImGui's allocator (see BorrowedMemory).
    FontAtlas(FontFile file, BorrowedMemory& borrowed, const CatalogSet& catalogs, const GlyphDemand& demand);
    /// Clears ImGui's atlas first: it points into the mapping this releases.
    ~FontAtlas();
    FontAtlas(const FontAtlas&) = delete;
    FontAtlas& operator=(const FontAtlas&) = delete;

    /// Rebuilds ImGui's atlas if the language, the sizes or the demanded
    /// glyphs changed. Returns true when the texture must be uploaded again.
    bool update(Language language, const Metrics& metrics);

    ImFont* font(FontRole role) const;
    float size(FontRole role) const;
    const AtlasStats& stats() const { return m_stats; }
    /// The characters in the body font right now (for checks and tests).
    const std::set<char32_t>& bodyCharacters() const { return m_body; }

private:
    void build(Language language, const Metrics& metrics);

    FontFile m_file;
    BorrowedMemory& m_borrowed;
    const CatalogSet& m_catalogs;
    const GlyphDemand& m_demand;
    bool m_built = false;
    Language m_language = Language::ZhCN;
    float m_sizes[3] = {0, 0, 0};
    std::uint64_t m_generation = ~std::uint64_t{0};
    ImFont* m_fonts[3] = {nullptr, nullptr, nullptr};
    ImVector<ImWchar> m_ranges[3];
    std::set<char32_t> m_body;
    AtlasStats m_stats;
};

/// Catalog keys whose text is drawn with the title font.
bool isTitleKey(std::string_view key);

} // namespace kiosk::screens
