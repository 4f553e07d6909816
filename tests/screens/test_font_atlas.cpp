#include <doctest/doctest.h>

#include "imgui_fixture.hpp"
#include "text/utf8.hpp"

using namespace kiosk;
using namespace kiosk::screens;

namespace {
bool hasGlyph(ImFont* font, char32_t c) { return c <= 0xFFFF && font->FindGlyphNoFallback(static_cast<ImWchar>(c)); }
} // namespace

TEST_SUITE("font_atlas")
{
    TEST_CASE("every catalog string of each language has its glyphs, in normal and elder sizes")
    {
        test::ImguiFixture fx;
        for (bool elder : {false, true})
            for (Language l : kAllLanguages) {
                CAPTURE(languageTag(l));
                CAPTURE(elder);
                fx.fonts->update(l, Metrics::compute(1080, 1920, 96, elder));
                ImFont* body = fx.fonts->font(FontRole::Body);
                for (const auto& [key, value] : fx.catalogs.catalog(l).entries())
                    for (char32_t c : decodeUtf8Lossy(value))
                        if (c != '\n') CHECK_MESSAGE(hasGlyph(body, c), key);
                for (Language other : kAllLanguages)
                    for (char32_t c : decodeUtf8Lossy(fx.catalogs.text(other, "lang.self"))) CHECK(hasGlyph(body, c));
            }
    }

    TEST_CASE("rare name characters join the atlas on demand and leave with the session")
    {
        test::ImguiFixture fx;
        Metrics m = Metrics::compute(1920, 1080, 96, false);
        CHECK(fx.fonts->update(Language::ZhCN, m));
        for (char32_t c : decodeUtf8Lossy("鑫淼犇骉䶮")) CHECK_FALSE(hasGlyph(fx.fonts->font(FontRole::Body), c));
        fx.demand.require("李金鑫 王水淼 赵大犇 刘子骉 龚小䶮", GlyphScope::Session);
        CHECK(fx.fonts->update(Language::ZhCN, m));  // rebuilt
        for (char32_t c : decodeUtf8Lossy("鑫淼犇骉䶮")) {
            CHECK(hasGlyph(fx.fonts->font(FontRole::Body), c));
            CHECK(hasGlyph(fx.fonts->font(FontRole::Title), c));
        }
        CHECK_FALSE(fx.fonts->update(Language::ZhCN, m));  // nothing changed, no rebuild
        fx.demand.clearSession();
        CHECK(fx.fonts->update(Language::ZhCN, m));
        CHECK_FALSE(hasGlyph(fx.fonts->font(FontRole::Body), U'䶮'));
    }

    TEST_CASE("the atlas stays small: only glyphs in use, never a full CJK range")
    {
        test::ImguiFixture fx;
        fx.fonts->update(Language::ZhTW, Metrics::compute(1080, 1920, 96, true));
        const AtlasStats& s = fx.fonts->stats();
        CHECK(s.glyphs < 1500);
        CHECK(s.width <= 1024);
        CHECK(s.height <= 2048);
    }
}
