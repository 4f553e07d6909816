#include "settings_rig.hpp"

#include <fstream>

#include "settings/config_file.hpp"

using namespace kiosk;
using namespace std::chrono_literals;

namespace {

ConfigFile parse(std::string_view text) { return parseConfigText(text, "/etc/kiosk/kiosk.conf"); }

// The only problem's one-line description.
std::string onlyProblem(const ConfigFile& c)
{
    REQUIRE(c.problems.size() == 1);
    return describeProblem(c.problems[0]);
}

} // namespace

TEST_SUITE("config file")
{
    TEST_CASE("a clean file: sections, comments, blank lines, spaces trimmed, values with spaces and Chinese")
    {
        auto c = parse("# provisioned by the IT office\n"
                       "\n"
                       "[hospital]\n"
                       "  name   =   市第一人民医院 门诊部  \n"
                       "[kiosk]\n"
                       "id = K-017\r\n"
                       "receipt_footer = 请保管好小票 # not a comment\n"
                       "\t# indented comment\n"
                       "[timeouts]\n"
                       "idle_seconds=90");
        CHECK(c.problems.empty());
        REQUIRE(c.overrides.size() == 4);
        CHECK(c.overrides[0].key == "hospital.name");
        CHECK(c.overrides[0].value == "市第一人民医院 门诊部");
        CHECK(c.overrides[0].line == 4);
        CHECK(c.overrides[1].value == "K-017");
        CHECK(c.overrides[2].value == "请保管好小票 # not a comment");
        CHECK(c.overrides[3].key == "timeouts.idle_seconds");
        CHECK(c.overrides[3].line == 10);
        KioskSettings s = applyOverrides(KioskSettings{}, c);
        CHECK(s.hospitalName == "市第一人民医院 门诊部");
        CHECK(s.idleTimeout == 90s);
    }

    TEST_CASE("unknown key, with the nearest known key suggested")
    {
        CHECK(onlyProblem(parse("[timeouts]\nidle_second = 90\n")) ==
              "/etc/kiosk/kiosk.conf:2: timeouts.idle_second: unknown key (did you mean timeouts.idle_seconds?)");
        CHECK(onlyProblem(parse("[kiosk]\nidle_seconds = 90\n")) ==
              "/etc/kiosk/kiosk.conf:2: kiosk.idle_seconds: unknown key (did you mean timeouts.idle_seconds?)");
        CHECK(onlyProblem(parse("[hospital]\nmotto = healing\n")) ==
              "/etc/kiosk/kiosk.conf:2: hospital.motto: unknown key");
        auto c = parse("[timeouts]\nidle_second = 90\n");
        CHECK(c.problems[0].line == 2);
        CHECK(c.problems[0].key == "timeouts.idle_second");
        CHECK(c.overrides.empty());
    }

    TEST_CASE("unknown section: reported once, with a suggestion, its keys ignored")
    {
        auto c = parse("[timeout]\nidle_seconds = 90\nwarning_seconds = 30\n[kiosk]\ndpi = 120\n");
        CHECK(onlyProblem(c) ==
              "/etc/kiosk/kiosk.conf:1: unknown section [timeout] (did you mean [timeouts]?); its keys are ignored");
        REQUIRE(c.overrides.size() == 1);
        CHECK(c.overrides[0].key == "kiosk.dpi");
    }

    TEST_CASE("wrong type and out of range carry file, line and key")
    {
        auto c = parse("[timeouts]\nidle_seconds = 5\nwarning_seconds = half a minute\n[services]\nbills = maybe\n");
        REQUIRE(c.problems.size() == 3);
        CHECK(describeProblem(c.problems[0]) ==
              "/etc/kiosk/kiosk.conf:2: timeouts.idle_seconds: 5 is below the minimum of 20 seconds");
        CHECK(c.problems[0].key == "timeouts.idle_seconds");
        CHECK(describeProblem(c.problems[1]) ==
              "/etc/kiosk/kiosk.conf:3: timeouts.warning_seconds: 'half a minute' is not a whole number");
        CHECK(describeProblem(c.problems[2]) ==
              "/etc/kiosk/kiosk.conf:5: services.bills: 'maybe' is not a boolean (use true/false, yes/no, on/off or "
              "1/0)");
        CHECK(c.overrides.empty());
    }

    TEST_CASE("a duplicate key: the first stays, the second is reported")
    {
        auto c = parse("[kiosk]\ndpi = 120\n\ndpi = 150\n");
        CHECK(onlyProblem(c) ==
              "/etc/kiosk/kiosk.conf:4: kiosk.dpi: given twice (first on line 2); this line is ignored");
        REQUIRE(c.overrides.size() == 1);
        CHECK(c.overrides[0].value == "120");
    }

    TEST_CASE("malformed lines")
    {
        CHECK(onlyProblem(parse("[kiosk]\nthis line has no equals sign\n")) ==
              "/etc/kiosk/kiosk.conf:2: malformed line: expected 'key = value', '[section]' or a '#' comment");
        CHECK(onlyProblem(parse("[kiosk]\n = 5\n")) == "/etc/kiosk/kiosk.conf:2: malformed line: no key before '='");
        CHECK(onlyProblem(parse("[kiosk\ndpi = 120\n")) ==
              "/etc/kiosk/kiosk.conf:1: malformed section line: expected '[name]'");
        CHECK(onlyProblem(parse("dpi = 120\n[kiosk]\n")) ==
              "/etc/kiosk/kiosk.conf:1: dpi: a key before any [section] line (did you mean [kiosk]?)");
    }

    TEST_CASE("invalid UTF-8: the line is reported with its key and skipped, the rest applies")
    {
        auto c = parse("[hospital]\nname = \xe5\xb8\x82\xff\n[kiosk]\ndpi = 120\n");
        CHECK(onlyProblem(c) ==
              "/etc/kiosk/kiosk.conf:2: hospital.name: the line is not valid UTF-8 (byte 11); save the file as UTF-8");
        CHECK(c.problems[0].key == "hospital.name");
        REQUIRE(c.overrides.size() == 1);
        CHECK(c.overrides[0].key == "kiosk.dpi");
        // A byte-order mark from a Windows editor is not a problem.
        CHECK(parse("\xEF\xBB\xBF[kiosk]\ndpi = 120\n").problems.empty());
    }

    TEST_CASE("a bad line is skipped and every other line still applies")
    {
        auto c = parse("[kiosk]\nid = K-020\ndpi = 9000\norientation = portrait\n[registration]\ndaily_limit = 2\n");
        REQUIRE(c.problems.size() == 1);
        CHECK(c.problems[0].line == 3);
        KioskSettings stored;
        stored.screenDpi = 120;
        KioskSettings s = applyOverrides(stored, c);
        CHECK(s.kioskId == "K-020");
        CHECK(s.screenDpi == 120.0f);  // the stored value, not 9000
        CHECK(s.orientation == Orientation::Portrait);
        CHECK(s.registrationDailyLimit == 2);
    }

    TEST_CASE("a default language that is not on offer is dropped; then a language list without the default")
    {
        auto c = parse("[kiosk]\nlanguages = zh-CN, zh-TW\ndefault_language = en\n");
        KioskSettings s = applyOverrides(KioskSettings{}, c);
        CHECK(onlyProblem(c) == "/etc/kiosk/kiosk.conf:3: kiosk.default_language: en is not among kiosk.languages "
                                "(zh-CN, zh-TW); the line is ignored");
        CHECK(s.languages == std::vector<Language>{Language::ZhCN, Language::ZhTW});
        CHECK(s.defaultLanguage == Language::ZhCN);

        auto c2 = parse("[kiosk]\nlanguages = en\n");
        KioskSettings s2 = applyOverrides(KioskSettings{}, c2);
        CHECK(onlyProblem(c2) == "/etc/kiosk/kiosk.conf:2: kiosk.languages: en leaves out the default language "
                                 "zh-CN; the line is ignored");
        CHECK(s2.languages.size() == 3);
        CHECK(c2.overrides.empty());
    }

    TEST_CASE("readConfigFile reads from disk and names the file it could not read")
    {
        settings_test::ScratchDir dir;
        std::string path = dir.file("kiosk.conf");
        std::ofstream(path) << "[kiosk]\ndpi = 12\n";
        auto c = readConfigFile(path);
        REQUIRE(c.has_value());
        CHECK(onlyProblem(*c) == path + ":2: kiosk.dpi: 12 is below the minimum of 72 dots per inch");
        auto missing = readConfigFile(dir.file("absent.conf"));
        REQUIRE(!missing.has_value());
        CHECK(missing.error().message == "cannot read the config file " + dir.file("absent.conf"));
    }
}
