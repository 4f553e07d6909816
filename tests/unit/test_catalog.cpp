#include <doctest/doctest.h>

#include <string>

#include "i18n/catalog.hpp"

using namespace kiosk;

namespace {

std::string parseError(std::string_view text, std::string_view fileName = "x.catalog")
{
    auto result = Catalog::parse(text, fileName);
    REQUIRE_FALSE(result.has_value());
    return result.error().message;
}

Catalog parseOk(std::string_view text)
{
    auto result = Catalog::parse(text, "ok.catalog");
    if (!result) FAIL(result.error().message);
    return *result;
}

// Three catalogs with the same keys unless a test removes one.
std::vector<std::pair<Language, Catalog>> threeCatalogs(std::string_view zhCN, std::string_view zhTW,
                                                        std::string_view en)
{
    return {{Language::ZhCN, parseOk(zhCN)}, {Language::ZhTW, parseOk(zhTW)}, {Language::En, parseOk(en)}};
}

} // namespace

TEST_SUITE("catalog")
{
    TEST_CASE("a well-formed file parses and skips comments and blank lines")
    {
        Catalog c = parseOk("# heading comment\n"
                            "\n"
                            "hero.welcome = 欢迎\n"
                            "   \t\n"
                            "  # indented comment\n"
                            "title.greeting=您好，{name}\r\n"
                            "sound.volume   =   音量：{volume}%   \n");
        CHECK(c.entries().size() == 3);
        REQUIRE(c.find("hero.welcome") != nullptr);
        CHECK(*c.find("hero.welcome") == "欢迎");
        CHECK(*c.find("title.greeting") == "您好，{name}");
        CHECK(*c.find("sound.volume") == "音量：{volume}%");
        CHECK(c.find("missing.key") == nullptr);
        CHECK(c.find("# heading comment") == nullptr);
    }

    TEST_CASE("a value may contain '=' after the first one")
    {
        Catalog c = parseOk("a.b = x = y\n");
        CHECK(*c.find("a.b") == "x = y");
    }

    TEST_CASE("escapes: backslash-n is a line break and a doubled backslash is one backslash")
    {
        Catalog c = parseOk("patient.body = 第一行\\n第二行\nx.path = C:\\\\dir\n");
        CHECK(*c.find("patient.body") == "第一行\n第二行");
        CHECK(*c.find("x.path") == "C:\\dir");
    }

    TEST_CASE("a line without '=' names file and line")
    {
        std::string e = parseError("a.b = 1\n\nno equals sign here\n", "en.catalog");
        CHECK(e.starts_with("en.catalog:3: "));
        CHECK(e.find("'='") != std::string::npos);
    }

    TEST_CASE("an invalid key names file and line and key")
    {
        std::string e = parseError("a.b = 1\nHero.Welcome = 2\n", "zh-TW.catalog");
        CHECK(e.starts_with("zh-TW.catalog:2: "));
        CHECK(e.find("'Hero.Welcome'") != std::string::npos);
        CHECK(e.find("not valid") != std::string::npos);

        CHECK(parseError("= value\n").starts_with("x.catalog:1: "));
        CHECK(parseError("a b = value\n").find("'a b'") != std::string::npos);
    }

    TEST_CASE("an empty value names file and line and key")
    {
        std::string e = parseError("a.b = 1\nc.d =   \n");
        CHECK(e.starts_with("x.catalog:2: "));
        CHECK(e.find("'c.d'") != std::string::npos);
        CHECK(e.find("empty value") != std::string::npos);
    }

    TEST_CASE("a duplicate key names both lines")
    {
        std::string e = parseError("# c\na.b = 1\nc.d = 2\na.b = 3\n");
        CHECK(e.starts_with("x.catalog:4: "));
        CHECK(e.find("duplicate key 'a.b'") != std::string::npos);
        CHECK(e.find("first defined on line 2") != std::string::npos);
    }

    TEST_CASE("invalid UTF-8 names file and line and column")
    {
        // "ab = " is five bytes, so the stray 0xFF is in column 6.
        std::string e = parseError("a.b = ok\nab = \xFFzz\n", "zh-CN.catalog");
        CHECK(e.starts_with("zh-CN.catalog:2: "));
        CHECK(e.find("invalid UTF-8") != std::string::npos);
        CHECK(e.find("column 6") != std::string::npos);

        // Truncated multi-byte sequence after valid Chinese text (6 bytes + "k = ").
        std::string e2 = parseError("k = 欢迎\xE4\xB6\n");
        CHECK(e2.starts_with("x.catalog:1: "));
        CHECK(e2.find("column 11") != std::string::npos);
    }

    TEST_CASE("an unknown escape names file and line and the escape")
    {
        std::string e = parseError("a.b = 1\nc.d = tab\\there\n");
        CHECK(e.starts_with("x.catalog:2: "));
        CHECK(e.find("unknown escape '\\t'") != std::string::npos);
        CHECK(parseError("c.d = ends with\\\n").starts_with("x.catalog:1: "));
    }

    TEST_CASE("a file with only comments is an error naming the file")
    {
        std::string e = parseError("# nothing\n\n", "en.catalog");
        CHECK(e.starts_with("en.catalog"));
        CHECK(e.find("no entries") != std::string::npos);
    }

    TEST_CASE("a UTF-8 byte order mark is ignored")
    {
        Catalog c = parseOk("\xEF\xBB\xBFlang.self = English\n");
        REQUIRE(c.find("lang.self") != nullptr);
        CHECK(*c.find("lang.self") == "English");
    }

    TEST_CASE("the last line needs no newline")
    {
        Catalog c = parseOk("a.b = 1\nc.d = 2");
        CHECK(c.entries().size() == 2);
        CHECK(*c.find("c.d") == "2");
    }

    TEST_CASE("fromCatalogs: a key missing in one language names language and key")
    {
        auto missingInEn = CatalogSet::fromCatalogs(threeCatalogs("a.b = 1\nc.d = 2\n", "a.b = 1\nc.d = 2\n",
                                                                  "a.b = 1\n"));
        REQUIRE_FALSE(missingInEn.has_value());
        CHECK(missingInEn.error().message.find("en.catalog") != std::string::npos);
        CHECK(missingInEn.error().message.find("'c.d'") != std::string::npos);

        // A key only the other languages have is a gap in zh-CN.
        auto extraInTw = CatalogSet::fromCatalogs(threeCatalogs("a.b = 1\n", "a.b = 1\ne.f = 3\n", "a.b = 1\n"));
        REQUIRE_FALSE(extraInTw.has_value());
        CHECK(extraInTw.error().message.find("zh-CN.catalog") != std::string::npos);
        CHECK(extraInTw.error().message.find("'e.f'") != std::string::npos);
        CHECK(extraInTw.error().message.find("zh-TW") != std::string::npos);
    }

    TEST_CASE("fromCatalogs: a missing language is an error")
    {
        std::vector<std::pair<Language, Catalog>> two{{Language::ZhCN, parseOk("a.b = 1\n")},
                                                      {Language::En, parseOk("a.b = 1\n")}};
        auto set = CatalogSet::fromCatalogs(std::move(two));
        REQUIRE_FALSE(set.has_value());
        CHECK(set.error().message.find("zh-TW") != std::string::npos);
    }

    TEST_CASE("text gives each language's own value and a missing key is visible and counted")
    {
        auto set = CatalogSet::fromCatalogs(threeCatalogs("a.b = 甲\n", "a.b = 乙\n", "a.b = A\n"));
        REQUIRE(set.has_value());
        CHECK(set->text(Language::ZhCN, "a.b") == "甲");
        CHECK(set->text(Language::ZhTW, "a.b") == "乙");
        CHECK(set->text(Language::En, "a.b") == "A");
        CHECK(set->missingLookups() == 0);

        CHECK(set->text(Language::En, "no.such") == "⟦no.such⟧");
        CHECK(set->missingLookups() == 1);
        CHECK(set->text(Language::ZhCN, "other.gap") == "⟦other.gap⟧");
        CHECK(set->text(Language::ZhCN, "no.such") == "⟦no.such⟧");
        CHECK(set->missingLookups() == 3);
        CHECK(set->missingKeys() == std::vector<std::string>{"no.such", "other.gap"});
    }

    TEST_CASE("format fills placeholders from the catalog value")
    {
        auto set = CatalogSet::fromCatalogs(
            threeCatalogs("t.g = 您好，{name}\n", "t.g = 您好，{name}\n", "t.g = Hello, {name}!\n"));
        REQUIRE(set.has_value());
        CHECK(set->format(Language::En, "t.g", {{"name", "Zhang"}}) == "Hello, Zhang!");
        CHECK(set->format(Language::ZhCN, "t.g", {{"name", "张*三"}}) == "您好，张*三");
    }

    TEST_CASE("substitute replaces known placeholders and leaves the rest")
    {
        CHECK(substitute("{a} and {b}", {{"a", "1"}, {"b", "2"}}) == "1 and 2");
        CHECK(substitute("{a}{a}", {{"a", "x"}}) == "xx");
        CHECK(substitute("{unknown} {a}", {{"a", "x"}}) == "{unknown} x");
        CHECK(substitute("open { only", {{"only", "x"}}) == "open { only");
        CHECK(substitute("{}", {{"", "empty"}}) == "empty");
        CHECK(substitute("no placeholders", {}) == "no placeholders");
        // A value that itself looks like a placeholder is not expanded again.
        CHECK(substitute("{a}", {{"a", "{b}"}, {"b", "no"}}) == "{b}");
    }
}
