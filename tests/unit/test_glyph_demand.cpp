#include <doctest/doctest.h>

#include "text/glyph_demand.hpp"

using namespace kiosk;

TEST_SUITE("glyph_demand")
{
    TEST_CASE("generation changes only when new characters arrive")
    {
        GlyphDemand glyphs;
        auto g0 = glyphs.generation();
        glyphs.require("示范医院", GlyphScope::Kiosk);
        auto g1 = glyphs.generation();
        CHECK(g1 != g0);
        glyphs.require("医院示范", GlyphScope::Kiosk);
        CHECK(glyphs.generation() == g1);
        glyphs.require("", GlyphScope::Session);
        CHECK(glyphs.generation() == g1);
        // Characters the kiosk already holds add nothing for a session.
        glyphs.require("医院", GlyphScope::Session);
        CHECK(glyphs.generation() == g1);
        CHECK(glyphs.sessionCharacterCount() == 0);
        glyphs.require("医鑫", GlyphScope::Session);
        auto g2 = glyphs.generation();
        CHECK(g2 != g1);
        glyphs.require("鑫", GlyphScope::Session);
        CHECK(glyphs.generation() == g2);
    }

    TEST_CASE("characters() is the union of both scopes without control characters")
    {
        GlyphDemand glyphs;
        glyphs.require("ab\n\t", GlyphScope::Kiosk);
        glyphs.require("䶮𠮷", GlyphScope::Session);
        CHECK(glyphs.characters() == std::set<char32_t>{U'a', U'b', 0x4DAE, 0x20BB7});
        CHECK(glyphs.sessionCharacterCount() == 2);
    }

    TEST_CASE("clearSession drops session characters and keeps kiosk ones")
    {
        GlyphDemand glyphs;
        glyphs.require("医院", GlyphScope::Kiosk);
        glyphs.require("王水淼", GlyphScope::Session);
        CHECK(glyphs.sessionCharacterCount() == 3);
        auto before = glyphs.generation();
        glyphs.clearSession();
        CHECK(glyphs.generation() != before);
        CHECK(glyphs.sessionCharacterCount() == 0);
        CHECK(glyphs.characters() == std::set<char32_t>{U'医', U'院'});

        // Clearing an empty session changes nothing, so the atlas is not rebuilt.
        auto cleared = glyphs.generation();
        glyphs.clearSession();
        CHECK(glyphs.generation() == cleared);

        // The next patient's characters come back as new.
        glyphs.require("淼", GlyphScope::Session);
        CHECK(glyphs.generation() != cleared);
        CHECK(glyphs.characters().contains(U'淼'));
    }
}
