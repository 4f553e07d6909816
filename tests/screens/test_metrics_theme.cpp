#include <doctest/doctest.h>

#include <initializer_list>
#include <utility>

#include "metrics.hpp"
#include "theme.hpp"

using namespace kiosk::screens;

TEST_SUITE("metrics")
{
    TEST_CASE("touch targets are at least 20 mm at the configured DPI, larger in elder mode")
    {
        for (float dpi : {69.0f, 96.0f, 102.0f, 160.0f}) {
            CAPTURE(dpi);
            Metrics normal = Metrics::compute(1920, 1080, dpi, false);
            Metrics elder = Metrics::compute(1920, 1080, dpi, true);
            CHECK(normal.minTarget / normal.pxPerMm >= 20.0f);
            CHECK(elder.minTarget / elder.pxPerMm >= 20.0f);
            CHECK(elder.minTarget > normal.minTarget);
        }
    }

    TEST_CASE("elder mode text is at least 1.5 times larger, in both orientations")
    {
        for (auto [w, h] : {std::pair{1920.0f, 1080.0f}, std::pair{1080.0f, 1920.0f}}) {
            Metrics normal = Metrics::compute(w, h, 96, false);
            Metrics elder = Metrics::compute(w, h, 96, true);
            CHECK(elder.bodySize >= normal.bodySize * 1.5f - 0.5f);
            CHECK(elder.titleSize >= normal.titleSize * 1.5f - 0.5f);
            CHECK(normal.portrait == (h > w));
        }
    }
}

TEST_SUITE("theme")
{
    TEST_CASE("every text colour has at least 4.5:1 contrast on its background")
    {
        for (const Theme* t : {&Theme::normal(), &Theme::elder()}) {
            CHECK(contrastRatio(t->text, t->background) >= 4.5f);
            CHECK(contrastRatio(t->mutedText, t->background) >= 4.5f);
            CHECK(contrastRatio(t->barText, t->barBackground) >= 4.5f);
            CHECK(contrastRatio(t->primaryText, t->primary) >= 4.5f);
            CHECK(contrastRatio(t->primaryText, t->primaryPressed) >= 4.5f);
            CHECK(contrastRatio(t->primaryText, t->selected) >= 4.5f);
            CHECK(contrastRatio(t->secondaryText, t->secondary) >= 4.5f);
            CHECK(contrastRatio(t->secondaryText, t->secondaryPressed) >= 4.5f);
            CHECK(contrastRatio(t->helpText, t->help) >= 4.5f);
            CHECK(contrastRatio(t->noticeText, t->noticeBackground) >= 4.5f);
            CHECK(contrastRatio(t->warningText, t->warningBackground) >= 4.5f);
            CHECK(contrastRatio(t->text, t->panel) >= 4.5f);
        }
    }

    TEST_CASE("elder mode has higher contrast for body text than normal mode")
    {
        CHECK(contrastRatio(Theme::elder().text, Theme::elder().background) >
              contrastRatio(Theme::normal().text, Theme::normal().background));
        CHECK(contrastRatio(1u | 0xFF000000u, 0xFFFFFFFFu) > 20.0f);  // near-black on white ≈ 21:1
    }
}
