// The shipped catalogs load, and every catalog key the code asks for exists:
// a key typed wrong in a screen is a test failure here rather than a "⟦key⟧"
// in front of a patient.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "i18n/catalog.hpp"
#include "settings/setting_fields.hpp"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

struct Literal {
    std::string text;
    std::size_t offset = 0;  ///< Of the opening quote.
    int line = 0;
};

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// The identifier or number that ends just before `end`.
std::string_view tokenBefore(std::string_view src, std::size_t end)
{
    std::size_t start = end;
    while (start > 0 && (isIdentChar(src[start - 1]) || src[start - 1] == '\'')) --start;
    return src.substr(start, end - start);
}

// String literals of a C++ source, skipping comments and character literals
// (and digit separators such as 60'000, which are neither).
std::vector<Literal> stringLiterals(std::string_view src)
{
    std::vector<Literal> out;
    int line = 1;
    auto skipTo = [&](std::size_t from, std::string_view end) {
        std::size_t at = src.find(end, from);
        std::size_t stop = at == std::string_view::npos ? src.size() : at + end.size();
        line += static_cast<int>(std::count(src.begin() + from, src.begin() + stop, '\n'));
        return stop;
    };
    for (std::size_t i = 0; i < src.size();) {
        char c = src[i];
        if (c == '\n') {
            ++line;
            ++i;
        } else if (src.substr(i, 2) == "//") {
            i = src.find('\n', i);
            if (i == std::string_view::npos) break;
        } else if (src.substr(i, 2) == "/*") {
            i = skipTo(i + 2, "*/");
        } else if (c == '"' && i > 0 && src[i - 1] == 'R' &&
                   std::set<std::string_view>{"R", "u8R", "uR", "UR", "LR"}.contains(tokenBefore(src, i))) {
            std::size_t open = src.find('(', i);
            std::string close = ")" + std::string(src.substr(i + 1, open - i - 1)) + "\"";
            int startLine = line;
            std::size_t stop = skipTo(open, close);
            out.push_back({std::string(src.substr(open + 1, stop - close.size() - open - 1)), i, startLine});
            i = stop;
        } else if (c == '"') {
            std::string text;
            std::size_t j = i + 1;
            for (; j < src.size() && src[j] != '"' && src[j] != '\n'; ++j) {
                if (src[j] == '\\' && j + 1 < src.size()) text.push_back(src[j++]);
                text.push_back(src[j]);
            }
            out.push_back({text, i, line});
            i = j + 1;
        } else if (c == '\'') {
            std::string_view token = tokenBefore(src, i);
            if (!token.empty() && token.front() >= '0' && token.front() <= '9') {
                ++i;  // digit separator
                continue;
            }
            std::size_t j = i + 1;
            while (j < src.size() && src[j] != '\'' && src[j] != '\n') j += src[j] == '\\' ? 2 : 1;
            i = j + 1;
        } else {
            ++i;
        }
    }
    return out;
}

// True when the literal at `offset` is an argument of tr("…"), format("…", …)
// or text(…, "…"): the calls that look a key up.
bool isLookupArgument(std::string_view src, std::size_t offset)
{
    std::size_t p = offset;
    while (p > 0 && (src[p - 1] == ' ' || src[p - 1] == '\t' || src[p - 1] == '\n')) --p;
    if (p == 0) return false;
    if (src[p - 1] == '(') {
        std::string_view callee = tokenBefore(src, p - 1);
        return callee == "tr" || callee == "format";
    }
    if (src[p - 1] != ',') return false;
    // Walk back to the '(' that opens this argument list.
    int depth = 0;
    for (std::size_t k = p - 1; k > 0; --k) {
        char c = src[k - 1];
        if (c == ';' || c == '{' || c == '}') return false;
        if (c == ')') ++depth;
        if (c == '(') {
            if (depth == 0) return tokenBefore(src, k - 1) == "text";
            --depth;
        }
    }
    return false;
}

struct KeyUse {
    std::string key;
    std::string where;  ///< file:line, relative to the repository.
};

struct Scan {
    std::vector<KeyUse> keys;
    std::vector<KeyUse> prefixes;  ///< Literals ending in '.' passed to a lookup.
    std::size_t files = 0;
};

Scan scanSources()
{
    static const std::regex keyPattern(
        "^(lang|hospital|date|weekday|month|chrome|hero|attract|title|identify|patient|notice|timeout|"
        "call_staff|overlay|sound|voice)\\.[a-z0-9_.-]+$");
    // Lower-case words joined by dots, possibly ending in a dot (a prefix).
    static const std::regex keyShape("^[a-z0-9_-]+(\\.[a-z0-9_-]+)*\\.?$");
    Scan scan;
    const fs::path root = KIOSK_SOURCE_DIR;
    for (const char* folder : {"kiosk", "screens"}) {
        for (const auto& entry : fs::recursive_directory_iterator(root / folder)) {
            std::string ext = entry.path().extension().string();
            if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::stringstream buffer;
            buffer << in.rdbuf();
            const std::string src = buffer.str();
            ++scan.files;
            std::string rel = fs::relative(entry.path(), root).string();
            for (const Literal& lit : stringLiterals(src)) {
                std::string where = rel + ":" + std::to_string(lit.line);
                bool lookup = isLookupArgument(src, lit.offset) && lit.text.find('.') != std::string::npos &&
                              std::regex_match(lit.text, keyShape);
                // The config file's keys ("hospital.name") share a first word with catalog keys
                // but are looked up in the settings, never in a catalog.
                if (!lookup && findSettingField(lit.text)) continue;
                if (lookup && lit.text.ends_with('.')) scan.prefixes.push_back({lit.text, where});
                else if (lookup || (!lit.text.ends_with('.') && std::regex_match(lit.text, keyPattern)))
                    scan.keys.push_back({lit.text, where});
            }
        }
    }
    return scan;
}

