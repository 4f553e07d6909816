#include <doctest/doctest.h>

#include "imgui_fixture.hpp"
#include "widgets/text_layout.hpp"

using namespace kiosk;
using namespace kiosk::screens;

TEST_SUITE("text_layout")
{
    TEST_CASE("Chinese breaks between characters, never before closing punctuation")
    {
        test::ImguiFixture fx;
        Metrics m = Metrics::compute(1920, 1080, 96, false);
        fx.fonts->update(Language::ZhCN, m);
        ImFont* font = fx.fonts->font(FontRole::Body);
        float size = fx.fonts->size(FontRole::Body);
        std::string text = "30 秒后将返回首页，并清除您的信息。";
        float ideograph = font->CalcTextSizeA(size, 1e9f, 0, "中").x;
        float width = ideograph * 7.2f;  // about seven ideographs
        auto lines = breakLines(font, size, text, width);
        REQUIRE(lines.size() >= 3);
        CHECK(lines[0].starts_with("30 秒"));  // the space is not where it must break
        for (auto line : lines) {
            CHECK_FALSE(line.starts_with("，"));
            CHECK_FALSE(line.starts_with("。"));
            CHECK(font->CalcTextSizeA(size, 1e9f, 0, line.data(), line.data() + line.size()).x <= width + 0.5f);
        }
        std::string joined;
        for (auto line : lines) joined += line;
        CHECK(joined == "30 秒后将返回首页，并清除您的信息。");
    }

    TEST_CASE("English breaks at spaces and keeps words whole")
    {
        test::ImguiFixture fx;
        fx.fonts->update(Language::En, Metrics::compute(1920, 1080, 96, false));
        ImFont* font = fx.fonts->font(FontRole::Body);
        float size = fx.fonts->size(FontRole::Body);
        float width = font->CalcTextSizeA(size, 1e9f, 0, "Place your I").x;  // "ID" does not fit
        auto lines = breakLines(font, size, "Place your ID card flat on the reader", width);
        REQUIRE(lines.size() >= 2);
        for (auto line : lines) {
            CHECK_FALSE(line.starts_with(" "));
            CHECK_FALSE(line.ends_with(" "));
        }
        CHECK(lines[0] == "Place your");
    }

    TEST_CASE("newlines always break and a lone long word is cut rather than overflowing")
    {
        test::ImguiFixture fx;
        fx.fonts->update(Language::En, Metrics::compute(1920, 1080, 96, false));
        ImFont* font = fx.fonts->font(FontRole::Body);
        float size = fx.fonts->size(FontRole::Body);
        auto lines = breakLines(font, size, "one\ntwo", 1000);
        REQUIRE(lines.size() == 2);
        CHECK(lines[1] == "two");
        auto cut = breakLines(font, size, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", font->CalcTextSizeA(size, 1e9f, 0, "AAAA").x);
        CHECK(cut.size() > 1);
    }
}
