#pragma once
// A headless ImGui context with the real CJK font and catalogs: enough to
// lay out text and build the atlas without a window.
#include <doctest/doctest.h>
#include <imgui.h>

#include <memory>

#include "fonts/font_atlas.hpp"
#include "i18n/catalog.hpp"
#include "text/glyph_demand.hpp"

namespace kiosk::screens::test {

struct ImguiFixture {
    BorrowedMemory borrowed;
    CatalogSet catalogs;
    GlyphDemand demand;
    std::unique_ptr<FontAtlas> fonts;

    ImguiFixture()
    {
        borrowed.install();
        ImGui::CreateContext();
        auto loaded = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
        REQUIRE(loaded.has_value());
        catalogs = std::move(*loaded);
        auto file = FontFile::map(kDefaultCjkFont);
        REQUIRE(file.has_value());
        fonts = std::make_unique<FontAtlas>(std::move(*file), borrowed, catalogs, demand);
    }
    ~ImguiFixture()
    {
        fonts.reset();
        ImGui::DestroyContext();
    }
};

} // namespace kiosk::screens::test