CatalogSet loadShipped()
{
    auto set = CatalogSet::load(std::string(KIOSK_TEST_ASSETS) + "/i18n");
    if (!set) FAIL(set.error().message);
    return std::move(*set);
}

std::set<std::string> placeholders(const std::string& value)
{
    static const std::regex placeholder("\\{([a-z_]+)\\}");
    std::set<std::string> out;
    for (auto it = std::sregex_iterator(value.begin(), value.end(), placeholder); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}

} // namespace

TEST_SUITE("catalog_keys_used")
{
    TEST_CASE("the shipped catalogs load and agree with each other")
    {
        CatalogSet set = loadShipped();
        CHECK(set.catalog(Language::ZhCN).entries().size() > 40);
        CHECK(set.text(Language::ZhCN, "lang.self") == "简体中文");
        CHECK(set.text(Language::En, "lang.self") == "English");
        CHECK(set.missingLookups() == 0);
    }

    TEST_CASE("every language uses the placeholders the code fills in")
    {
        // The date is the one text whose arguments differ by language (a month
        // number in Chinese, a month name in English); the chrome passes all of them.
        const std::map<std::string, std::set<std::string>, std::less<>> offered{
            {"date.format", {"year", "month", "month_name", "day", "weekday"}}};
        CatalogSet set = loadShipped();
        for (const auto& [key, value] : set.catalog(Language::ZhCN).entries())
            for (Language l : kAllLanguages) {
                INFO(languageTag(l), ".catalog key ", key, " = ", set.text(l, key));
                auto used = placeholders(set.text(l, key));
                if (auto it = offered.find(key); it != offered.end())
                    CHECK(std::includes(it->second.begin(), it->second.end(), used.begin(), used.end()));
                else
                    CHECK(used == placeholders(value));
            }
    }

    TEST_CASE("the scanner finds literals and skips comments and character literals")
    {
        std::string src = "// tr(\"in.comment\")\n"
                          "char q = '\"'; int n = 60'000;\n"
                          "/* \"block.comment\" */ auto a = tr(\"hero.start\");\n"
                          "auto b = ui.format(\"title.greeting\", {{\"name\", x}});\n"
                          "auto c = catalogs.text(l, \"lang.self\");\n"
                          "auto d = R\"(raw.text)\";\n"
                          "auto e = ui.tr(\"month.\" + std::to_string(m));\n";
        auto lits = stringLiterals(src);
        std::vector<std::string> texts;
        for (const auto& l : lits) texts.push_back(l.text);
        CHECK(texts ==
              std::vector<std::string>{"hero.start", "title.greeting", "name", "lang.self", "raw.text", "month."});
        REQUIRE(lits.size() == 6);
        CHECK(lits[0].line == 3);
        CHECK(isLookupArgument(src, lits[0].offset));
        CHECK(isLookupArgument(src, lits[1].offset));
        CHECK_FALSE(isLookupArgument(src, lits[2].offset));
        CHECK(isLookupArgument(src, lits[3].offset));
        CHECK_FALSE(isLookupArgument(src, lits[4].offset));
        CHECK(isLookupArgument(src, lits[5].offset));
        CHECK(lits[5].line == 7);
    }

    TEST_CASE("every key used in kiosk/ and screens/ is in the zh-CN catalog")
    {
        CatalogSet set = loadShipped();
        const Catalog& zh = set.catalog(Language::ZhCN);
        Scan scan = scanSources();
        REQUIRE(scan.files > 10);

        // Keys the scan must see, so that a broken scanner cannot pass silently.
        std::set<std::string> seen;
        for (const auto& use : scan.keys) seen.insert(use.key);
        for (const char* expected : {"voice.attract", "voice.timeout_warning", "notice.card_read_failed", "hero.start",
                                     "title.greeting", "lang.self", "sound.mute", "sound.unmute"}) {
            INFO("the scan did not find ", expected);
            CHECK(seen.contains(expected));
        }
        CHECK(seen.size() > 30);

        std::string missing;
        for (const auto& use : scan.keys)
            if (!zh.find(use.key)) missing += "\n  " + use.key + "  (" + use.where + ")";
        INFO("keys used in the source but missing from zh-CN.catalog:", missing);
        CHECK(missing.empty());
    }

    TEST_CASE("keys built from a prefix exist for every value they can take")
    {
        CatalogSet set = loadShipped();
        Scan scan = scanSources();

        std::set<std::string> found;
        for (const auto& use : scan.prefixes) found.insert(use.key);
        CHECK(found.contains("month."));
        CHECK(found.contains("weekday."));

        // A new prefix needs its expansions listed here.
        std::string unexpected;
        for (const auto& use : scan.prefixes)
            if (use.key != "month." && use.key != "weekday.") unexpected += "\n  " + use.key + "  (" + use.where + ")";
        INFO("prefixes looked up with no expansion check in this test:", unexpected);
        CHECK(unexpected.empty());

        std::vector<std::string> expanded;
        for (int m = 1; m <= 12; ++m) expanded.push_back("month." + std::to_string(m));
        for (int d = 0; d <= 6; ++d) expanded.push_back("weekday." + std::to_string(d));
        for (Language l : kAllLanguages)
            for (const auto& key : expanded) {
                INFO(languageTag(l), ".catalog lacks ", key);
                CHECK(set.catalog(l).find(key) != nullptr);
            }
    }
}
